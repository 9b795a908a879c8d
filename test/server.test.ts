// The server as an operator runs it: a child process started like `npm start`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backend, createEmptyPostgresDatabase } from './helpers/database.js';
import { exitCode, freePort, json, spawnServer, waitUntilHealthy, type ServerProcess } from './helpers/server-process.js';

const running: ServerProcess[] = [];
const tempDirs: string[] = [];
afterAll(() => {
  for (const s of running) s.child.kill('SIGKILL');
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-server-'));
  tempDirs.push(dir);
  return dir;
}

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = spawnServer({ PORT: String(await freePort()), ...env });
  running.push(server);
  return server;
}

/** Register, log in, create a key and post a chat over real HTTP, as the README does. */
async function walkThrough(url: string) {
  const reg = await json(`${url}/auth/register`, {
    method: 'POST',
    body: { email: 'ops@example.com', password: 'correct horse battery', organization_name: 'Ops Org' },
  });
  expect(reg.status).toBe(202);
  const login = await json(`${url}/auth/login`, { method: 'POST', body: { email: 'ops@example.com', password: 'correct horse battery' } });
  const token = login.body.token as string;
  const key = await json(`${url}/api/v1/orgs/me/apikeys`, { method: 'POST', body: { label: 'bot' }, headers: { authorization: `Bearer ${token}` } });
  const chat = await json(`${url}/api/v1/chats`, {
    method: 'POST',
    body: { title: 'hello', tags: ['x'] },
    headers: { 'x-organization-api-key': key.body.key, authorization: key.body.key },
  });
  expect(chat.status).toBe(201);
  return { token, chatId: chat.body.chat_id as number };
}

describe('configuration', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer'],
    [{ PORT: '70000' }, 'PORT must be an integer'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ ALLOW_REGISTRATION: 'maybe' }, 'ALLOW_REGISTRATION must be true or false'],
    [{ DATABASE_URL: 'mysql://localhost/x', JWT_SECRET: 'x'.repeat(40) }, 'DATABASE_URL must start with postgres://'],
    [{ DATABASE_URL: 'postgres://127.0.0.1/x' }, 'JWT_SECRET is required when DATABASE_URL is set'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters'],
    [{ EMBEDDED_SHARED_BUFFERS_MB: '16MB' }, 'EMBEDDED_SHARED_BUFFERS_MB must be a positive integer'],
  ])('refuses to start with %o and says why in one line', async (env, reason) => {
    const server = spawnServer({ PORT: '1', DATA_DIR: tempDataDir(), ...env });
    expect(await exitCode(server)).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(reason);
  });
});

describe.runIf(backend === 'pglite')('embedded database (PGlite in DATA_DIR)', () => {
  it('serves the walk-through, refuses a second process on the same folder, stops cleanly on SIGTERM and keeps everything', async () => {
    const dataDir = tempDataDir();
    const first = await start({ DATA_DIR: dataDir });
    await waitUntilHealthy(first);
    const { token, chatId } = await walkThrough(first.url);

    const second = await start({ DATA_DIR: dataDir });
    expect(await exitCode(second)).toBe(1);
    expect(second.output()).toContain('is in use by another ChatLogger process');
    expect((await fetch(`${first.url}/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await exitCode(first, 10_000)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'chatlogger.lock'))).toBe(false);

    // Same folder again: the data and the generated JWT secret (so the old token) survive.
    const again = await start({ DATA_DIR: dataDir });
    await waitUntilHealthy(again);
    const chat = await json(`${again.url}/api/v1/chats/${chatId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(chat.status).toBe(200);
    expect(chat.body.title).toBe('hello');
    again.child.kill('SIGINT');
    expect(await exitCode(again, 10_000)).toBe(0);
  });

  it('takes over a lock left by a process that no longer runs, and re-creates a half-initialised database', async () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, 'chatlogger.lock'), '999999999');
    fs.mkdirSync(path.join(dataDir, 'pgdata'));
    fs.writeFileSync(path.join(dataDir, 'pgdata', 'PG_VERSION'), 'garbage from an interrupted first start');
    const server = await start({ DATA_DIR: dataDir });
    await waitUntilHealthy(server);
    await walkThrough(server.url);
    server.child.kill('SIGTERM');
    expect(await exitCode(server, 10_000)).toBe(0);
  });
});

describe.runIf(backend === 'postgres')('PostgreSQL (DATABASE_URL)', () => {
  it('two instances starting at once on a new database both come up, migrating it once', async () => {
    const { url, drop } = await createEmptyPostgresDatabase();
    try {
      const env = { DATABASE_URL: url, JWT_SECRET: 'a-shared-secret-of-at-least-32-characters!' };
      const [a, b] = await Promise.all([start(env), start(env)]);
      await Promise.all([waitUntilHealthy(a), waitUntilHealthy(b)]);
      const { token, chatId } = await walkThrough(a.url);
      // The other instance shares the database and the secret: it accepts the token too.
      const chat = await json(`${b.url}/api/v1/chats/${chatId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(chat.status).toBe(200);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      await client.end();
      const journal = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../drizzle/meta/_journal.json'), 'utf8'));
      expect(rows[0].n).toBe(journal.entries.length);

      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect(await exitCode(a, 10_000)).toBe(0);
      expect(await exitCode(b, 10_000)).toBe(0);
    } finally {
      await drop();
    }
  });

  it('refuses to start with a one-line reason when PostgreSQL cannot be reached', async () => {
    const server = await start({ DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/none`, JWT_SECRET: 'x'.repeat(40) });
    expect(await exitCode(server)).toBe(1);
    expect(server.output()).toContain('cannot prepare the PostgreSQL database');
  });
});
