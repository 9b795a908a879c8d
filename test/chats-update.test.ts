import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, fullChat, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let org: SignedUp;
let other: SignedUp;
let key: string;
let otherKey: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await signUp(t.app);
  other = await signUp(t.app);
  key = (await createApiKey(t.app, org.token)).key;
  otherKey = (await createApiKey(t.app, other.token)).key;
});
afterAll(() => t.close());

async function newChat(body: unknown = fullChat()): Promise<number> {
  const res = await postChat(t.app, key, body);
  expect(res.statusCode).toBe(201);
  return res.json().chat_id;
}

const patch = (id: number, payload: unknown, headers: Record<string, string> = apiKeyHeaders(key), url = `/api/v1/chats/${id}`) =>
  t.app.inject({ method: 'PATCH', url, headers, payload: payload as object });

const read = async (id: number) => (await t.app.inject({ url: `/api/v1/chats/${id}`, headers: bearer(org.token) })).json();

describe('PATCH /api/v1/chats/{id}', () => {
  it('merges metadata field by field: fields not sent keep their value, null clears one', async () => {
    const id = await newChat({ title: 'Open', metadata: { country_code: 'NL', sentiment: 'neutral', is_escalated: false } });
    const res = await patch(id, { metadata: { user_rating: 4, sentiment: 'Positive', is_escalated: null } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().metadata).toMatchObject({ country_code: 'NL', user_rating: 4, sentiment: 'positive', is_escalated: null });
    expect(res.json().title).toBe('Open');
    expect(await read(id)).toEqual(res.json());
  });

  it('metadata: null clears every metadata field', async () => {
    const id = await newChat();
    const res = await patch(id, { metadata: null });
    expect(Object.values(res.json().metadata).every((v) => v === null)).toBe(true);
  });

  it('changes the title, and clears it with null', async () => {
    const id = await newChat();
    expect((await patch(id, { title: 'Renamed' })).json().title).toBe('Renamed');
    expect((await patch(id, { title: null })).json().title).toBeNull();
  });

  it('replaces tags, or adds and removes them keeping order and without duplicates', async () => {
    const id = await newChat({ tags: ['a', 'b'] });
    expect((await patch(id, { add_tags: ['C', 'a', 'd'] })).json().tags).toEqual(['a', 'b', 'c', 'd']);
    expect((await patch(id, { remove_tags: ['B', 'zzz'] })).json().tags).toEqual(['a', 'c', 'd']);
    expect((await patch(id, { add_tags: ['e'], remove_tags: ['a'] })).json().tags).toEqual(['c', 'd', 'e']);
    expect((await patch(id, { tags: [' X ', 'x', 'y'] })).json().tags).toEqual(['x', 'y']);
    expect((await patch(id, { tags: null })).json().tags).toEqual([]);
  });

  it('moves updated_at forward and keeps created_at', async () => {
    const id = await newChat();
    const before = await read(id);
    await new Promise((r) => setTimeout(r, 5));
    const after = (await patch(id, { title: 'later' })).json();
    expect(after.created_at).toBe(before.created_at);
    expect(new Date(after.updated_at).getTime()).toBeGreaterThan(new Date(before.updated_at).getTime());
  });

  it('works with a dashboard JWT of an admin, and on the /orgs/{slug}/ route for bots', async () => {
    const id = await newChat();
    expect((await patch(id, { title: 'by admin' }, bearer(org.token))).statusCode).toBe(200);
    const res = await patch(id, { metadata: { user_rating: 2 } }, apiKeyHeaders(key), `/api/v1/orgs/${org.organization.slug}/chats/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().metadata.user_rating).toBe(2);
    const wrongSlug = await patch(id, { title: 'x' }, apiKeyHeaders(key), `/api/v1/orgs/${other.organization.slug}/chats/${id}`);
    expect(wrongSlug.statusCode).toBe(403);
  });

  it.each([
    [{}, 'The request body must NOT have fewer than 1 properties'],
    [{ title: 'x'.repeat(256) }, 'title'],
    [{ tags: ['ok'], add_tags: ['x'] }, 'tags'],
    [{ add_tags: [''] }, 'add_tags[0]'],
    [{ remove_tags: 'a' }, 'remove_tags'],
    [{ metadata: { user_rating: 9 } }, 'metadata.user_rating'],
    [{ metadata: { country_code: 'XX' } }, 'metadata.country_code'],
    [{ metadata: { colour: 'red' } }, 'metadata.colour'],
    [{ created_at: '2020-01-01T00:00:00Z', title: 'x' }, 'created_at'],
  ])('rejects %j with a 400 and changes nothing', async (payload, field) => {
    const id = await newChat();
    const before = await read(id);
    const res = await patch(id, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toContain(field);
    expect(await read(id)).toEqual(before);
  });

  it('refuses to go past 50 tags with add_tags', async () => {
    const id = await newChat({ tags: Array.from({ length: 45 }, (_, i) => `t${i}`) });
    const res = await patch(id, { add_tags: Array.from({ length: 6 }, (_, i) => `n${i}`) });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('add_tags');
    expect((await read(id)).tags).toHaveLength(45);
  });

  it('does not let another organization change a chat (404) and leaves it as it was', async () => {
    const id = await newChat();
    const before = await read(id);
    expect((await patch(id, { title: 'hijacked' }, apiKeyHeaders(otherKey))).statusCode).toBe(404);
    expect((await patch(id, { title: 'hijacked' }, bearer(other.token))).statusCode).toBe(404);
    expect(await read(id)).toEqual(before);
  });

  it('answers 404 for a chat that does not exist', async () => {
    expect((await patch(987654321, { title: 'x' })).statusCode).toBe(404);
  });
});

describe('DELETE /api/v1/chats/{id}', () => {
  it('removes the chat and its messages (admin)', async () => {
    const id = await newChat();
    await t.app.inject({ method: 'POST', url: `/api/v1/chats/${id}/messages`, headers: apiKeyHeaders(key), payload: { role: 'user', content: 'hi' } });
    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/chats/${id}`, headers: bearer(org.token) });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/chats/${id}`, headers: bearer(org.token) })).statusCode).toBe(404);
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM messages WHERE organization_id = $1 AND chat_id = $2', [org.organization.id, id]);
    expect(rows[0].n).toBe(0);
  });

  it('does not let another organization delete a chat (404), nor a bot (403)', async () => {
    const id = await newChat();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/chats/${id}`, headers: bearer(other.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/chats/${id}`, headers: apiKeyHeaders(key) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/chats/${id}`, headers: bearer(org.token) })).statusCode).toBe(200);
  });
});

describe('GET /api/v1/tags', () => {
  it("lists the organization's tags with chat counts, most used first, and no one else's", async () => {
    const fresh = await signUp(t.app);
    const freshKey = (await createApiKey(t.app, fresh.token)).key;
    for (const tags of [['leave', 'nl'], ['leave'], ['payroll', 'leave'], ['payroll']]) await postChat(t.app, freshKey, { tags });
    const res = await t.app.inject({ url: '/api/v1/tags', headers: bearer(fresh.token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { tag: 'leave', chat_count: 3 },
      { tag: 'payroll', chat_count: 2 },
      { tag: 'nl', chat_count: 1 },
    ]);
  });
});
