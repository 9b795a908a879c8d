import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { chats } from '../db/schema.js';

import type { ChatRow, NewChat } from '../db/rows.js';

export type { ChatRow, NewChat } from '../db/rows.js';
export { findChat } from '../db/rows.js';
export type ChatChanges = Partial<Omit<NewChat, 'createdAt'>>;

// Chats are created by the ingest path (src/ingest: group commit and the batch endpoint).


import type { Keyset } from '../db/columns.js';

export type { Keyset };

export type SortOrder = 'created_at' | '-created_at';

/**
 * One page of the chats matching `where` (which must scope by organization), in `sort` order.
 * `after` is the last row of the previous page. Fetches one extra row to tell whether more follow.
 */
export function listChats(db: Db, where: SQL, sort: SortOrder, limit: number, after?: Keyset): Promise<ChatRow[]> {
  const newestFirst = sort === '-created_at';
  const conditions = [where];
  if (after) {
    const key = sql`(${after.createdAt.toISOString()}::timestamptz, ${after.id}::bigint)`;
    conditions.push(newestFirst ? sql`(${chats.createdAt}, ${chats.id}) < ${key}` : sql`(${chats.createdAt}, ${chats.id}) > ${key}`);
  }
  const order = newestFirst ? [desc(chats.createdAt), desc(chats.id)] : [asc(chats.createdAt), asc(chats.id)];
  return db
    .select()
    .from(chats)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1);
}

export async function countChats(db: Db, where: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(chats).where(where);
  return row.n;
}

/** Locks and returns a chat for a read-modify-write in a transaction. */
export async function findChatForUpdate(tx: Db, organizationId: number, id: number): Promise<ChatRow | undefined> {
  const [row] = await tx
    .select()
    .from(chats)
    .where(and(eq(chats.organizationId, organizationId), eq(chats.id, id)))
    .for('update');
  return row;
}

export async function updateChat(tx: Db, organizationId: number, id: number, changes: ChatChanges): Promise<ChatRow> {
  const [row] = await tx
    .update(chats)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(chats.organizationId, organizationId), eq(chats.id, id)))
    .returning();
  return row;
}

/** Deletes a chat (its messages go with it); false when the organization has no such chat. */
export async function deleteChat(db: Db, organizationId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(chats)
    .where(and(eq(chats.organizationId, organizationId), eq(chats.id, id)))
    .returning({ id: chats.id });
  return rows.length > 0;
}

/** The organization's tags with the number of chats carrying each, most used first. */
export async function tagCounts(db: Db, organizationId: number): Promise<{ tag: string; chat_count: number }[]> {
  const { rows } = await db.execute<{ tag: string; chat_count: number }>(sql`
    SELECT tag, count(*)::int AS chat_count
    FROM ${chats}, unnest(${chats.tags}) AS tag
    WHERE ${chats.organizationId} = ${organizationId}
    GROUP BY tag
    ORDER BY chat_count DESC, tag`);
  return rows;
}
