// Creating chats: the group-commit write of single-chat requests, and the batch endpoint's write.
import type pg from 'pg';
import { dependsOnBatchContents } from '../db/errors.js';
import { columnsRow, insertChatColumns, insertChatRows, type ChatColumns, type ChatRow } from './chat-rows.js';
import type { Outcome } from './group-commit.js';
import type { Answer, IdempotencyRequest } from './idempotency.js';
import { writeKeyed } from './keyed-write.js';
import { inTransaction, withClient } from './transaction.js';

export interface ChatItem extends ChatRow {
  idempotency?: IdempotencyRequest;
}

export interface CreatedChat {
  message: string;
  chat_id: number;
}

export const chatCreated = (id: number): CreatedChat => ({ message: 'Chat created successfully', chat_id: id });

/**
 * Writes single-chat requests (of any organizations) in one transaction: one INSERT for the chats,
 * and, when some carry an Idempotency-Key, their claims and answers in the same transaction.
 */
export function writeChats(pool: pg.Pool, items: ChatItem[]): Promise<Outcome<Answer<CreatedChat>>[]> {
  return writeKeyed(pool, items, insertChatRows, (id: number): Outcome<Answer<CreatedChat>> => ({ ok: true, value: { status: 201, body: chatCreated(id), replayed: false } }));
}

/** One row's fate in a batch: its id, or the database error that refused it. */
export type RowResult = number | Error;

/**
 * Inserts every row in the open transaction. If the one INSERT fails because of a row's contents,
 * it is rolled back to a savepoint and the rows are inserted one by one (a savepoint each), so
 * that the good rows are still stored in this transaction and each bad one gets its own error.
 */
async function insertRowsOrEach(client: pg.ClientBase, rows: ChatColumns, tryAllAtOnce = true): Promise<RowResult[]> {
  if (tryAllAtOnce) {
    await client.query('SAVEPOINT batch');
    try {
      const ids = await insertChatColumns(client, rows);
      await client.query('RELEASE SAVEPOINT batch');
      return ids;
    } catch (err) {
      if (!dependsOnBatchContents(err)) throw err;
      await client.query('ROLLBACK TO SAVEPOINT batch');
      if (rows.length === 1) return [err as Error];
    }
  }
  const results: RowResult[] = [];
  for (let i = 0; i < rows.length; i++) {
    await client.query('SAVEPOINT item');
    try {
      results.push((await insertChatColumns(client, columnsRow(rows, i)))[0]);
      await client.query('RELEASE SAVEPOINT item');
    } catch (err) {
      if (!dependsOnBatchContents(err)) throw err;
      await client.query('ROLLBACK TO SAVEPOINT item');
      results.push(err as Error);
    }
  }
  return results;
}

/**
 * The batch endpoint's write: all rows in one transaction, with the key if there is one. `answer`
 * turns the rows' results into the response, which the key stores. When the key was already used
 * (by a request another instance committed meanwhile), answers from that instead.
 */
export async function writeChatBatch(
  pool: pg.Pool,
  organizationId: number,
  rows: ChatColumns,
  idempotency: IdempotencyRequest | undefined,
  answer: (results: RowResult[]) => Answer,
): Promise<Answer> {
  if (idempotency === undefined) {
    // One autocommit statement; only if the database refuses it, a transaction that retries the
    // rows one by one.
    try {
      return answer(await withClient(pool, (client) => insertChatColumns(client, rows)));
    } catch (err) {
      if (!dependsOnBatchContents(err)) throw err;
      if (rows.length === 1) return answer([err as Error]);
      return answer(await inTransaction(pool, (client) => insertRowsOrEach(client, rows, false)));
    }
  }
  // The batch is one keyed item: its answer is stored under the key (or the key's stored answer given).
  const [outcome] = await writeKeyed(
    pool,
    [{ organizationId, idempotency }],
    async (client, claimed) => (claimed.length === 0 ? [] : [answer(await insertRowsOrEach(client, rows))]),
    (result): Outcome<Answer> => ({ ok: true, value: result }),
  );
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
