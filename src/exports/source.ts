// Reads an organization's matching chats and their messages in bounded keyset batches: never one
// big query, never more than one batch in memory. Each batch is its own short query, so the
// connection is free between batches (PGlite has a single one) and nothing is held open while the
// consumer writes.
import { and, asc, lte, sql } from 'drizzle-orm';
import type pg from 'pg';
import { chatFilterSql, type ChatFilters } from '../chats/filters.js';
import type { ShowUserId } from '../chats/end-users.js';
import type { ChatRow } from '../chats/repository.js';
import type { Db } from '../db/connection.js';
import { chats } from '../db/schema.js';
import type { MessageRow } from '../messages/repository.js';

export const CHAT_BATCH = 1000;
// Messages can be up to 100,000 characters each: a smaller page keeps the worst case bounded.
export const MESSAGE_PAGE = 500;
/** Chats of a batch whose messages one message query looks at. */
const CHAT_WINDOW = 100;

export interface SourceOptions {
  db: Db;
  pool: pg.Pool;
  organizationId: number;
  filters: ChatFilters;
  /** How user ids are written (the organization's EndUserView.show: pseudonyms in works-council mode). */
  showUserId: ShowUserId;
  /** Only chats created at or before this instant: an export does not chase chats logged while it runs. */
  until: Date;
  signal?: AbortSignal;
  chatBatch?: number;
  messagePage?: number;
  /** statement_timeout of each batch's query (READ_STATEMENT_TIMEOUT_MS); none when undefined. */
  statementTimeoutMs?: number;
  /**
   * Works-council mode: titles and message text are left out (null), never read from the table.
   * An export is not a four-eyes read, so not even a grant holder's export carries them.
   */
  withholdContent?: boolean;
}

function checkAborted(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

/** The matching chats, oldest first (created_at, id), in batches. */
export async function* chatBatches(o: SourceOptions): AsyncGenerator<ChatRow[]> {
  const where = and(chatFilterSql(o.organizationId, o.filters), lte(chats.createdAt, o.until))!;
  const size = o.chatBatch ?? CHAT_BATCH;
  let after: { createdAt: Date; id: number } | undefined;
  for (;;) {
    checkAborted(o.signal);
    const keyset = after
      ? sql`(${chats.createdAt}, ${chats.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::bigint)`
      : undefined;
    // Sorting is switched off for this query so that the planner walks the (organization_id,
    // created_at, id) index in order: each batch then costs the same wherever it starts. Without
    // statistics (PGlite never runs autovacuum, so its tables are never analyzed) it would rather
    // sort every remaining matching row for each batch: quadratic over a large export.
    const rows = await o.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_sort = off`);
      // A filter the index cannot serve (q, a text search in every message) could make one batch
      // read the whole organization: such a batch is cancelled instead (422 / a failed job).
      if (o.statementTimeoutMs !== undefined) await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${Math.round(o.statementTimeoutMs)}`));
      return tx
        .select()
        .from(chats)
        .where(keyset ? and(where, keyset) : where)
        .orderBy(asc(chats.createdAt), asc(chats.id))
        .limit(size);
    });
    if (rows.length > 0) yield o.withholdContent ? rows.map((r) => ({ ...r, title: null })) : rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
}

interface RawMessage {
  id: number;
  chat_id: number;
  role: MessageRow['role'];
  content: string | null;
  token_count: number | null;
  response_time: number | null;
  created_at: Date;
  ord: number;
}

/**
 * The messages of the chats `chatIds` (one batch), grouped by chat in the order of `chatIds` and by
 * id within a chat, fetched a page at a time. Yields [index of the chat in chatIds, message].
 *
 * Each page looks at a window of at most CHAT_WINDOW chats, and at most a page of messages of each
 * (LATERAL … ORDER BY id LIMIT: an index range scan per chat, whatever the planner's statistics),
 * so that a page costs the same at the start and at the end of a batch, and a chat with a huge
 * transcript is read in pages like any other.
 */
export async function* messagesOf(o: SourceOptions, chatIds: number[]): AsyncGenerator<[number, MessageRow]> {
  const size = o.messagePage ?? MESSAGE_PAGE;
  let fromOrd = 1; // 1-based position in chatIds of the chat where the next page starts
  let afterId = 0; // the last message id already read of that chat
  while (fromOrd <= chatIds.length) {
    checkAborted(o.signal);
    const { rows } = await o.pool.query<RawMessage>(
      `SELECT m.id, m.chat_id, m.role, ${o.withholdContent ? 'NULL::text AS content' : 'm.content'}, m.token_count, m.response_time, m.created_at, b.ord
         FROM unnest($2::bigint[]) WITH ORDINALITY AS b(chat_id, ord)
         CROSS JOIN LATERAL (
           SELECT * FROM messages
            WHERE organization_id = $1 AND chat_id = b.chat_id AND id > CASE WHEN b.ord = $3 THEN $4::bigint ELSE 0 END
            ORDER BY id
            LIMIT $5) m
        WHERE b.ord >= $3 AND b.ord < $3 + $6
        ORDER BY b.ord, m.id
        LIMIT $5`,
      [o.organizationId, chatIds, fromOrd, afterId, size, CHAT_WINDOW],
    );
    for (const r of rows) {
      const message: MessageRow = {
        organizationId: o.organizationId,
        id: r.id,
        chatId: r.chat_id,
        role: r.role,
        // null only when withheld (works-council mode): the files then carry null / an empty cell.
        content: r.content as string,
        tokenCount: r.token_count,
        responseTime: r.response_time,
        createdAt: r.created_at,
      };
      yield [r.ord - 1, message];
    }
    if (rows.length < size) {
      // The window is exhausted: the next one.
      fromOrd += CHAT_WINDOW;
      afterId = 0;
    } else {
      fromOrd = rows[rows.length - 1].ord;
      afterId = rows[rows.length - 1].id;
    }
  }
}

/** The database's clock: the `until` of a synchronous export. */
export async function databaseNow(pool: pg.Pool): Promise<Date> {
  const { rows } = await pool.query<{ now: Date }>('SELECT now() AS now');
  return rows[0].now;
}
