// Detectors for the entity types that are numbers with a checksum: IBANs (ISO 13616 mod 97, with
// ibantools), payment cards (Luhn plus the card networks' prefixes and lengths, with card-validator)
// and national identity numbers (with stdnum: NL BSN (11-proof), DE Steuer-IdNr (ISO 7064),
// UK National Insurance number (format and prefix rules), US SSN (area/group/serial rules)).
// A regular expression proposes candidates; only a candidate that passes its library's check is a
// finding, which is what keeps order numbers, dates and amounts out.
import { countrySpecs, electronicFormatIBAN, isValidIBAN } from 'ibantools';
import cardValidator from 'card-validator';
import { stdnum } from 'stdnum';
import type { Finding } from './entities.js';


// Two letters, two check digits, then 11–30 letters or digits, optionally in groups split by a space.
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/gi;

export function findIbans(text: string): Finding[] {
  const found: Finding[] = [];
  const candidates = new RegExp(IBAN_CANDIDATE.source, 'gi');
  for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
    // The pattern may run on into the next IBAN: go on searching where this one's length ends.
    candidates.lastIndex = match.index + 1;
    const country = match[0].slice(0, 2).toUpperCase();
    const length = countrySpecs[country]?.chars;
    if (!length) continue;
    // The pattern may run on into the next word ("... 00 BETAALD"): take exactly the country's length.
    let taken = 0;
    let end = 0;
    for (; end < match[0].length && taken < length; end++) if (match[0][end] !== ' ') taken++;
    if (taken !== length) continue;
    const next = match[0][end] ?? text[match.index + end] ?? '';
    if (/[A-Za-z0-9]/.test(next) && match[0][end] !== ' ') continue; // a longer token, not an IBAN
    const iban = electronicFormatIBAN(match[0].slice(0, end)) ?? '';
    if (!isValidIBAN(iban)) continue;
    found.push({ type: 'iban', start: match.index, end: match.index + end, normalized: iban });
    candidates.lastIndex = match.index + end;
  }
  return found;
}

// 13–19 digits, optionally in groups split by one space or hyphen, not part of a longer run of
// digits or of a word (the digits inside an IBAN are not a card).
const CARD_CANDIDATE = /(?<![\w.,-])\d(?:[ -]?\d){12,18}(?![ -]?\d|[.,]\d)/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function findPaymentCards(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(CARD_CANDIDATE)) {
    // The digits after an IBAN's country and check digits ("DE89 6188 …") are an IBAN's, even when
    // its checksum fails.
    if (/[A-Z]{2}\d{2} ?$/i.test(text.slice(Math.max(0, match.index - 5), match.index))) continue;
    const digits = match[0].replace(/\D/g, '');
    // Luhn first: card-validator's look-up of the card networks is the costly part, and most runs of
    // 13–19 digits (references, a failed card number) fail the checksum.
    if (luhnValid(digits) && cardValidator.number(digits).isValid) found.push({ type: 'payment_card', start: match.index, end: match.index + match[0].length, normalized: digits });
  }
  return found;
}

interface IdRule {
  pattern: RegExp;
  valid: (value: string) => boolean;
}

const isValid = (validator: { validate: (value: string) => { isValid: boolean } }) => (value: string) => validator.validate(value).isValid;

const ID_RULES: IdRule[] = [
  // US SSN only as written with separators (123-45-6789): nine bare digits are read as a BSN.
  { pattern: /(?<![\w-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w-])/g, valid: isValid(stdnum.US.ssn) },
  // NL BSN: nine digits, or 1234.56.789.
  { pattern: /(?<![\w.-])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\w-]|\.\d)/g, valid: isValid(stdnum.NL.bsn) },
  // DE Steuer-IdNr: eleven digits, or 12 345 678 901.
  { pattern: /(?<![\w.-])(?:\d{11}|\d{2} \d{3} \d{3} \d{3})(?![\w-]|\.\d)/g, valid: isValid(stdnum.DE.idnr) },
  // UK NINO: two letters, six digits, a letter A–D; often written in pairs (QQ 12 34 56 C).
  { pattern: /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi, valid: (v) => isValid(stdnum.GB.nino)(v.toUpperCase()) },
];

export function findNationalIds(text: string): Finding[] {
  const found: Finding[] = [];
  for (const rule of ID_RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      const compact = match[0].replace(/[\s.-]/g, '').toUpperCase();
      if (rule.valid(compact)) found.push({ type: 'national_id', start: match.index, end: match.index + match[0].length, normalized: compact });
    }
  }
  return found;
}
