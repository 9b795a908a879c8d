// The organization's redaction applied to a write request's body (see ingest.ts for the fields).
import type pg from 'pg';
import { findChat } from '../db/rows.js';
import type { AppDeps } from '../http/context.js';
import type { DetectionContext } from './entities.js';
import { redactChatBody, redactMessageBody } from './ingest.js';
import { redactorFor } from './policy-cache.js';

/** A Create Chat body as the organization's policy lets it be stored (and hashed for its Idempotency-Key). */
export async function redactedChatBody<T>(deps: AppDeps, organizationId: number, body: T): Promise<T> {
  return redactChatBody(await redactorFor(deps, organizationId), body);
}

// A chat's country and language, remembered for CONTEXT_TTL_MS: a bot sends a chat's messages in a
// burst, and reading the chat for each one cost a query per message. They are only hints for how a
// phone number written without +prefix reads, so a change of the chat's country is seen within a minute.
const CONTEXT_TTL_MS = 60_000;
const MAX_CONTEXTS = 10_000;
const contexts = new WeakMap<pg.Pool, Map<string, { context: DetectionContext; until: number }>>();

async function chatContext(deps: AppDeps, organizationId: number, chatId: number): Promise<DetectionContext> {
  let cache = contexts.get(deps.pool);
  if (!cache) contexts.set(deps.pool, (cache = new Map()));
  const id = `${organizationId}:${chatId}`;
  const now = Date.now();
  const cached = cache.get(id);
  if (cached && cached.until > now) return cached.context;
  const chat = await findChat(deps.db, organizationId, chatId);
  // An unknown chat gets no hints (its message is answered 404 anyway), and is not remembered.
  if (!chat) return {};
  const context = { country: chat.countryCode, language: chat.languageCode };
  if (cache.size >= MAX_CONTEXTS) cache.clear();
  cache.set(id, { context, until: now + CONTEXT_TTL_MS });
  return context;
}

/**
 * An Add Message body as the policy lets it be stored. The chat's country and language are looked
 * up only when the content could hold a phone number (the one type whose detection reads them).
 */
export async function redactedMessageBody<T extends { content: string }>(deps: AppDeps, organizationId: number, chatId: number, body: T): Promise<T> {
  const redactor = await redactorFor(deps, organizationId);
  if (!redactor.active) return body;
  const context = redactor.usesContext(body.content) ? await chatContext(deps, organizationId, chatId) : {};
  return redactMessageBody(redactor, body, context);
}
