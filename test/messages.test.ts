import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let org: SignedUp;
let other: SignedUp;
let key: string;
let otherKey: string;
let chatId: number;

beforeAll(async () => {
  t = await createTestApp();
  org = await signUp(t.app);
  other = await signUp(t.app);
  key = (await createApiKey(t.app, org.token)).key;
  otherKey = (await createApiKey(t.app, other.token)).key;
  chatId = (await postChat(t.app, key, { title: 'transcript' })).json().chat_id;
});
afterAll(() => t.close());

const post = (payload: unknown, headers: Record<string, string> = apiKeyHeaders(key), url = `/api/v1/chats/${chatId}/messages`) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });

const messageCount = async () =>
  (await t.database.pool.query('SELECT count(*)::int AS n FROM messages WHERE organization_id = $1', [org.organization.id])).rows[0].n;

describe('POST messages', () => {
  it('adds a message with the contract body, on both routes', async () => {
    const res = await post({ role: 'user', content: 'How many leave days do I have?', metadata: { token_count: 12 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ message: 'Message created successfully', message_id: expect.any(Number) });
    const bySlug = await post({ role: 'assistant', content: 'You have 12 days left.', metadata: { token_count: 9, response_time: 850.5 } }, apiKeyHeaders(key), `/api/v1/orgs/${org.organization.slug}/chats/${chatId}/messages`);
    expect(bySlug.statusCode, bySlug.body).toBe(201);
    const dashboard = await post({ role: 'system', content: 'note' }, bearer(org.token));
    expect(dashboard.statusCode).toBe(201);
  });

  it.each([
    [{ content: 'x' }, 'role'],
    [{ role: 'bot', content: 'x' }, 'role'],
    [{ role: 'user' }, 'content'],
    [{ role: 'user', content: '' }, 'content'],
    [{ role: 'user', content: 'x'.repeat(100_001) }, 'content'],
    [{ role: 'user', content: 42 }, 'content'],
    [{ role: 'user', content: 'x', metadata: { token_count: -1 } }, 'metadata.token_count'],
    [{ role: 'user', content: 'x', metadata: { token_count: 1.5 } }, 'metadata.token_count'],
    [{ role: 'user', content: 'x', metadata: { response_time: -3 } }, 'metadata.response_time'],
    [{ role: 'user', content: 'x', metadata: { response_time: '3' } }, 'metadata.response_time'],
    [{ role: 'user', content: 'x', metadata: { sentiment: 'good' } }, 'metadata.sentiment'],
    [{ role: 'user', content: 'x', extra: 1 }, 'extra'],
    [{ role: 'user', content: 'a\u0000b' }, 'content'],
  ])('rejects %j with a 400 naming the field and stores nothing', async (payload, field) => {
    const before = await messageCount();
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toContain(field);
    expect(await messageCount()).toBe(before);
  });

  it('accepts content of exactly 100,000 characters', async () => {
    expect((await post({ role: 'assistant', content: 'y'.repeat(100_000) })).statusCode).toBe(201);
  });

  it("answers 404 for an unknown chat or another organization's, and stores nothing", async () => {
    const before = await messageCount();
    expect((await post({ role: 'user', content: 'x' }, apiKeyHeaders(key), '/api/v1/chats/999999999/messages')).statusCode).toBe(404);
    expect((await post({ role: 'user', content: 'x' }, apiKeyHeaders(otherKey))).statusCode).toBe(404);
    const slugRoute = await post({ role: 'user', content: 'x' }, apiKeyHeaders(otherKey), `/api/v1/orgs/${other.organization.slug}/chats/${chatId}/messages`);
    expect(slugRoute.statusCode).toBe(404);
    expect(await messageCount()).toBe(before);
  });

  it('refuses another organization\'s slug with 403', async () => {
    const res = await post({ role: 'user', content: 'x' }, apiKeyHeaders(key), `/api/v1/orgs/${other.organization.slug}/chats/${chatId}/messages`);
    expect(res.statusCode).toBe(403);
  });

  it('needs a writer: a key or an admin/user login', async () => {
    expect((await post({ role: 'user', content: 'x' }, {})).statusCode).toBe(401);
  });
});

describe('reading the transcript', () => {
  let chat: number;
  const contents = Array.from({ length: 7 }, (_, i) => `message ${i}`);

  beforeAll(async () => {
    chat = (await postChat(t.app, key, { title: 'long' })).json().chat_id;
    for (const [i, content] of contents.entries()) {
      await post({ role: i % 2 ? 'assistant' : 'user', content, metadata: { token_count: i, response_time: i * 10 } }, apiKeyHeaders(key), `/api/v1/chats/${chat}/messages`);
    }
  });

  it('GET /api/v1/chats/{id}/messages pages through the messages in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({ url: `/api/v1/chats/${chat}/messages?limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(org.token) });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().messages.map((m: { content: string }) => m.content));
      cursor = res.json().next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(contents);
  });

  it('each message reads back with its metadata', async () => {
    const res = await t.app.inject({ url: `/api/v1/chats/${chat}/messages?limit=2`, headers: bearer(org.token) });
    expect(res.json().messages[1]).toMatchObject({ chat_id: chat, role: 'assistant', content: 'message 1', metadata: { token_count: 1, response_time: 10 } });
  });

  it('GET /api/v1/chats/{id}?include_messages=true adds the transcript', async () => {
    const res = await t.app.inject({ url: `/api/v1/chats/${chat}?include_messages=true`, headers: bearer(org.token) });
    expect(res.json().messages.map((m: { content: string }) => m.content)).toEqual(contents);
    expect(res.json().messages_next_cursor).toBeNull();
    const plain = await t.app.inject({ url: `/api/v1/chats/${chat}`, headers: bearer(org.token) });
    expect(plain.json()).not.toHaveProperty('messages');
  });

  it("does not show another organization's transcript (404)", async () => {
    expect((await t.app.inject({ url: `/api/v1/chats/${chat}/messages`, headers: bearer(other.token) })).statusCode).toBe(404);
    const withChat = await t.app.inject({ url: `/api/v1/chats/${chat}?include_messages=true`, headers: bearer(other.token) });
    expect(withChat.statusCode).toBe(404);
  });

  it.each([['limit=0'], ['limit=1001'], ['cursor=nonsense'], ['foo=1']])('rejects %s with 400', async (query) => {
    expect((await t.app.inject({ url: `/api/v1/chats/${chat}/messages?${query}`, headers: bearer(org.token) })).statusCode).toBe(400);
  });
});

describe('GET /api/v1/analytics/messages', () => {
  it('counts messages in the range, by role, only for the organization', async () => {
    const fresh = await signUp(t.app);
    const freshKey = (await createApiKey(t.app, fresh.token)).key;
    const id = (await postChat(t.app, freshKey, {})).json().chat_id;
    for (const role of ['user', 'assistant', 'user', 'system']) {
      await t.app.inject({ method: 'POST', url: `/api/v1/chats/${id}/messages`, headers: apiKeyHeaders(freshKey), payload: { role, content: 'x' } });
    }
    await t.database.pool.query(`UPDATE messages SET created_at = '2025-06-01T00:00:00Z' WHERE organization_id = $1 AND role = 'system'`, [fresh.organization.id]);
    const res = await t.app.inject({ url: '/api/v1/analytics/messages', headers: bearer(fresh.token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total_messages: 3, by_role: { user: 2, assistant: 1, system: 0 } });
    const old = await t.app.inject({ url: '/api/v1/analytics/messages?start=2025-05-01&end=2025-07-01', headers: bearer(fresh.token) });
    expect(old.json()).toEqual({
      total_messages: 1,
      by_role: { user: 0, assistant: 0, system: 1 },
      date_range: { start: '2025-05-01T00:00:00.000Z', end: '2025-07-01T00:00:00.000Z' },
      suppressed: null, // works-council mode is off
      works_council: null,
    });
  });

  it.each([['start=soon'], ['end=2026-01-01&start=2026-02-01'], ['begin=2026-01-01']])('rejects %s with 400', async (query) => {
    expect((await t.app.inject({ url: `/api/v1/analytics/messages?${query}`, headers: bearer(org.token) })).statusCode).toBe(400);
  });
});
