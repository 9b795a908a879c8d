// The works-council rule (src/analytics/works-council/guard.ts) by example, on cells built here:
// sets nested by coincidence of the data are compared like sets nested by definition, and
// "other" groups are never shown. The property over the API is test/works-council-property.test.ts.
import { describe, expect, it } from 'vitest';
import { Guard, type Cell, type Condition } from '../src/analytics/works-council/guard.js';

const WINDOW = { from: 100, to: 130 };
const NONE = { bot_version: null, question_category: null, sentiment: null, country_code: null, language_code: null, user_rating: null, is_escalated: null, is_forwarded_to_hr: null };
const cell = (day: number, user: string, values: Partial<Cell['values']>, tags: string[] = []): Cell => ({ day, user, n: 1, values: { ...NONE, ...values }, tags });
const eq = (dim: Condition['dim'], value: string): Condition => ({ dim, kind: 'eq', value });

/** Ten Dutch-language chats from NL on day 110 (ten people), and `extra` NL chats in English by other people. */
function data(extra: number): Cell[] {
  const dutch = Array.from({ length: 10 }, (_, i) => cell(110, `d${i}`, { country_code: 'NL', language_code: 'nl' }));
  const english = Array.from({ length: extra }, (_, i) => cell(110, `e${i}`, { country_code: 'NL', language_code: 'en', sentiment: 'positive' }));
  // Others elsewhere, so that dropping every filter adds many people.
  const others = Array.from({ length: 10 }, (_, i) => cell(110, `o${i}`, { country_code: 'DE', language_code: 'de' }));
  return [...dutch, ...english, ...others];
}

describe('sets nested by coincidence of the data', () => {
  const day = { from: 110, to: 111 };

  it('"language nl" is hidden when "country NL" holds all of its chats and 1..k-1 more people', () => {
    for (const extra of [1, 2, 4]) {
      const guard = new Guard(data(extra), 5, WINDOW);
      // No filter says that Dutch implies NL: the data does. NL minus nl = the `extra` people.
      expect(guard.check({ ...day, conditions: [eq('language_code', 'nl')] }), `${extra} more`).toBe('difference');
    }
  });

  it('is shown when the difference is 0 or at least k people', () => {
    for (const extra of [0, 5, 7]) {
      const guard = new Guard(data(extra), 5, WINDOW);
      expect(guard.check({ ...day, conditions: [eq('language_code', 'nl')] }), `${extra} more`).toBeNull();
    }
  });

  it('compares through shared values several conditions away: two filters against one other filter', () => {
    // Every Dutch chat with the vip tag comes from NL; NL holds two more people (tagged leave).
    const cells = [
      ...Array.from({ length: 8 }, (_, i) => cell(110, `v${i}`, { country_code: 'NL', language_code: 'nl', sentiment: 'neutral' }, ['vip', 'leave'])),
      cell(110, 'x', { country_code: 'NL', language_code: 'nl', sentiment: 'neutral' }, ['leave']),
      cell(110, 'y', { country_code: 'NL', language_code: 'nl', sentiment: 'neutral' }, ['leave']),
      ...Array.from({ length: 10 }, (_, i) => cell(110, `o${i}`, { country_code: 'DE', language_code: 'de' }, ['leave'])),
    ];
    const guard = new Guard(cells, 5, WINDOW);
    expect(guard.check({ ...day, conditions: [eq('tag', 'vip'), eq('language_code', 'nl')] })).toBe('difference');
    expect(guard.check({ ...day, conditions: [eq('country_code', 'NL')] })).toBeNull();
  });
});

describe('"other"', () => {
  it('is never shown in the mode, whatever its size', () => {
    const cells = Array.from({ length: 20 }, (_, i) => cell(110, `u${i}`, { question_category: `c${i % 2}` }));
    const guard = new Guard(cells, 5, WINDOW);
    expect(guard.check({ from: 110, to: 111, conditions: [{ dim: 'question_category', kind: 'other', top: new Set(['c0']) }] })).toBe('difference');
    expect(guard.check({ from: 110, to: 111, conditions: [eq('question_category', 'c1')] })).toBeNull();
  });
});

describe('the parts of a split (rule 3)', () => {
  // Day 110 only: no wider range adds anyone, so rule 2 never decides here.
  const day = { from: 110, to: 111 };
  const split = (small: number, tagged = false) => [
    ...Array.from({ length: small }, (_, i) => cell(110, `a${i}`, tagged ? {} : { question_category: 'pension' }, tagged ? ['rare'] : [])),
    ...Array.from({ length: 8 }, (_, i) => cell(110, `b${i}`, { question_category: 'leave' }, tagged ? ['common'] : [])),
  ];

  it('hides a total when the parts hidden for having 1..k-1 people add up to 1..k-1 (k−1 and 1 at the edges)', () => {
    for (const small of [1, 2, 4]) {
      expect(new Guard(split(small), 5, WINDOW).check({ ...day, conditions: [] }), `${small} in pension`).toBe('complement');
      expect(new Guard(split(small, true), 5, WINDOW).check({ ...day, conditions: [] }), `${small} tagged rare`).toBe('complement');
    }
  });

  it('shows it when the small parts are k or more people together, or there are none', () => {
    // Two small groups of 3: 6 ≥ 5 people hidden together.
    const two = [...split(3), ...Array.from({ length: 3 }, (_, i) => cell(110, `c${i}`, { question_category: 'payroll' }))];
    expect(new Guard(two, 5, WINDOW).check({ ...day, conditions: [] })).toBeNull();
    expect(new Guard(split(5), 5, WINDOW).check({ ...day, conditions: [] })).toBeNull();
    expect(new Guard(split(0), 5, WINDOW).check({ ...day, conditions: [] })).toBeNull();
  });

  it('counts a part\'s people, not its chats, and a chat without a user id as one group', () => {
    // Four chats in pension, all from one person; then four anonymous chats (one group, "").
    const repeat = [...Array.from({ length: 4 }, () => cell(110, 'a0', { question_category: 'pension' })), ...split(0)];
    expect(new Guard(repeat, 5, WINDOW).check({ ...day, conditions: [] })).toBe('complement');
    const anonymous = [...Array.from({ length: 4 }, () => cell(110, '', { question_category: 'pension' })), ...split(0)];
    expect(new Guard(anonymous, 5, WINDOW).check({ ...day, conditions: [] })).toBe('complement');
  });
});
