// The analytics metrics: their names, what they mean (shown in the OpenAPI document), and how
// each is computed from the additive sums (rollups or raw rows) or from raw rows alone.

/** Sums that add up across any set of chats: what chat_rollups stores per hour and value (./sums.ts). */
import { SUM_COLUMNS, type SumName } from '../fields/rollup-sums.js';

export { SUM_COLUMNS };
export type Sums = Record<SumName, number>;

/** What cannot be summed: computed from the chats rows of the range. */
export type RawStats = {
  end_users: number;
  p50_response_time: number | null;
  p90_response_time: number | null;
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export const METRICS = {
  chats: { description: 'Number of chats', needsRaw: false, value: (s: Sums) => s.chats },
  end_users: { description: 'Distinct end users (user_id) among the chats; anonymous chats are not counted', needsRaw: true, value: (_s: Sums, r: RawStats) => r.end_users },
  messages: { description: 'Messages in the transcripts of these chats', needsRaw: false, value: (s: Sums) => s.messages },
  escalation_rate: { description: 'Share (0–1) of escalated chats among the chats that sent is_escalated; a chat that never said is not a "no"', needsRaw: false, value: (s: Sums) => ratio(s.escalated, s.escalation_known) },
  hr_forwarding_rate: { description: 'Share (0–1) of chats handed over to HR among the chats that sent is_forwarded_to_hr', needsRaw: false, value: (s: Sums) => ratio(s.hr_forwarded, s.hr_known) },
  avg_response_time: { description: 'Mean of avg_response_time (seconds) over the chats that sent it', needsRaw: false, value: (s: Sums) => ratio(s.response_time_sum, s.response_time_count) },
  p50_response_time: { description: 'Median of avg_response_time (seconds), interpolated (percentile_cont)', needsRaw: true, value: (_s: Sums, r: RawStats) => r.p50_response_time },
  p90_response_time: { description: '90th percentile of avg_response_time (seconds), interpolated (percentile_cont)', needsRaw: true, value: (_s: Sums, r: RawStats) => r.p90_response_time },
  avg_rating: { description: 'Mean user_rating (1–5) over the rated chats', needsRaw: false, value: (s: Sums) => ratio(s.rating_sum, s.rated) },
  rated_chats: { description: 'Number of chats with a user_rating', needsRaw: false, value: (s: Sums) => s.rated },
  csat: { description: 'Share (0–1) of rated chats rated 4 or 5', needsRaw: false, value: (s: Sums) => ratio(s.satisfied, s.rated) },
  total_tokens: { description: 'Sum of token_count over the chats that sent it (null when none did)', needsRaw: false, value: (s: Sums) => (s.token_count_count > 0 ? s.token_sum : null) },
  avg_tokens: { description: 'Mean token_count per chat, over the chats that sent it', needsRaw: false, value: (s: Sums) => ratio(s.token_sum, s.token_count_count) },
} as const;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export const EMPTY_SUMS: Sums = Object.fromEntries(SUM_COLUMNS.map((c) => [c, 0])) as Sums;
export const EMPTY_RAW: RawStats = { end_users: 0, p50_response_time: null, p90_response_time: null };

export function metricValues(names: readonly MetricName[], sums: Sums, raw: RawStats): Record<string, number | null> {
  return Object.fromEntries(names.map((name) => [name, METRICS[name].value(sums, raw)]));
}

export const METRICS_DESCRIPTION = METRIC_NAMES.map((n) => `${n}: ${METRICS[n].description}`).join('; ');
