// npm run bench:analytics — 1,000,000 chats for one organization over 365 days (plus 100,000 for
// another) on PostgreSQL, then the median and p95 of 20 calls of each analytics endpoint, next to
// a full count(*) of the chats table measured in the same run, and the summary's estimates (per-day
// sketches) against its exact answers. Prints figures; asserts nothing. BENCH_CHATS sets the volume.
//
// Needs DATABASE_URL (a server where the user may create databases). The data goes into a new
// database "chatlogger_bench_analytics", dropped at the end (KEEP_BENCH_DB=1 keeps it;
// REUSE_BENCH_DB=1 then times the calls again on the kept data, after applying new migrations).
import pg from 'pg';
import { foldAll } from '../src/analytics/fold/fold.js';
import { buildApp } from '../src/app.js';
import { connectPostgres } from '../src/db/connection.js';
import { runMigrations } from '../src/db/migrate.js';
import { DEFAULT_RATE_LIMITS } from '../src/rate-limit/settings.js';
import { CATEGORIES, LOCALES, RATINGS, SENTIMENTS, TAGS } from './chat-fields.js';
import { freshBenchDatabase } from './database.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 1_000_000);
const OTHER_CHATS = Math.round(CHATS / 10);
const CALLS = 20;
const BATCH = 20_000;
const DB_NAME = 'chatlogger_bench_analytics';
const DAY = 86_400_000;

if (!process.env.DATABASE_URL) {
  console.error('bench:analytics needs DATABASE_URL (PostgreSQL), e.g. postgres://postgres@127.0.0.1:5432/test');
  process.exit(2);
}

// A small seeded generator, so that runs are comparable.
let seed = 42;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 4294967296;
};
const weighted = <T>(pairs: [T, number][]): T => {
  let r = rand() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};
const lognormal = (median: number, sigma: number) => {
  const u = 1 - rand();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  return median * Math.exp(sigma * z);
};


/** How many chats each day of the year gets: more on weekdays, growing over the year; sums to `total`. */
function dailyVolumes(total: number, now: number): { day: number; count: number }[] {
  const firstDay = Math.floor((now - 365 * DAY) / DAY) * DAY;
  const weights = Array.from({ length: 365 }, (_, i) => {
    const day = firstDay + (i + 1) * DAY;
    const weekday = new Date(day).getUTCDay() % 6 !== 0 ? 1 : 0.35;
    return { day, weight: weekday * (0.6 + (0.4 * i) / 365) * (0.85 + 0.3 * rand()) };
  });
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  let left = total;
  return weights.map((w, i) => {
    const count = i === weights.length - 1 ? left : Math.round((total * w.weight) / sum);
    left -= count;
    return { day: w.day, count };
  });
}

// Chats arrive in time order, as they would from a bot, so a month's chats sit together on disk.
function* chatTimes(total: number, now: number): Generator<number> {
  for (const { day, count } of dailyVolumes(total, now)) {
    const times = Array.from({ length: count }, () => {
      // Mostly office hours (07:00–18:00 UTC), some at night.
      const hour = rand() < 0.8 ? 7 + rand() * 11 : rand() * 24;
      const t = day + hour * 3_600_000;
      // Today's chats fall in the part of the day that has passed (clamping them to now piled
      // thousands into the last second, which every range ending now then read as raw rows).
      return t < now - 1000 ? t : day + rand() * (now - 1000 - day);
    });
    yield* times.sort((a, b) => a - b);
  }
}

/** One batch of chats as column arrays for INSERT ... SELECT FROM unnest(...). */
function batch(organizationId: number, times: number[], offset: number) {
  const cols = { org: [] as number[], user: [] as (number | null)[], title: [] as string[], tags: [] as string[], art: [] as (number | null)[], country: [] as (string | null)[], lang: [] as (string | null)[], esc: [] as (boolean | null)[], hr: [] as (boolean | null)[], cat: [] as (string | null)[], sent: [] as (string | null)[], session: [] as string[], tokens: [] as (number | null)[], rating: [] as (number | null)[], msgs: [] as number[], created: [] as string[] };
  for (const [k, t] of times.entries()) {
    const i = offset + k;
    const category = weighted(CATEGORIES);
    const [country, lang] = weighted(LOCALES);
    const escalated = rand() < 0.12;
    cols.org.push(organizationId);
    cols.user.push(rand() < 0.85 ? 1 + Math.floor(rand() * 20_000) : null);
    cols.title.push(`${category} question ${i}`);
    cols.tags.push(`{${[category === 'other' ? 'policy' : category.split('-')[0], ...TAGS.filter(() => rand() < 0.08)].join(',')}}`);
    cols.art.push(rand() < 0.95 ? Math.round(lognormal(1.8, 0.6) * 1000) / 1000 : null);
    cols.country.push(rand() < 0.97 ? country : null);
    cols.lang.push(rand() < 0.97 ? lang : null);
    cols.esc.push(rand() < 0.9 ? escalated : null);
    cols.hr.push(rand() < 0.9 ? escalated && rand() < 0.5 : null);
    cols.cat.push(rand() < 0.95 ? category : null);
    cols.sent.push(rand() < 0.9 ? weighted(SENTIMENTS) : null);
    cols.session.push(`s-${organizationId}-${i}`);
    cols.tokens.push(rand() < 0.95 ? Math.round(lognormal(900, 0.7)) : null);
    cols.rating.push(rand() < 0.4 ? weighted(RATINGS) : null);
    cols.msgs.push(2 + Math.floor(rand() * 12));
    cols.created.push(new Date(t).toISOString());
  }
  return cols;
}

const INSERT_CHATS = `INSERT INTO chats (organization_id, user_id, title, tags, avg_response_time, country_code, language_code, is_escalated,
    is_forwarded_to_hr, question_category, sentiment, session_id, token_count, user_rating, message_count, created_at, updated_at)
  SELECT o, u, ti, tg::text[], a, co, la, e, h, ca, se, ss, tk, r, m, cr, cr
  FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::bool[], $9::bool[],
              $10::text[], $11::text[], $12::text[], $13::bigint[], $14::smallint[], $15::int[], $16::timestamptz[])
    AS x(o, u, ti, tg, a, co, la, e, h, ca, se, ss, tk, r, m, cr)`;

/**
 * Both organizations' chats, interleaved in time order as they would arrive: one INSERT per
 * organization and day (at most BATCH chats), two at a time. Each appends its rollup changes to
 * chat_rollup_pending, which the app's background fold takes in; the next batch is built while the database works. Batches are built in the same order
 * whatever the timing, so runs stay comparable.
 */
async function generate(pool: pg.Pool, organizations: { id: number; chats: number }[]) {
  const now = Date.now();
  const streams = organizations.map((o) => ({ id: o.id, times: [...chatTimes(o.chats, now)], next: 0 }));
  const jobs: { id: number; times: number[]; offset: number }[] = [];
  for (let day = 0; streams.some((s) => s.next < s.times.length); day++) {
    const until = now - (364 - day) * DAY;
    for (const s of streams) {
      let end = s.next;
      while (end < s.times.length && s.times[end] < until) end++;
      for (let from = s.next; from < end; from += BATCH) jobs.push({ id: s.id, times: s.times.slice(from, Math.min(end, from + BATCH)), offset: from });
      s.next = end;
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const c = batch(job.id, job.times, job.offset);
      await pool.query(INSERT_CHATS, [c.org, c.user, c.title, c.tags, c.art, c.country, c.lang, c.esc, c.hr, c.cat, c.sent, c.session, c.tokens, c.rating, c.msgs, c.created]);
    }
  };
  await Promise.all([worker(), worker()]);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

function reusedDatabase() {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${DB_NAME}`;
  return { url: url.toString(), drop: async () => {} };
}

async function main() {
  const reuse = Boolean(process.env.REUSE_BENCH_DB);
  const { url, drop } = reuse ? reusedDatabase() : await freshBenchDatabase(DB_NAME);
  const database = connectPostgres(url, 4);
  try {
    await runMigrations(database.pool);
    // The organization's analytics time budget (ANALYTICS_TIME_MS_PER_SECOND) and the user's request
    // rate would answer 429 to calls back to back: here each call's time is measured, not the fair share. The sketch
    // builder is run below, timed, instead of in the background.
    const benchOptions = { database, dataDir: '/tmp', jwtSecret: 'bench-secret-bench-secret-bench-secret!!', costLimits: { analyticsTimeMsPerSecond: 1e6, analyticsTimeBurstMs: 1e9 }, rateLimit: { ...DEFAULT_RATE_LIMITS, enabled: false } };
    const app = await buildApp({ ...benchOptions, sketches: false });
    const register = async (name: string) => {
      const email = `${name}@bench.example`;
      await app.inject({ method: 'POST', url: '/auth/register', payload: { email, password: 'bench-password', organization_name: name } });
      const login = await app.inject({ method: 'POST', url: '/auth/login', payload: { email, password: 'bench-password' } });
      return { id: login.json().user.organization_id as number, token: login.json().token as string };
    };
    const main = await register('bench-main');
    const other = await register('bench-other');

    const genStart = Date.now();
    if (!reuse) await generate(database.pool, [{ id: main.id, chats: CHATS }, { id: other.id, chats: OTHER_CHATS }]);
    const insertSeconds = (Date.now() - genStart) / 1000;
    // What the app's background fold has not taken yet, folded now: the calls are timed on rollups
    // that are up to date, as on a server that has caught up (a read adds what is pending).
    const pendingAfterInsert = (await database.pool.query('SELECT count(*)::int AS n FROM chat_rollup_pending')).rows[0].n;
    await foldAll(database.pool);
    const genSeconds = (Date.now() - genStart) / 1000;
    console.log(`inserted in ${insertSeconds.toFixed(1)} s; ${pendingAfterInsert.toLocaleString('en')} rollup changes were still pending, folded in ${(genSeconds - insertSeconds).toFixed(1)} s more`);
    const buildStart = Date.now();
    const built = await app.sketchBuilder.runOnce();
    const sketchRows = (await database.pool.query('SELECT count(*)::int AS n, coalesce(sum(pg_column_size(users) + pg_column_size(response_time_bins) + pg_column_size(response_time_counts)), 0)::bigint AS bytes FROM chat_day_sketches')).rows[0];
    console.log(
      `sketched ${built.days} days and ${built.hours} hours in ${((Date.now() - buildStart) / 1000).toFixed(1)} s: ${sketchRows.n.toLocaleString('en')} day cells, ${(Number(sketchRows.bytes) / 1048576).toFixed(1)} MiB`,
    );
    await database.pool.query('VACUUM ANALYZE');
    const { rows } = await database.pool.query(
      'SELECT count(*)::int AS chats, (SELECT count(*)::int FROM chat_rollups) AS rollups, (SELECT count(*)::int FROM chat_daily_rollups) AS daily, (SELECT count(*)::int FROM chat_daily_pair_rollups) AS pairs FROM chats',
    );
    console.log(
      `${reuse ? 'reused' : 'generated'} ${rows[0].chats.toLocaleString('en')} chats (${(rows[0].chats / genSeconds).toFixed(0)} chats/s, ${genSeconds.toFixed(1)} s incl. the fold of the rollups); ` +
        `${rows[0].rollups.toLocaleString('en')} hourly, ${rows[0].daily.toLocaleString('en')} daily and ${rows[0].pairs.toLocaleString('en')} daily pair rollup rows`,
    );

    const scan = [] as number[];
    for (let i = 0; i < CALLS; i++) scan.push(await time(() => database.pool.query('SELECT count(*) FROM chats')));
    const full = stats(scan);
    console.log(`\nSELECT count(*) FROM chats: median ${full.median.toFixed(1)} ms, p95 ${full.p95.toFixed(1)} ms (target per call: < 100 ms and < ${(full.median / 5).toFixed(1)} ms)\n`);

    const ymd = (d: Date) => d.toISOString().slice(0, 10);
    const now = new Date();
    const cases: [string, string][] = [
      ['summary (30 days)', '/api/v1/analytics/summary'],
      ['summary, sentiment=negative', '/api/v1/analytics/summary?sentiment=negative'],
      ['timeseries 30 d daily', '/api/v1/analytics/timeseries?interval=day'],
      ['timeseries 30 d daily, tag=urgent', '/api/v1/analytics/timeseries?interval=day&tags=urgent'],
      ['timeseries 365 d weekly', `/api/v1/analytics/timeseries?interval=week&from=${ymd(new Date(now.getTime() - 365 * DAY))}`],
      ['timeseries 365 d weekly, is_escalated', `/api/v1/analytics/timeseries?interval=week&is_escalated=true&from=${ymd(new Date(now.getTime() - 365 * DAY))}`],
      ['timeseries 30 d daily, Europe/Amsterdam', '/api/v1/analytics/timeseries?interval=day&tz=Europe%2FAmsterdam'],
      ['timeseries 365 d weekly, Europe/Amsterdam', `/api/v1/analytics/timeseries?interval=week&tz=Europe%2FAmsterdam&from=${ymd(new Date(now.getTime() - 365 * DAY))}`],
    ];
    for (const by of ['question_category', 'sentiment', 'country_code', 'language_code', 'tag', 'user_rating', 'is_escalated', 'is_forwarded_to_hr']) {
      cases.push([`breakdown by ${by}`, `/api/v1/analytics/breakdown?by=${by}`]);
      cases.push([`breakdown by ${by}, country_code=NL`, `/api/v1/analytics/breakdown?by=${by}&country_code=NL`]);
    }
    const table: string[] = [];
    for (const [name, url] of cases) {
      const samples: number[] = [];
      for (let i = 0; i < CALLS + 2; i++) {
        let status = 0;
        const ms = await time(async () => {
          status = (await app.inject({ url, headers: { authorization: `Bearer ${main.token}` } })).statusCode;
        });
        if (status !== 200) throw new Error(`${url} answered ${status}`);
        if (i >= 2) samples.push(ms); // two warm-up calls
      }
      const s = stats(samples);
      const ok = s.median < 100 && s.median < full.median / 5 ? 'yes' : 'NO';
      table.push(`| ${name} | ${s.median.toFixed(1)} | ${s.p95.toFixed(1)} | ${ok} |`);
    }
    console.log('| call | median ms | p95 ms | < 100 ms and < full scan / 5 |\n|---|---|---|---|');
    console.log(table.join('\n'));

    // The summary's estimates against the exact answers, counted here in SQL (no statement timeout).
    console.log('\n| summary | metric | estimate | exact | error | exact count ms |\n|---|---|---|---|---|---|');
    const exactSql = (filter: string) => `
      SELECT count(DISTINCT user_id)::int AS end_users,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY avg_response_time) AS p50_response_time,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY avg_response_time) AS p90_response_time
      FROM chats WHERE organization_id = $1 AND created_at >= $2 AND created_at < $3 ${filter}`;
    const yearAgo = new Date(now.getTime() - 365 * DAY);
    for (const [query, filter] of [
      ['', ''],
      ['sentiment=negative', "AND sentiment = 'negative'"],
      ['tags=urgent', "AND tags && ARRAY['urgent']"],
      [`from=${ymd(yearAgo)}`, ''],
    ]) {
      const answer = (await app.inject({ url: `/api/v1/analytics/summary?${query}`, headers: { authorization: `Bearer ${main.token}` } })).json();
      const metrics = answer.metrics;
      let exact: Record<string, number> = {};
      const ms = await time(async () => (exact = (await database.pool.query(exactSql(filter), [main.id, answer.from, answer.to])).rows[0]));
      for (const m of ['end_users', 'p50_response_time', 'p90_response_time']) {
        const [e, x] = [metrics[m].value as number, exact[m]];
        const error = x ? `${(((e - x) / x) * 100).toFixed(2)}%${metrics[m].estimated ? '' : ' (exact)'}` : '-';
        console.log(`| ${query || '30 days'} | ${m} | ${typeof e === 'number' ? Number(e.toPrecision(6)) : e} | ${Number(Number(x).toPrecision(6))} | ${error} | ${ms.toFixed(0)} |`);
      }
    }
    await app.close();
  } finally {
    await database.close();
    await drop();
  }
}

await main();
