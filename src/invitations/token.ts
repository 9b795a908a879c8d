// Invitation tokens look like `cli_<43 base62 characters: 256 random bits>`. Like API keys, only a
// keyed hash (HMAC-SHA256) is stored: a leaked invitations table cannot be turned into tokens, and
// a random 256-bit secret needs no slow password hash. The HMAC key is derived from the API-key
// hash key with its own label, so the two kinds of hash can never be confused.
import crypto from 'node:crypto';
import { randomBase62Secret } from '../api-keys/key-format.js';

export const INVITE_TOKEN_PREFIX = 'cli_';
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const generateInviteToken = () => `${INVITE_TOKEN_PREFIX}${randomBase62Secret()}`;

const derivedKeys = new WeakMap<Buffer, Buffer>();

export function hashInviteToken(token: string, apiKeyHmacKey: Buffer): Buffer {
  let key = derivedKeys.get(apiKeyHmacKey);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync('sha256', apiKeyHmacKey, 'chatlogger', 'invitation-token-hash', 32));
    derivedKeys.set(apiKeyHmacKey, key);
  }
  return crypto.createHmac('sha256', key).update(token).digest();
}
