// Redaction at ingest, per entity type: values that must be found (in several languages and the
// ways people write them) and near-misses that must stay (wrong checksums, order numbers, dates,
// amounts, versions). The engine's precision and recall on a planted corpus is bench/redaction.ts.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DetectionContext, EntityType } from '../src/redaction/entities.js';
import { createRedactor, findEntities } from '../src/redaction/redact.js';

const found = (text: string, context: DetectionContext = {}) => findEntities(text, undefined, context).map((f) => [f.type, text.slice(f.start, f.end)]);

interface Case {
  type: EntityType;
  valid: [string, string, DetectionContext?][]; // [text, the value in it, context]
  nearMisses: [string, DetectionContext?][];
}

const CASES: Case[] = [
  {
    type: 'email',
    valid: [
      ['Mail me at jan.de.vries@example.nl please', 'jan.de.vries@example.nl'],
      ['Meine Adresse: jürgen.müller@beispiel.de.', 'jürgen.müller@beispiel.de'],
      ['écrivez à marie+rh@entreprise.fr, merci', 'marie+rh@entreprise.fr'],
      ['Mi correo es ANA.GARCIA@Correo.ES', 'ANA.GARCIA@Correo.ES'],
    ],
    nearMisses: [['release v1.2@build 7'], ['ping user@localhost'], ['twitter handle @jan_devries'], ['a@b is not an address'], ['mail at example dot com']],
  },
  {
    type: 'phone',
    valid: [
      ['Bel me op 06 12345678', '06 12345678', { language: 'nl' }],
      ['Rufen Sie mich an: +49 30 1234567', '+49 30 1234567'],
      ['Mon numéro : 06 12 34 56 78', '06 12 34 56 78', { country: 'FR' }],
      ['teléfono +34 612 34 56 78', '+34 612 34 56 78'],
      ['call (415) 555-2671 after 5', '(415) 555-2671', { country: 'US' }],
    ],
    nearMisses: [
      ['ticket 4155552671 is closed', { country: 'US' }],
      ['on 2024-11-05 at 10:30', { country: 'NL' }],
      ['salary 3.450,00 euro', { country: 'DE' }],
      ['+1 000 000 0000', {}],
    ],
  },
  {
    type: 'iban',
    valid: [
      ['Mijn IBAN is NL91 ABNA 0417 1643 00.', 'NL91 ABNA 0417 1643 00'],
      ['IBAN: DE89370400440532013000 bitte', 'DE89370400440532013000'],
      ['mon IBAN FR14 2004 1010 0505 0001 3M02 606 pour le salaire', 'FR14 2004 1010 0505 0001 3M02 606'],
      ['GB29 NWBK 6016 1331 9268 19 is my account', 'GB29 NWBK 6016 1331 9268 19'],
    ],
    nearMisses: [['NL91 ABNA 0417 1643 01 (one digit off)'], ['DE89370400440532013001'], ['code XX12 3456 7890 1234 56'], ['NL91 ABNA 0417 16']],
  },
  {
    type: 'payment_card',
    valid: [
      ['card 4111 1111 1111 1111, exp 12/27', '4111 1111 1111 1111'],
      ['Mi tarjeta 5500-0000-0000-0004', '5500-0000-0000-0004'],
      ['Amex 378282246310005 bitte sperren', '378282246310005'],
    ],
    nearMisses: [['order 4111111111111112 shipped'], ['reference 1234 5678 9012 3456'], ['serial 0000000000000']],
  },
  {
    type: 'national_id',
    valid: [
      ['Mijn BSN is 111222333', '111222333'],
      ['BSN 1112.22.333 graag', '1112.22.333'],
      ['Meine Steuer-ID ist 36574261809', '36574261809'],
      ['Steuer-IdNr 36 574 261 809', '36 574 261 809'],
      ['My NI number is AB 12 34 56 C', 'AB 12 34 56 C'],
      ['NINO ab123456c', 'ab123456c'],
      ['SSN 536-90-4399 for payroll', '536-90-4399'],
    ],
    nearMisses: [
      ['BSN 111222334 (typo)'],
      ['Steuer-ID 36574261808'],
      ['NI QQ 12 34 56 C'],
      ['SSN 000-12-3456'],
      ['SSN 666-12-3456'],
      ['phone 0612345678 is not a BSN'],
    ],
  },
  {
    type: 'ip_address',
    valid: [
      ['my laptop is 192.168.1.20', '192.168.1.20'],
      ['VPN fe80::1, then 10.0.0.1.', 'fe80::1'],
      ['adresse 2001:db8::8a2e:370:7334 bloquée', '2001:db8::8a2e:370:7334'],
    ],
    nearMisses: [['version 1.2.3.4.5'], ['at 10:30:00'], ['999.1.1.1 is not an address'], ['build v10.0.0.1a']],
  },
];

describe('redaction: each entity type', () => {
  for (const { type, valid, nearMisses } of CASES) {
    describe(type, () => {
      for (const [text, value, context] of valid) {
        it(`finds ${JSON.stringify(value)} in ${JSON.stringify(text)}`, () => {
          expect(found(text, context)).toContainEqual([type, value]);
        });
      }
      for (const [text, context] of nearMisses) {
        it(`finds no ${type} in ${JSON.stringify(text)}`, () => {
          expect(found(text, context).filter(([t]) => t === type)).toEqual([]);
        });
      }
    });
  }
});

describe('redaction: the redactor', () => {
  const key = crypto.randomBytes(32);
  const text = 'IBAN NL91 ABNA 0417 1643 00, mail jan@example.nl, again jan@example.nl, BSN 111222333';

  it('masks what the policy masks and keeps the rest', () => {
    const redactor = createRedactor({ iban: 'mask', email: 'mask' }, key);
    expect(redactor.redact(text)).toBe('IBAN [iban], mail [email], again [email], BSN 111222333');
  });

  it('gives the same value the same pseudonym within an organization, and another one elsewhere', () => {
    const ours = createRedactor({ email: 'pseudonymize' }, key).redact(text);
    const [first, second] = ours.match(/\[email:[0-9a-f]{8}\]/g)!;
    expect(first).toBe(second);
    expect(ours).not.toContain('jan@example.nl');
    const theirs = createRedactor({ email: 'pseudonymize' }, crypto.randomBytes(32)).redact(text);
    expect(theirs.match(/\[email:[0-9a-f]{8}\]/)![0]).not.toBe(first);
  });

  it('a policy that keeps everything leaves the text untouched and is inactive', () => {
    const redactor = createRedactor({ email: 'keep' }, key);
    expect(redactor.active).toBe(false);
    expect(redactor.redact(text)).toBe(text);
  });

  it('resolves overlaps: a card number is a card, not a phone number', () => {
    expect(found('card 4111 1111 1111 1111', { country: 'US' })).toEqual([['payment_card', '4111 1111 1111 1111']]);
  });
});
