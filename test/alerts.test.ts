// Alert rules through the real app on real data: a threshold rule fires (history, webhook event
// with a "what changed" explanation, shown in GET /api/v1/attention) and resolves; an "unusual"
// rule fires against 8 weeks of seasonal baseline; validation, roles and tenancy. The evaluator's
// clock is injected: moving it back and forth chooses the window evaluated.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, NO_RATE_LIMITS, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { addMember } from './support/members.js';

let t: TestContext;
let org: SignedUp;
let other: SignedUp;
let key: string;
let offset = 0;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const lastWholeHour = () => Math.floor(Date.now() / HOUR) * HOUR;

beforeAll(async () => {
  t = await createTestApp({
    rateLimit: NO_RATE_LIMITS,
    webhooks: { allowPrivate: true, runWorker: false },
    alerts: { runEvaluator: false, evaluator: { now: () => new Date(Date.now() + offset) } },
  });
  org = await signUp(t.app);
  other = await signUp(t.app);
  key = (await createApiKey(t.app, org.token)).key;
  await t.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: bearer(org.token), payload: { url: 'http://127.0.0.1:9/x', events: ['alert.fired', 'alert.resolved'] } });
});
afterAll(() => t.close());
beforeEach(async () => {
  offset = 0;
  await t.database.pool.query('DELETE FROM chats; DELETE FROM alert_rules; DELETE FROM webhook_events');
});

const api = (method: string, url: string, payload?: unknown, who: SignedUp = org) =>
  t.app.inject({ method: method as 'GET', url, headers: bearer(who.token), ...(payload === undefined ? {} : { payload: payload as object }) });

/** `n` chats at `at` (ms), `escalated` of them escalated, of the given category and language. */
async function chatsAt(at: number, n: number, escalated: number, metadata: Record<string, unknown> = { question_category: 'leave', language_code: 'en' }) {
  const chats = Array.from({ length: n }, (_, i) => ({ title: 'c', created_at: new Date(at + i * 1000).toISOString(), metadata: { ...metadata, is_escalated: i < escalated } }));
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: apiKeyHeaders(key), payload: { chats } });
  expect(res.statusCode, res.body).toBe(207);
}

const evaluate = async (id: number) => (await api('POST', `/api/v1/alerts/rules/${id}/evaluate`)).json();

describe('a threshold rule', () => {
  it('fires (history, webhook event with what changed, needs attention) and resolves', async () => {
    const end = lastWholeHour();
    // The day that ended two days ago: escalations up (37 of 110), mostly in payroll × de.
    await chatsAt(end - 4 * DAY + HOUR, 60, 6); // the day before it: 10%
    await chatsAt(end - 3 * DAY + HOUR, 40, 4);
    await chatsAt(end - 2 * DAY - 10 * HOUR, 30, 3);
    await chatsAt(end - 2 * DAY - 5 * HOUR, 40, 30, { question_category: 'payroll', language_code: 'de' });
    // The last day: calm again.
    await chatsAt(end - 10 * HOUR, 50, 5);
    const created = await api('POST', '/api/v1/alerts/rules', { name: 'Escalations', metric: 'escalation_rate', window: 'day', condition: 'above', threshold: 0.3 });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();
    expect(rule.state).toBe('ok');

    offset = -2 * DAY; // the window that ended two days ago
    const fired = await evaluate(rule.id);
    expect(fired).toMatchObject({ state: 'firing', last_value: expect.closeTo(37 / 110, 5) });
    expect(fired.last_message).toMatch(/escalation_rate \+\d+(\.\d)? pts, \d+% from question_category=payroll × language_code=de/);
    const attention = (await api('GET', '/api/v1/attention')).json();
    expect(attention.firing_alerts.map((r: any) => r.id)).toEqual([rule.id]);
    const { rows: queued } = await t.database.pool.query("SELECT type, data FROM webhook_events WHERE type LIKE 'alert.%' ORDER BY id");
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ type: 'alert.fired', data: { rule: { id: rule.id, name: 'Escalations' }, alert: { state: 'firing' } } });

    // The same window again: no second event. A window still overlapping the breach: still firing.
    expect((await evaluate(rule.id)).state).toBe('firing');
    offset = 0;
    const resolved = await evaluate(rule.id);
    expect(resolved).toMatchObject({ state: 'resolved', last_value: 0.1 });
    const history = (await api('GET', `/api/v1/alerts/rules/${rule.id}/history`)).json().history;
    expect(history.map((h: any) => h.state)).toEqual(['resolved', 'firing']);
    const types = (await t.database.pool.query("SELECT type FROM webhook_events WHERE type LIKE 'alert.%' ORDER BY id")).rows.map((r) => r.type);
    expect(types).toEqual(['alert.fired', 'alert.resolved']);
    expect((await api('GET', '/api/v1/attention')).json().firing_alerts).toEqual([]);
  });

  it('does not judge a window with fewer chats than the minimum volume', async () => {
    await chatsAt(lastWholeHour() - 5 * HOUR, 5, 5);
    const rule = (await api('POST', '/api/v1/alerts/rules', { name: 'x', metric: 'escalation_rate', window: 'day', condition: 'above', threshold: 0.3 })).json();
    const after = await evaluate(rule.id);
    expect(after.state).toBe('ok');
    expect(after.last_message).toContain('fewer than the minimum of 20');
  });
});

describe('an unusual rule', () => {
  it('fires when the window is far outside the same weekday and hour of the previous 8 weeks, and not when it is usual', async () => {
    const end = lastWholeHour();
    for (let k = 1; k <= 8; k++) await chatsAt(end - k * 7 * DAY - 6 * HOUR, 60, 6 + (k % 3)); // ~10–13%
    await chatsAt(end - 6 * HOUR, 60, 7);
    const rule = (await api('POST', '/api/v1/alerts/rules', { name: 'Unusual escalations', metric: 'escalation_rate', window: 'hour', condition: 'unusual' })).json();
    offset = -5 * HOUR; // the hour holding each week's chats
    expect((await evaluate(rule.id)).state).toBe('ok');
    await t.database.pool.query('DELETE FROM chats WHERE created_at > now() - interval \'2 days\'');
    await chatsAt(end - 6 * HOUR, 60, 30);
    const fired = await evaluate(rule.id);
    expect(fired.state).toBe('firing');
    expect(fired.last_message).toMatch(/robust score/);
  });
});

describe('validation, roles and tenancy', () => {
  it('answers 400 naming the field and stores nothing', async () => {
    const base = { name: 'r', metric: 'csat', window: 'day', condition: 'below', threshold: 0.7 };
    const bad: [unknown, string][] = [
      [{ ...base, metric: 'happiness' }, 'metric'],
      [{ ...base, window: 'month' }, 'window'],
      [{ ...base, condition: 'sideways' }, 'condition'],
      [{ ...base, threshold: undefined }, 'threshold'],
      [{ ...base, condition: 'unusual' }, 'threshold'],
      [{ ...base, threshold: '0.7' }, 'threshold'],
      [{ ...base, min_volume: 0 }, 'min_volume'],
      [{ ...base, filters: { country_code: 'XX' } }, 'filters.country_code'],
      [{ ...base, filters: { from: '2026-01-01' } }, 'filters.from'],
      [{ ...base, name: '' }, 'name'],
    ];
    for (const [payload, field] of bad) {
      const res = await api('POST', '/api/v1/alerts/rules', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().field, JSON.stringify(payload)).toBe(field);
    }
    expect((await api('GET', '/api/v1/alerts/rules')).json().rules).toEqual([]);
  });

  it('lets members read rules, only admins change them; another organization gets 404', async () => {
    const rule = (await api('POST', '/api/v1/alerts/rules', { name: 'r', metric: 'chats', window: 'week', condition: 'below', threshold: 10 })).json();
    const viewer = await addMember(t.app, org.token, 'viewer');
    const as = (method: string, url: string, payload?: unknown) => t.app.inject({ method: method as 'GET', url, headers: bearer(viewer.token), ...(payload ? { payload: payload as object } : {}) });
    expect((await as('GET', '/api/v1/alerts/rules')).json().rules).toHaveLength(1);
    expect((await as('POST', '/api/v1/alerts/rules', { name: 'v', metric: 'chats', window: 'day', condition: 'above', threshold: 1 })).statusCode).toBe(403);
    expect((await as('PATCH', `/api/v1/alerts/rules/${rule.id}`, { name: 'v' })).statusCode).toBe(403);
    expect((await as('DELETE', `/api/v1/alerts/rules/${rule.id}`)).statusCode).toBe(403);
    for (const [method, url, body] of [
      ['GET', `/api/v1/alerts/rules/${rule.id}`],
      ['PATCH', `/api/v1/alerts/rules/${rule.id}`, { name: 'mine' }],
      ['DELETE', `/api/v1/alerts/rules/${rule.id}`],
      ['GET', `/api/v1/alerts/rules/${rule.id}/history`],
      ['POST', `/api/v1/alerts/rules/${rule.id}/evaluate`],
    ] as [string, string, unknown?][]) {
      expect((await api(method, url, body, other)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await api('GET', '/api/v1/alerts/rules', undefined, other)).json().rules).toEqual([]);
    expect((await api('GET', `/api/v1/alerts/rules/${rule.id}`)).json().name).toBe('r');
  });

  it('evaluates due rules once per whole hour in a scheduled pass', async () => {
    await api('POST', '/api/v1/alerts/rules', { name: 'a', metric: 'chats', window: 'day', condition: 'above', threshold: 1000 });
    await api('POST', '/api/v1/alerts/rules', { name: 'b', metric: 'chats', window: 'hour', condition: 'below', threshold: 1 });
    expect(await t.app.alertEvaluator.runOnce()).toBe(2);
    expect(await t.app.alertEvaluator.runOnce()).toBe(0);
    offset = HOUR;
    expect(await t.app.alertEvaluator.runOnce()).toBe(2);
  });

  it('an organization has at most 50 rules: the 51st is 409 and stores nothing', async () => {
    const own = await signUp(t.app);
    const rule = (i: number) => ({ name: `r${i}`, metric: 'chats', window: 'day', condition: 'above', threshold: i });
    for (let i = 0; i < 50; i++) expect((await api('POST', '/api/v1/alerts/rules', rule(i), own)).statusCode).toBe(201);
    const refused = await api('POST', '/api/v1/alerts/rules', rule(50), own);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('An organization can have at most 50 alert rules');
    expect((await api('GET', '/api/v1/alerts/rules', undefined, own)).json().rules).toHaveLength(50);
  });
});
