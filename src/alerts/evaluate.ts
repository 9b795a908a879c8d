// Evaluating one alert rule at a moment: its window (ending at the last whole hour) and, for
// "unusual", the same window in each of the 8 previous weeks, computed by the analytics service;
// judged by detect.ts; the new state, the history entry and the webhook event (alert.fired or
// alert.resolved) written in one transaction. A fired alert's message says what changed (the
// window against the one before it, over question category × language).
import { resolveUserFilter } from '../chats/end-users.js';
import { parseChatFilters, type ChatFilterInput } from '../chats/filters.js';
import type { MetricName } from '../analytics/metrics.js';
import type { Range } from '../analytics/params.js';
import { summary } from '../analytics/service.js';
import type { AppDeps } from '../http/context.js';
import { enqueueEvent } from '../webhooks/events.js';
import { DECOMPOSABLE, describeChange, whatChanged } from '../what-changed/service.js';
import { BASELINE_WEEKS, judge, nextState } from './detect.js';
import * as repo from './repository.js';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
export const WINDOW_MS = { hour: HOUR, day: 24 * HOUR, week: WEEK } as const;
const SHARES: MetricName[] = ['escalation_rate', 'hr_forwarding_rate', 'csat'];

/** The end of the window evaluated at `now`: the last whole hour. */
export const windowEnd = (now: Date) => new Date(Math.floor(now.getTime() / HOUR) * HOUR);

export async function evaluateRule(deps: AppDeps, rule: repo.RuleRow, now: Date, force = false): Promise<repo.RuleRow> {
  const end = windowEnd(now);
  if (!force && rule.lastEvaluatedAt && rule.lastEvaluatedAt >= end) return rule;
  const length = WINDOW_MS[rule.window];
  const metric = rule.metric as MetricName;
  // user_id: a pseudonym in works-council mode (src/chats/end-users.ts).
  const filters = await resolveUserFilter(deps, rule.organizationId, parseChatFilters(rule.filters as ChatFilterInput, 'filters.'), 'filters.');
  const range = (to: number): Range => ({ from: new Date(to - length), to: new Date(to), tz: 'UTC', filters });
  const valueOf = async (to: number) => {
    const { metrics } = await summary(deps, rule.organizationId, range(to));
    return { value: metrics[metric].value, volume: metrics.chats.value ?? 0 };
  };
  const current = await valueOf(end.getTime());
  const history = rule.condition === 'unusual' ? await Promise.all(Array.from({ length: BASELINE_WEEKS }, (_, k) => valueOf(end.getTime() - (k + 1) * WEEK))) : [];
  const judgement = judge({ condition: rule.condition, threshold: rule.threshold, minVolume: rule.minVolume, isShare: SHARES.includes(metric) }, current, history);
  const lastBreach = judgement.verdict === 'breach' ? end : rule.lastBreachAt;
  const next = nextState(rule.state, judgement.verdict, lastBreach ? end.getTime() - lastBreach.getTime() : Infinity, length);
  let message = `${rule.name}: ${metric} over the ${rule.window} to ${end.toISOString()}: ${judgement.reason}`;
  let explanation: string | null = null;
  if (next.transition === 'fired' && DECOMPOSABLE.includes(metric)) {
    const changed = await whatChanged(deps, rule.organizationId, { metric, a: range(end.getTime() - length), b: range(end.getTime()), by: ['question_category', 'language_code'] }, 3);
    explanation = describeChange(changed);
    if (explanation) message += ` (${explanation} against the ${rule.window} before)`;
  }
  return deps.db.transaction(async (tx) => {
    const updated = await repo.updateRule(tx, rule.organizationId, rule.id, {
      state: next.state,
      lastValue: judgement.value,
      lastMessage: message,
      lastEvaluatedAt: end,
      lastBreachAt: lastBreach,
    });
    if (next.transition) {
      const state = next.transition === 'fired' ? 'firing' : 'resolved';
      const entry = await repo.insertHistory(tx, rule.organizationId, rule.id, { state, value: judgement.value, message, details: { ...judgement, explanation } });
      await enqueueEvent(tx, rule.organizationId, next.transition === 'fired' ? 'alert.fired' : 'alert.resolved', {
        alert: { id: entry.id, state, value: judgement.value, message, explanation, window: { from: new Date(end.getTime() - length).toISOString(), to: end.toISOString() } },
        rule: { id: rule.id, name: rule.name, metric, window: rule.window, condition: rule.condition, threshold: rule.threshold, filters: rule.filters },
      });
    }
    return updated;
  });
}
