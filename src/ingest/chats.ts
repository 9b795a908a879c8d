// Creating chats: the group-commit write of single-chat requests, and the batch endpoint's write.
import type pg from 'pg';
import { HttpError } from '../http/errors.js';
import { dependsOnBatchContents } from '../db/errors.js';
import { columnsRow, insertChatColumns, insertChatRows, type ChatColumns, type ChatRow } from './chat-rows.js';
import type { Outcome } from './group-commit.js';
import {
  answersOfLostClaims,
  claimKeys,
  cleanUpExpiredKeys,
  completeKeys,
  keyId,
  type Answer,
  type IdempotencyRequest,
  type KeyClaim,
} from './idempotency.js';
import { inTransaction, withClient } from './transaction.js';

export interface ChatItem extends ChatRow {
  idempotency?: IdempotencyRequest;
}

export interface CreatedChat {
  message: string;
  chat_id: number;
}

export const chatCreated = (id: number): CreatedChat => ({ message: 'Chat created successfully', chat_id: id });

const claimOf = (item: { organizationId: number; idempotency?: IdempotencyRequest }): KeyClaim | undefined =>
  item.idempotency && { organizationId: item.organizationId, key: item.idempotency.key, hash: item.idempotency.hash };

/**
 * Writes single-chat requests (of any organizations) in one transaction: one INSERT for the chats,
 * and, when some carry an Idempotency-Key, their claims and answers in the same transaction.
 */
export async function writeChats(pool: pg.Pool, items: ChatItem[]): Promise<Outcome<Answer<CreatedChat>>[]> {
  const fresh = (id: number): Outcome<Answer<CreatedChat>> => ({ ok: true, value: { status: 201, body: chatCreated(id), replayed: false } });
  if (items.every((i) => i.idempotency === undefined)) {
    // One statement, autocommitted: the cheapest transaction there is.
    const ids = await withClient(pool, (client) => insertChatRows(client, items));
    return ids.map(fresh);
  }
  cleanUpExpiredKeys(pool);
  return inTransaction(pool, async (client) => {
    const claims = items.map(claimOf);
    const claimed = await claimKeys(client, claims.filter((c): c is KeyClaim => c !== undefined));
    const writes = items.map((_, i) => claims[i] === undefined || claimed.has(keyId(claims[i])));
    const ids = await insertChatRows(client, items.filter((_, i) => writes[i]));
    const outcomes: (Outcome<Answer<CreatedChat>> | undefined)[] = [];
    const done: Parameters<typeof completeKeys>[1] = [];
    let next = 0;
    items.forEach((_, i) => {
      if (!writes[i]) return;
      const outcome = fresh(ids[next++]);
      outcomes[i] = outcome;
      const claim = claims[i];
      if (claim && outcome.ok) done.push({ ...claim, status: 201, body: outcome.value.body });
    });
    await completeKeys(client, done);
    const lost = claims.filter((c, i): c is KeyClaim => c !== undefined && !writes[i]);
    const answers = await answersOfLostClaims(client, lost);
    return items.map((_, i) => outcomes[i] ?? answerOutcome<CreatedChat>(answers.get(keyId(claims[i]!))));
  });
}

export function answerOutcome<B>(answer: Answer | HttpError | undefined): Outcome<Answer<B>> {
  if (answer === undefined) return { ok: false, error: new Error('no answer for an idempotency key') };
  return answer instanceof HttpError ? { ok: false, error: answer } : { ok: true, value: answer as Answer<B> };
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
  cleanUpExpiredKeys(pool);
  const claim = { organizationId, key: idempotency.key, hash: idempotency.hash };
  return inTransaction(pool, async (client) => {
    if ((await claimKeys(client, [claim])).size === 0) {
      const stored = (await answersOfLostClaims(client, [claim])).get(keyId(claim));
      if (stored instanceof HttpError || stored === undefined) throw stored ?? new Error('no answer for an idempotency key');
      return stored;
    }
    const result = answer(await insertRowsOrEach(client, rows));
    await completeKeys(client, [{ ...claim, status: result.status, body: result.body }]);
    return result;
  });
}
