// The organization's redaction applied to a write request's body (see ingest.ts for the fields).
import { findChat } from '../chats/repository.js';
import type { AppDeps } from '../http/context.js';
import { redactChatBody, redactMessageBody } from './ingest.js';
import { redactorFor } from './policy-cache.js';

/** A Create Chat body as the organization's policy lets it be stored (and hashed for its Idempotency-Key). */
export async function redactedChatBody<T>(deps: AppDeps, organizationId: number, body: T): Promise<T> {
  return redactChatBody(await redactorFor(deps, organizationId), body);
}

/**
 * An Add Message body as the policy lets it be stored. The chat's country and language are read
 * only when the content could hold a phone number (the one type whose detection depends on them);
 * an unknown chat gets no hints (its message is answered 404 anyway).
 */
export async function redactedMessageBody<T extends { content: string }>(deps: AppDeps, organizationId: number, chatId: number, body: T): Promise<T> {
  const redactor = await redactorFor(deps, organizationId);
  if (!redactor.active) return body;
  const chat = redactor.usesContext(body.content) ? await findChat(deps.db, organizationId, chatId) : undefined;
  return redactMessageBody(redactor, body, { country: chat?.countryCode, language: chat?.languageCode });
}
