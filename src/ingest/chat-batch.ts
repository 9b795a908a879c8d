// POST .../chats/batch: up to 1,000 Create Chat bodies in one request. Each item is checked exactly
// like a single POST .../chats body (the same string-safety check, the same TypeBox schema compiled
// by the same strict Ajv, the same error sentences, the same created_at rule); the valid ones are
// stored in one transaction, and the answer is 207 with one result per item, in order.
import type { FastifySchemaValidationError } from 'fastify';
import { Type } from 'typebox';
import type { NewChat } from '../chats/repository.js';
import { CreateChatBody } from '../chats/schemas.js';
import { toNewChat } from '../chats/service.js';
import { HttpError, type ErrorBody } from '../http/errors.js';
import { assertSafeStrings } from '../http/string-safety.js';
import { makeAjv } from '../http/validation.js';
import { describeValidationErrors } from '../http/validation-messages.js';
import type { AppDeps } from '../http/context.js';
import { writeChatBatch, type RowResult } from './chats.js';
import type { Answer, IdempotencyRequest } from './idempotency.js';
import { ingestOf } from './index.js';
import './route-config.js';

export const MAX_BATCH_CHATS = 1000;
export const BATCH_BODY_LIMIT = 5 * 1024 * 1024;

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

type Result = { index: number; status: number; chat_id?: number } & Partial<ErrorBody>;
export type ChatBatchAnswer = Answer<{ results: Result[] }>;

const validateItem = makeAjv({ coerceTypes: false }).compile(CreateChatBody);

/** One item as a row to store, or the 400 body a single POST of it would get. */
function checkItem(item: unknown): NewChat | ErrorBody {
  try {
    assertSafeStrings(item);
    if (!validateItem(item)) {
      return describeValidationErrors(validateItem.errors as unknown as FastifySchemaValidationError[], 'body');
    }
    return toNewChat(item as CreateChatBody);
  } catch (err) {
    if (err instanceof HttpError && err.statusCode === 400) return err.body();
    throw err;
  }
}

const isError = (checked: NewChat | ErrorBody): checked is ErrorBody => typeof (checked as ErrorBody).error === 'string';

export interface CheckedBatch {
  /** The valid items' rows, with their indexes in the request. */
  rows: { index: number; chat: NewChat }[];
  /** The answer, given the database's result for each row of `rows`. */
  answer: (stored: RowResult[]) => ChatBatchAnswer;
}

export function checkBatch(items: unknown[]): CheckedBatch {
  const checked = items.map(checkItem);
  const rows = checked.flatMap((c, index) => (isError(c) ? [] : [{ index, chat: c }]));
  return {
    rows,
    answer: (stored) => {
      const results: Result[] = checked.map((c, index) => (isError(c) ? { index, status: 400, ...c } : { index, status: 0 }));
      rows.forEach((row, i) => {
        const outcome = stored[i];
        results[row.index] =
          typeof outcome === 'number'
            ? { index: row.index, status: 201, chat_id: outcome }
            : { index: row.index, status: 500, error: 'Failed to create chat', code: 'internal_error' };
      });
      return { status: 207, body: { results }, replayed: false };
    },
  };
}

/** Checks and stores a batch for the organization (with its Idempotency-Key, if any). */
export async function createChatBatch(
  deps: AppDeps,
  organizationId: number,
  items: unknown[],
  idempotency: IdempotencyRequest | undefined,
): Promise<ChatBatchAnswer> {
  const ingest = ingestOf(deps);
  return ingest.keys.hold(organizationId, idempotency, async () => {
    const batch = checkBatch(items);
    const rows = batch.rows.map((r) => ({ organizationId, chat: r.chat }));
    return (await writeChatBatch(deps.pool, organizationId, rows, idempotency, batch.answer)) as ChatBatchAnswer;
  });
}
