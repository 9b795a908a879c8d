import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createApiKey, createTestApp, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let orgA: SignedUp;
let orgB: SignedUp;
let keyA: string;
let keyB: string;
const chatIdsA: number[] = [];

beforeAll(async () => {
  t = await createTestApp();
  orgA = await signUp(t.app);
  orgB = await signUp(t.app);
  keyA = (await createApiKey(t.app, orgA.token)).key;
  keyB = (await createApiKey(t.app, orgB.token)).key;
  for (let i = 0; i < 7; i++) {
    const res = await postChat(t.app, keyA, { title: `A${i}` });
    chatIdsA.push(res.json().chat_id);
  }
  await postChat(t.app, keyB, { title: 'B0' });
});
afterAll(() => t.close());

const list = (token: string, query = '') => t.app.inject({ url: `/api/v1/chats${query}`, headers: bearer(token) });

describe('GET /api/v1/chats', () => {
  it('lists the organization\'s chats newest first with a default page of 20', async () => {
    const res = await list(orgA.token);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.chats.map((c: { title: string }) => c.title)).toEqual(['A6', 'A5', 'A4', 'A3', 'A2', 'A1', 'A0']);
    expect(body.next_cursor).toBeNull();
  });

  it('pages with a keyset cursor until every chat was seen once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(orgA.token, `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.chats.length).toBeLessThanOrEqual(3);
      seen.push(...body.chats.map((c: { id: number }) => c.id));
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...chatIdsA].reverse());
  });

  it('orders chats created in the same millisecond by id', async () => {
    await t.database.pool.query(
      `UPDATE chats SET created_at = '2020-01-01T00:00:00.000Z' WHERE organization_id = $1 AND title IN ('A0', 'A1')`,
      [orgA.organization.id],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(orgA.token, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json().chats.map((c: { title: string }) => c.title));
      cursor = res.json().next_cursor;
    } while (cursor);
    expect(seen.slice(-2)).toEqual(['A1', 'A0']);
    expect(seen).toHaveLength(7);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=abc', 'limit'],
    ['?limit=2.5', 'limit'],
    ['?cursor=not-a-cursor', 'cursor'],
    ['?cursor=' + Buffer.from('["yesterday", 3]').toString('base64url'), 'cursor'],
    ['?colour=red', 'colour'],
  ])('rejects %s with a 400 naming the parameter', async (query, param) => {
    const res = await list(orgA.token, query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toContain(param);
  });

  it('never lists another organization\'s chats', async () => {
    const res = await list(orgB.token, '?limit=100');
    expect(res.json().chats.map((c: { title: string }) => c.title)).toEqual(['B0']);
  });

  it('needs a dashboard login', async () => {
    expect((await t.app.inject({ url: '/api/v1/chats' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/chats/{id}', () => {
  it('returns the chat with every field of the read-back shape', async () => {
    const res = await t.app.inject({ url: `/api/v1/chats/${chatIdsA[0]}`, headers: bearer(orgA.token) });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(
      ['content_purged_at', 'created_at', 'id', 'metadata', 'metadata_purged_at', 'organization_id', 'tags', 'title', 'updated_at', 'user_id'].sort(),
    );
  });

  it('does not show another organization\'s chat (404, not 403)', async () => {
    const res = await t.app.inject({ url: `/api/v1/chats/${chatIdsA[0]}`, headers: bearer(orgB.token) });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Chat not found', code: 'not_found' });
  });

  it('answers 404 for an id that does not exist and 400 for one that is not a number', async () => {
    expect((await t.app.inject({ url: '/api/v1/chats/999999', headers: bearer(orgA.token) })).statusCode).toBe(404);
    const bad = await t.app.inject({ url: '/api/v1/chats/abc', headers: bearer(orgA.token) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('id');
  });
});
