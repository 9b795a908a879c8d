// What the rollup SQL is rendered from: the rolled-up fields in pair order and the sums. By default
// the registry's (src/fields/chat-fields.ts, src/fields/rollup-sums.ts); a test renders a modified list to see
// what adding a field would write. Also the header of rollups.sql, which records the list a render
// was made for, so that the next render can tell which fields it adds (and must backfill).
import { fieldSpec, ROLLED_UP_FIELDS, type SqlType } from '../../fields/chat-fields.js';
import { ROLLUP_SUMS, type RollupSum } from '../../fields/rollup-sums.js';

export interface RolledUpColumn {
  name: string;
  sql: SqlType;
}

export interface RollupSpec {
  /** The rolled-up fields in pair order: dimension_a of a pair row comes first here (tag is last, after all). */
  fields: readonly RolledUpColumn[];
  sums: readonly RollupSum[];
}

export const registrySpec = (): RollupSpec => ({
  fields: ROLLED_UP_FIELDS.map((name) => ({ name, sql: fieldSpec(name).sql })),
  sums: ROLLUP_SUMS,
});

/** How PostgreSQL names each type (format_type), so that a test can compare the composite type's attributes. */
export const TYPE_NAME: Record<SqlType | 'numeric', string> = {
  text: 'text',
  float8: 'double precision',
  bool: 'boolean',
  int8: 'bigint',
  int2: 'smallint',
  numeric: 'numeric',
};

/** A rolled-up field's value as text (alias.column), as the rollup rows store it: valueAsText for any spec. */
export const valueText = (f: RolledUpColumn, alias: string) => (f.sql === 'text' ? `${alias}.${f.name}` : `${alias}.${f.name}::text`);

const HEADER_FIELDS = '-- rolled-up fields: ';
const HEADER_SUMS = '-- sums: ';
const list = (xs: readonly { name: string; sql: string }[]) => xs.map((x) => `${x.name} ${x.sql}`).join(', ');

/** The two header lines that record what a render was made for. */
export const specHeader = (spec: RollupSpec) => `${HEADER_FIELDS}${list(spec.fields)}\n${HEADER_SUMS}${list(spec.sums)}`;

/** The field and sum lists (name and type only) a rendered rollups.sql says it was made for. */
export function parseSpecHeader(text: string): { fields: RolledUpColumn[]; sums: { name: string; sql: string }[] } {
  const line = (prefix: string) => {
    const found = text.split('\n').find((l) => l.startsWith(prefix));
    if (found === undefined) throw new Error(`rollups.sql has no "${prefix.trim()}" header line`);
    return found
      .slice(prefix.length)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => {
        const [name, sql] = x.split(/\s+/);
        return { name, sql };
      });
  };
  return { fields: line(HEADER_FIELDS) as RolledUpColumn[], sums: line(HEADER_SUMS) };
}
