// The rolled-up sums: each declared once. Every rollup row (chat_rollups, chat_daily_rollups,
// chat_daily_pair_rollups, chat_rollup_pending) holds one column per sum, and the SQL that fills
// and reads them is rendered from this list (src/db/rollup-sql, src/analytics/repository.ts).
// A sum is either a count of the chats for which `count` holds (all chats without one), or the
// sum of `sum` over them. `$` stands for the chats row in the expressions.
// How to add a sum or a metric: src/analytics/README.md.
import type { SqlType } from './chat-fields.js';

export interface RollupSum {
  name: string;
  sql: SqlType | 'numeric';
  count?: string | true;
  sum?: string;
}

export const ROLLUP_SUMS = [
  { name: 'chats', sql: 'int8', count: true },
  { name: 'messages', sql: 'int8', sum: '$.message_count' },
  { name: 'escalation_known', sql: 'int8', count: '$.is_escalated IS NOT NULL' },
  { name: 'escalated', sql: 'int8', count: '$.is_escalated' },
  { name: 'hr_known', sql: 'int8', count: '$.is_forwarded_to_hr IS NOT NULL' },
  { name: 'hr_forwarded', sql: 'int8', count: '$.is_forwarded_to_hr' },
  { name: 'response_time_count', sql: 'int8', count: '$.avg_response_time IS NOT NULL' },
  { name: 'response_time_sum', sql: 'float8', sum: '$.avg_response_time' },
  { name: 'rated', sql: 'int8', count: '$.user_rating IS NOT NULL' },
  { name: 'rating_sum', sql: 'int8', sum: '$.user_rating' },
  { name: 'satisfied', sql: 'int8', count: '$.user_rating >= 4' },
  { name: 'token_count_count', sql: 'int8', count: '$.token_count IS NOT NULL' },
  // numeric: token counts may each be up to 2^53, and a sum must never overflow (that would fail the insert).
  { name: 'token_sum', sql: 'numeric', sum: '$.token_count::numeric' },
] as const satisfies readonly RollupSum[];

export type SumName = (typeof ROLLUP_SUMS)[number]['name'];
export const SUM_COLUMNS = ROLLUP_SUMS.map((s) => s.name) as SumName[];

const on = (expression: string, alias: string) => expression.replaceAll('$', alias);

/** A sum over the chats rows `alias` of a group: what an insert of them adds. */
export function rowSumSql(s: RollupSum, alias: string): string {
  if (s.count === true) return 'count(*)';
  if (s.count) return `count(*) FILTER (WHERE ${on(s.count, alias)})`;
  return `coalesce(sum(${on(s.sum!, alias)}), 0)`;
}

/** The same, each row weighted by `alias`.sign (+1: a row added, -1: a row taken away). */
export function signedSumSql(s: RollupSum, alias: string): string {
  if (s.count === true) return `sum(${alias}.sign)`;
  if (s.count) return `coalesce(sum(${alias}.sign) FILTER (WHERE ${on(s.count, alias)}), 0)`;
  return `coalesce(sum(${alias}.sign * ${on(s.sum!, alias)}), 0)`;
}
