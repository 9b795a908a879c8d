/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser: the tests type them with the DOM's types.)
// End-to-end tests of the dashboard: the real server (`npm start`'s command, serving web/dist) on a
// fresh database of this project's backend, driven by Debian's Chromium through playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { backend, createEmptyPostgresDatabase } from './database.js';
import { CHROMIUM, CHROMIUM_MISSING, hasChromium } from './prerequisites.js';
import { exitCode, freePort, spawnServer, waitUntilHealthy, type ServerProcess } from './server-process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

export interface DashboardServer {
  url: string;
  process: ServerProcess;
  stop: () => Promise<void>;
}

/** Starts the server on a new, empty database (PGlite in a temporary DATA_DIR, or a new PostgreSQL database). */
export async function startDashboardServer(env: Record<string, string> = {}): Promise<DashboardServer> {
  if (!fs.existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run npm run build:web (npm install does) before the end-to-end tests');
  }
  const port = String(await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-e2e-'));
  const postgres = backend === 'postgres' ? await createEmptyPostgresDatabase() : null;
  const server = spawnServer({
    PORT: port,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...(postgres ? { DATABASE_URL: postgres.url, JWT_SECRET: 'e2e-secret-at-least-32-characters-long!!' } : {}),
    ...env,
  });
  await waitUntilHealthy(server);
  return {
    url: server.url,
    process: server,
    stop: async () => {
      server.child.kill('SIGTERM');
      await exitCode(server);
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!hasChromium()) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A new browser context (own cookies) on the server, in the given colour scheme and viewport. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1360, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  // A page error is a bug: fail on it instead of letting a blank page pass.
  page.on('pageerror', (err) => {
    throw err;
  });
  return { context, page };
}

/** Saves a full-page screenshot under test-results/screenshots/<backend>/ (ignored by git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(SCREENSHOT_DIR, backend);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Registers an organization and its admin through the API, and signs the page's context in. */
export async function signUpThroughApi(
  page: Page,
  account: { email: string; password: string; organization_name: string; first_name?: string },
): Promise<{ organization: { id: number; name: string; slug: string } }> {
  const registered = await page.request.post('/auth/register', { data: account });
  if (registered.status() !== 202) throw new Error(`register: ${registered.status()} ${await registered.text()}`);
  const login = await page.request.post('/auth/login', { data: { email: account.email, password: account.password } });
  if (login.status() !== 200) throw new Error(`login: ${login.status()} ${await login.text()}`);
  // The registration's answer says nothing of the account: the organization is read as its admin.
  const { id, name, slug } = await (await page.request.get('/api/v1/orgs/me')).json();
  return { organization: { id, name, slug } };
}
