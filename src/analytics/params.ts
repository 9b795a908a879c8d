// Query parameters of the analytics endpoints: the range (from/to, in the zone tz), the chat
// filters of GET /api/v1/chats, and each endpoint's own (metrics, interval, by, limit).
import { Type, type Static } from 'typebox';
import { assertInstantInRange, filterParams, MIN_INSTANT, parseChatFilters, parseInstant, type ChatFilters } from '../chats/filters.js';
import { ROLLED_UP_FIELDS, type RolledUpField } from '../fields/chat-fields.js';
import { badRequest } from '../http/errors.js';
import { METRIC_NAMES, METRICS_DESCRIPTION, type MetricName } from './metrics.js';
import { zonedMidnight } from './timezone.js';

export const DEFAULT_RANGE_DAYS = 30;
const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];
/** What analytics group and filter by: the rolled-up chat fields (src/fields/chat-fields.ts), then tag. */
export type Dimension = RolledUpField | 'tag';
export const DIMENSIONS: readonly Dimension[] = [...ROLLED_UP_FIELDS, 'tag'];

const rangeParams = {
  ...filterParams,
  from: Type.Optional(Type.String({ description: `Start (inclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: ${DEFAULT_RANGE_DAYS} days before to` })),
  to: Type.Optional(Type.String({ description: 'End (exclusive): ISO 8601 with a zone, or a date (midnight in tz). Default: now' })),
  tz: Type.Optional(Type.String({ maxLength: 64, description: 'IANA time zone for day boundaries and buckets (daylight-saving changes included). Default: UTC' })),
};
const metricsParam = (defaults: readonly MetricName[]) =>
  Type.Optional(Type.String({ maxLength: 500, description: `Comma-separated metrics (default: ${defaults.join(',')}). ${METRICS_DESCRIPTION}` }));

export const SUMMARY_METRICS = METRIC_NAMES;
export const TIMESERIES_DEFAULT_METRICS: MetricName[] = ['chats', 'escalation_rate', 'hr_forwarding_rate'];
export const BREAKDOWN_DEFAULT_METRICS: MetricName[] = ['chats', 'escalation_rate', 'hr_forwarding_rate', 'avg_rating', 'csat'];

export const SummaryQuery = Type.Object(rangeParams, { additionalProperties: false });
export const TimeseriesQuery = Type.Object(
  {
    ...rangeParams,
    metrics: metricsParam(TIMESERIES_DEFAULT_METRICS),
    interval: Type.Optional(Type.Unsafe<Interval>({ type: 'string', enum: [...INTERVALS], description: 'Bucket size (default: day); weeks start on Monday' })),
  },
  { additionalProperties: false },
);
export const BreakdownQuery = Type.Object(
  {
    ...rangeParams,
    by: Type.Unsafe<Dimension>({ type: 'string', enum: [...DIMENSIONS], description: 'The field to group chats by (tag: a chat counts once for each of its tags)' }),
    metrics: metricsParam(BREAKDOWN_DEFAULT_METRICS),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'How many top groups; the rest are summed as other' })),
  },
  { additionalProperties: false },
);

type RangeInput = Static<typeof SummaryQuery>;

export interface Range {
  from: Date;
  to: Date;
  tz: string;
  /** The chat filters other than the range. */
  filters: ChatFilters;
}

function instant(value: string | undefined, name: string, tz: string): Date | undefined {
  if (value === undefined || !DATE_ONLY.test(value) || Number.isNaN(Date.parse(value))) return parseInstant(value, name);
  // A date's midnight in the zone can fall outside the years 100 to 9999 ("0100-01-01" east of UTC).
  return assertInstantInRange(zonedMidnight(value, tz), name);
}

/** The range and filters of a request; `tz` must have been checked (assertTimeZone). */
export function parseRange(input: RangeInput, now = new Date()): Range {
  const { from: fromText, to: toText, tz = 'UTC', ...filterInput } = input;
  const to = instant(toText, 'to', tz) ?? now;
  const from = instant(fromText, 'from', tz) ?? new Date(Math.max(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS, MIN_INSTANT.getTime()));
  if (from >= to) throw badRequest('from must be before to', 'from');
  return { from, to, tz, filters: parseChatFilters(filterInput) };
}

export function parseMetrics(value: string | undefined, defaults: readonly MetricName[]): MetricName[] {
  if (value === undefined) return [...defaults];
  const names = [...new Set(value.split(',').map((m) => m.trim()).filter(Boolean))];
  const unknown = names.filter((n) => !(METRIC_NAMES as string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw badRequest(`metrics must be a comma-separated list of: ${METRIC_NAMES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`, 'metrics');
  }
  return names as MetricName[];
}

/** The period of equal length before the range, which a summary compares with; 400 before year 100. */
export function previousPeriod(range: Range): { from: Date; to: Date } {
  const from = new Date(range.from.getTime() - (range.to.getTime() - range.from.getTime()));
  if (from < MIN_INSTANT) {
    throw badRequest('from is too early: the summary compares with the period of equal length before from, which would start before the year 100', 'from');
  }
  return { from, to: range.from };
}
