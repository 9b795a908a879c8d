// How each KPI reads: its label, its formatter, and whether going up is good news.
import type { MetricName } from '../api/types';
import { formatCompact, formatDecimal, formatPercent, formatRating, formatSeconds } from '../ui/format';

export interface MetricView {
  label: string;
  format: (value: number | null) => string;
  /** +1: up is good (CSAT), -1: up is bad (escalations), 0: neither (volume). */
  direction: 1 | -1 | 0;
}

export const METRIC_VIEWS: Record<MetricName, MetricView> = {
  chats: { label: 'Chats', format: formatCompact, direction: 0 },
  end_users: { label: 'End users', format: formatCompact, direction: 0 },
  messages: { label: 'Messages', format: formatCompact, direction: 0 },
  escalation_rate: { label: 'Escalation rate', format: formatPercent, direction: -1 },
  hr_forwarding_rate: { label: 'HR hand-over rate', format: formatPercent, direction: -1 },
  avg_response_time: { label: 'Avg response time', format: formatSeconds, direction: -1 },
  p50_response_time: { label: 'Median response time', format: formatSeconds, direction: -1 },
  p90_response_time: { label: 'p90 response time', format: formatSeconds, direction: -1 },
  avg_rating: { label: 'Average rating', format: formatRating, direction: 1 },
  rated_chats: { label: 'Rated chats', format: formatCompact, direction: 0 },
  csat: { label: 'CSAT', format: formatPercent, direction: 1 },
  total_tokens: { label: 'Tokens', format: formatCompact, direction: 0 },
  avg_tokens: { label: 'Tokens per chat', format: formatDecimal, direction: 0 },
};
