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
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { freePort, spawnServer, waitUntilHealthy, type ServerProcess } from '../test/helpers/server-process.js';
import { freshBenchDatabase } from './database.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const DB_NAME = `chatlogger_bench_abuse_${process.pid}`;
const JWT_SECRET = 'bench-abuse-secret-bench-abuse-secret-0123456789';
const PASSWORD = 'bench abuse passphrase';
const MiB = 1024 * 1024;
const DAY = 86_400_000;

type Org = { key: string; token: string; id: number };
type Tally = Record<string, number>;
const count = (tally: Tally, key: string | number) => (tally[key] = (tally[key] ?? 0) + 1);

async function call(base: string, url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(base + url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, text };
}

async function organization(base: string, name: string): Promise<Org> {
  const email = `${name}@bench.example`;
  const reg = await call(base, '/auth/register', { body: { email, password: PASSWORD, organization_name: name } });
  if (reg.status !== 202) throw new Error(`register ${name}: ${reg.status} ${reg.text}`);
  const login = JSON.parse((await call(base, '/auth/login', { body: { email, password: PASSWORD } })).text);
  const auth = { authorization: `Bearer ${login.token}` };
  const key = JSON.parse((await call(base, '/api/v1/orgs/me/apikeys', { body: { label: 'bench' }, headers: auth })).text).key;
  return { key, token: login.token, id: login.user.organization_id };
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const CATEGORIES = ['leave', 'payroll', 'benefits', 'onboarding', 'it'];
const SENTIMENTS = ['positive', 'neutral', 'negative'];

/** A chat of the last 80 days with varied rolled-up fields. */
function chat(padTo = 0) {
  const base = {
    title: 'Question about ' + pick(CATEGORIES),
    tags: [pick(CATEGORIES)],
    created_at: new Date(Date.now() - Math.random() * 80 * DAY).toISOString(),
    metadata: { question_category: pick(CATEGORIES), sentiment: pick(SENTIMENTS), user_rating: 1 + Math.floor(Math.random() * 5), is_escalated: Math.random() < 0.1 },
  };
  if (!padTo) return base;
  // A long transcript link brings the item to `padTo` bytes (a full-size batch of realistic items).
  const link = 'https://bot.example.com/transcripts/' + 'x'.repeat(Math.max(0, Math.min(2000, padTo - JSON.stringify(base).length - 60)));
  return { ...base, metadata: { ...base.metadata, transcript_link: link }, session_id: 's'.repeat(Math.max(0, Math.min(255, padTo - JSON.stringify(base).length - link.length - 60))) };
}

/** One 1,000-chat batch body just under 5 MiB. */
function fullBatch(): string {
  const items = Array.from({ length: 1000 }, () => JSON.stringify(chat(Math.floor((5 * MiB - 64) / 1000) - 1)));
  let body = `{"chats":[${items.join(',')}]}`;
  if (Buffer.byteLength(body) > 5 * MiB) body = `{"chats":[${items.slice(0, 990).join(',')}]}`;
  return body;
}

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

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

/** Repeats `attempt` on `connections` loops until stopped; tallies what it was answered. */
function attacker(connections: number, attempt: (tally: Tally) => Promise<void>) {
  const tally: Tally = {};
  let running = true;
  const done = Promise.all(
    Array.from({ length: connections }, async () => {
      while (running) await attempt(tally).catch(() => count(tally, 'error'));
    }),
  );
  return {
    stop: async () => {
      running = false;
      await done;
      return tally;
    },
  };
}

type Attack = (base: string, attackerOrg: Org) => { stop: () => Promise<Tally> };

const ATTACKS: Record<string, Attack> = {
  'analytics-edges': (base, a) => {
    const to = new Date(Date.now() - 17 * 60_000).toISOString();
    const from = new Date(Date.now() - 80 * DAY + 23 * 60_000).toISOString();
    const url = `/api/v1/analytics/timeseries?interval=hour&tz=Asia/Kathmandu&from=${from}&to=${to}&metrics=chats,csat,escalation_rate`;
    return attacker(4, async (t) => void count(t, (await call(base, url, { headers: { authorization: `Bearer ${a.token}` } })).status));
  },
  'export-flood': (base, a) =>
    attacker(4, async (t) => {
      const res = await call(base, '/api/v1/exports', { body: { format: 'json', type: 'all' }, headers: { authorization: `Bearer ${a.token}` } });
      count(t, res.status);
      if (res.status !== 202 && res.status !== 201) await new Promise((r) => setTimeout(r, 50));
    }),
  'slow-sync-export': (base, a) => {
    // Readers that open a synchronous export and never read it, re-opened when answered.
    const tally: Tally = {};
    const open: http.ClientRequest[] = [];
    let running = true;
    const start = () => {
      if (!running) return;
      const req = http.request(`${base}/api/v1/exports/sync`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` } }, (res) => {
        count(tally, res.statusCode ?? 0);
        if (res.statusCode === 200) res.pause(); // holds its slot as long as the server lets it
        else {
          res.resume();
          res.on('end', () => setTimeout(start, 100));
        }
      });
      req.on('error', () => count(tally, 'error'));
      req.end(JSON.stringify({ format: 'csv', type: 'all' }));
      open.push(req);
    };
    for (let i = 0; i < 12; i++) start();
    return {
      stop: async () => {
        running = false;
        for (const req of open) req.destroy();
        return tally;
      },
    };
  },
  'batch-flood': (base, a) => {
    const body = fullBatch();
    return attacker(16, async (t) => {
      const res = await call(base, '/api/v1/chats/batch', { body, headers: { 'x-organization-api-key': a.key } });
      count(t, res.status);
      if (res.status >= 400) await new Promise((r) => setTimeout(r, 100));
    });
  },
  'register-flood': (base) => {
    let n = 0;
    return attacker(4, async (t) => {
      const id = `${process.pid}-${n++}`;
      count(t, (await call(base, '/auth/register', { body: { email: `flood-${id}@bench.example`, password: PASSWORD, organization_name: `Flood ${id}` } })).status);
    });
  },
  'password-guess': (base, a) => {
    let n = 0;
    return attacker(4, async (t) => {
      const i = n++;
      const res =
        i % 2
          ? await call(base, '/api/v1/users/me/password', { body: { current_password: `guess ${i}`, new_password: 'lantern cobalt fjord' }, headers: { authorization: `Bearer ${a.token}` } })
          : await call(base, '/auth/login', { body: { email: 'victim@bench.example', password: `guess ${i}` } });
      count(t, `${i % 2 ? 'change' : 'login'} ${res.status}`);
    });
  },
};

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

    const phase = async (attack?: Attack) => {
      let peak = rssMiB(pid);
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 100);
      const v = victim(base, victimOrg);
      const a = attack?.(base, attackerOrg);
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
      const r = await phase(ATTACKS[name]);
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
