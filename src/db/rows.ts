// What the write path (src/ingest) inserts: a chat and a message as the features hand them over.
import type { chats, MessageRole } from './schema.js';

/** A chat to insert, before the database gives it an id (the organization comes with it). */
export type NewChat = Omit<typeof chats.$inferInsert, 'organizationId' | 'id' | 'updatedAt' | 'messageCount'>;

/** A message to insert into a chat. */
export interface NewMessage {
  role: MessageRole;
  content: string;
  tokenCount: number | null;
  responseTime: number | null;
}
