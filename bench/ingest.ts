// npm run bench:ingest — ingest throughput of the real server (a child process, `npm start`'s
// command), on PostgreSQL (DATABASE_URL, a fresh database) and on the embedded PGlite default, each
// run into an organization of its own so that every figure says how many chats it stored:
//
//   1. POST /api/v1/chats with the walk-through's Create Chat body (README step 4), 64 connections,
//      ~10 s (autocannon): chats/s, p50/p99 latency;
//   2. the same with chats whose rolled-up fields vary (category, sentiment, country and language,
//      rating, escalation, tags drawn at random per chat);
//   3. POST /api/v1/chats/batch with 1,000 chats per request, 4 connections, ~10 s: the same body,
//      then varied chats;
//   4. the server's peak RSS (VmHWM of /proc/<pid>/status), and on PostgreSQL the rollup changes
//      still pending after the varied runs and how long the fold took to catch up;
//   5. the database on its own (bench/plain-baseline.ts): the same varied chats into a plain chats +
//      tags schema, one chat per transaction (64 pgbench clients; PGlite: its one connection) and
//      100 chats per transaction (8 clients), and the ratios of the server's rates to them;
//   6. a check per run that the organization holds exactly as many chats as were answered 201.
//
// Each measured run sends a fixed number of requests (sized from a 3 s warm-up, which writes into
// another organization, so that it lasts ~10 s), so that every request is answered before the count
// is compared; the rate is requests answered over the time the run took. Prints figures next to the targets; asserts nothing.
//
// Env: DATABASE_URL (optional; PGlite only without it), BENCH_SECONDS (default 10),
// BENCH_BACKENDS (default "postgres,pglite"), BENCH_SERVER_NODE_OPTIONS (the server's NODE_OPTIONS).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { CreateChatBody } from '../src/chats/schemas.js';
import type { Database } from '../src/db/connection.js';
import { connectPglite } from '../src/db/pglite-connection.js';
import { lockDataDir, openEmbedded } from '../src/db/embedded.js';
import { freePort, spawnServer, waitUntilHealthy, type ServerProcess } from '../test/helpers/server-process.js';
import { CATEGORIES, LOCALES, RATINGS, SENTIMENTS, TAGS, values } from './chat-fields.js';
import { freshBenchDatabase } from './database.js';
import { timedLoad, type Run } from './http-load.js';
import { pgbenchPlain, pglitePlain, type PlainRate } from './plain-baseline.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SINGLE_CONNECTIONS = 64;
const BATCH_CONNECTIONS = 4;
const BATCH_SIZE = 1000;
const PLAIN_SINGLE_CLIENTS = 64;
const PLAIN_BATCH_CLIENTS = 8;
// One database per run: two runs at once (several people on one machine) must not drop each other's.
const DB_NAME = `chatlogger_bench_ingest_${process.pid}`;
const JWT_SECRET = 'bench-ingest-secret-bench-ingest-secret-0123456789';

// README, walk-through step 4: the Create Chat page's example with valid values.
const CHAT: CreateChatBody = {
  metadata: {
    avg_response_time: 42.0,
    country_code: 'NL',
    ip_address: '203.0.113.7',
    is_escalated: true,
    is_forwarded_to_hr: true,
    language_code: 'nl',
    question_category: 'leave',
    sentiment: 'neutral',
    session_id: 'session-1',
    token_count: 42,
    transcript_link: 'https://bot.example.com/transcripts/1',
    user_rating: 4,
  },
  tags: ['leave'],
  title: 'Parental leave question',
  user_id: 42,
};

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

/** The walk-through's chat with its rolled-up fields drawn at random. */
function variedChat(): string {
  const [country, language] = pick(values(LOCALES));
  const metadata = {
    ...CHAT.metadata,
    avg_response_time: Math.round(Math.random() * 8000) / 1000,
    country_code: country,
    language_code: language,
    is_escalated: Math.random() < 0.12,
    is_forwarded_to_hr: Math.random() < 0.06,
    question_category: pick(values(CATEGORIES)),
    sentiment: pick(values(SENTIMENTS)),
    token_count: Math.floor(Math.random() * 3000),
    user_rating: pick(values(RATINGS)),
  };
  return JSON.stringify({ ...CHAT, metadata, tags: TAGS.filter(() => Math.random() < 0.15), user_id: 1 + Math.floor(Math.random() * 20_000) });
}

function peakRss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function api(base: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, any>;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Registers an organization, logs in and makes an API key. */
async function organization(base: string, name: string) {
  const email = `${name}@bench.example`;
  await api(base, '/auth/register', { email, password: 'bench-password', organization_name: name });
  const { token, user } = await api(base, '/auth/login', { email, password: 'bench-password' });
  const { key } = await api(base, '/api/v1/orgs/me/apikeys', { label: 'bench' }, { authorization: `Bearer ${token}` });
  return { id: user.organization_id as number, key: key as string };
}

/** One measured run: its load figures, the chats it had answered 201 and its organization. */
interface Measured {
  name: string;
  run: Run;
  /** Chats answered 201 (batches: items with status 201). */
  chats: number;
  organizationId: number;
  /** Chats the organization holds afterwards (filled in once the server has stopped). */
  stored?: number;
}

interface Figures {
  backend: string;
  runs: Measured[];
  rssAtStart: number;
  rssAfterSingle: number;
  rssPeak: number;
  /** Rollup changes pending once the varied runs ended, and ms until the fold had taken them all (PostgreSQL). */
  backlog?: { rows: number; drainedMs: number };
  plainSingle: PlainRate;
  plainBatch: PlainRate;
}

const variedBatch = () => `{"chats":[${Array.from({ length: BATCH_SIZE }, variedChat).join(',')}]}`;

async function drive(server: ServerProcess, backend: string, pendingRows?: () => Promise<number>): Promise<Omit<Figures, 'plainSingle' | 'plainBatch'>> {
  await waitUntilHealthy(server, 120_000);
  const warmupOrg = await organization(server.url, `bench-${backend}-warmup`);
  const warmupHeaders = { 'content-type': 'application/json', 'x-organization-api-key': warmupOrg.key, authorization: warmupOrg.key };
  const rssAtStart = peakRss(server.child.pid!);
  const runs: Measured[] = [];
  let rssAfterSingle = 0;
  let backlog: Figures['backlog'];

  const single = async (name: string, body: string | (() => string)) => {
    const org = await organization(server.url, `bench-${backend}-${runs.length}`);
    // Both headers carry the key, as on the Create Chat page.
    const headers = { 'content-type': 'application/json', 'x-organization-api-key': org.key, authorization: org.key };
    const run = await timedLoad(`${server.url}/api/v1/chats`, headers, warmupHeaders, body, SINGLE_CONNECTIONS, SECONDS);
    runs.push({ name, run, chats: run.ok, organizationId: org.id });
  };
  const batch = async (name: string, body: string | (() => string)) => {
    const org = await organization(server.url, `bench-${backend}-${runs.length}`);
    const headers = { 'content-type': 'application/json', 'x-organization-api-key': org.key, authorization: org.key };
    let chats = 0;
    let notCreated = 0;
    const countItems = (status: number, text: string) => {
      if (status !== 207) return;
      for (const r of (JSON.parse(text) as { results: { status: number }[] }).results) {
        if (r.status === 201) chats++;
        else notCreated++;
      }
    };
    const run = await timedLoad(`${server.url}/api/v1/chats/batch`, headers, warmupHeaders, body, BATCH_CONNECTIONS, SECONDS, countItems);
    if (notCreated > 0) console.log(`  ! ${notCreated} batch items were not 201`);
    runs.push({ name, run, chats, organizationId: org.id });
  };
  const drained = async () => {
    if (!pendingRows) return;
    const rows = await pendingRows();
    const start = Date.now();
    while ((await pendingRows()) > 0) await new Promise((r) => setTimeout(r, 50));
    backlog = { rows, drainedMs: Date.now() - start };
  };

  await single('single POST, same body', JSON.stringify(CHAT));
  rssAfterSingle = peakRss(server.child.pid!);
  await single('single POST, varied', variedChat);
  await drained();
  await batch('batch of 1,000, same body', JSON.stringify({ chats: Array.from({ length: BATCH_SIZE }, () => CHAT) }));
  await batch('batch of 1,000, varied', variedBatch);
  const afterSingle = backlog;
  await drained();
  // The larger of the two backlogs (after the single varied run, after the batches).
  if (afterSingle && backlog && afterSingle.rows > backlog.rows) backlog = afterSingle;
  return { backend, runs, rssAtStart, rssAfterSingle, rssPeak: peakRss(server.child.pid!), backlog };
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) console.log(`  ! server exited with ${code}:\n${server.output().slice(-2000)}`);
}

const baseEnv = {
  JWT_SECRET,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_ENABLED: 'false',
  HOST: '127.0.0.1',
  // e.g. BENCH_SERVER_NODE_OPTIONS=--max-old-space-size=128 to see the server under a heap cap.
  ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
};

async function benchPostgres(): Promise<Figures> {
  const { url, drop } = await freshBenchDatabase(DB_NAME);
  try {
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    try {
      const server = spawnServer({ ...baseEnv, PORT: String(await freePort()), DATABASE_URL: url });
      let figures;
      try {
        const pending = async () => (await watcher.query('SELECT count(*)::int AS n FROM chat_rollup_pending')).rows[0].n as number;
        figures = await drive(server, 'postgres', pending);
      } finally {
        await stop(server);
      }
      for (const r of figures.runs) r.stored = (await watcher.query('SELECT count(*)::int AS n FROM chats WHERE organization_id = $1', [r.organizationId])).rows[0].n;
      const plainSingle = await pgbenchPlain(url, watcher, 1, PLAIN_SINGLE_CLIENTS, SECONDS);
      const plainBatch = await pgbenchPlain(url, watcher, 100, PLAIN_BATCH_CLIENTS, SECONDS);
      return { ...figures, plainSingle, plainBatch };
    } finally {
      await watcher.end();
    }
  } finally {
    await drop();
  }
}

async function benchPglite(): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-bench-ingest-'));
  try {
    const server = spawnServer({ ...baseEnv, PORT: String(await freePort()), DATA_DIR: dataDir });
    let figures;
    try {
      figures = await drive(server, 'pglite');
    } finally {
      await stop(server);
    }
    // The same database, opened in this process once the server has let go of it.
    const release = lockDataDir(dataDir);
    let database: Database | undefined;
    try {
      const { pglite } = await openEmbedded(dataDir);
      database = connectPglite(pglite, true);
      const client = await database.pool.connect();
      for (const r of figures.runs) r.stored = (await client.query('SELECT count(*)::int AS n FROM chats WHERE organization_id = $1', [r.organizationId])).rows[0].n;
      const plainSingle = await pglitePlain(client, 1, SECONDS);
      const plainBatch = await pglitePlain(client, 100, SECONDS);
      client.release();
      return { ...figures, plainSingle, plainBatch };
    } finally {
      await database?.close();
      release();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function report(f: Figures) {
  const rate = (m: Measured) => m.chats / m.run.seconds;
  const [same, varied, batchSame, batchVaried] = f.runs;
  const pgbench = f.backend === 'postgres' ? 'pgbench' : 'in process';
  const lines = [`\n== ${f.backend} ==`];
  for (const m of f.runs) {
    const kind = m.name.startsWith('batch') ? `${fmt(m.run.ok)} × 207, ${BATCH_CONNECTIONS} connections` : `${fmt(m.run.ok)} × 201, ${SINGLE_CONNECTIONS} connections`;
    lines.push(`${m.name.padEnd(26)} ${fmt(rate(m)).padStart(7)} chats/s  p50 ${m.run.p50} ms  p99 ${m.run.p99} ms  (${kind}, ${fmt(m.run.seconds, 1)} s; ` +
      `${fmt(m.chats)} answered 201, ${fmt(m.stored ?? NaN)} stored${m.stored === m.chats ? '' : ' MISMATCH'})`);
  }
  const plain = (p: PlainRate) => `${fmt(p.chatsPerSecond)} chats/s (${fmt(p.transactions)} transactions of ${p.perTransaction}, ${p.clients} client${p.clients > 1 ? 's' : ''}, ${fmt(p.chatsStored)} stored)`;
  lines.push(
    `plain schema, 1 chat/tx      ${plain(f.plainSingle)} [${pgbench}]`,
    `plain schema, 100 chats/tx   ${plain(f.plainBatch)} [${pgbench}]`,
    `varied single / 1 chat/tx    ${fmt(rate(varied) / f.plainSingle.chatsPerSecond, 2)}×   [target ≥ ${f.backend === 'postgres' ? 3 : 2}×]  (same body: ${fmt(rate(same) / f.plainSingle.chatsPerSecond, 2)}×)`,
    `varied batch / 100 chats/tx  ${fmt(rate(batchVaried) / f.plainBatch.chatsPerSecond, 2)}×   [target ≥ 0.5×]  (same body: ${fmt(rate(batchSame) / f.plainBatch.chatsPerSecond, 2)}×)`,
    `varied single POST p99       ${varied.run.p99} ms   [target ≤ 50 ms]`,
    `server peak RSS (VmHWM)      ${fmt(f.rssAtStart)} MB once started and set up, ${fmt(f.rssAfterSingle)} MB after the first run, ${fmt(f.rssPeak)} MB at the end   [target ≤ 250 MB]`,
  );
  if (f.backlog) lines.push(`rollup fold                  ${fmt(f.backlog.rows)} changes pending at the end of a varied run, all folded ${fmt(f.backlog.drainedMs)} ms later`);
  const problems = f.runs.flatMap((m) => [
    ...(m.run.errors > 0 ? [`${m.name}: ${m.run.errors} connection errors`] : []),
    ...Object.entries(m.run.other).map(([code, n]) => `${m.name}: ${n} × ${code}`),
  ]);
  if (problems.length) lines.push(`  ! ${problems.join(', ')}`);
  console.log(lines.join('\n'));
  return { backend: f.backend, f, rate, same, varied, batchSame, batchVaried };
}

async function main() {
  const wanted = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',');
  const rows = [];
  if (wanted.includes('postgres')) {
    if (process.env.DATABASE_URL) rows.push(report(await benchPostgres()));
    else console.log('DATABASE_URL not set: PostgreSQL skipped (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)');
  }
  if (wanted.includes('pglite')) rows.push(report(await benchPglite()));
  if (process.env.BENCH_SERVER_NODE_OPTIONS) {
    console.log(`\n! the server ran with NODE_OPTIONS=${process.env.BENCH_SERVER_NODE_OPTIONS}: not how \`npm start\` runs it`);
  }
  console.log(`\n| backend | single same body | single varied (p99 ms) | batch same body | batch varied | plain 1/tx | plain 100/tx | varied single ÷ 1/tx | varied batch ÷ 100/tx | peak RSS MB | stored = 201s |`);
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|`);
  for (const { backend, f, rate, same, varied, batchSame, batchVaried } of rows) {
    const ok = f.runs.every((m) => m.stored === m.chats);
    console.log(`| ${backend} | ${fmt(rate(same))} | ${fmt(rate(varied))} (${varied.run.p99}) | ${fmt(rate(batchSame))} | ${fmt(rate(batchVaried))} | ${fmt(f.plainSingle.chatsPerSecond)} | ${fmt(f.plainBatch.chatsPerSecond)} | ` +
      `${fmt(rate(varied) / f.plainSingle.chatsPerSecond, 2)}× | ${fmt(rate(batchVaried) / f.plainBatch.chatsPerSecond, 2)}× | ${fmt(f.rssPeak)} | ${ok ? 'yes' : 'NO'} |`);
  }
  console.log(`targets (PostgreSQL): varied single ≥ 3× 1/tx, p99 ≤ 50 ms, varied batch ≥ 0.5× 100/tx, RSS ≤ 250 MB; PGlite: varied single ≥ 2× 1/tx (${os.cpus().length} CPUs, server, database and load on this machine)`);
}

await main();
