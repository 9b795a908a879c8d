// npm run bench:webhooks — what webhooks cost the ingest path. The real server (a child process)
// takes single POST /api/v1/chats with varied bodies from 64 connections for BENCH_SECONDS
// (default 5), first with no webhook endpoint, then with two endpoints subscribed to every event
// (their events are queued by the chats' INSERT and delivered meanwhile by the server's worker to a
// receiver in this process). Prints chats/s side by side, and the deliveries received. Asserts
// nothing; the machine is shared, so compare the two figures of one run, not runs.
//
// Env: DATABASE_URL (PostgreSQL: a fresh database; else the embedded PGlite), BENCH_SECONDS.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EVENT_TYPES } from '../src/webhooks/events.js';
import { freePort, spawnServer, waitUntilHealthy } from '../test/helpers/server-process.js';
import { CATEGORIES, LOCALES, RATINGS, SENTIMENTS, TAGS, values } from './chat-fields.js';
import { freshBenchDatabase } from './database.js';
import { timedLoad } from './http-load.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 64;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

function variedChat(): string {
  const [country, language] = pick(values(LOCALES));
  return JSON.stringify({
    title: 'Parental leave question',
    tags: TAGS.filter(() => Math.random() < 0.15),
    user_id: 1 + Math.floor(Math.random() * 20_000),
    metadata: {
      avg_response_time: Math.round(Math.random() * 8000) / 1000,
      country_code: country,
      language_code: language,
      is_escalated: Math.random() < 0.12,
      is_forwarded_to_hr: Math.random() < 0.06,
      question_category: pick(values(CATEGORIES)),
      sentiment: pick(values(SENTIMENTS)),
      token_count: Math.floor(Math.random() * 3000),
      user_rating: pick(values(RATINGS)),
      session_id: `s-${Math.random()}`,
    },
  });
}

async function post(base: string, url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, any>;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function organization(base: string, name: string) {
  const email = `${name}@bench.example`;
  await post(base, '/auth/register', { email, password: 'bench-password', organization_name: name });
  const { token } = await post(base, '/auth/login', { email, password: 'bench-password' });
  const { key } = await post(base, '/api/v1/orgs/me/apikeys', { label: 'bench' }, { authorization: `Bearer ${token}` });
  return { token: token as string, key: key as string };
}

async function main() {
  let received = 0;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const postgres = process.env.DATABASE_URL !== undefined;
  const db = postgres ? await freshBenchDatabase(`chatlogger_bench_webhooks_${process.pid}`) : undefined;
  const dataDir = postgres ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-bench-webhooks-'));
  const env = {
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    JWT_SECRET: 'bench-webhooks-secret-bench-webhooks-secret-0123',
    ...(db ? { DATABASE_URL: db.url } : { DATA_DIR: dataDir! }),
  };
  const server = spawnServer(env);
  try {
    await waitUntilHealthy(server, 120_000);
    const measured = await organization(server.url, 'bench-hooks');
    const warm = await organization(server.url, 'bench-hooks-warmup');
    const headers = { 'content-type': 'application/json', 'x-organization-api-key': measured.key };
    const warmHeaders = { ...headers, 'x-organization-api-key': warm.key };
    const url = `${server.url}/api/v1/chats`;

    const without = await timedLoad(url, headers, warmHeaders, variedChat, CONNECTIONS, SECONDS);
    for (let i = 0; i < 2; i++) {
      await post(server.url, '/api/v1/webhooks', { url: hook, events: [...EVENT_TYPES] }, { authorization: `Bearer ${measured.token}` });
    }
    const before = received;
    const withHooks = await timedLoad(url, headers, warmHeaders, variedChat, CONNECTIONS, SECONDS);
    const during = received - before;
    const rate = (r: typeof without) => Math.round(r.ok / r.seconds);
    console.log(`bench:webhooks on ${postgres ? 'PostgreSQL' : 'PGlite'}, ${CONNECTIONS} connections, ~${SECONDS} s each, varied single-chat POSTs`);
    console.log(`  no webhook endpoint:             ${rate(without)} chats/s  (p50 ${without.p50} ms, p99 ${without.p99} ms, ${without.ok} chats)`);
    console.log(`  2 endpoints, every event type:   ${rate(withHooks)} chats/s  (p50 ${withHooks.p50} ms, p99 ${withHooks.p99} ms, ${withHooks.ok} chats)`);
    console.log(`  ratio with/without: ${(rate(withHooks) / rate(without)).toFixed(2)}; deliveries received during the second run: ${during} ` +
      `(each chat queues 2-8 events; the worker delivers them behind the load)`);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    receiver.close();
    await db?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
