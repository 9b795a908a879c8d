// The works-council cell cache (src/analytics/works-council/cell-cache.ts) against a fresh read of
// the chats rows after every kind of write (new chats, messages, updates of rolled-up fields and
// tags, deletes, a changed end user, a chat moved to another day), with folds in between or not;
// that a day is read again only when a write changed it; the memory bound; tenancy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { foldAll } from '../src/analytics/fold/fold.js';
import { CouncilCellCache } from '../src/analytics/works-council/cell-cache.js';
import { chatCells, councilFor, WINDOW_DAYS } from '../src/analytics/works-council/council.js';
import { Guard, type Cell } from '../src/analytics/works-council/guard.js';
import type { Db } from '../src/db/connection.js';
import { bearer, createApiKey, postChat, signUp, TEST_JWT_SECRET, type SignedUp } from './helpers/app.js';
import { DAY, int, pick, rand, randomWrite, seedAnalytics, type AnalyticsData } from './helpers/analytics-data.js';

const windowNow = () => {
  const to = Math.floor(Date.now() / DAY) + 1;
  return { from: to - WINDOW_DAYS, to };
};
/** Cells as comparable text, in a fixed order (a cell's tags as a set). */
const normal = (cells: Cell[]) =>
  cells.map((c) => JSON.stringify([c.day, c.user, c.n, Object.entries(c.values).sort(), [...c.tags].sort()])).sort();

describe('works-council cell cache', () => {
  let data: AnalyticsData;
  let db: Db;
  let org: SignedUp;
  let key: string;
  let ids: number[];
  beforeAll(async () => {
    data = await seedAnalytics();
    db = data.t.database.db as Db;
    org = data.org;
    key = (await createApiKey(data.t.app, org.token)).key;
    ids = data.rows.map((r) => Number(r.id));
  });
  afterAll(() => data?.t.close());

  const orgId = () => org.organization.id;
  const sameAsChats = async (cache: CouncilCellCache, organizationId = orgId()) => {
    const w = windowNow();
    const cached = await cache.window(db, organizationId, w);
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.every((c, i) => i === 0 || cached[i - 1].day <= c.day)).toBe(true);
    expect(normal(cached)).toEqual(normal(await chatCells(db, organizationId, w)));
  };

  /** A write the API does not make: another end user, or another day (as the retention and erasure jobs write). */
  async function sqlWrite() {
    const id = pick(ids);
    if (rand() < 0.5) await db.execute(sql`UPDATE chats SET user_id = ${pick([null, int(1, 60)])} WHERE organization_id = ${orgId()} AND id = ${id}`);
    else await db.execute(sql`UPDATE chats SET created_at = created_at - make_interval(days => ${int(1, 5)}) WHERE organization_id = ${orgId()} AND id = ${id}`);
  }

  it('holds what a fresh read of the chats rows gives, after every kind of write, folded or not', async () => {
    const cache = new CouncilCellCache();
    await sameAsChats(cache);
    for (let step = 0; step < 60; step++) {
      const what = rand();
      if (what < 0.6) await randomWrite(data.t, org, key, ids);
      else if (what < 0.85) await sqlWrite();
      else await foldAll(data.t.database.pool);
      await sameAsChats(cache);
    }
  });

  it('reads a day again only when a write changed it, and another organization\'s writes change none', async () => {
    const cache = new CouncilCellCache();
    await cache.window(db, orgId(), windowNow());
    const cold = cache.daysRead;
    expect(cold).toBe(WINDOW_DAYS);
    await cache.window(db, orgId(), windowNow());
    expect(cache.daysRead).toBe(cold);

    // A fold moves rows from pending into the versions: the day's version stays, nothing is read.
    await foldAll(data.t.database.pool);
    await cache.window(db, orgId(), windowNow());
    expect(cache.daysRead).toBe(cold);

    const other = await signUp(data.t.app);
    const otherKey = (await createApiKey(data.t.app, other.token)).key;
    expect((await postChat(data.t.app, otherKey, { title: 'elsewhere', user_id: 7, created_at: new Date(Date.now() - 3 * DAY).toISOString() })).statusCode).toBe(201);
    await cache.window(db, orgId(), windowNow());
    expect(cache.daysRead).toBe(cold);

    // One chat of this organization three days ago: that day only.
    expect((await postChat(data.t.app, key, { title: 'new', user_id: 8, created_at: new Date(Date.now() - 3 * DAY).toISOString() })).statusCode).toBe(201);
    await sameAsChats(cache);
    expect(cache.daysRead).toBe(cold + 1);
    // A new end user for a chat of another day: that day only (no sum moves, the version does).
    const [chat] = (await db.execute<{ id: number; day: number }>(sql`SELECT id, floor(extract(epoch FROM created_at) / 86400)::int AS day FROM chats WHERE organization_id = ${orgId()} AND created_at < now() - interval '10 days' LIMIT 1`)).rows;
    await db.execute(sql`UPDATE chats SET user_id = 999 WHERE organization_id = ${orgId()} AND id = ${chat.id}`);
    await sameAsChats(cache);
    expect(cache.daysRead).toBe(cold + 2);
    expect((await cache.window(db, orgId(), windowNow())).find((c) => c.day === Number(chat.day) && c.user === '999')).toBeDefined();

    // The other organization's cells are its own.
    await sameAsChats(cache, other.organization.id);
    expect((await cache.window(db, other.organization.id, windowNow())).map((c) => c.user)).toEqual(['7']);
  });

  it('keeps at most its bound of cells, and answers right past it (an organization larger than it is read whole each time)', async () => {
    const size = (await chatCells(db, orgId(), windowNow())).length;
    const small = new CouncilCellCache(size - 1);
    await sameAsChats(small);
    expect(small.heldCells).toBe(0);
    const before = small.daysRead;
    await sameAsChats(small);
    expect(small.daysRead).toBe(before + WINDOW_DAYS);

    // Room for this organization but not for two: the one asked about last is kept.
    const roomy = new CouncilCellCache(size + 5);
    const other = await signUp(data.t.app);
    const otherKey = (await createApiKey(data.t.app, other.token)).key;
    for (let i = 0; i < 10; i++) expect((await postChat(data.t.app, otherKey, { title: `o${i}`, user_id: i + 1, created_at: new Date(Date.now() - i * DAY - 60_000).toISOString() })).statusCode).toBe(201);
    await sameAsChats(roomy);
    expect(roomy.heldCells).toBe(size);
    await sameAsChats(roomy, other.organization.id);
    expect(roomy.heldCells).toBe(10);
    await sameAsChats(roomy);
    expect(roomy.heldCells).toBe(size);
  });

  it('messages: the guard of a range and its nearest days with messages decides as the guard of the whole window', async () => {
    const res = await data.t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: bearer(org.token), payload: { works_council: true, works_council_k: 6 } });
    expect(res.statusCode, res.body).toBe(200);
    // Messages are dated when posted (all today here): spread them over their chats' days.
    await db.execute(sql`UPDATE messages m SET created_at = c.created_at FROM chats c WHERE m.organization_id = ${orgId()} AND c.organization_id = m.organization_id AND c.id = m.chat_id`);
    const council = (await councilFor(data.t.app.deps, orgId()))!;
    const w = council.window;
    const { rows } = await db.execute<{ day: number; u: string; n: number }>(sql`
      SELECT floor(extract(epoch FROM m.created_at) / 86400)::int AS day, coalesce(c.user_id::text, '') AS u, count(*)::int AS n
      FROM messages m LEFT JOIN chats c ON c.organization_id = m.organization_id AND c.id = m.chat_id
      WHERE m.organization_id = ${orgId()} GROUP BY 1, 2`);
    const values = Object.fromEntries(Object.keys((await chatCells(db, orgId(), w))[0].values).map((d) => [d, null])) as Cell['values'];
    const whole = new Guard(rows.map((r) => ({ day: Number(r.day), user: r.u, n: r.n, values, tags: [] })), 6, w, false);
    const reasons = new Set<string | null>();
    for (let i = 0; i < 150; i++) {
      // Ranges around the seeded 70 days, some with empty days at an edge or wholly empty.
      const from = w.to - int(1, 90);
      const days = { from, to: Math.min(w.to, from + int(1, 8)) };
      const reason = (await council.messages(days)).check({ ...days, conditions: [] });
      expect(reason, `${days.from}..${days.to}`).toBe(whole.check({ ...days, conditions: [] }));
      reasons.add(reason);
    }
    // Both answers occurred: the comparison decided something.
    expect(reasons.has(null)).toBe(true);
    expect([...reasons].some((r) => r !== null)).toBe(true);
  });

  /** Waits (up to 20 s) for `done`: the reads ahead run in the background. */
  const eventually = async (done: () => boolean) => {
    for (const deadline = Date.now() + 20_000; !done(); ) {
      expect(Date.now(), 'the cells were not read ahead in time').toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('turning the mode on reads the window ahead, and the next request reads nothing', async () => {
    const cache = data.t.app.deps.councilCells;
    const admin = await signUp(data.t.app);
    const adminKey = (await createApiKey(data.t.app, admin.token)).key;
    for (let i = 0; i < 6; i++) expect((await postChat(data.t.app, adminKey, { title: `w${i}`, user_id: i + 1, created_at: new Date(Date.now() - i * DAY - 60_000).toISOString() })).statusCode).toBe(201);
    const before = cache.daysRead;
    const res = await data.t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: bearer(admin.token), payload: { works_council: true } });
    expect(res.statusCode, res.body).toBe(200);
    await eventually(() => cache.daysRead >= before + WINDOW_DAYS);
    const read = cache.daysRead;
    const summary = await data.t.app.inject({ url: '/api/v1/analytics/summary', headers: bearer(admin.token) });
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json().works_council).toEqual({ k: 5 });
    expect(cache.daysRead).toBe(read);
  });

  it('a request while the window is read ahead waits for that read, is told how long, and reads nothing itself', async () => {
    const cache = new CouncilCellCache();
    const waits: number[] = [];
    const ahead = cache.warmUp(db, orgId(), data.t.app.log);
    const cells = await cache.window(db, orgId(), windowNow(), (ms) => waits.push(ms));
    await ahead;
    expect(cache.daysRead).toBe(WINDOW_DAYS);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(0);
    expect(normal(cells)).toEqual(normal(await chatCells(db, orgId(), windowNow())));
    // Nothing before it: no wait reported.
    await cache.window(db, orgId(), windowNow(), (ms) => waits.push(ms));
    expect(waits).toHaveLength(1);
  });

  it('at start, every organization in the mode is read ahead', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-data-'));
    const second = await buildApp({ database: data.t.database, dataDir, jwtSecret: TEST_JWT_SECRET, rollupFold: false, sketches: false });
    try {
      await second.ready();
      // This file's organization (turned on above) and the one of the previous test.
      const inMode = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM privacy_settings WHERE works_council`)).rows[0].n;
      expect(inMode).toBe(2);
      await eventually(() => second.deps.councilCells.daysRead === inMode * WINDOW_DAYS);
      expect(second.deps.councilCells.heldCells).toBe((await chatCells(db, orgId(), windowNow())).length + 6);
    } finally {
      await second.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
