// npm run bench:ingest — ingest throughput of the real server (a child process, `npm start`'s
// command), on PostgreSQL (DATABASE_URL, a fresh database) and on the embedded PGlite default:
//
//   1. POST /api/v1/chats with the walk-through's Create Chat body (README step 4), 64 connections,
//      ~10 s (autocannon): chats/s, p50/p99 latency;
//   2. the same with chats whose rolled-up fields vary (category, sentiment, country and language,
//      rating, escalation, tags drawn at random): each then adds its own rollup rows;
//   3. POST /api/v1/chats/batch with 1,000 such chats per request, 4 connections, ~10 s;
//   4. the server's peak RSS (VmHWM of /proc/<pid>/status);
//   5. the database's own ceiling for one transaction per chat: single autocommit INSERTs of the
//      same row (the same statement the server uses) from 16 concurrent pg clients for 10 s (PGlite:
//      its one connection, in process), and the ratio single-POST / ceiling;
//   6. a check that the organization holds exactly as many chats as were answered 201.
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
import { toNewChat } from '../src/chats/service.js';
import type { CreateChatBody } from '../src/chats/schemas.js';
import type { Database } from '../src/db/connection.js';
import { connectPglite } from '../src/db/pglite-connection.js';
import { lockDataDir, openEmbedded } from '../src/db/embedded.js';
import { insertChatRows } from '../src/ingest/chat-rows.js';
import { freePort, spawnServer, waitUntilHealthy, type ServerProcess } from '../test/helpers/server-process.js';
import { CATEGORIES, LOCALES, RATINGS, SENTIMENTS, TAGS, values } from './chat-fields.js';
import { freshBenchDatabase } from './database.js';
import { timedLoad, type Run } from './http-load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SINGLE_CONNECTIONS = 64;
const BATCH_CONNECTIONS = 4;
const BATCH_SIZE = 1000;
const CEILING_CLIENTS = 16;
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

/** Single autocommit INSERTs of the same row from `clients` connections for SECONDS. */
async function ceiling(clients: pg.ClientBase[], organizationId: number): Promise<{ rows: number; perSecond: number }> {
  const row = { organizationId, chat: toNewChat(CHAT) };
  const until = Date.now() + SECONDS * 1000;
  const start = process.hrtime.bigint();
  const counts = await Promise.all(
    clients.map(async (client) => {
      let n = 0;
      while (Date.now() < until) {
        await insertChatRows(client, [row]);
        n++;
      }
      return n;
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rows = counts.reduce((a, b) => a + b, 0);
  return { rows, perSecond: rows / seconds };
}

interface Figures {
  backend: string;
  single: Run;
  /** Single POSTs whose rolled-up fields vary. */
  varied: Run;
  batch: Run;
  batchChats: number;
  rssAtStart: number;
  rssAfterSingle: number;
  rssPeak: number;
  ceiling: { rows: number; perSecond: number; clients: number };
  expected: number;
  stored: number;
}

async function drive(server: ServerProcess, backend: string): Promise<Omit<Figures, 'ceiling' | 'stored'> & { organizationId: number; ceilingOrg: number }> {
  await waitUntilHealthy(server, 120_000);
  const main = await organization(server.url, `bench-${backend}`);
  const ceilingOrg = await organization(server.url, `bench-${backend}-ceiling`);
  // Both headers carry the key, as on the Create Chat page.
  const headers = { 'content-type': 'application/json', 'x-organization-api-key': main.key, authorization: main.key };

  const rssAtStart = peakRss(server.child.pid!);
  const warmupHeaders = { ...headers, 'x-organization-api-key': ceilingOrg.key, authorization: ceilingOrg.key };

  const single = await timedLoad(`${server.url}/api/v1/chats`, headers, warmupHeaders, JSON.stringify(CHAT), SINGLE_CONNECTIONS, SECONDS);
  const rssAfterSingle = peakRss(server.child.pid!);
  const varied = await timedLoad(`${server.url}/api/v1/chats`, headers, warmupHeaders, variedChat, SINGLE_CONNECTIONS, SECONDS);

  let batchChats = 0;
  let batchItemsNot201 = 0;
  const countItems = (status: number, body: string) => {
    if (status !== 207) return;
    for (const r of (JSON.parse(body) as { results: { status: number }[] }).results) {
      if (r.status === 201) batchChats++;
      else batchItemsNot201++;
    }
  };
  const batchBody = JSON.stringify({ chats: Array.from({ length: BATCH_SIZE }, () => CHAT) });
  const batch = await timedLoad(`${server.url}/api/v1/chats/batch`, headers, warmupHeaders, batchBody, BATCH_CONNECTIONS, SECONDS, countItems);
  if (batchItemsNot201 > 0) console.log(`  ! ${batchItemsNot201} batch items were not 201`);
  return {
    backend,
    single,
    varied,
    batch,
    batchChats,
    rssAtStart,
    rssAfterSingle,
    rssPeak: peakRss(server.child.pid!),
    // Every chat answered 201 to the measured organization.
    expected: single.ok + varied.ok + batchChats,
    organizationId: main.id,
    ceilingOrg: ceilingOrg.id,
  };
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
    const server = spawnServer({ ...baseEnv, PORT: String(await freePort()), DATABASE_URL: url });
    let figures;
    try {
      figures = await drive(server, 'postgres');
    } finally {
      await stop(server);
    }
    const clients = await Promise.all(
      Array.from({ length: CEILING_CLIENTS }, async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    const ceil = await ceiling(clients, figures.ceilingOrg);
    const { rows } = await clients[0].query('SELECT count(*)::int AS n FROM chats WHERE organization_id = $1', [figures.organizationId]);
    await Promise.all(clients.map((c) => c.end()));
    return { ...figures, ceiling: { ...ceil, clients: CEILING_CLIENTS }, stored: rows[0].n };
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
      const ceil = await ceiling([client], figures.ceilingOrg);
      const { rows } = await client.query('SELECT count(*)::int AS n FROM chats WHERE organization_id = $1', [figures.organizationId]);
      client.release();
      return { ...figures, ceiling: { ...ceil, clients: 1 }, stored: rows[0].n };
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
  const singleRate = f.single.ok / f.single.seconds;
  const batchRate = f.batchChats / f.batch.seconds;
  const ratio = singleRate / f.ceiling.perSecond;
  const lines = [
    `\n== ${f.backend} ==`,
    `single POST /api/v1/chats  ${fmt(singleRate)} chats/s (${fmt(f.single.ok)} × 201 in ${fmt(f.single.seconds, 1)} s, ${SINGLE_CONNECTIONS} connections)` +
      `  p50 ${f.single.p50} ms  p99 ${f.single.p99} ms   [target p99 ≤ 50 ms]`,
    `  varied fields            ${fmt(f.varied.ok / f.varied.seconds)} chats/s (${fmt(f.varied.ok)} × 201 in ${fmt(f.varied.seconds, 1)} s)  p50 ${f.varied.p50} ms  p99 ${f.varied.p99} ms`,
    `batch POST .../chats/batch ${fmt(batchRate)} chats/s (${fmt(f.batch.ok)} × 207 of ${BATCH_SIZE} in ${fmt(f.batch.seconds, 1)} s, ${BATCH_CONNECTIONS} connections)` +
      `  p50 ${f.batch.p50} ms  p99 ${f.batch.p99} ms   [target ≥ 30,000 chats/s]`,
    `ceiling, 1 transaction/chat ${fmt(f.ceiling.perSecond)} chats/s (${fmt(f.ceiling.rows)} single autocommit INSERTs, ${f.ceiling.clients} client${f.ceiling.clients > 1 ? 's' : ''}, ${SECONDS} s)`,
    `ratio single POST / ceiling ${fmt(ratio, 2)}×   [target ≥ 3×]`,
    `server peak RSS (VmHWM)    ${fmt(f.rssAtStart)} MB once started and set up, ${fmt(f.rssAfterSingle)} MB after the single run, ${fmt(f.rssPeak)} MB after the batch run   [target ≤ 250 MB]`,
    `check: chats stored ${fmt(f.stored)}, answered 201 ${fmt(f.expected)} → ${f.stored === f.expected ? 'equal' : 'MISMATCH'}`,
  ];
  const problems = [f.single, f.varied, f.batch].flatMap((r) => [
    ...(r.errors > 0 ? [`${r.errors} connection errors`] : []),
    ...Object.entries(r.other).map(([code, n]) => `${n} × ${code}`),
  ]);
  if (problems.length) lines.push(`  ! ${problems.join(', ')}`);
  console.log(lines.join('\n'));
  return { backend: f.backend, singleRate, p50: f.single.p50, p99: f.single.p99, batchRate, ceiling: f.ceiling.perSecond, ratio, rss: f.rssPeak, check: f.stored === f.expected };
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
  console.log(`\n| backend | single POST chats/s | p50 ms | p99 ms | batch chats/s | 1 tx/chat ceiling | ratio | peak RSS MB | stored = 201s |`);
  console.log(`|---|---|---|---|---|---|---|---|---|`);
  for (const r of rows) {
    console.log(`| ${r.backend} | ${fmt(r.singleRate)} | ${r.p50} | ${r.p99} | ${fmt(r.batchRate)} | ${fmt(r.ceiling)} | ${fmt(r.ratio, 2)}× | ${fmt(r.rss)} | ${r.check ? 'yes' : 'NO'} |`);
  }
  console.log(`targets: single ≥ 3× ceiling, p99 ≤ 50 ms, batch ≥ 30,000 chats/s, RSS ≤ 250 MB (${os.cpus().length} CPUs, server and database on this machine)`);
}

await main();
