// How fast the dashboard's overview shows its numbers on the 1M-chat benchmark database, in the
// same headless Chromium as the end-to-end tests. Needs DATABASE_URL (PostgreSQL). Uses the
// database `npm run bench:analytics` leaves behind with KEEP_BENCH_DB=1, and runs that first
// when it is missing. Prints the time from navigation to every KPI and chart drawn, over 10 loads.
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { freePort, spawnServer, waitUntilHealthy } from '../test/helpers/server-process.js';

const DB_NAME = 'chatlogger_bench_analytics';
const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const LOGIN = { email: 'bench-main@bench.example', password: 'bench-password' };

if (!process.env.DATABASE_URL) throw new Error('bench:dashboard needs DATABASE_URL (PostgreSQL)');
const url = new URL(process.env.DATABASE_URL);
url.pathname = `/${DB_NAME}`;

async function chatCount(): Promise<number> {
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    return (await client.query('SELECT count(*)::int AS n FROM chats')).rows[0].n;
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => {});
  }
}

let chats = await chatCount();
if (chats < 1_000_000) {
  console.log(`${DB_NAME} has ${chats} chats: generating it with npm run bench:analytics (KEEP_BENCH_DB=1)…`);
  execFileSync('npm', ['run', 'bench:analytics'], { stdio: 'inherit', env: { ...process.env, KEEP_BENCH_DB: '1' } });
  chats = await chatCount();
}
console.log(`database ${DB_NAME}: ${chats.toLocaleString('en')} chats`);

const port = String(await freePort());
const server = spawnServer({ PORT: port, DATABASE_URL: url.toString(), JWT_SECRET: 'bench-secret-bench-secret-bench-secret!!' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  await waitUntilHealthy(server);
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const login = await page.request.post('/auth/login', { data: LOGIN });
  if (login.status() !== 200) throw new Error(`login as ${LOGIN.email}: ${login.status()} (was the database made by bench:analytics?)`);

  const samples: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const start = Date.now();
    await page.goto('/?range=30d&tz=UTC');
    // Every KPI has its value, every chart its canvas, nothing is still loading.
    await page.locator('.kpi .kpi-value').nth(5).waitFor();
    await page.locator('canvas').nth(7).waitFor();
    await page.locator('.loading').first().waitFor({ state: 'detached' });
    samples.push(Date.now() - start);
  }
  const kpis = await page.locator('.kpi').allInnerTexts();
  console.log(`\nKPIs shown: ${kpis.map((k) => k.split('\n').slice(0, 2).join(' ')).join(' | ')}`);
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`overview, last 30 days, ${LOADS} page loads: first ${samples[0]} ms, median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms (target < 2000 ms)`);
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
}
