import { boundedReadsDb } from '../cost-limits/read-pool.js';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../http/context.js';
import { keysetCursor, pageOf } from '../http/cursor.js';
import { badRequest, notFound } from '../http/errors.js';
import { normalizeTag } from '../http/formats.js';
import type { CreatedChat } from '../ingest/chats.js';
import type { Answer, IdempotencyRequest } from '../ingest/idempotency.js';
import { ingestOf } from '../ingest/index.js';
import { pageOfMessages } from '../messages/service.js';
import { redactChatBody } from '../redaction/ingest.js';
import { redactorFor } from '../redaction/policy-cache.js';
import { assertInstantInRange, chatFilterSql, inInstantRange, parseChatFilters, type ChatFilterInput } from './filters.js';
import { endUserView, resolveUserFilter } from './end-users.js';
import { presentChat } from './presenter.js';
import * as repo from './repository.js';
import { camel, FIELD_NAMES, fieldSpec, type ChatFieldValues } from '../fields/chat-fields.js';
import type { ChatMetadataInput, CreateChatBody, UpdateChatBody } from './schemas.js';

const MAX_TAGS = 50;
const TRANSCRIPT_IN_CHAT = 1000;

/** Tags in their stored form, de-duplicated in first-seen order. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag))];
}

type MetadataColumns = ChatFieldValues;

/**
 * The columns for the metadata fields present in `metadata` (null clears), each stored as its
 * registry entry says (src/fields/chat-fields.ts: codes in their canonical case). With `allFields`, the
 * fields not sent are set to NULL too (a new chat, or `metadata: null` on an update).
 */
function metadataColumns(metadata: ChatMetadataInput | null | undefined, allFields: boolean): Partial<MetadataColumns> {
  const columns: Record<string, unknown> = {};
  for (const field of FIELD_NAMES) {
    const value = metadata?.[field];
    const store = (fieldSpec(field).store ?? ((v: unknown) => v)) as (v: unknown) => unknown;
    if (value !== undefined) columns[camel(field)] = value === null ? null : store(value);
    else if (allFields) columns[camel(field)] = null;
  }
  return columns as Partial<MetadataColumns>;
}

// Imported history may carry its own created_at; a clock a little ahead is tolerated, the future is not.
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

function createdAt(value: string | null | undefined): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badRequest('created_at must be an ISO 8601 date-time with a time zone', 'created_at');
  assertInstantInRange(date, 'created_at');
  if (date.getTime() > Date.now() + MAX_CLOCK_SKEW_MS) throw badRequest('created_at must not be more than 5 minutes in the future', 'created_at');
  return date;
}

/** The validated request as a row: codes in their canonical case, absent fields as NULL. */
export function toNewChat(body: CreateChatBody): repo.NewChat {
  return {
    createdAt: createdAt(body.created_at),
    title: body.title ?? null,
    tags: normalizeTags(body.tags ?? []),
    userId: body.user_id ?? null,
    ...(metadataColumns(body.metadata, true) as MetadataColumns),
  };
}

/**
 * Stores a chat: validated here, then written by the group commit together with the chats other
 * requests are creating at the same moment; resolves once that transaction committed. With an
 * Idempotency-Key, a repeated request is answered from the first (see src/ingest/idempotency.ts).
 */
export async function createChat(
  deps: AppDeps,
  organizationId: number,
  body: CreateChatBody,
  idempotency?: IdempotencyRequest,
): Promise<Answer<CreatedChat>> {
  const chat = toNewChat(body);
  const ingest = ingestOf(deps);
  return ingest.keys.hold(organizationId, idempotency, () => ingest.chats.submit({ organizationId, chat, idempotency }));
}

export async function getChat(deps: AppDeps, organizationId: number, id: number, includeMessages = false) {
  const [row, users] = await Promise.all([repo.findChat(deps.db, organizationId, id), endUserView(deps.db, organizationId)]);
  if (!row) throw notFound('Chat not found');
  if (!includeMessages) return presentChat(row, users.show);
  const transcript = await pageOfMessages(deps, organizationId, id, TRANSCRIPT_IN_CHAT);
  return { ...presentChat(row, users.show), messages: transcript.messages, messages_next_cursor: transcript.next_cursor };
}

export interface ListOptions {
  sort: repo.SortOrder;
  limit: number;
  cursor?: string;
  includeTotal: boolean;
}

export async function listChats(deps: AppDeps, organizationId: number, filterInput: ChatFilterInput, options: ListOptions) {
  const users = await endUserView(deps.db, organizationId);
  // The pseudonym lookup reads every end user of the organization: bounded like the list itself.
  const filters = await resolveUserFilter({ db: boundedReadsDb(deps) }, organizationId, parseChatFilters(filterInput));
  const where = chatFilterSql(organizationId, filters);
  const after = options.cursor === undefined ? undefined : keysetCursor.decode(options.cursor, inInstantRange);
  const [rows, total] = await Promise.all([
    // On connections whose statements are cancelled past READ_STATEMENT_TIMEOUT_MS (a text search
    // over every message of a large organization could otherwise hold one for minutes).
    repo.listChats(boundedReadsDb(deps), where, options.sort, options.limit, after),
    options.includeTotal ? repo.countChats(boundedReadsDb(deps), where) : undefined,
  ]);
  const { page, next_cursor } = pageOf(rows, options.limit, keysetCursor.encode);
  return {
    chats: page.map((row) => presentChat(row, users.show)),
    next_cursor,
    ...(total === undefined ? {} : { total }),
  };
}

/** The tags after an update: replaced, or with additions and removals applied. */
function updatedTags(current: string[], body: UpdateChatBody): string[] | undefined {
  if (body.tags !== undefined) return normalizeTags(body.tags ?? []);
  if (body.add_tags === undefined && body.remove_tags === undefined) return undefined;
  const removed = new Set(normalizeTags(body.remove_tags ?? []));
  const tags = normalizeTags([...current, ...(body.add_tags ?? [])]).filter((t) => !removed.has(t));
  if (tags.length > MAX_TAGS) throw badRequest(`A chat can have at most ${MAX_TAGS} tags; this would make ${tags.length}`, 'add_tags');
  return tags;
}

export async function updateChat(deps: AppDeps, organizationId: number, id: number, sent: UpdateChatBody) {
  if (sent.tags !== undefined && (sent.add_tags !== undefined || sent.remove_tags !== undefined)) {
    throw badRequest('Send either tags (to replace them) or add_tags/remove_tags, not both', 'tags');
  }
  // Read before the transaction (PGlite has one connection: a read beside the transaction would wait for it).
  const redactor = await redactorFor(deps, organizationId);
  const row = await deps.db.transaction(async (tx) => {
    const current = await repo.findChatForUpdate(tx, organizationId, id);
    if (!current) throw notFound('Chat not found');
    // Redacted like a new chat's fields, with the chat's country and language unless the update sends them
    // (remove_tags too, so that a tag stored redacted can be removed by its original).
    const body = redactChatBody(redactor, sent, { country: current.countryCode, language: current.languageCode });
    const changes: repo.ChatChanges = {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.user_id !== undefined ? { userId: body.user_id } : {}),
      ...metadataColumns(body.metadata, body.metadata === null),
    };
    const tags = updatedTags(current.tags, body);
    if (tags !== undefined) changes.tags = tags;
    // The organization's IP setting applies here as at ingest (migration 0008's privacy_ip).
    if (typeof changes.ipAddress === 'string') (changes as Record<string, unknown>).ipAddress = sql`privacy_ip(${organizationId}::bigint, ${changes.ipAddress}::text)`;
    return repo.updateChat(tx, organizationId, id, changes);
  });
  // The answer of the bot's PATCH too: in works-council mode no answer carries a raw id (the bot
  // knows the id it sent; a dashboard member who updates a chat must not learn it).
  return presentChat(row, (await endUserView(deps.db, organizationId)).show);
}

export async function deleteChat(deps: AppDeps, organizationId: number, id: number) {
  if (!(await repo.deleteChat(deps.db, organizationId, id))) throw notFound('Chat not found');
}

export const listTags = (deps: AppDeps, organizationId: number) => repo.tagCounts(deps.db, organizationId);
