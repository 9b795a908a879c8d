// Pieces that every rendered statement shares: column lists of the spec's fields and sums, the
// "nothing changed" test and the upsert's additions, and how a function becomes its CREATE statement.
import type { RollupSpec } from './spec.js';

/** The name of the composite type that carries the changes of a write (one value per combination). */
export const COMBO = 'chat_rollup_combo';

/** A function as PostgreSQL stores it: pg_proc.prosrc is `body`, proconfig is `config`. */
export interface RenderedFunction {
  name: string;
  /** The argument list, as in a DROP FUNCTION (types only would do; names as declared). */
  args: string;
  /** The argument types, for DROP FUNCTION. */
  argTypes: string;
  returns: string;
  language: 'plpgsql' | 'sql';
  /** SET options, as pg_proc.proconfig lists them ("name=value"). */
  config: string[];
  /** Whether the signature names the composite type (it must be dropped before the type is). */
  usesType: boolean;
  /** Why it is as it is: SQL comment lines before the statement. */
  comment: string;
  body: string;
}

export const createFunctionSql = (f: RenderedFunction) => {
  const set = f.config.map((c) => {
    const [name, value] = c.split('=');
    return ` SET ${name} = ${value}`;
  });
  return `${f.comment}\nCREATE OR REPLACE FUNCTION ${f.name}(${f.args}) RETURNS ${f.returns} LANGUAGE ${f.language}${set.join('')} AS $$${f.body}$$;`;
};

/** `alias.name` of every field (alias '' for bare names). */
export const fieldCols = (spec: RollupSpec, alias = '') => spec.fields.map((f) => `${alias && `${alias}.`}${f.name}`);
export const sumCols = (spec: RollupSpec, alias = '') => spec.sums.map((s) => `${alias && `${alias}.`}${s.name}`);

/** The columns of chat_rollup_pending (and the attributes of the type), in the order the statements list them. */
export const comboCols = (spec: RollupSpec, alias = '') => [
  ...[`organization_id`, `bucket`].map((c) => `${alias && `${alias}.`}${c}`),
  ...fieldCols(spec, alias),
  `${alias && `${alias}.`}tags`,
  ...sumCols(spec, alias),
];

/** True when a row's sums are not all zero: an update that changed nothing rolled up writes nothing. */
export const nonZero = (spec: RollupSpec, alias = '') =>
  `(${sumCols(spec, alias).join(', ')}) IS DISTINCT FROM (${spec.sums.map(() => '0').join(', ')})`;

/** The DO UPDATE SET of an upsert into a rollup table `r`: each sum added. */
export const addSums = (spec: RollupSpec, indent: string) =>
  spec.sums.map((s) => `${indent}${s.name} = r.${s.name} + excluded.${s.name}`).join(',\n');

/** Joins items with ", ", wrapped before `width` characters: the first line starts with `first`, the others with `indent`. */
export function wrap(items: readonly string[], indent: string, first = '', width = 110): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const [i, item] of items.entries()) {
    const piece = item + (i < items.length - 1 ? ',' : '');
    if (empty) line += piece;
    else if (line.length + 1 + piece.length > width) {
      lines.push(line);
      line = indent + piece;
    } else line += ` ${piece}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}
