// The write path's one algorithm for a group of requests (of any organizations) that may carry
// Idempotency-Keys, shared by chats and messages: without keys, one autocommitted INSERT; with
// some, one transaction that claims the keys, inserts the rows of the items that won their claim
// (or carry none), stores the answers of those keys (or releases the key of an item that failed,
// so that a retry is not answered with the failure), and answers each item whose key another
// request holds with that request's stored answer.
import type pg from 'pg';
import { HttpError } from '../http/errors.js';
import type { Outcome } from './group-commit.js';
import {
  answersOfLostClaims,
  claimKeys,
  cleanUpExpiredKeys,
  completeKeys,
  keyId,
  releaseKeys,
  type Answer,
  type IdempotencyRequest,
  type KeyClaim,
} from './idempotency.js';
import { inTransaction, withClient } from './transaction.js';

export interface KeyedItem {
  organizationId: number;
  idempotency?: IdempotencyRequest;
}

export function answerOutcome<B>(answer: Answer | HttpError | undefined): Outcome<Answer<B>> {
  if (answer === undefined) return { ok: false, error: new Error('no answer for an idempotency key') };
  return answer instanceof HttpError ? { ok: false, error: answer } : { ok: true, value: answer as Answer<B> };
}

const claimOf = (item: KeyedItem): KeyClaim | undefined =>
  item.idempotency && { organizationId: item.organizationId, key: item.idempotency.key, hash: item.idempotency.hash };

/**
 * Writes `items` with `insert` (which returns one result per item, in order) and answers each with
 * `outcomeOf` of its result, honouring their Idempotency-Keys as described above.
 */
export async function writeKeyed<I extends KeyedItem, R, B>(
  pool: pg.Pool,
  items: I[],
  insert: (client: pg.ClientBase, items: I[]) => Promise<R[]>,
  outcomeOf: (result: R) => Outcome<Answer<B>>,
): Promise<Outcome<Answer<B>>[]> {
  if (items.every((i) => i.idempotency === undefined)) {
    // One statement, autocommitted: the cheapest transaction there is.
    const results = await withClient(pool, (client) => insert(client, items));
    return results.map(outcomeOf);
  }
  cleanUpExpiredKeys(pool);
  return inTransaction(pool, async (client) => {
    const claims = items.map(claimOf);
    const claimed = await claimKeys(client, claims.filter((c): c is KeyClaim => c !== undefined));
    const writes = items.map((_, i) => claims[i] === undefined || claimed.has(keyId(claims[i])));
    const results = await insert(client, items.filter((_, i) => writes[i]));
    const outcomes: (Outcome<Answer<B>> | undefined)[] = [];
    const done: Parameters<typeof completeKeys>[1] = [];
    const released: KeyClaim[] = [];
    let next = 0;
    items.forEach((_, i) => {
      if (!writes[i]) return;
      const outcome = outcomeOf(results[next++]);
      outcomes[i] = outcome;
      const claim = claims[i];
      if (claim && outcome.ok) done.push({ ...claim, status: outcome.value.status, body: outcome.value.body });
      else if (claim) released.push(claim);
    });
    await completeKeys(client, done);
    await releaseKeys(client, released);
    const lost = claims.filter((c, i): c is KeyClaim => c !== undefined && !writes[i]);
    const answers = await answersOfLostClaims(client, lost);
    return items.map((_, i) => outcomes[i] ?? answerOutcome<B>(answers.get(keyId(claims[i]!))));
  });
}
