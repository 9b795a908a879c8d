// Detectors for contact details: e-mail addresses (email-regex-safe: a known top-level domain is
// required, so "v1.2@build" is not one), phone numbers (libphonenumber-js with its full metadata: a
// number must be valid for its country; one written without +prefix is read in the chat's country),
// and IP addresses in text (ip-regex proposes, node:net confirms).
import emailRegexSafe from 'email-regex-safe';
import ipRegex from 'ip-regex';
import { findPhoneNumbersInText, Metadata, type CountryCode } from 'libphonenumber-js/max';
import net from 'node:net';
import type { DetectionContext, Finding } from './entities.js';

const EMAIL = emailRegexSafe({ gmail: false, utf8: true, localhost: false });

// Characters that no e-mail address of the pattern holds (ASCII white space and punctuation that
// is neither in its local part nor in its domain): a match never spans one.
// Compiled once: made per call, the 8,000-character pattern was compiled per call too.
const EMAIL_GLOBAL = new RegExp(EMAIL.source, 'gi');
const NOT_IN_EMAIL = /[\t\n\v\f\r ,;:<>()[\]"\\]/;

/**
 * The pattern is a large alternation of top-level domains (~8,000 characters) and costs ~0.1 ms a
 * message when it scans a whole text; only the stretches between NOT_IN_EMAIL characters that hold
 * an @ can hold a match, so it scans those alone (the same matches, at a fraction of the cost).
 */
export function findEmails(text: string): Finding[] {
  const found: Finding[] = [];
  let searchedTo = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at < searchedTo) continue;
    let start = at;
    while (start > 0 && !NOT_IN_EMAIL.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && !NOT_IN_EMAIL.test(text[end])) end++;
    searchedTo = end;
    const stretch = text.slice(start, end);
    EMAIL_GLOBAL.lastIndex = 0;
    for (let m = EMAIL_GLOBAL.exec(stretch); m; m = EMAIL_GLOBAL.exec(stretch)) {
      found.push({ type: 'email', start: start + m.index, end: start + m.index + m[0].length, normalized: m[0].toLowerCase() });
    }
  }
  return found;
}

// Where a number written without +prefix is most likely from, when the chat names no country.
const COUNTRIES_OF_LANGUAGE: Record<string, CountryCode[]> = {
  en: ['US', 'GB'], nl: ['NL', 'BE'], de: ['DE', 'AT', 'CH'], fr: ['FR', 'BE'], es: ['ES', 'MX'], pt: ['PT', 'BR'], it: ['IT'], pl: ['PL'], tr: ['TR'],
};

const trunkZero = new Map<string, boolean>();
/** Whether national numbers of the country start with a trunk 0 (NL, DE, FR, GB…; not ES, IT, US…). */
function hasTrunkZero(country: CountryCode | undefined): boolean {
  if (!country) return true;
  let known = trunkZero.get(country);
  if (known === undefined) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    // nationalPrefix() is in the metadata class but not in its published types.
    known = (metadata.numberingPlan as unknown as { nationalPrefix(): string | undefined }).nationalPrefix() === '0';
    trunkZero.set(country, known);
  }
  return known;
}

/**
 * Whether digits that parse as a valid number are written the way people write phone numbers.
 * Order numbers, ids, dates and amounts often parse too, so: not glued to a word or a sign
 * ("ORD-0612…", "#0612…"), not a date or an amount, and starting with +, 00, ( or the trunk 0 — or,
 * in a country whose national numbers have no trunk 0 (Spain, Italy, North America…), written in
 * groups ("661 05 08 43", "415-555-2671").
 */
function writtenAsPhone(text: string, start: number, end: number, country: CountryCode | undefined): boolean {
  const written = text.slice(start, end);
  if (/[\w#/-]/.test(text[start - 1] ?? '')) return false;
  if (/^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/.test(written) || /\d[.,]\d{3}[.,]\d/.test(written)) return false;
  if (/^(\+|00|\(|0)/.test(written)) return true;
  return !hasTrunkZero(country) && /\d[-. ]\d/.test(written);
}

// A run of at least six digits as a phone number is written (groups split by spaces, dots, hyphens,
// slashes, brackets; a + in front): where a phone number can be.
const DIGIT_RUN = /\+?\d(?:[\s().\/-]{0,3}\d){5,}/g;
const SPACE = /\s/;

/**
 * The stretches of `text` that may hold a phone number: each digit run widened to the white space
 * around it (so that libphonenumber sees the same neighbouring characters as in the whole text,
 * which its checks of what comes before and after a number read), overlapping ones merged.
 * libphonenumber scans a whole text at ~30 µs a message; most of a message is words.
 */
function phoneWindows(text: string, claimed: readonly Finding[]): [number, number][] {
  const windows: [number, number][] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    // Digits inside a value another detector found (an IBAN's, a card's) are not a phone number:
    // that finding wins over a phone number within it (see findEntities).
    if (claimed.some((f) => f.start <= m.index && m.index + m[0].length <= f.end)) continue;
    let start = m.index;
    while (start > 0 && !SPACE.test(text[start - 1])) start--;
    start = Math.max(0, start - 1);
    let end = m.index + m[0].length;
    while (end < text.length && !SPACE.test(text[end])) end++;
    end = Math.min(text.length, end + 1);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

/** Phone numbers in `text`, outside the values in `claimed` (found by the other detectors). */
export function findPhones(text: string, context: DetectionContext, claimed: readonly Finding[] = []): Finding[] {
  const country = context.country?.toUpperCase() as CountryCode | undefined;
  const countries: (CountryCode | undefined)[] = country ? [country] : (COUNTRIES_OF_LANGUAGE[context.language?.toLowerCase() ?? ''] ?? [undefined]);
  const found: Finding[] = [];
  for (const [from, to] of phoneWindows(text, claimed)) {
    const window = text.slice(from, to);
    for (const defaultCountry of countries) {
      for (const m of findPhoneNumbersInText(window, { defaultCountry })) {
        const start = from + m.startsAt;
        const end = from + m.endsAt;
        if (!writtenAsPhone(text, start, end, m.number.country)) continue;
        if (m.number.isValid()) found.push({ type: 'phone', start, end, normalized: m.number.number });
      }
    }
  }
  return found;
}

// Without ip-regex's own boundaries (they want white space after an IPv6 address, so "fe80::1," is
// missed); instead a match glued to more of an address or a number ("1.2.3.4.5", "v10.0.0.1a") is dropped.
const IP = new RegExp(ipRegex().source, 'g');

export function findIpAddresses(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(IP)) {
    const value = match[0];
    const end = match.index + value.length;
    const before = text[match.index - 1] ?? '';
    const after = text[end] ?? '';
    if (/[\w.:]/.test(before) || /[\w:]/.test(after) || (after === '.' && /\w/.test(text[end + 1] ?? ''))) continue;
    if (net.isIP(value)) found.push({ type: 'ip_address', start: match.index, end, normalized: value.toLowerCase() });
  }
  return found;
}
