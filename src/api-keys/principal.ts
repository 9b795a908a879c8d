// The bot an organization API key stands for (the auth hook's question, src/http/authenticate.ts).
import type { AppDeps } from '../http/context.js';
import type { Principal } from '../http/authenticate.js';
import { unauthorized } from '../http/errors.js';
import { hashApiKey, isWellFormedApiKey } from './key-format.js';
import { findActiveKey, touchApiKey } from './repository.js';

export { looksLikeApiKey } from './key-format.js';

/** The bot of a valid, unrevoked key; 401 otherwise. */
export async function apiKeyPrincipal(deps: AppDeps, key: string): Promise<Principal> {
  if (!isWellFormedApiKey(key)) throw unauthorized('Invalid API key');
  const { db, apiKeyHmacKey, apiKeyCache } = deps;
  const hash = hashApiKey(key, apiKeyHmacKey);
  let row = apiKeyCache.get(hash);
  if (!row) {
    row = await findActiveKey(db, hash);
    if (!row) throw unauthorized('Invalid or revoked API key');
    apiKeyCache.set(hash, row);
  }
  if (await touchApiKey(db, row.organizationId, row.id, row.lastUsedAt)) row.lastUsedAt = new Date();
  return { kind: 'api_key', apiKeyId: row.id, organizationId: row.organizationId, organizationSlug: row.organizationSlug };
}
