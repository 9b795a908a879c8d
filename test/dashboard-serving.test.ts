// The server's side of the dashboard: its build at /, client-side routes answered with index.html,
// the API's JSON 404 kept for everything else, caching and security headers, and a clear page
// when the build is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from './helpers/app.js';

// A small build of our own: the tests check the serving, not the dashboard's content.
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-web-'));
fs.mkdirSync(path.join(webDist, 'assets'));
fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>ChatLogger</title><div id="root"></div>');
fs.writeFileSync(path.join(webDist, 'assets', 'index-abc123.js'), 'console.log(1)');
fs.writeFileSync(path.join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ webDist });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('serving the dashboard', () => {
  it.each(['/', '/chats', '/chats/42?sentiment=negative', '/members', '/login', '/a/page/that/does/not/exist'])('GET %s answers the page', async (url) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<div id="root"></div>');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('serves hashed assets cached for good, other files revalidated', async () => {
    const asset = await ctx.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await ctx.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('serves a rebuild at once: files that appear after start-up are found', async () => {
    fs.writeFileSync(path.join(webDist, 'assets', 'index-rebuilt.js'), 'console.log(2)');
    const res = await ctx.app.inject({ method: 'GET', url: '/assets/index-rebuilt.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(2)');
  });

  it.each([
    ['GET', '/assets/index-old.js'],
    ['GET', '/api/v1/nothing-here'],
    ['GET', '/api'],
    ['GET', '/auth/nothing'],
    ['POST', '/chats'],
    ['DELETE', '/members'],
  ])('%s %s keeps the JSON 404 of the API', async (method, url) => {
    const res = await ctx.app.inject({ method: method as 'GET', url, headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: `Route ${method} ${url} not found`, code: 'not_found' });
  });

  it('leaves the API, the docs and the OpenAPI document as they were', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/chats' })).statusCode).toBe(401);
    const openapi = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    // The static files are not API routes.
    expect(Object.keys(openapi.paths).filter((p) => !p.startsWith('/api/') && !p.startsWith('/auth/'))).toEqual(['/health', '/version']);
  });
});

describe('without a build', () => {
  it('says how to build the dashboard, and the API still works', async () => {
    const missing = await createTestApp({ webDist: path.join(webDist, 'does-not-exist') });
    try {
      const page = await missing.app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('npm run build:web');
      expect((await missing.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await missing.app.inject({ method: 'GET', url: '/api/v1/nope' })).statusCode).toBe(404);
    } finally {
      await missing.close();
    }
  });
});
