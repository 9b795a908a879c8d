// npm run bench:redaction-ingest — ingest throughput of the real server (a child process, `npm
// start`'s command) on PostgreSQL with redaction on (every type masked) next to the same load with
// redaction off (every type kept), one organization each, on one server:
//
//   1. POST /api/v1/chats, 64 connections: varied chats whose title is a message of the planted
//      corpus (bench/redaction/corpus.ts: five languages, values of every type in ~60% of its
//      sentences, near-misses), with a category that sometimes holds a phone number and a
//      session_id that is sometimes an e-mail address;
//   2. POST /api/v1/chats/:id/messages, 64 connections: corpus messages as content (the chat says
//      its country, so messages with digits read it for phone detection);
//   3. POST /api/v1/chats/batch, 4 connections, 1,000 such chats per request;
//   4. what policy freshness costs: a read of the organization's settings (what reading the policy
//      with every request would add) against a hit of the per-process cache (POLICY_TTL_MS);
//   5. the engine alone: redact() of every corpus message, one core.
//
// Each figure: a warm-up of WARMUP_SECONDS, then BENCH_SECONDS (default 8) of load in rounds that
// alternate off and on; the rate is 2xx answers over the measured duration. Prints the figures and the ratio on/off against the target
// (≥ 80%); asserts nothing. Env: DATABASE_URL (required), BENCH_SECONDS.
import autocannon from 'autocannon';
import os from 'node:os';
import pg from 'pg';
import { freePort, spawnServer, waitUntilHealthy, type ServerProcess } from '../test/helpers/server-process.js';
import { createRedactor } from '../src/redaction/redact.js';
import { ENTITY_TYPES } from '../src/redaction/entities.js';
import { CATEGORIES, SENTIMENTS, TAGS, values } from './chat-fields.js';
import { freshBenchDatabase } from './database.js';
import { buildCorpus, type CorpusMessage } from './redaction/corpus.js';
import { email, phone } from './redaction/values.js';
import { Random } from '../src/demo/random.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = 2;
const DB_NAME = `chatlogger_bench_redaction_ingest_${process.pid}`;
const JWT_SECRET = 'bench-redaction-ingest-secret-0123456789-abcdefgh';
const BATCH_SIZE = 1000;

const corpus = buildCorpus(20261203, 3000);
const r = new Random(7);
const COUNTRY: Record<string, string> = { en: 'GB', nl: 'NL', de: 'DE', fr: 'FR', es: 'ES' };
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

function chatOf(m: CorpusMessage) {
  const roll = Math.random();
  return {
    title: m.text.slice(0, 255),
    tags: TAGS.filter(() => Math.random() < 0.15),
    user_id: 1 + Math.floor(Math.random() * 20_000),
    metadata: {
      country_code: m.country ?? COUNTRY[m.language],
      language_code: m.language,
      question_category: roll < 0.05 ? `callback ${phone(r, 'NL')}` : pick(values(CATEGORIES)),
      sentiment: pick(values(SENTIMENTS)),
      session_id: roll > 0.9 ? email(r) : `sess-${Math.floor(Math.random() * 1e9).toString(36)}`,
      transcript_link: `https://bot.example.com/transcripts/${Math.floor(Math.random() * 1e9)}`,
      user_rating: 1 + Math.floor(Math.random() * 5),
    },
  };
}

const chatBody = () => JSON.stringify(chatOf(pick(corpus)));
const messageBody = () => JSON.stringify({ role: pick(['user', 'user', 'assistant']), content: pick(corpus).text });
// A few batch bodies made up front (made per request, the client would be the bottleneck).
const batchBodies = Array.from({ length: 4 }, () => JSON.stringify({ chats: Array.from({ length: BATCH_SIZE }, () => chatOf(pick(corpus))) }));
const batchBody = () => pick(batchBodies);

async function api(base: string, url: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  const res = await fetch(base + url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, any>;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** An organization with an API key and the given action for every entity type; a chat to add messages to. */
async function organization(base: string, name: string, action: 'keep' | 'mask') {
  const mail = `${name}@bench.example`;
  await api(base, '/auth/register', { email: mail, password: 'bench-password', organization_name: name });
  const { token, user } = await api(base, '/auth/login', { email: mail, password: 'bench-password' });
  const auth = { authorization: `Bearer ${token}` };
  const { key } = await api(base, '/api/v1/orgs/me/apikeys', { label: 'bench' }, auth);
  await api(base, '/api/v1/orgs/me/privacy', { redaction: Object.fromEntries(ENTITY_TYPES.map((t) => [t, action])) }, auth, 'PATCH');
  const headers = { 'content-type': 'application/json', 'x-organization-api-key': key as string };
  const { chat_id } = await api(base, '/api/v1/chats', { metadata: { country_code: 'NL', language_code: 'nl' } }, headers);
  return { id: user.organization_id as number, headers, chatId: chat_id as number };
}

interface Figure {
  perSecond: number;
  ok: number;
  non2xx: number;
  p50: number;
  p99: number;
}

async function run(url: string, headers: Record<string, string>, body: () => string, connections: number, seconds: number, itemsPerRequest = 1): Promise<Figure> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 60,
    requests: [{ method: 'POST', headers, setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) }],
  });
  return { perSecond: (result['2xx'] * itemsPerRequest) / seconds, ok: result['2xx'], non2xx: result.non2xx, p50: result.latency.p50, p99: result.latency.p99 };
}

const ROUNDS = 4;

/**
 * Off and on, each warmed up, then measured in alternating rounds (ROUNDS of SECONDS / ROUNDS
 * each): on a shared machine the load drifts, and two runs one after the other would each see
 * another share of the cores.
 */
async function measurePair(loads: { url: string; headers: Record<string, string> }[], body: () => string, connections: number, itemsPerRequest = 1): Promise<Figure[]> {
  for (const l of loads) await run(l.url, l.headers, body, connections, WARMUP_SECONDS, itemsPerRequest);
  const rounds: Figure[][] = loads.map(() => []);
  for (let i = 0; i < ROUNDS; i++) {
    for (const [j, l] of loads.entries()) rounds[j].push(await run(l.url, l.headers, body, connections, SECONDS / ROUNDS, itemsPerRequest));
  }
  return rounds.map((figures) => ({
    perSecond: figures.reduce((sum, f) => sum + f.perSecond, 0) / figures.length,
    ok: figures.reduce((sum, f) => sum + f.ok, 0),
    non2xx: figures.reduce((sum, f) => sum + f.non2xx, 0),
    p50: Math.max(...figures.map((f) => f.p50)),
    p99: Math.max(...figures.map((f) => f.p99)),
  }));
}

/** Mean time of `n` sequential reads of an organization's settings row, and of 16 clients at once. */
async function settingsReadCost(url: string, organizationId: number) {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  const read = () => pool.query('SELECT * FROM privacy_settings WHERE organization_id = $1', [organizationId]);
  for (let i = 0; i < 200; i++) await read();
  const n = 2000;
  let started = performance.now();
  for (let i = 0; i < n; i++) await read();
  const sequentialMs = (performance.now() - started) / n;
  started = performance.now();
  await Promise.all(Array.from({ length: 16 }, async () => {
    for (let i = 0; i < n / 4; i++) await read();
  }));
  const concurrentPerSecond = (4 * n) / ((performance.now() - started) / 1000);
  await pool.end();
  return { sequentialMs, concurrentPerSecond };
}

function engine() {
  const redactor = createRedactor(Object.fromEntries(ENTITY_TYPES.map((t) => [t, 'mask'])), Buffer.alloc(32));
  // The best of three passes over the corpus (the first warms the JIT up).
  let ms = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    for (const m of corpus) redactor.redact(m.text, { country: m.country, language: m.language });
    ms = Math.min(ms, performance.now() - started);
  }
  return { perSecond: corpus.length / (ms / 1000), usEach: (ms * 1000) / corpus.length };
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) console.log(`  ! server exited with ${code}:\n${server.output().slice(-2000)}`);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  if (!process.env.DATABASE_URL) {
    console.log('DATABASE_URL not set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test): nothing measured');
    return;
  }
  const { url, drop } = await freshBenchDatabase(DB_NAME);
  const rows: [string, Figure, Figure][] = [];
  let cost;
  try {
    const server = spawnServer({ JWT_SECRET, LOG_LEVEL: 'warn', RATE_LIMIT_ENABLED: 'false', HOST: '127.0.0.1', PORT: String(await freePort()), DATABASE_URL: url });
    try {
      await waitUntilHealthy(server, 120_000);
      const off = await organization(server.url, 'bench-redaction-off', 'keep');
      const on = await organization(server.url, 'bench-redaction-on', 'mask');
      const kinds: [string, (o: typeof off) => string, () => string, number, number][] = [
        ['single POST /api/v1/chats (chats/s)', () => '/api/v1/chats', chatBody, 64, 1],
        ['POST /api/v1/chats/:id/messages (messages/s)', (o) => `/api/v1/chats/${o.chatId}/messages`, messageBody, 64, 1],
        [`batch of ${BATCH_SIZE} (chats/s)`, () => '/api/v1/chats/batch', batchBody, 4, BATCH_SIZE],
      ];
      for (const [name, path, body, connections, items] of kinds) {
        const [offFigure, onFigure] = await measurePair([{ url: server.url + path(off), headers: off.headers }, { url: server.url + path(on), headers: on.headers }], body, connections, items);
        rows.push([name, offFigure, onFigure]);
      }
      cost = await settingsReadCost(url, on.id);
    } finally {
      await stop(server);
    }
  } finally {
    await drop();
  }
  const e = engine();
  console.log(`\nredaction at ingest, PostgreSQL, ${SECONDS} s per figure (${ROUNDS} rounds alternating off and on) after a ${WARMUP_SECONDS} s warm-up each; on = every type masked, off = every type kept`);
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} (${os.cpus().length} CPUs, shared with the database and the load generator)`);
  console.log('| load | off /s | on /s | on / off | p99 off ms | p99 on ms | target ≥ 80% |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, off, on] of rows) {
    const ratio = on.perSecond / off.perSecond;
    console.log(`| ${name} | ${fmt(off.perSecond)} | ${fmt(on.perSecond)} | ${fmt(ratio * 100)}% | ${off.p99} | ${on.p99} | ${ratio >= 0.8 ? 'yes' : 'NO'} |`);
    if (off.non2xx || on.non2xx) console.log(`  ! non-2xx answers: off ${off.non2xx}, on ${on.non2xx}`);
  }
  console.log(`policy freshness: one settings read ${fmt(cost!.sequentialMs, 3)} ms on one connection, ${fmt(cost!.concurrentPerSecond)} reads/s from 16 connections; the cache answers from memory and re-reads once a second per organization`);
  console.log(`engine alone: redact() with every type masked, ${fmt(e.perSecond)} corpus messages/s (${fmt(e.usEach, 1)} µs a message, one core)`);
}

await main();
