// Evaluating one alert rule at a moment: its window (ending at the last whole hour) and, for
// "unusual", the same window in each of the 8 previous weeks, computed by the analytics service;
// judged by detect.ts; the new state, the history entry and the webhook event (alert.fired or
// alert.resolved) written in one transaction. A fired alert's message says what changed (the
// window against the one before it, over question category × language).
import { sql } from 'drizzle-orm';
import { resolveUserFilter } from '../chats/end-users.js';
import { chatFilterSql, parseChatFilters, type ChatFilterInput, type ChatFilters } from '../chats/filters.js';
import { findSettings } from '../privacy/repository.js';
import type { MetricName } from '../analytics/metrics.js';
import type { Range } from '../analytics/params.js';
import { summary } from '../analytics/service.js';
import type { AppDeps } from '../http/context.js';
import { enqueueEvent } from '../webhooks/events.js';
import { DECOMPOSABLE, describeChange, whatChanged } from '../what-changed/service.js';
import { BASELINE_WEEKS, judge, nextState, type Judgement } from './detect.js';
import * as repo from './repository.js';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
export const WINDOW_MS = { hour: HOUR, day: 24 * HOUR, week: WEEK } as const;
const SHARES: MetricName[] = ['escalation_rate', 'hr_forwarding_rate', 'csat'];

/** The end of the window evaluated at `now`: the last whole hour. */
export const windowEnd = (now: Date) => new Date(Math.floor(now.getTime() / HOUR) * HOUR);

/** Distinct end users of the chats of a window (chats without a user id count as one). */
async function windowUsers(deps: AppDeps, organizationId: number, filters: ChatFilters, from: Date, to: Date): Promise<number> {
  const { rows } = await deps.db.execute<{ n: number }>(
    sql`SELECT count(DISTINCT coalesce(user_id::text, ''))::int AS n FROM chats WHERE ${chatFilterSql(organizationId, { ...filters, from, to })}`,
  );
  return rows[0].n;
}

/**
 * Works-council mode: the rule is judged only when its window describes at least k distinct end
 * users, and what people see of it (last_value, the message, the history entry, the webhook event)
 * holds no figure: only whether the condition held. The windows slide by the hour, so their values
 * would be figures about a few hours' chats that no k-anonymity check of whole days covers.
 */
function withoutFigures(judgement: Judgement, k: number): Judgement {
  const said = { breach: 'the condition holds', clear: 'the condition does not hold', within: 'no change of state', unjudged: 'not judged' }[judgement.verdict];
  return { verdict: judgement.verdict, value: null, reason: `${said} (works-council mode: figures are not shown; k = ${k})` };
}

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
  const settings = await findSettings(deps.db, rule.organizationId);
  const council = settings.worksCouncil ? settings.worksCouncilK : null;
  let judgement = judge({ condition: rule.condition, threshold: rule.threshold, minVolume: rule.minVolume, isShare: SHARES.includes(metric) }, current, history);
  if (council !== null) {
    const users = await windowUsers(deps, rule.organizationId, filters, new Date(end.getTime() - length), end);
    judgement = users < council ? { verdict: 'unjudged', value: null, reason: `fewer than ${council} people in the window (works-council mode)` } : withoutFigures(judgement, council);
  }
  const lastBreach = judgement.verdict === 'breach' ? end : rule.lastBreachAt;
  const next = nextState(rule.state, judgement.verdict, lastBreach ? end.getTime() - lastBreach.getTime() : Infinity, length);
  let message = `${rule.name}: ${metric} over the ${rule.window} to ${end.toISOString()}: ${judgement.reason}`;
  let explanation: string | null = null;
  if (next.transition === 'fired' && DECOMPOSABLE.includes(metric) && council === null) {
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
