// Backfilling a newly rolled-up field. Its column is new, so it is NULL in every existing chat: its
// per-field rows are copies of the 'all' rows (value NULL), and its pair row with any other
// dimension is a copy of that dimension's daily row with the new field's value NULL, the two placed
// as dimension_a and dimension_b by pair order. (Two fields added at once: the second one's
// per-field rows are inserted first, so their pair is the copy of those.) Pending rows need nothing:
// the fold applies them with the new function, the new field NULL in them too.
import { sumCols, wrap } from './parts.js';
import type { RollupSpec } from './spec.js';

export function backfillStatements(spec: RollupSpec, added: readonly string[]): string[] {
  if (added.length === 0) return [];
  const sums = sumCols(spec);
  const dims = [...spec.fields.map((f) => f.name), 'tag'];
  const out: string[] = [];
  for (const field of added) {
    for (const table of ['chat_rollups', 'chat_daily_rollups']) {
      out.push(`-- ${field} is newly rolled up, and NULL in every chat so far: its ${table} rows are the 'all' rows.
INSERT INTO ${table} (${wrap(['organization_id', 'dimension', 'value', 'bucket', ...sums], '  ')})
SELECT ${wrap(['organization_id', `'${field}'`, 'NULL', 'bucket', ...sums], '  ')}
FROM ${table} WHERE dimension = 'all';`);
    }
  }
  for (const field of added) {
    for (const other of dims) {
      // Each pair once: of two new fields, the pair is filled while backfilling the first.
      if (other === field || (added.includes(other) && added.indexOf(other) < added.indexOf(field))) continue;
      const fieldFirst = dims.indexOf(field) < dims.indexOf(other);
      const [a, valueA, b, valueB] = fieldFirst ? [`'${field}'`, 'NULL', 'dimension', 'value'] : ['dimension', 'value', `'${field}'`, 'NULL'];
      out.push(`-- Its pair rows with ${other}: ${other}'s daily rows, ${field} NULL.
INSERT INTO chat_daily_pair_rollups (${wrap(['organization_id', 'dimension_a', 'value_a', 'dimension_b', 'value_b', 'bucket', ...sums], '  ')})
SELECT ${wrap(['organization_id', a, valueA, b, valueB, 'bucket', ...sums], '  ')}
FROM chat_daily_rollups WHERE dimension = '${other}';`);
    }
  }
  out.push(`-- The per-day sketches have no cells of the new field(s): every day is built again (src/analytics/sketches).
DELETE FROM chat_day_sketch_builds;`);
  return out;
}
