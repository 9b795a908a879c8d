// npm run bench:memory — the memory of the embedded (PGlite) server as a newcomer runs it: the real
// server (`npm start`'s command, a child process) on a fresh DATA_DIR, no DATABASE_URL, once per
// memory setting (EMBEDDED_*_MB), side by side. For each it prints VmRSS and VmHWM (peak) of
// /proc/<pid>/status, the RSS of PGlite's WebAssembly memory (from /proc/<pid>/smaps) and V8's heap
// (written by bench/server-heap.mjs, loaded into the server), after:
//
//   1. the first start (initdb and every migration);
//   2. the README's walk-through: register, log in, an API key, WALK_CHATS Create Chat POSTs with
//      varied fields, then the dashboard's overview (summary, timeseries, six breakdowns, what
//      changed) and the chats explorer (first page with total, a filter, a search), each page
//      loaded ROUNDS times: the median time of a page (its calls sent at once, as the browser does);
//   3. ~LOAD_SECONDS of load: autocannon, 16 connections of varied Create Chat POSTs, while one
//      client loads the overview and the explorer again and again (chats/s, p50/p99, page times);
//   4. the pages again on the grown data, and the maintenance's first ANALYZE (30 s after start);
//   5. a restart on the same folder (migrations find nothing to do).
//
// Then the last two settings run side by side, taking turns, for timings that the machine's other
// work does not skew one way (BENCH_MEMORY_PAIRED_ONLY=1: only that; BENCH_PAIRED_CHATS: their
// chats, default 1,000).
//
// Asserts nothing; prints figures. Env: BENCH_SECONDS (load, default 10), BENCH_WALK_CHATS (300),
// BENCH_MEMORY_SETTINGS: the settings to compare, `shared:work:maintenance` in MB, comma-separated
// (default "128:4:64,default": PGlite's own defaults, then ChatLogger's), and BENCH_MEMORY_BASELINE:
// another checkout of ChatLogger (e.g. `git archive` of an older commit, with node_modules and
// web/dist) whose server is measured first, with its own defaults.
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { freePort, waitUntilHealthy, type ServerProcess } from '../test/helpers/server-process.js';
import { CATEGORIES, LOCALES, RATINGS, SENTIMENTS, TAGS, values } from './chat-fields.js';

const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WALK_CHATS = Number(process.env.BENCH_WALK_CHATS ?? 300);
const LOAD_CONNECTIONS = 16;
const ROUNDS = 9;
const TZ = 'Europe/Amsterdam';
const HEAP_PROBE = path.resolve(import.meta.dirname, 'server-heap.mjs');

interface Setting {
  label: string;
  env: Record<string, string>;
  /** The checkout whose server runs (default: this one). */
  root?: string;
}

const ROOT = path.resolve(import.meta.dirname, '..');

function settingsFromEnv(): Setting[] {
  const baseline = process.env.BENCH_MEMORY_BASELINE;
  const first: Setting[] = baseline ? [{ label: `${baseline} (its defaults)`, env: {}, root: path.resolve(baseline) }] : [];
  return first.concat( (process.env.BENCH_MEMORY_SETTINGS ?? '128:4:64,default').split(',').map((spec): Setting => {
    if (spec.trim() === 'default') return { label: 'ChatLogger defaults', env: {} };
    const [shared, work, maintenance] = spec.split(':').map((s) => s.trim());
    if (!shared || !work || !maintenance) throw new Error(`BENCH_MEMORY_SETTINGS: "${spec}" is not shared:work:maintenance`);
    return {
      label: `shared_buffers ${shared} MB, work_mem ${work} MB, maintenance_work_mem ${maintenance} MB`,
      env: { EMBEDDED_SHARED_BUFFERS_MB: shared, EMBEDDED_WORK_MEM_MB: work, EMBEDDED_MAINTENANCE_WORK_MEM_MB: maintenance },
    };
  }));
}

// ---- the server's memory -------------------------------------------------------------------

interface Memory {
  rss: number;
  hwm: number;
  /** Resident pages of PGlite's WebAssembly memory. */
  wasm: number;
  /** V8's heap (committed), and the part of it in use. */
  heapTotal: number;
  heapUsed: number;
}

const MB = 1024 * 1024;

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) / 1024;
}

/**
 * A WebAssembly memory is one read-write mapping followed at once by its inaccessible reservation
 * (V8 reserves 8 GB or more per memory, for bounds checks by guard pages); nothing else in the
 * process is laid out so. Returns the resident MB of all such mappings.
 */
function wasmRssMb(pid: number): number {
  let resident = 0;
  let current: { start: number; end: number; perms: string; rss: number } | undefined;
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+)/.exec(line);
    if (head) {
      const next = { start: parseInt(head[1], 16), end: parseInt(head[2], 16), perms: head[3], rss: 0 };
      if (current?.perms === 'rw-p' && next.perms === '---p' && next.start === current.end && next.end - current.start >= 4 * 1024 * MB) {
        resident += current.rss;
      }
      current = next;
    } else if (line.startsWith('Rss:') && current) {
      current.rss = Number(line.split(/\s+/)[1]);
    }
  }
  return resident / 1024;
}

function memory(pid: number, heapFile: string): Memory {
  const heap = JSON.parse(fs.readFileSync(heapFile, 'utf8')) as NodeJS.MemoryUsage;
  return { rss: statusMb(pid, 'VmRSS'), hwm: statusMb(pid, 'VmHWM'), wasm: wasmRssMb(pid), heapTotal: heap.heapTotal / MB, heapUsed: heap.heapUsed / MB };
}

// ---- the walk-through ----------------------------------------------------------------------

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const TITLES = ['Parental leave question', 'Payslip missing', 'Pension transfer', 'Laptop for a new hire', 'Sick leave rules', 'Expense claim'];

/** README step 4's Create Chat body with the fields drawn as bots send them. */
function variedChat(): string {
  const [country, language] = pick(values(LOCALES));
  return JSON.stringify({
    metadata: {
      avg_response_time: Math.round(Math.random() * 8000) / 1000,
      country_code: country,
      ip_address: '203.0.113.7',
      is_escalated: Math.random() < 0.12,
      is_forwarded_to_hr: Math.random() < 0.06,
      language_code: language,
      question_category: pick(values(CATEGORIES)),
      sentiment: pick(values(SENTIMENTS)),
      session_id: `session-${Math.floor(Math.random() * 1e6)}`,
      token_count: Math.floor(Math.random() * 3000),
      transcript_link: 'https://bot.example.com/transcripts/1',
      user_rating: pick(values(RATINGS)),
    },
    tags: TAGS.filter(() => Math.random() < 0.15),
    title: pick(TITLES),
    user_id: 1 + Math.floor(Math.random() * 2000),
  });
}

async function call(base: string, url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(base + url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, any>;
}

/** Steps 1–3: register, log in, create the bot's API key. */
async function signUp(base: string) {
  const account = { email: 'ann@example.com', password: 'correct horse battery', first_name: 'Ann', organization_name: 'Acme HR' };
  await call(base, '/auth/register', { method: 'POST', body: JSON.stringify(account) });
  const { token } = await call(base, '/auth/login', { method: 'POST', body: JSON.stringify({ email: account.email, password: account.password }) });
  const bearer = { authorization: `Bearer ${token}` };
  const { key } = await call(base, '/api/v1/orgs/me/apikeys', { method: 'POST', body: JSON.stringify({ label: 'HR bot production' }), headers: bearer });
  return { bearer, botHeaders: { 'x-organization-api-key': key as string, authorization: key as string } };
}

/** The overview page's calls (web/src/overview), sent at once as the dashboard does. */
function overview(base: string, bearer: Record<string, string>) {
  const q = `tz=${encodeURIComponent(TZ)}`;
  const metrics = 'chats,escalation_rate,hr_forwarding_rate,avg_rating';
  const urls = [
    '/api/v1/chats?limit=1',
    `/api/v1/analytics/summary?${q}`,
    `/api/v1/analytics/timeseries?${q}&interval=day&metrics=chats,escalation_rate,hr_forwarding_rate`,
    ...['question_category', 'sentiment', 'language_code', 'country_code', 'tag', 'user_rating'].map(
      (by) => `/api/v1/analytics/breakdown?${q}&by=${by}&limit=${by === 'user_rating' ? 5 : 10}&metrics=${metrics}`,
    ),
    `/api/v1/analytics/what-changed?${q}&metric=escalation_rate&by=question_category,language_code&limit=5`,
  ];
  return Promise.all(urls.map((url) => call(base, url, { headers: bearer })));
}

/** The chats explorer: the first page with its total, a filtered page, a search. */
function explorer(base: string, bearer: Record<string, string>) {
  const urls = ['/api/v1/chats?limit=50&include_total=true', '/api/v1/chats?limit=50&include_total=true&sentiment=negative&is_escalated=true', '/api/v1/chats?limit=50&q=leave'];
  return Promise.all(urls.map((url) => call(base, url, { headers: bearer })));
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function pageMedians(base: string, bearer: Record<string, string>) {
  const o: number[] = [];
  const e: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    o.push(await timed(() => overview(base, bearer)));
    e.push(await timed(() => explorer(base, bearer)));
  }
  return { overview: median(o), explorer: median(e) };
}

// ---- one setting, start to restart ---------------------------------------------------------

interface Figures {
  setting: Setting;
  startMs: number;
  afterStart: Memory;
  walkChatsPerSecond: number;
  walkPages: { overview: number; explorer: number };
  afterWalk: Memory;
  load: { chatsPerSecond: number; p50: number; p99: number; non2xx: number; overview: number; explorer: number; pageLoads: number };
  peakDuringLoad: number;
  afterLoad: Memory;
  grownPages: { overview: number; explorer: number };
  chats: number;
  afterAnalyze: Memory;
  restartMs: number;
  afterRestart: Memory;
}

/** `npm start`'s command in setting.root (test/helpers/server-process.ts' spawnServer, with a cwd). */
function start(dataDir: string, heapFile: string, setting: Setting, port: number): ServerProcess {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...setting.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The load is one API key's: the walk-through's limits would answer most of it 429.
    RATE_LIMIT_ENABLED: 'false',
    NODE_OPTIONS: `--import=${HEAP_PROBE}`,
    BENCH_HEAP_FILE: heapFile,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: setting.root ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

async function stop(server: ServerProcess) {
  server.child.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) throw new Error(`server exited with ${code}:\n${server.output().slice(-2000)}`);
}

async function load(base: string, bearer: Record<string, string>, botHeaders: Record<string, string>, pid: number) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, statusMb(pid, 'VmRSS'))), 100);
  let loading = true;
  const o: number[] = [];
  const e: number[] = [];
  const pages = (async () => {
    while (loading) {
      o.push(await timed(() => overview(base, bearer)));
      e.push(await timed(() => explorer(base, bearer)));
    }
  })();
  const result = await autocannon({
    url: `${base}/api/v1/chats`,
    connections: LOAD_CONNECTIONS,
    duration: LOAD_SECONDS,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json', ...botHeaders }, setupRequest: (req: Record<string, unknown>) => ({ ...req, body: variedChat() }) }],
  });
  loading = false;
  await pages;
  clearInterval(sampler);
  return {
    load: {
      chatsPerSecond: result['2xx'] / LOAD_SECONDS,
      p50: result.latency.p50 as number,
      p99: result.latency.p99 as number,
      non2xx: result.non2xx as number,
      overview: median(o),
      explorer: median(e),
      pageLoads: o.length,
    },
    peakDuringLoad: Math.max(peak, statusMb(pid, 'VmHWM')),
  };
}

async function measure(setting: Setting): Promise<Figures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-bench-memory-'));
  const heapFile = path.join(dataDir, 'heap.json');
  const port = await freePort();
  try {
    const started = performance.now();
    let server = start(dataDir, heapFile, setting, port);
    await waitUntilHealthy(server, 180_000);
    const startMs = performance.now() - started;
    const pid = server.child.pid!;
    try {
      const afterStart = memory(pid, heapFile);
      const { bearer, botHeaders } = await signUp(server.url);
      const walkMs = await timed(async () => {
        for (let i = 0; i < WALK_CHATS; i++) await call(server.url, '/api/v1/chats', { method: 'POST', body: variedChat(), headers: botHeaders });
      });
      const walkPages = await pageMedians(server.url, bearer);
      const afterWalk = memory(pid, heapFile);
      const { load: loaded, peakDuringLoad } = await load(server.url, bearer, botHeaders, pid);
      const afterLoad = memory(pid, heapFile);
      const grownPages = await pageMedians(server.url, bearer);
      const { total } = await call(server.url, '/api/v1/chats?limit=1&include_total=true', { headers: bearer });
      // The embedded maintenance's first ANALYZE runs 30 s after start (src/db/maintenance.ts).
      const sinceStart = performance.now() - started;
      if (sinceStart < 36_000) await new Promise((r) => setTimeout(r, 36_000 - sinceStart));
      const afterAnalyze = memory(pid, heapFile);
      await stop(server);

      const restarted = performance.now();
      server = start(dataDir, heapFile, setting, port);
      await waitUntilHealthy(server, 180_000);
      const restartMs = performance.now() - restarted;
      await overview(server.url, bearer);
      const afterRestart = memory(server.child.pid!, heapFile);
      return {
        setting,
        startMs,
        afterStart,
        walkChatsPerSecond: WALK_CHATS / (walkMs / 1000),
        walkPages,
        afterWalk,
        load: loaded,
        peakDuringLoad,
        afterLoad,
        grownPages,
        chats: total as number,
        afterAnalyze,
        restartMs,
        afterRestart,
      };
    } finally {
      if (server.child.exitCode === null) await stop(server);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- report --------------------------------------------------------------------------------

const f0 = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 0 });
const f1 = (n: number) => n.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const mem = (m: Memory) => `${f0(m.rss)} (peak ${f0(m.hwm)}; wasm ${f0(m.wasm)}, V8 heap ${f0(m.heapTotal)}/${f0(m.heapUsed)} used)`;

function table(figures: Figures[]) {
  const rows: [string, (f: Figures) => string][] = [
    ['first start (initdb, migrations), s', (f) => f1(f.startMs / 1000)],
    ['RSS MB after the first start', (f) => mem(f.afterStart)],
    [`walk-through: ${WALK_CHATS} Create Chat POSTs, chats/s (one at a time)`, (f) => f0(f.walkChatsPerSecond)],
    ['walk-through: overview page, median ms', (f) => f1(f.walkPages.overview)],
    ['walk-through: explorer page, median ms', (f) => f1(f.walkPages.explorer)],
    ['RSS MB after the walk-through', (f) => mem(f.afterWalk)],
    [`load: varied Create Chat, ${LOAD_CONNECTIONS} connections, chats/s`, (f) => `${f0(f.load.chatsPerSecond)} (p50 ${f.load.p50} / p99 ${f.load.p99} ms${f.load.non2xx ? `, ${f.load.non2xx} non-2xx` : ''})`],
    ['load: overview / explorer page meanwhile, median ms', (f) => `${f1(f.load.overview)} / ${f1(f.load.explorer)} (${f.load.pageLoads} loads)`],
    ['peak RSS MB during the load', (f) => f0(f.peakDuringLoad)],
    ['RSS MB after the load', (f) => mem(f.afterLoad)],
    ['chats stored', (f) => f0(f.chats)],
    ['grown data: overview / explorer page, median ms', (f) => `${f1(f.grownPages.overview)} / ${f1(f.grownPages.explorer)}`],
    ['RSS MB after the first ANALYZE (36 s)', (f) => mem(f.afterAnalyze)],
    ['restart on the same folder, s', (f) => f1(f.restartMs / 1000)],
    ['RSS MB after the restart (and one overview)', (f) => mem(f.afterRestart)],
  ];
  console.log(`\n| | ${figures.map((f) => f.setting.label).join(' | ')} |`);
  console.log(`|---|${figures.map(() => '---|').join('')}`);
  for (const [name, cell] of rows) console.log(`| ${name} | ${figures.map(cell).join(' | ')} |`);
}

// ---- paired timings ------------------------------------------------------------------------

const PAIRED_CHATS = Number(process.env.BENCH_PAIRED_CHATS ?? 1000);
const PAIRED_ROUNDS = 15;
const BURSTS = 6;
const BURST_SECONDS = 2;

/**
 * The timings above drift with whatever else runs on the machine. Here two servers (the last two
 * settings) run at once on the same chats and take turns: page loads alternate, ingest bursts
 * alternate, so that a drift hits both alike.
 */
async function paired(settings: Setting[]) {
  const servers: { setting: Setting; server: ServerProcess; dataDir: string; bearer: Record<string, string>; botHeaders: Record<string, string> }[] = [];
  try {
    for (const setting of settings) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-bench-memory-'));
      const server = start(dataDir, path.join(dataDir, 'heap.json'), setting, await freePort());
      servers.push({ setting, server, dataDir, bearer: {}, botHeaders: {} });
      await waitUntilHealthy(server, 180_000);
      Object.assign(servers.at(-1)!, await signUp(server.url));
    }
    const chats = Array.from({ length: PAIRED_CHATS }, variedChat);
    for (const s of servers) {
      for (let i = 0; i < chats.length; i += 10) {
        await Promise.all(chats.slice(i, i + 10).map((body) => call(s.server.url, '/api/v1/chats', { method: 'POST', body, headers: s.botHeaders })));
      }
    }
    const times = servers.map(() => ({ overview: [] as number[], explorer: [] as number[], ok: 0, seconds: 0 }));
    for (let round = 0; round < PAIRED_ROUNDS; round++) {
      for (const [i, s] of servers.entries()) {
        times[i].overview.push(await timed(() => overview(s.server.url, s.bearer)));
        times[i].explorer.push(await timed(() => explorer(s.server.url, s.bearer)));
      }
    }
    for (let burst = 0; burst < BURSTS; burst++) {
      for (const [i, s] of servers.entries()) {
        const result = await autocannon({
          url: `${s.server.url}/api/v1/chats`,
          connections: LOAD_CONNECTIONS,
          duration: BURST_SECONDS,
          requests: [{ method: 'POST', headers: { 'content-type': 'application/json', ...s.botHeaders }, setupRequest: (req: Record<string, unknown>) => ({ ...req, body: variedChat() }) }],
        });
        times[i].ok += result['2xx'];
        times[i].seconds += BURST_SECONDS;
      }
    }
    console.log(`\npaired, the two servers taking turns (${PAIRED_CHATS} chats each, then ${BURSTS} alternating ${BURST_SECONDS} s bursts of varied Create Chat, ${LOAD_CONNECTIONS} connections):`);
    console.log(`| | ${servers.map((s) => s.setting.label).join(' | ')} |`);
    console.log(`|---|${servers.map(() => '---|').join('')}`);
    console.log(`| overview page, median ms of ${PAIRED_ROUNDS} | ${times.map((t) => f1(median(t.overview))).join(' | ')} |`);
    console.log(`| explorer page, median ms of ${PAIRED_ROUNDS} | ${times.map((t) => f1(median(t.explorer))).join(' | ')} |`);
    console.log(`| Create Chat in bursts, chats/s | ${times.map((t) => f0(t.ok / t.seconds)).join(' | ')} |`);
    console.log(`| RSS MB at the end | ${servers.map((s) => `${f0(statusMb(s.server.child.pid!, 'VmRSS'))} (peak ${f0(statusMb(s.server.child.pid!, 'VmHWM'))})`).join(' | ')} |`);
  } finally {
    for (const s of servers) {
      if (s.server.child.exitCode === null) await stop(s.server);
      fs.rmSync(s.dataDir, { recursive: true, force: true });
    }
  }
}

async function main() {
  const settings = settingsFromEnv();
  const figures: Figures[] = [];
  if (process.env.BENCH_MEMORY_PAIRED_ONLY !== '1') {
    for (const setting of settings) {
      console.log(`measuring: ${setting.label} ...`);
      figures.push(await measure(setting));
    }
    table(figures);
  }
  if (settings.length >= 2) await paired(settings.slice(-2));
  console.log(
    `\nRSS = VmRSS of /proc/<pid>/status; peak = VmHWM; wasm = resident pages of PGlite's WebAssembly memory; ` +
      `V8 heap = heapTotal. ${os.cpus().length} CPUs, load generator on the same machine; medians of ${ROUNDS} page loads.`,
  );
}

await main();
