// The background fold (src/analytics/fold): several instances folding one database at once count
// every change exactly once, and on PGlite (no autovacuum) the pending table does not keep the
// dead rows of what was folded.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldAll } from '../src/analytics/fold/fold.js';
import { RollupFolder } from '../src/analytics/fold/worker.js';
import type { Database } from '../src/db/connection.js';
import { backend, createTestDatabase } from './helpers/database.js';

let database: Database;
let org: number;
beforeAll(async () => {
  database = await createTestDatabase();
  org = Number((await database.pool.query(`INSERT INTO organizations (name, slug) VALUES ('f', 'f') RETURNING id`)).rows[0].id);
});
afterAll(() => database.close());

const log = pino({ level: process.env.FOLD_TEST_LOG ?? 'silent' });
const count = async (sql: string) => Number((await database.pool.query(sql, [org])).rows[0].n);

/** `n` chats whose fields vary over 3 days: about as many pending rows. */
const insertVaried = (n: number) =>
  database.pool.query(
    `INSERT INTO chats (organization_id, title, user_id, created_at, question_category, sentiment, country_code, user_rating, is_escalated, tags)
     SELECT $1, 't', g % 500, now() - (g % 4320) * interval '1 minute', (ARRAY['a','b','c','d','e','f','g'])[1 + g % 7],
       (ARRAY['positive','neutral','negative'])[1 + g % 3], (ARRAY['NL','DE','GB','US','TR'])[1 + g % 5], 1 + g % 5, g % 3 = 0,
       CASE WHEN g % 4 = 0 THEN ARRAY['x'] WHEN g % 4 = 1 THEN ARRAY['x', 'y'] ELSE '{}' END
     FROM generate_series(1, $2::int) g`,
    [org, n],
  );

describe(`the rollup fold (${backend})`, () => {
  it('three instances folding at once while chats are written count each chat exactly once', async () => {
    const folders = [1, 2, 3].map(() => new RollupFolder(database, log, { intervalMs: 1, batchSize: 700 }));
    for (const f of folders) f.start();
    for (let i = 0; i < 10; i++) {
      await insertVaried(2_000);
      // A turn of the event loop for the folders' timers (PGlite runs each statement on this thread).
      await new Promise((r) => setTimeout(r, 5));
    }
    await foldAll(database.pool);
    await Promise.all(folders.map((f) => f.stop()));
    // The advisory lock let one fold at a time run; between them they took every pending row.
    expect(folders.filter((f) => f.folded > 0).length).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM chat_rollup_pending WHERE organization_id = $1')).toBe(0);
    const chats = await count('SELECT count(*) AS n FROM chats WHERE organization_id = $1');
    expect(await count(`SELECT sum(chats) AS n FROM chat_rollups WHERE organization_id = $1 AND dimension = 'all'`)).toBe(chats);
    expect(await count(`SELECT sum(chats) AS n FROM chat_daily_rollups WHERE organization_id = $1 AND dimension = 'sentiment'`)).toBe(chats);
    expect(await count(`SELECT sum(chats) AS n FROM chat_daily_pair_rollups WHERE organization_id = $1 AND dimension_a = 'country_code' AND dimension_b = 'user_rating'`)).toBe(chats);
    // Tags: one row per tag, untagged chats under NULL.
    const tagged = await count(`SELECT coalesce(sum(greatest(cardinality(tags), 1)), 0) AS n FROM chats WHERE organization_id = $1`);
    expect(await count(`SELECT sum(chats) AS n FROM chat_rollups WHERE organization_id = $1 AND dimension = 'tag'`)).toBe(tagged);
  });

  it('keeps the pending table small (PGlite has no autovacuum; PostgreSQL looks once a minute): the folder vacuums it', async () => {
    const size = async () => Number((await database.pool.query(`SELECT pg_relation_size('chat_rollup_pending') AS n`)).rows[0].n);
    await insertVaried(30_000);
    const full = await size();
    const pending = await count('SELECT count(*) AS n FROM chat_rollup_pending WHERE organization_id = $1');
    const folder = new RollupFolder(database, log, { intervalMs: 1 });
    folder.start();
    // Watched in memory, not by querying the table: VACUUM gives up cutting the table short when
    // another statement asks for a lock on it, which polling its size every 10 ms did.
    for (const deadline = Date.now() + 30_000; folder.folded < pending || folder.caughtUpVacuums === 0; ) {
      if (Date.now() > deadline) throw new Error(`folded ${folder.folded} of ${pending} rows, ${folder.caughtUpVacuums} VACUUMs once caught up`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await folder.stop();
    expect(await count('SELECT count(*) AS n FROM chat_rollup_pending WHERE organization_id = $1')).toBe(0);
    expect(full).toBeGreaterThan(1_000_000);
    // VACUUM cut off the empty pages at the end of the table.
    expect(await size()).toBeLessThan(full / 10);
  });

  it('vacuums once more when it catches up after a backlog, however few rows came after the last VACUUM', async () => {
    const size = async () => Number((await database.pool.query(`SELECT pg_relation_size('chat_rollup_pending') AS n`)).rows[0].n);
    // 20,500 chats, each in an hour of its own: 20,500 pending rows. In batches of 1,000 the folder
    // vacuums at 20,000 (mid-backlog: live rows behind the dead ones) and catches up 500 rows later.
    await database.pool.query(`INSERT INTO chats (organization_id, title, created_at) SELECT $1, 't', now() - g * interval '1 hour' FROM generate_series(1, 20500) g`, [org]);
    const pending = await count('SELECT count(*) AS n FROM chat_rollup_pending WHERE organization_id = $1');
    expect(pending).toBe(20_500);
    const full = await size();
    const folder = new RollupFolder(database, log, { intervalMs: 1, batchSize: 1000 });
    folder.start();
    for (const deadline = Date.now() + 30_000; folder.folded < pending || folder.caughtUpVacuums === 0; ) {
      if (Date.now() > deadline) throw new Error(`folded ${folder.folded} of ${pending} rows, ${folder.caughtUpVacuums} VACUUMs once caught up`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await folder.stop();
    expect(await size()).toBeLessThan(full / 10);
  });
});
