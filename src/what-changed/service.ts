// "What changed": a metric in two periods, the change split over one or two dimensions into mix and
// rate effects (decompose.ts), ranked, each segment with the explorer link that shows its chats.
// The numbers come from the analytics service (summary for the totals, breakdown for segments):
// no metric SQL of its own. Segment weights are their chats, so for a rate over the chats that sent
// a field (escalation rate…) the parts add up to the change exactly only when every chat sent it;
// what the segments do not explain is returned as `unexplained`.
import { camel, fieldSpec } from '../fields/chat-fields.js';
import type { ChatFilters } from '../chats/filters.js';
import type { MetricName } from '../analytics/metrics.js';
import type { Dimension, Range } from '../analytics/params.js';
import { breakdown, summary } from '../analytics/service.js';
import type { Council } from '../analytics/works-council/council.js';
import type { AppDeps } from '../http/context.js';
import { badRequest } from '../http/errors.js';
import { decompose, type SegmentPeriods } from './decompose.js';

const COUNTS: MetricName[] = ['chats', 'messages', 'rated_chats', 'total_tokens'];
const AVERAGES: MetricName[] = ['escalation_rate', 'hr_forwarding_rate', 'avg_response_time', 'avg_rating', 'csat', 'avg_tokens'];
export const DECOMPOSABLE: MetricName[] = [...COUNTS, ...AVERAGES];
/** Values of the first dimension taken apart by the second (the rest is left unexplained). */
const TOP_OUTER = 10;
const GROUPS = 100;

type Key = string | number | boolean;

/** The chat filter that selects a dimension's value (the explorer's, and analytics'). */
export function filterFor(by: Dimension, value: Key): Partial<ChatFilters> {
  if (by === 'tag') return { tags: [String(value)], tagsMode: 'all' };
  if (by === 'user_rating') return { ratingMin: Number(value), ratingMax: Number(value) };
  // The other dimensions are list or boolean filters of the same name (src/fields/chat-fields.ts).
  const kind = fieldSpec(by).filter?.kind;
  return { [camel(by)]: kind === 'boolean' ? value === true : [String(value)] } as Partial<ChatFilters>;
}

/** The explorer's query parameters for a dimension's value. */
function queryFor(by: Dimension, value: Key): Record<string, string> {
  if (by === 'tag') return { tags: String(value) };
  if (by === 'user_rating') return { rating_min: String(value), rating_max: String(value) };
  return { [by]: String(value) };
}

async function segmentsOf(deps: AppDeps, organizationId: number, range: Range, metric: MetricName, by: Dimension, council?: Council | null) {
  const result = await breakdown(deps, organizationId, range, by, [metric, 'chats'], GROUPS, council);
  // Works-council mode: a hidden segment is no segment (what it holds stays in unexplained).
  return new Map(
    result.groups.filter((g) => g.suppressed === null).map((g) => {
      const values = g as unknown as Record<string, number | null>;
      return [String(g.key), { key: g.key, chats: Number(values.chats ?? 0), value: values[metric] }];
    }),
  );
}

export interface WhatChangedInput {
  metric: MetricName;
  a: Range;
  b: Range;
  by: Dimension[];
  /** Works-council mode (a and b snapped to whole days): hidden periods and segments are left out. */
  council?: Council | null;
}

export async function whatChanged(deps: AppDeps, organizationId: number, input: WhatChangedInput, limit = 10) {
  const { metric, a, b, by, council } = input;
  if (!DECOMPOSABLE.includes(metric)) throw badRequest(`metric must be one of ${DECOMPOSABLE.join(', ')} (percentiles and distinct users cannot be split into parts)`, 'metric');
  if (by.length < 1 || by.length > 2 || by[0] === by[1]) throw badRequest('by must name one dimension, or two different ones separated by a comma', 'by');
  const [totalA, totalB] = await Promise.all([summary(deps, organizationId, a, council), summary(deps, organizationId, b, council)]);
  const valueA = totalA.metrics[metric].value;
  const valueB = totalB.metrics[metric].value;

  const segments: (SegmentPeriods & { query: Record<string, string> })[] = [];
  const pair = (keyParts: [Dimension, Key][], sa?: { chats: number; value: number | null }, sb?: { chats: number; value: number | null }) =>
    segments.push({
      key: Object.fromEntries(keyParts),
      query: Object.assign({}, ...keyParts.map(([d, v]) => queryFor(d, v))),
      a: sa ?? { chats: 0, value: null },
      b: sb ?? { chats: 0, value: null },
    });
  const [outerA, outerB] = await Promise.all([segmentsOf(deps, organizationId, a, metric, by[0], council), segmentsOf(deps, organizationId, b, metric, by[0], council)]);
  if (by.length === 1) {
    for (const k of new Set([...outerA.keys(), ...outerB.keys()])) pair([[by[0], (outerA.get(k) ?? outerB.get(k))!.key]], outerA.get(k), outerB.get(k));
  } else {
    const biggest = [...new Set([...outerB.keys(), ...outerA.keys()])]
      .sort((x, y) => (outerB.get(y)?.chats ?? 0) + (outerA.get(y)?.chats ?? 0) - (outerB.get(x)?.chats ?? 0) - (outerA.get(x)?.chats ?? 0))
      .slice(0, TOP_OUTER);
    for (const k of biggest) {
      const outerKey = (outerA.get(k) ?? outerB.get(k))!.key;
      const narrow = (r: Range): Range => ({ ...r, filters: { ...r.filters, ...filterFor(by[0], outerKey) } as ChatFilters });
      const [innerA, innerB] = await Promise.all([segmentsOf(deps, organizationId, narrow(a), metric, by[1], council), segmentsOf(deps, organizationId, narrow(b), metric, by[1], council)]);
      for (const j of new Set([...innerA.keys(), ...innerB.keys()])) {
        pair([[by[0], outerKey], [by[1], (innerA.get(j) ?? innerB.get(j))!.key]], innerA.get(j), innerB.get(j));
      }
    }
  }
  const kind = COUNTS.includes(metric) ? 'count' : 'average';
  const { change, contributions } = decompose(segments, kind);
  const queryOf = new Map(segments.map((s) => [JSON.stringify(s.key), s.query]));
  const overall = valueA === null || valueB === null ? null : valueB - valueA;
  const period = { from: b.from.toISOString(), to: b.to.toISOString() };
  // The dashboard explorer's address: a custom range of days (the last one included) in the zone.
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: b.tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const explorerRange = { range: 'custom', from: day(b.from), to: day(new Date(b.to.getTime() - 1)), tz: b.tz };
  return {
    metric,
    by,
    a: { from: a.from.toISOString(), to: a.to.toISOString(), value: valueA, suppressed: totalA.suppressed },
    b: { ...period, value: valueB, suppressed: totalB.suppressed },
    works_council: totalB.works_council,
    change: overall,
    explained: change,
    unexplained: overall === null ? null : overall - change,
    segments: contributions.slice(0, limit).map((c) => ({
      key: c.key,
      a: c.a,
      b: c.b,
      mix_effect: c.mix,
      rate_effect: c.rate,
      total_effect: c.total,
      share_of_change: overall ? c.total / overall : null,
      explorer_url: `/chats?${new URLSearchParams({ ...explorerRange, ...queryOf.get(JSON.stringify(c.key)) }).toString()}`,
    })),
  };
}

/** "escalation_rate +9.0 pts, 72% from question_category=payroll × language_code=de" (alert messages). */
export function describeChange(result: Awaited<ReturnType<typeof whatChanged>>): string | null {
  const top = result.segments[0];
  if (!top || result.change === null || result.change === 0) return null;
  const share = AVERAGES.includes(result.metric) && /rate|csat/.test(result.metric) ? `${(result.change * 100).toFixed(1)} pts` : result.change.toPrecision(3);
  const sign = result.change > 0 ? '+' : '';
  const where = Object.entries(top.key).map(([k, v]) => `${k}=${v}`).join(' × ');
  const part = top.share_of_change === null ? '' : `, ${Math.round(top.share_of_change * 100)}% from ${where}`;
  return `${result.metric} ${sign}${share}${part}`;
}
