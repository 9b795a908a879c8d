// The analytics tests' data: random chats for several organizations (missing fields, messages,
// updates and deletes after the fact), from a seeded generator so that a failure can be replayed
// (ANALYTICS_SEED). Each test file that imports it gets its own generator and database.
import { expect } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, NO_RATE_LIMITS, postChat, signUp, type SignedUp, type TestContext } from './app.js';
import type { AppOptions } from '../../src/app.js';

export const SEED = Number(process.env.ANALYTICS_SEED ?? 20261125);
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const rand = mulberry32(SEED);
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const maybe = <T>(value: T, p = 0.75): T | undefined => (rand() < p ? value : undefined);
export const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

export const ZONES = ['UTC', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
export const CATEGORIES = ['leave', 'payroll', 'benefits', 'onboarding'];
export const SENTIMENTS = ['positive', 'neutral', 'negative'];
export const BOT_VERSIONS = ['2.3.0', '2.3.1', '2.4.0'];
export const COUNTRIES = ['NL', 'TR', 'AE', 'GB', 'US'];
export const LANGUAGES = ['nl', 'tr', 'ar', 'en'];
export const TAGS = ['leave', 'pto', 'payroll', 'urgent', 'vip'];
export const DAY = 86_400_000;
export const NOW = Date.now();

export interface Row {
  organization_id: number;
  id: number;
  user_id: number | null;
  title: string | null;
  tags: string[];
  created_at: Date;
  avg_response_time: number | null;
  bot_version: string | null;
  country_code: string | null;
  language_code: string | null;
  is_escalated: boolean | null;
  is_forwarded_to_hr: boolean | null;
  question_category: string | null;
  sentiment: string | null;
  token_count: number | null;
  user_rating: number | null;
}


function randomChat() {
  return {
    title: maybe(`chat ${int(1, 1000)}`),
    tags: maybe(TAGS.filter(() => rand() < 0.3)),
    user_id: maybe(int(1, 40)),
    created_at: new Date(NOW - Math.floor(rand() * 70 * DAY) - 60_000).toISOString(),
    metadata: {
      avg_response_time: maybe(Math.round(rand() * 8000) / 1000),
      bot_version: maybe(pick(BOT_VERSIONS)),
      country_code: maybe(pick(COUNTRIES)),
      language_code: maybe(pick(LANGUAGES)),
      is_escalated: maybe(rand() < 0.2),
      is_forwarded_to_hr: maybe(rand() < 0.1),
      question_category: maybe(pick(CATEGORIES)),
      sentiment: maybe(pick(SENTIMENTS)),
      token_count: maybe(int(0, 3000)),
      user_rating: maybe(int(1, 5), 0.5),
    },
  };
}

async function seedOrganization(t: TestContext, o: SignedUp, chats: number) {
  const key = (await createApiKey(t.app, o.token)).key;
  const ids: number[] = [];
  for (let i = 0; i < chats; i++) {
    const res = await postChat(t.app, key, randomChat());
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().chat_id);
    for (let m = int(0, 3); m > 0; m--) {
      await t.app.inject({ method: 'POST', url: `/api/v1/chats/${res.json().chat_id}/messages`, headers: apiKeyHeaders(key), payload: { role: pick(['user', 'assistant']), content: 'x' } });
    }
  }
  // Changes after the fact must move the numbers too: updates and deletes.
  for (const id of ids.filter(() => rand() < 0.15)) {
    await t.app.inject({ method: 'PATCH', url: `/api/v1/chats/${id}`, headers: apiKeyHeaders(key), payload: { metadata: { sentiment: pick([...SENTIMENTS, null]), user_rating: pick([1, 5, null]), is_escalated: pick([true, false, null]) }, add_tags: ['late'] } });
  }
  for (const id of ids.filter(() => rand() < 0.05)) {
    await t.app.inject({ method: 'DELETE', url: `/api/v1/chats/${id}`, headers: bearer(o.token) });
  }
}

export interface AnalyticsData {
  t: TestContext;
  /** The organization whose numbers the tests check. */
  org: SignedUp;
  /** Its chats rows, as stored. */
  rows: Row[];
  /** Messages per chat id. */
  messageCounts: Map<number, number>;
}

/** A test app with 260 random chats for one organization and 80 for another (that must never count). */
export async function seedAnalytics(options: Pick<AppOptions, 'rollupFold'> = {}): Promise<AnalyticsData> {
  const t = await createTestApp({ rateLimit: NO_RATE_LIMITS, ...options });
  const org = await signUp(t.app);
  await seedOrganization(t, org, 260);
  // Other organizations, with chats in the same hours: they must never count.
  await seedOrganization(t, await signUp(t.app), 80);
  return { t, org, ...(await storedRows(t, org.organization.id)) };
}

/** The organization's chats rows as stored, and its messages per chat. */
export async function storedRows(t: TestContext, organizationId: number): Promise<Pick<AnalyticsData, 'rows' | 'messageCounts'>> {
  const { rows } = await t.database.pool.query('SELECT * FROM chats WHERE organization_id = $1', [organizationId]);
  const { rows: counts } = await t.database.pool.query('SELECT chat_id, count(*)::int AS n FROM messages WHERE organization_id = $1 GROUP BY chat_id', [organizationId]);
  return { rows, messageCounts: new Map(counts.map((c: { chat_id: string; n: number }) => [Number(c.chat_id), c.n])) };
}

/**
 * One random write of the kinds the seed makes: a new chat (with messages), a message, an update
 * of rolled-up fields, or a delete (of an existing chat of `ids`, which it keeps up to date).
 */
export async function randomWrite(t: TestContext, o: SignedUp, key: string, ids: number[]): Promise<void> {
  const kind = ids.length === 0 ? 0 : int(0, 3);
  const id = ids[int(0, ids.length - 1)];
  let res;
  if (kind === 0) {
    res = await postChat(t.app, key, randomChat());
    ids.push(res.json().chat_id);
  } else if (kind === 1) {
    res = await t.app.inject({ method: 'POST', url: `/api/v1/chats/${id}/messages`, headers: apiKeyHeaders(key), payload: { role: 'user', content: 'x' } });
  } else if (kind === 2) {
    res = await t.app.inject({ method: 'PATCH', url: `/api/v1/chats/${id}`, headers: apiKeyHeaders(key), payload: { metadata: { sentiment: pick([...SENTIMENTS, null]), user_rating: pick([1, 5, null]), country_code: pick(COUNTRIES), bot_version: pick([...BOT_VERSIONS, null]) }, add_tags: [pick(TAGS)] } });
  } else {
    res = await t.app.inject({ method: 'DELETE', url: `/api/v1/chats/${id}`, headers: bearer(o.token) });
    ids.splice(ids.indexOf(id), 1);
  }
  expect(res.statusCode, res.body).toBeLessThan(300);
}
