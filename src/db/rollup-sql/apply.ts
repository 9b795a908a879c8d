// The two functions that turn an array of combinations (chat_rollup_combo[]) into rollup rows:
// chat_rollups_apply (per field: chat_rollups per hour, chat_daily_rollups per day) and
// chat_pair_rollups_apply (per pair of fields: chat_daily_pair_rollups). What 0007 wrote by hand.
import { addSums, COMBO, fieldCols, nonZero, sumCols, wrap, type RenderedFunction } from './parts.js';
import { valueText, type RollupSpec } from './spec.js';

// A generic plan, cached for the session: a custom plan per call (PostgreSQL's default for a
// statement with a parameter) took longer to plan than to run for a statement's few combinations.
const GENERIC_PLAN = ['plan_cache_mode=force_generic_plan'];
const GENERIC_PLAN_WHY = `-- A generic plan, cached for the session: a custom plan per call (PostgreSQL's default for a
-- statement with a parameter) took longer to plan than to run for a statement's few combinations.`;

/** sum() of a bigint is numeric: cast back, as the rollup columns are (a double or numeric sum keeps its type). */
const summed = (spec: RollupSpec, alias: string, cast: boolean) =>
  spec.sums.map((s) => `sum(${alias}.${s.name})${cast && (s.sql === 'int8' || s.sql === 'int2') ? '::bigint' : ''} AS ${s.name}`);

/** CASE over GROUPING(): which of `fields` a grouping set grouped by (the last one: ELSE), or its value. */
function whichField(spec: RollupSpec, alias: string, fields: RollupSpec['fields'], what: 'name' | 'value', indent: string, otherwise?: string) {
  const when = (otherwise === undefined ? fields.slice(0, -1) : fields).map(
    (f) => `WHEN GROUPING(${alias}.${f.name}) = 0 THEN ${what === 'name' ? `'${f.name}'` : valueText(f, alias)}`,
  );
  const last = fields[fields.length - 1];
  const elseBranch = otherwise ?? (what === 'name' ? `'${last.name}'` : valueText(last, alias));
  return `CASE\n${when.map((w) => `${indent}  ${w}`).join('\n')}\n${indent}  ELSE ${elseBranch}\n${indent}END`;
}

/** An apply function: takes the combinations, returns nothing, runs with a generic plan. */
const applyFunction = (name: string, body: string, comment: string): RenderedFunction => ({
  name,
  args: `changes ${COMBO}[]`,
  argTypes: `${COMBO}[]`,
  returns: 'void',
  language: 'plpgsql',
  config: GENERIC_PLAN,
  usesType: true,
  comment,
  body,
});

export function pairApply(spec: RollupSpec): RenderedFunction {
  if (spec.fields.length < 2) throw new Error('pair rollups need at least two rolled-up fields');
  const fields = spec.fields;
  const reversed = [...fields].reverse();
  const pairs: string[] = [];
  for (let i = 0; i < fields.length; i++)
    for (let j = i + 1; j < fields.length; j++) pairs.push(`(c.${fields[i].name}, c.${fields[j].name})`);
  const sums = summed(spec, 'c', false);
  const tagSums = summed(spec, 't', false);
  const body = `
BEGIN
  WITH c AS (
${wrap(["x.organization_id", "date_trunc('day', x.bucket, 'UTC') AS bucket", ...fieldCols(spec, 'x'), 'x.tags', ...sumCols(spec, 'x')], '      ', '    SELECT ')}
    FROM unnest(changes) AS x
  ), per_pair AS (
    -- One grouping set per pair; dimension_a is the pair's first grouped field in pair order,
    -- dimension_b its last.
    SELECT c.organization_id, c.bucket,
      ${whichField(spec, 'c', fields, 'name', '      ')} AS dimension_a,
      ${whichField(spec, 'c', fields, 'value', '      ')} AS value_a,
      ${whichField(spec, 'c', reversed, 'name', '      ')} AS dimension_b,
      ${whichField(spec, 'c', reversed, 'value', '      ')} AS value_b,
${wrap(sums, '      ', '      ')}
    FROM c
    GROUP BY c.organization_id, c.bucket, GROUPING SETS (
${wrap(pairs, '      ', '      ')})
  ), per_tag_pair AS (
    SELECT t.organization_id, t.bucket,
      ${whichField(spec, 't', fields, 'name', '      ')} AS dimension_a,
      ${whichField(spec, 't', fields, 'value', '      ')} AS value_a,
      'tag'::text AS dimension_b, t.tag AS value_b,
${wrap(tagSums, '      ', '      ')}
    -- A chat without tags counts under tag NULL (unknown), as in chat_rollups.
    FROM (SELECT c.*, unnest(CASE WHEN cardinality(c.tags) = 0 THEN ARRAY[NULL::text] ELSE c.tags END) AS tag FROM c) AS t
    GROUP BY t.organization_id, t.bucket, t.tag, GROUPING SETS (
${wrap(fields.map((f) => `(t.${f.name})`), '      ', '      ')})
  ), delta AS (
    SELECT * FROM per_pair
    UNION ALL
    SELECT * FROM per_tag_pair
  )
  INSERT INTO chat_daily_pair_rollups AS r (
${wrap(['organization_id', 'dimension_a', 'value_a', 'dimension_b', 'value_b', 'bucket', ...sumCols(spec)], '    ', '    ')})
${wrap(['organization_id', 'dimension_a', 'value_a', 'dimension_b', 'value_b', 'bucket', ...sumCols(spec)], '    ', '  SELECT ')}
  FROM delta
  -- An update that changed nothing the rollups hold (a title, updated_at) writes nothing.
  WHERE ${nonZero(spec)}
  -- In key order, so that concurrent transactions lock the rows in the same order.
  ORDER BY organization_id, dimension_a, dimension_b, bucket, value_a, value_b
  ON CONFLICT (organization_id, dimension_a, dimension_b, bucket, value_a, value_b) DO UPDATE SET
${addSums(spec, '    ')};
END `;
  return applyFunction('chat_pair_rollups_apply', body, `-- The pair rows of combinations (bucket: any instant of the day). The pairs are every two of the
-- rolled-up fields, and each of them with tag; in a pair row dimension_a comes first in pair order
${wrap([...fields.map((f) => f.name), 'tag: PAIR_DIMENSIONS in src/analytics/plan.ts), so tag is always dimension_b'], '-- ', '-- (', 100)}.
-- Two tags of one chat make no pair.
${GENERIC_PLAN_WHY}`);
}

export function fieldApply(spec: RollupSpec): RenderedFunction {
  const rollupCols = ['organization_id', 'dimension', 'value', 'bucket', ...sumCols(spec)];
  const daily = ['organization_id', 'dimension', 'value', "date_trunc('day', bucket, 'UTC')", ...spec.sums.map((s) => `sum(${s.name})`)];
  const body = `
BEGIN
  WITH combos AS (
    SELECT * FROM unnest(changes)
  ), per_field AS (
      -- One grouping set per field; GROUPING(x) = 0 says which field a row is grouped by (none: 'all').
      SELECT c.organization_id, c.bucket,
        ${whichField(spec, 'c', spec.fields, 'name', '        ', "'all'")} AS dimension,
        ${whichField(spec, 'c', spec.fields, 'value', '        ', 'NULL')} AS value,
${wrap(summed(spec, 'c', true), '        ', '        ')}
      FROM combos c
      GROUP BY c.organization_id, c.bucket, GROUPING SETS (
${wrap(['()', ...spec.fields.map((f) => `(c.${f.name})`)], '        ', '        ')})
    ), per_tag AS (
      SELECT c.organization_id, c.bucket, 'tag'::text AS dimension, c.tag AS value,
${wrap(summed(spec, 'c', true), '        ', '        ')}
      -- unnest in the select list (one ProjectSet) rather than a function scan per row (LATERAL).
      FROM (SELECT r.*, unnest(CASE WHEN cardinality(r.tags) = 0 THEN ARRAY[NULL::text] ELSE r.tags END) AS tag FROM combos r) AS c
      GROUP BY 1, 2, 4
    ), changed AS (
${wrap(rollupCols, '        ', '      SELECT ')}
      FROM per_field
      UNION ALL
${wrap(rollupCols, '        ', '      SELECT ')}
      FROM per_tag
    ), delta AS (
      -- An update that changed nothing the rollups hold (a title, updated_at) writes nothing.
      SELECT * FROM changed
      WHERE ${nonZero(spec)}
    ), hourly AS (
    INSERT INTO chat_rollups AS r (
${wrap(rollupCols, '      ', '      ')})
${wrap(rollupCols, '      ', '    SELECT ')}
    FROM delta
    -- Rows are upserted in key order, so that concurrent transactions lock them in the same order
    -- and cannot deadlock (every path takes the daily rows, then the hourly ones).
    ORDER BY organization_id, dimension, bucket, value
    ON CONFLICT (organization_id, dimension, bucket, value) DO UPDATE SET
${addSums(spec, '      ')}
  )
  INSERT INTO chat_daily_rollups AS r (
${wrap(rollupCols, '    ', '    ')})
${wrap(daily, '    ', '  SELECT ')}
  FROM delta
  GROUP BY organization_id, dimension, value, date_trunc('day', bucket, 'UTC')
  ORDER BY organization_id, dimension, date_trunc('day', bucket, 'UTC'), value
  ON CONFLICT (organization_id, dimension, bucket, value) DO UPDATE SET
${addSums(spec, '      ')};
END `;
  return applyFunction('chat_rollups_apply', body, `-- The per-field rows (chat_rollups per hour, chat_daily_rollups per day) of combinations: one row
-- per field and value, one per tag, and 'all' (value NULL).
${GENERIC_PLAN_WHY}`);
}
