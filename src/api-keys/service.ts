import type { AppDeps } from '../http/context.js';
import { badRequest, notFound } from '../http/errors.js';
import { generateApiKey, hashApiKey } from './key-format.js';
import * as repo from './repository.js';

export async function createApiKey(deps: AppDeps, organizationId: number, createdBy: number | null, label: string) {
  const trimmed = label.trim();
  if (!trimmed) throw badRequest('label must not be blank', 'label');
  const { key, prefix } = generateApiKey();
  const id = await repo.insertApiKey(deps.db, organizationId, {
    label: trimmed,
    prefix,
    keyHash: hashApiKey(key, deps.apiKeyHmacKey),
    createdBy,
  });
  return { id, key, label: trimmed };
}

export async function listApiKeys(deps: AppDeps, organizationId: number) {
  const rows = await repo.listApiKeys(deps.db, organizationId);
  return rows.map((k) => ({
    ...k,
    created_at: k.created_at.toISOString(),
    last_used_at: k.last_used_at?.toISOString() ?? null,
    revoked_at: k.revoked_at?.toISOString() ?? null,
  }));
}

export async function revokeApiKey(deps: AppDeps, organizationId: number, id: number) {
  if (!(await repo.revokeApiKey(deps.db, organizationId, id))) throw notFound('API key not found');
  deps.apiKeyCache.forget(organizationId, id);
}
