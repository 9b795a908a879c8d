// The analytics queries. Every one is scoped by organization (chatFilterSql starts with it, and
// the rollup part names it).
import { sql, type SQL } from 'drizzle-orm';
import { ROLLED_UP_FIELDS, valueAsText } from '../fields/chat-fields.js';
import { chatFilterSql, type ChatFilters } from '../chats/filters.js';
import type { Db } from '../db/connection.js';
import { SUM_COLUMNS as SUM_NAMES, type RawStats, type Sums } from './metrics.js';
import type { Dimension, Interval } from './params.js';
import { pendingAsRollupRows } from './pending-rows.js';
import { PAIR_DIMENSIONS, type RollupChoice, type Span } from './plan.js';
import { ROLLUP_SUMS as ROLLUP_SUM_SPECS, rowSumSql } from '../fields/rollup-sums.js';

export interface Grouping {
  /** Group by time bucket: date_trunc(interval, created_at, tz). */
  time?: { interval: Interval; tz: string };
  /** Group by the value of a field (one row per tag for 'tag'). */
  dimension?: Dimension;
}

export interface SumsQuery {
  organizationId: number;
  filters: ChatFilters;
  grouping: Grouping;
  /**
   * Rollup rows of this choice for the days and hours; chats rows (with the filters) for `raw`.
   * `starts`: the bucket starts the spans were cut at (a time grouping in a zone other than UTC).
   */
  rollup?: { choice: RollupChoice; days: Span[]; hours: Span[]; starts?: number[] };
  raw: Span[];
}

// Buckets travel as epoch milliseconds: Drizzle's execute() hands timestamps back as text.
export type GroupedSums = Sums & { bucket?: number; value?: string | null };
export type GroupedRaw = RawStats & { bucket?: number; value?: string | null; kind?: 'group' | 'other' | 'unknown' };
export const epochMs = (expr: SQL) => sql`(extract(epoch FROM ${expr}) * 1000)::float8`;

export const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

// The value of a dimension for a chats row, as the rollups store it (valueAsText); 'tag' needs the
// unnest of rawSource('tag').
const DIMENSION_VALUE = Object.fromEntries([
  ...ROLLED_UP_FIELDS.map((f) => [f, sql.raw(valueAsText(f, 'chats'))]),
  ['tag', sql.raw('chats.tag_value')],
]) as Record<Dimension, SQL>;

// A chat once per tag (NULL when it has none). The unnest is in the select list (one ProjectSet, the
// filters still pushed down to the chats scan) rather than a function scan per row (LATERAL).
const rawSource = (dimension?: Dimension) =>
  dimension === 'tag'
    ? sql.raw(`(SELECT chats.*, unnest(CASE WHEN cardinality(chats.tags) = 0 THEN ARRAY[NULL::text] ELSE chats.tags END) AS tag_value FROM chats) AS chats`)
    : sql.raw('chats');

// The sums of a group of chats rows: what an insert of them adds to the rollups (src/fields/rollup-sums.ts).
const RAW_SUMS = sql.raw(ROLLUP_SUM_SPECS.map((s) => `${rowSumSql(s, 'chats')} AS ${s.name}`).join(', '));

const ROLLUP_SUMS = sql.raw(ROLLUP_SUM_SPECS.map((s) => `r.${s.name}`).join(', '));

// The parts added up, as doubles (what the metrics compute with).
const SUMMED = sql.raw(ROLLUP_SUM_SPECS.map((s) => `coalesce(sum(s.${s.name}), 0)::float8 AS ${s.name}`).join(', '));

/** The start (epoch ms) of the time bucket that holds `column`, in the grouping's zone. */
const bucketStartMs = (time: NonNullable<Grouping['time']>, column: SQL) => epochMs(sql`date_trunc(${time.interval}, ${column}, ${time.tz})`);

// Grouping columns come first in the select list and are grouped by position: a name such as
// "value" could also mean an input column (chat_rollups.value) to PostgreSQL.
function groupColumns(grouping: Grouping, bucket: SQL, value: SQL): { select: SQL[]; groupBy: SQL[] } {
  const select: SQL[] = [];
  if (grouping.time) select.push(sql`${bucket} AS bucket`);
  if (grouping.dimension) select.push(sql`${value} AS value`);
  return { select, groupBy: select.map((_, i) => sql.raw(String(i + 1))) };
}

/** AND column is one of `values` (null: IS NULL); nothing when `values` is undefined. */
export function valueCondition(column: SQL, values: (string | null)[] | undefined): SQL {
  if (!values) return sql``;
  const known = values.filter((v) => v !== null);
  const isNull = values.includes(null) ? sql`${column} IS NULL` : undefined;
  const inList = known.length ? sql`${column} = ANY(ARRAY[${sql.join(known.map((v) => sql`${v}`), sql`, `)}]::text[])` : undefined;
  const conditions = [inList, isNull].filter((c): c is SQL => c !== undefined);
  return conditions.length ? sql`AND (${sql.join(conditions, sql` OR `)})` : sql`AND false`;
}

const timestamps = (dates: Date[]) => sql`${`{${dates.map((d) => d.toISOString()).join(',')}}`}::timestamptz[]`;

export const inSpans = (column: SQL, spans: Span[]) =>
  sql.join(spans.map((s) => sql`(${column} >= ${ts(s.from)} AND ${column} < ${ts(s.to)})`), sql` OR `);

interface RollupSource {
  /** A rollup table, or the pending rows (chat_rollup_pending) shaped as its rows. */
  from: SQL;
  spans: Span[];
  /** The rows of the organization, dimension and values the choice asks for. */
  where: SQL;
  /** The column that holds the value of the grouped dimension. */
  value: SQL;
}

/**
 * Which rows answer a choice: one field's daily and hourly rows, or a pair's daily rows; each with
 * the pending changes of the same spans (what a read adds so that it is exact the moment a write
 * has committed, folded or not). A fold moves rows from pending to a rollup table in one
 * transaction, so the statement's one snapshot sees each change exactly once.
 */
function rollupSources(organizationId: number, rollup: NonNullable<SumsQuery['rollup']>): RollupSource[] {
  const { choice, days, hours } = rollup;
  const org = sql`r.organization_id = ${organizationId}`;
  if (choice.pairFilter) {
    // A pair row holds its two fields in PAIR_DIMENSIONS order: the filtered one may be either.
    const { dimension: filtered, values } = choice.pairFilter;
    const grouped = choice.dimension as Dimension;
    const filteredFirst = PAIR_DIMENSIONS.indexOf(filtered) < PAIR_DIMENSIONS.indexOf(grouped);
    const [a, b] = filteredFirst ? [filtered, grouped] : [grouped, filtered];
    const filteredValue = sql.raw(filteredFirst ? 'r.value_a' : 'r.value_b');
    const where = sql`${org} AND r.dimension_a = ${a} AND r.dimension_b = ${b} ${valueCondition(filteredValue, values)}`;
    const value = sql.raw(filteredFirst ? 'r.value_b' : 'r.value_a');
    if (days.length === 0) return [];
    return [
      { from: sql.raw('chat_daily_pair_rollups'), spans: days, where, value },
      { from: pendingAsRollupRows(organizationId, choice, [a, b]), spans: days, where, value },
    ];
  }
  const where = sql`${org} AND r.dimension = ${choice.dimension} ${valueCondition(sql.raw('r.value'), choice.values)}`;
  const value = sql.raw('r.value');
  return [
    { from: sql.raw('chat_daily_rollups'), spans: days, where, value },
    { from: sql.raw('chat_rollups'), spans: hours, where, value },
    { from: pendingAsRollupRows(organizationId, choice), spans: [...days, ...hours], where, value },
  ].filter((source) => source.spans.length > 0);
}

/** The start of the bucket that holds `t`: the last of the sorted `starts` at or before it. */
function bucketStartOf(starts: number[], t: number): number {
  let [lo, hi] = [0, starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo];
}

/** The parts (bucket, value, sums) of a sums query, to be added up; undefined when there are none. */
function sumsParts(q: SumsQuery): SQL[] | undefined {
  const time = q.grouping.time;
  // Every part yields (bucket, value, sums); bucket is the time bucket's start in epoch ms.
  const bucketOf = (column: SQL) => (time ? bucketStartMs(time, column) : sql.raw('NULL::float8'));
  const parts: SQL[] = [];
  if (q.rollup) {
    const starts = q.rollup.starts;
    for (const { from, spans, where, value } of rollupSources(q.organizationId, q.rollup)) {
      if (!starts || spans.length <= 2) {
        parts.push(sql`
          SELECT ${bucketOf(sql.raw('r.bucket'))} AS bucket, ${value} AS value, ${ROLLUP_SUMS} FROM ${from} r
          WHERE ${where} AND (${inSpans(sql.raw('r.bucket'), spans)})`);
        continue;
      }
      // Many spans (the range was cut at a zone's bucket starts): one index range scan per span. A
      // span lies in one bucket, whose start is known here: no time zone arithmetic per row.
      const buckets = spans.map((x) => bucketStartOf(starts, x.from.getTime()));
      parts.push(sql`
        SELECT span.bucket, r.* FROM unnest(${timestamps(spans.map((x) => x.from))}, ${timestamps(spans.map((x) => x.to))}, ${`{${buckets.join(',')}}`}::float8[]) AS span(a, b, bucket)
        CROSS JOIN LATERAL (
          SELECT ${value} AS value, ${ROLLUP_SUMS} FROM ${from} r
          WHERE ${where} AND r.bucket >= span.a AND r.bucket < span.b
          OFFSET 0 -- not pulled up into a join: an index range scan per span
        ) r`);
    }
  }
  if (q.raw.length > 0) {
    const value = q.grouping.dimension ? DIMENSION_VALUE[q.grouping.dimension] : sql.raw('NULL::text');
    const starts = q.rollup?.starts;
    if (!starts || q.raw.length <= 2) {
      // Summed here, so that the outer sum adds groups, not rows. One part per span (an index range
      // scan each): an OR of the two edges of a range became a bitmap heap scan, 40-60 ms for the
      // 40,000 rows of a busy day at 10M chats where the two range scans took 8 ms.
      for (const span of q.raw) {
        parts.push(sql`
          SELECT ${bucketOf(sql.raw('chats.created_at'))} AS bucket, ${value} AS value, ${RAW_SUMS}
          FROM ${rawSource(q.grouping.dimension)}
          WHERE ${chatFilterSql(q.organizationId, q.filters)} AND chats.created_at >= ${ts(span.from)} AND chats.created_at < ${ts(span.to)}
          GROUP BY 1, 2`);
      }
    } else {
      // The partial hours at the bucket edges of a zone whose offset is not a whole hour (two per
      // bucket: thousands for an hourly series in Asia/Kolkata). An OR of one predicate pair per
      // span cost the planner and every row a test per span; the spans travel as three arrays
      // instead (the statement is the same whatever their number) and each is one index range scan.
      const buckets = q.raw.map((x) => bucketStartOf(starts, x.from.getTime()));
      parts.push(sql`
        SELECT span.bucket, c.value, ${sql.raw(SUM_NAMES.map((n) => `c.${n}`).join(', '))}
        FROM unnest(${timestamps(q.raw.map((x) => x.from))}, ${timestamps(q.raw.map((x) => x.to))}, ${`{${buckets.join(',')}}`}::float8[]) AS span(a, b, bucket)
        CROSS JOIN LATERAL (
          SELECT ${value} AS value, ${RAW_SUMS}
          FROM ${rawSource(q.grouping.dimension)}
          WHERE ${chatFilterSql(q.organizationId, q.filters)} AND chats.created_at >= span.a AND chats.created_at < span.b
          GROUP BY 1
        ) c`);
    }
  }
  return parts.length === 0 ? undefined : parts;
}

/**
 * The statement that sums a query, or undefined when there is nothing to read. Exported so that a
 * test can look at its plan: its shape must not depend on how many spans the range was cut into.
 */
export function sumsStatement(q: SumsQuery): SQL | undefined {
  const parts = sumsParts(q);
  if (!parts) return undefined;
  const { select, groupBy } = groupColumns(q.grouping, sql.raw('s.bucket'), sql.raw('s.value'));
  return sql`
    SELECT ${sql.join([...select, SUMMED], sql`, `)}
    FROM (${sql.join(parts, sql` UNION ALL `)}) s
    ${groupBy.length ? sql`GROUP BY ${sql.join(groupBy, sql`, `)}` : sql``}`;
}

/** The additive sums of the matching chats in the query's spans, grouped as asked. */
export async function sums(db: Db, q: SumsQuery): Promise<GroupedSums[]> {
  const statement = sumsStatement(q);
  if (!statement) return [];
  const { rows } = await db.execute<GroupedSums>(statement);
  return rows;
}

export interface RawQuery {
  organizationId: number;
  from: Date;
  to: Date;
  filters: ChatFilters;
  grouping: Grouping;
  /** With grouping.dimension: these values are groups, other values 'other', NULL 'unknown'. */
  topValues?: string[];
}

/** Distinct end users and response-time percentiles, from the chats rows of [from, to). */
export async function rawStats(db: Db, q: RawQuery): Promise<GroupedRaw[]> {
  const dimension = q.grouping.dimension;
  let valueColumn: SQL = sql.raw('NULL::text');
  const extra: SQL[] = [];
  if (dimension) {
    const v = DIMENSION_VALUE[dimension];
    const top = sql`ARRAY[${sql.join((q.topValues ?? []).map((t) => sql`${t}`), sql`, `)}]::text[]`;
    valueColumn = sql`CASE WHEN ${v} = ANY(${top}) THEN ${v} END`;
    extra.push(sql`CASE WHEN ${v} IS NULL THEN 'unknown' WHEN ${v} = ANY(${top}) THEN 'group' ELSE 'other' END AS kind`);
  }
  const bucket = q.grouping.time ? bucketStartMs(q.grouping.time, sql.raw('chats.created_at')) : sql``;
  const { select, groupBy } = groupColumns(q.grouping, bucket, valueColumn);
  if (dimension) groupBy.push(sql.raw(String(select.length + 1))); // kind
  const { rows } = await db.execute<GroupedRaw>(sql`
    SELECT ${sql.join([...select, ...extra, sql.raw(`
      count(DISTINCT chats.user_id)::int AS end_users,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY chats.avg_response_time) AS p50_response_time,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY chats.avg_response_time) AS p90_response_time`)], sql`, `)}
    FROM ${rawSource(dimension)}
    WHERE ${chatFilterSql(q.organizationId, { ...q.filters, from: q.from, to: q.to })}
    ${groupBy.length ? sql`GROUP BY ${sql.join(groupBy, sql`, `)}` : sql``}`);
  return rows;
}

/** The bucket starts of [from, to) in the zone, gap-free (a bucket with no chats is listed too). */
export async function bucketStarts(db: Db, interval: Interval, tz: string, from: Date, to: Date): Promise<number[]> {
  // Hours step in absolute time; days, weeks and months on the zone's wall clock (23- and 25-hour
  // days at daylight-saving changes).
  const { rows } = await db.execute<{ b: number }>(
    interval === 'hour'
      ? sql`SELECT ${epochMs(sql.raw('b'))} AS b FROM generate_series(date_trunc('hour', ${ts(from)}, ${tz}), ${ts(to)}, interval '1 hour') AS b WHERE b < ${ts(to)}`
      : sql`SELECT ${epochMs(sql`(l AT TIME ZONE ${tz})`)} AS b
            FROM generate_series(date_trunc(${interval}, ${ts(from)}, ${tz}) AT TIME ZONE ${tz}, ${ts(to)} AT TIME ZONE ${tz}, ${`1 ${interval}`}::interval) AS l
            WHERE (l AT TIME ZONE ${tz}) < ${ts(to)}
            ORDER BY 1`,
  );
  return rows.map((r) => r.b);
}
