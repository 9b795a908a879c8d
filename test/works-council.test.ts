// Works-council mode, example by example: the reasons a figure is hidden, the organization's k,
// the filters the mode refuses (400 naming the field), another organization's chats and settings
// (never counted, never changed), the mode off as before, and alerts without figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, NO_RATE_LIMITS, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { dateOf, DAY, setCouncil, TODAY } from './helpers/works-council-data.js';

let t: TestContext;
let org: SignedUp;
let other: SignedUp;
const D = TODAY - 2;

const chat = (day: number, user: number, category: string) => ({
  user_id: user,
  created_at: new Date(day * DAY + 12 * 3_600_000).toISOString(),
  metadata: { question_category: category },
});
// Day D: users 1-6 about payroll, users 1-3 about leave. Day D-3: users 7 and 8 about payroll.
const CHATS = [
  ...[1, 2, 3, 4, 5, 6].map((u) => chat(D, u, 'payroll')),
  ...[1, 2, 3].map((u) => chat(D, u, 'leave')),
  chat(D - 3, 7, 'payroll'),
  chat(D - 3, 8, 'payroll'),
];

async function post(o: SignedUp, chats: unknown[]) {
  const key = (await createApiKey(t.app, o.token)).key;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: apiKeyHeaders(key), payload: { chats } });
  expect(res.statusCode, res.body).toBe(207);
}

beforeAll(async () => {
  t = await createTestApp({ rateLimit: NO_RATE_LIMITS });
  org = await signUp(t.app);
  other = await signUp(t.app);
  await post(org, CHATS);
  // The other organization has chats on the days around: counted, they would change org's answers.
  await post(other, [...[11, 12, 13, 14, 15, 16].map((u) => chat(D - 3, u, 'payroll')), ...CHATS]);
}, 60_000);
afterAll(async () => t?.close());

const get = async (url: string, who: SignedUp = org) => {
  const res = await t.app.inject({ url, headers: bearer(who.token) });
  return { status: res.statusCode, body: res.json() };
};
const summary = async (query: string, who: SignedUp = org) => {
  const res = await get(`/api/v1/analytics/summary?${query}`, who);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const day = (from: number, to = from + 1) => `from=${dateOf(from)}&to=${dateOf(to)}`;
async function council(on: boolean, k = 5) {
  const res = await setCouncil(t, org.token, on, k);
  expect(res.statusCode, res.body).toBe(200);
}

describe('works-council mode: why a figure is hidden, with the k from the settings', () => {
  it('fewer_than_k: a set of fewer than k people; values null, the k in the answer', async () => {
    await council(true, 5);
    const body = await summary(`${day(D)}&question_category=leave`);
    expect(body.suppressed).toBe('fewer_than_k');
    expect(body.works_council).toEqual({ k: 5 });
    for (const m of Object.values(body.metrics as Record<string, { value: unknown; change: unknown }>)) expect([m.value, m.change]).toEqual([null, null]);
  });

  it('difference: widening the range by a day would add two people', async () => {
    await council(true, 5);
    expect((await summary(day(D))).suppressed).toBe('difference');
  });

  it('complement: a split of the range by day would leave two people hidden', async () => {
    await council(true, 3);
    expect((await summary(day(D - 3, D + 1))).suppressed).toBe('complement');
  });

  it('the same figures shown with a smaller k from the settings, equal to the chats', async () => {
    await council(true, 2);
    const body = await summary(day(D));
    expect(body.suppressed).toBeNull();
    expect(body.works_council).toEqual({ k: 2 });
    expect(body.metrics.chats.value).toBe(9);
    expect(body.metrics.end_users.value).toBe(6);
    await council(true, 3);
    const leave = await summary(`${day(D)}&question_category=leave`);
    expect([leave.suppressed, leave.metrics.chats.value]).toEqual([null, 3]);
  });

  it('timeseries, breakdown and messages carry the reason per bucket, group, other and unknown', async () => {
    await council(true, 5);
    const ts = await get(`/api/v1/analytics/timeseries?${day(D - 3, D + 1)}&interval=hour&tz=Europe/Amsterdam`);
    expect(ts.status).toBe(200);
    expect([ts.body.interval, ts.body.tz, ts.body.works_council]).toEqual(['day', 'UTC', { k: 5 }]);
    expect(ts.body.buckets.map((b: { start: string }) => b.start), JSON.stringify(ts.body.buckets)).toHaveLength(4);
    for (const b of ts.body.buckets) expect([typeof b.suppressed, b.chats]).toEqual(['string', null]);
    await council(true, 2);
    const bd = await get(`/api/v1/analytics/breakdown?${day(D)}&by=question_category&limit=1`);
    expect(bd.status).toBe(200);
    // Every group listed (limit is not used in the mode), each with its reason (null: shown).
    expect(bd.body.groups.map((g: { key: string; suppressed: string | null; chats: number | null }) => [g.key, g.suppressed, g.chats])).toEqual([
      ['payroll', null, 6],
      ['leave', null, 3],
    ]);
    expect([bd.body.other, bd.body.unknown, bd.body.works_council]).toEqual([null, null, { k: 2 }]);
    const messages = await get(`/api/v1/analytics/messages?start=${dateOf(D)}&end=${dateOf(D + 1)}`);
    expect(messages.status).toBe(200);
    expect(messages.body).toMatchObject({ total_messages: 0, suppressed: null, works_council: { k: 2 } });
  });

  it('a group of fewer than k people is left out of a breakdown: that it exists is a figure about them', async () => {
    await council(true, 4);
    const bd = await get(`/api/v1/analytics/breakdown?from=${dateOf(D)}&to=${dateOf(D + 1)}&by=question_category`);
    expect(bd.status).toBe(200);
    expect(bd.body.groups.map((g: { key: string }) => g.key)).not.toContain('leave');
  });

  it('ranges are whole UTC days: from is snapped down, to up, tz is UTC', async () => {
    await council(true, 2);
    const body = await summary(`from=${dateOf(D)}T13:00:00Z&to=${dateOf(D)}T14:00:00Z&tz=Asia/Kolkata`);
    expect([body.from, body.to]).toEqual([`${dateOf(D)}T00:00:00+00:00`, `${dateOf(D + 1)}T00:00:00+00:00`]);
    expect(body.metrics.chats.value).toBe(9);
  });
});

describe('works-council mode refuses what selects a person or free text, with a 400 naming the field', () => {
  const cases: [string, string][] = [
    ['user_id=1', 'user_id'],
    ['session_id=abc', 'session_id'],
    ['q=payroll', 'q'],
    ['has_rating=true', 'has_rating'],
    ['rating_min=2&rating_max=4', 'rating_max'],
    ['question_category=leave,payroll', 'question_category'],
    ['tags=a,b', 'tags'],
    ['question_category=leave&sentiment=neutral&country_code=NL&language_code=nl', 'filters'],
    [`from=${dateOf(TODAY - 900)}`, 'from'],
  ];
  for (const [query, field] of cases) {
    it(`${query} → 400 (field ${field}) in the mode, 200 without it`, async () => {
      await council(true, 5);
      for (const path of ['summary', 'timeseries', 'breakdown?by=sentiment&x=']) {
        const url = `/api/v1/analytics/${path.replace('&x=', '')}${path.includes('?') ? '&' : '?'}${query}`;
        const res = await get(url);
        expect(res.status, url).toBe(400);
        // user_id is refused first as an integer where the mode takes pseudonyms (src/chats/end-users.ts).
        expect(res.body).toMatchObject(field === 'user_id' ? { field } : { code: 'works_council', field });
        expect(res.body.error).toMatch(/works-council mode/);
      }
      const wc = await get(`/api/v1/analytics/what-changed?metric=chats&${query}`);
      expect([wc.status, wc.body.field]).toEqual([400, field]);
      await council(false);
      expect((await get(`/api/v1/analytics/summary?${query}`)).status).toBe(200);
    });
  }
  it('messages: start before the window → 400 naming start', async () => {
    await council(true, 5);
    const res = await get(`/api/v1/analytics/messages?start=${dateOf(TODAY - 900)}`);
    expect([res.status, res.body.code, res.body.field]).toEqual([400, 'works_council', 'start']);
  });
});

describe('works-council mode is per organization', () => {
  it("another organization's chats never count, and its answers are as before", async () => {
    await council(true, 5);
    // Counted, the other organization's six people on day D-3 would make org's neighbour day safe.
    expect((await summary(day(D))).suppressed).toBe('difference');
    const theirs = await summary(day(D), other);
    expect([theirs.works_council, theirs.suppressed, theirs.metrics.chats.value]).toEqual([null, null, 9]);
    const bd = await get(`/api/v1/analytics/breakdown?${day(D)}&by=question_category&limit=1`, other);
    expect(bd.body.groups).toEqual([{ key: 'payroll', suppressed: null, chats: 6, escalation_rate: null, hr_forwarding_rate: null, avg_rating: null, csat: null }]);
    expect(bd.body.other).toMatchObject({ suppressed: null, chats: 3 });
  });
});

describe('with the mode off, analytics are as before', () => {
  it('no suppression, limit, tz and hour buckets as asked', async () => {
    await council(false);
    const body = await summary(`${day(D)}&question_category=leave`);
    expect([body.suppressed, body.previous_suppressed, body.works_council, body.metrics.chats.value]).toEqual([null, null, null, 3]);
    const ts = await get(`/api/v1/analytics/timeseries?${day(D)}&interval=hour&tz=Europe/Amsterdam`);
    expect([ts.body.interval, ts.body.tz, ts.body.buckets.length, ts.body.works_council]).toEqual(['hour', 'Europe/Amsterdam', 24, null]);
    expect(ts.body.buckets.every((b: { suppressed: null }) => b.suppressed === null)).toBe(true);
    const messages = await get(`/api/v1/analytics/messages?start=${dateOf(D)}T01:00:00Z&end=${dateOf(D)}T02:00:00Z`);
    expect(messages.body).toMatchObject({ total_messages: 0, suppressed: null, works_council: null, date_range: { start: `${dateOf(D)}T01:00:00.000Z` } });
  });
});

describe('alerts in works-council mode', () => {
  const rule = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/rules', headers: bearer(org.token), payload: { name: 'Volume', metric: 'chats', window: 'week', condition: 'above', threshold: 0, min_volume: 1 } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const evaluate = async (id: number) => (await t.app.inject({ method: 'POST', url: `/api/v1/alerts/rules/${id}/evaluate`, headers: bearer(org.token) })).json();

  it('judged with k people in the window, but no figure in the value, the message or the history', async () => {
    await council(true, 2);
    const id = await rule();
    const judged = await evaluate(id);
    expect([judged.state, judged.last_value]).toEqual(['firing', null]);
    expect(judged.last_message).not.toMatch(/\d+ is above/);
    expect(judged.last_message).toMatch(/works-council mode/);
    const history = (await t.app.inject({ url: `/api/v1/alerts/rules/${id}/history`, headers: bearer(org.token) })).json().history;
    expect(history[0].value).toBeNull();
  });

  it('not judged when the window has fewer than k people', async () => {
    await council(true, 50);
    const id = await rule();
    const judged = await evaluate(id);
    expect([judged.state, judged.last_value]).toEqual(['ok', null]);
    expect(judged.last_message).toMatch(/fewer than 50 people/);
  });

  it('refuses a rule whose filters the mode refuses (400 naming the filter), and shows a stored user_id only as its pseudonym', async () => {
    await council(false, 5);
    const saved = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/rules', headers: bearer(org.token), payload: { name: 'One person', metric: 'chats', window: 'week', condition: 'above', threshold: 0, filters: { user_id: 4242 } } });
    expect(saved.statusCode, saved.body).toBe(201);
    await council(true, 5);
    const create = (filters: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/alerts/rules', headers: bearer(org.token), payload: { name: 'x', metric: 'chats', window: 'week', condition: 'above', threshold: 0, filters } });
    for (const [filters, field] of [
      [{ user_id: 'p_1f0c9a2b7d3e4f56' }, 'filters.user_id'],
      [{ user_id: 42 }, 'filters.user_id'],
      [{ q: 'divorce' }, 'filters.q'],
      [{ session_id: 's-1' }, 'filters.session_id'],
      [{ question_category: ['leave', 'payroll'] }, 'filters.question_category'],
    ] as const) {
      const res = await create(filters);
      expect(res.statusCode, JSON.stringify(filters)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'works_council', field });
      expect(res.json().error).toMatch(/^filters\./);
    }
    const rules = (await t.app.inject({ url: '/api/v1/alerts/rules', headers: bearer(org.token) })).json().rules;
    const shown = rules.find((r: { id: number }) => r.id === saved.json().id);
    expect(shown.filters.user_id).toMatch(/^p_[0-9a-f]{16}$/);
    expect(JSON.stringify(rules)).not.toContain('4242');
    const one = (await t.app.inject({ url: `/api/v1/alerts/rules/${saved.json().id}`, headers: bearer(org.token) })).json();
    expect(one.filters.user_id).toBe(shown.filters.user_id);
  });
});
