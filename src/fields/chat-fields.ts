// The chat fields: each metadata field of a chat declared once. Everything that names a field is
// derived from this list: the chats table's columns (src/db/schema.ts), the API's input and output
// schemas and presenter (./schemas.ts, ./presenter.ts), the hot-path INSERT (src/ingest/chat-rows.ts),
// the filters (./filters.ts), the analytics dimensions and the rollup SQL rendered from them
// (src/analytics/params.ts, src/db/rollup-sql), exports (src/exports/formats.ts), redaction of free
// text (src/redaction/ingest.ts) and the dashboard's labels, filters and overview cards
// (web/src/api/generated/fields.ts, written by `npm run sdk:types`).
// How to add a field: src/analytics/README.md, "Adding a field".
//
// This module imports nothing from the database or the HTTP layer (but the code lists), so that all of them can import it.
import { Type, type TSchema } from 'typebox';
import { isCountryCode, isLanguageCode } from '../http/formats.js';

/** Far above any real average answer time (about 31 years), far below what could overflow a sum. */
export const MAX_RESPONSE_TIME_SECONDS = 1e9;

/** How a field is stored: the PostgreSQL type of its column. */
export type SqlType = 'text' | 'float8' | 'bool' | 'int8' | 'int2';

/**
 * How a field is filtered (GET /api/v1/chats, exports, analytics):
 * - list: `name=a,b` matches any of the values (compared after `normalize`);
 * - boolean: `name=true|false`;
 * - exact: `name=value`, one value;
 * - rating: rating_min, rating_max and has_rating (user_rating only).
 */
export type FilterKind = 'list' | 'boolean' | 'exact' | 'rating';

export interface ChatFieldSpec {
  sql: SqlType;
  /** The field's schema in a request body (null is always allowed as well: "not known"). */
  input: TSchema;
  /** How a sent value is stored (codes in their canonical case). Default: as sent. */
  store?: (value: never) => unknown;
  /** The INSERT's expression of the value, given its parameter and the organization's (ip_address: the privacy setting). */
  insertSql?: (value: string, organization: string) => string;
  filter?: {
    kind: FilterKind;
    /** What the filter matches, for the OpenAPI document. */
    description?: string;
    /** list: how each value is normalized before it is compared (the stored form). */
    normalize?: (value: string) => string;
    /** list: each value must pass this check; `what` completes "contains "x", which is not …". */
    check?: { valid: (value: string) => boolean; what: string };
  };
  /** A dimension of analytics: rolled up per value, breakdowns, pairs, sketches. */
  rollup?: boolean;
  /** Free text the bot fills as it likes: redacted at ingest (src/redaction). url: redacted as a link. */
  freeText?: 'text' | 'url';
  /** How the dashboard names the field (and an export's filter line, in lowercase). */
  label: string;
  /** A breakdown card of the dashboard's overview, with this title. */
  overview?: string;
  /** How the dashboard shows the field besides `label` and `overview` (web/src/api/generated/fields.ts). */
  dashboard?: {
    /** Its place in the dashboard's lists (chat page, filter form, overview cards); fields without one follow, in this file's order. */
    order?: number;
    /** The filter form's label. Default: label. */
    filterLabel?: string;
    /** The filter form's example values (list filters). */
    placeholder?: string;
    /** The chat page's label. Default: label. */
    detailLabel?: string;
    /** Not in the chat page's list of fields (the page shows it elsewhere). */
    hideInDetail?: true;
  };
}

const codes = { country: 'an assigned ISO 3166-1 alpha-2 country code', language: 'an ISO 639 language code' };
const upper = (v: string) => v.toUpperCase();
const lower = (v: string) => v.toLowerCase();

// Fields in the order of the API's metadata object and of export columns (alphabetical). The order of
// the rolled-up ones is also the order of the two fields in a pair rollup row (dimension_a first),
// which stored rows depend on: a new rolled-up field may go anywhere, since the migration that adds
// it fills its pair rows, but existing fields must keep their relative order.
export const CHAT_FIELDS = {
  avg_response_time: {
    sql: 'float8',
    // Bounded so that the per-hour sums of the rollups can never overflow a double (that would fail inserts).
    input: Type.Number({ minimum: 0, maximum: MAX_RESPONSE_TIME_SECONDS, description: 'Average response time, in seconds (at most 1,000,000,000)' }),
    label: 'Average response time',
    dashboard: { order: 9, detailLabel: 'Avg. response time' },
  },
  bot_version: {
    sql: 'text',
    input: Type.String({ maxLength: 100, description: 'The version of the bot that held the chat, e.g. "2.3.1": breakdowns compare releases' }),
    filter: { kind: 'list', description: 'Exact bot version' },
    rollup: true,
    label: 'Bot version',
    overview: 'By bot version',
    dashboard: { placeholder: '2.3.0, 2.3.1' },
  },
  country_code: {
    sql: 'text',
    input: Type.String({ format: 'iso3166-alpha2', description: 'ISO 3166-1 alpha-2, e.g. "NL"; case-insensitive, stored uppercase' }),
    store: upper,
    filter: { kind: 'list', description: 'ISO 3166-1 alpha-2 country code', normalize: upper, check: { valid: isCountryCode, what: codes.country } },
    rollup: true,
    label: 'Country',
    overview: 'Countries',
    dashboard: { order: 7, filterLabel: 'Country codes', placeholder: 'NL, DE' },
  },
  ip_address: {
    sql: 'text',
    input: Type.String({ format: 'ip', maxLength: 100, description: 'IPv4 or IPv6 address of the end user' }),
    // Stored as the organization's ip_mode says: in full, truncated or not at all.
    insertSql: (value, organization) => `privacy_ip(${organization}, ${value})`,
    label: 'IP address',
    dashboard: { order: 11 },
  },
  is_escalated: {
    sql: 'bool',
    input: Type.Boolean({ description: 'Whether the bot escalated the conversation' }),
    filter: { kind: 'boolean' },
    rollup: true,
    label: 'Escalated',
    dashboard: { order: 4 },
  },
  is_forwarded_to_hr: {
    sql: 'bool',
    input: Type.Boolean({ description: 'Whether the conversation was handed over to HR' }),
    filter: { kind: 'boolean' },
    rollup: true,
    label: 'Forwarded to HR',
    dashboard: { order: 5, detailLabel: 'HR hand-over' },
  },
  language_code: {
    sql: 'text',
    input: Type.String({ format: 'iso639', description: 'ISO 639-1 (e.g. "tr") or ISO 639-2/3; stored lowercase' }),
    store: lower,
    filter: { kind: 'list', description: 'ISO 639 language code', normalize: lower, check: { valid: isLanguageCode, what: codes.language } },
    rollup: true,
    label: 'Language',
    overview: 'Languages',
    dashboard: { order: 6, filterLabel: 'Language codes', placeholder: 'en, nl' },
  },
  question_category: {
    sql: 'text',
    input: Type.String({ maxLength: 100 }),
    filter: { kind: 'list', description: 'Exact question category' },
    rollup: true,
    freeText: 'text',
    label: 'Category',
    overview: 'What people ask about',
    dashboard: { order: 1, placeholder: 'leave, payroll' },
  },
  sentiment: {
    sql: 'text',
    input: Type.String({ maxLength: 100, description: 'Stored lowercase' }),
    store: lower,
    filter: { kind: 'list', description: 'Sentiment (case-insensitive)', normalize: lower },
    rollup: true,
    freeText: 'text',
    label: 'Sentiment',
    overview: 'Sentiment',
    dashboard: { order: 2, placeholder: 'negative, neutral' },
  },
  session_id: {
    sql: 'text',
    input: Type.String({ maxLength: 255 }),
    filter: { kind: 'exact' },
    freeText: 'text',
    label: 'Session',
    dashboard: { order: 10, filterLabel: 'Session id' },
  },
  token_count: {
    sql: 'int8',
    input: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Total tokens for the chat session' }),
    label: 'Tokens',
    dashboard: { order: 8 },
  },
  transcript_link: {
    sql: 'text',
    input: Type.String({ format: 'http-url', maxLength: 2048, description: 'Absolute http(s) URL' }),
    // Its path and query hold record ids and names: redacted as a link (Redactor.redactUrl).
    freeText: 'url',
    label: 'Transcript link',
    dashboard: { hideInDetail: true },
  },
  user_rating: {
    sql: 'int2',
    input: Type.Integer({ minimum: 1, maximum: 5, description: "The end user's rating, 1–5" }),
    filter: { kind: 'rating' },
    rollup: true,
    label: 'Rating',
    overview: 'Ratings',
    dashboard: { order: 3 },
  },
} as const satisfies Record<string, ChatFieldSpec>;

export type ChatFieldName = keyof typeof CHAT_FIELDS;
type Spec<F extends ChatFieldName> = (typeof CHAT_FIELDS)[F];

/** snake_case to camelCase, as a type: the Drizzle key of a column ("country_code" → "countryCode"). */
export type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
// Remembered: callers run it per row (the INSERT's columns, the presenter, export cells), and a
// regex replace per field per row was most of what building a batch's columns cost.
const camelCache = new Map<string, string>();
export const camel = <S extends string>(s: S): Camel<S> => {
  let key = camelCache.get(s);
  if (key === undefined) camelCache.set(s, (key = s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
  return key as Camel<S>;
};

export const FIELD_NAMES = Object.keys(CHAT_FIELDS) as ChatFieldName[];
/** Each field's Drizzle key, in FIELD_NAMES order: for loops over rows. */
export const FIELD_KEYS = FIELD_NAMES.map((f) => camel(f));
export const fieldSpec = (name: ChatFieldName): ChatFieldSpec => CHAT_FIELDS[name];

type NamesWhere<P> = { [F in ChatFieldName]: Spec<F> extends P ? F : never }[ChatFieldName];

/** The rolled-up fields (analytics dimensions besides tag), in pair order. */
export type RolledUpField = NamesWhere<{ rollup: true }>;
export const ROLLED_UP_FIELDS = FIELD_NAMES.filter((f) => fieldSpec(f).rollup) as RolledUpField[];

export type ListFilterField = NamesWhere<{ filter: { kind: 'list' } }>;
export type BooleanFilterField = NamesWhere<{ filter: { kind: 'boolean' } }>;
export type ExactFilterField = NamesWhere<{ filter: { kind: 'exact' } }>;
const withFilter = (kind: FilterKind) => FIELD_NAMES.filter((f) => fieldSpec(f).filter?.kind === kind);
export const LIST_FILTER_FIELDS = withFilter('list') as ListFilterField[];
export const BOOLEAN_FILTER_FIELDS = withFilter('boolean') as BooleanFilterField[];
export const EXACT_FILTER_FIELDS = withFilter('exact') as ExactFilterField[];

/** The metadata fields redacted as text, and those redacted as links. */
export const FREE_TEXT_FIELDS = FIELD_NAMES.filter((f) => fieldSpec(f).freeText === 'text');
export const LINK_FIELDS = FIELD_NAMES.filter((f) => fieldSpec(f).freeText === 'url');

/** The SQL type of a field's value: what its column holds. */
const TS_OF_SQL = { text: '', float8: 0, bool: false, int8: 0, int2: 0 } as const;
type TsOf<T extends SqlType> = (typeof TS_OF_SQL)[T] extends string ? string : (typeof TS_OF_SQL)[T] extends boolean ? boolean : number;

/** A chat's metadata as stored, under the Drizzle keys (countryCode…): null where the bot did not send it. */
export type ChatFieldValues = { [F in ChatFieldName as Camel<F>]: TsOf<Spec<F>['sql']> | null };
/** The same under the API's names (country_code…). */
export type ChatMetadataValues = { [F in ChatFieldName]: TsOf<Spec<F>['sql']> | null };

/** A rolled-up field's value as text in SQL (alias.column), as the rollups store it. */
export const valueAsText = (field: RolledUpField, alias: string) =>
  fieldSpec(field).sql === 'text' ? `${alias}.${field}` : `${alias}.${field}::text`;
