import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { apiKeys, organizations } from '../db/schema.js';

const listed = {
  id: apiKeys.id,
  label: apiKeys.label,
  prefix: apiKeys.prefix,
  created_at: apiKeys.createdAt,
  last_used_at: apiKeys.lastUsedAt,
  revoked_at: apiKeys.revokedAt,
};

export async function insertApiKey(
  db: Db,
  organizationId: number,
  key: { label: string; prefix: string; keyHash: Buffer; createdBy: number | null },
) {
  const [row] = await db
    .insert(apiKeys)
    .values({ organizationId, ...key })
    .returning({ id: apiKeys.id });
  return row.id;
}

export function listApiKeys(db: Db, organizationId: number) {
  return db.select(listed).from(apiKeys).where(eq(apiKeys.organizationId, organizationId)).orderBy(desc(apiKeys.id));
}

/** Revokes a key of this organization; false when it has no such key. Revoking twice is harmless. */
export async function revokeApiKey(db: Db, organizationId: number, id: number): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, id)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** The live (not revoked) key with this hash, with its organization's slug. */
export async function findActiveKey(db: Db, keyHash: Buffer) {
  const [row] = await db
    .select({ id: apiKeys.id, organizationId: apiKeys.organizationId, organizationSlug: organizations.slug, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

// last_used_at is a hint for people reviewing their keys, so it is written at most once a minute
// per key rather than on every request of the ingest path.
const TOUCH_INTERVAL_MS = 60_000;

/** Sets last_used_at unless it was set less than a minute ago; true when it wrote. */
export async function touchApiKey(db: Db, organizationId: number, id: number, lastUsedAt: Date | null): Promise<boolean> {
  if (lastUsedAt !== null && Date.now() - lastUsedAt.getTime() < TOUCH_INTERVAL_MS) return false;
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, id)));
  return true;
}
