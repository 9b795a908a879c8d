// Which fields of the write API are free text, and their redaction. Called on every write path
// (Create Chat, both batch routes, Update Chat, Add Message) after the body is validated and before
// anything is hashed, queued or written, so the original of a redacted value reaches no table, log
// line, idempotency row (neither its answer nor its request hash), webhook payload or export.
//
// Free text: the chat's title and tags; of its metadata question_category, sentiment, session_id
// and transcript_link (strings the bot fills as it likes: an e-mail address as session id, a phone
// number in a category, a link whose query names the user); a message's content. Not free text:
// codes checked against a list (country_code, language_code), numbers, booleans, user_id (an integer),
// and ip_address, which the organization's ip_mode governs (full, truncated or none).
import { FREE_TEXT_FIELDS, LINK_FIELDS } from '../fields/chat-fields.js';
import type { DetectionContext } from './entities.js';
import type { Redactor } from './redact.js';

// Which metadata fields are free text is the registry's `freeText` (src/fields/chat-fields.ts): 'url'
// ones (transcript_link) are redacted as a URL (Redactor.redactUrl: its path holds record ids).
const TAG_FIELDS = ['tags', 'add_tags', 'remove_tags'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The chat's country and language as detection hints: those the body sends (null: none), else
 * `stored` (an update's chat as it is).
 */
function contextOf(metadata: unknown, stored: DetectionContext): DetectionContext {
  const sent = isObject(metadata) ? metadata : metadata === null ? { country_code: null, language_code: null } : {};
  const pick = (field: string, kept: string | null | undefined) => {
    const v = sent[field];
    return typeof v === 'string' || v === null ? v : kept;
  };
  return { country: pick('country_code', stored.country), language: pick('language_code', stored.language) };
}

/**
 * A Create Chat or Update Chat body with its free text redacted: a new object when the policy
 * redacts anything, else `body` itself. `stored`: the country and language of the chat being
 * updated (the body's own win).
 */
export function redactChatBody<T>(redactor: Redactor, body: T, stored: DetectionContext = {}): T {
  if (!redactor.active || !isObject(body)) return body;
  const context = contextOf(body.metadata, stored);
  const text = (v: unknown) => (typeof v === 'string' ? redactor.redact(v, context) : v);
  const out: Json = { ...body };
  if (out.title !== undefined) out.title = text(out.title);
  for (const field of TAG_FIELDS) if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).map(text);
  if (isObject(out.metadata)) {
    const metadata: Json = { ...out.metadata };
    for (const field of FREE_TEXT_FIELDS) if (metadata[field] !== undefined) metadata[field] = text(metadata[field]);
    for (const field of LINK_FIELDS) if (typeof metadata[field] === 'string') metadata[field] = redactor.redactUrl(metadata[field], context);
    out.metadata = metadata;
  }
  return out as T;
}

/** An Add Message body with its content redacted (`context`: its chat's country and language). */
export function redactMessageBody<T extends { content: string }>(redactor: Redactor, body: T, context: DetectionContext): T {
  if (!redactor.active) return body;
  return { ...body, content: redactor.redact(body.content, context) };
}
