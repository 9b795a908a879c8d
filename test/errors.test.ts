// Failures of the server's own parts: what the caller sees, and that nothing internal leaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { connectPostgres } from '../src/db/connection.js';
import { createApiKey, createTestApp, fullChat, postChat, signUp, TEST_JWT_SECRET, type TestContext } from './helpers/app.js';
import { freePort } from './helpers/server-process.js';

describe('when a query fails', () => {
  let t: TestContext;
  let key: string;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await signUp(t.app);
    key = (await createApiKey(t.app, admin.token)).key;
    // A real database failure: the table the insert needs is gone.
    await t.database.pool.query('ALTER TABLE chats RENAME TO chats_moved_away');
  });
  afterAll(() => t.close());

  it('answers 500 saying what failed, without SQL or driver text', async () => {
    const res = await postChat(t.app, key, fullChat());
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'Failed to create chat', code: 'internal_error' });
    expect(res.body).not.toMatch(/relation|chats|insert|SQL|stack/i);
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('when the database cannot be reached', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    const database = connectPostgres(`postgres://postgres@127.0.0.1:${await freePort()}/nothing`, 1);
    app = await buildApp({ database, dataDir: '/nonexistent', jwtSecret: TEST_JWT_SECRET });
  });
  afterAll(() => app.close());

  it('GET /health answers 503', async () => {
    const res = await app.inject({ url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toBe('Database unreachable');
  });

  it('a request that needs the database answers 503 with Retry-After, not 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: 'a@example.com', password: 'whatever123' },
    });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toEqual({ error: 'Database unavailable, try again shortly', code: 'unavailable' });
  });
});
