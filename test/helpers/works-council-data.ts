// Data for the works-council tests: one organization's chats dense enough that many figures
// describe k or more people (30 end users and anonymous chats over the last 20 days) and sparse
// enough that many do not (rare values, a quiet day with two people, a lone user's category), with
// sets nested by coincidence (see chatOn).
// Seeded (WC_SEED) so that a failure can be replayed. The oracle's side: the chats rows as stored,
// and the figure sets of the API described as predicates over them.
import { expect } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, type SignedUp, type TestContext } from './app.js';
import type { Row } from './analytics-data.js';

export const WC_SEED = Number(process.env.WC_SEED ?? 20261203);
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(WC_SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const maybe = <T>(value: T, p = 0.85): T | undefined => (rand() < p ? value : undefined);

export const DAY = 86_400_000;
export const TODAY = Math.floor(Date.now() / DAY);
export const CATEGORIES = ['leave', 'payroll', 'benefits', 'grievance'];
export const SENTIMENTS = ['positive', 'neutral', 'negative'];
export const COUNTRIES = ['NL', 'DE', 'GB'];
export const LANGUAGES = ['nl', 'de', 'en'];
export const TAGS = ['leave', 'urgent', 'vip'];

// Nested by coincidence of the data: every Dutch-language chat comes from NL, every chat from NL is
// in Dutch, and every one of them is tagged vip but two people's (`planted`, below, tagged leave).
// So "country NL" = "language nl" contains "tag vip" though no filter says so, and differs from it
// by those two people, whom no single breakdown of NL singles out (their field values and their
// tag are shared with many). No other chat is tagged vip.
function chatOn(day: number, user: number | undefined, category?: string, planted = false) {
  const rare = rand() < 0.03;
  const language = planted ? 'nl' : maybe(pick(LANGUAGES));
  return {
    user_id: user,
    tags: planted ? ['leave'] : [...TAGS.filter((tag) => tag !== 'vip' && rand() < 0.3), ...(language === 'nl' ? ['vip'] : [])],
    // Mid-day, so that a UTC day holds it whatever the minute the test runs.
    created_at: new Date(day * DAY + 6 * 3_600_000 + Math.floor(rand() * 10 * 3_600_000)).toISOString(),
    metadata: {
      question_category: category ?? maybe(rare ? 'grievance' : pick(CATEGORIES.slice(0, 3))),
      sentiment: maybe(pick(SENTIMENTS)),
      country_code: language === 'nl' ? 'NL' : maybe(pick(COUNTRIES.filter((c) => c !== 'NL'))),
      language_code: language,
      is_escalated: maybe(rand() < 0.2),
      is_forwarded_to_hr: maybe(rand() < 0.1),
      user_rating: maybe(1 + Math.floor(rand() * 5), 0.5),
      token_count: maybe(Math.floor(rand() * 2000)),
      avg_response_time: maybe(Math.round(rand() * 5000) / 1000),
    },
  };
}

/** Posts the chats (in batches) and a few messages, then spreads the messages over the chats' days. */
export async function seedCouncilChats(t: TestContext, o: SignedUp, chats = 420, users = 30): Promise<void> {
  const key = (await createApiKey(t.app, o.token)).key;
  const bodies = [];
  for (let i = 0; i < chats; i++) {
    const day = TODAY - 1 - Math.floor(rand() * 20);
    // Users 1-30 (or `users`), a few of them far more active; about 8% of the chats anonymous.
    const user = rand() < 0.08 ? undefined : rand() < 0.3 ? 1 + Math.floor(rand() * 5) : 1 + Math.floor(rand() * users);
    bodies.push(chatOn(day, user));
  }
  bodies.push(chatOn(TODAY - 25, 7), chatOn(TODAY - 25, 8), chatOn(TODAY - 25, 8)); // a quiet day: two people
  // The only chats from NL without the vip tag: two people, every fourth day.
  for (let day = TODAY - 2; day > TODAY - 20; day -= 4) bodies.push(chatOn(day, 3, undefined, true), chatOn(day, 4, undefined, true));
  // One person's topic, near the old end of the data: every set that holds it is hidden (a breakdown
  // by category would show the rest), so it sits where fewer of the random ranges reach.
  bodies.push(chatOn(TODAY - 17, 99, 'relocation'), chatOn(TODAY - 19, 99, 'relocation'));
  const ids: number[] = [];
  for (let i = 0; i < bodies.length; i += 1000) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: apiKeyHeaders(key), payload: { chats: bodies.slice(i, i + 1000) } });
    expect(res.statusCode, res.body).toBe(207);
    for (const r of res.json().results as { status: number; chat_id: number }[]) {
      expect(r.status).toBe(201);
      ids.push(r.chat_id);
    }
  }
  // About 85 messages whatever the number of chats (each one a request).
  for (const id of ids.filter(() => rand() < Math.min(0.2, 85 / ids.length))) {
    const m = await t.app.inject({ method: 'POST', url: `/api/v1/chats/${id}/messages`, headers: apiKeyHeaders(key), payload: { role: pick(['user', 'assistant']), content: 'x' } });
    expect(m.statusCode, m.body).toBe(201);
  }
  // Messages are stamped with the time they arrive: give them their chat's day instead.
  await t.database.pool.query(
    'UPDATE messages m SET created_at = c.created_at FROM chats c WHERE c.organization_id = m.organization_id AND c.id = m.chat_id AND m.organization_id = $1',
    [o.organization.id],
  );
}

export const setCouncil = (t: TestContext, token: string, on: boolean, k = 5) =>
  t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: bearer(token), payload: { works_council: on, works_council_k: k } });

export async function storedRows(t: TestContext, organizationId: number): Promise<Row[]> {
  return (await t.database.pool.query('SELECT * FROM chats WHERE organization_id = $1', [organizationId])).rows;
}

// ---- figure sets as the oracle sees them ----

export type Field = 'question_category' | 'sentiment' | 'country_code' | 'language_code' | 'tag' | 'user_rating' | 'is_escalated' | 'is_forwarded_to_hr';
export const FIELDS: Field[] = ['question_category', 'sentiment', 'country_code', 'language_code', 'tag', 'user_rating', 'is_escalated', 'is_forwarded_to_hr'];
export type Cond = { field: Field; kind: 'eq'; value: string } | { field: Field; kind: 'null' } | { field: Field; kind: 'other'; top: string[] };
/** Chats of the days [from, to) (UTC day numbers) that meet every condition. */
export interface OracleSet {
  from: number;
  to: number;
  conds: Cond[];
}

const valuesOf = (row: Row, field: Field): string[] => {
  if (field === 'tag') return row.tags;
  const v = (row as unknown as Record<string, unknown>)[field];
  return v === null || v === undefined ? [] : [String(v)];
};

export function meets(row: Row, c: Cond): boolean {
  const values = valuesOf(row, c.field);
  if (c.kind === 'eq') return values.includes(c.value);
  if (c.kind === 'null') return values.length === 0;
  return values.some((v) => !c.top.includes(v));
}

export const dayOfRow = (row: Row) => Math.floor(new Date(row.created_at).getTime() / DAY);
export const rowsOf = (rows: Row[], s: OracleSet) => rows.filter((r) => dayOfRow(r) >= s.from && dayOfRow(r) < s.to && s.conds.every((c) => meets(r, c)));
/** Distinct end users; chats without a user id are one group of their own. */
export const usersOf = (rows: Row[]) => new Set(rows.map((r) => (r.user_id === null ? '' : String(r.user_id)))).size;

const condKey = (c: Cond) => JSON.stringify(c.kind === 'other' ? { ...c, top: [...c.top].sort() } : c);
/** a ⊆ b by their definitions: b's range holds a's, and b's conditions are some of a's. */
export const nestedIn = (a: OracleSet, b: OracleSet) =>
  b.from <= a.from && b.to >= a.to && b.conds.every((c) => a.conds.some((d) => condKey(c) === condKey(d)));

/** The breakdown's top values of a set of rows: by chats, then by value; at most 100. */
export function topOf(rows: Row[], field: Field): string[] {
  const n = new Map<string, number>();
  for (const r of rows) for (const v of valuesOf(r, field)) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, 100).map(([v]) => v);
}

export const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
