// POST .../chats/batch, the write side: its limits, its request and answer schemas, and storing
// the checked rows in one transaction (with the Idempotency-Key, if any). The items are checked by
// the chats feature (src/chats/batch.ts) exactly as single POST .../chats bodies are.
import { Type } from 'typebox';
import type { ErrorBody } from '../http/errors.js';
import type { AppDeps } from '../http/context.js';
import type { NewChat } from '../db/rows.js';
import type { ChatColumns } from './chat-rows.js';
import { writeChatBatch, type RowResult } from './chats.js';
import type { Answer, IdempotencyRequest } from './idempotency.js';
import { ingestOf } from './index.js';
import './route-config.js';

export const MAX_BATCH_CHATS = 1000;
export const BATCH_BODY_LIMIT = 5 * 1024 * 1024;
/**
 * Batch requests worked on at once (see body-gate.ts); the others wait, their body unparsed. Three:
 * two writing in the database (one per core here) while the third is parsed and checked. Measured
 * on PostgreSQL, 3 runs each: 30.1k chats/s on average with 2, 31.7k with 3, peak RSS ~200 MB both.
 */
export const BATCHES_AT_ONCE = 3;

export const ChatBatchBody = Type.Object(
  {
    chats: Type.Array(Type.Unknown({ description: 'A Create Chat body (see POST /api/v1/chats)' }), {
      maxItems: MAX_BATCH_CHATS,
      description: `Up to ${MAX_BATCH_CHATS} Create Chat bodies`,
    }),
  },
  { additionalProperties: false },
);

export const ChatBatchResult = Type.Object({
  index: Type.Integer({ minimum: 0, description: 'Position of the item in `chats`' }),
  status: Type.Integer({ description: '201 stored; 400 invalid (nothing stored); 500 refused by the database' }),
  chat_id: Type.Optional(Type.Integer({ minimum: 1 })),
  error: Type.Optional(Type.String({ description: 'Why the item was not stored: the same sentence as a single POST would answer' })),
  code: Type.Optional(Type.String()),
  field: Type.Optional(Type.String()),
});

export const ChatBatchResponse = Type.Object({ results: Type.Array(ChatBatchResult) });

export type BatchItemResult = { index: number; status: number; chat_id?: number } & Partial<ErrorBody>;
export type ChatBatchAnswer = Answer<{ results: BatchItemResult[] }>;

export interface CheckedBatch {
  /** The items with their free text redacted (what the Idempotency-Key's hash is made of). */
  redacted: unknown[];
  /** The valid items' rows, with their indexes in the request. */
  rows: { index: number; chat: NewChat }[];
  /** The answer, given the database's result for each row of `rows`. */
  answer: (stored: RowResult[]) => ChatBatchAnswer;
}

/**
 * The answer of a batch of `count` items: the `invalid` ones' errors, and for the items at
 * `indexes`, the database's result of each. (Made out here so that the answer, which lives until
 * the database has answered, holds on to the indexes and the errors only, not to the rows: a
 * closure made inside checkBatch would keep all of checkBatch's variables alive.)
 */
export function answerOf(count: number, invalid: BatchItemResult[], indexes: number[]): CheckedBatch['answer'] {
  return (stored) => {
    const results = new Array<BatchItemResult>(count);
    for (const r of invalid) results[r.index] = r;
    indexes.forEach((index, i) => {
      const outcome = stored[i];
      results[index] =
        typeof outcome === 'number'
          ? { index, status: 201, chat_id: outcome }
          : { index, status: 500, error: 'Failed to create chat', code: 'internal_error' };
    });
    return { status: 207, body: { results }, replayed: false };
  };
}

/** Stores a checked batch's rows for the organization, with its Idempotency-Key, and answers it. */
export async function storeChatBatch(
  deps: AppDeps,
  organizationId: number,
  columns: ChatColumns,
  answer: CheckedBatch['answer'],
  idempotency: IdempotencyRequest | undefined,
): Promise<ChatBatchAnswer> {
  const ingest = ingestOf(deps);
  return ingest.keys.hold(organizationId, idempotency, async () =>
    (await writeChatBatch(deps.pool, organizationId, columns, idempotency, answer)) as ChatBatchAnswer,
  );
}
