// npm run bench:abuse — the attacks of issue 11's "Why", each for a bounded time, against the real
// server (a child process, `npm start`'s command, with its default limits) while another
// organization (the victim) keeps reading analytics and logging chats. For each attack it prints:
// the victim's median latency of analytics and of ingest before (baseline) and during the attack,
// the server's peak RSS during it, the disk used (database + DATA_DIR), the 5xx answers the victim
// and the attacker got, and what the attacker's requests were answered. Asserts nothing (timings
// are noisy on a shared machine); targets: victim p50 within 2× of baseline, no 5xx for the victim.
//
//   analytics-edges   hourly timeseries over ~80 days in Asia/Kathmandu (+05:45): thousands of
//                     bucket edges that do not fall on whole hours, 4 at a time
//   export-flood      export jobs created as fast as they are accepted
//   slow-sync-export  synchronous exports whose reader never reads (held open)
//   batch-flood       16 connections sending 5 MiB chat batches back to back
//   register-flood    POST /auth/register as fast as it answers, distinct e-mails, one IP
//   password-guess    wrong current passwords on POST /api/v1/users/me/password, and wrong
//                     passwords on POST /auth/login
//
// Env: DATABASE_URL (PostgreSQL, a fresh database; without it the embedded PGlite), BENCH_SECONDS
// (each phase, default 8: the whole run stays under 2 minutes), BENCH_ATTACKS (comma-separated subset).
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { freePort, spawnServer, waitUntilHealthy, type ServerProcess } from '../test/helpers/server-process.js';
import { ATTACKS, call, chat, count, median, organization, type Org, type Tally } from './abuse-attacks.js';
import { freshBenchDatabase } from './database.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const DB_NAME = `chatlogger_bench_abuse_${process.pid}`;
const JWT_SECRET = 'bench-abuse-secret-bench-abuse-secret-0123456789';
const MiB = 1024 * 1024;

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/** The victim: one analytics read and one chat at a time each, until stopped. */
function victim(base: string, org: Org) {
  const analytics: number[] = [];
  const ingest: number[] = [];
  const statuses: Tally = {};
  let running = true;
  const loop = async (latencies: number[], once: () => Promise<number>) => {
    while (running) {
      const started = performance.now();
      const status = await once().catch(() => 599);
      latencies.push(performance.now() - started);
      count(statuses, status);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const auth = { authorization: `Bearer ${org.token}` };
  const done = Promise.all([
    loop(analytics, async () => (await call(base, '/api/v1/analytics/summary?tz=Europe/Amsterdam', { headers: auth })).status),
    loop(analytics, async () => (await call(base, '/api/v1/analytics/timeseries?interval=day&tz=Europe/Amsterdam', { headers: auth })).status),
    loop(ingest, async () => (await call(base, '/api/v1/chats', { body: chat(), headers: { 'x-organization-api-key': org.key } })).status),
  ]);
  return {
    stop: async () => {
      running = false;
      await done;
      return { analytics: median(analytics), ingest: median(ingest), statuses };
    },
  };
}

function diskMiB(dataDir: string, pool: pg.Pool | undefined, dbName: string) {
  const du = Number(execFileSync('du', ['-sk', dataDir]).toString().split('\t')[0]) / 1024;
  if (!pool) return Promise.resolve(du);
  return pool.query('SELECT pg_database_size($1)::bigint AS n', [dbName]).then((r) => du + Number(r.rows[0].n) / MiB);
}

async function main() {
  const postgres = Boolean(process.env.DATABASE_URL);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-bench-abuse-'));
  const db = postgres ? await freshBenchDatabase(DB_NAME) : undefined;
  const pool = db ? new pg.Pool({ connectionString: db.url, max: 1 }) : undefined;
  const server: ServerProcess = spawnServer({
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    ...(db ? { DATABASE_URL: db.url } : {}),
    // Limits under trial (e.g. ANALYTICS_CONCURRENCY_PER_ORG=1) reach the server; the defaults otherwise.
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(ANALYTICS|EXPORT|BATCH|RATE_LIMIT|READ)_/.test(k)) as [string, string][]),
  });
  try {
    await waitUntilHealthy(server, 120_000);
    const base = server.url;
    const pid = server.child.pid!;
    const victimOrg = await organization(base, 'victim');
    const attackerOrg = await organization(base, 'attacker');
    // History for both: 5,000 chats over 80 days each.
    for (const org of [victimOrg, attackerOrg]) {
      for (let i = 0; i < 5; i++) {
        const res = await call(base, '/api/v1/chats/batch', { body: { chats: Array.from({ length: 1000 }, () => chat()) }, headers: { 'x-organization-api-key': org.key } });
        if (res.status !== 207) throw new Error(`seed: ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    console.log(`bench:abuse on ${postgres ? 'PostgreSQL' : 'PGlite'}, ${SECONDS} s a phase; server pid ${pid}, RSS ${rssMiB(pid).toFixed(0)} MiB after seeding\n`);

    /** The attack `name` in a worker thread, stopped (and its tally returned) by stop(). */
    const startAttack = (name: string) => {
      // (A worker's own module does not go through the --import tsx of its parent: it registers tsx first.)
      const entry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./abuse-attacks.ts', import.meta.url).href)}); })`;
      const worker = new Worker(entry, { eval: true, workerData: { name, base, org: attackerOrg } });
      return {
        stop: () =>
          new Promise<Tally>((resolve, reject) => {
            worker.once('message', (tally: Tally) => void worker.terminate().then(() => resolve(tally)));
            worker.once('error', reject);
            worker.postMessage('stop');
          }),
      };
    };

    const phase = async (attack?: string) => {
      let peak = rssMiB(pid);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 100);
      const v = victim(base, victimOrg);
      const a = attack === undefined ? undefined : startAttack(attack);
      await new Promise((r) => setTimeout(r, SECONDS * 1000));
      const [attackerTally, victimResult] = await Promise.all([a?.stop() ?? {}, v.stop()]);
      clearInterval(sampler);
      return { ...victimResult, attackerTally, peak, disk: await diskMiB(dataDir, pool, DB_NAME) };
    };

    const baseline = await phase();
    const fives = (t: Tally) => Object.entries(t).filter(([k]) => /(^|\s)5\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0);
    const rows = [['attack', 'analytics p50 ms (base → during, ×)', 'ingest p50 ms (base → during, ×)', 'peak RSS MiB', 'disk MiB', 'victim 5xx', 'attacker 5xx', 'attacker answers']];
    const row = (name: string, r: Awaited<ReturnType<typeof phase>>) => [
      name,
      `${baseline.analytics.toFixed(1)} → ${r.analytics.toFixed(1)} (${(r.analytics / baseline.analytics).toFixed(2)}×)`,
      `${baseline.ingest.toFixed(1)} → ${r.ingest.toFixed(1)} (${(r.ingest / baseline.ingest).toFixed(2)}×)`,
      r.peak.toFixed(0),
      r.disk.toFixed(0),
      String(fives(r.statuses)),
      String(fives(r.attackerTally)),
      Object.entries(r.attackerTally).map(([k, v]) => `${k}:${v}`).join(' ') || '-',
    ];
    rows.push(row('(none: baseline)', baseline));
    const chosen = (process.env.BENCH_ATTACKS ?? Object.keys(ATTACKS).join(',')).split(',').map((s) => s.trim());
    for (const name of chosen) {
      if (!ATTACKS[name]) throw new Error(`unknown attack ${name}; one of ${Object.keys(ATTACKS).join(', ')}`);
      const r = await phase(name);
      rows.push(row(name, r));
      console.log(rows[rows.length - 1].join(' | '));
      await new Promise((res) => setTimeout(res, 1000)); // let the server settle before the next one
    }
    console.log('\n| ' + rows[0].join(' | ') + ' |\n|' + rows[0].map(() => '---').join('|') + '|');
    for (const r of rows.slice(1)) console.log('| ' + r.join(' | ') + ' |');
    console.log(`\nTargets: the victim's p50 within 2× of its baseline, no 5xx for the victim; peak RSS under 300 MiB on PostgreSQL under batch-flood.`);
    console.log('Figures are noisy: the machine is shared, and this process (the clients) runs on the same 2 cores as the server.');
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await pool?.end();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
