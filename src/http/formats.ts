// Custom Ajv formats, so that every check of a field lives in its schema (and shows in the
// OpenAPI document) and fails with the same kind of message.
import net from 'node:net';
import countries from 'i18n-iso-countries';
import { iso6392 } from 'iso-639-2';
import { iso6393 } from 'iso-639-3';

// i18n-iso-countries also lists XK (Kosovo), a user-assigned code that ISO 3166-1 does not assign.
const COUNTRY_CODES = new Set(Object.keys(countries.getAlpha2Codes()).filter((code) => code !== 'XK'));

// ISO 639-1 (two letters), ISO 639-2 bibliographic and terminologic codes, and ISO 639-3. The
// 639-2 range "qaa-qtz" is reserved for local use, not assigned.
const LANGUAGE_CODES = new Set<string>();
for (const lang of iso6392) {
  if (/^[a-z]{3}$/.test(lang.iso6392B)) LANGUAGE_CODES.add(lang.iso6392B);
  if (lang.iso6392T) LANGUAGE_CODES.add(lang.iso6392T);
  if (lang.iso6391) LANGUAGE_CODES.add(lang.iso6391);
}
for (const lang of iso6393) {
  LANGUAGE_CODES.add(lang.iso6393);
  if (lang.iso6391) LANGUAGE_CODES.add(lang.iso6391);
}

export const isCountryCode = (value: string) => COUNTRY_CODES.has(value.toUpperCase());
export const isLanguageCode = (value: string) => LANGUAGE_CODES.has(value.toLowerCase());

export const TAG_MAX_LENGTH = 64;

/** A tag as stored: trimmed, NFC-normalized (so that visually equal tags are one) and lowercased. */
export const normalizeTag = (tag: string) => tag.trim().normalize('NFC').toLowerCase();

export const FORMATS: Record<string, (value: string) => boolean> = {
  'iso3166-alpha2': isCountryCode,
  iso639: isLanguageCode,
  // An address, not an interface: IPv6 zone ids ("fe80::1%eth0") are refused.
  ip: (value) => net.isIP(value) !== 0 && !value.includes('%'),
  // Stored as sent, so it must be a URL as written: http(s)://host..., no white space anywhere
  // (the URL parser would silently strip or repair what a browser could not open as written).
  'http-url': (value) => {
    if (!/^https?:\/\/[^\s/?#]/i.test(value) || /\s/.test(value) || !URL.canParse(value)) return false;
    return new URL(value).hostname !== '';
  },
  // Organization slugs appear in URLs: lowercase letters, digits and single inner hyphens.
  slug: (value) => value.length <= 50 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value),
  // A tag is 1–64 characters in its stored form (lowercasing can lengthen a few characters).
  tag: (value) => {
    const length = [...normalizeTag(value)].length;
    return length >= 1 && length <= TAG_MAX_LENGTH;
  },
};

export const FORMAT_MESSAGES: Record<string, string> = {
  'iso3166-alpha2': 'must be an assigned ISO 3166-1 alpha-2 country code, such as "NL"',
  iso639: 'must be an ISO 639-1 (two letters, such as "tr") or ISO 639-2/639-3 (three letters) language code',
  ip: 'must be an IPv4 or IPv6 address',
  'http-url': 'must be an absolute http:// or https:// URL',
  tag: `must be 1 to ${TAG_MAX_LENGTH} characters long after trimming white space`,
  slug: 'must be 1 to 50 lowercase letters, digits and single hyphens, such as "acme-hr"',
  email: 'must be a valid e-mail address',
  'date-time': 'must be an ISO 8601 date-time with a time zone, such as "2026-01-31T12:00:00Z"',
};
