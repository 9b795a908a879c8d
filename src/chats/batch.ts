// POST .../chats/batch, the checks: each item is checked exactly like a single POST .../chats body
// (the same string-safety check, the same TypeBox schema compiled by the same strict Ajv, the same
// error sentences, the same created_at rule); the valid ones are stored in one transaction by the
// write path (src/ingest/chat-batch.ts), and the answer is 207 with one result per item, in order.
import type { FastifySchemaValidationError } from 'fastify';
import { HttpError, type ErrorBody } from '../http/errors.js';
import { stringsKnownSafe } from '../http/json-body.js';
import { assertSafeStrings } from '../http/string-safety.js';
import { makeAjv } from '../http/validation.js';
import { describeValidationErrors } from '../http/validation-messages.js';
import type { AppDeps } from '../http/context.js';
import { answerOf, storeChatBatch, type BatchItemResult, type ChatBatchAnswer, type CheckedBatch } from '../ingest/chat-batch.js';
import { chatColumns } from '../ingest/chat-rows.js';
import type { IdempotencyRequest } from '../ingest/idempotency.js';
import { redactChatBody } from '../redaction/ingest.js';
import { redactorFor } from '../redaction/policy-cache.js';
import type { Redactor } from '../redaction/redact.js';
import type { NewChat } from './repository.js';
import { CreateChatBody } from './schemas.js';
import { toNewChat } from './service.js';

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

/** Checks the items; with a redactor, every item (valid or not) is redacted as a single POST's body is. */
export function checkBatch(items: readonly unknown[], stringsSafe = false, redactor?: Redactor): CheckedBatch {
  const rows: CheckedBatch['rows'] = [];
  const invalid: BatchItemResult[] = [];
  const redacted = redactor?.active ? items.map((item) => redactChatBody(redactor, item)) : (items as unknown[]);
  items.forEach((item, index) => {
    const checked = checkItem(item, redacted[index], stringsSafe);
    if (isError(checked)) invalid.push({ index, status: 400, ...checked });
    else rows.push({ index, chat: checked });
  });
  return { redacted, rows, answer: answerOf(items.length, invalid, rows.map((r) => r.index)) };
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

