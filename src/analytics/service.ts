import type { AppDeps } from '../http/context.js';
import { badRequest } from '../http/errors.js';
import { analyticsDb } from './connection.js';
import { EMPTY_RAW, EMPTY_SUMS, METRICS, metricValues, SUM_COLUMNS, type MetricName, type RawStats, type Sums } from './metrics.js';
import { previousPeriod, type Dimension, type Interval, type Range } from './params.js';
import { chooseRollup, isUtcZone, splitRange, type Pieces } from './plan.js';
import * as repo from './repository.js';
import { formatInZone } from './timezone.js';
import { rangeStats } from './sketches/read.js';
import { figureSet, type Council } from './works-council/council.js';
import { BREAKDOWN_GROUPS, type Condition, type Reason } from './works-council/guard.js';

/** What a response says about works-council mode: its k, or null when the mode is off. */
const councilNote = (council?: Council | null) => (council ? { k: council.k } : null);
const hide = (values: Record<string, number | null>) => Object.fromEntries(Object.keys(values).map((m) => [m, null]));

const MAX_BUCKETS = 2000;
const INTERVAL_MS: Record<Interval, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 28 * 86_400_000 };

const needsRaw = (metrics: readonly MetricName[]) => metrics.some((m) => METRICS[m].needsRaw);

/**
 * The sums query for [from, to): rollups for its whole days and hours when they can answer it.
 * A query grouped by time in a zone other than UTC is cut at its bucket starts (`starts`), so that
 * no rollup row straddles two buckets; UTC's day, week and month buckets start at UTC midnights.
 */
async function sumsQuery(
  organizationId: number,
  range: Range,
  from: Date,
  to: Date,
  grouping: repo.Grouping,
  starts?: Promise<number[]>,
): Promise<repo.SumsQuery> {
  const choice = chooseRollup(range.filters, grouping.dimension);
  const query = { organizationId, filters: range.filters, grouping };
  if (!choice) return { ...query, raw: [{ from, to }] };
  const time = grouping.time;
  let pieces: Pieces;
  let cuts: number[] | undefined;
  if (!time) pieces = splitRange(from, to, { days: true, hours: !choice.pairFilter });
  else if (isUtcZone(time.tz)) pieces = splitRange(from, to, { days: time.interval !== 'hour' });
  else pieces = splitRange(from, to, { days: time.interval !== 'hour', cuts: (cuts = await starts!) });
  return { ...query, rollup: { choice, days: pieces.days, hours: pieces.hours, starts: cuts }, raw: pieces.raw };
}

const toSums = (row: Partial<Sums> | undefined): Sums =>
  Object.fromEntries(SUM_COLUMNS.map((c) => [c, Number(row?.[c] ?? 0)])) as Sums;

/** Every metric of [from, to); `estimated`: end users and percentiles come from sketches. */
async function totals(deps: AppDeps, organizationId: number, range: Range, from: Date, to: Date) {
  const [sumRows, raw] = await Promise.all([
    repo.sums(analyticsDb(deps), await sumsQuery(organizationId, range, from, to, {})),
    rangeStats(analyticsDb(deps), organizationId, range.filters, from, to, deps.sketches),
  ]);
  return { values: metricValues(Object.keys(METRICS) as MetricName[], toSums(sumRows[0]), raw.stats), estimated: raw.estimated };
}

/**
 * `council` (works-council mode): the range must have been snapped (councilRange); a period whose
 * chats the guard does not allow is all nulls, with the reason in suppressed / previous_suppressed.
 */
export async function summary(deps: AppDeps, organizationId: number, range: Range, council?: Council | null) {
  const { from: previousFrom } = previousPeriod(range);
  const [currentTotals, previousTotals] = await Promise.all([
    totals(deps, organizationId, range, range.from, range.to),
    totals(deps, organizationId, range, previousFrom, range.from),
  ]);
  const [current, previous] = [currentTotals.values, previousTotals.values];
  const estimated = currentTotals.estimated || previousTotals.estimated;
  let suppressed: Reason | null = null;
  let previousSuppressed: Reason | null = null;
  if (council) {
    const guard = await council.chats();
    suppressed = guard.check(figureSet(range));
    previousSuppressed = guard.check(figureSet(range, [], previousFrom, range.from));
    if (suppressed) Object.assign(current, hide(current));
    if (previousSuppressed) Object.assign(previous, hide(previous));
  }
  const metrics = Object.fromEntries(
    Object.keys(current).map((name) => {
      const value = current[name];
      const before = previous[name];
      const change = value === null || before === null || before === 0 ? null : (value - before) / before;
      return [name, { value, previous: before, change, estimated: METRICS[name as MetricName].needsRaw && estimated }];
    }),
  );
  return {
    from: formatInZone(range.from, range.tz),
    to: formatInZone(range.to, range.tz),
    previous_from: formatInZone(previousFrom, range.tz),
    previous_to: formatInZone(range.from, range.tz),
    metrics,
    suppressed,
    previous_suppressed: previousSuppressed,
    works_council: councilNote(council),
  };
}

/** Works-council mode: hour buckets become days (ranges are whole days); each bucket is checked. */
export async function timeseries(deps: AppDeps, organizationId: number, range: Range, requested: Interval, metrics: MetricName[], council?: Council | null) {
  const interval: Interval = council && requested === 'hour' ? 'day' : requested;
  if ((range.to.getTime() - range.from.getTime()) / INTERVAL_MS[interval] > MAX_BUCKETS) {
    throw badRequest(`This range has more than ${MAX_BUCKETS} ${interval} buckets: choose a longer interval or a shorter range`, 'interval');
  }
  const grouping = { time: { interval, tz: range.tz } };
  const startsQuery = repo.bucketStarts(analyticsDb(deps), interval, range.tz, range.from, range.to);
  const [starts, sumRows, rawRows] = await Promise.all([
    startsQuery,
    sumsQuery(organizationId, range, range.from, range.to, grouping, startsQuery).then((q) => repo.sums(analyticsDb(deps), q)),
    needsRaw(metrics) ? repo.rawStats(analyticsDb(deps), { organizationId, from: range.from, to: range.to, filters: range.filters, grouping }) : [],
  ]);
  const sumsAt = new Map(sumRows.map((r) => [r.bucket, r]));
  const rawAt = new Map(rawRows.map((r) => [r.bucket, r]));
  const reasonOf = await bucketReasons(range, starts, council);
  return {
    interval,
    tz: range.tz,
    buckets: starts.map((start, i) => {
      const values = metricValues(metrics, toSums(sumsAt.get(start)), rawAt.get(start) ?? EMPTY_RAW);
      const suppressed = reasonOf(i);
      return { start: formatInZone(new Date(start), range.tz), suppressed, ...(suppressed ? hide(values) : values) };
    }),
    works_council: councilNote(council),
  };
}

/** Why each bucket is hidden (null: shown); a bucket of a total that is hidden is hidden too. */
async function bucketReasons(range: Range, starts: number[], council?: Council | null): Promise<(i: number) => Reason | null> {
  if (!council) return () => null;
  const guard = await council.chats();
  const total = guard.check(figureSet(range));
  if (total) return () => 'total_suppressed';
  const reasons = starts.map((start, i) =>
    guard.check(figureSet(range, [], new Date(Math.max(start, range.from.getTime())), new Date(starts[i + 1] ?? range.to.getTime()))),
  );
  return (i) => reasons[i];
}

/** A group key as the field's own type: ratings are numbers, flags booleans. */
function typedKey(by: Dimension, value: string): string | number | boolean {
  if (by === 'user_rating') return Number(value);
  if (by === 'is_escalated' || by === 'is_forwarded_to_hr') return value === 'true';
  return value;
}

const addSums = (a: Sums, b: Sums): Sums => Object.fromEntries(SUM_COLUMNS.map((c) => [c, a[c] + b[c]])) as Sums;

/**
 * Works-council mode: every group is listed up to BREAKDOWN_GROUPS whatever `limit` says (two limits
 * would make two "other" groups that differ by one group); each group, other and unknown is
 * checked; a group hidden because it has fewer than k people is left out (that it exists is a
 * figure about them), others are listed with nulls.
 */
export async function breakdown(deps: AppDeps, organizationId: number, range: Range, by: Dimension, metrics: MetricName[], requestedLimit: number, council?: Council | null) {
  const limit = council ? BREAKDOWN_GROUPS : requestedLimit;
  const rows = await repo.sums(analyticsDb(deps), await sumsQuery(organizationId, range, range.from, range.to, { dimension: by }));
  const known = rows
    .filter((r) => r.value !== null && Number(r.chats) > 0)
    .map((r) => ({ value: r.value as string, sums: toSums(r) }))
    .sort((a, b) => b.sums.chats - a.sums.chats || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const top = known.slice(0, limit);
  const rest = known.slice(limit);
  const unknownRow = rows.find((r) => r.value === null && Number(r.chats) > 0);

  let rawFor = (_kind: string, _value?: string): RawStats => EMPTY_RAW;
  if (needsRaw(metrics)) {
    const raw = await repo.rawStats(analyticsDb(deps), {
      organizationId,
      from: range.from,
      to: range.to,
      filters: range.filters,
      grouping: { dimension: by },
      topValues: top.map((g) => g.value),
    });
    rawFor = (kind, value) => raw.find((r) => r.kind === kind && (kind !== 'group' || r.value === value)) ?? EMPTY_RAW;
  }
  let reasonOf = (_c: Condition): Reason | null => null;
  if (council) {
    const guard = await council.chats();
    const total = guard.check(figureSet(range));
    reasonOf = (c) => {
      const own = guard.check(figureSet(range, [c]));
      return own === 'fewer_than_k' || !total ? own : 'total_suppressed';
    };
  }
  const shown = (values: Record<string, number | null>, suppressed: Reason | null) => ({ suppressed, ...(suppressed ? hide(values) : values) });
  const topSet = new Set(top.map((g) => g.value));
  return {
    by,
    groups: top
      .map((g) => ({ key: typedKey(by, g.value), ...shown(metricValues(metrics, g.sums, rawFor('group', g.value)), reasonOf({ dim: by, kind: 'eq', value: g.value })) }))
      .filter((g) => g.suppressed !== 'fewer_than_k'),
    other: rest.length ? shown(metricValues(metrics, rest.map((g) => g.sums).reduce(addSums, EMPTY_SUMS), rawFor('other')), reasonOf({ dim: by, kind: 'other', top: topSet })) : null,
    unknown: unknownRow ? shown(metricValues(metrics, toSums(unknownRow), rawFor('unknown')), reasonOf({ dim: by, kind: 'null' })) : null,
    works_council: councilNote(council),
  };
}
