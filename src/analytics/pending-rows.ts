// The rollup changes not yet folded (chat_rollup_pending, see ./fold) as rows of a rollup table,
// so that a rollup read adds them to the table's own in the same statement (repository.ts).
import { sql, type SQL } from 'drizzle-orm';
import { ROLLED_UP_FIELDS, valueAsText } from '../fields/chat-fields.js';
import type { Dimension } from './params.js';
import type { RollupChoice } from './plan.js';
import { ROLLUP_SUMS } from '../fields/rollup-sums.js';

// The value of a dimension in a chat_rollup_pending row p (tag: one row per tag, from pendingRows),
// as the rollups store it (valueAsText: the registry's fields).
const PENDING_VALUE = Object.fromEntries([...ROLLED_UP_FIELDS.map((f) => [f, valueAsText(f, 'p')]), ['tag', 'p.tag_value']]) as Record<Dimension, string>;
const PENDING_SUMS = ROLLUP_SUMS.map((s) => `p.${s.name}`).join(', ');

/** The organization's pending rows, once per tag (NULL: no tags) when a tag is read. */
const pendingRows = (organizationId: number, withTags: boolean) =>
  withTags
    ? sql`(SELECT p.*, unnest(CASE WHEN cardinality(p.tags) = 0 THEN ARRAY[NULL::text] ELSE p.tags END) AS tag_value
           FROM chat_rollup_pending p WHERE p.organization_id = ${organizationId}) p`
    : sql`(SELECT p.* FROM chat_rollup_pending p WHERE p.organization_id = ${organizationId}) p`;

/**
 * The changes not yet folded (src/analytics/fold) as rows of a rollup table: chat_rollups' columns
 * (dimension, value) for one field, or chat_daily_pair_rollups' (dimension_a/value_a,
 * dimension_b/value_b) for a pair. Their buckets are UTC hours, inside the day and hour spans alike.
 */
export function pendingAsRollupRows(organizationId: number, choice: RollupChoice, pair?: [Dimension, Dimension]): SQL {
  if (pair) {
    const [a, b] = pair;
    return sql`(SELECT p.organization_id, p.bucket, ${a}::text AS dimension_a, ${sql.raw(PENDING_VALUE[a])} AS value_a,
      ${b}::text AS dimension_b, ${sql.raw(PENDING_VALUE[b])} AS value_b, ${sql.raw(PENDING_SUMS)}
      FROM ${pendingRows(organizationId, a === 'tag' || b === 'tag')})`;
  }
  const d = choice.dimension;
  const value = d === 'all' ? 'NULL::text' : PENDING_VALUE[d];
  return sql`(SELECT p.organization_id, p.bucket, ${d}::text AS dimension, ${sql.raw(value)} AS value, ${sql.raw(PENDING_SUMS)}
    FROM ${pendingRows(organizationId, d === 'tag')})`;
}
