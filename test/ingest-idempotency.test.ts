// Idempotency-Key on every create (a chat, a batch, a message): a retry replays the first answer
// and writes nothing; another body is 422; a key still being written is 409; keys are per
// organization and expire after 24 hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { connectPostgres } from '../src/db/connection.js';
import { apiKeyHeaders, bearer, countChats, createApiKey, createTestApp, fullChat, signUp, TEST_JWT_SECRET, type SignedUp, type TestContext } from './helpers/app.js';
import { backend } from './helpers/database.js';

let t: TestContext;
let admin: SignedUp;
let key: string;
let other: SignedUp;
let otherKey: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app);
  key = (await createApiKey(t.app, admin.token)).key;
  other = await signUp(t.app);
  otherKey = (await createApiKey(t.app, other.token)).key;
});
afterAll(() => t.close());

let n = 0;
const freshKey = () => `key-${Date.now()}-${++n}`;

function post(url: string, payload: unknown, idempotencyKey: string | undefined, apiKey = key, app = t.app) {
  return app.inject({
    method: 'POST',
    url,
    headers: { ...apiKeyHeaders(apiKey), ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }) },
    payload: payload as object,
  });
}
const postChat = (payload: unknown, idempotencyKey?: string, apiKey = key) => post('/api/v1/chats', payload, idempotencyKey, apiKey);

async function keyRows(organizationId: number, k: string): Promise<number> {
  const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM idempotency_keys WHERE organization_id = $1 AND key = $2', [organizationId, k]);
  return rows[0].n;
}

describe('Idempotency-Key on POST /api/v1/chats', () => {
  it('replays the first answer for the same key and body: same chat_id, Idempotent-Replayed, no second row', async () => {
    const k = freshKey();
    const before = await countChats(t.database, admin.organization.id);
    const first = await postChat(fullChat(), k);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await postChat(fullChat(), k);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    // The same body with its fields in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(fullChat()).reverse());
    const third = await postChat(reordered, k);
    expect(third.json()).toEqual(first.json());
    // ... also on the slug route, which creates the same thing.
    const slugged = await post(`/api/v1/orgs/${admin.organization.slug}/chats`, fullChat(), k);
    expect(slugged.json()).toEqual(first.json());
    expect(await countChats(t.database, admin.organization.id)).toBe(before + 1);
    expect(await keyRows(admin.organization.id, k)).toBe(1);
  });

  it('answers 422 for the same key with another body, and writes nothing', async () => {
    const k = freshKey();
    await postChat(fullChat(), k);
    const before = await countChats(t.database, admin.organization.id);
    const res = await postChat({ ...fullChat(), title: 'something else' }, k);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ error: expect.stringContaining('different request'), code: 'idempotency_key_reused' });
    expect(await countChats(t.database, admin.organization.id)).toBe(before);
  });

  it('writes once for concurrent requests with one key: the others get 409 or the replay', async () => {
    const k = freshKey();
    const before = await countChats(t.database, admin.organization.id);
    const responses = await Promise.all(Array.from({ length: 10 }, () => postChat(fullChat(), k)));
    const fresh = responses.filter((r) => r.statusCode === 201 && r.headers['idempotent-replayed'] === undefined);
    expect(fresh).toHaveLength(1);
    for (const r of responses) {
      if (r === fresh[0]) continue;
      if (r.statusCode === 409) {
        expect(r.json()).toMatchObject({ code: 'idempotency_key_in_flight' });
        expect(r.headers['retry-after']).toBe('1');
      } else {
        expect(r.statusCode).toBe(201);
        expect(r.json()).toEqual(fresh[0].json());
      }
    }
    expect(responses.some((r) => r.statusCode === 409)).toBe(true);
    expect(await countChats(t.database, admin.organization.id)).toBe(before + 1);
  });

  it('scopes keys per organization: the same key in two organizations makes two chats', async () => {
    const k = freshKey();
    const mine = await postChat(fullChat(), k, key);
    const theirs = await postChat(fullChat(), k, otherKey);
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().chat_id).not.toBe(mine.json().chat_id);
    const got = await t.app.inject({ url: `/api/v1/chats/${theirs.json().chat_id}`, headers: bearer(other.token) });
    expect(got.statusCode).toBe(200);
  });

  it('ignores a key older than 24 hours: the request is written anew, and the key then replays the new answer', async () => {
    const k = freshKey();
    const first = await postChat(fullChat(), k);
    await t.database.pool.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE organization_id = $1 AND key = $2`, [admin.organization.id, k]);
    const second = await postChat({ ...fullChat(), title: 'after expiry' }, k);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json().chat_id).not.toBe(first.json().chat_id);
    const third = await postChat({ ...fullChat(), title: 'after expiry' }, k);
    expect(third.json()).toEqual(second.json());
    expect(third.headers['idempotent-replayed']).toBe('true');
    expect(await keyRows(admin.organization.id, k)).toBe(1);
  });

  it('rejects a malformed key with 400 and writes nothing', async () => {
    const before = await countChats(t.database, admin.organization.id);
    for (const bad of ['', 'x'.repeat(256), 'ключ', 'tab\there']) {
      const res = await postChat(fullChat(), bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toMatchObject({ error: 'Idempotency-Key must be 1 to 255 printable ASCII characters', field: 'Idempotency-Key' });
    }
    expect((await postChat(fullChat(), 'x'.repeat(255))).statusCode).toBe(201);
    expect(await countChats(t.database, admin.organization.id)).toBe(before + 1);
  });

  it('does not store a rejected request: the key stays free for the corrected one', async () => {
    const k = freshKey();
    const bad = await postChat({ ...fullChat(), metadata: { user_rating: 9 } }, k);
    expect(bad.statusCode).toBe(400);
    const good = await postChat(fullChat(), k);
    expect(good.statusCode).toBe(201);
    expect(good.headers['idempotent-replayed']).toBeUndefined();
  });

  it('mixes keyed and unkeyed requests in one group commit', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => (i % 2 ? freshKey() : undefined));
    const before = await countChats(t.database, admin.organization.id);
    const first = await Promise.all(keys.map((k, i) => postChat({ ...fullChat(), title: `mixed ${i}` }, k)));
    expect(first.every((r) => r.statusCode === 201)).toBe(true);
    const replays = await Promise.all(keys.map((k, i) => (k ? postChat({ ...fullChat(), title: `mixed ${i}` }, k) : undefined)));
    for (const [i, r] of replays.entries()) {
      if (!r) continue;
      expect(r.headers['idempotent-replayed']).toBe('true');
      expect(r.json()).toEqual(first[i].json());
    }
    expect(await countChats(t.database, admin.organization.id)).toBe(before + 20);
  });
});

describe('Idempotency-Key on the batch and message endpoints', () => {
  it('replays a batch with the same results and stores nothing twice', async () => {
    const k = freshKey();
    const body = { chats: [fullChat(), { title: 42 }, { ...fullChat(), title: 'second' }] };
    const before = await countChats(t.database, admin.organization.id);
    const first = await post('/api/v1/chats/batch', body, k);
    expect(first.statusCode).toBe(207);
    const again = await post(`/api/v1/orgs/${admin.organization.slug}/chats/batch`, body, k);
    expect(again.statusCode).toBe(207);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await countChats(t.database, admin.organization.id)).toBe(before + 2);
    // The same key for a single chat is another request.
    expect((await postChat(fullChat(), k)).statusCode).toBe(422);
    expect((await post('/api/v1/chats/batch', { chats: [fullChat()] }, k)).statusCode).toBe(422);
  });

  it('replays a message with the same message_id; another chat or body is 422; a missing chat leaves the key free', async () => {
    const chatId = (await postChat(fullChat())).json().chat_id;
    const otherChat = (await postChat(fullChat())).json().chat_id;
    const k = freshKey();
    const message = { role: 'user', content: 'Hello', metadata: { token_count: 3 } };
    const first = await post(`/api/v1/chats/${chatId}/messages`, message, k);
    expect(first.statusCode).toBe(201);
    const again = await post(`/api/v1/orgs/${admin.organization.slug}/chats/${chatId}/messages`, message, k);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await post(`/api/v1/chats/${otherChat}/messages`, message, k)).statusCode).toBe(422);
    expect((await post(`/api/v1/chats/${chatId}/messages`, { ...message, content: 'Bye' }, k)).statusCode).toBe(422);
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM messages WHERE organization_id = $1 AND chat_id = $2', [admin.organization.id, chatId]);
    expect(rows[0].n).toBe(1);

    const k2 = freshKey();
    const missing = await post('/api/v1/chats/987654321/messages', message, k2);
    expect(missing.statusCode).toBe(404);
    expect(await keyRows(admin.organization.id, k2)).toBe(0);
    expect((await post(`/api/v1/chats/${chatId}/messages`, message, k2)).statusCode).toBe(201);
  });
});

describe.runIf(backend === 'postgres')('Idempotency-Key across two server instances (PostgreSQL)', () => {
  it('writes once when two instances get the same key at the same time; the other replays it', async () => {
    const url = (t.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const database = connectPostgres(url, 3);
    const second = await buildApp({ database, dataDir: t.dataDir, jwtSecret: TEST_JWT_SECRET });
    await second.ready();
    try {
      for (let round = 0; round < 5; round++) {
        const k = freshKey();
        const before = await countChats(t.database, admin.organization.id);
        const responses = await Promise.all([
          post('/api/v1/chats', fullChat(), k, key, t.app),
          post('/api/v1/chats', fullChat(), k, key, second),
          post('/api/v1/chats', fullChat(), k, key, t.app),
          post('/api/v1/chats', fullChat(), k, key, second),
        ]);
        const ok = responses.filter((r) => r.statusCode === 201);
        expect(ok.length).toBeGreaterThanOrEqual(1);
        expect(ok.filter((r) => r.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
        expect(new Set(ok.map((r) => r.json().chat_id)).size).toBe(1);
        expect(responses.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
        expect(await countChats(t.database, admin.organization.id)).toBe(before + 1);
      }
    } finally {
      await second.close();
      await database.close();
    }
  });
});
