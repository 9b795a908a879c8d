import { findChat } from '../db/rows.js';
import type { AppDeps } from '../http/context.js';
import { idCursor, pageOf } from '../http/cursor.js';
import { notFound } from '../http/errors.js';
import type { Answer, IdempotencyRequest } from '../ingest/idempotency.js';
import { ingestOf } from '../ingest/index.js';
import type { CreatedMessage } from '../ingest/messages.js';
import * as repo from './repository.js';
import type { CreateMessageBody } from './schemas.js';

/**
 * Adds a message to a chat of the organization (404 if it has no such chat), written by the group
 * commit together with the messages of concurrent requests; resolves once that committed.
 */
export async function createMessage(
  deps: AppDeps,
  organizationId: number,
  chatId: number,
  body: CreateMessageBody,
  idempotency?: IdempotencyRequest,
): Promise<Answer<CreatedMessage>> {
  const message = {
    role: body.role,
    content: body.content,
    tokenCount: body.metadata?.token_count ?? null,
    responseTime: body.metadata?.response_time ?? null,
  };
  const ingest = ingestOf(deps);
  return ingest.keys.hold(organizationId, idempotency, () => ingest.messages.submit({ organizationId, chatId, message, idempotency }));
}

export function presentMessage(m: repo.MessageRow) {
  return {
    id: m.id,
    chat_id: m.chatId,
    role: m.role,
    content: m.content,
    metadata: { token_count: m.tokenCount, response_time: m.responseTime },
    created_at: m.createdAt.toISOString(),
  };
}

/** One page of a chat's transcript, oldest first. The chat must be the organization's (else 404). */
export async function pageOfMessages(deps: AppDeps, organizationId: number, chatId: number, limit: number, cursor?: string) {
  const afterId = cursor === undefined ? 0 : idCursor.decode(cursor, 'after');
  const rows = await repo.listMessages(deps.db, organizationId, chatId, limit, afterId);
  const { page, next_cursor } = pageOf(rows, limit, (last) => idCursor.encode(last.id));
  return { messages: page.map(presentMessage), next_cursor };
}

export async function listMessages(deps: AppDeps, organizationId: number, chatId: number, limit: number, cursor?: string) {
  if (!(await findChat(deps.db, organizationId, chatId))) throw notFound('Chat not found');
  return pageOfMessages(deps, organizationId, chatId, limit, cursor);
}
