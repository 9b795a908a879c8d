// SQL of an erasure: everything is scoped by the caller's organization, so another organization's
// end user cannot be reached by construction (the same user_id in another organization is another
// person and stays untouched).
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { erasureRequests } from '../db/schema.js';

export type Subject = { type: 'user_id'; value: number } | { type: 'session_id'; value: string };

/** The subject's chats, locked (FOR UPDATE) so that a concurrent update cannot bring them back. */
export async function lockSubjectChats(db: Db, organizationId: number, subject: Subject) {
  const column = subject.type === 'user_id' ? sql`user_id = ${subject.value}::bigint` : sql`session_id = ${subject.value}::text`;
  const { rows } = await db.execute<{ id: number; created_at: Date }>(
    sql`SELECT id, created_at FROM chats WHERE organization_id = ${organizationId} AND ${column} ORDER BY id FOR UPDATE`,
  );
  return rows.map((r) => ({ id: Number(r.id), createdAt: new Date(r.created_at) }));
}

const idArray = (ids: number[]) => sql`${`{${ids.join(',')}}`}::bigint[]`;

export async function countMessages(db: Db, organizationId: number, chatIds: number[]): Promise<number> {
  if (chatIds.length === 0) return 0;
  const { rows } = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM messages WHERE organization_id = ${organizationId} AND chat_id = ANY(${idArray(chatIds)})`,
  );
  return rows[0].n;
}

// Stored answers that name one of the chats: a chat's or a message's (chat_id), a batch's (results[].chat_id).
const answerHolds = (chatIds: number[]) => sql`(
  (jsonb_typeof(response_body) = 'object' AND (response_body->>'chat_id') ~ '^[0-9]+$' AND (response_body->>'chat_id')::bigint = ANY(${idArray(chatIds)}))
  OR (jsonb_typeof(response_body->'results') = 'array' AND EXISTS (
    SELECT 1 FROM jsonb_array_elements(response_body->'results') r
    WHERE (r->>'chat_id') ~ '^[0-9]+$' AND (r->>'chat_id')::bigint = ANY(${idArray(chatIds)}))))`;

export async function idempotencyAnswers(db: Db, organizationId: number, chatIds: number[], remove: boolean): Promise<number> {
  if (chatIds.length === 0) return 0;
  const where = sql`organization_id = ${organizationId} AND ${answerHolds(chatIds)}`;
  const { rows } = await db.execute<{ n: number }>(
    remove
      ? sql`WITH d AS (DELETE FROM idempotency_keys WHERE ${where} RETURNING 1) SELECT count(*)::int AS n FROM d`
      : sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE ${where}`,
  );
  return rows[0].n;
}

/** Audit entries about the chats: their target and details are removed, their digest (the chain) stays. */
export async function auditEntriesAbout(db: Db, organizationId: number, chatIds: number[], pseudonymize: boolean): Promise<number> {
  if (chatIds.length === 0) return 0;
  const where = sql`organization_id = ${organizationId} AND target_type = 'chat' AND pseudonymized_at IS NULL
    AND target_id = ANY(${`{${chatIds.join(',')}}`}::text[])`;
  if (!pseudonymize) {
    const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_entries WHERE ${where}`);
    return rows[0].n;
  }
  await db.execute(sql`SET LOCAL chatlogger.audit_maintenance = 'on'`);
  const { rows } = await db.execute<{ n: number }>(sql`
    WITH p AS (UPDATE audit_entries SET target_id = NULL, details = NULL, pseudonymized_at = now() WHERE ${where} RETURNING 1)
    SELECT count(*)::int AS n FROM p`);
  await db.execute(sql`SET LOCAL chatlogger.audit_maintenance = 'off'`);
  return rows[0].n;
}

/** Completed exports whose file may hold the chats: those created since the oldest of them. */
export async function exportFilesSince(db: Db, organizationId: number, since: Date) {
  const { rows } = await db.execute<{ id: number; file_path: string }>(sql`
    SELECT id, file_path FROM exports
    WHERE organization_id = ${organizationId} AND file_path IS NOT NULL AND created_at >= ${since.toISOString()}::timestamptz
    FOR UPDATE`);
  return rows.map((r) => ({ id: Number(r.id), filePath: r.file_path }));
}

/** The export rows stay (downloads answer 410), without their file. */
export async function markExportFilesDeleted(db: Db, organizationId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    UPDATE exports SET file_path = NULL, expires_at = least(expires_at, now()), updated_at = now()
    WHERE organization_id = ${organizationId} AND id = ANY(${idArray(ids)})`);
}

export async function deleteChats(db: Db, organizationId: number, chatIds: number[]): Promise<number> {
  if (chatIds.length === 0) return 0;
  const { rows } = await db.execute<{ n: number }>(sql`
    WITH d AS (DELETE FROM chats WHERE organization_id = ${organizationId} AND id = ANY(${idArray(chatIds)}) RETURNING 1)
    SELECT count(*)::int AS n FROM d`);
  return rows[0].n;
}

export type ErasureRow = typeof erasureRequests.$inferSelect;

export async function insertRequest(db: Db, row: Omit<typeof erasureRequests.$inferInsert, 'id'>): Promise<ErasureRow> {
  const [inserted] = await db.insert(erasureRequests).values(row).returning();
  return inserted;
}

export async function nextRequestId(db: Db): Promise<number> {
  const { rows } = await db.execute<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('erasure_requests', 'id'))::int AS id`);
  return Number(rows[0].id);
}

export async function findRequest(db: Db, organizationId: number, id: number): Promise<ErasureRow | undefined> {
  const [row] = await db
    .select()
    .from(erasureRequests)
    .where(and(eq(erasureRequests.organizationId, organizationId), eq(erasureRequests.id, id)));
  return row;
}

export function listRequests(db: Db, organizationId: number, limit: number, beforeId?: number): Promise<ErasureRow[]> {
  return db
    .select()
    .from(erasureRequests)
    .where(and(eq(erasureRequests.organizationId, organizationId), beforeId === undefined ? undefined : lt(erasureRequests.id, beforeId)))
    .orderBy(desc(erasureRequests.id))
    .limit(limit);
}
