// "What changed": the decomposition's arithmetic (the parts add up to the change exactly), and the
// endpoint on real data — a change planted in one segment ranks first, with its explorer link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decompose } from '../src/what-changed/decompose.js';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, NO_RATE_LIMITS, signUp, type SignedUp, type TestContext } from './helpers/app.js';

describe('decompose', () => {
  it('splits an average\'s change into mix and rate effects that add up to it exactly', () => {
    const segments = [
      { key: { c: 'leave' }, a: { chats: 100, value: 0.1 }, b: { chats: 120, value: 0.1 } },
      { key: { c: 'payroll' }, a: { chats: 50, value: 0.2 }, b: { chats: 50, value: 0.5 } },
      { key: { c: 'it' }, a: { chats: 50, value: 0.3 }, b: { chats: 10, value: 0.3 } },
    ];
    const overall = (p: 'a' | 'b') => segments.reduce((s, x) => s + x[p].chats * x[p].value, 0) / segments.reduce((s, x) => s + x[p].chats, 0);
    const { change, contributions } = decompose(segments, 'average');
    expect(change).toBeCloseTo(overall('b') - overall('a'), 12);
    expect(contributions[0].key).toEqual({ c: 'payroll' });
    expect(contributions[0].rate).toBeGreaterThan(0);
    // "it" shrank and it was above average: a negative mix effect, no rate effect.
    const it = contributions.find((c) => c.key.c === 'it')!;
    expect(it.mix).toBeLessThan(0);
    expect(it.rate).toBe(0);
    expect(contributions.reduce((s, c) => s + (c.share ?? 0), 0)).toBeCloseTo(1, 12);
  });

  it('gives a count\'s change to the segments by their own differences', () => {
    const { change, contributions } = decompose([
      { key: { l: 'de' }, a: { chats: 10, value: 10 }, b: { chats: 40, value: 40 } },
      { key: { l: 'en' }, a: { chats: 50, value: 50 }, b: { chats: 45, value: 45 } },
    ], 'count');
    expect(change).toBe(25);
    expect(contributions.map((c) => [c.key.l, c.total])).toEqual([['de', 30], ['en', -5]]);
  });
});

describe('GET /api/v1/analytics/what-changed', () => {
  let t: TestContext;
  let org: SignedUp;
  let other: SignedUp;
  const DAY = 86_400_000;
  const start = Date.UTC(2026, 5, 1);

  async function chats(who: SignedUp, at: number, n: number, escalated: number, metadata: Record<string, unknown>) {
    const key = (await createApiKey(t.app, who.token)).key;
    const items = Array.from({ length: n }, (_, i) => ({ created_at: new Date(at + i * 60_000).toISOString(), metadata: { ...metadata, is_escalated: i < escalated } }));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: apiKeyHeaders(key), payload: { chats: items } })).statusCode).toBe(207);
  }

  beforeAll(async () => {
    t = await createTestApp({ rateLimit: NO_RATE_LIMITS, webhooks: { runWorker: false }, alerts: { runEvaluator: false } });
    org = await signUp(t.app);
    other = await signUp(t.app);
    for (const [day, payrollDe] of [[0, 2], [7, 20]] as const) {
      const at = start + day * DAY;
      await chats(org, at, 40, 4, { question_category: 'leave', language_code: 'en' });
      await chats(org, at, 40, 4, { question_category: 'leave', language_code: 'de' });
      await chats(org, at, 30, 3, { question_category: 'payroll', language_code: 'en' });
      await chats(org, at, 30, payrollDe, { question_category: 'payroll', language_code: 'de' });
    }
    // Another organization's surge must not show up.
    await chats(other, start + 7 * DAY, 200, 200, { question_category: 'benefits', language_code: 'fr' });
  });
  afterAll(() => t.close());

  const get = (query: string, who = org) => t.app.inject({ url: `/api/v1/analytics/what-changed?${query}`, headers: bearer(who.token) });
  const week = (d: number) => new Date(start + d * DAY).toISOString().slice(0, 10);

  it('names the segment that changed first, over two dimensions, with the explorer filter', async () => {
    const res = await get(`metric=escalation_rate&by=question_category,language_code&from=${week(7)}&to=${week(8)}&compare_from=${week(0)}&compare_to=${week(1)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.a.value).toBeCloseTo(13 / 140, 10);
    expect(body.b.value).toBeCloseTo(31 / 140, 10);
    expect(body.change).toBeCloseTo(18 / 140, 10);
    expect(body.unexplained).toBeCloseTo(0, 10);
    const [top] = body.segments;
    expect(top.key).toEqual({ question_category: 'payroll', language_code: 'de' });
    expect(top.rate_effect).toBeCloseTo(18 / 140, 10);
    expect(top.share_of_change).toBeCloseTo(1, 10);
    // The dashboard explorer's own address: that day, that segment.
    expect(top.explorer_url).toBe(`/chats?range=custom&from=${week(7)}&to=${week(7)}&tz=UTC&question_category=payroll&language_code=de`);
    expect(JSON.stringify(body)).not.toContain('benefits');
  });

  it('compares with the period just before by default, over one dimension', async () => {
    const body = (await get(`metric=chats&by=language_code&from=${week(7)}&to=${week(8)}`)).json();
    expect(body.a).toMatchObject({ from: new Date(start + 6 * DAY).toISOString(), value: 0 });
    expect(body.segments.map((s: any) => [s.key.language_code, s.total_effect])).toEqual([['de', 70], ['en', 70]]);
  });

  it('answers 400 naming the field', async () => {
    for (const [query, field] of [
      ['metric=p50_response_time', 'metric'],
      ['metric=happiness', 'metric'],
      ['metric=chats&by=colour', 'by'],
      ['metric=chats&by=sentiment,sentiment', 'by'],
      ['metric=chats&by=a,b,c', 'by'],
      ['metric=chats&compare_from=yesterday', 'from'],
      ['by=sentiment', 'metric'],
    ]) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().field ?? '', query).toContain(field);
    }
  });
});
