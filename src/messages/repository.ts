import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { messages, type MessageRole } from '../db/schema.js';

export type MessageRow = typeof messages.$inferSelect;

export type { NewMessage } from '../db/rows.js';

// Messages are created by the ingest path (src/ingest/messages.ts, group commit).

/** A chat's messages in order, after message id `afterId`; one extra row tells whether more follow. */
export function listMessages(db: Db, organizationId: number, chatId: number, limit: number, afterId = 0): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.organizationId, organizationId), eq(messages.chatId, chatId), gt(messages.id, afterId)))
    .orderBy(asc(messages.id))
    .limit(limit + 1);
}

/** Messages of the organization created in [start, end), by role. */
export async function countMessagesByRole(db: Db, organizationId: number, start: Date, end: Date) {
  const { rows } = await db.execute<{ role: MessageRole; n: number }>(sql`
    SELECT role, count(*)::int AS n FROM ${messages}
    WHERE ${messages.organizationId} = ${organizationId}
      AND ${messages.createdAt} >= ${start.toISOString()}::timestamptz AND ${messages.createdAt} < ${end.toISOString()}::timestamptz
    GROUP BY role`);
  return rows;
}
