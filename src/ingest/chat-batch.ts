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
import { stringsKnownSafe } from '../http/json-body.js';
import { assertSafeStrings } from '../http/string-safety.js';
import { makeAjv } from '../http/validation.js';
import { describeValidationErrors } from '../http/validation-messages.js';
import type { AppDeps } from '../http/context.js';
import { redactChatBody } from '../redaction/ingest.js';
import { redactorFor } from '../redaction/policy-cache.js';
import type { Redactor } from '../redaction/redact.js';
import { chatColumns, type ChatColumns } from './chat-rows.js';
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

type Result = { index: number; status: number; chat_id?: number } & Partial<ErrorBody>;
export type ChatBatchAnswer = Answer<{ results: Result[] }>;

const validateItem = makeAjv({ coerceTypes: false }).compile(CreateChatBody);

/**
 * One item as a row to store, or the 400 body a single POST of it would get. `stringsSafe`: the
 * body parser found no string that could fail assertSafeStrings (see stringsKnownSafe). The item as
 * sent is validated (as a single POST's body is); `redacted` is what is stored.
 */
function checkItem(item: unknown, redacted: unknown, stringsSafe: boolean): NewChat | ErrorBody {
  try {
    if (!stringsSafe) assertSafeStrings(item);
    if (!validateItem(item)) {
      return describeValidationErrors(validateItem.errors as unknown as FastifySchemaValidationError[], 'body');
    }
    return toNewChat(redacted as CreateChatBody);
  } catch (err) {
    if (err instanceof HttpError && err.statusCode === 400) return err.body();
    throw err;
  }
}

const isError = (checked: NewChat | ErrorBody): checked is ErrorBody => typeof (checked as ErrorBody).error === 'string';

export interface CheckedBatch {
  /** The items with their free text redacted (what the Idempotency-Key's hash is made of). */
  redacted: unknown[];
  /** The valid items' rows, with their indexes in the request. */
  rows: { index: number; chat: NewChat }[];
  /** The answer, given the database's result for each row of `rows`. */
  answer: (stored: RowResult[]) => ChatBatchAnswer;
}

/** Checks the items; with a redactor, every item (valid or not) is redacted as a single POST's body is. */
export function checkBatch(items: readonly unknown[], stringsSafe = false, redactor?: Redactor): CheckedBatch {
  const rows: CheckedBatch['rows'] = [];
  const invalid: Result[] = [];
  const redacted = redactor?.active ? items.map((item) => redactChatBody(redactor, item)) : (items as unknown[]);
  items.forEach((item, index) => {
    const checked = checkItem(item, redacted[index], stringsSafe);
    if (isError(checked)) invalid.push({ index, status: 400, ...checked });
    else rows.push({ index, chat: checked });
  });
  return { redacted, rows, answer: answerOf(items.length, invalid, rows.map((r) => r.index)) };
}

/**
 * The answer of a batch of `count` items: the `invalid` ones' errors, and for the items at
 * `indexes`, the database's result of each. (Made out here so that the answer, which lives until
 * the database has answered, holds on to the indexes and the errors only, not to the rows: a
 * closure made inside checkBatch would keep all of checkBatch's variables alive.)
 */
function answerOf(count: number, invalid: Result[], indexes: number[]): CheckedBatch['answer'] {
  return (stored) => {
    const results = new Array<Result>(count);
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

/**
 * Checks and stores a batch for the organization (with its Idempotency-Key, if any). The items are
 * taken out of `body` (the parsed request body, which lives as long as the request), checked, and
 * turned into the INSERT's columns at once: from then on the batch holds nothing but those columns
 * and the errors, so that while it waits for the database the items and their checked rows are
 * already garbage. (Held through that wait, a 1,000-chat body outlived the young generation's
 * collections and was copied into V8's old space, batch after batch: the server's peak RSS.)
 */
export async function createChatBatch(
  deps: AppDeps,
  organizationId: number,
  body: { chats: unknown[] },
  idempotencyOf: (redactedBody: { chats: unknown[] }) => IdempotencyRequest | undefined,
): Promise<ChatBatchAnswer> {
  const items = body.chats;
  body.chats = [];
  const redactor = await redactorFor(deps, organizationId);
  const { redacted, rows, answer } = checkBatch(items, stringsKnownSafe(body), redactor);
  // The key's hash is of the redacted items: a stored hash of a short original (a phone number)
  // could be found by trying every number.
  const idempotency = idempotencyOf({ chats: redacted });
  const columns = chatColumns(rows.map((r) => ({ organizationId, chat: r.chat })));
  return storeChatBatch(deps, organizationId, columns, answer, idempotency);
}

async function storeChatBatch(
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
