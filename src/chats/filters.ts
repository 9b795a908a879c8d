// The chat filters: one definition of what can be asked of an organization's chats, used by the
// explorer (GET /api/v1/chats), exports and analytics. Query strings and JSON bodies carry the same
// names; parseChatFilters checks the meaning of each value and names the parameter when it is wrong.
import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { Type, type Static, type TBoolean, type TOptional, type TSchema, type TString, type TUnsafe } from 'typebox';
import { chats, messages } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { normalizeTag } from '../http/formats.js';
import {
  BOOLEAN_FILTER_FIELDS,
  camel,
  CHAT_FIELDS,
  EXACT_FILTER_FIELDS,
  fieldSpec,
  LIST_FILTER_FIELDS,
  type BooleanFilterField,
  type Camel,
  type ChatFieldName,
  type ExactFilterField,
  type ListFilterField,
} from '../fields/chat-fields.js';
import { isPseudonym, PSEUDONYM_EXAMPLE, PSEUDONYM_PATTERN } from './end-users.js';

const LIST_LIMIT = 100;

const list = (description: string) =>
  Type.String({ maxLength: 10_000, description: `${description}; a comma-separated list matches any of the values` });

type ListParams = { [F in ListFilterField]: TOptional<TString> };
type BooleanParams = { [F in BooleanFilterField]: TOptional<TBoolean> };
type ExactParams = { [F in ExactFilterField]: TOptional<(typeof CHAT_FIELDS)[F]['input']> };

// The filters of the registry's fields (src/fields/chat-fields.ts), by kind.
const fieldParams = {
  ...(Object.fromEntries(LIST_FILTER_FIELDS.map((f) => [f, Type.Optional(list(fieldSpec(f).filter!.description ?? fieldSpec(f).label))])) as ListParams),
  ...(Object.fromEntries(BOOLEAN_FILTER_FIELDS.map((f) => [f, Type.Optional(Type.Boolean())])) as BooleanParams),
  ...(Object.fromEntries(EXACT_FILTER_FIELDS.map((f) => [f, Type.Optional(CHAT_FIELDS[f].input)])) as ExactParams),
};

/** Filter parameters as a query string carries them (the explorer and analytics). */
export const filterParams = {
  from: Type.Optional(Type.String({ description: 'created_at ≥ from: ISO 8601 with a zone ("2026-01-31T00:00:00Z") or a date ("2026-01-31", midnight UTC)' })),
  to: Type.Optional(Type.String({ description: 'created_at < to (same forms as from)' })),
  tags: Type.Optional(Type.String({ maxLength: 10_000, description: 'Comma-separated tags (compared in their stored, lowercase form)' })),
  tags_mode: Type.Optional(Type.Unsafe<'all' | 'any'>({ type: 'string', enum: ['all', 'any'], description: 'all (default): chats with every tag; any: with at least one' })),
  ...fieldParams,
  user_id: Type.Optional(
    Type.Unsafe<number | string>({
      type: ['integer', 'string'],
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      maxLength: 20,
      description: `The end user's id in the bot's system; in works-council mode the pseudonym shown instead (such as ${PSEUDONYM_EXAMPLE})`,
    }),
  ),
  rating_min: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  rating_max: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  has_rating: Type.Optional(Type.Boolean({ description: 'true: only rated chats; false: only unrated' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text in the title or in any message (substring, case-insensitive, any language)' })),
};

const stringOrList = (schema: TSchema & { description?: string }) =>
  Type.Unsafe<string | string[]>({ type: ['string', 'array'], items: { type: 'string', maxLength: 1000 }, maxItems: LIST_LIMIT, maxLength: 10_000, description: schema.description });

/** The same filters in a JSON body (exports): lists may also be arrays of strings. */
export const ChatFiltersBody = Type.Object(
  {
    ...filterParams,
    tags: Type.Optional(stringOrList(filterParams.tags)),
    ...(Object.fromEntries(LIST_FILTER_FIELDS.map((f) => [f, Type.Optional(stringOrList(filterParams[f]))])) as { [F in ListFilterField]: TOptional<TUnsafe<string | string[]>> }),
    // In JSON an id is a number: a string must be a pseudonym ("42" is not an id here).
    user_id: Type.Optional(Type.Unsafe<number | string>({ ...filterParams.user_id, pattern: PSEUDONYM_PATTERN })),
  },
  { additionalProperties: false, description: 'The filters of GET /api/v1/chats' },
);
export type ChatFilterInput = Static<typeof ChatFiltersBody>;

export type ChatFilters = {
  from?: Date;
  to?: Date;
  tags?: string[];
  tagsMode: 'all' | 'any';
  userId?: number;
  /** user_id given as a pseudonym (works-council mode): resolveUserFilter turns it into userId. */
  userPseudonym?: string;
  ratingMin?: number;
  ratingMax?: number;
  hasRating?: boolean;
  q?: string;
} & { [F in ListFilterField as Camel<F>]?: string[] } & { [F in BooleanFilterField as Camel<F>]?: boolean } & { [F in ExactFilterField as Camel<F>]?: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

// The instants the service accepts anywhere (filters, ranges, created_at, cursors): the years 100
// to 9999. JavaScript's Date goes to ±275760 and PostgreSQL's timestamptz from 4713 BC: outside
// their overlap one of them failed (a 500). Years 1 to 99 are held by both, but Drizzle reads a
// timestamptz back through Date's parser of PostgreSQL's text form, which takes "0001-..." for
// 2001: a chat stored in year 1 read back as 2001. Four-digit ISO 8601 writes all of these.
export const MIN_INSTANT = new Date('0100-01-01T00:00:00.000Z');
export const MAX_INSTANT = new Date('9999-12-31T23:59:59.999Z');
export const INSTANT_RANGE_TEXT = 'between 0100-01-01T00:00:00Z and 9999-12-31T23:59:59Z';

export const inInstantRange = (date: Date) => date.getTime() >= MIN_INSTANT.getTime() && date.getTime() <= MAX_INSTANT.getTime();

/** 400 naming `name` unless `date` lies in the years 1 to 9999 (UTC). */
export function assertInstantInRange(date: Date, name: string): Date {
  if (!inInstantRange(date)) throw badRequest(`${name} must be ${INSTANT_RANGE_TEXT}`, name);
  return date;
}

/** An ISO 8601 date-time with a zone, or a date (midnight UTC); undefined when absent. */
export function parseInstant(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const ok = DATE_ONLY.test(value) || DATE_TIME.test(value);
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (!ok || Number.isNaN(date.getTime())) {
    throw badRequest(`${name} must be an ISO 8601 date-time with a time zone (2026-01-31T12:00:00Z) or a date (2026-01-31)`, name);
  }
  return assertInstantInRange(date, name);
}

function parseList(value: string | string[] | undefined, name: string, normalize: (v: string) => string = (v) => v): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : value.split(',')).map((v) => normalize(v.trim())).filter((v) => v !== '');
  if (items.length === 0) throw badRequest(`${name} must list at least one value`, name);
  if (items.length > LIST_LIMIT) throw badRequest(`${name} may list at most ${LIST_LIMIT} values`, name);
  return [...new Set(items)];
}

function checkCodes(values: string[] | undefined, name: string, valid: (v: string) => boolean, what: string) {
  const bad = values?.find((v) => !valid(v));
  if (bad !== undefined) throw badRequest(`${name} contains "${bad}", which is not ${what}`, name);
}

const DIGITS = /^[0-9]{1,16}$/;

/** user_id: an integer (a query string carries it as digits), or a pseudonym. */
function parseUserId(value: number | string | undefined, name: string): Pick<ChatFilters, 'userId' | 'userPseudonym'> {
  if (value === undefined) return {};
  if (typeof value === 'string' && isPseudonym(value)) return { userPseudonym: value };
  const id = typeof value === 'number' ? value : DIGITS.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw badRequest(`${name} must be an integer from 1 to ${Number.MAX_SAFE_INTEGER}, or a pseudonym such as ${PSEUDONYM_EXAMPLE}`, name);
  }
  return { userId: id };
}

/**
 * Checks and normalizes filters (from a query string or a JSON body). `prefix` is put before
 * parameter names in errors ("filters." for a body).
 */
export function parseChatFilters(input: ChatFilterInput, prefix = ''): ChatFilters {
  const n = (name: string) => prefix + name;
  const filters: ChatFilters = {
    from: parseInstant(input.from, n('from')),
    to: parseInstant(input.to, n('to')),
    tags: parseList(input.tags, n('tags'), normalizeTag),
    tagsMode: input.tags_mode ?? 'all',
    ...parseUserId(input.user_id, n('user_id')),
    ratingMin: input.rating_min,
    ratingMax: input.rating_max,
    hasRating: input.has_rating,
    q: input.q?.trim() || undefined,
  };
  const byKey = filters as Record<string, unknown>;
  for (const f of LIST_FILTER_FIELDS) {
    const { normalize, check } = fieldSpec(f).filter!;
    const values = parseList(input[f], n(f), normalize);
    if (check) checkCodes(values, n(f), check.valid, check.what);
    byKey[camel(f)] = values;
  }
  for (const f of [...BOOLEAN_FILTER_FIELDS, ...EXACT_FILTER_FIELDS]) byKey[camel(f)] = input[f];
  if (filters.from && filters.to && filters.from >= filters.to) throw badRequest(`${n('from')} must be before ${n('to')}`, n('from'));
  if (filters.ratingMin !== undefined && filters.ratingMax !== undefined && filters.ratingMin > filters.ratingMax) {
    throw badRequest(`${n('rating_min')} must not be greater than ${n('rating_max')}`, n('rating_min'));
  }
  if (filters.hasRating === false && (filters.ratingMin !== undefined || filters.ratingMax !== undefined)) {
    throw badRequest(`${n('has_rating')}=false cannot be combined with rating_min or rating_max`, n('has_rating'));
  }
  return filters;
}

/** `text` as a LIKE pattern that matches it anywhere, with LIKE's wildcards taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The chats column of a registry field. */
const column = (field: ChatFieldName) => chats[camel(field)] as PgColumn;

/** The WHERE condition for an organization's chats matching `f` (on the table "chats"). */
export function chatFilterSql(organizationId: number, f: ChatFilters): SQL {
  const conditions: (SQL | undefined)[] = [eq(chats.organizationId, organizationId)];
  if (f.from) conditions.push(gte(chats.createdAt, f.from));
  if (f.to) conditions.push(lt(chats.createdAt, f.to));
  if (f.tags) {
    const wanted = sql`ARRAY[${sql.join(f.tags.map((tag) => sql`${tag}`), sql`, `)}]::text[]`;
    conditions.push(f.tagsMode === 'all' ? sql`${chats.tags} @> ${wanted}` : sql`${chats.tags} && ${wanted}`);
  }
  const byKey = f as Record<string, unknown>;
  for (const field of LIST_FILTER_FIELDS) {
    const values = byKey[camel(field)] as string[] | undefined;
    if (values) conditions.push(inArray(column(field), values));
  }
  for (const field of [...BOOLEAN_FILTER_FIELDS, ...EXACT_FILTER_FIELDS]) {
    const value = byKey[camel(field)];
    if (value !== undefined) conditions.push(eq(column(field), value as string | boolean));
  }
  if (f.userPseudonym !== undefined) throw new Error('user_id pseudonym not resolved (resolveUserFilter)');
  if (f.userId !== undefined) conditions.push(eq(chats.userId, f.userId));
  if (f.ratingMin !== undefined) conditions.push(gte(chats.userRating, f.ratingMin));
  if (f.ratingMax !== undefined) conditions.push(lte(chats.userRating, f.ratingMax));
  if (f.hasRating !== undefined) conditions.push(f.hasRating ? isNotNull(chats.userRating) : isNull(chats.userRating));
  if (f.q) {
    const pattern = containsPattern(f.q);
    conditions.push(
      or(
        sql`${chats.title} ILIKE ${pattern}`,
        sql`EXISTS (SELECT 1 FROM ${messages} WHERE ${messages.organizationId} = ${chats.organizationId} AND ${messages.chatId} = ${chats.id} AND ${messages.content} ILIKE ${pattern})`,
      ),
    );
  }
  return and(...conditions)!;
}
