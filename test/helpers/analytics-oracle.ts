// The analytics oracle: every figure of the API computed in plain TypeScript from the chats rows
// (shared by test/analytics.test.ts and the privacy tests, which check that purging and erasing
// leave the analytics equal to it over the remaining chats).
import { expect } from 'vitest';
import type { Row } from './analytics-data.js';

export const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

export function reference(chats: Row[], messageCounts: Map<number, number>): Record<string, number | null> {
  const known = <K extends keyof Row>(k: K) => chats.filter((c) => c[k] !== null);
  const rt = known('avg_response_time').map((c) => c.avg_response_time!);
  const rated = known('user_rating');
  const tokens = known('token_count');
  const tokenSum = tokens.reduce((s, c) => s + c.token_count!, 0);
  return {
    chats: chats.length,
    end_users: new Set(known('user_id').map((c) => c.user_id)).size,
    messages: chats.reduce((s, c) => s + (messageCounts.get(Number(c.id)) ?? 0), 0),
    escalation_rate: ratio(chats.filter((c) => c.is_escalated === true).length, known('is_escalated').length),
    hr_forwarding_rate: ratio(chats.filter((c) => c.is_forwarded_to_hr === true).length, known('is_forwarded_to_hr').length),
    avg_response_time: ratio(rt.reduce((a, b) => a + b, 0), rt.length),
    p50_response_time: percentile(rt, 0.5),
    p90_response_time: percentile(rt, 0.9),
    avg_rating: ratio(rated.reduce((s, c) => s + c.user_rating!, 0), rated.length),
    rated_chats: rated.length,
    csat: ratio(rated.filter((c) => c.user_rating! >= 4).length, rated.length),
    total_tokens: tokens.length ? tokenSum : null,
    avg_tokens: ratio(tokenSum, tokens.length),
  };
}

/**
 * The metrics of an answer (a bucket, group or summary) against the oracle's: the answer must have
 * exactly the oracle's metrics (a metric missing from it fails, it is not skipped), besides the
 * answer's other properties named in `besides` (start, key, suppressed).
 */
export function expectClose(got: Record<string, unknown>, want: Record<string, number | null>, context: string, besides: readonly string[] = []) {
  const metrics = Object.keys(got).filter((k) => !besides.includes(k));
  expect(metrics.sort(), `${context}: the answer's metrics`).toEqual(Object.keys(want).sort());
  for (const [name, value] of Object.entries(want)) {
    const g = got[name] as number | null;
    if (value === null || g === null) expect(g, `${context} ${name}`).toBe(value);
    else expect(Math.abs(g - value), `${context} ${name}: got ${g}, want ${value}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
  }
}
