// Security headers on every kind of response (helmet, src/app.ts), and the auth cookie's Secure flag:
// COOKIE_SECURE when set, else whether the request came over HTTPS (through a trusted proxy's
// X-Forwarded-Proto). The browser side (no CSP violation on the dashboard and /docs) is
// test/e2e/headers.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { createTestApp, signUp, TEST_JWT_SECRET, TEST_RATE_LIMITS, type SignedUp, type TestContext } from './helpers/app.js';
import { createTestDatabase } from './helpers/database.js';

let t: TestContext;
let admin: SignedUp;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app);
});
afterAll(() => t?.close());

function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  const csp = String(headers['content-security-policy']);
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("script-src 'self'");
  // Swagger UI's own <style> element: inline styles on /docs only, never inline scripts.
  if (what.startsWith('/docs')) expect(csp, what).toContain("style-src 'self' 'unsafe-inline'");
  else expect(csp, what).toMatch(/style-src 'self'(;|$)/);
  expect(csp, what).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp, what).not.toContain('upgrade-insecure-requests');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
}

describe('security headers', () => {
  it.each([
    ['a JSON answer', { url: '/api/v1/users/me', auth: true }],
    ['a 401', { url: '/api/v1/chats', auth: false }],
    ['a 404 of the API', { url: '/api/v1/no-such-thing', auth: false }],
    ['/docs', { url: '/docs', auth: false }],
    ['/docs/static/index.html', { url: '/docs/static/index.html', auth: false }],
    ['/openapi.json', { url: '/openapi.json', auth: false }],
    ['/health', { url: '/health', auth: false }],
  ])('are on %s', async (what, { url, auth }) => {
    const res = await t.app.inject({ url, headers: auth ? { authorization: `Bearer ${admin.token}` } : {} });
    expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    expectSecurityHeaders(res.headers, what);
  });

  it('are on a 400, a 415 and a 429', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' });
    expect(bad.statusCode).toBe(400);
    expectSecurityHeaders(bad.headers, '400');
    const wrongType = await t.app.inject({ method: 'POST', url: '/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(wrongType.statusCode).toBe(415);
    expectSecurityHeaders(wrongType.headers, '415');
  });
});

describe('the auth cookie is Secure', () => {
  let database: Database;
  const apps: App[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-headers-'));
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  async function appWith(options: { cookieSecure?: boolean; trustProxy?: string[] }) {
    const app = await buildApp({ database, dataDir, jwtSecret: TEST_JWT_SECRET, rateLimit: TEST_RATE_LIMITS, ...options });
    await app.ready();
    apps.push(app);
    return app;
  }
  const secureFlag = async (app: App, headers: Record<string, string>, remoteAddress = '127.0.0.1') => {
    const { email, password } = await signUp(app);
    const res = await app.inject({ method: 'POST', url: '/auth/login', payload: { email, password }, headers, remoteAddress });
    expect(res.statusCode).toBe(200);
    return Boolean(res.cookies.find((c) => c.name === 'auth_token')?.secure);
  };

  it('by default, when the request came over HTTPS through a trusted proxy, and not over plain HTTP', async () => {
    const app = await appWith({ trustProxy: ['10.0.0.0/8'] });
    expect(await secureFlag(app, { 'x-forwarded-proto': 'https' }, '10.0.0.5')).toBe(true);
    expect(await secureFlag(app, { 'x-forwarded-proto': 'http' }, '10.0.0.5')).toBe(false);
    expect(await secureFlag(app, {})).toBe(false);
    // A client that is not a trusted proxy cannot claim HTTPS (nor, more to the point, plain HTTP).
    expect(await secureFlag(app, { 'x-forwarded-proto': 'https' }, '198.51.100.3')).toBe(false);
    // Logout clears the cookie with the same flag, or the browser would keep it.
    const { email, password } = await signUp(app);
    const login = await app.inject({ method: 'POST', url: '/auth/login', payload: { email, password }, headers: { 'x-forwarded-proto': 'https' }, remoteAddress: '10.0.0.5' });
    const token = login.json().token as string;
    const logout = await app.inject({ method: 'POST', url: '/auth/logout', headers: { 'x-forwarded-proto': 'https', authorization: `Bearer ${token}` }, remoteAddress: '10.0.0.5' });
    expect(logout.cookies.find((c) => c.name === 'auth_token')?.secure).toBe(true);
  });

  it('COOKIE_SECURE overrides it both ways', async () => {
    expect(await secureFlag(await appWith({ cookieSecure: true }), {})).toBe(true);
    expect(await secureFlag(await appWith({ cookieSecure: false, trustProxy: ['10.0.0.0/8'] }), { 'x-forwarded-proto': 'https' }, '10.0.0.5')).toBe(false);
  });
});
