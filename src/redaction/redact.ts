// Redaction of free text: every detector runs, overlapping findings are resolved (the earliest
// start wins, then the longest), and each finding whose type the policy does not keep is replaced
// by "[type]" (mask) or "[type:pseudonym]" (pseudonymize). Runs before anything is written, so the
// original never reaches a table, a log line, an idempotency answer or an export.
import crypto from 'node:crypto';
import { findEmails, findIpAddresses, findPhones } from './detect-contacts.js';
import { findIbans, findNationalIds, findPaymentCards } from './detect-numbers.js';
import { ENTITY_TYPES, type DetectionContext, type EntityType, type Finding, type RedactionPolicy } from './entities.js';

const DETECTORS: Record<EntityType, (text: string, context: DetectionContext) => Finding[]> = {
  email: findEmails,
  phone: findPhones,
  iban: findIbans,
  payment_card: findPaymentCards,
  national_id: findNationalIds,
  ip_address: findIpAddresses,
};

// The fewest digits a value of each type has (a NINO has 6; IPv6 "fe80::1" has 3).
const MIN_DIGITS: Record<EntityType, number> = { email: 0, phone: 6, iban: 12, payment_card: 13, national_id: 6, ip_address: 1 };

const MAX_MIN_DIGITS = Math.max(...Object.values(MIN_DIGITS));
// An IPv4 address has a digit, a dot and a digit; an IPv6 address has a colon.
const IPV4_HINT = /\d\.\d/;

/** How many ASCII digits `text` holds, counting up to `enough` (no array of matches made). */
function digitCount(text: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

// When two findings overlap, the more specific type wins at equal extent (a card number can also
// parse as a phone number; an IBAN's digits as a national id).
const PRIORITY: EntityType[] = ['email', 'iban', 'payment_card', 'national_id', 'ip_address', 'phone'];

/** Every entity in `text` of the given types, without overlaps, in order. */
export function findEntities(text: string, types: readonly EntityType[] = ENTITY_TYPES, context: DetectionContext = {}): Finding[] {
  // Cheap first: an e-mail address needs an @, every other type at least a few digits (most of what
  // employees write to an HR bot has neither, and then no detector runs).
  const digits = digitCount(text, MAX_MIN_DIGITS);
  const candidates = types.filter((type) =>
    type === 'email' ? text.includes('@') : digits >= MIN_DIGITS[type] && (type !== 'ip_address' || text.includes(':') || IPV4_HINT.test(text)),
  );
  // Phone numbers last, outside the values already found: parsing is their detector's cost, and the
  // digits of an IBAN or a card number, which win over a phone number inside them, need none.
  const all = candidates.filter((type) => type !== 'phone').flatMap((type) => DETECTORS[type](text, context));
  if (candidates.includes('phone')) all.push(...findPhones(text, context, all));
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type));
  const kept: Finding[] = [];
  for (const finding of all) {
    if (kept.length && finding.start < kept[kept.length - 1].end) continue;
    kept.push(finding);
  }
  return kept;
}

/** A stable pseudonym for a value within one organization: 8 hex digits of an HMAC under its key. */
export function pseudonym(key: Buffer, type: EntityType, normalized: string): string {
  return crypto.createHmac('sha256', key).update(`${type}\u0000${normalized}`).digest('hex').slice(0, 8);
}

export interface Redactor {
  /** The text with every entity the policy does not keep replaced; the same string when none. */
  redact(text: string, context?: DetectionContext): string;
  /** The same for a URL: its query and fragment like any text, the part before them for e-mail addresses only. */
  redactUrl(url: string, context?: DetectionContext): string;
  /** Whether any type is redacted at all (a policy that keeps everything skips detection). */
  readonly active: boolean;
  /** Whether redacting `text` may depend on the DetectionContext (a phone number may be in it). */
  usesContext(text: string): boolean;
}

/** A redactor for one organization's policy; `key` makes its pseudonyms (never shared across organizations). */
export function createRedactor(policy: RedactionPolicy, key: Buffer): Redactor {
  const types = ENTITY_TYPES.filter((type) => (policy[type] ?? 'keep') !== 'keep');
  const phones = types.includes('phone');
  const emailOnly = types.filter((type) => type === 'email');
  return {
    active: types.length > 0,
    usesContext: (text) => phones && digitCount(text, MIN_DIGITS.phone) >= MIN_DIGITS.phone,
    redact: (text, context = {}) => replaceEntities(text, types, context),
    redactUrl(url, context = {}) {
      // The address up to its path (scheme, user, host, path) holds record ids ("/transcripts/
      // 482913374" reads as a valid BSN one time in eleven) but hardly ever personal data other than
      // an e-mail address; the query and the fragment are free text like any other.
      const split = url.search(/[?#]/);
      const head = split < 0 ? url : url.slice(0, split);
      const tail = split < 0 ? '' : url.slice(split);
      // Segment by segment: the e-mail pattern allows a / in an address, and would take the host and
      // the path before one for its local part.
      const path = head.split('/').map((segment) => replaceEntities(segment, emailOnly, context)).join('/');
      return path + replaceEntities(tail, types, context);
    },
  };

  function replaceEntities(text: string, of: readonly EntityType[], context: DetectionContext): string {
    if (of.length === 0 || text.length === 0) return text;
    const findings = findEntities(text, of, context);
    if (findings.length === 0) return text;
    let out = '';
    let at = 0;
    for (const f of findings) {
      const replacement = policy[f.type] === 'pseudonymize' ? `[${f.type}:${pseudonym(key, f.type, f.normalized)}]` : `[${f.type}]`;
      out += text.slice(at, f.start) + replacement;
      at = f.end;
    }
    return out + text.slice(at);
  }
}
