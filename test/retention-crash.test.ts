// The retention job interrupted half-way — killed with SIGKILL in a process of its own on
// PostgreSQL; stopped mid-run in process on PGlite (one process owns its data folder): every chat
// is either fully purged (no title, every message's text removed, content_purged_at set) or
// untouched, and the next run does the rest. A second instance that finds the run's advisory lock
// taken does nothing.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.js';
import { LOCK_KEY, RetentionJob } from '../src/retention/job.js';
import { backend, createTestDatabase } from './helpers/database.js';
import { track } from './helpers/children.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHATS = 3000;

describe(`retention interrupted half-way (${backend})`, () => {
  let database: Database;
  let org: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    org = Number((await database.pool.query(`INSERT INTO organizations (name, slug) VALUES ('k', 'k') RETURNING id`)).rows[0].id);
    await database.pool.query(
      `INSERT INTO chats (organization_id, title, user_rating, created_at)
       SELECT $1, 'title ' || g, 1 + g % 5, now() - interval '40 days' - g * interval '1 minute' FROM generate_series(1, ${CHATS}) g`, [org]);
    await database.pool.query(
      `INSERT INTO messages (organization_id, chat_id, role, content) SELECT organization_id, id, 'user', 'text ' || id FROM chats CROSS JOIN generate_series(1, 3)`);
    await database.pool.query(`INSERT INTO privacy_settings (organization_id, content_retention_days) VALUES ($1, 30)`, [org]);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  /** Chats by state: purged (all of it), untouched (all of it), or half (anything else). */
  async function states() {
    const { rows } = await database.pool.query(
      `SELECT count(*) FILTER (WHERE c.content_purged_at IS NOT NULL AND c.title IS NULL AND m.kept = 0)::int AS purged,
              count(*) FILTER (WHERE c.content_purged_at IS NULL AND c.title IS NOT NULL AND m.removed = 0)::int AS untouched,
              count(*)::int AS total
       FROM chats c CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE content <> '') AS kept, count(*) FILTER (WHERE content = '') AS removed
         FROM messages WHERE organization_id = c.organization_id AND chat_id = c.id) m
       WHERE c.organization_id = $1`, [org]);
    return rows[0] as { purged: number; untouched: number; total: number };
  }

  /** Resolves once some batches of the run are committed. */
  async function somePurged() {
    for (let i = 0; ; i++) {
      if ((await states()).purged > 0) return;
      if (i > 3000) throw new Error('the run purged nothing');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  it('leaves no half-purged chat when interrupted, and the next run finishes', async () => {
    if (backend === 'postgres') {
      const url = (database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
      const child = track(spawn(process.execPath, ['--import', 'tsx', 'test/support/retention-run.ts', url, '20'], { cwd: ROOT, stdio: 'ignore' }));
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await somePurged();
      child.kill('SIGKILL');
      await exited;
    } else {
      // Stopped after its third batch: the run ends there, as a process that died would.
      let batches = 0;
      const job: RetentionJob = new RetentionJob(database, '/tmp', { batchSize: 20, onBatch: () => void (++batches === 3 && job.stop()) });
      await job.runOnce();
      expect(batches).toBe(3);
    }
    const after = await states();
    expect(after.purged + after.untouched).toBe(CHATS);
    expect(after.untouched).toBeGreaterThan(0); // killed half-way, not after the end
    const job = new RetentionJob(database, '/tmp', { batchSize: 500 });
    const report = await job.runOnce();
    await job.stop();
    expect(report.organizations.find((o) => o.organization_id === org)!.chats_content_purged).toBe(after.untouched);
    expect(await states()).toEqual({ purged: CHATS, untouched: 0, total: CHATS });
  }, 60_000);

  // PGlite is one process with one connection: there is no other instance to exclude.
  it.runIf(backend === 'postgres')('runs once per database: an instance that finds the lock taken skips its turn', async () => {
    const holder = await database.pool.connect();
    try {
      const { rows } = await holder.query(`SELECT pg_try_advisory_lock(${LOCK_KEY.toString()}) AS locked`);
      expect(rows[0].locked).toBe(true);
      const job = new RetentionJob(database, '/tmp');
      expect(await job.runOnce()).toEqual({ ran: false, organizations: [] });
      await job.stop();
      await holder.query(`SELECT pg_advisory_unlock(${LOCK_KEY.toString()})`);
    } finally {
      holder.release();
    }
  });
});
