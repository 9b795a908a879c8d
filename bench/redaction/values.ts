// Generated personal data for the redaction corpus: valid values of each entity type (by the rules
// of each numbering scheme, not by asking the detectors) and near-misses that look alike but are not
// (one check digit off, order numbers, dates, amounts, versions).
import { composeIBAN, isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { Random } from '../../src/demo/random.js';

const digits = (r: Random, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
const letters = (r: Random, n: number, from = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') => Array.from({ length: n }, () => r.pick([...from])).join('');

function luhnDigit(partial: string): number {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function groups(value: string, size: number, sep: string): string {
  return value.match(new RegExp(`.{1,${size}}`, 'g'))!.join(sep);
}

const FIRST = ['jan', 'anna', 'jürgen', 'marie', 'lucía', 'pieter', 'sophie', 'tom', 'fatima', 'lukas'];
const LAST = ['devries', 'müller', 'dupont', 'garcía', 'smith', 'jansen', 'bakker', 'schmidt', 'martin', 'lopez'];
const DOMAINS = ['example.nl', 'beispiel.de', 'entreprise.fr', 'correo.es', 'company.co.uk', 'mail.com', 'hr-portal.eu'];

export function email(r: Random): string {
  const local = `${r.pick(FIRST)}${r.pick(['.', '_', '', '+hr.'])}${r.pick(LAST)}${r.chance(0.3) ? r.int(1, 99) : ''}`;
  const value = `${local}@${r.pick(DOMAINS)}`;
  return r.chance(0.1) ? value.toUpperCase() : value;
}

export function phone(r: Random, country: CountryCode, international = false): string {
  // Draw national numbers until one is valid in the country's numbering plan (libphonenumber's
  // metadata is the authority on what a valid number is), then write it as people do.
  const lead: Record<string, string[]> = { NL: ['6', '20', '10', '30'], DE: ['30', '89', '151', '170'], FR: ['6', '7', '1'], ES: ['6', '91'], GB: ['7', '20'], US: ['415', '212', '646'] };
  const length: Record<string, number> = { NL: 9, DE: 10, FR: 9, ES: 9, GB: 10, US: 10 };
  for (;;) {
    const start = r.pick(lead[country]);
    const national = start + digits(r, length[country] - start.length);
    const parsed = parsePhoneNumberFromString(national, country);
    if (!parsed?.isValid()) continue;
    const style = international ? r.pick([0, 2]) : r.int(0, 2);
    return style === 0 ? parsed.formatInternational() : style === 1 ? parsed.formatNational() : parsed.number;
  }
}

const BBAN: Record<string, (r: Random) => string> = {
  NL: (r) => letters(r, 4) + digits(r, 10),
  DE: (r) => digits(r, 18),
  FR: (r) => digits(r, 10) + letters(r, 11, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ') + digits(r, 2),
  ES: (r) => digits(r, 20),
  GB: (r) => letters(r, 4) + digits(r, 14),
  BE: (r) => digits(r, 12),
};

export function iban(r: Random): string {
  for (;;) {
    const countryCode = r.pick(Object.keys(BBAN));
    // A random BBAN has the right shape, but some countries (BE, ES, FR...) also put national
    // check digits in it, which ibantools checks: draw until it passes them.
    const value = composeIBAN({ countryCode, bban: BBAN[countryCode](r) });
    if (value && isValidIBAN(value)) return r.chance(0.6) ? groups(value, 4, ' ') : value;
  }
}

export function paymentCard(r: Random): string {
  const [prefix, length] = r.pick([['4', 16], ['51', 16], ['55', 16], ['2221', 16], ['34', 15], ['37', 15]] as const);
  const partial = prefix + digits(r, length - prefix.length - 1);
  const value = partial + luhnDigit(partial);
  const style = r.int(0, 2);
  if (style === 0) return value;
  return length === 15 ? `${value.slice(0, 4)} ${value.slice(4, 10)} ${value.slice(10)}` : groups(value, 4, style === 1 ? ' ' : '-');
}

/** A valid value of a scheme with a check digit that catches every single-digit error. */
export function checksummed(r: Random): string {
  switch (r.int(0, 3)) {
    case 0: return iban(r);
    case 1: return paymentCard(r);
    case 2: return bsn(r);
    default: return steuerId(r);
  }
}

function bsn(r: Random): string {
  for (;;) {
    const partial = String(r.int(1, 9)) + digits(r, 7);
    const sum = [...partial].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
    const check = sum % 11;
    if (check < 10) return partial + check;
  }
}

function steuerId(r: Random): string {
  // Ten digits, the first not 0, exactly one digit twice (or three times) and the rest once; then
  // the ISO 7064 MOD 11,10 check digit.
  for (;;) {
    const body = String(r.int(1, 9)) + digits(r, 9);
    const counts = new Map<string, number>();
    for (const d of body) counts.set(d, (counts.get(d) ?? 0) + 1);
    const repeated = [...counts.values()].filter((c) => c > 1);
    if (repeated.length !== 1 || repeated[0] > 3) continue;
    let product = 10;
    for (const d of body) {
      let sum = (Number(d) + product) % 10;
      if (sum === 0) sum = 10;
      product = (sum * 2) % 11;
    }
    const check = (11 - product) % 10;
    return body + check;
  }
}

function nino(r: Random): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  for (;;) {
    const prefix = letters(r, 1, first) + letters(r, 1, second);
    if (['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(prefix)) continue;
    const value = `${prefix}${digits(r, 6)}${letters(r, 1, 'ABCD')}`;
    return r.chance(0.5) ? `${value.slice(0, 2)} ${value.slice(2, 4)} ${value.slice(4, 6)} ${value.slice(6, 8)} ${value[8]}` : value;
  }
}

function ssn(r: Random): string {
  for (;;) {
    const area = r.int(1, 899);
    if (area === 666) continue;
    return `${String(area).padStart(3, '0')}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`;
  }
}

export function nationalId(r: Random, language: string): string {
  const kind = language === 'nl' ? 'bsn' : language === 'de' ? 'idnr' : language === 'en' ? r.pick(['nino', 'ssn']) : r.pick(['bsn', 'idnr', 'nino', 'ssn']);
  if (kind === 'bsn') {
    const value = bsn(r);
    return r.chance(0.3) ? `${value.slice(0, 4)}.${value.slice(4, 6)}.${value.slice(6)}` : value;
  }
  if (kind === 'idnr') {
    const value = steuerId(r);
    return r.chance(0.3) ? `${value.slice(0, 2)} ${value.slice(2, 5)} ${value.slice(5, 8)} ${value.slice(8)}` : value;
  }
  return kind === 'nino' ? nino(r) : ssn(r);
}

export function ipAddress(r: Random): string {
  if (r.chance(0.75)) return [r.int(1, 223), r.int(0, 255), r.int(0, 255), r.int(1, 254)].join('.');
  return `2001:db8:${r.int(0, 0xffff).toString(16)}::${r.int(1, 0xffff).toString(16)}`;
}

/** A value that looks like one of the entity types but is not: none of them may be found in it. */
export function nearMiss(r: Random, checksummed: (() => string) | null): string {
  switch (r.int(checksummed ? 0 : 1, 9)) {
    case 0: {
      // One digit of a valid IBAN, card number, BSN or Steuer-ID changed: its checksum fails.
      const value = checksummed!();
      const at = [...value].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
      const i = r.pick(at);
      return value.slice(0, i) + ((Number(value[i]) + r.int(1, 9)) % 10) + value.slice(i + 1);
    }
    case 1:
      return `${r.int(2019, 2026)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    case 2:
      return `${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;
    case 3:
      return `${r.int(1, 9)}.${r.int(100, 999)}.${r.int(100, 999)},${r.int(10, 99)}`;
    case 4:
      return `v${r.int(1, 20)}.${r.int(0, 20)}.${r.int(0, 99)}`;
    case 5:
      // A reference number: with a #, or bare with a length no identifier of ours has.
      return r.chance(0.5) ? `#${digits(r, r.int(5, 8))}` : String(r.int(1, 9)) + digits(r, r.pick([5, 6, 7, 9, 11]));
    case 6:
      return `ORD-${digits(r, r.int(6, 12))}`;
    case 7:
      return `@${r.pick(FIRST)}_${r.pick(LAST)}`;
    case 8:
      return `${r.int(1, 31)}/${r.int(1, 12)}/${r.int(2020, 2026)}`;
    default:
      return `${r.int(10, 9999)} EUR`;
  }
}

