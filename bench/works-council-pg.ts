// The PostgreSQL half of npm run bench:works-council (run when DATABASE_URL is set): a large
// organization — BENCH_PG_CHATS chats (default 1,000,000) of BENCH_PG_USERS people (default 5,000)
// over the 800-day window — in a fresh database "chatlogger_bench_works_council" (dropped at the
// end unless KEEP_BENCH_DB). Prints the time of the guard's cell read straight from the chats rows,
// of the server's cell cache (cold, warm, after a write) and its heap, and of whole analytics
// requests with the mode off (rollups) and on (right after turning it on, warm, after a write). Medians of a few calls; asserts nothing. The
// server's cost limits are lifted unless BENCH_PG_LIMITS=default (then a request past them is
// printed as its 422 / 429 code).
import { foldAll } from '../src/analytics/fold/fold.js';
import { buildApp } from '../src/app.js';
import { chatCells, WINDOW_DAYS } from '../src/analytics/works-council/council.js';
import { CouncilCellCache } from '../src/analytics/works-council/cell-cache.js';
import { Guard } from '../src/analytics/works-council/guard.js';
import { connectPostgres, type Db } from '../src/db/connection.js';
import { runMigrations } from '../src/db/migrate.js';
import { CATEGORIES, LOCALES, RATINGS, SENTIMENTS, TAGS } from './chat-fields.js';
import { freshBenchDatabase } from './database.js';

const CHATS = Number(process.env.BENCH_PG_CHATS ?? 1_000_000);
const USERS = Number(process.env.BENCH_PG_USERS ?? 5_000);
const CALLS = Number(process.env.BENCH_PG_CALLS ?? 3);
const DAY = 86_400_000;
const BATCH = 20_000;

let seed = 7;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
const weighted = <T>(pairs: [T, number][]): T => {
  let r = rand() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};

const INSERT = `INSERT INTO chats (organization_id, user_id, title, tags, country_code, language_code, is_escalated, is_forwarded_to_hr,
    question_category, sentiment, session_id, user_rating, token_count, avg_response_time, message_count, created_at, updated_at)
  SELECT $1, u, 'bench', tg::text[], co, la, e, h, ca, se, ss, r, tk, a, 4, cr, cr
  FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::text[], $9::text[], $10::text[], $11::smallint[],
              $12::bigint[], $13::float8[], $14::timestamptz[]) AS x(u, tg, co, la, e, h, ca, se, ss, r, tk, a, cr)`;

/** The chats, in time order (as a bot sends them), one INSERT of up to BATCH rows at a time, two at once. */
async function generate(db: ReturnType<typeof connectPostgres>, organizationId: number) {
  const now = Date.now();
  const first = now - (WINDOW_DAYS - 1) * DAY;
  const times = Array.from({ length: CHATS }, () => first + rand() * (now - 1000 - first)).sort((a, b) => a - b);
  let next = 0;
  const worker = async () => {
    while (next < CHATS) {
      const from = next;
      next = Math.min(CHATS, next + BATCH);
      const cols: unknown[][] = Array.from({ length: 13 }, () => []);
      for (let i = from; i < next; i++) {
        const [country, lang] = weighted(LOCALES);
        const escalated = rand() < 0.12;
        const row = [
          rand() < 0.9 ? 1 + Math.floor(rand() * USERS) : null,
          `{${TAGS.filter(() => rand() < 0.08).join(',')}}`,
          rand() < 0.97 ? country : null,
          rand() < 0.97 ? lang : null,
          rand() < 0.9 ? escalated : null,
          rand() < 0.9 ? escalated && rand() < 0.5 : null,
          rand() < 0.95 ? weighted(CATEGORIES) : null,
          rand() < 0.9 ? weighted(SENTIMENTS) : null,
          `s-${i}`,
          rand() < 0.4 ? weighted(RATINGS) : null,
          Math.round(300 + rand() * 1500),
          Math.round(rand() * 4000) / 1000,
          new Date(times[i]).toISOString(),
        ];
        row.forEach((v, c) => cols[c].push(v));
      }
      await db.pool.query(INSERT, [organizationId, ...cols]);
    }
  };
  await Promise.all([worker(), worker()]);
}

async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

export async function benchPostgres() {
  const { url, drop } = await freshBenchDatabase('chatlogger_bench_works_council');
  const database = connectPostgres(url, 4);
  try {
    await runMigrations(database.pool);
    // BENCH_PG_LIMITS=default keeps the server's limits (10-second statement timeout, the analytics
    // time share); by default they are lifted so that a slow request is timed rather than refused.
    const lifted = process.env.BENCH_PG_LIMITS === 'default' ? {} : { readStatementTimeoutMs: 600_000, analyticsTimeMsPerSecond: 1_000_000, analyticsTimeBurstMs: 10_000_000 };
    const app = await buildApp({ database, dataDir: '/tmp', jwtSecret: 'bench-secret-bench-secret-bench-secret!!', costLimits: lifted });
    const email = 'wc@bench.example';
    await app.inject({ method: 'POST', url: '/auth/register', payload: { email, password: 'bench-password', organization_name: 'bench-wc' } });
    const login = (await app.inject({ method: 'POST', url: '/auth/login', payload: { email, password: 'bench-password' } })).json();
    const [org, headers] = [login.user.organization_id as number, { authorization: `Bearer ${login.token}` }];

    const started = Date.now();
    await generate(database, org);
    // Folded before anything is timed (the server's fold worker would be busy with them otherwise).
    await foldAll(database.pool);
    await database.pool.query('VACUUM ANALYZE');
    console.log(`\nPostgreSQL: generated ${CHATS.toLocaleString('en')} chats of ${USERS.toLocaleString('en')} people over ${WINDOW_DAYS} days in ${((Date.now() - started) / 1000).toFixed(0)} s (rollups included)`);

    const today = Math.floor(Date.now() / DAY) + 1;
    const window = { from: today - WINDOW_DAYS, to: today };
    let cells = 0;
    const read = await median(CALLS, async () => (cells = (await chatCells(database.db as Db, org, window)).length));
    const all = await chatCells(database.db as Db, org, window);
    const build = await median(CALLS, async () => new Guard(all, 5, window));
    console.log(`  a read of the window's chats as cells (grouped scan, ${cells.toLocaleString('en')} cells, no cache): median ${read.toFixed(0)} ms; building the guard from them: ${build.toFixed(0)} ms`);

    // The cache the server keeps (src/analytics/works-council/cell-cache.ts): cold, warm, and warm after one write today.
    const cache = new CouncilCellCache();
    const heapBefore = (global.gc?.(), process.memoryUsage().heapUsed);
    let t = performance.now();
    await cache.window(database.db as Db, org, window);
    const cold = performance.now() - t;
    const coldDays = cache.daysRead;
    const held = (global.gc?.(), process.memoryUsage().heapUsed) - heapBefore;
    const warm = await median(CALLS, () => cache.window(database.db as Db, org, window));
    const write = () => database.pool.query(`INSERT INTO chats (organization_id, user_id, title, created_at, updated_at) VALUES ($1, 1, 'bench', now(), now())`, [org]);
    const afterWrite: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      await write();
      t = performance.now();
      await cache.window(database.db as Db, org, window);
      afterWrite.push(performance.now() - t);
    }
    const oneWrite = afterWrite.sort((a, b) => a - b)[CALLS >> 1];
    console.log(
      `  the cell cache: cold ${cold.toFixed(0)} ms (${coldDays} days read), warm ${warm.toFixed(0)} ms, after a write today ${oneWrite.toFixed(0)} ms; ` +
        `it holds ${cache.heldCells.toLocaleString('en')} cells in ${global.gc ? `${(held / 1048576).toFixed(0)} MB of heap` : '? MB (run node with --expose-gc)'}`,
    );

    const ymd = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
    const cases: [string, string][] = [
      ['summary, last 30 days', `/api/v1/analytics/summary?from=${ymd(today - 30)}&to=${ymd(today)}`],
      ['summary, last 30 days, country_code=NL', `/api/v1/analytics/summary?from=${ymd(today - 30)}&to=${ymd(today)}&country_code=NL`],
      ['breakdown by question_category, 30 days', `/api/v1/analytics/breakdown?by=question_category&from=${ymd(today - 30)}&to=${ymd(today)}`],
      ['timeseries, 30 days by day', `/api/v1/analytics/timeseries?interval=day&from=${ymd(today - 30)}&to=${ymd(today)}`],
      ['summary, the whole window (800 days)', `/api/v1/analytics/summary?from=${ymd(today - WINDOW_DAYS)}&to=${ymd(today)}`],
    ];
    const mode = async (on: boolean) => {
      const res = await app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers, payload: { works_council: on } });
      if (res.statusCode !== 200) throw new Error(`PATCH privacy answered ${res.statusCode}: ${res.body}`);
    };
    // A request past the analytics statement timeout is answered 422 query_too_expensive: printed, not timed.
    const call = async (url: string) => {
      const started = performance.now();
      const res = await app.inject({ url, headers });
      return res.statusCode === 200 ? (performance.now() - started).toFixed(0) : `${res.statusCode} ${res.json().code}`;
    };
    const timed = async (url: string, before?: () => Promise<unknown>) => {
      const times: string[] = [];
      for (let i = 0; i < CALLS; i++) {
        await before?.();
        times.push(await call(url));
      }
      const refused = times.find((x) => !/^\d+$/.test(x));
      return refused ?? times.sort((a, b) => Number(a) - Number(b))[CALLS >> 1];
    };
    console.log(`  whole requests (median of ${CALLS}; ms)        mode off   mode on: first after turning it on | warm | after a write today`);
    for (const [name, url] of cases) {
      await mode(false);
      await call(url);
      const off = await timed(url);
      await mode(true);
      // Turning the mode on reads the window ahead (the first case: all of it; later ones: what changed).
      const first = await call(url);
      const on = await timed(url);
      const written = await timed(url, write);
      console.log(`  ${name.padEnd(44)} ${off.padStart(8)} ${first.padStart(34)} ${on.padStart(6)} ${written.padStart(8)}`);
    }
    await app.close();
  } finally {
    await database.close();
    await drop();
  }
}
