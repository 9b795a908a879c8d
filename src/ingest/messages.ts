// Adding messages: the group-commit write of POST .../messages requests. One INSERT joins the
// items against chats, so an item whose chat is not its organization's (or no longer exists)
// inserts no row and is answered 404, while the others are stored.
import type pg from 'pg';
import { notFound } from '../http/errors.js';
import type { NewMessage } from '../db/rows.js';
import type { Outcome } from './group-commit.js';
import type { Answer, IdempotencyRequest } from './idempotency.js';
import { writeKeyed } from './keyed-write.js';

export interface MessageItem {
  organizationId: number;
  chatId: number;
  message: NewMessage;
  idempotency?: IdempotencyRequest;
}

export interface CreatedMessage {
  message: string;
  message_id: number;
}

const INSERT_MESSAGES = `
  INSERT INTO messages (organization_id, chat_id, role, content, token_count, response_time)
  SELECT x.o, x.c, x.r, x.ct, x.tk, x.rt
  FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::float8[])
    WITH ORDINALITY AS x(o, c, r, ct, tk, rt, n)
  JOIN chats ON chats.organization_id = x.o AND chats.id = x.c
  ORDER BY x.n
  RETURNING id, organization_id, chat_id`;

/** Inserts the messages whose chat exists; for each item its id, or undefined (no such chat). */
async function insertMessageRows(client: pg.ClientBase, items: readonly MessageItem[]): Promise<(number | undefined)[]> {
  if (items.length === 0) return [];
  const { rows } = await client.query<{ id: number; organization_id: number; chat_id: number }>({
    name: 'ingest_insert_messages',
    text: INSERT_MESSAGES,
    values: [
      items.map((i) => i.organizationId),
      items.map((i) => i.chatId),
      items.map((i) => i.message.role),
      items.map((i) => i.message.content),
      items.map((i) => i.message.tokenCount),
      items.map((i) => i.message.responseTime),
    ],
  });
  // Rows are inserted in item order and ids only grow: per chat, the sorted ids follow the items.
  const idsByChat = new Map<string, number[]>();
  for (const r of rows) {
    const chat = `${r.organization_id}:${r.chat_id}`;
    idsByChat.set(chat, [...(idsByChat.get(chat) ?? []), Number(r.id)]);
  }
  for (const ids of idsByChat.values()) ids.sort((a, b) => a - b);
  return items.map((i) => idsByChat.get(`${i.organizationId}:${i.chatId}`)?.shift());
}

const created = (id: number): Outcome<Answer<CreatedMessage>> => ({
  ok: true,
  value: { status: 201, body: { message: 'Message created successfully', message_id: id }, replayed: false },
});
const chatNotFound = (): Outcome<Answer<CreatedMessage>> => ({ ok: false, error: notFound('Chat not found') });

/** Writes message requests (of any organizations) in one transaction, with their Idempotency-Keys. */
export function writeMessages(pool: pg.Pool, items: MessageItem[]): Promise<Outcome<Answer<CreatedMessage>>[]> {
  return writeKeyed(pool, items, insertMessageRows, (id) => (id === undefined ? chatNotFound() : created(id)));
}
