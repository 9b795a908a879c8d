// Column types that several schema files share.
import { bigint, boolean, customType, doublePrecision, numeric, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { camel, CHAT_FIELDS, type Camel, type ChatFieldName } from '../fields/chat-fields.js';

// Millisecond precision so that a timestamp survives a round trip through a JS Date exactly
// (keyset cursors compare them).
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });
export const id = (name: string) => bigint(name, { mode: 'number' });

/** A row's position in (created_at, id) order: what a keyset page starts after (src/http/cursor.ts). */
export interface Keyset {
  createdAt: Date;
  id: number;
}

export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

// The column of each SQL type of the field registry (src/fields/chat-fields.ts) and of the rolled-up
// sums (src/fields/rollup-sums.ts); numbers in mode 'number'.
export const COLUMN_OF_SQL = {
  text: (name: string) => text(name),
  float8: (name: string) => doublePrecision(name),
  bool: (name: string) => boolean(name),
  int8: (name: string) => id(name),
  int2: (name: string) => smallint(name),
  // numeric: token counts may each be up to 2^53, and a sum must never overflow (that would fail the insert).
  numeric: (name: string) => numeric(name),
} as const;
export type ColumnOfSql<T extends keyof typeof COLUMN_OF_SQL> = ReturnType<(typeof COLUMN_OF_SQL)[T]>;
type ColumnOf<F extends ChatFieldName> = ColumnOfSql<(typeof CHAT_FIELDS)[F]['sql']>;

/** The columns of these registry fields, under their Drizzle keys (countryCode: country_code). */
export function fieldColumns<N extends ChatFieldName>(names: readonly N[]): { [F in N as Camel<F>]: ColumnOf<F> } {
  return Object.fromEntries(names.map((f) => [camel(f), COLUMN_OF_SQL[CHAT_FIELDS[f].sql](f)])) as { [F in N as Camel<F>]: ColumnOf<F> };
}
