import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MIN_INSTANT, parseInstant } from '../chats/filters.js';
import { authenticate, organizationOf } from '../http/authenticate.js';
import { resolveUserFilter } from '../chats/end-users.js';
import { boundedReadsDb } from '../cost-limits/read-pool.js';
import { badRequest } from '../http/errors.js';
import { DASHBOARD_SECURITY, errorResponses, Timestamp } from '../http/schemas.js';
import { countMessagesByRole } from '../messages/repository.js';
import { readTimeSharesOf } from '../cost-limits/time-share.js';
import { OrganizationSlots } from './concurrency.js';
import { analyticsDb } from './connection.js';
import { METRIC_NAMES, METRICS } from './metrics.js';
import {
  BREAKDOWN_DEFAULT_METRICS,
  BreakdownQuery,
  DIMENSIONS,
  INTERVALS,
  type Dimension,
  type Interval,
  parseMetrics,
  parseRange,
  SummaryQuery,
  TIMESERIES_DEFAULT_METRICS,
  TimeseriesQuery,
} from './params.js';
import { breakdown, summary, timeseries } from './service.js';
import { assertTimeZone } from './timezone.js';
import { councilFor, councilRange, dateOfDay, snapDays, type Council } from './works-council/council.js';
import { SUPPRESSION_REASONS } from './works-council/guard.js';

const MetricValue = Type.Union([Type.Number(), Type.Null()]);
const Suppressed = Type.Union(
  [Type.Unsafe<(typeof SUPPRESSION_REASONS)[number]>({ type: 'string', enum: [...SUPPRESSION_REASONS] }), Type.Null()],
  {
    description:
      'Works-council mode: why these figures are null (fewer_than_k: fewer than k distinct end users; difference: a wider or less filtered ' +
      'figure differs from this one by fewer than k; complement: a split of these chats would leave fewer than k hidden; total_suppressed: ' +
      'the figures of the whole answer are hidden; outside_window: before the window the mode checks). Null: shown (always null when the mode is off)',
  },
);
/** Shared with GET /api/v1/analytics/what-changed. */
export const WorksCouncilNote = Type.Union([Type.Object({ k: Type.Integer({ description: 'The organization\'s k: figures describe at least k distinct end users' }) }), Type.Null()], {
  description: 'Works-council mode: its k; null when the mode is off',
});
export { Suppressed };
const RATES_NOTE =
  'Rates, CSAT and averages are over the chats that sent the field (a chat that never said whether it escalated ' +
  'is not a "no"); rates and CSAT are fractions 0–1. A metric with no data is null.';

const SummaryResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  previous_from: Type.String(),
  previous_to: Type.String(),
  suppressed: Suppressed,
  previous_suppressed: Suppressed,
  works_council: WorksCouncilNote,
  metrics: Type.Object(
    Object.fromEntries(
      METRIC_NAMES.map((name) => [
        name,
        Type.Object(
          {
            value: MetricValue,
            previous: MetricValue,
            change: MetricValue,
            estimated: Type.Boolean({
              description:
                'True: value and previous are estimates from per-day sketches (end_users: HyperLogLog, standard error 1.15%; percentiles: ' +
                'within 1% of the exact value), used when the range holds many chats (ANALYTICS_EXACT_MAX_CHATS, default 50,000). Sums are always exact',
            }),
          },
          { description: `${METRICS[name].description}. change = (value − previous) / previous, null when previous is 0 or null`, additionalProperties: false },
        ),
      ]),
    ),
    { additionalProperties: false },
  ),
});

// A bucket or group names each metric of the closed set: present exactly when the query's metrics
// asked for it (the schema cannot say "iff requested": test/analytics.test.ts checks that every
// requested metric is there and nothing else), and no other property.
const requestedMetrics = Object.fromEntries(
  METRIC_NAMES.map((name) => [name, Type.Optional(Type.Union([Type.Number(), Type.Null()], { description: `${METRICS[name].description}. Present when metrics asks for it` }))]),
);

const TimeseriesResponse = Type.Object({
  interval: Type.Unsafe<Interval>({ type: 'string', enum: [...INTERVALS] }),
  tz: Type.String(),
  buckets: Type.Array(
    Type.Object(
      { start: Type.String({ description: 'Bucket start, ISO 8601 with the zone\'s offset' }), suppressed: Suppressed, ...requestedMetrics },
      { additionalProperties: false },
    ),
  ),
  works_council: WorksCouncilNote,
});

const GroupMetrics = Type.Object({ suppressed: Suppressed, ...requestedMetrics }, { additionalProperties: false });
const BreakdownResponse = Type.Object({
  by: Type.Unsafe<Dimension>({ type: 'string', enum: [...DIMENSIONS] }),
  groups: Type.Array(
    Type.Object({ key: Type.Union([Type.String(), Type.Number(), Type.Boolean()]), suppressed: Suppressed, ...requestedMetrics }, { additionalProperties: false }),
    { description: 'The top groups, by chats (descending). Works-council mode: up to 100 whatever limit says; a group of fewer than k people is left out' },
  ),
  other: Type.Union([GroupMetrics, Type.Null()], { description: 'The other groups summed, or null' }),
  unknown: Type.Union([GroupMetrics, Type.Null()], { description: 'Chats that did not send the field (tag: chats without tags), or null' }),
  works_council: WorksCouncilNote,
});

const TOO_EXPENSIVE_HINT = 'a shorter range, a longer interval, or filters the rollups answer: one field at a time, no q or user_id';

const analyticsRoute = (summaryText: string, description: string, querystring: unknown, response: unknown) => ({
  onRequest: authenticate(),
  schema: {
    tags: ['Analytics'],
    security: DASHBOARD_SECURITY,
    summary: summaryText,
    description: `${description} Takes from, to (default: the last 30 days), tz and every filter of GET /api/v1/chats. ${RATES_NOTE}`,
    querystring,
    response: { 200: response, ...errorResponses(400, 401, 403, 422, 429, 500) },
  },
  config: { failureMessage: 'Failed to compute analytics', tooExpensiveHint: TOO_EXPENSIVE_HINT },
});

const DEFAULT_RANGE_DAYS = 30;

const MessagesQuery = Type.Object(
  {
    start: Type.Optional(Type.String({ description: 'From (inclusive): ISO 8601 with a zone, or a date. Default: 30 days before end' })),
    end: Type.Optional(Type.String({ description: 'Until (exclusive): ISO 8601 with a zone, or a date. Default: now' })),
  },
  { additionalProperties: false },
);

const Count = Type.Union([Type.Integer(), Type.Null()]);
const MessagesResponse = Type.Object({
  total_messages: Count,
  by_role: Type.Object({ user: Count, assistant: Count, system: Count }),
  date_range: Type.Object({ start: Timestamp, end: Timestamp }),
  suppressed: Suppressed,
  works_council: WorksCouncilNote,
});

const slotsByApp = new WeakMap<object, OrganizationSlots>();
/** The analytics slots of an app (by its deps): tests occupy them to show the bound. */
export const analyticsSlotsOf = (deps: object) => slotsByApp.get(deps);
export const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limits = app.deps.costLimits;
  // One organization's analytics requests hold at most this many of the analytics connections.
  const slots = new OrganizationSlots(limits.analyticsRunningPerOrg, limits.analyticsWaitingPerOrg);
  slotsByApp.set(app.deps, slots);
  // ... and spend at most its share of the server's analytics time (src/cost-limits/time-share.ts).
  const shares = readTimeSharesOf(app.deps);
  /** Runs `work` in the organization's slots and time share; the time its council waited for another read of the cells is not charged. */
  const inSlot = <T>(request: Parameters<typeof organizationOf>[0], work: (organizationId: number) => Promise<T>, council?: Council | null) => {
    const organizationId = organizationOf(request);
    return slots.run(organizationId, () => shares.run(organizationId, () => work(organizationId), () => council?.waitedMs() ?? 0));
  };
  const rangeOf = async (request: Parameters<typeof organizationOf>[0], query: Parameters<typeof parseRange>[0]) => {
    await assertTimeZone(app.deps.db, query.tz ?? 'UTC');
    const range = parseRange(query);
    // user_id: a pseudonym in works-council mode (src/chats/end-users.ts).
    return { ...range, filters: await resolveUserFilter({ db: boundedReadsDb(app.deps) }, organizationOf(request), range.filters) };
  };
  /** The range and, in works-council mode, the council (the range snapped to whole UTC days). */
  const councilled = async (request: Parameters<typeof organizationOf>[0], query: Parameters<typeof parseRange>[0]) => {
    const council = await councilFor(app.deps, organizationOf(request));
    // In the mode a date means midnight UTC whatever tz says: ranges are whole UTC days.
    const range = await rangeOf(request, council ? { ...query, tz: 'UTC' } : query);
    return { range: council ? councilRange(council, range) : range, council };
  };

  app.get(
    '/api/v1/analytics/summary',
    analyticsRoute(
      'Key metrics for a range and for the previous range of equal length',
      `Metrics: ${METRIC_NAMES.join(', ')}.`,
      SummaryQuery,
      SummaryResponse,
    ) as { schema: { querystring: typeof SummaryQuery } },
    async (request) => {
      const { range, council } = await councilled(request, request.query);
      return inSlot(request, (org) => summary(app.deps, org, range, council), council);
    },
  );

  app.get(
    '/api/v1/analytics/timeseries',
    analyticsRoute(
      'Metrics per time bucket, gap-filled',
      'Buckets of an hour, day, week (from Monday) or month in the zone tz; a bucket without chats is present with zeros and nulls.',
      TimeseriesQuery,
      TimeseriesResponse,
    ) as { schema: { querystring: typeof TimeseriesQuery } },
    async (request) => {
      const { metrics, interval, ...rest } = request.query;
      const names = parseMetrics(metrics, TIMESERIES_DEFAULT_METRICS);
      const { range, council } = await councilled(request, rest);
      return inSlot(request, (org) => timeseries(app.deps, org, range, interval ?? 'day', names, council), council);
    },
  );

  app.get(
    '/api/v1/analytics/breakdown',
    analyticsRoute(
      'Metrics per value of a field: the top groups, the rest as other, and unknown',
      'Groups are ordered by chats, descending. A chat counts once for each of its tags when by=tag.',
      BreakdownQuery,
      BreakdownResponse,
    ) as { schema: { querystring: typeof BreakdownQuery } },
    async (request) => {
      const { metrics, by, limit, ...rest } = request.query;
      const names = parseMetrics(metrics, BREAKDOWN_DEFAULT_METRICS);
      const { range, council } = await councilled(request, rest);
      return inSlot(request, (org) => breakdown(app.deps, org, range, by, names, limit ?? 10, council), council);
    },
  );

  app.get(
    '/api/v1/analytics/messages',
    {
      onRequest: authenticate(),
      schema: {
        tags: ['Analytics'],
        security: DASHBOARD_SECURITY,
        summary: 'Messages in a date range, in total and by role',
        querystring: MessagesQuery,
        response: { 200: MessagesResponse, ...errorResponses(400, 401, 403, 422, 429, 500) },
      },
      config: { failureMessage: 'Failed to compute message analytics', tooExpensiveHint: 'a shorter range' },
    },
    async (request) => {
      let end = parseInstant(request.query.end, 'end') ?? new Date();
      // The default start never goes before MIN_INSTANT (the year 100: see src/chats/filters.ts).
      let start = parseInstant(request.query.start, 'start') ?? new Date(Math.max(end.getTime() - DEFAULT_RANGE_DAYS * 86_400_000, MIN_INSTANT.getTime()));
      if (start >= end) throw badRequest('start must be before end', 'start');
      // Works-council mode: whole UTC days, and the messages' end users checked like a chat figure's.
      const council = await councilFor(app.deps, organizationOf(request));
      const days = council ? snapDays(council, start, end, { from: 'start', to: 'end' }) : undefined;
      if (days) [start, end] = [dateOfDay(days.from), dateOfDay(days.to)];
      const rows = await inSlot(request, (org) => countMessagesByRole(analyticsDb(app.deps), org, start, end));
      const byRole: Record<'user' | 'assistant' | 'system', number | null> = { user: 0, assistant: 0, system: 0 };
      for (const row of rows) byRole[row.role] = row.n;
      const suppressed = council && days ? (await council.messages(days)).check({ ...days, conditions: [] }) : null;
      const total = byRole.user! + byRole.assistant! + byRole.system!;
      return {
        total_messages: suppressed ? null : total,
        by_role: suppressed ? { user: null, assistant: null, system: null } : byRole,
        date_range: { start: start.toISOString(), end: end.toISOString() },
        suppressed,
        works_council: council ? { k: council.k } : null,
      };
    },
  );
};
