// Inputs the database and Node can both process, or a 400 naming the parameter (issue 11): instants
// in the years 100 to 9999 everywhere (filters, ranges, created_at, cursors, a summary's previous
// period), time zones both PostgreSQL and Node know, bodies nested too deep refused before the
// idempotency hash, and the router's own refusals in the error model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, countChats, createApiKey, createTestApp, NO_RATE_LIMITS, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let org: SignedUp;
let key: string;

beforeAll(async () => {
  t = await createTestApp({ rateLimit: NO_RATE_LIMITS });
  org = await signUp(t.app);
  key = (await createApiKey(t.app, org.token)).key;
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ url, headers: bearer(org.token) });
function expect400(res: { statusCode: number; body: string; json(): any }, field: string | undefined, error: RegExp) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().field).toBe(field);
  expect(res.json().error).toMatch(error);
}
const RANGE = /must be between 0100-01-01T00:00:00Z and 9999-12-31T23:59:59Z/;

describe('instants outside the years 100 to 9999', () => {
  it('refuses them in explorer filters, export filters and cursors, naming the parameter', async () => {
    expect400(await get('/api/v1/chats?from=0099-12-31'), 'from', RANGE);
    expect400(await get('/api/v1/chats?to=0100-01-01T00:00:00%2B05:30'), 'to', RANGE); // 0099-12-31T18:30Z
    expect((await get('/api/v1/chats?from=0100-01-01&to=9999-12-31T23:59:59Z')).statusCode).toBe(200);
    const cursor = Buffer.from(JSON.stringify(['-271821-04-20T00:00:00.000Z', 1])).toString('base64url'); // a Date, not a timestamptz
    expect400(await get(`/api/v1/chats?cursor=${cursor}`), 'cursor', /cursor is invalid/);
    const exp = await t.app.inject({ method: 'POST', url: '/api/v1/exports/sync', headers: bearer(org.token), payload: { format: 'csv', type: 'chats', filters: { from: '0000-06-01' } } });
    expect400(exp, 'filters.from', /filters.from must be between/);
  });

  it('refuses a created_at before year 100 and stores nothing; accepts the first instant of year 100 and reads it back as sent', async () => {
    const before = await countChats(t.database, org.organization.id);
    expect400(await postChat(t.app, key, { created_at: '0099-12-31T23:59:59Z' }), 'created_at', /created_at must be between/);
    expect(await countChats(t.database, org.organization.id)).toBe(before);
    const ok = await postChat(t.app, key, { title: 'year 100', created_at: '0100-01-01T00:00:00Z' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await get(`/api/v1/chats/${ok.json().chat_id}`)).json().created_at).toBe('0100-01-01T00:00:00.000Z');
    // Year 1 would read back as 2001 (Drizzle parses PostgreSQL's text form with Date): refused.
    expect400(await postChat(t.app, key, { created_at: '0001-01-01T00:00:00Z' }), 'created_at', RANGE);
  });

  it('analytics: a date whose midnight in the zone falls before year 100, and a summary whose previous period would', async () => {
    expect400(await get('/api/v1/analytics/timeseries?from=0100-01-01&to=0100-02-01&tz=Asia/Kolkata'), 'from', RANGE);
    expect((await get('/api/v1/analytics/timeseries?from=0100-01-01&to=0100-02-01&tz=America/New_York&interval=week')).statusCode).toBe(200);
    expect400(await get('/api/v1/analytics/summary?from=0100-06-01&to=2026-01-01'), 'from', /period of equal length before from, which would start before the year 100/);
    const first = await get('/api/v1/analytics/summary?from=0100-01-02T00:00:00Z&to=0100-01-03T00:00:00Z');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().previous_from).toBe('0100-01-01T00:00:00+00:00');
    expect((await get('/api/v1/analytics/timeseries?from=9999-12-01&to=9999-12-31T23:00:00Z&tz=Pacific/Kiritimati&interval=week')).statusCode).toBe(200);
  });

  it('analytics/messages: an end in the first days of year 100 (its default start would fall before) is 400 or 200, never 500', async () => {
    expect400(await get('/api/v1/analytics/messages?end=0100-01-01'), 'start', /start must be before end/);
    const res = await get('/api/v1/analytics/messages?end=0100-01-05');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().date_range.start).toBe('0100-01-01T00:00:00.000Z');
  });
});

describe('time zones', () => {
  it('accepts only zones both PostgreSQL and Node know; "Factory" is known to PostgreSQL alone', async () => {
    const { rows } = await t.database.pool.query("SELECT count(*)::int AS n FROM pg_timezone_names WHERE name = 'Factory'");
    expect(rows[0].n).toBe(1); // the case: the database would bucket by it, Node cannot write its offsets
    expect(() => new Intl.DateTimeFormat('en-US', { timeZone: 'Factory' })).toThrow(RangeError);
    for (const tz of ['Factory', 'posix/CET', 'Mars/Phobos', 'x'.repeat(64)]) {
      for (const path of ['summary', 'timeseries', 'breakdown?by=sentiment&']) {
        const url = `/api/v1/analytics/${path}${path.includes('?') ? '' : '?'}tz=${encodeURIComponent(tz)}`;
        expect400(await get(url), 'tz', /tz must be an IANA time zone name/);
      }
    }
    for (const tz of ['Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC']) expect((await get(`/api/v1/analytics/summary?tz=${tz}`)).statusCode).toBe(200);
  });
});

describe('nesting depth', () => {
  const deep = (n: number) => '['.repeat(n) + '1' + ']'.repeat(n);
  const send = (url: string, body: string, idempotencyKey?: string) =>
    t.app.inject({ method: 'POST', url, headers: { ...apiKeyHeaders(key), 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) }, payload: body });

  it('refuses a batch with an Idempotency-Key whose item is nested 10,000 deep with 400 (was a 500), storing nothing', async () => {
    const before = await countChats(t.database, org.organization.id);
    const res = await send('/api/v1/chats/batch', `{"chats":[{"title":"ok"},{"metadata":${deep(10_000)}}]}`, 'deep-batch');
    expect400(res, undefined, /nested more than 32 levels deep/);
    expect(await countChats(t.database, org.organization.id)).toBe(before);
    // The key is still free: a corrected retry with it is stored.
    expect((await send('/api/v1/chats/batch', '{"chats":[{"title":"ok"}]}', 'deep-batch')).statusCode).toBe(207);
  });

  it('a deep single body with a key is refused by its schema first (400 naming the field)', async () => {
    expect400(await send('/api/v1/chats', `{"metadata":${deep(5000)}}`, 'deep-one'), 'metadata', /metadata must be an object/);
  });

  it('a batch with a key and items nested up to 32 levels is still answered item by item', async () => {
    const res = await send('/api/v1/chats/batch', `{"chats":[{"title":"ok"},{"metadata":${deep(28)}}]}`, 'deep-ok');
    expect(res.statusCode, res.body).toBe(207);
    expect(res.json().results.map((r: { status: number }) => r.status)).toEqual([201, 400]);
  });
});

describe("the router's own refusals", () => {
  it('a path parameter past 100 characters is 414 and a malformed %-escape in the path 400, in the error model', async () => {
    const long = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${'x'.repeat(101)}/chats`, headers: apiKeyHeaders(key), payload: {} });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({ error: 'A path parameter is longer than 100 characters', code: 'uri_too_long' });
    const bad = await get('/api/v1/chats/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: 'The request path is not valid: check its %-escapes', code: 'invalid_request' });
  });
});
