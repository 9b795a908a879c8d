// Bounded exports per organization (issue 11): jobs per hour (429 with Retry-After), bytes of files
// kept (409, and a job that would grow past the quota fails), a queue that serves organizations
// in turn (not first-in-first-out), synchronous-export slots per organization as well as per
// server, and the rows (with their files) of long-expired exports deleted by the sweep.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJob } from '../src/exports/repository.js';
import { ExportWorker } from '../src/exports/worker.js';
import { exportTimeSharesOf, readTimeSharesOf } from '../src/cost-limits/time-share.js';
import { bearer, createTestApp, NO_RATE_LIMITS, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let worker: ExportWorker;
const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as never;
const QUOTA = 200_000;

beforeAll(async () => {
  t = await createTestApp({
    rateLimit: NO_RATE_LIMITS,
    // A read-time bucket that refills slowly, so that a charge stays visible (and never runs dry).
    costLimits: { exportJobsPerHourPerOrg: 3, exportActiveJobsPerOrg: 10, exportBytesPerOrg: QUOTA, exportSyncPerOrg: 1, exportSyncPerServer: 2, analyticsTimeMsPerSecond: 1, analyticsTimeBurstMs: 1_000_000 },
  });
  // Jobs run when a test says so (runOnce), in the order the queue gives them.
  await t.app.exportWorker.stop();
  worker = new ExportWorker(t.app.deps, silent);
});
afterAll(() => t.close());

const create = (who: SignedUp, body: object = { format: 'csv', type: 'chats' }) =>
  t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: bearer(who.token), payload: body });
const job = async (who: SignedUp, id: number) => (await t.app.inject({ url: `/api/v1/exports/${id}`, headers: bearer(who.token) })).json();

/** Bulky chats (a 1 KB transcript link each), inserted with SQL. */
async function bulkChats(who: SignedUp, n: number) {
  await t.database.pool.query(
    `INSERT INTO chats (organization_id, title, transcript_link, created_at)
     SELECT $1, 'Bulk ' || g, 'https://bot.example.com/t/' || repeat('x', 1000) || g, now() - interval '1 hour' + g * interval '1 millisecond'
     FROM generate_series(1, $2::int) AS g`,
    [who.organization.id, n],
  );
}

describe('export jobs per organization and hour', () => {
  it('accepts 3 in an hour, answers the 4th 429 with Retry-After and a sentence, and other organizations are unaffected', async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    for (let i = 0; i < 3; i++) expect((await create(a)).statusCode).toBe(202);
    const fourth = await create(a);
    expect(fourth.statusCode, fourth.body).toBe(429);
    expect(fourth.json().code).toBe('too_many_exports');
    expect(fourth.json().error).toMatch(/created 3 exports in the last hour/);
    const retryAfter = Number(fourth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await create(b)).statusCode).toBe(202);
    // An hour later the window has room again (the jobs' clock moved back, not the test's).
    await t.database.pool.query(`UPDATE exports SET created_at = created_at - interval '61 minutes' WHERE organization_id = $1`, [a.organization.id]);
    expect((await create(a)).statusCode).toBe(202);
    await t.database.pool.query('DELETE FROM exports WHERE organization_id = ANY($1)', [[a.organization.id, b.organization.id]]);
  });
});

describe('bytes of export files kept per organization', () => {
  it('refuses a new job with 409 once the organization keeps its quota, others unaffected', async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    await t.database.pool.query(
      `INSERT INTO exports (organization_id, format, type, status, file_path, size_bytes, completed_at, expires_at)
       VALUES ($1, 'csv', 'chats', 'completed', 'exports/none.csv', $2, now(), now() + interval '7 days')`,
      [a.organization.id, QUOTA],
    );
    const refused = await create(a);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('export_quota_exceeded');
    expect(refused.json().error).toMatch(/keeps 0.2 MiB of export files, its quota is 0.2 MiB/);
    expect((await create(b)).statusCode).toBe(202);
    await t.database.pool.query('DELETE FROM exports WHERE organization_id = ANY($1)', [[a.organization.id, b.organization.id]]);
  });

  it('fails a job whose file would grow past what the quota has left, and leaves no file behind', async () => {
    const a = await signUp(t.app);
    await bulkChats(a, 400); // ~420 KB of CSV, more than the 200 KB quota
    const id = (await create(a)).json().export_id;
    expect(await worker.runOnce()).toBe(true);
    const failed = await job(a, id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('The export grew past the 0.2 MiB of export files your organization may keep (with the files it already keeps); narrow the filters, or wait for older exports to expire');
    expect(fs.readdirSync(path.join(t.dataDir, 'exports', String(a.organization.id))).filter((f) => !f.startsWith('.'))).toEqual([]);
    // A smaller export fits.
    const small = (await create(a, { format: 'csv', type: 'chats', filters: { q: 'Bulk 1' } })).json().export_id;
    expect(await worker.runOnce()).toBe(true);
    expect((await job(a, small)).status).toBe('completed');
  });
});

describe('the export queue', () => {
  it('serves organizations in turn: A, B, A, B, A for 3 jobs of A queued before 2 of B', async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const ids: Record<number, string> = {};
    for (let i = 1; i <= 3; i++) ids[(await create(a)).json().export_id] = `A${i}`;
    for (let i = 1; i <= 2; i++) ids[(await create(b)).json().export_id] = `B${i}`;
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      const claimed = await claimJob(t.database.db, 30_000, 3);
      expect(claimed).toBeDefined();
      order.push(ids[claimed!.id]);
    }
    expect(order).toEqual(['A1', 'B1', 'A2', 'B2', 'A3']);
    expect(await claimJob(t.database.db, 30_000, 3)).toBeUndefined();
    await t.database.pool.query('DELETE FROM exports WHERE organization_id = ANY($1)', [[a.organization.id, b.organization.id]]);
  });
});

describe("the export worker's share of the embedded database", () => {
  it("charges an organization's jobs to its own export bucket on PGlite (paced there), and nothing on PostgreSQL", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    await bulkChats(a, 50);
    expect((await create(a, { format: 'json', type: 'all' })).statusCode).toBe(202);
    while (await worker.runOnce());
    const shares = exportTimeSharesOf(t.app.deps.costLimits);
    const burst = t.app.deps.costLimits.analyticsTimeBurstMs;
    const exportBurst = burst / 4; // a background job's share: a quarter of the interactive burst
    if (t.app.deps.databaseKind === 'pglite') expect(shares.balance(a.organization.id)).toBeLessThan(exportBurst);
    else expect(shares.balance(a.organization.id)).toBe(exportBurst);
    expect(shares.balance(b.organization.id)).toBe(exportBurst);
    // The interactive reads' bucket is another one: the export did not use the organization's dashboard time.
    expect(readTimeSharesOf(t.app.deps).balance(a.organization.id)).toBe(burst);
  });
});

describe('expired exports', () => {
  it('keeps the row of a just-expired export (410), deletes rows expired or failed past the grace, with their files', async () => {
    const a = await signUp(t.app);
    const id = (await create(a, { format: 'ndjson', type: 'chats' })).json().export_id;
    expect(await worker.runOnce()).toBe(true);
    const file = path.join(t.dataDir, 'exports', String(a.organization.id), `${id}.ndjson`);
    expect(fs.existsSync(file)).toBe(true);
    await t.database.pool.query(`UPDATE exports SET expires_at = now() - interval '1 hour' WHERE organization_id = $1`, [a.organization.id]);
    await worker.sweep();
    expect((await t.app.inject({ url: `/api/v1/exports/${id}/download`, headers: bearer(a.token) })).statusCode).toBe(410);
    // Past the grace (7 days after expiry): the row goes too. A file still on disk goes with it.
    await t.database.pool.query(`UPDATE exports SET expires_at = now() - interval '8 days', file_path = $2 WHERE organization_id = $1`, [a.organization.id, `exports/${a.organization.id}/${id}.ndjson`]);
    fs.writeFileSync(file, 'left over');
    await t.database.pool.query(
      `INSERT INTO exports (organization_id, format, type, status, error, completed_at) VALUES ($1, 'csv', 'chats', 'failed', 'x', now() - interval '8 days'),
       ($1, 'csv', 'chats', 'failed', 'recent', now())`,
      [a.organization.id],
    );
    await worker.sweep();
    expect(fs.existsSync(file)).toBe(false);
    expect((await t.app.inject({ url: `/api/v1/exports/${id}`, headers: bearer(a.token) })).statusCode).toBe(404);
    const { rows } = await t.database.pool.query('SELECT error FROM exports WHERE organization_id = $1', [a.organization.id]);
    expect(rows).toEqual([{ error: 'recent' }]);
  });
});

describe('synchronous-export slots', () => {
  it('gives one organization 1 stream at a time and the server 2, freeing slots when clients go', async () => {
    const [a, b, c] = [await signUp(t.app), await signUp(t.app), await signUp(t.app)];
    for (const who of [a, b, c]) await bulkChats(who, 3000);
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    /** A slow reader: its status once the first bytes arrive, then it stops reading. */
    const open = (who: SignedUp) =>
      new Promise<{ status: number; body: () => Promise<string>; destroy: () => void }>((resolve, reject) => {
        const req = http.request(`${address}/api/v1/exports/sync`, { method: 'POST', agent: false, headers: { ...bearer(who.token), 'content-type': 'application/json' } }, (res) => {
          const parts: Buffer[] = [];
          const ended = new Promise<string>((done) => res.on('end', () => done(Buffer.concat(parts).toString())));
          res.on('data', (d: Buffer) => {
            parts.push(d);
            if (parts.length > 1) return;
            res.pause();
            resolve({ status: res.statusCode!, destroy: () => req.destroy(), body: () => (res.resume(), ended) });
          });
        });
        req.on('error', reject);
        req.end(JSON.stringify({ format: 'json', type: 'chats' }));
      });
    const first = await open(a);
    expect(first.status).toBe(200);
    const second = await open(a);
    expect(second.status).toBe(429);
    expect(JSON.parse(await second.body()).error).toMatch(/Your organization is already streaming 1 synchronous exports/);
    const other = await open(b);
    expect(other.status).toBe(200); // a's slow reader did not take b's turn
    const third = await open(c);
    expect(third.status).toBe(429);
    expect(JSON.parse(await third.body()).error).toMatch(/The server is already streaming 2 exports/);
    expect(JSON.parse(await first.body())).toHaveLength(3000);
    other.destroy();
    // Both slots come back once the streams close.
    for (let i = 0; ; i++) {
      const again = await open(c);
      again.destroy();
      if (again.status === 200) break;
      expect(i).toBeLessThan(200);
      await new Promise((r) => setImmediate(r));
    }
  });
});
