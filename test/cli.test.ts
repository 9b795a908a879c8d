// The operators' command line (`npx chatlogger ...`) as an operator runs it: bin/chatlogger.js as a
// child process on the same configuration as a server, then the server on the same data proves
// what the command did.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createEmptyPostgresDatabase } from './helpers/database.js';
import { exitCode, freePort, json, spawnServer, waitUntilHealthy, type ServerProcess } from './helpers/server-process.js';
import { cliLeftovers, runCli, type CliResult } from './helpers/cli-process.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const JOURNAL = JSON.parse(fs.readFileSync(path.join(ROOT, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const MIGRATION_TAGS = JOURNAL.entries.map((e) => e.tag);

const { servers, tempDataDir } = cliLeftovers('chatlogger-cli-');
const cli = (args: string[], env: Record<string, string>) => runCli(args, env, 60_000);

/** Expects a failure (exit 1) explained in exactly one line of stderr containing `reason`. */
function expectFailure(result: CliResult, reason: string) {
  expect(result.code, result.stderr).toBe(1);
  expect(result.errorLines).toHaveLength(1);
  expect(result.errorLines[0]).toMatch(/^chatlogger: /);
  expect(result.errorLines[0]).toContain(reason);
  expect(result.stdout).toBe('');
}

// These do not touch a database, so they run once (in the embedded project).
describe.runIf(backend === 'pglite')('chatlogger without a database: help and usage errors', () => {
  it('--help describes the tool and every command, and exits 0', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const [tool, createOrg, migrate, resetPassword, helpCommand] = await Promise.all([
      cli(['--help'], env),
      cli(['create-org', '--help'], env),
      cli(['migrate', '--help'], env),
      cli(['reset-password', '-h'], env),
      cli(['help', 'create-org'], env),
    ]);
    for (const r of [tool, createOrg, migrate, resetPassword, helpCommand]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(tool.stdout).toMatch(/^Usage: chatlogger <command>/);
    for (const name of ['migrate', 'create-org', 'reset-password']) expect(tool.stdout).toContain(name);
    // Embedded mode needs the server stopped; PostgreSQL does not.
    expect(tool.stdout).toContain('the server must be stopped');
    expect(tool.stdout).toContain('DATABASE_URL');

    expect(createOrg.stdout).toMatch(/^Usage: chatlogger create-org --name NAME --admin-email EMAIL \[--slug SLUG\] \[--json\]/);
    for (const option of ['--name', '--admin-email', '--slug', '--json']) expect(createOrg.stdout).toContain(option);
    expect(createOrg.stdout).toContain('the server must be stopped');
    expect(helpCommand.stdout).toContain('Usage: chatlogger create-org');
    expect(migrate.stdout).toMatch(/^Usage: chatlogger migrate/);
    expect(resetPassword.stdout).toMatch(/^Usage: chatlogger reset-password --email EMAIL/);
    // Help never opens the database.
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([]);
  }, 60_000);

  it('usage errors exit 2 with a one-line reason and a hint to use --help', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const cases: [string[], string, string][] = [
      [['frobnicate'], 'unknown command "frobnicate"', 'chatlogger --help'],
      [[], 'no command given', 'chatlogger --help'],
      [['--colour'], 'unknown option --colour', 'chatlogger --help'],
      [['create-org', '--admin-email', 'a@example.com'], 'missing --name', 'chatlogger create-org --help'],
      [['create-org', '--name', 'Acme'], 'missing --admin-email', 'chatlogger create-org --help'],
      [['create-org', '--name', 'X', '--admin-email', 'a@example.com', '--colour', 'red'], 'unknown option --colour for create-org', 'chatlogger create-org --help'],
      [['create-org', '--admin-email', 'a@example.com', '--name'], 'option --name needs a value', 'chatlogger create-org --help'],
      [['create-org', '--json=yes', '--name', 'X', '--admin-email', 'a@example.com'], 'option --json takes no value', 'chatlogger create-org --help'],
      [['reset-password'], 'missing --email', 'chatlogger reset-password --help'],
      [['migrate', 'now'], 'unexpected argument "now" (migrate takes only options)', 'chatlogger migrate --help'],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(args, env)));
    results.forEach((r, i) => {
      const [args, reason, hint] = cases[i];
      expect(r.code, `chatlogger ${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.errorLines).toEqual([`chatlogger: ${reason}`, `Run "${hint}" for usage.`]);
    });
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([]);
  }, 60_000);

  it('refuses what registration refuses (slug format, e-mail format, blank name) with exit 1, before opening the database', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const org = (name: string, email: string, slug?: string) =>
      cli(['create-org', '--name', name, '--admin-email', email, ...(slug === undefined ? [] : ['--slug', slug])], env);
    const slugRule = '--slug must be 1 to 50 lowercase letters, digits and single hyphens';
    const cases: [Promise<CliResult>, string][] = [
      [org('Acme', 'ann@example.com', 'Acme_HR'), slugRule],
      [org('Acme', 'ann@example.com', 'acme--hr'), slugRule],
      [org('Acme', 'ann@example.com', 'a'.repeat(51)), slugRule],
      [org('Acme', 'not-an-email'), '--admin-email must be a valid e-mail address'],
      [org('   ', 'ann@example.com'), '--name must not be blank'],
      [org('', 'ann@example.com'), '--name must not be empty'],
      [org('x'.repeat(201), 'ann@example.com'), '--name must be at most 200 characters long'],
    ];
    const results = await Promise.all(cases.map(([run]) => run));
    results.forEach((r, i) => expectFailure(r, cases[i][1]));
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([]);
  }, 60_000);
});

describe(`chatlogger on a database (${backend})`, () => {
  const SECRET = 'a-shared-secret-of-at-least-32-characters!';
  const env: Record<string, string> = {};
  let dropDatabase = async () => {};
  let server: ServerProcess;
  // What the steps hand on to each other.
  const ann = { email: 'ann@example.com', password: '', token: '', apiKey: '', newPassword: '' };

  beforeAll(async () => {
    env.DATA_DIR = tempDataDir();
    if (backend === 'postgres') {
      const { url, drop } = await createEmptyPostgresDatabase();
      Object.assign(env, { DATABASE_URL: url, JWT_SECRET: SECRET });
      dropDatabase = drop;
    }
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await dropDatabase();
  });

  async function startServer() {
    // Registration off: the installation the command line is for.
    server = spawnServer({ ...env, PORT: String(await freePort()), ALLOW_REGISTRATION: 'false' });
    servers.push(server);
    await waitUntilHealthy(server);
  }

  async function stopServer() {
    server.child.kill('SIGTERM');
    expect(await exitCode(server, 10_000)).toBe(0);
  }

  const lockFile = () => path.join(env.DATA_DIR, 'chatlogger.lock');

  it('migrate applies the migrations, says which, and is idempotent', async () => {
    const first = await cli(['migrate'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain(`Applied ${MIGRATION_TAGS.length} migrations`);
    for (const tag of MIGRATION_TAGS) expect(first.stdout).toContain(tag);
    // The database is closed and DATA_DIR released when the command ends.
    expect(fs.existsSync(lockFile())).toBe(false);

    const again = await cli(['migrate', '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ applied: [], total: MIGRATION_TAGS.length });
  }, 120_000);

  it('create-org prints an admin password that signs in and an API key that logs chats, with registration off', async () => {
    const created = await cli(['create-org', '--name', 'Acme HR', '--admin-email', 'Ann@Example.com', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const out = JSON.parse(created.stdout);
    expect(out.organization).toEqual({ id: expect.any(Number), name: 'Acme HR', slug: 'acme-hr' }); // slug from the name
    expect(out.admin).toMatchObject({ email: ann.email, role: 'admin' });
    expect(out.admin.password).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(out.api_key).toMatchObject({ label: 'created by chatlogger create-org', key: expect.stringMatching(/^clk_/) });
    ann.password = out.admin.password;
    ann.apiKey = out.api_key.key;

    // The text form: one value a line, easy to copy.
    const text = await cli(['create-org', '--name', 'Beta Corp', '--slug', 'beta', '--admin-email', 'bob@example.com'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Created organization "Beta Corp" (slug beta');
    const bobPassword = /^ {2}password: +(\S+)$/m.exec(text.stdout)?.[1];
    const bobKey = /^ {2}API key: +(\S+)$/m.exec(text.stdout)?.[1];
    expect(bobPassword).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(bobPassword).not.toBe(ann.password);
    expect(bobKey).toMatch(/^clk_/);

    await startServer();
    const login = await json(`${server.url}/auth/login`, { method: 'POST', body: { email: ann.email, password: ann.password } });
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('admin');
    ann.token = login.body.token;
    const bobLogin = await json(`${server.url}/auth/login`, { method: 'POST', body: { email: 'bob@example.com', password: bobPassword } });
    expect(bobLogin.status).toBe(200);

    const chat = await json(`${server.url}/api/v1/chats`, {
      method: 'POST',
      body: { title: 'Parental leave question', tags: ['leave'] },
      headers: { 'x-organization-api-key': ann.apiKey, authorization: ann.apiKey },
    });
    expect(chat.status).toBe(201);
    const onSlug = await json(`${server.url}/api/v1/orgs/acme-hr/chats`, {
      method: 'POST',
      body: { title: 'second' },
      headers: { 'x-organization-api-key': ann.apiKey },
    });
    expect(onSlug.status).toBe(201);
    // Bob's key belongs to another organization.
    const wrongOrg = await json(`${server.url}/api/v1/orgs/acme-hr/chats`, {
      method: 'POST',
      body: { title: 'x' },
      headers: { 'x-organization-api-key': bobKey! },
    });
    expect(wrongOrg.status).toBe(403);

    const auth = { authorization: `Bearer ${ann.token}` };
    const keys = await json(`${server.url}/api/v1/orgs/me/apikeys`, { headers: auth });
    expect(keys.status).toBe(200);
    expect(keys.body.map((k: { label: string }) => k.label)).toEqual(['created by chatlogger create-org']);
    expect((await json(`${server.url}/api/v1/chats`, { headers: auth })).status).toBe(200);
    // The reason for the command: the public cannot register here.
    const register = await json(`${server.url}/auth/register`, {
      method: 'POST',
      body: { email: 'eve@example.com', password: 'correct horse battery', organization_name: 'Eve' },
    });
    expect(register.status).toBe(403);
  }, 120_000);

  it.runIf(backend === 'pglite')('refuses to run while a server holds the same DATA_DIR, and leaves the server alone', async () => {
    const refused = await cli(['reset-password', '--email', ann.email], env);
    expectFailure(refused, `DATA_DIR ${env.DATA_DIR} is in use by another ChatLogger process (pid ${server.child.pid})`);
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(server.child.pid));
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    // The password did not change.
    const login = await json(`${server.url}/auth/login`, { method: 'POST', body: { email: ann.email, password: ann.password } });
    expect(login.status).toBe(200);
    await stopServer();
  }, 60_000);

  it('create-org refuses a taken slug, a taken e-mail and a reserved slug with exit 1 and one line', async () => {
    // On PostgreSQL these run beside the running server; the embedded database needs it stopped.
    expectFailure(
      await cli(['create-org', '--name', 'Acme Again', '--slug', 'acme-hr', '--admin-email', 'carl@example.com'], env),
      'The organization slug "acme-hr" is taken; choose another with --slug',
    );
    expectFailure(
      await cli(['create-org', '--name', 'Acme HR'.toUpperCase(), '--admin-email', 'carl@example.com'], env),
      'The organization slug "acme-hr" is taken; choose another with --slug',
    );
    expectFailure(
      await cli(['create-org', '--name', 'Gamma', '--admin-email', 'ANN@example.com'], env),
      'An account with the e-mail ann@example.com already exists',
    );
    expectFailure(
      await cli(['create-org', '--name', 'Me', '--admin-email', 'carl@example.com'], env),
      'The organization slug "me" is reserved; choose another with --slug',
    );
  }, 120_000);

  it('reset-password prints a new password, refuses the old one and signs out every session; an unknown e-mail is exit 1', async () => {
    const reset = await cli(['reset-password', '--email', 'ANN@example.com', '--json'], env);
    expect(reset.code, reset.stderr).toBe(0);
    const out = JSON.parse(reset.stdout);
    expect(out.user).toMatchObject({ email: ann.email, role: 'admin', organization: { slug: 'acme-hr' } });
    expect(out.password).toMatch(/^[A-Za-z0-9]{16,}$/);
    expect(out.password).not.toBe(ann.password);
    ann.newPassword = out.password;

    expectFailure(await cli(['reset-password', '--email', 'nobody@example.com'], env), 'No user has the e-mail nobody@example.com');

    const text = await cli(['reset-password', '--email', 'bob@example.com'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('New password for bob@example.com (admin of beta)');
    expect(text.stdout).toMatch(/^ {2}[A-Za-z0-9]{16,}$/m);

    if (backend === 'pglite') {
      expect(fs.existsSync(lockFile())).toBe(false);
      await startServer();
    }
    const login = (password: string) => json(`${server.url}/auth/login`, { method: 'POST', body: { email: ann.email, password } });
    expect((await login(ann.password)).status).toBe(401);
    expect((await login(ann.newPassword)).status).toBe(200);
    // The token issued before the reset no longer works (its session was revoked).
    const old = await json(`${server.url}/api/v1/chats`, { headers: { authorization: `Bearer ${ann.token}` } });
    expect(old.status).toBe(401);
    // API keys are not sessions: the bot keeps logging.
    const chat = await json(`${server.url}/api/v1/chats`, {
      method: 'POST',
      body: { title: 'after the reset' },
      headers: { 'x-organization-api-key': ann.apiKey },
    });
    expect(chat.status).toBe(201);
    await stopServer();
  }, 120_000);

  it('a failure to reach the database is one line and exit 1, without a stack trace', async () => {
    const unreachable =
      backend === 'postgres'
        ? { DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/none`, JWT_SECRET: SECRET }
        : { DATABASE_URL: 'mysql://localhost/x', JWT_SECRET: SECRET };
    const result = await cli(['migrate'], { DATA_DIR: env.DATA_DIR, ...unreachable });
    expectFailure(result, backend === 'postgres' ? 'cannot prepare the PostgreSQL database at 127.0.0.1' : 'DATABASE_URL must start with postgres://');
  }, 60_000);
});
