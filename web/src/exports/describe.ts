// How an export job reads in the list: its filters in a line, its status as a badge.
import type { ExportJob, ExportType } from '../api/types';
import { CHAT_FIELDS } from '../fields/fields';

export const TYPE_LABELS: Record<ExportType, string> = { chats: 'chats', messages: 'messages', all: 'chats + messages' };

const FILTER_NAMES: Record<string, string> = {
  from: 'from',
  to: 'to',
  q: 'text',
  tags: 'tags',
  tags_mode: 'tags match',
  ...Object.fromEntries(CHAT_FIELDS.filter((f) => f.filter && f.filter !== 'rating').map((f) => [f.name, f.exportLabel])),
  user_id: 'user',
  rating_min: 'rating ≥',
  rating_max: 'rating ≤',
  has_rating: 'rated',
};

/** "All chats" without filters, else e.g. "from 2026-01-01 · sentiment negative, neutral". */
export function filtersSummary(filters: Record<string, unknown>): string {
  const parts = Object.entries(filters ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `${FILTER_NAMES[name] ?? name} ${Array.isArray(value) ? value.join(', ') : String(value).split(',').join(', ')}`);
  return parts.length ? parts.join(' · ') : 'All chats';
}

export type ShownStatus = ExportJob['status'] | 'expired';

/** A completed job whose file has been swept (expires_at in the past) reads as expired. */
export function shownStatus(job: ExportJob, now = Date.now()): ShownStatus {
  if (job.status === 'completed' && job.expires_at && new Date(job.expires_at).getTime() <= now) return 'expired';
  return job.status;
}

export const STATUS_BADGE: Record<ShownStatus, string> = {
  pending: 'badge',
  processing: 'badge badge-warn',
  completed: 'badge badge-good',
  failed: 'badge badge-bad',
  expired: 'badge',
};
