import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { chats } from '../db/schema.js';

export type ChatRow = typeof chats.$inferSelect;
export type NewChat = Omit<typeof chats.$inferInsert, 'organizationId' | 'id' | 'createdAt' | 'updatedAt'>;

export async function insertChat(db: Db, organizationId: number, chat: NewChat): Promise<number> {
  const [row] = await db
    .insert(chats)
    .values({ ...chat, organizationId })
    .returning({ id: chats.id });
  return row.id;
}

export async function findChat(db: Db, organizationId: number, id: number): Promise<ChatRow | undefined> {
  const [row] = await db
    .select()
    .from(chats)
    .where(and(eq(chats.organizationId, organizationId), eq(chats.id, id)));
  return row;
}

export interface Keyset {
  createdAt: Date;
  id: number;
}

/** Newest first; `after` is the last row of the previous page. Fetches one extra row to detect more. */
export function listChats(db: Db, organizationId: number, limit: number, after?: Keyset): Promise<ChatRow[]> {
  const conditions = [eq(chats.organizationId, organizationId)];
  if (after) conditions.push(sql`(${chats.createdAt}, ${chats.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id})`);
  return db
    .select()
    .from(chats)
    .where(and(...conditions))
    .orderBy(desc(chats.createdAt), desc(chats.id))
    .limit(limit + 1);
}
