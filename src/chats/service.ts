import type { AppDeps } from '../http/context.js';
import { normalizeTag } from '../http/formats.js';
import { notFound } from '../http/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { presentChat } from './presenter.js';
import * as repo from './repository.js';
import type { CreateChatBody } from './schemas.js';

/** Tags in their stored form, de-duplicated in first-seen order. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(normalizeTag))];
}

/** The validated request as a row: codes in their canonical case, absent fields as NULL. */
export function toNewChat(body: CreateChatBody): repo.NewChat {
  const m = body.metadata ?? {};
  return {
    title: body.title ?? null,
    tags: normalizeTags(body.tags ?? []),
    userId: body.user_id ?? null,
    avgResponseTime: m.avg_response_time ?? null,
    countryCode: m.country_code?.toUpperCase() ?? null,
    ipAddress: m.ip_address ?? null,
    isEscalated: m.is_escalated ?? null,
    isForwardedToHr: m.is_forwarded_to_hr ?? null,
    languageCode: m.language_code?.toLowerCase() ?? null,
    questionCategory: m.question_category ?? null,
    sentiment: m.sentiment?.toLowerCase() ?? null,
    sessionId: m.session_id ?? null,
    tokenCount: m.token_count ?? null,
    transcriptLink: m.transcript_link ?? null,
    userRating: m.user_rating ?? null,
  };
}

export const createChat = (deps: AppDeps, organizationId: number, body: CreateChatBody) =>
  repo.insertChat(deps.db, organizationId, toNewChat(body));

export async function getChat(deps: AppDeps, organizationId: number, id: number) {
  const row = await repo.findChat(deps.db, organizationId, id);
  if (!row) throw notFound('Chat not found');
  return presentChat(row);
}

export async function listChats(deps: AppDeps, organizationId: number, limit: number, cursor?: string) {
  const rows = await repo.listChats(deps.db, organizationId, limit, cursor === undefined ? undefined : decodeCursor(cursor));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    chats: page.map(presentChat),
    next_cursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
