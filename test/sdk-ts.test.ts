// The TypeScript SDK (packages/sdk-ts) against the real server over real HTTP, on this file's
// database (PGlite; PostgreSQL too when DATABASE_URL is set). Failures are real: a TCP proxy that
// cuts answers after the server handled the request, a port nobody listens on, the server's own
// rate limiter. The package build and its README's quick start: test/sdk-ts-package.test.ts.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ChatLogger, ChatLoggerError, NetworkError, type CreateChatInput } from '../packages/sdk-ts/src/index.js';
import { parseRetryAfter } from '../packages/sdk-ts/src/transport.js';
import { startFlakyProxy, type FlakyProxy } from './helpers/flaky-proxy.js';
import { freePort } from './helpers/server-process.js';
import { startSdkServer, type SdkServer } from './helpers/sdk-server.js';

let s: SdkServer;
let proxy: FlakyProxy;
beforeAll(async () => {
  s = await startSdkServer();
  proxy = await startFlakyProxy(s.url);
});
afterAll(async () => {
  await proxy?.close();
  await s?.close();
});

const prefix = () => `ts-${crypto.randomBytes(4).toString('hex')}-`;
const orgId = () => s.admin.organization.id;
const fastRetries = { minRetryDelayMs: 5, maxRetryDelayMs: 50 };
const client = (baseUrl = s.url, extra = {}) => new ChatLogger({ apiKey: s.apiKey, baseUrl, ...fastRetries, ...extra });
const chat = (session: string, i = 0): CreateChatInput => ({
  title: `Chat ${i}`,
  tags: ['sdk'],
  user_id: 1 + (i % 100),
  metadata: { session_id: session, user_rating: 1 + (i % 5), language_code: 'nl', country_code: 'NL', is_escalated: i % 2 === 0 },
});

describe('ChatLogger client', () => {
  it('creates a chat, adds messages and records the outcome (PATCH), as stored by the server', async () => {
    const p = prefix();
    const c = client();
    const created = await c.createChat(chat(`${p}1`));
    expect(created.message).toBe('Chat created successfully');
    const message = await c.addMessage(created.chat_id, { role: 'user', content: 'How many leave days do I have?', metadata: { token_count: 9 } });
    expect(message.message_id).toBeGreaterThan(0);
    const updated = await c.updateChat(created.chat_id, { metadata: { user_rating: 5, sentiment: 'Positive' }, add_tags: ['resolved'] });
    expect(updated).toMatchObject({ id: created.chat_id, tags: ['sdk', 'resolved'], metadata: { user_rating: 5, sentiment: 'positive', session_id: `${p}1` } });
    const { rows } = await s.ctx.database.pool.query('SELECT role, content FROM messages WHERE chat_id = $1', [created.chat_id]);
    expect(rows).toEqual([{ role: 'user', content: 'How many leave days do I have?' }]);
  });

  it('surfaces a validation error as an ApiError with status, code and field, and stores nothing', async () => {
    const p = prefix();
    const error = await client()
      .createChat({ metadata: { session_id: `${p}bad`, user_rating: 6 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ChatLoggerError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', field: 'metadata.user_rating', message: 'metadata.user_rating must be at most 5' });
    expect((error as ApiError).requestId).toBeTruthy();
    expect(await s.count(orgId(), p)).toEqual({ rows: 0, distinct: 0 });

    const patch = await client().updateChat(999_999_999, { title: 'x' }).catch((e: unknown) => e);
    expect(patch).toMatchObject({ status: 404 });
    const unknownField = await client().updateChat(1, { colour: 'red' } as never).catch((e: unknown) => e);
    expect(unknownField).toMatchObject({ status: 400, field: 'colour' });
  });

  it('sends one chat once for one Idempotency-Key, even from two concurrent calls; a malformed key is a 400 naming the header', async () => {
    const p = prefix();
    const c = client();
    const key = `order-${p}`;
    const [a, b] = await Promise.all([c.createChat(chat(`${p}1`), { idempotencyKey: key }), c.createChat(chat(`${p}1`), { idempotencyKey: key })]);
    expect(a.chat_id).toBe(b.chat_id);
    expect(await s.count(orgId(), p)).toEqual({ rows: 1, distinct: 1 });
    await expect(c.createChat({}, { idempotencyKey: 'not ascii: é' })).rejects.toMatchObject({ status: 400, field: 'Idempotency-Key' });
  });

  it('createChats answers one result per chat: 201 with chat_id, or 400 with the field', async () => {
    const p = prefix();
    const results = await client().createChats([chat(`${p}1`), { metadata: { session_id: `${p}2`, user_rating: 0 } }, chat(`${p}3`)]);
    expect(results.map((r) => r.status)).toEqual([201, 400, 201]);
    expect(results[1]).toMatchObject({ index: 1, code: 'invalid_request', field: 'metadata.user_rating' });
    expect(await s.count(orgId(), p)).toEqual({ rows: 2, distinct: 2 });
  });

  it('rejects a wrong API key with a 401 ApiError (not retried)', async () => {
    const statuses: number[] = [];
    const c = new ChatLogger({ apiKey: 'clk_wrong', baseUrl: s.url, fetch: countingFetch(statuses) });
    await expect(c.createChat({})).rejects.toMatchObject({ status: 401 });
    expect(statuses).toEqual([401]);
  });

  it('retries a create whose answer was cut after the server stored it, without storing it twice', async () => {
    const p = prefix();
    proxy.cut(1);
    const before = proxy.counts.cut;
    const created = await client(proxy.url).createChat(chat(`${p}1`));
    expect(proxy.counts.cut).toBe(before + 1);
    expect(await s.count(orgId(), p)).toEqual({ rows: 1, distinct: 1 });
    const { rows } = await s.ctx.database.pool.query('SELECT id FROM chats WHERE organization_id = $1 AND session_id = $2', [orgId(), `${p}1`]);
    expect(rows).toEqual([{ id: created.chat_id }]);

    // The same for a message: one row, though the first answer never arrived.
    proxy.cut(1);
    await client(proxy.url).addMessage(created.chat_id, { role: 'assistant', content: 'You have 12 days left.' });
    const messages = await s.ctx.database.pool.query('SELECT count(*)::int AS n FROM messages WHERE chat_id = $1', [created.chat_id]);
    expect(messages.rows[0].n).toBe(1);
  });

  it('(the proxy is real) a plain POST retried without an Idempotency-Key after a cut answer is stored twice', async () => {
    const p = prefix();
    const post = () =>
      fetch(`${proxy.url}/api/v1/chats`, {
        method: 'POST',
        headers: { 'x-organization-api-key': s.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify(chat(`${p}1`)),
      });
    proxy.cut(1);
    await expect(post()).rejects.toThrow();
    expect((await post()).status).toBe(201);
    expect(await s.count(orgId(), p)).toEqual({ rows: 2, distinct: 1 });
  });

  it('gives up after maxRetries with a NetworkError when nothing listens', async () => {
    const port = await freePort();
    const error = await client(`http://127.0.0.1:${port}`, { maxRetries: 2 }).createChat({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'network_error' });
  });

  it("waits out the server's 429 (Retry-After) and stores every chat once", async () => {
    const p = prefix();
    const statuses: number[] = [];
    const c = new ChatLogger({ apiKey: s.throttled.apiKey, baseUrl: s.url, fetch: countingFetch(statuses), ...fastRetries });
    for (let i = 0; i < 3; i++) await c.createChat(chat(`${p}${i}`, i));
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(await s.count(s.throttled.admin.organization.id, p)).toEqual({ rows: 3, distinct: 3 });
  });

  it("retries a gateway's 503 and stores the chat once", async () => {
    const p = prefix();
    proxy.reject(2, 503);
    const statuses: number[] = [];
    await client(proxy.url, { fetch: countingFetch(statuses) }).createChat(chat(`${p}1`));
    expect(statuses).toEqual([503, 503, 201]);
    expect(await s.count(orgId(), p)).toEqual({ rows: 1, distinct: 1 });
  });

  it('refuses a client without an API key, and a chat id that is not a positive integer', async () => {
    expect(() => new ChatLogger({ apiKey: '' })).toThrow(/apiKey is required/);
    await expect(client().updateChat(0, {})).rejects.toMatchObject({ field: 'chatId' });
    await expect(client().addMessage(1.5, { role: 'user', content: 'x' })).rejects.toMatchObject({ field: 'chatId' });
  });
});

describe('BufferedLogger', () => {
  it('delivers 10,000 chats exactly once, through answers cut on the way', async () => {
    const p = prefix();
    proxy.cut(3);
    const before = proxy.counts.cut;
    const errors: unknown[] = [];
    const logger = client(proxy.url).bufferedLogger({ onItemError: (e) => errors.push(e), maxBatchSize: 500 });
    for (let i = 0; i < 10_000; i++) logger.log(chat(`${p}${i}`, i));
    const stats = await logger.close();
    expect(proxy.counts.cut).toBe(before + 3);
    expect(errors).toEqual([]);
    expect(stats).toEqual({ buffered: 0, inFlight: 0, sent: 10_000, rejected: 0, dropped: 0 });
    expect(await s.count(orgId(), p)).toEqual({ rows: 10_000, distinct: 10_000 });
  });

  it('sends after flushIntervalMs without waiting for a full batch, or for close()', async () => {
    const p = prefix();
    const logger = client().bufferedLogger({ flushIntervalMs: 20, maxBatchSize: 1000 });
    logger.log(chat(`${p}1`));
    logger.log(chat(`${p}2`));
    await until(async () => logger.stats().sent === 2);
    expect(await s.count(orgId(), p)).toEqual({ rows: 2, distinct: 2 });
    await logger.close();
  });

  it('reports each invalid chat to onItemError with its field, and stores the others', async () => {
    const p = prefix();
    const rejected: { error: ChatLoggerError; chat: CreateChatInput }[] = [];
    const logger = client().bufferedLogger({ onItemError: (error, c) => rejected.push({ error, chat: c }) });
    logger.log(chat(`${p}1`));
    logger.log({ metadata: { session_id: `${p}bad`, country_code: 'XX' } });
    logger.log(chat(`${p}2`));
    const stats = await logger.close();
    expect(stats).toMatchObject({ sent: 2, rejected: 1 });
    expect(rejected).toHaveLength(1);
    expect(rejected[0].error).toMatchObject({ status: 400, code: 'invalid_request', field: 'metadata.country_code' });
    expect(rejected[0].chat).toEqual({ metadata: { session_id: `${p}bad`, country_code: 'XX' } });
    expect(await s.count(orgId(), p)).toEqual({ rows: 2, distinct: 2 });
  });

  it('keeps chats while the server is unreachable and delivers them once it is back', async () => {
    const p = prefix();
    proxy.down(true);
    const logger = client(proxy.url).bufferedLogger({ flushIntervalMs: 5, maxBatchSize: 20 });
    for (let i = 0; i < 50; i++) logger.log(chat(`${p}${i}`, i));
    await until(async () => proxy.counts.refused >= 3);
    expect(await s.count(orgId(), p)).toEqual({ rows: 0, distinct: 0 });
    proxy.down(false);
    expect(await logger.close()).toMatchObject({ sent: 50, dropped: 0 });
    expect(await s.count(orgId(), p)).toEqual({ rows: 50, distinct: 50 });
  });

  it('bounds its memory when the server stays unreachable: drops the oldest, with counted warnings', async () => {
    const port = await freePort();
    const warnings: string[] = [];
    const logger = client(`http://127.0.0.1:${port}`).bufferedLogger({
      maxBatchSize: 10,
      maxBufferedChats: 100,
      closeTimeoutMs: 50,
      onWarning: (m) => warnings.push(m),
    });
    for (let i = 0; i < 250; i++) logger.log(chat(`x${i}`, i));
    // 10 went into the first request, 100 wait: the 140 oldest of the others were dropped.
    expect(logger.stats()).toEqual({ buffered: 100, inFlight: 10, sent: 0, rejected: 0, dropped: 140 });
    expect(warnings[0]).toMatch(/100 chats are waiting for the server; dropped the oldest 1 \(1 dropped since the logger started\)/);
    const stats = await logger.close();
    expect(stats).toEqual({ buffered: 0, inFlight: 0, sent: 0, rejected: 0, dropped: 250 });
    expect(warnings.at(-1)).toMatch(/250 dropped since the logger started/);
    expect(() => logger.log({})).toThrow(expect.objectContaining({ code: 'logger_closed' }));
  });

  it('reports every chat of a batch the server refuses as a whole (wrong API key), without retrying', async () => {
    const statuses: number[] = [];
    const rejected: ChatLoggerError[] = [];
    const logger = new ChatLogger({ apiKey: 'clk_wrong', baseUrl: s.url, fetch: countingFetch(statuses) }).bufferedLogger({ onItemError: (e) => rejected.push(e) });
    logger.log({});
    logger.log({});
    expect(await logger.close()).toMatchObject({ sent: 0, rejected: 2 });
    expect(statuses).toEqual([401]);
    expect(rejected.map((e) => e.status)).toEqual([401, 401]);
  });

  it('splits batches by bytes as well as by count (the server takes 5 MiB per batch)', async () => {
    const p = prefix();
    const statuses: number[] = [];
    const logger = client(s.url, { fetch: countingFetch(statuses) }).bufferedLogger({ maxBatchBytes: 16_384, maxBatchSize: 1000 });
    // Each chat is about 3.4 KB of JSON (50 tags of 64 characters): 4 fit in 16 KiB.
    const tags = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(2, '0')}${'t'.repeat(62)}`);
    for (let i = 0; i < 20; i++) logger.log({ tags, metadata: { session_id: `${p}${i}` } });
    expect(await logger.close()).toMatchObject({ sent: 20, rejected: 0 });
    expect(statuses).toEqual([207, 207, 207, 207, 207]);
    expect(await s.count(orgId(), p)).toEqual({ rows: 20, distinct: 20 });
  });

  it('flush() sends what was logged and the logger goes on; a chat larger than a batch is reported, not sent', async () => {
    const p = prefix();
    const rejected: ChatLoggerError[] = [];
    const logger = client().bufferedLogger({ flushIntervalMs: 3_600_000, maxBatchBytes: 1024, onItemError: (e) => rejected.push(e) });
    logger.log(chat(`${p}1`));
    await logger.flush();
    expect(await s.count(orgId(), p)).toEqual({ rows: 1, distinct: 1 });
    logger.log({ title: 'x'.repeat(2000) });
    expect(rejected.map((e) => e.code)).toEqual(['payload_too_large']);
    logger.log(chat(`${p}2`));
    expect(await logger.close()).toMatchObject({ sent: 2, rejected: 1, dropped: 0 });
    expect(await s.count(orgId(), p)).toEqual({ rows: 2, distinct: 2 });
  });

  it('never rejects in the background: a broken fetch drops the batch with a warning', async () => {
    const warnings: string[] = [];
    const logger = new ChatLogger({ apiKey: s.apiKey, baseUrl: s.url, fetch: async () => undefined as never }).bufferedLogger({ onWarning: (m) => warnings.push(m) });
    logger.log({});
    expect(await logger.close()).toMatchObject({ sent: 0, dropped: 1 });
    expect(warnings).toEqual([expect.stringMatching(/dropped 1 chat\(s\) not sent \(unexpected error: /)]);
  });

  it('refuses options out of range, naming the option', () => {
    expect(() => client().bufferedLogger({ maxBatchSize: 1001 })).toThrow(expect.objectContaining({ field: 'maxBatchSize' }));
    expect(() => client().bufferedLogger({ flushIntervalMs: -1 })).toThrow(expect.objectContaining({ field: 'flushIntervalMs' }));
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

function countingFetch(statuses: number[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    statuses.push(res.status);
    return res;
  };
}

/** Polls `condition` (every 20 ms, up to 10 s): for effects that happen in the background. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met within 10 s');
}
