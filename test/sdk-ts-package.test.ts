// The TypeScript SDK as a user gets it: built (npm run build in packages/sdk-ts), installed as
// node_modules/@chatlogger/sdk of a project of its own, imported as ESM and required as CommonJS,
// type-checked, its README's quick start run verbatim, and its flush on process exit — each in a
// Node process of its own, against the real server.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './helpers/browser.js';
import { startSdkServer, type SdkServer } from './helpers/sdk-server.js';
import { track } from './helpers/children.js';

const SOURCE = path.resolve(import.meta.dirname, '../packages/sdk-ts');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

let s: SdkServer;
let project: string;
let built: string;
beforeAll(async () => {
  // The user's project, with the package built in a copy of its own (the test runs once per
  // database backend, at the same time: each builds its own dist).
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-sdk-user-'));
  // (tsc compiles files inside node_modules differently: build beside it, then link it in.)
  const pkg = (built = path.join(project, 'sdk-ts'));
  for (const entry of ['package.json', 'README.md', 'tsconfig.json', 'tsconfig.cjs.json', 'src', 'scripts']) {
    fs.cpSync(path.join(SOURCE, entry), path.join(pkg, entry), { recursive: true });
  }
  execFileSync(process.execPath, [path.join(pkg, 'scripts/build.mjs')], { stdio: 'pipe', cwd: path.resolve(SOURCE, '../..') });
  fs.mkdirSync(path.join(project, 'node_modules/@chatlogger'), { recursive: true });
  fs.symlinkSync(pkg, path.join(project, 'node_modules/@chatlogger/sdk'), 'dir');
  s = await startSdkServer();
});
afterAll(async () => {
  await s?.close();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

/** Runs `node file` in the user's project with the server's URL and API key in the environment. */
function run(file: string, source: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  fs.writeFileSync(path.join(project, file), source);
  const child = track(spawn(process.execPath, [file], {
    cwd: project,
    env: { PATH: process.env.PATH ?? '', CHATLOGGER_URL: s.url, CHATLOGGER_API_KEY: s.apiKey },
  }));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const chatsWithSession = async (session: string) =>
  (await s.ctx.database.pool.query('SELECT title, tags, language_code, user_rating, sentiment FROM chats WHERE organization_id = $1 AND session_id = $2', [s.admin.organization.id, session])).rows;

describe('@chatlogger/sdk as built', () => {
  it('runs the README quick start verbatim: the chat, its message and outcome, and a logged chat are stored', async () => {
    const readme = fs.readFileSync(path.join(SOURCE, 'README.md'), 'utf8');
    const quickStart = readme.split('## Quick start')[1].match(/```js\n([\s\S]*?)```/)![1];
    expect(quickStart.trim().split('\n').length).toBeLessThanOrEqual(10);
    const result = await run('quickstart.mjs', quickStart);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sent: 1');
    expect(await chatsWithSession('quickstart-1')).toEqual([{ title: 'Parental leave question', tags: ['leave'], language_code: 'en', user_rating: 5, sentiment: 'positive' }]);
    expect(await chatsWithSession('quickstart-2')).toHaveLength(1);
    const { rows } = await s.ctx.database.pool.query(
      `SELECT m.content FROM messages m JOIN chats c ON c.id = m.chat_id WHERE c.organization_id = $1 AND c.session_id = 'quickstart-1'`,
      [s.admin.organization.id],
    );
    expect(rows).toEqual([{ content: 'How many days of parental leave do I get?' }]);
  });

  it('is required as CommonJS and imported as ESM, the same API both ways', async () => {
    const cjs = await run(
      'check.cjs',
      `const sdk = require('@chatlogger/sdk');
       const c = new sdk.ChatLogger({ apiKey: process.env.CHATLOGGER_API_KEY, baseUrl: process.env.CHATLOGGER_URL });
       c.createChat({ metadata: { session_id: 'cjs-1' } }).then((r) => console.log(Object.keys(sdk).sort().join(','), r.chat_id > 0));`,
    );
    const esm = await run('check.mjs', `import * as sdk from '@chatlogger/sdk'; console.log(Object.keys(sdk).sort().join(','));`);
    expect(cjs.stderr + esm.stderr).toBe('');
    expect(cjs.stdout.trim()).toBe('ApiError,BufferedLogger,ChatLogger,ChatLoggerError,NetworkError true');
    expect(esm.stdout.trim()).toBe('ApiError,BufferedLogger,ChatLogger,ChatLoggerError,NetworkError');
    expect(await chatsWithSession('cjs-1')).toHaveLength(1);
  });

  it('gives TypeScript users the generated types, from ESM and CommonJS files alike (a wrong field type is an error)', () => {
    const usage = (importLine: string) => `${importLine}
const client = new ChatLogger({ apiKey: 'clk_x' });
export async function f(): Promise<number> {
  const chat: CreateChatInput = { metadata: { user_rating: 5, is_escalated: true } };
  // @ts-expect-error user_rating is a number
  await client.createChat({ metadata: { user_rating: 'five' } });
  // @ts-expect-error role is user, assistant or system
  await client.addMessage(1, { role: 'bot', content: 'hi' });
  const updated = await client.updateChat(1, { add_tags: ['resolved'] });
  const where = (error: ChatLoggerError): string => error.field ?? error.code;
  return (await client.createChat(chat)).chat_id + updated.tags.length + where(new ChatLoggerError('x', { code: 'y' })).length;
}
`;
    fs.writeFileSync(path.join(project, 'esm.mts'), usage(`import { ChatLogger, ChatLoggerError, type CreateChatInput } from '@chatlogger/sdk';`));
    fs.writeFileSync(path.join(project, 'cjs.cts'), usage(`import { ChatLogger, ChatLoggerError, type CreateChatInput } from '@chatlogger/sdk';`));
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: [] }, files: ['esm.mts', 'cjs.cts'] }),
    );
    const out = (() => {
      try {
        return execFileSync(process.execPath, [TSC, '-p', project], { encoding: 'utf8' });
      } catch (err) {
        return String((err as { stdout?: string }).stdout);
      }
    })();
    expect(out).toBe('');
  });

  it('sends what it buffered when the process ends on its own, without close()', async () => {
    const result = await run(
      'exit.mjs',
      `import { ChatLogger } from '@chatlogger/sdk';
       const logger = new ChatLogger({ apiKey: process.env.CHATLOGGER_API_KEY, baseUrl: process.env.CHATLOGGER_URL }).bufferedLogger({ flushIntervalMs: 600000 });
       for (let i = 0; i < 3; i++) logger.log({ metadata: { session_id: 'exit-' + i } });`,
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    for (let i = 0; i < 3; i++) expect(await chatsWithSession(`exit-${i}`)).toHaveLength(1);
  });

  it('warns how many chats were not sent when the process is ended with process.exit()', async () => {
    const result = await run(
      'exit-now.mjs',
      `import { ChatLogger } from '@chatlogger/sdk';
       const logger = new ChatLogger({ apiKey: process.env.CHATLOGGER_API_KEY, baseUrl: process.env.CHATLOGGER_URL }).bufferedLogger({ flushIntervalMs: 600000 });
       for (let i = 0; i < 3; i++) logger.log({ metadata: { session_id: 'exit-now-' + i } });
       process.exit(0);`,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('the process exits with 3 chat(s) not sent');
  });
  it('imports nothing but its own files (no Node module: it runs in browsers and on edge runtimes)', () => {
    for (const dir of ['dist/esm', 'dist/cjs']) {
      for (const file of fs.readdirSync(path.join(built, dir), { recursive: true }) as string[]) {
        if (!file.endsWith('.js')) continue;
        const source = fs.readFileSync(path.join(built, dir, file), 'utf8');
        const specifiers = [...source.matchAll(/(?:from\s+|require\(|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
        for (const specifier of specifiers) expect(specifier, `${dir}/${file}`).toMatch(/^\.\.?\//);
      }
    }
  });

  it('works in a browser (Chromium): the ES module build creates a chat and a buffered logger delivers one', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      // The page and the SDK's files are served on the server's origin (the server sends no CORS headers).
      await page.route(`${s.url}/sdk/**`, (route) => {
        const file = new URL(route.request().url()).pathname.replace(/^\/sdk\//, '');
        if (file === 'page.html') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>sdk</title>' });
        return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(path.join(built, 'dist/esm', file), 'utf8') });
      });
      await page.goto(`${s.url}/sdk/page.html`);
      // (A string, not a function: vitest would rewrite a function's import() for Node.)
      const result = (await page.evaluate(`(async () => {
        const sdk = await import(location.origin + '/sdk/index.js');
        const client = new sdk.ChatLogger({ apiKey: ${JSON.stringify(s.apiKey)}, baseUrl: location.origin });
        const created = await client.createChat({ metadata: { session_id: 'browser-1' } });
        const logger = client.bufferedLogger();
        logger.log({ metadata: { session_id: 'browser-2' } });
        const stats = await logger.close();
        const error = await client.createChat({ metadata: { country_code: 'XX' } }).catch((e) => e.name + ' ' + e.field);
        return { chatId: created.chat_id, stats, error, hasProcess: typeof globalThis.process !== 'undefined' };
      })()`)) as { chatId: number; stats: object; error: string; hasProcess: boolean };
      expect(result).toMatchObject({ stats: { sent: 1, dropped: 0 }, error: 'ApiError metadata.country_code', hasProcess: false });
      expect(result.chatId).toBeGreaterThan(0);
      expect(await chatsWithSession('browser-1')).toHaveLength(1);
      expect(await chatsWithSession('browser-2')).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });
});
