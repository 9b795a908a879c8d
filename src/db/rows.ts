// The rows several features share: what the write path (src/ingest) inserts, a chat and a message
// as the features hand them over; and the chat that the features scoped to one chat (its messages,
// transcript access, the redaction of its messages) look up. The chats' own queries are in
// src/chats/repository.ts.
import { and, eq } from 'drizzle-orm';
import type { Db } from './connection.js';
import { chats, type MessageRole } from './schema.js';

export type ChatRow = typeof chats.$inferSelect;

/** The organization's chat `id`, or undefined (none, or another organization's). */
export async function findChat(db: Db, organizationId: number, id: number): Promise<ChatRow | undefined> {
  const [row] = await db
    .select()
    .from(chats)
    .where(and(eq(chats.organizationId, organizationId), eq(chats.id, id)));
  return row;
}

/** A chat to insert, before the database gives it an id (the organization comes with it). */
export type NewChat = Omit<typeof chats.$inferInsert, 'organizationId' | 'id' | 'updatedAt' | 'messageCount'>;

/** A message to insert into a chat. */
export interface NewMessage {
  role: MessageRole;
  content: string;
  tokenCount: number | null;
  responseTime: number | null;
}
