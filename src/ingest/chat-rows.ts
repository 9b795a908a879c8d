// The hot-path INSERT of chats: any number of rows (of any organizations) in one statement,
// INSERT ... SELECT FROM unnest(...) with one array parameter per column. The statement-level
// triggers (chat_rollups) fire once for the whole statement.
import type pg from 'pg';
import { FIELD_KEYS, FIELD_NAMES, fieldSpec, type SqlType } from '../fields/chat-fields.js';
import type { NewChat } from '../db/rows.js';

export interface ChatRow {
  organizationId: number;
  chat: NewChat;
}

/** An element of a PostgreSQL array literal: quoted, with `"` and `\` escaped. */
const quoted = (s: string) => (/[\\"]/.test(s) ? `"${s.replace(/[\\"]/g, '\\$&')}"` : `"${s}"`);

/** A PostgreSQL array literal for one row's tags (each element quoted). */
function tagsLiteral(tags: readonly string[] | undefined): string {
  if (!tags || tags.length === 0) return '{}';
  return `{${tags.map(quoted).join(',')}}`;
}

/**
 * A column's values as one PostgreSQL array literal: strings quoted, numbers and booleans as they
 * print, null as NULL. The same text node-postgres would send for the array, built with one join
 * instead of a string concatenation per element (a 1,000-row batch made ~4 MB of garbage there).
 */
function arrayLiteral(values: readonly unknown[]): string {
  if (values.length === 0) return '{}';
  const elements = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    elements[i] = v === null || v === undefined ? 'NULL' : typeof v === 'string' ? quoted(v) : String(v);
  }
  // The braces go on the first and last elements, so that join makes the literal in one piece.
  elements[0] = `{${elements[0]}`;
  elements[elements.length - 1] += '}';
  return elements.join(',');
}

// The array type of each SQL type of the field registry.
const ARRAY_OF_SQL: Record<SqlType, string> = { text: 'text[]', float8: 'float8[]', bool: 'bool[]', int8: 'bigint[]', int2: 'smallint[]' };

// The columns before and after the metadata fields (src/fields/chat-fields.ts), as [column, array type, expression].
const LEADING: [string, string, string][] = [
  ['organization_id', 'bigint[]', 'organization_id'],
  ['user_id', 'bigint[]', 'user_id'],
  ['title', 'text[]', 'title'],
  ['tags', 'text[]', 'tags::text[]'],
];
const COLUMNS: [string, string, string][] = [
  ...LEADING,
  ...FIELD_NAMES.map((f): [string, string, string] => [f, ARRAY_OF_SQL[fieldSpec(f).sql], fieldSpec(f).insertSql?.(f, 'organization_id') ?? f]),
  ['created_at', 'timestamptz[]', 'coalesce(created_at, now())'],
];

// The ids come back as one row, `{id,id,...}` in id order, rather than a row per chat (a 1,000-row
// batch was 1,000 result messages and row objects). The tags arrive as one array literal per row.
const INSERT_CHATS = `
  WITH inserted AS (
    INSERT INTO chats (${COLUMNS.map(([c]) => c).join(', ')})
    SELECT ${COLUMNS.map(([, , e]) => e).join(', ')}
    FROM unnest(${COLUMNS.map(([, t], i) => `$${i + 1}::${t}`).join(', ')})
      WITH ORDINALITY AS x(${COLUMNS.map(([c]) => c).join(', ')}, n)
    ORDER BY n
    RETURNING id)
  SELECT count(*)::int AS n, coalesce(array_agg(id ORDER BY id), '{}')::text AS ids FROM inserted`;

/**
 * The statement's parameters: one array per column, element i from row i. A batch keeps its rows
 * in this form while it waits for the database: an array per column rather than an object per row (and the
 * parsed request body they came from), which keeps what a batch holds across that wait small.
 */
export interface ChatColumns {
  readonly values: readonly unknown[][];
  readonly length: number;
}

export function chatColumns(rows: readonly ChatRow[]): ChatColumns {
  const col = <T>(pick: (c: NewChat) => T) => rows.map((r) => pick(r.chat) ?? null);
  return {
    length: rows.length,
    values: [
      rows.map((r) => r.organizationId),
      col((c) => c.userId),
      col((c) => c.title),
      rows.map((r) => tagsLiteral(r.chat.tags)),
      ...FIELD_KEYS.map((key) => col((c) => c[key])),
      col((c) => (c.createdAt instanceof Date ? c.createdAt.toISOString() : c.createdAt)),
    ],
  };
}

/** Row i alone (to insert it on its own). */
export function columnsRow(columns: ChatColumns, i: number): ChatColumns {
  return { length: 1, values: columns.values.map((column) => [column[i]]) };
}

/**
 * Inserts the rows; their ids in row order. The rows are inserted in that order (ORDER BY the
 * ordinality) and take ids from one sequence, which only grows, so the ids in ascending order are
 * the rows' ids in row order.
 */
export async function insertChatColumns(client: pg.ClientBase, columns: ChatColumns): Promise<number[]> {
  if (columns.length === 0) return [];
  const result = await client.query<{ n: number; ids: string }>({ name: 'ingest_insert_chats', text: INSERT_CHATS, values: columns.values.map(arrayLiteral) });
  const { n, ids } = result.rows[0];
  if (n !== columns.length) throw new Error(`inserted ${n} chats for ${columns.length} rows`);
  return ids.slice(1, -1).split(',').map(Number);
}

/** Inserts the rows; their ids in the order of `rows`. */
export async function insertChatRows(client: pg.ClientBase, rows: readonly ChatRow[]): Promise<number[]> {
  return insertChatColumns(client, chatColumns(rows));
}
