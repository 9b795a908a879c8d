// POST /api/v1/chats/batch and /api/v1/orgs/{slug}/chats/batch: up to 1,000 chats, each item
// validated like a single Create Chat body, the valid ones stored together, 207 per item.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BodyGate } from '../src/ingest/body-gate.js';
import { BATCHES_AT_ONCE } from '../src/ingest/chat-batch.js';
import { apiKeyHeaders, bearer, countChats, createApiKey, createTestApp, fullChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let admin: SignedUp;
let key: string;
let other: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app);
  key = (await createApiKey(t.app, admin.token)).key;
  other = await signUp(t.app);
});
afterAll(() => t.close());

const postBatch = (payload: unknown, headers: Record<string, string> = apiKeyHeaders(key), url = '/api/v1/chats/batch') =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });

const chat = (i: number) => ({ ...fullChat(), title: `batch chat ${i}`, tags: [`b${i}`], user_id: 1 + i });

// Items a single POST rejects, each for its own reason.
const invalidItems: unknown[] = [
  { ...fullChat(), metadata: { ...fullChat().metadata, user_rating: 6 } },
  { title: 'x', colour: 'red' },
  { title: 42 },
  { metadata: { country_code: 'XX' } },
  { created_at: '2999-01-01T00:00:00Z' },
  { title: 'nul \u0000 inside' },
  { tags: ['ok', ''] },
  'not an object',
  null,
  [],
];

describe('POST /api/v1/chats/batch', () => {
  it('stores every valid item and reports each invalid one with the error a single POST gives', async () => {
    const before = await countChats(t.database, admin.organization.id);
    const items: unknown[] = [];
    const valid: number[] = [];
    for (let i = 0; i < 40; i++) {
      if (i % 4 === 1 && invalidItems[(i - 1) / 4] !== undefined) items.push(invalidItems[(i - 1) / 4]);
      else {
        valid.push(i);
        items.push(chat(i));
      }
    }
    const res = await postBatch({ chats: items });
    expect(res.statusCode, res.body).toBe(207);
    const { results } = res.json() as { results: { index: number; status: number; chat_id?: number; error?: string }[] };
    expect(results.map((r) => r.index)).toEqual(items.map((_, i) => i));

    for (const [i, item] of items.entries()) {
      const result = results[i];
      if (valid.includes(i)) {
        expect(result).toEqual({ index: i, status: 201, chat_id: expect.any(Number) });
        const got = await t.app.inject({ url: `/api/v1/chats/${result.chat_id}`, headers: bearer(admin.token) });
        expect(got.json()).toMatchObject({ organization_id: admin.organization.id, ...(item as object) });
      } else {
        const single = await t.app.inject({
          method: 'POST',
          url: '/api/v1/chats',
          headers: { ...apiKeyHeaders(key), 'content-type': 'application/json' },
          payload: JSON.stringify(item),
        });
        expect(single.statusCode).toBe(400);
        expect(result).toEqual({ index: i, status: 400, ...single.json() });
      }
    }
    expect(new Set(results.filter((r) => r.status === 201).map((r) => r.chat_id)).size).toBe(valid.length);
    expect(await countChats(t.database, admin.organization.id)).toBe(before + valid.length);
  });

  it('keeps ids in item order', async () => {
    const res = await postBatch({ chats: Array.from({ length: 100 }, (_, i) => chat(i)) });
    const ids = (res.json().results as { chat_id: number }[]).map((r) => r.chat_id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const { rows } = await t.database.pool.query('SELECT id, title FROM chats WHERE organization_id = $1 AND id = ANY($2::bigint[])', [admin.organization.id, ids]);
    const titles = new Map(rows.map((r) => [Number(r.id), r.title]));
    expect(ids.map((id) => titles.get(id))).toEqual(ids.map((_, i) => `batch chat ${i}`));
  });

  it('takes 1,000 items, and stores nothing when every item is invalid', async () => {
    const before = await countChats(t.database, admin.organization.id);
    const full = await postBatch({ chats: Array.from({ length: 1000 }, (_, i) => chat(i)) });
    expect(full.statusCode).toBe(207);
    expect((full.json().results as { status: number }[]).every((r) => r.status === 201)).toBe(true);
    const allBad = await postBatch({ chats: invalidItems });
    expect((allBad.json().results as { status: number }[]).every((r) => r.status === 400)).toBe(true);
    const empty = await postBatch({ chats: [] });
    expect(empty.statusCode).toBe(207);
    expect(empty.json()).toEqual({ results: [] });
    expect(await countChats(t.database, admin.organization.id)).toBe(before + 1000);
  });

  it('rejects 1,001 items, a missing or malformed chats list and unknown fields with 400, storing nothing', async () => {
    const before = await countChats(t.database, admin.organization.id);
    const tooMany = await postBatch({ chats: Array.from({ length: 1001 }, (_, i) => chat(i)) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ error: 'chats must have at most 1000 items', field: 'chats' });
    expect((await postBatch({})).json()).toMatchObject({ error: 'chats is required' });
    expect((await postBatch({ chats: {} })).json()).toMatchObject({ error: 'chats must be an array' });
    expect((await postBatch({ chats: [], extra: 1 })).json()).toMatchObject({ code: 'unknown_field', field: 'extra' });
    expect(await countChats(t.database, admin.organization.id)).toBe(before);
  });

  it('takes a body over 1 MiB up to 5 MiB, and answers 413 above', async () => {
    const tags = Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(60, 'x'));
    const twoMiB = { chats: Array.from({ length: 1000 }, (_, i) => ({ ...chat(i), tags, title: 't'.repeat(255) })) };
    const twoMiBBody = JSON.stringify(twoMiB);
    expect(twoMiBBody.length).toBeGreaterThan(1024 * 1024);
    expect((await postBatch(twoMiB)).statusCode).toBe(207);

    const before = await countChats(t.database, admin.organization.id);
    const huge = JSON.stringify({ chats: [{ title: 'x' }], pad: 'y'.repeat(5 * 1024 * 1024) });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: { ...apiKeyHeaders(key), 'content-type': 'application/json' }, payload: huge });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: 'Request body is larger than the 5 MiB limit', code: 'payload_too_large' });
    expect(await countChats(t.database, admin.organization.id)).toBe(before);
    // The single endpoint keeps its own 1 MiB limit.
    const single = await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: { ...apiKeyHeaders(key), 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) }) });
    expect(single.statusCode).toBe(413);
    expect(single.json().error).toBe('Request body is larger than the 1 MiB limit');
  });

  it('works on /orgs/{slug}/chats/batch with the own slug, and answers 403 for another organization\'s', async () => {
    const own = await postBatch({ chats: [chat(1)] }, apiKeyHeaders(key), `/api/v1/orgs/${admin.organization.slug}/chats/batch`);
    expect(own.statusCode).toBe(207);
    expect(own.json().results[0]).toMatchObject({ status: 201 });

    const before = await countChats(t.database, other.organization.id);
    const foreign = await postBatch({ chats: [chat(1)] }, apiKeyHeaders(key), `/api/v1/orgs/${other.organization.slug}/chats/batch`);
    expect(foreign.statusCode).toBe(403);
    const missing = await postBatch({ chats: [chat(1)] }, apiKeyHeaders(key), '/api/v1/orgs/no-such-org/chats/batch');
    expect(missing.statusCode).toBe(403);
    expect(await countChats(t.database, other.organization.id)).toBe(before);
  });

  it('takes a dashboard writer\'s JWT, stores into the caller\'s organization, and refuses anonymous callers', async () => {
    const res = await postBatch({ chats: [chat(1)] }, bearer(other.token));
    const id = res.json().results[0].chat_id;
    const got = await t.app.inject({ url: `/api/v1/chats/${id}`, headers: bearer(other.token) });
    expect(got.json().organization_id).toBe(other.organization.id);
    expect((await postBatch({ chats: [chat(1)] }, {})).statusCode).toBe(401);
  });

  it(`takes concurrent batches ${BATCHES_AT_ONCE} at a time, the others waiting their turn, and stores them all`, async () => {
    const before = await countChats(t.database, admin.organization.id);
    let gate: BodyGate | undefined;
    const enter = BodyGate.prototype.enter;
    const spy = vi.spyOn(BodyGate.prototype, 'enter').mockImplementation(function (this: BodyGate, request) {
      gate = this;
      return enter.call(this, request);
    });
    // The database is held (PostgreSQL: a lock that makes INSERTs into chats wait; PGlite: its one
    // connection) so that the first batches cannot finish before the others arrive.
    await postBatch({ chats: [] }); // the API key is now remembered: no lookup while the database is held
    const holder = await t.database.pool.connect();
    let sent: Promise<Awaited<ReturnType<typeof postBatch>>[]> | undefined;
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE chats IN SHARE ROW EXCLUSIVE MODE');
      const batches = Array.from({ length: 6 }, (_, b) => ({ chats: Array.from({ length: 200 }, (_, i) => ({ ...chat(i), title: `concurrent ${b}/${i}` })) }));
      sent = Promise.all(batches.map((body) => postBatch(body)));
      for (let i = 0; i < 500 && !(gate?.load.active === BATCHES_AT_ONCE && gate.load.waiting === 6 - BATCHES_AT_ONCE); i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(gate?.load).toMatchObject({ active: BATCHES_AT_ONCE, waiting: 6 - BATCHES_AT_ONCE });
      await holder.query('COMMIT');
    } finally {
      spy.mockRestore();
      holder.release();
    }
    const answers = await sent!;
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 207));
    const ids = answers.flatMap((a) => (a.json().results as { status: number; chat_id: number }[]).map((r) => (r.status === 201 ? r.chat_id : -1)));
    expect(ids).not.toContain(-1);
    expect(new Set(ids).size).toBe(1200);
    const { rows } = await t.database.pool.query(
      `SELECT count(*)::int AS n FROM chats WHERE organization_id = $1 AND id = ANY($2::bigint[]) AND title LIKE 'concurrent %'`,
      [admin.organization.id, ids],
    );
    expect(rows[0].n).toBe(1200);
    expect(await countChats(t.database, admin.organization.id)).toBe(before + 1200);
    // Every permit, place and byte given back.
    expect(gate?.load).toEqual({ active: 0, waiting: 0, bytes: 0 });
  });

  it('checks strings exactly whether or not the body text spells a \\u escape', async () => {
    // The parser skips the per-item NUL/Unicode walk when the text has no \u0000 or surrogate
    // escape; a text with one (even a harmless one) gets the full check.
    const items = [
      { title: 'emoji \u{1F600} sent as UTF-8' },
      { title: 'lone \ud800 surrogate' },
      { title: 'a backslash and u0000: \\u0000' },
      { title: 'nul \u0000 inside' },
    ];
    const res = await postBatch({ chats: items });
    expect(res.json().results.map((r: { status: number }) => r.status)).toEqual([201, 400, 201, 400]);
    const plain = await postBatch({ chats: [{ title: 'emoji \u{1F600} only' }, { title: 42 }] });
    expect(plain.json().results.map((r: { status: number }) => r.status)).toEqual([201, 400]);
    const got = await t.app.inject({ url: `/api/v1/chats/${res.json().results[2].chat_id}`, headers: bearer(admin.token) });
    expect(got.json().title).toBe('a backslash and u0000: \\u0000');
  });

  it('when the database refuses an item, stores the others in the same request and reports that one as 500', async () => {
    await t.database.pool.query(`ALTER TABLE chats ADD CONSTRAINT test_no_boom CHECK (title IS DISTINCT FROM 'boom') NOT VALID`);
    try {
      const before = await countChats(t.database, admin.organization.id);
      const res = await postBatch({ chats: [chat(0), { ...chat(1), title: 'boom' }, chat(2), { title: 42 }] });
      expect(res.statusCode).toBe(207);
      const results = res.json().results;
      expect(results.map((r: { status: number }) => r.status)).toEqual([201, 500, 201, 400]);
      expect(results[1]).toEqual({ index: 1, status: 500, error: 'Failed to create chat', code: 'internal_error' });
      expect(await countChats(t.database, admin.organization.id)).toBe(before + 2);
      // Alone, and with an Idempotency-Key (the path that runs in one explicit transaction).
      const alone = await postBatch({ chats: [{ ...chat(1), title: 'boom' }] });
      expect(alone.json().results).toEqual([{ index: 0, status: 500, error: 'Failed to create chat', code: 'internal_error' }]);
      const keyed = await postBatch({ chats: [chat(0), { ...chat(1), title: 'boom' }] }, { ...apiKeyHeaders(key), 'idempotency-key': `boom-${Date.now()}` });
      expect(keyed.json().results.map((r: { status: number }) => r.status)).toEqual([201, 500]);
      expect(await countChats(t.database, admin.organization.id)).toBe(before + 3);
    } finally {
      await t.database.pool.query('ALTER TABLE chats DROP CONSTRAINT test_no_boom');
    }
  });
});
