// Detectors for contact details: e-mail addresses (email-regex-safe: a known top-level domain is
// required, so "v1.2@build" is not one), phone numbers (libphonenumber-js with its full metadata: a
// number must be valid for its country; one written without +prefix is read in the chat's country),
// and IP addresses in text (ip-regex proposes, node:net confirms).
import emailRegexSafe from 'email-regex-safe';
import ipRegex from 'ip-regex';
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import net from 'node:net';
import type { DetectionContext, Finding } from './entities.js';

const EMAIL = emailRegexSafe({ gmail: false, utf8: true, localhost: false });

export function findEmails(text: string): Finding[] {
  return [...text.matchAll(new RegExp(EMAIL.source, 'gi'))].map((m) => ({
    type: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
    normalized: m[0].toLowerCase(),
  }));
}

// Where a number written without +prefix is most likely from, when the chat names no country.
const COUNTRIES_OF_LANGUAGE: Record<string, CountryCode[]> = {
  en: ['US', 'GB'], nl: ['NL', 'BE'], de: ['DE', 'AT', 'CH'], fr: ['FR', 'BE'], es: ['ES', 'MX'], pt: ['PT', 'BR'], it: ['IT'], pl: ['PL'], tr: ['TR'],
};

export function findPhones(text: string, context: DetectionContext): Finding[] {
  const country = context.country?.toUpperCase() as CountryCode | undefined;
  const countries: (CountryCode | undefined)[] = country ? [country] : (COUNTRIES_OF_LANGUAGE[context.language?.toLowerCase() ?? ''] ?? [undefined]);
  const found: Finding[] = [];
  for (const defaultCountry of countries) {
    for (const m of findPhoneNumbersInText(text, { defaultCountry })) {
      // A bare run of digits without + or a leading 0 is as likely an order or id number: not a phone.
      const written = text.slice(m.startsAt, m.endsAt);
      if (/^[1-9]\d*$/.test(written)) continue;
      if (m.number.isValid()) found.push({ type: 'phone', start: m.startsAt, end: m.endsAt, normalized: m.number.number });
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
