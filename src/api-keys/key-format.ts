// API keys look like `clk_<43 base62 characters: 256 random bits><6 base62 characters: CRC32>`.
// The readable prefix makes them easy to spot (and to scan for in leaked code); the checksum lets
// a typo be rejected without touching the database. Only an HMAC-SHA256 of the key is stored:
// a 256-bit random secret needs a keyed fast hash, not a slow password hash.
import crypto from 'node:crypto';
import zlib from 'node:zlib';

export const API_KEY_PREFIX = 'clk_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_LENGTH = 43; // 62^43 > 2^256
const CHECKSUM_LENGTH = 6; // 62^6 > 2^32
/** How many characters of a key are kept (and listed) to tell keys apart. */
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

function base62(value: bigint, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value % 62n)] + out;
    value /= 62n;
  }
  return out;
}

const checksum = (secret: string) => base62(BigInt(zlib.crc32(secret)), CHECKSUM_LENGTH);

/** 256 random bits as 43 base62 characters (also used for invitation tokens). */
export const randomBase62Secret = () => base62(BigInt('0x' + crypto.randomBytes(32).toString('hex')), SECRET_LENGTH);

export function generateApiKey(): { key: string; prefix: string } {
  const secret = randomBase62Secret();
  const key = `${API_KEY_PREFIX}${secret}${checksum(secret)}`;
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH) };
}

export const looksLikeApiKey = (value: string) => value.startsWith(API_KEY_PREFIX);

/** True when the key has the right shape and its checksum matches. */
export function isWellFormedApiKey(key: string): boolean {
  if (key.length !== API_KEY_PREFIX.length + SECRET_LENGTH + CHECKSUM_LENGTH || !looksLikeApiKey(key)) return false;
  const secret = key.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + SECRET_LENGTH);
  if (![...secret].every((c) => ALPHABET.includes(c))) return false;
  return key.endsWith(checksum(secret));
}

/** The HMAC key for API key hashes, derived from the installation's secret. */
export const apiKeyHmacKey = (secret: string) =>
  Buffer.from(crypto.hkdfSync('sha256', secret, 'chatlogger', 'api-key-hash', 32));

export const hashApiKey = (key: string, hmacKey: Buffer) => crypto.createHmac('sha256', hmacKey).update(key).digest();
