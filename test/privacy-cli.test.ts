// The privacy commands as an operator runs them, against a real server's data: `chatlogger
// verify-receipt` on a receipt saved from the API (genuine, edited, for another subject), and
// `chatlogger audit verify` on an intact and on an edited audit log.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { backend, createEmptyPostgresDatabase } from './helpers/database.js';
import { exitCode, freePort, json, spawnServer, waitUntilHealthy, type ServerProcess } from './helpers/server-process.js';
import { track } from './helpers/children.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = track(spawn(process.execPath, ['bin/chatlogger.js', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const env: Record<string, string> = {};
let dropDatabase = async () => {};
let server: ServerProcess | undefined;
let receiptFile: string;
let slug: string;

beforeAll(async () => {
  env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-privacy-cli-'));
  if (backend === 'postgres') {
    const { url, drop } = await createEmptyPostgresDatabase();
    Object.assign(env, { DATABASE_URL: url, JWT_SECRET: 'a-shared-secret-of-at-least-32-characters!' });
    dropDatabase = drop;
  }
  server = spawnServer({ ...env, PORT: String(await freePort()), RETENTION_INTERVAL_SECONDS: '0' });
  await waitUntilHealthy(server);
  const u = server.url;
  const password = 'Privacy-CLI harbour 7 lantern';
  const reg = await json(`${u}/auth/register`, { method: 'POST', body: { email: 'dpo@example.com', password, organization_name: 'Privacy CLI' } });
  expect(reg.status).toBe(202);
  const login = await json(`${u}/auth/login`, { method: 'POST', body: { email: 'dpo@example.com', password } });
  const auth = { authorization: `Bearer ${login.body.token}` };
  slug = (await json(`${u}/api/v1/orgs/me`, { headers: auth })).body.slug;
  const key = await json(`${u}/api/v1/orgs/me/apikeys`, { method: 'POST', body: { label: 'bot' }, headers: auth });
  await json(`${u}/api/v1/chats`, { method: 'POST', body: { title: 'my leave', user_id: 5 }, headers: { 'x-organization-api-key': key.body.key } });
  const erasure = await json(`${u}/api/v1/erasure-requests`, { method: 'POST', body: { user_id: 5 }, headers: auth });
  expect(erasure.status).toBe(201);
  expect(erasure.body.receipt.counts.chats).toBe(1);
  receiptFile = path.join(env.DATA_DIR, 'receipt.json');
  fs.writeFileSync(receiptFile, JSON.stringify(erasure.body));
}, 90_000);

afterAll(async () => {
  server?.child.kill('SIGKILL');
  await server?.exited;
  await dropDatabase();
  fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
});

describe(`chatlogger verify-receipt (${backend})`, () => {
  it('accepts the genuine receipt, and checks whose it is (while the server runs)', async () => {
    const ok = await cli(['verify-receipt', '--file', receiptFile, '--user-id', '5'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Valid receipt');
    expect(ok.stdout).toContain('chats 1');
    expect(ok.stdout).toContain('It is the receipt of user_id 5');
    const other = await cli(['verify-receipt', '--file', receiptFile, '--user-id', '6'], env);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('not for user_id 6');
  }, 30_000);

  it('refuses an edited receipt, and one signed by another installation', async () => {
    const edited = JSON.parse(fs.readFileSync(receiptFile, 'utf8'));
    edited.receipt.counts.chats = 0;
    const file = path.join(env.DATA_DIR, 'edited.json');
    fs.writeFileSync(file, JSON.stringify(edited));
    const res = await cli(['verify-receipt', '--file', file], env);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toEqual([expect.stringContaining('Invalid receipt')]);
    const foreign = await cli(['verify-receipt', '--file', receiptFile], { DATA_DIR: env.DATA_DIR, JWT_SECRET: 'another-installations-secret-0123456789' });
    expect(foreign.code).toBe(1);
    const missing = await cli(['verify-receipt', '--file', path.join(env.DATA_DIR, 'nope.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read a receipt');
  }, 30_000);
});

describe(`chatlogger audit verify (${backend})`, () => {
  it('says ok for an intact log, and names the entry of an edited one', async () => {
    if (backend === 'pglite') {
      // The embedded database belongs to one process at a time.
      server!.child.kill('SIGTERM');
      expect(await exitCode(server!)).toBe(0);
      server = undefined;
    }
    const ok = await cli(['audit', 'verify'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`${slug}: ok, \\d+ entries`));
    const opened = await openDatabase(loadConfig({ ...env }));
    try {
      await opened.database.pool.query(`BEGIN; SET LOCAL chatlogger.audit_maintenance = 'on';
        UPDATE audit_entries SET actor_label = 'nobody@example.com' WHERE seq = 2; COMMIT;`);
    } finally {
      await opened.close();
    }
    const broken = await cli(['audit', 'verify', '--org', slug], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`${slug}: BROKEN at entry 2`);
    expect(broken.stderr).toContain('fails its check');
  }, 60_000);
});
