// Rate limits: per API key (token bucket, per-organization overrides), per IP + e-mail and per IP
// on POST /auth/login; 429 in the error model with Retry-After and the RateLimit headers; shared
// through Redis when REDIS_URL is set, and open (allowing) when Redis cannot be reached.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import type { TrustProxy } from '../src/config.js';
import type { Database } from '../src/db/connection.js';
import { MemoryBucketStore, RedisBucketStore } from '../src/rate-limit/bucket.js';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from '../src/rate-limit/settings.js';
import { apiKeyHeaders, countChats, createApiKey, postChat, signUp, TEST_JWT_SECRET } from './helpers/app.js';
import { createTestDatabase } from './helpers/database.js';
import { freePort } from './helpers/server-process.js';

// The Redis tests run where REDIS_URL names a Redis server (.ci/run sets it); elsewhere they are
// reported as skipped.
const REDIS_URL = process.env.REDIS_URL;

let database: Database;
const apps: App[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-ratelimit-'));
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function appWith(rateLimit: Partial<RateLimitSettings>, options: { logger?: Writable; trustProxy?: TrustProxy } = {}): Promise<App> {
  const app = await buildApp({
    database,
    dataDir,
    jwtSecret: TEST_JWT_SECRET,
    rateLimit: { ...DEFAULT_RATE_LIMITS, ...rateLimit },
    logger: options.logger ? { level: 'warn', stream: options.logger } : false,
    trustProxy: options.trustProxy,
  });
  await app.ready();
  apps.push(app);
  return app;
}

const chat = { title: 'rate limited?', tags: ['x'] };

describe('token bucket', () => {
  it('allows the burst at once, then the sustained rate', async () => {
    let now = 0;
    const store = new MemoryBucketStore(() => now);
    const policy = { name: 'p', burst: 200, ratePerSecond: 100 };
    let allowed = 0;
    for (let i = 0; i < 250; i++) if ((await store.take('k', policy)).allowed) allowed++;
    expect(allowed).toBe(200);
    const refused = await store.take('k', policy);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterMs).toBeCloseTo(10, 5);
    now = 1000; // one second: 100 more
    allowed = 0;
    for (let i = 0; i < 150; i++) if ((await store.take('k', policy)).allowed) allowed++;
    expect(allowed).toBe(100);
    // Other keys have their own bucket; full buckets are forgotten.
    expect((await store.take('other', policy)).remaining).toBe(199);
    now = 60_000;
    await store.take('third', policy);
    expect(store.size).toBe(1);
  });

  it('keeps at most maxBuckets, dropping the least recently used', async () => {
    const store = new MemoryBucketStore(() => 0, 3);
    const policy = { name: 'p', burst: 2, ratePerSecond: 1 };
    for (const k of ['a', 'b', 'c']) await store.take(k, policy);
    await store.take('a', policy); // a is now the most recent
    await store.take('d', policy); // b goes
    expect(store.size).toBe(3);
    expect((await store.take('a', policy)).allowed).toBe(false); // a kept its count
    expect((await store.take('b', policy)).remaining).toBe(1); // b starts afresh
  });
});

describe('per API key', () => {
  let app: App;
  let keyA: string;
  let keyB: string;
  let orgId: number;
  let vipKey: string;
  beforeAll(async () => {
    const vipSlug = `vip-${crypto.randomBytes(3).toString('hex')}`;
    app = await appWith({ apiKey: { ratePerSecond: 0.5, burst: 5 }, orgOverrides: { [vipSlug]: { ratePerSecond: 0.5, burst: 12 } } });
    const admin = await signUp(app);
    orgId = admin.organization.id;
    keyA = (await createApiKey(app, admin.token)).key;
    keyB = (await createApiKey(app, admin.token)).key;
    const vip = await signUp(app, { organization_slug: vipSlug });
    vipKey = (await createApiKey(app, vip.token)).key;
  });

  it('answers 429 rate_limited with Retry-After and RateLimit headers past the burst, and stores nothing of it', async () => {
    const before = await countChats(database, orgId);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await postChat(app, keyA, chat));
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 429, 429]);
    expect(answers[0].headers['ratelimit-policy']).toBe('"api-key";q=5;w=10');
    expect(answers[0].headers['ratelimit']).toMatch(/^"api-key";r=4;t=\d+$/);
    const refused = answers[5];
    expect(refused.json()).toEqual({ error: expect.stringContaining('Too many requests for this API key'), code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(2);
    expect(refused.headers['ratelimit']).toMatch(/^"api-key";r=0;t=(9|10)$/);
    expect(refused.headers['ratelimit-policy']).toBe('"api-key";q=5;w=10');
    expect(await countChats(database, orgId)).toBe(before + 5);
    // Other routes with the same key are limited too (before their own work runs).
    const message = await app.inject({ method: 'POST', url: '/api/v1/chats/1/messages', headers: apiKeyHeaders(keyA), payload: { role: 'user', content: 'hi' } });
    expect(message.statusCode).toBe(429);
  });

  it('gives every key its own bucket', async () => {
    expect((await postChat(app, keyB, chat)).statusCode).toBe(201);
  });

  it('applies the organization override (RATE_LIMIT_ORG_OVERRIDES)', async () => {
    const codes = [];
    for (let i = 0; i < 13; i++) codes.push((await postChat(app, vipKey, chat)).statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(12);
    expect(codes[12]).toBe(429);
  });

  it('limits dashboard users by a bucket of their own, not the API key buckets', async () => {
    const user = await signUp(app);
    const res = await app.inject({ url: '/api/v1/chats', headers: { authorization: `Bearer ${user.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['ratelimit-policy']).toBe('"user";q=100;w=2');
  });

  it('refuses an API key over its limit before reading the body: 429, not the 400 a malformed body gets', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/api/v1/chats', headers: { ...apiKeyHeaders(keyA), 'content-type': 'application/json' }, payload: '{not json' })).statusCode);
    }
    expect(codes).toEqual([429, 429, 429]); // keyA spent its burst above
    const batch = await app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: { ...apiKeyHeaders(keyA), 'content-type': 'application/json' }, payload: '{not json' });
    expect(batch.statusCode).toBe(429);
  });

  it('a bad key is still 401, not counted against anyone', async () => {
    expect((await postChat(app, 'clk_' + 'A'.repeat(48), chat)).statusCode).toBe(401);
  });
});

describe('POST /auth/login', () => {
  let app: App;
  let email: string;
  let password: string;
  beforeAll(async () => {
    app = await appWith({ login: { attempts: 3, windowSeconds: 900 }, loginIp: { attempts: 6, windowSeconds: 300 } });
    ({ email, password } = await signUp(app)); // one login from 127.0.0.1 already
  });
  const login = (body: object, ip = '198.51.100.1') =>
    app.inject({ method: 'POST', url: '/auth/login', payload: body, remoteAddress: ip });

  it('does not count successful logins', async () => {
    for (let i = 0; i < 8; i++) expect((await login({ email, password }, '198.51.100.5')).statusCode).toBe(200);
  });

  it('reports on a successful login what is left after its attempt was given back', async () => {
    const ok = await login({ email, password }, '198.51.100.6');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['ratelimit']).toMatch(/^"login";r=3;t=0, "login-ip";r=6;t=0$/);
    expect((await login({ email, password: 'wrong password' }, '198.51.100.6')).headers['ratelimit']).toMatch(/^"login";r=2;t=\d+, "login-ip";r=5;t=\d+$/);
    // One failure stays counted; a success after it gives back only its own attempt.
    expect((await login({ email, password }, '198.51.100.6')).headers['ratelimit']).toMatch(/^"login";r=2;t=\d+, "login-ip";r=5;t=\d+$/);
  });

  it('refuses an IP + e-mail after its failed attempts, even with the right password; other e-mails and IPs go on', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await login({ email, password: 'wrong password' })).statusCode);
    expect(codes).toEqual([401, 401, 401]);
    const refused = await login({ email: email.toUpperCase(), password });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: expect.stringMatching(/^Too many failed login attempts; retry in \d+ s$/), code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(200); // one attempt per 300 s comes back
    expect(refused.headers['ratelimit-policy']).toBe('"login";q=3;w=900, "login-ip";q=6;w=300');
    expect(refused.headers['ratelimit']).toMatch(/^"login";r=0;t=\d+, "login-ip";r=2;t=\d+$/);

    expect((await login({ email, password }, '198.51.100.2')).statusCode).toBe(200);
    expect((await login({ email: 'someone-else@example.com', password: 'x' })).statusCode).toBe(401);
  });

  it('refuses an IP after its looser limit of failures, whatever the e-mail', async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await login({ email: `guess-${i}@example.com`, password: 'x' }, '198.51.100.9')).statusCode);
    expect(codes).toEqual([401, 401, 401]);
    for (let i = 3; i < 6; i++) await login({ email: `guess-${i}@example.com`, password: 'x' }, '198.51.100.9');
    expect((await login({ email, password }, '198.51.100.9')).statusCode).toBe(429);
  });
});

describe('POST /auth/login behind a proxy (TRUST_PROXY)', () => {
  let app: App;
  let email: string;
  let password: string;
  beforeAll(async () => {
    app = await appWith({ login: { attempts: 3, windowSeconds: 900 }, loginIp: { attempts: 100, windowSeconds: 300 } }, { trustProxy: ['10.0.0.0/8'] });
    ({ email, password } = await signUp(app));
  });
  const login = (body: object, peer: string, forwardedFor: string) =>
    app.inject({ method: 'POST', url: '/auth/login', payload: body, remoteAddress: peer, headers: { 'x-forwarded-for': forwardedFor } });

  it("counts failures per client address the trusted proxy forwards, so one client's guesses do not lock out the others", async () => {
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await login({ email, password: 'wrong' }, '10.0.0.2', '203.0.113.1')).statusCode);
    expect(codes).toEqual([401, 401, 401]);
    expect((await login({ email, password }, '10.0.0.2', '203.0.113.1')).statusCode).toBe(429);
    expect((await login({ email, password }, '10.0.0.2', '203.0.113.2')).statusCode).toBe(200);
  });

  it('with a hop count (TRUST_PROXY=1), the address the nearest proxy forwarded is the client', async () => {
    const behindOne = await appWith({ login: { attempts: 2, windowSeconds: 900 }, loginIp: { attempts: 100, windowSeconds: 300 } }, { trustProxy: 1 });
    const attempt = (pw: string, forwardedFor: string) =>
      behindOne.inject({ method: 'POST', url: '/auth/login', payload: { email, password: pw }, remoteAddress: '198.51.100.40', headers: { 'x-forwarded-for': forwardedFor } });
    // "spoofed, real": the client wrote the first entry itself; one hop back is what the proxy saw.
    for (let i = 0; i < 2; i++) expect((await attempt('wrong', `192.0.2.${i}, 203.0.113.50`)).statusCode).toBe(401);
    expect((await attempt(password, '192.0.2.77, 203.0.113.50')).statusCode).toBe(429);
    expect((await attempt(password, '203.0.113.51')).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy (a client cannot pick its address)', async () => {
    for (let i = 0; i < 3; i++) expect((await login({ email, password: 'wrong' }, '198.51.100.7', `192.0.2.${i}`)).statusCode).toBe(401);
    expect((await login({ email, password }, '198.51.100.7', '192.0.2.99')).statusCode).toBe(429);
  });
});

describe('per dashboard user (JWT)', () => {
  it('limits a writer with a JWT like a bot, before the body is read, per user', async () => {
    const app = await appWith({ user: { ratePerSecond: 0.5, burst: 4 } });
    const writer = await signUp(app);
    const before = await countChats(database, writer.organization.id);
    const headers = { authorization: `Bearer ${writer.token}` };
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await app.inject({ method: 'POST', url: '/api/v1/chats', headers, payload: chat })).statusCode);
    // signUp itself made two requests with this user's token.
    expect(codes).toEqual([201, 201, 429, 429, 429]);
    expect(await countChats(database, writer.organization.id)).toBe(before + 2);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: { ...headers, 'content-type': 'application/json' }, payload: '{not json' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: expect.stringMatching(/^Too many requests for this user \(at most 0.5 per second, bursts of 4\); retry in \d+ s$/), code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another user of the same organization has a bucket of their own.
    const colleague = await signUp(app);
    expect((await app.inject({ url: '/api/v1/chats', headers: { authorization: `Bearer ${colleague.token}` } })).statusCode).toBe(200);
  });
});

describe('chat batch bytes (per organization)', () => {
  it("counts each batch's declared size against its organization, before the body is read; other organizations go on", async () => {
    const MiB = 1024 * 1024;
    const app = await appWith({ batchBytes: { ratePerSecond: 0.1 * MiB, burst: 3 * MiB } });
    const admin = await signUp(app);
    const [one, two] = [(await createApiKey(app, admin.token)).key, (await createApiKey(app, admin.token)).key];
    const batch = (key: string, chats: number) => {
      // ~2 MiB per 1,000 chats: a long transcript link each.
      const body = JSON.stringify({ chats: Array.from({ length: chats }, (_, i) => ({ title: `bulk ${i}`, metadata: { transcript_link: `https://bot.example.com/t/${'x'.repeat(2000)}` } })) });
      return app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: { ...apiKeyHeaders(key), 'content-type': 'application/json' }, payload: body });
    };
    const first = await batch(one, 1000); // ~2 MiB
    expect(first.statusCode).toBe(207);
    // The second key of the same organization shares the organization's bytes.
    const refused = await batch(two, 1000);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      error: expect.stringMatching(/^Too many batch bytes for this organization \(at most 0.1 MiB per second, bursts of 3 MiB\); retry in \d+ s$/),
      code: 'rate_limited',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(5); // ~1 MiB missing at 0.1 MiB/s
    // Refused before the body was read: a malformed body of that size is 429 too, not 400.
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: { ...apiKeyHeaders(two), 'content-type': 'application/json' }, payload: '{' + ' '.repeat(4 * MiB) });
    expect(malformed.statusCode).toBe(429);
    expect((await batch(two, 10)).statusCode).toBe(207); // small ones still fit
    const other = await signUp(app);
    expect((await batch((await createApiKey(app, other.token)).key, 1000)).statusCode).toBe(207);
  });
});

describe('POST /auth/register (per client IP)', () => {
  it('counts every attempt per address, before the body is read; other addresses go on', async () => {
    const app = await appWith({ register: { attempts: 3, windowSeconds: 3600 } });
    const register = (payload: unknown, ip: string) =>
      app.inject({ method: 'POST', url: '/auth/register', payload: payload as object, remoteAddress: ip });
    const body = () => ({ email: `r-${crypto.randomBytes(4).toString('hex')}@example.com`, password: 'velvet otter mandolin', organization_name: `R ${crypto.randomBytes(4).toString('hex')}` });
    const codes = [
      (await register(body(), '198.51.100.20')).statusCode,
      (await register({ email: 'bad' }, '198.51.100.20')).statusCode, // a refused attempt counts too
      (await register(body(), '198.51.100.20')).statusCode,
    ];
    expect(codes).toEqual([202, 400, 202]);
    const refused = await app.inject({ method: 'POST', url: '/auth/register', headers: { 'content-type': 'application/json' }, payload: '{not json', remoteAddress: '198.51.100.20' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: expect.stringMatching(/^Too many registrations from this address; retry in \d+ s$/), code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(1000); // one attempt per 1,200 s comes back
    expect(refused.headers['ratelimit-policy']).toBe('"register";q=3;w=3600');
    const organizations = (await database.pool.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n;
    expect((await register(body(), '198.51.100.20')).statusCode).toBe(429);
    expect((await database.pool.query('SELECT count(*)::int AS n FROM organizations')).rows[0].n).toBe(organizations);
    expect((await register(body(), '198.51.100.21')).statusCode).toBe(202);
  });
});

describe('POST /api/v1/users/me/password (per user)', () => {
  it('counts wrong current passwords only, then refuses even the right one; other users go on', async () => {
    const app = await appWith({ passwordChange: { attempts: 3, windowSeconds: 900 } });
    const me = await signUp(app);
    const change = (token: string, current: string, next: string) =>
      app.inject({ method: 'POST', url: '/api/v1/users/me/password', headers: { authorization: `Bearer ${token}` }, payload: { current_password: current, new_password: next } });
    // Successes and refusals of the new password are not guesses of the current one.
    expect((await change(me.token, me.password, 'velvet otter mandolin')).statusCode).toBe(200);
    expect((await change(me.token, 'velvet otter mandolin', 'password123')).statusCode).toBe(400);
    expect((await change(me.token, 'velvet otter mandolin', 'tulip harbour quartz')).statusCode).toBe(200);
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await change(me.token, `wrong guess ${i}`, 'lantern cobalt fjord')).statusCode);
    expect(codes).toEqual([401, 401, 401]);
    const refused = await change(me.token, 'tulip harbour quartz', 'lantern cobalt fjord');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: expect.stringMatching(/^Too many wrong current passwords; retry in \d+ s$/), code: 'rate_limited' });
    expect(refused.headers['ratelimit-policy']).toBe('"password-change";q=3;w=900');
    // Nothing changed: the password is still the last one set.
    expect((await app.inject({ method: 'POST', url: '/auth/login', payload: { email: me.email, password: 'tulip harbour quartz' }, remoteAddress: '198.51.100.30' })).statusCode).toBe(200);
    const colleague = await signUp(app);
    expect((await change(colleague.token, colleague.password, 'lantern cobalt fjord')).statusCode).toBe(200);
  });
});

describe.runIf(REDIS_URL !== undefined)('shared through Redis (REDIS_URL)', () => {
  const redisUrl = REDIS_URL!;
  const prefix = `chatlogger-test:${crypto.randomBytes(6).toString('hex')}:`;
  afterAll(async () => {
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('two instances share one bucket per key', async () => {
    const settings = { apiKey: { ratePerSecond: 0.5, burst: 6 }, redisUrl: redisUrl, redisKeyPrefix: prefix };
    const one = await appWith(settings);
    const two = await appWith(settings);
    const admin = await signUp(one);
    const { key } = await createApiKey(one, admin.token);
    const codes = [];
    for (let i = 0; i < 8; i++) codes.push((await postChat(i % 2 ? two : one, key, chat)).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 201, 429, 429]);
    const refused = await postChat(two, key, chat);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.headers['ratelimit']).toMatch(/^"api-key";r=0;t=1[12]$/);
  });

  it('counts failed logins only, across instances', async () => {
    const settings = { login: { attempts: 2, windowSeconds: 900 }, redisUrl: redisUrl, redisKeyPrefix: prefix };
    const one = await appWith(settings);
    const two = await appWith(settings);
    const { email, password } = await signUp(one);
    const login = (app: App, pw: string) => app.inject({ method: 'POST', url: '/auth/login', payload: { email, password: pw }, remoteAddress: '203.0.113.50' });
    for (let i = 0; i < 4; i++) expect((await login(i % 2 ? two : one, password)).statusCode).toBe(200);
    expect((await login(one, 'wrong password')).statusCode).toBe(401);
    expect((await login(two, 'wrong password')).statusCode).toBe(401);
    expect((await login(one, password)).statusCode).toBe(429);
  });

  it('the Lua script refills with the time that passed', async () => {
    const redis = new Redis(redisUrl);
    let now = 1_000_000;
    const store = new RedisBucketStore(redis, () => {}, prefix, () => now);
    const policy = { name: 'p', burst: 3, ratePerSecond: 20 };
    const first = await Promise.all(Array.from({ length: 5 }, () => store.take('lua', policy)));
    expect(first.filter((r) => r.allowed)).toHaveLength(3);
    now += 120; // 2.4 tokens
    const later = await Promise.all(Array.from({ length: 4 }, () => store.take('lua', policy)));
    expect(later.filter((r) => r.allowed)).toHaveLength(2);
    expect(await redis.pttl(`${prefix}lua`)).toBeGreaterThan(1000);
    await store.close();
  });

  it('without an injected clock the script reads the Redis server\'s', async () => {
    const redis = new Redis(redisUrl);
    const store = new RedisBucketStore(redis, () => {}, prefix);
    // 1 token per 1000 s: no refill can happen during the test, whatever the machine's speed.
    const policy = { name: 'p', burst: 2, ratePerSecond: 0.001 };
    const taken = await Promise.all(Array.from({ length: 3 }, () => store.take('redis-clock', policy)));
    expect(taken.map((r) => r.allowed).sort()).toEqual([false, true, true]);
    const [seconds] = await redis.time();
    const at = Number(await redis.hget(`${prefix}redis-clock`, 'at'));
    expect(Math.abs(at - Number(seconds) * 1000)).toBeLessThan(60_000);
    await store.close();
  });
});

describe('when Redis cannot be reached', () => {
  it('lets requests through and logs a warning instead of failing them', async () => {
    let log = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((log += chunk), done()) });
    const app = await appWith({ apiKey: { ratePerSecond: 0.5, burst: 2 }, redisUrl: `redis://127.0.0.1:${await freePort()}` }, { logger: sink });
    const admin = await signUp(app);
    const { key } = await createApiKey(app, admin.token);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await postChat(app, key, chat)).statusCode);
    expect(codes).toEqual([201, 201, 201, 201]);
    expect(log).toContain('rate limiter: Redis unavailable, allowing requests without a limit');
  });
});
