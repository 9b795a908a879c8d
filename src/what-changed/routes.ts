import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { resolveUserFilter } from '../chats/end-users.js';
import { boundedReadsDb } from '../cost-limits/read-pool.js';
import { DIMENSIONS, parseRange, SummaryQuery, type Dimension } from '../analytics/params.js';
import { assertTimeZone } from '../analytics/timezone.js';
import type { MetricName } from '../analytics/metrics.js';
import { authenticate, organizationOf } from '../http/authenticate.js';
import { badRequest } from '../http/errors.js';
import { DASHBOARD_SECURITY, errorResponses } from '../http/schemas.js';
import { Suppressed, WorksCouncilNote } from '../analytics/routes.js';
import { councilFor, councilRange } from '../analytics/works-council/council.js';
import { DECOMPOSABLE, whatChanged } from './service.js';

const Query = Type.Object(
  {
    ...SummaryQuery.properties,
    metric: Type.Unsafe<MetricName>({ type: 'string', enum: [...DECOMPOSABLE], description: 'The metric whose change is explained' }),
    by: Type.Optional(Type.String({ maxLength: 100, description: `One dimension, or two separated by a comma (default question_category): ${DIMENSIONS.join(', ')}` })),
    compare_from: Type.Optional(Type.String({ description: 'Start of the period compared against (default: the period of the same length just before from)' })),
    compare_to: Type.Optional(Type.String({ description: 'End of the period compared against (default: from)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'How many segments, largest effect first' })),
  },
  { additionalProperties: false },
);

const Period = Type.Object({ from: Type.String(), to: Type.String(), value: Type.Union([Type.Number(), Type.Null()]), suppressed: Suppressed });
const Side = Type.Object({ chats: Type.Number(), value: Type.Union([Type.Number(), Type.Null()]) });
const Response = Type.Object({
  metric: Type.String(),
  by: Type.Array(Type.String()),
  a: Period,
  b: Period,
  works_council: WorksCouncilNote,
  change: Type.Union([Type.Number(), Type.Null()], { description: 'b − a' }),
  explained: Type.Number({ description: 'The sum of every segment\'s effect' }),
  unexplained: Type.Union([Type.Number(), Type.Null()], { description: 'change − explained: segments past the top 10 of the first dimension, and chats that did not send the field' }),
  segments: Type.Array(
    Type.Object({
      key: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
      a: Side,
      b: Side,
      mix_effect: Type.Number({ description: 'Part of the change from the segment\'s share of chats changing' }),
      rate_effect: Type.Number({ description: 'Part of the change from the metric changing within the segment' }),
      total_effect: Type.Number(),
      share_of_change: Type.Union([Type.Number(), Type.Null()]),
      explorer_url: Type.String({ description: 'The dashboard\'s chat explorer on this segment, over the days of period b' }),
    }),
  ),
});

export const whatChangedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/analytics/what-changed',
    {
      onRequest: authenticate(),
      schema: {
        tags: ['Analytics'],
        security: DASHBOARD_SECURITY,
        summary: 'Why a metric changed between two periods: its change split over one or two dimensions into mix and rate effects',
        description:
          'Period b is from/to (default: the last 30 days); period a is compare_from/compare_to (default: the same length just before). ' +
          'Takes tz and every filter of GET /api/v1/chats. Each segment: mix effect (more or fewer chats of that kind) plus rate effect ' +
          '(the metric changed within it) = its total effect; ranked by its size.',
        querystring: Query,
        response: { 200: Response, ...errorResponses(400, 401, 403, 500) },
      },
      config: { failureMessage: 'Failed to explain the change' },
    },
    async (request) => {
      const { metric, by, compare_from, compare_to, limit, ...query } = request.query;
      await assertTimeZone(app.deps.db, query.tz ?? 'UTC');
      // Works-council mode: both periods are whole UTC days (a date is midnight UTC whatever tz says).
      const council = await councilFor(app.deps, organizationOf(request));
      const rangeInput = council ? { ...query, tz: 'UTC' } : query;
      const snap = (r: ReturnType<typeof parseRange>) => (council ? councilRange(council, r) : r);
      const parsed = parseRange(rangeInput);
      // user_id: a pseudonym in works-council mode (src/chats/end-users.ts).
      const b = snap({ ...parsed, filters: await resolveUserFilter({ db: boundedReadsDb(app.deps) }, organizationOf(request), parsed.filters) });
      const length = b.to.getTime() - b.from.getTime();
      const a =
        compare_from === undefined && compare_to === undefined
          ? { ...b, from: new Date(b.from.getTime() - length), to: b.from }
          : snap({ ...parseRange({ tz: rangeInput.tz, from: compare_from, to: compare_to ?? rangeInput.from }), filters: b.filters });
      const dims = (by ?? 'question_category').split(',').map((d) => d.trim());
      const unknown = dims.find((d) => !(DIMENSIONS as readonly string[]).includes(d));
      if (unknown !== undefined) throw badRequest(`by must be one or two of ${DIMENSIONS.join(', ')} (got "${unknown}")`, 'by');
      return whatChanged(app.deps, organizationOf(request), { metric, a, b, by: dims as Dimension[], council }, limit ?? 10);
    },
  );
};
