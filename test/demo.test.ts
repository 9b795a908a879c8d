// Its tests build on each other and run in order (Vitest runs a file's tests one after another): the first
// run's organization and password are what the interrupted and the repeated runs must keep or refresh. Run
// the file whole: one test alone (-t) fails.
// chatlogger demo (npm run demo) as an operator runs it: bin/chatlogger.js as a child process on
// the same configuration as a server, then the real server on the same data shows what it wrote.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createEmptyPostgresDatabase } from './helpers/database.js';
import { exitCode, freePort, json, spawnServer, waitUntilHealthy, type ServerProcess } from './helpers/server-process.js';
import { track } from './helpers/children.js';
import { cliLeftovers, runCli, type CliResult } from './helpers/cli-process.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DAY = 86_400_000;
const CHATS = 300;

const { servers, tempDataDir } = cliLeftovers('chatlogger-demo-');
const cli = (args: string[], env: Record<string, string>) => runCli(args, env, 90_000);

function expectDone(result: CliResult) {
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
}

// These do not touch a database, so they run once (in the embedded project).
describe.runIf(backend === 'pglite')('chatlogger demo without a database: help and usage errors', () => {
  it('--help describes the command and its options; the tool lists it', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const [help, tool] = await Promise.all([cli(['demo', '--help'], env), cli(['--help'], env)]);
    for (const r of [help, tool]) expectDone(r);
    expect(help.stdout).toMatch(/^Usage: chatlogger demo \[--chats N\] \[--seed N\] \[--json\]/);
    for (const text of ['--chats N', '--seed N', '--json', 'Demo HR Assistant', 'demo@chatlogger.local', 'the server must be stopped', 'DATABASE_URL', 'npm start']) {
      expect(help.stdout).toContain(text);
    }
    const { DEFAULT_SEED } = await import('../src/demo/generator.js');
    expect(help.stdout).toContain(`default ${DEFAULT_SEED}`);
    expect(tool.stdout).toMatch(/^ {2}demo +Create or refresh the "Demo HR Assistant" organization/m);
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([]);
  }, 60_000);

  it('a bad --chats or --seed is exit 2 with a one-line reason and a hint, before the database is opened', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const rule = (got: string) => `--chats must be a whole number from 1 to 1,000,000 (got "${got}")`;
    const cases: [string[], string][] = [
      [['--chats', '0'], rule('0')],
      [['--chats=-1'], rule('-1')],
      [['--chats', '-1'], 'option --chats needs a value (write --chats=VALUE for a value that starts with "-")'],
      [['--chats', 'abc'], rule('abc')],
      [['--chats', '1000001'], rule('1000001')],
      [['--chats', '2.5'], rule('2.5')],
      [['--chats', ''], rule('')],
      [['--chats'], 'option --chats needs a value'],
      [['--seed', 'x'], '--seed must be a whole number from 0 to 4,294,967,295 (got "x")'],
      [['--colour'], 'unknown option --colour for demo'],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(['demo', ...args], env)));
    results.forEach((r, i) => {
      expect(r.code, `demo ${cases[i][0].join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.errorLines).toEqual([`chatlogger: ${cases[i][1]}`, 'Run "chatlogger demo --help" for usage.']);
    });
    expect(fs.readdirSync(env.DATA_DIR)).toEqual([]);
  }, 60_000);
});

// The generator alone (pure: no database), at the default size.
describe.runIf(backend === 'pglite')('the demo generator', () => {
  it('is reproducible: the same seed and time give the same chats, another seed others', async () => {
    const { generateDemo } = await import('../src/demo/generator.js');
    const now = new Date('2026-11-25T10:00:00Z');
    const a = [...generateDemo({ chats: 500, seed: 7, now }).chats];
    const b = [...generateDemo({ chats: 500, seed: 7, now }).chats];
    const c = [...generateDemo({ chats: 500, seed: 8, now }).chats];
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(a).toHaveLength(500);
  });

  it('gives 5,000 chats with plausible rates, all 90 days, working-hour rhythm and transcripts that add up', async () => {
    const { generateDemo } = await import('../src/demo/generator.js');
    const now = new Date('2026-11-25T10:00:00Z');
    const data = generateDemo({ chats: 5000, now });
    const chats = [...data.chats];
    expect(chats).toHaveLength(5000);
    expect(data.from.toISOString()).toBe('2026-08-28T00:00:00.000Z');
    expect(data.employees).toBeGreaterThanOrEqual(200);
    expect(data.employees).toBeLessThanOrEqual(600);
    const share = (pick: (m: Record<string, any>) => boolean) => chats.filter((c) => pick(c.body.metadata!)).length / chats.length;
    expect(share((m) => m.is_escalated === true)).toBeGreaterThan(0.08);
    expect(share((m) => m.is_escalated === true)).toBeLessThan(0.15);
    expect(share((m) => m.is_forwarded_to_hr === true)).toBeGreaterThan(0.05);
    expect(share((m) => m.is_forwarded_to_hr === true)).toBeLessThan(0.1);
    expect(share((m) => m.user_rating !== undefined)).toBeGreaterThan(0.4);
    expect(share((m) => m.user_rating !== undefined)).toBeLessThan(0.6);
    // Sentiment follows the outcome: escalated chats are mostly negative, the others mostly not.
    const negative = (escalated: boolean) => {
      const group = chats.filter((c) => c.body.metadata!.is_escalated === escalated && c.body.metadata!.sentiment);
      return group.filter((c) => c.body.metadata!.sentiment === 'negative').length / group.length;
    };
    expect(negative(true)).toBeGreaterThan(0.4);
    expect(negative(false)).toBeLessThan(0.15);
    expect(new Set(chats.map((c) => c.body.metadata!.language_code))).toEqual(new Set(['en', 'nl', 'de', 'fr', 'es', 'pt', undefined]));
    expect(new Set(chats.map((c) => c.body.created_at.slice(0, 10))).size).toBe(90);
    // Weekdays are busier than weekends.
    const weekend = chats.filter((c) => [0, 6].includes(new Date(c.body.created_at).getUTCDay())).length;
    expect(weekend / chats.length).toBeLessThan(0.1);
    // Employees come back; a few come back often.
    const perUser = new Map<number, number>();
    for (const c of chats) if (c.body.user_id) perUser.set(c.body.user_id, (perUser.get(c.body.user_id) ?? 0) + 1);
    expect(Math.max(...perUser.values())).toBeGreaterThan(30);
    // Chats come in time order, end before now, and their tokens and response times add up.
    const times = chats.map((c) => c.body.created_at);
    expect(times).toEqual([...times].sort());
    for (const c of chats) {
      expect(c.messages.length).toBeGreaterThanOrEqual(2);
      expect(c.messages.at(-1)!.created_at < now.toISOString()).toBe(true);
      expect(JSON.stringify(c)).not.toMatch(/\{(days|hours|amount|date|month|ticket|name)\}/);
    }
    // Most chats (97 %) send token_count and avg_response_time; where they do, the messages add up.
    const withTokens = chats.filter((c) => c.body.metadata!.token_count !== undefined);
    const withTimes = chats.filter((c) => c.body.metadata!.avg_response_time !== undefined);
    expect(withTokens.length).toBeGreaterThan(chats.length / 2);
    expect(withTimes.length).toBeGreaterThan(chats.length / 2);
    for (const c of withTokens) expect(c.messages.reduce((s, x) => s + (x.metadata?.token_count ?? 0), 0)).toBe(c.body.metadata!.token_count);
    for (const c of withTimes) {
      const times = c.messages.map((x) => x.metadata?.response_time).filter((t): t is number => typeof t === 'number');
      expect(c.body.metadata!.avg_response_time).toBeCloseTo(times.reduce((s, t) => s + t, 0) / times.length / 1000, 2);
    }
  });
});

interface Chat {
  id: number;
  user_id: number | null;
  title: string | null;
  tags: string[];
  created_at: string;
  metadata: Record<string, any>;
}

describe(`chatlogger demo on a database (${backend})`, () => {
  const SECRET = 'a-shared-secret-of-at-least-32-characters!';
  const env: Record<string, string> = {};
  let dropDatabase = async () => {};
  let server: ServerProcess | undefined;
  const demo = { id: 0, password: '' };
  const other = { email: 'olga@other.example', password: '', apiKey: '' };

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
    server = spawnServer({ ...env, PORT: String(await freePort()) });
    servers.push(server);
    await waitUntilHealthy(server);
    return server;
  }
  async function stopServer() {
    server!.child.kill('SIGTERM');
    expect(await exitCode(server!, 10_000)).toBe(0);
    server = undefined;
  }
  const login = (email: string, password: string) => json(`${server!.url}/auth/login`, { method: 'POST', body: { email, password } });

  /** Every chat of the signed-in user's organization, page by page. */
  async function allChats(token: string): Promise<{ chats: Chat[]; total: number }> {
    const chats: Chat[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const query = `limit=100&include_total=true${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await json(`${server!.url}/api/v1/chats?${query}`, { headers: { authorization: `Bearer ${token}` } });
      expect(page.status).toBe(200);
      chats.push(...page.body.chats);
      total = page.body.total;
      cursor = page.body.next_cursor;
    } while (cursor);
    return { chats, total };
  }

  it('creates the organization with chats as asked, and the printed login signs in', async () => {
    const created = await cli(['create-org', '--name', 'Other Org', '--admin-email', other.email, '--json'], env);
    expectDone(created);
    other.password = JSON.parse(created.stdout).admin.password;
    other.apiKey = JSON.parse(created.stdout).api_key.key;

    const before = Date.now();
    // HOST 0.0.0.0 listens everywhere: the address to open is then localhost.
    const result = await cli(['demo', '--chats', String(CHATS), '--json'], { ...env, PORT: '4321', HOST: '0.0.0.0' });
    expectDone(result);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({
      organization: { id: expect.any(Number), name: 'Demo HR Assistant', slug: 'demo-hr-assistant' },
      created: true,
      login: { email: 'demo@chatlogger.local', password: expect.stringMatching(/^[A-Za-z0-9]{24}$/), role: 'admin' },
      url: 'http://localhost:4321/',
      chats: CHATS,
      deleted_chats: 0,
    });
    expect(out.messages).toBeGreaterThan(CHATS * 3);
    expect(out.messages).toBeLessThan(CHATS * 9);
    expect(new Date(out.to).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(out.to).getTime() - new Date(out.from).getTime()).toBeGreaterThan(89 * DAY);
    demo.id = out.organization.id;
    demo.password = out.login.password;

    await startServer();
    const signedIn = await login('demo@chatlogger.local', demo.password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ role: 'admin', organization_id: demo.id });
    const token = signedIn.body.token as string;
    const { chats, total } = await allChats(token);
    expect(total).toBe(CHATS);
    expect(chats).toHaveLength(CHATS);

    // Plausible distributions.
    const rate = (pick: (c: Chat) => unknown, value: unknown) => {
      const known = chats.filter((c) => pick(c) !== null);
      return known.filter((c) => pick(c) === value).length / known.length;
    };
    const distinct = (pick: (c: Chat) => unknown) => new Set(chats.map(pick).filter((v) => v !== null));
    expect(rate((c) => c.metadata.is_escalated, true)).toBeGreaterThanOrEqual(0.04);
    expect(rate((c) => c.metadata.is_escalated, true)).toBeLessThanOrEqual(0.2);
    expect(rate((c) => c.metadata.is_forwarded_to_hr, true)).toBeGreaterThanOrEqual(0.02);
    expect(rate((c) => c.metadata.is_forwarded_to_hr, true)).toBeLessThanOrEqual(0.14);
    const ratings = chats.map((c) => c.metadata.user_rating).filter((r): r is number => r !== null);
    expect(ratings.length / CHATS).toBeGreaterThan(0.3);
    expect(ratings.length / CHATS).toBeLessThan(0.7);
    expect(ratings.reduce((a, b) => a + b, 0) / ratings.length).toBeGreaterThan(3.3);
    expect(ratings.filter((r) => r >= 4).length).toBeGreaterThan(ratings.filter((r) => r <= 2).length * 2);
    expect(distinct((c) => c.metadata.language_code).size).toBeGreaterThanOrEqual(5);
    expect(distinct((c) => c.metadata.country_code).size).toBeGreaterThanOrEqual(6);
    expect(distinct((c) => c.metadata.question_category).size).toBeGreaterThanOrEqual(7);
    expect([...distinct((c) => c.metadata.sentiment)].sort()).toEqual(['negative', 'neutral', 'positive']);
    // Employees come back: fewer distinct end users than chats, and some chats are anonymous.
    expect(distinct((c) => c.user_id).size).toBeLessThan(CHATS / 3);
    // Some optional fields are missing, as real bots send them.
    expect(chats.some((c) => c.metadata.ip_address === null)).toBe(true);
    expect(chats.some((c) => c.metadata.ip_address !== null)).toBe(true);
    // Every day of the 90 is covered, nothing lies outside them.
    const times = chats.map((c) => new Date(c.created_at).getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(new Date(out.from).getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(new Date(out.to).getTime());
    const days = new Set(chats.map((c) => c.created_at.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(89); // 90, unless a chat of the first minutes of today was moved to yesterday
    expect(days.has(out.from.slice(0, 10))).toBe(true);

    // A transcript, its times and its tokens.
    const chat = chats.find((c) => c.metadata.token_count !== null && c.metadata.is_escalated)!;
    const detail = await json(`${server!.url}/api/v1/chats/${chat.id}?include_messages=true`, { headers: { authorization: `Bearer ${token}` } });
    expect(detail.status).toBe(200);
    const messages = detail.body.messages as { role: string; content: string; created_at: string; metadata: { token_count: number | null } }[];
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.map((m) => m.role)).toContain('user');
    expect(messages.map((m) => m.role)).toContain('assistant');
    expect(messages[0].created_at >= chat.created_at).toBe(true);
    expect(messages.map((m) => m.created_at)).toEqual(messages.map((m) => m.created_at).sort());
    expect(messages.reduce((sum, m) => sum + (m.metadata.token_count ?? 0), 0)).toBe(chat.metadata.token_count);

    // The other organization logs chats meanwhile (on PostgreSQL the demo may run beside a server).
    for (const title of ['kept 1', 'kept 2']) {
      const posted = await json(`${server!.url}/api/v1/chats`, { method: 'POST', body: { title }, headers: { 'x-organization-api-key': other.apiKey } });
      expect(posted.status).toBe(201);
    }
    if (backend === 'pglite') await stopServer();
  }, 180_000);

  it.runIf(backend === 'pglite')('refuses to run while a server holds DATA_DIR', async () => {
    await startServer();
    const pid = server!.child.pid;
    const refused = await cli(['demo', '--chats', '10'], env);
    await stopServer();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.errorLines).toHaveLength(1);
    expect(refused.errorLines[0]).toContain(`chatlogger: DATA_DIR ${env.DATA_DIR} is in use by another ChatLogger process (pid ${pid})`);
  }, 60_000);

  it('Ctrl-C during a refresh leaves the previous chats and password (exit 130)', async () => {
    const child = track(spawn(process.execPath, ['bin/chatlogger.js', 'demo', '--chats', '300000'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }));
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Whether it is still opening the database or already writing, nothing may change.
    await new Promise((r) => setTimeout(r, 8000));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('chatlogger: interrupted (SIGINT)');
    if (server) expect((await login('demo@chatlogger.local', demo.password)).status).toBe(200);
    // The refresh below finds the 300 chats of the first run.
  }, 120_000);

  it('running it again refreshes the same organization: new chats, same count, a new password that works, other organizations untouched', async () => {
    const result = await cli(['demo', '--chats', String(CHATS)], env);
    expectDone(result);
    expect(result.stdout).toContain(`Refreshed the demo organization "Demo HR Assistant" (slug demo-hr-assistant, id ${demo.id}): its ${CHATS} previous chats were replaced.`);
    expect(result.stdout).toMatch(new RegExp(`^ {2}chats: +${CHATS} with [\\d,]+ messages, \\d{4}-\\d\\d-\\d\\d to \\d{4}-\\d\\d-\\d\\d`, 'm'));
    expect(result.stdout).toMatch(/^ {2}open: +http:\/\/127\.0\.0\.1:8080\/$/m);
    expect(result.stdout).toMatch(/^ {2}e-mail: +demo@chatlogger\.local$/m);
    expect(result.stdout).toContain('npm start');
    const password = /^ {2}password: +(\S+)$/m.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(password).not.toBe(demo.password);

    if (!server) await startServer();
    expect((await login('demo@chatlogger.local', demo.password)).status).toBe(401);
    const signedIn = await login('demo@chatlogger.local', password!);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.organization_id).toBe(demo.id);
    const { total } = await allChats(signedIn.body.token);
    expect(total).toBe(CHATS);

    const olga = await login(other.email, other.password);
    expect(olga.status).toBe(200);
    const kept = await allChats(olga.body.token);
    expect(kept.chats.map((c) => c.title).sort()).toEqual(['kept 1', 'kept 2']);
    await stopServer();
  }, 180_000);
});

describe(`chatlogger demo next to an organization that holds its slug (${backend})`, () => {
  const env: Record<string, string> = {};
  let dropDatabase = async () => {};
  beforeAll(async () => {
    env.DATA_DIR = tempDataDir();
    if (backend === 'postgres') {
      const { url, drop } = await createEmptyPostgresDatabase();
      Object.assign(env, { DATABASE_URL: url, JWT_SECRET: 'a-shared-secret-of-at-least-32-characters!' });
      dropDatabase = drop;
    }
  });
  afterAll(() => dropDatabase());

  it('refuses, with exit 1 and one line, and changes nothing', async () => {
    const created = await cli(['create-org', '--name', 'Demo HR Assistant', '--admin-email', 'real@example.com', '--json'], env);
    expectDone(created);
    expect(JSON.parse(created.stdout).organization.slug).toBe('demo-hr-assistant');
    const refused = await cli(['demo', '--chats', '10'], env);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.errorLines).toEqual([
      'chatlogger: An organization with the slug demo-hr-assistant exists but it is not the demo\'s (its admin demo@chatlogger.local is missing); it is left alone',
    ]);
    // The real organization's admin still signs in with their password.
    const server = spawnServer({ ...env, PORT: String(await freePort()) });
    servers.push(server);
    await waitUntilHealthy(server);
    const signedIn = await json(`${server.url}/auth/login`, { method: 'POST', body: { email: 'real@example.com', password: JSON.parse(created.stdout).admin.password } });
    expect(signedIn.status).toBe(200);
    expect((await json(`${server.url}/auth/login`, { method: 'POST', body: { email: 'demo@chatlogger.local', password: 'x' } })).status).toBe(401);
    server.child.kill('SIGTERM');
    expect(await exitCode(server, 10_000)).toBe(0);
  }, 120_000);
});
