// Faults over real HTTP: slow and oversized requests, SIGTERM and kill -9 while 64 clients write
// chats, and PostgreSQL connections cut under the server. What was answered 201 must be stored,
// whole (with its tags); what was answered otherwise must not be; the server never answers 500.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, DEFAULT_SERVER_LIMITS, type App } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { openEmbedded } from '../src/db/embedded.js';
import { TEST_JWT_SECRET } from './helpers/app.js';
import { backend, createEmptyPostgresDatabase, createTestDatabase } from './helpers/database.js';
import { exitCode, freePort, json, spawnServer, waitUntilHealthy, type ServerProcess } from './helpers/server-process.js';

const CLIENTS = 64;
const SECRET = 'a-shared-secret-of-at-least-32-characters!';
// The writers use one API key far above its default 100/s: this is about faults, not limits.
const NO_LIMITS = { RATE_LIMIT_API_KEY_RPS: '1000000', RATE_LIMIT_API_KEY_BURST: '1000000' };

const running: ServerProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const s of running) s.child.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = spawnServer({ PORT: String(await freePort()), ...NO_LIMITS, ...env });
  running.push(server);
  await waitUntilHealthy(server);
  return server;
}

/** A place for the server's data: a DATA_DIR, or a new PostgreSQL database. */
async function newStore(): Promise<{ env: Record<string, string>; query: (sql: string, params?: unknown[]) => Promise<any[]> }> {
  if (backend === 'postgres') {
    const { url, drop } = await createEmptyPostgresDatabase();
    cleanups.push(drop);
    return {
      env: { DATABASE_URL: url, JWT_SECRET: SECRET },
      query: async (sql, params) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(sql, params)).rows;
        } finally {
          await client.end();
        }
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-faults-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  return {
    env: { DATA_DIR: dataDir },
    // Only while no server runs on the folder.
    query: async (sql, params) => {
      const { pglite } = await openEmbedded(dataDir);
      try {
        return (await pglite.query(sql, params)).rows as any[];
      } finally {
        await pglite.close();
      }
    },
  };
}

async function apiKeyFor(url: string): Promise<string> {
  const email = `ops-${Date.now()}@example.com`;
  const password = 'correct horse battery';
  expect((await json(`${url}/auth/register`, { method: 'POST', body: { email, password, organization_name: `Faults ${Date.now()}` } })).status).toBe(202);
  const login = await json(`${url}/auth/login`, { method: 'POST', body: { email, password } });
  const key = await json(`${url}/api/v1/orgs/me/apikeys`, { method: 'POST', body: { label: 'load' }, headers: { authorization: `Bearer ${login.body.token}` } });
  return key.body.key as string;
}

interface LoadLog {
  /** title → chat_id of every 201. */
  ok: Map<string, number>;
  /** Answered with another status: title, status, body, Retry-After. */
  refused: { title: string; status: number; body: any; retryAfter: string | null }[];
  /** No answer (connection refused or cut): may or may not be stored, but whole if it is. */
  unanswered: string[];
  errors: string[];
  /** When each 201 arrived. */
  okAt: number[];
}

const tagsOf = (title: string) => ['load', title.split('-')[1], `n${title.split('-')[2]}`];

/** `clients` writers, each posting chats until its first non-201 or network error (or `keepGoing`). */
function load(url: string, key: string, clients = CLIENTS, keepGoing?: () => boolean) {
  const log: LoadLog = { ok: new Map(), refused: [], unanswered: [], okAt: [], errors: [] };
  const writer = async (client: number) => {
    for (let n = 0; ; n++) {
      if (keepGoing && !keepGoing()) return;
      const title = `load-c${client}-${n}`;
      let res: Response;
      let body: any;
      try {
        res = await fetch(`${url}/api/v1/chats`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-organization-api-key': key },
          body: JSON.stringify({ title, tags: tagsOf(title) }),
          signal: AbortSignal.timeout(20_000),
        });
        body = await res.json();
      } catch (err) {
        log.unanswered.push(title);
        log.errors.push(String((err as Error).cause ?? err));
        if (keepGoing?.()) continue;
        return;
      }
      if (res.status === 201) {
        log.ok.set(title, body.chat_id);
        log.okAt.push(Date.now());
      }
      else {
        log.refused.push({ title, status: res.status, body, retryAfter: res.headers.get('retry-after') });
        if (!keepGoing?.()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, (_, i) => writer(i)));
  return { log, done };
}

async function untilAcknowledged(log: LoadLog, count: number, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (log.ok.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(log.ok.size).toBeGreaterThanOrEqual(count);
}

/** Every 201 stored with its id and its tags; nothing refused stored; nothing stored half. */
async function expectStoredExactly(query: (sql: string) => Promise<any[]>, log: LoadLog, { refusedMayBeStored = false } = {}) {
  const rows = await query("SELECT id, title, tags FROM chats WHERE title LIKE 'load-%'");
  const stored = new Map(rows.map((r) => [r.title as string, r]));
  const missing = [...log.ok].filter(([title, id]) => Number(stored.get(title)?.id) !== id);
  expect(missing, `answered 201 but not stored: ${missing.slice(0, 5).join(', ')}`).toEqual([]);
  const half = rows.filter((r) => JSON.stringify(r.tags) !== JSON.stringify(tagsOf(r.title)));
  expect(half, 'stored without their tags').toEqual([]);
  if (!refusedMayBeStored) {
    const refusedStored = log.refused.filter((r) => stored.has(r.title));
    expect(refusedStored, 'answered with an error but stored').toEqual([]);
  }
  const unexplained = rows.filter((r) => !log.ok.has(r.title) && !log.unanswered.includes(r.title) && !(refusedMayBeStored && log.refused.some((x) => x.title === r.title)));
  expect(unexplained, 'stored but never sent').toEqual([]);
  return { stored: rows.length, unansweredStored: rows.filter((r) => log.unanswered.includes(r.title)).length };
}

function rawHttp(port: number, write: (socket: net.Socket) => void): Promise<{ response: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => write(socket));
    let response = '';
    socket.on('data', (d) => (response += d));
    socket.on('close', () => resolve({ response, ms: Date.now() - started }));
    socket.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    socket.setTimeout(15_000, () => socket.destroy());
  });
}

describe('connection limits (slow clients, oversized headers)', () => {
  let app: App;
  let database: Database;
  let port: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({
      database,
      dataDir: os.tmpdir(),
      jwtSecret: TEST_JWT_SECRET,
      serverLimits: { headersTimeout: 1_000, requestTimeout: 2_000, connectionsCheckingInterval: 100 },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers 431 in the error model to headers over 16 KiB, and serves headers under it', async () => {
    const big = await rawHttp(port, (s) => s.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`));
    expect(big.response).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(big.response.split('\r\n\r\n')[1])).toEqual({ error: 'Request headers are larger than the 16 KiB limit', code: 'headers_too_large' });
    const res = await fetch(`http://127.0.0.1:${port}/health`, { headers: { 'x-big': 'a'.repeat(12 * 1024) } });
    expect(res.status).toBe(200);
  });

  it('cuts off a client that sends its headers too slowly (408 after headersTimeout)', async () => {
    const slow = await rawHttp(port, (s) => {
      s.write('GET /health HTTP/1.1\r\nHost: x\r\n');
      let n = 0;
      const drip = setInterval(() => (s.destroyed ? clearInterval(drip) : s.write(`X-Slow-${n++}: 1\r\n`)), 200);
      s.on('close', () => clearInterval(drip));
    });
    expect(slow.response).toMatch(/^HTTP\/1\.1 408 /);
    expect(slow.response).toContain('"code":"request_timeout"');
    expect(slow.ms).toBeGreaterThanOrEqual(900);
    expect(slow.ms).toBeLessThan(2_500);
  });

  it('answers a connection that sends nothing at all with 408 after headersTimeout (not the 60 s connectionTimeout) and closes it', async () => {
    const silent = await rawHttp(port, () => {});
    expect(silent.response).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(silent.response.split('\r\n\r\n')[1])).toEqual({ error: 'The request took too long to arrive', code: 'request_timeout' });
    expect(silent.response).toMatch(/\r\nConnection: close\r\n/i);
    expect(silent.ms).toBeLessThan(DEFAULT_SERVER_LIMITS.connectionTimeout);
  });

  it('cuts off a client that sends its body too slowly (408 after requestTimeout)', async () => {
    const slow = await rawHttp(port, (s) => {
      s.write('POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
      const drip = setInterval(() => (s.destroyed ? clearInterval(drip) : s.write(' ')), 200);
      s.on('close', () => clearInterval(drip));
    });
    expect(slow.response).toMatch(/^HTTP\/1\.1 408 /);
    expect(slow.ms).toBeLessThan(3_500);
  });
});

describe('SIGTERM while 64 clients write chats', () => {
  it('exits 0 within 10 s; every 201 is stored with its tags, nothing refused is, later requests get 503 or no connection', async () => {
    const store = await newStore();
    const server = await start(store.env);
    // The real server's own limits: an oversized header is 431.
    const port = Number(new URL(server.url).port);
    expect((await rawHttp(port, (s) => s.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`))).response).toMatch(/^HTTP\/1\.1 431 /);

    const key = await apiKeyFor(server.url);
    const { log, done } = load(server.url, key);
    await untilAcknowledged(log, 300);
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await exitCode(server, 10_000)).toBe(0);
    const exitedAfter = Date.now() - signalled;
    await done;

    for (const r of log.refused) {
      expect(r.status, JSON.stringify(r)).toBe(503);
      expect(r.body).toEqual({ error: expect.any(String), code: 'unavailable' });
      expect(r.retryAfter).toBeTruthy();
    }
    // On PGlite the folder is checked by opening it again, as the next start would.
    const result = await expectStoredExactly(store.query, log);
    const finishedAfterSignal = log.okAt.filter((t) => t >= signalled).length;
    expect(finishedAfterSignal).toBeGreaterThan(0); // requests in flight at SIGTERM were finished
    console.log(
      `[${backend}] SIGTERM under load: ${log.ok.size} answered 201 (all stored; ${finishedAfterSignal} of them after SIGTERM), ${log.refused.length} answered 503, ` +
        `${log.unanswered.length} unanswered (${result.unansweredStored} of them stored, whole); exit after ${exitedAfter} ms`,
    );
  }, 120_000);
});

describe('kill -9 while 64 clients write chats', () => {
  it('after a restart every chat answered 201 is there, with its tags', async () => {
    const store = await newStore();
    const server = await start(store.env);
    const key = await apiKeyFor(server.url);
    const { log, done } = load(server.url, key);
    await untilAcknowledged(log, 300);
    server.child.kill('SIGKILL');
    await server.exited;
    await done;

    // The server starts again on the same data (on PGlite: taking over the stale lock, recovering).
    const again = await start(store.env);
    again.child.kill('SIGTERM');
    expect(await exitCode(again, 10_000)).toBe(0);
    const result = await expectStoredExactly(store.query, log);
    console.log(
      `[${backend}] kill -9 under load: ${log.ok.size} answered 201 (all stored after restart), ` +
        `${log.unanswered.length} unanswered (${result.unansweredStored} of them stored, whole)`,
    );
  }, 120_000);
});

describe.runIf(backend === 'postgres')('PostgreSQL connections cut while the server runs', () => {
  it('answers 503 with Retry-After (never 500, never a crash) and recovers by itself', async () => {
    const store = await newStore();
    const server = await start(store.env);
    const key = await apiKeyFor(server.url);
    const dbName = new URL(store.env.DATABASE_URL).pathname.slice(1);
    let stop = false;
    const { log, done } = load(server.url, key, 8, () => !stop);
    await untilAcknowledged(log, 50);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    let terminated = 0;
    for (let i = 0; i < 5; i++) {
      const { rows } = await admin.query('SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName]);
      terminated += rows.length;
      await new Promise((r) => setTimeout(r, 300));
    }
    await admin.end();
    const okBeforeRecovery = log.ok.size;
    await new Promise((r) => setTimeout(r, 1_000));
    stop = true;
    await done;

    expect(terminated).toBeGreaterThan(0);
    for (const r of log.refused) {
      expect(r.status, JSON.stringify(r)).toBe(503);
      expect(r.retryAfter).toBeTruthy();
      expect(r.body.code).toBe('unavailable');
    }
    expect(log.ok.size).toBeGreaterThan(okBeforeRecovery); // writes went on after the cuts
    const after = await json(`${server.url}/api/v1/chats`, { method: 'POST', body: { title: 'after', tags: ['x'] }, headers: { 'x-organization-api-key': key } });
    expect(after.status).toBe(201);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    // A 503 may come after the commit reached the database (the answer was lost with the
    // connection), so refused chats may be stored here; answered ones must all be.
    await expectStoredExactly(store.query, log, { refusedMayBeStored: true });
    console.log(
      `[postgres] ${terminated} backends terminated: ${log.ok.size} answered 201, ${log.refused.length} answered 503, ` +
        `${log.unanswered.length} unanswered (${[...new Set(log.errors)].join('; ')})`,
    );
    server.child.kill('SIGTERM');
    expect(await exitCode(server, 10_000)).toBe(0);
  }, 120_000);
});
