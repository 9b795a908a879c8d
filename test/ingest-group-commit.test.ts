// Group commit: concurrent POST .../chats and POST .../messages share transactions, and each
// request still gets its own true answer (201 with its own id, 400, 404), also when a shared
// transaction fails in the database and its requests are retried one by one.
import { foldAll } from '../src/analytics/fold/fold.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestOf } from '../src/ingest/index.js';
import { toNewChat } from '../src/chats/service.js';
import { apiKeyHeaders, bearer, countChats, createApiKey, createTestApp, fullChat, NO_RATE_LIMITS, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { backend } from './helpers/database.js';

let t: TestContext;
let admin: SignedUp;
let key: string;
let other: SignedUp;
let otherKey: string;

beforeAll(async () => {
  // Group commit, not the rate limiter (test/rate-limit.test.ts): 200 requests and their replays at once.
  t = await createTestApp({ rateLimit: NO_RATE_LIMITS });
  admin = await signUp(t.app);
  key = (await createApiKey(t.app, admin.token)).key;
  other = await signUp(t.app);
  otherKey = (await createApiKey(t.app, other.token)).key;
});
afterAll(() => t.close());

/** A valid body that differs from its neighbours in every field, so a mixed-up id shows. */
function distinctChat(i: number) {
  const body = fullChat();
  return {
    ...body,
    title: `chat ${i}`,
    tags: [`t${i}`, i % 2 ? 'odd' : 'even'],
    user_id: 1000 + i,
    metadata: { ...body.metadata, token_count: i, session_id: `s-${i}`, user_rating: 1 + (i % 5), is_escalated: i % 3 === 0 },
  };
}

/** Every fifth request is invalid, each in its own way. */
function mixedBody(i: number): { body: unknown; valid: boolean } {
  switch (i % 10) {
    case 3:
      return { body: { ...distinctChat(i), metadata: { ...distinctChat(i).metadata, user_rating: 6 } }, valid: false };
    case 8:
      return { body: { ...distinctChat(i), colour: 'red' }, valid: false };
    default:
      return i % 5 === 3 ? { body: { created_at: '2999-01-01T00:00:00Z' }, valid: false } : { body: distinctChat(i), valid: true };
  }
}

describe('concurrent POST /api/v1/chats', () => {
  it('answers each of 200 concurrent requests on its own: valid ones 201 with distinct ids that read back, invalid ones 400', async () => {
    const before = await countChats(t.database, admin.organization.id);
    const flushesBefore = ingestOf(t.app.deps).chats.stats.flushes;
    const requests = Array.from({ length: 200 }, (_, i) => mixedBody(i));
    const responses = await Promise.all(requests.map((r) => postChat(t.app, key, r.body)));

    const ids = new Set<number>();
    for (const [i, res] of responses.entries()) {
      if (requests[i].valid) {
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toEqual({ message: 'Chat created successfully', chat_id: expect.any(Number) });
        ids.add(res.json().chat_id);
      } else {
        expect(res.statusCode, res.body).toBe(400);
        const single = await postChat(t.app, key, requests[i].body);
        expect(res.json()).toEqual(single.json());
      }
    }
    const created = requests.filter((r) => r.valid).length;
    expect(ids.size).toBe(created);
    expect(await countChats(t.database, admin.organization.id)).toBe(before + created);

    for (const [i, res] of responses.entries()) {
      if (!requests[i].valid) continue;
      const got = await t.app.inject({ url: `/api/v1/chats/${res.json().chat_id}`, headers: bearer(admin.token) });
      expect(got.json()).toMatchObject({ id: res.json().chat_id, ...(requests[i].body as object) });
    }
    // They did share transactions.
    const stats = ingestOf(t.app.deps).chats.stats;
    expect(stats.flushes - flushesBefore).toBeLessThan(created);
  });

  it('keeps the analytics rollups equal to the chats written in batches', async () => {
    await foldAll(t.database.pool);
    const { rows } = await t.database.pool.query(
      `SELECT (SELECT count(*)::int FROM chats WHERE organization_id = $1) AS chats,
              (SELECT coalesce(sum(chats), 0)::int FROM chat_rollups WHERE organization_id = $1 AND dimension = 'all') AS rolled`,
      [admin.organization.id],
    );
    expect(rows[0].rolled).toBe(rows[0].chats);
  });

  it('writes requests of several organizations in one batch, each in its own organization', async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => distinctChat(i));
    const responses = await Promise.all(bodies.map((b, i) => postChat(t.app, i % 2 ? otherKey : key, b)));
    for (const [i, res] of responses.entries()) {
      expect(res.statusCode).toBe(201);
      const owner = i % 2 ? other : admin;
      const got = await t.app.inject({ url: `/api/v1/chats/${res.json().chat_id}`, headers: bearer(owner.token) });
      expect(got.json()).toMatchObject({ organization_id: owner.organization.id, title: `chat ${i}` });
    }
  });
});

describe('batch sizes', () => {
  it('splits what is waiting into transactions of at most 500, and stores all of it', async () => {
    const ingest = ingestOf(t.app.deps);
    const before = { ...ingest.chats.stats };
    const count = await countChats(t.database, admin.organization.id);
    const chat = toNewChat(distinctChat(1));
    const answers = await Promise.all(Array.from({ length: 1200 }, () => ingest.chats.submit({ organizationId: admin.organization.id, chat })));
    expect(new Set(answers.map((a) => a.body.chat_id)).size).toBe(1200);
    expect(ingest.chats.stats.flushes - before.flushes).toBe(3);
    expect(ingest.chats.stats.largestBatch).toBe(500);
    expect(await countChats(t.database, admin.organization.id)).toBe(count + 1200);
  });
});

describe('a batch that fails in the database', () => {
  // A real failure the schemas cannot foresee: a CHECK constraint added for this test.
  async function withBoomConstraint(fn: () => Promise<void>) {
    await t.database.pool.query(`ALTER TABLE chats ADD CONSTRAINT test_no_boom CHECK (title IS DISTINCT FROM 'boom') NOT VALID`);
    try {
      await fn();
    } finally {
      await t.database.pool.query('ALTER TABLE chats DROP CONSTRAINT test_no_boom');
    }
  }

  it('is retried one by one: the bad request fails alone and its neighbours are stored', async () => {
    await withBoomConstraint(async () => {
      const ingest = ingestOf(t.app.deps);
      const fallbacks = ingest.chats.stats.fallbacks;
      const before = await countChats(t.database, admin.organization.id);
      // Submitted in one turn of the event loop: one batch.
      const bodies = Array.from({ length: 10 }, (_, i) => (i === 4 ? { ...distinctChat(i), title: 'boom' } : distinctChat(i)));
      const settled = await Promise.allSettled(
        bodies.map((b) => ingest.chats.submit({ organizationId: admin.organization.id, chat: toNewChat(b) })),
      );
      expect(ingest.chats.stats.fallbacks).toBe(fallbacks + 1);
      expect(settled[4].status).toBe('rejected');
      expect((settled[4] as PromiseRejectedResult).reason).toMatchObject({ code: '23514' });
      for (const [i, s] of settled.entries()) {
        if (i === 4) continue;
        expect(s.status).toBe('fulfilled');
        const id = (s as PromiseFulfilledResult<{ body: { chat_id: number } }>).value.body.chat_id;
        const got = await t.app.inject({ url: `/api/v1/chats/${id}`, headers: bearer(admin.token) });
        expect(got.json().title).toBe(`chat ${i}`);
      }
      expect(await countChats(t.database, admin.organization.id)).toBe(before + 9);
    });
  });

  it('over HTTP: the request the database refuses gets a 500 without details, the others 201', async () => {
    await withBoomConstraint(async () => {
      const before = await countChats(t.database, admin.organization.id);
      const bodies = Array.from({ length: 30 }, (_, i) => (i === 7 ? { ...distinctChat(i), title: 'boom' } : distinctChat(i)));
      const responses = await Promise.all(bodies.map((b) => postChat(t.app, key, b)));
      expect(responses[7].statusCode).toBe(500);
      expect(responses[7].json()).toEqual({ error: 'Failed to create chat', code: 'internal_error' });
      expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(29);
      expect(await countChats(t.database, admin.organization.id)).toBe(before + 29);
    });
  });
});

describe('concurrent POST .../messages', () => {
  it('stores messages for existing chats and answers 404 for exactly the others, in one batch', async () => {
    const chatA = (await postChat(t.app, key, distinctChat(1))).json().chat_id;
    const chatB = (await postChat(t.app, key, distinctChat(2))).json().chat_id;
    const foreign = (await postChat(t.app, otherKey, distinctChat(3))).json().chat_id;
    const targets = Array.from({ length: 60 }, (_, i) => [chatA, chatB, foreign, 987654321][i % 4]);
    const responses = await Promise.all(
      targets.map((chat, i) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/chats/${chat}/messages`,
          headers: apiKeyHeaders(key),
          payload: { role: i % 2 ? 'assistant' : 'user', content: `message ${i}`, metadata: { token_count: i } },
        }),
      ),
    );
    for (const [i, res] of responses.entries()) {
      if (targets[i] === chatA || targets[i] === chatB) {
        expect(res.statusCode, res.body).toBe(201);
      } else {
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: 'Chat not found', code: 'not_found' });
      }
    }
    // Each message id belongs to its own content (concurrent requests have no order among them).
    for (const chat of [chatA, chatB]) {
      const list = await t.app.inject({ url: `/api/v1/chats/${chat}/messages`, headers: bearer(admin.token) });
      const messages = list.json().messages as { id: number; content: string; metadata: { token_count: number } }[];
      const expected = targets.flatMap((c, i) => (c === chat ? [i] : []));
      expect(messages.map((m) => m.content).sort()).toEqual(expected.map((i) => `message ${i}`).sort());
      expect(messages.map((m) => m.id)).toEqual([...messages.map((m) => m.id)].sort((a, b) => a - b));
      for (const m of messages) {
        const i = Number(m.content.split(' ')[1]);
        expect(responses[i].json().message_id).toBe(m.id);
        expect(m.metadata.token_count).toBe(i);
      }
      const { rows } = await t.database.pool.query('SELECT message_count FROM chats WHERE organization_id = $1 AND id = $2', [admin.organization.id, chat]);
      expect(rows[0].message_count).toBe(expected.length);
    }
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM messages WHERE chat_id = $1', [foreign]);
    expect(rows[0].n).toBe(0);
  });

  // PostgreSQL only: it needs a second connection to hold a lock (PGlite has one).
  it.runIf(backend === 'postgres')(
    'answers 404 for a message whose chat is deleted between validation and insert, 201 for the others (one by one after the batch fails)',
    async () => {
      const doomed = (await postChat(t.app, key, distinctChat(1))).json().chat_id;
      const kept = (await postChat(t.app, key, distinctChat(2))).json().chat_id;
      const ingest = ingestOf(t.app.deps);
      const fallbacks = ingest.messages.stats.fallbacks;
      // Another session deletes the chat and holds its transaction open: the batch's INSERT sees the
      // chat, then its foreign-key check waits for that transaction, which commits the delete.
      const deleter = await t.database.pool.connect();
      try {
        await deleter.query('BEGIN');
        await deleter.query('DELETE FROM chats WHERE organization_id = $1 AND id = $2', [admin.organization.id, doomed]);
        const message = (content: string) => ({ role: 'user' as const, content, tokenCount: null, responseTime: null });
        const pending = Promise.allSettled(
          [doomed, kept, kept, doomed, kept].map((chatId, i) =>
            ingest.messages.submit({ organizationId: admin.organization.id, chatId, message: message(`m${i}`) }),
          ),
        );
        // Wait until the batch is blocked on the deleted row's lock.
        for (let i = 0; i < 100; i++) {
          const { rows } = await t.database.pool.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
          );
          if (rows[0].n > 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await deleter.query('COMMIT');
        const settled = await pending;
        expect(ingest.messages.stats.fallbacks).toBe(fallbacks + 1);
        expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
        expect((settled[0] as PromiseRejectedResult).reason).toMatchObject({ statusCode: 404 });
      } finally {
        deleter.release();
      }
      const { rows } = await t.database.pool.query('SELECT content FROM messages WHERE chat_id = $1 ORDER BY id', [kept]);
      expect(rows.map((r) => r.content)).toEqual(['m1', 'm2', 'm4']);
    },
  );
});
