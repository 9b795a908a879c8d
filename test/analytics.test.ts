// Analytics against the same numbers computed independently, in JavaScript, from the raw rows:
// random chats (several organizations, missing fields, messages, updates and deletes), random
// ranges, time zones and filters, from a seeded generator so that a failure can be replayed.
import { DateTime } from 'luxon';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsDb } from '../src/analytics/connection.js';
import { foldAll } from '../src/analytics/fold/fold.js';
import { RollupFolder } from '../src/analytics/fold/worker.js';
import { METRIC_NAMES } from '../src/analytics/metrics.js';
import { bearer, createApiKey, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { expectClose, reference as referenceOver } from './helpers/analytics-oracle.js';
import { DAY, int, NOW, pick, rand, randomWrite, SEED, seedAnalytics, storedRows, type Row, BOT_VERSIONS, CATEGORIES, COUNTRIES, LANGUAGES, SENTIMENTS, TAGS, ZONES } from './helpers/analytics-data.js';

let t: TestContext;
let org: SignedUp;
let rows: Row[] = [];
let messageCounts = new Map<number, number>();

beforeAll(async () => {
  // No background fold: the first pass reads every change still pending, the second after foldAll.
  ({ t, org, rows, messageCounts } = await seedAnalytics({ rollupFold: false }));
}, 240_000);
afterAll(() => t.close());

// ---- the reference: metrics straight from the rows --------------------------------------------

interface Filters {
  [param: string]: string;
}

function matches(r: Row, f: Filters): boolean {
  const list = (p: string) => f[p].split(',');
  if (f.sentiment && !list('sentiment').includes(r.sentiment ?? '\u0000')) return false;
  if (f.bot_version && !list('bot_version').includes(r.bot_version ?? '\u0000')) return false;
  if (f.country_code && !list('country_code').includes(r.country_code ?? '\u0000')) return false;
  if (f.question_category && !list('question_category').includes(r.question_category ?? '\u0000')) return false;
  if (f.tags) {
    const wanted = list('tags');
    const ok = f.tags_mode === 'any' ? wanted.some((x) => r.tags.includes(x)) : wanted.every((x) => r.tags.includes(x));
    if (!ok) return false;
  }
  if (f.language_code && !list('language_code').includes(r.language_code ?? '\u0000')) return false;
  if (f.is_escalated && String(r.is_escalated) !== f.is_escalated) return false;
  if (f.is_forwarded_to_hr && String(r.is_forwarded_to_hr) !== f.is_forwarded_to_hr) return false;
  if (f.rating_min && !(r.user_rating !== null && r.user_rating >= Number(f.rating_min))) return false;
  if (f.has_rating && (r.user_rating !== null) !== (f.has_rating === 'true')) return false;
  if (f.user_id && r.user_id !== Number(f.user_id)) return false;
  return true;
}

const reference = (chats: Row[]) => referenceOver(chats, messageCounts);

// ---- random requests ------------------------------------------------------------------------

function randomRange(tz: string, maxDays = 60): { from: DateTime; to: DateTime; query: Filters } {
  const end = DateTime.fromMillis(NOW - Math.floor(rand() * 10 * DAY), { zone: tz });
  const days = 1 + Math.floor(rand() * maxDays);
  if (rand() < 0.4) {
    // Calendar dates: midnight in tz.
    const toDate = end.startOf('day');
    const fromDate = toDate.minus({ days });
    return { from: fromDate, to: toDate, query: { from: fromDate.toISODate()!, to: toDate.toISODate()! } };
  }
  // Instants at odd minutes, so that ranges cut through rollup hours.
  const to = end.set({ minute: int(0, 59), second: int(0, 59), millisecond: 0 });
  const from = to.minus({ days, minutes: int(0, 59) });
  return { from, to, query: { from: from.toUTC().toISO()!, to: to.toISO()! } };
}

function randomFilters(): Filters {
  const options: (() => Filters)[] = [
    () => ({ sentiment: pick(SENTIMENTS) }),
    () => ({ sentiment: `${SENTIMENTS[0]},${SENTIMENTS[2]}` }),
    () => ({ country_code: pick(COUNTRIES) }),
    () => ({ bot_version: pick(BOT_VERSIONS) }),
    () => ({ question_category: pick(CATEGORIES) }),
    () => ({ tags: pick(TAGS) }),
    () => ({ tags: `${pick(TAGS)},${pick(TAGS)}`, tags_mode: pick(['all', 'any']) }),
    () => ({ is_escalated: pick(['true', 'false']) }),
    () => ({ rating_min: String(int(1, 5)) }),
    () => ({ has_rating: pick(['true', 'false']) }),
    () => ({ user_id: String(int(1, 40)) }),
  ];
  const n = pick([0, 0, 1, 1, 2]);
  const filters: Filters = Object.assign({}, ...Array.from({ length: n }, () => pick(options)()));
  // The API refuses has_rating=false together with a rating bound (a 400 tested elsewhere).
  if (filters.has_rating === 'false') delete filters.rating_min;
  return filters;
}

async function get(path: string, query: Filters) {
  const res = await t.app.inject({ url: `${path}?${new URLSearchParams(query)}`, headers: bearer(org.token) });
  expect(res.statusCode, `${path}?${new URLSearchParams(query)} → ${res.body}`).toBe(200);
  return res.json();
}

const inRange = (r: Row, from: DateTime, to: DateTime) => r.created_at.getTime() >= from.toMillis() && r.created_at.getTime() < to.toMillis();
const ALL_METRICS = 'chats,end_users,messages,escalation_rate,hr_forwarding_rate,avg_response_time,p50_response_time,p90_response_time,avg_rating,rated_chats,csat,total_tokens,avg_tokens';

it('the oracle computes every metric of the API, and the tests ask for all of them', () => {
  expect(Object.keys(reference([])).sort()).toEqual([...METRIC_NAMES].sort());
  expect(ALL_METRICS.split(',').sort()).toEqual([...METRIC_NAMES].sort());
});

// Twice: with every write's rollup changes still pending (chat_rollup_pending, what a read right
// after the 201 sees), then folded into the rollup tables (src/analytics/fold).
// A third time while the fold runs every few milliseconds and other organizations' chats stream in,
// with one random write (a chat, a message, an update, a delete) to the checked organization right
// before each check: every answer must count it, folded or not.
describe.each([
  { phase: 'changes pending', fold: false, concurrent: false },
  { phase: 'changes folded into the rollups', fold: true, concurrent: false },
  { phase: 'a write before each check, while others ingest and the fold runs', fold: false, concurrent: true },
])(`analytics match the raw rows (seed ${SEED}), $phase`, ({ fold, concurrent }) => {
  let folder: RollupFolder | undefined;
  let ingesting = false;
  let background: Promise<number[]> = Promise.resolve([]);
  let key = '';
  const ids: number[] = [];
  beforeAll(async () => {
    const { rows: [pending] } = await t.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM chat_rollup_pending');
    if (fold) await foldAll(t.database.pool);
    const { rows: [left] } = await t.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM chat_rollup_pending');
    if (!concurrent) {
      expect(pending.n).toBeGreaterThan(0);
      expect(left.n).toBe(fold ? 0 : pending.n);
    } else {
      key = (await createApiKey(t.app, org.token)).key;
      ids.push(...rows.map((r) => Number(r.id)));
      folder = new RollupFolder(t.database, t.app.log, { intervalMs: 2, batchSize: 50 });
      folder.start();
      const other = await signUp(t.app);
      const otherKey = (await createApiKey(t.app, other.token)).key;
      ingesting = true;
      background = Promise.all(Array.from({ length: 3 }, async () => {
        let stored = 0;
        while (ingesting) {
          const res = await postChat(t.app, otherKey, { title: 'elsewhere', tags: [pick(TAGS)], metadata: { sentiment: pick(SENTIMENTS), country_code: pick(COUNTRIES) } });
          if (res.statusCode === 201) stored++;
        }
        return stored;
      }));
    }
  });
  afterAll(async () => {
    if (!folder) return;
    ingesting = false;
    const stored = await background;
    await folder!.stop();
    // The checks did run beside ingest and folds.
    expect(stored.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(folder!.folded).toBeGreaterThan(0);
  });
  /** Before each check of the concurrent pass: one write, and the oracle's rows read again. */
  async function step() {
    if (!concurrent) return;
    await randomWrite(t, org, key, ids);
    ({ rows, messageCounts } = await storedRows(t, org.organization.id));
  }

  it('summary: every metric, for the range and the previous range, with the change', async () => {
    for (let i = 0; i < 25; i++) {
      await step();
      const tz = pick(ZONES);
      const { from, to, query } = randomRange(tz);
      const filters = randomFilters();
      const body = await get('/api/v1/analytics/summary', { ...query, ...filters, tz });
      const length = to.toMillis() - from.toMillis();
      const prevFrom = DateTime.fromMillis(from.toMillis() - length);
      const current = reference(rows.filter((r) => inRange(r, from, to) && matches(r, filters)));
      const previous = reference(rows.filter((r) => inRange(r, prevFrom, from) && matches(r, filters)));
      const context = JSON.stringify({ query, filters, tz });
      expect(DateTime.fromISO(body.from).toMillis(), context).toBe(from.toMillis());
      expect(DateTime.fromISO(body.previous_from).toMillis(), context).toBe(prevFrom.toMillis());
      // Every metric, none skipped: the summary's set is the oracle's (and METRIC_NAMES).
      const metrics = body.metrics as Record<string, { value: number | null; previous: number | null; change: number | null }>;
      const pick3 = (k: 'value' | 'previous' | 'change') => Object.fromEntries(Object.entries(metrics).map(([name, m]) => [name, m[k]]));
      const change = Object.fromEntries(
        Object.keys(current).map((name) => {
          const [c, p] = [current[name], previous[name]];
          return [name, c === null || p === null || p === 0 ? null : (c - p) / p];
        }),
      );
      expectClose(pick3('value'), current, `${context} value`);
      expectClose(pick3('previous'), previous, `${context} previous`);
      expectClose(pick3('change'), change, `${context} change`);
    }
  });

  it('timeseries: gap-filled buckets in the zone, daylight-saving changes included', async () => {
    for (let i = 0; i < 25; i++) {
      await step();
      const tz = pick(ZONES);
      const interval = pick(['hour', 'day', 'day', 'week', 'month'] as const);
      const { from, to, query } = randomRange(tz, interval === 'hour' ? 3 : 60);
      const filters = randomFilters();
      const body = await get('/api/v1/analytics/timeseries', { ...query, ...filters, tz, interval, metrics: ALL_METRICS });
      const want: { start: DateTime; chats: Row[] }[] = [];
      for (let b = from.setZone(tz).startOf(interval); b < to; b = b.plus({ [`${interval}s`]: 1 })) want.push({ start: b, chats: [] });
      for (const r of rows.filter((r) => inRange(r, from, to) && matches(r, filters))) {
        const start = DateTime.fromJSDate(r.created_at, { zone: tz }).startOf(interval).toMillis();
        want.find((w) => w.start.toMillis() === start)!.chats.push(r);
      }
      const context = JSON.stringify({ query, filters, tz, interval });
      expect(body.buckets.map((b: { start: string }) => DateTime.fromISO(b.start).toMillis()), context).toEqual(want.map((w) => w.start.toMillis()));
      for (const [k, bucket] of body.buckets.entries()) {
        expect(bucket.start, context).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
        expect(DateTime.fromISO(bucket.start, { setZone: true }).offset, context).toBe(want[k].start.offset);
        expectClose(bucket, reference(want[k].chats), `${context} bucket ${bucket.start}`, ['start', 'suppressed']);
      }
    }
  });

  it('breakdown: top groups by chats, the rest as other, and unknown', async () => {
    for (let i = 0; i < 32; i++) {
      await step();
      const tz = pick(ZONES);
      await expectBreakdown(DIMENSIONS[i % DIMENSIONS.length], tz, randomRange(tz), randomFilters(), int(1, 4));
    }
  });

  it('breakdown by each field filtered on each other field (the pair rollups, both ways round)', async () => {
    const filters: Filters[] = [
      { country_code: pick(COUNTRIES) }, { country_code: `${COUNTRIES[0]},${COUNTRIES[1]}` }, { language_code: pick(LANGUAGES) },
      { question_category: pick(CATEGORIES) }, { sentiment: pick(SENTIMENTS) }, { is_escalated: pick(['true', 'false']) },
      { is_forwarded_to_hr: pick(['true', 'false']) }, { rating_min: '4' }, { has_rating: 'false' }, { tags: pick(TAGS) },
    ];
    for (const by of DIMENSIONS) {
      for (const f of filters) {
        await step();
        const tz = pick(ZONES);
        await expectBreakdown(by, tz, randomRange(tz), f, int(1, 4));
      }
    }
  });
});

const DIMENSIONS = ['bot_version', 'question_category', 'sentiment', 'country_code', 'language_code', 'tag', 'user_rating', 'is_escalated', 'is_forwarded_to_hr'] as const;

/** One breakdown call against the groups, other and unknown computed from the rows. */
async function expectBreakdown(by: (typeof DIMENSIONS)[number], tz: string, range: ReturnType<typeof randomRange>, filters: Filters, limit: number) {
  const { from, to, query } = range;
  const body = await get('/api/v1/analytics/breakdown', { ...query, ...filters, tz, by, limit: String(limit), metrics: ALL_METRICS });
  const selected = rows.filter((r) => inRange(r, from, to) && matches(r, filters));
  const groups = new Map<string, Row[]>();
  const unknown: Row[] = [];
  for (const r of selected) {
    const values = by === 'tag' ? r.tags : [r[by as keyof Row]];
    if (values.length === 0 || values[0] === null) unknown.push(r);
    else for (const v of values) groups.set(String(v), [...(groups.get(String(v)) ?? []), r]);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const context = JSON.stringify({ query, filters, tz, by, limit });
  expect(body.groups.map((g: { key: unknown }) => String(g.key)), context).toEqual(ordered.slice(0, limit).map(([k]) => k));
  for (const [k, g] of body.groups.entries()) expectClose(g, reference(ordered[k][1]), `${context} group ${g.key}`, ['key', 'suppressed']);
  const rest = ordered.slice(limit).flatMap(([, rs]) => rs);
  if (ordered.length > limit) expectClose(body.other, reference(rest), `${context} other`, ['suppressed']);
  else expect(body.other, context).toBeNull();
  if (unknown.length) expectClose(body.unknown, reference(unknown), `${context} unknown`, ['suppressed']);
  else expect(body.unknown, context).toBeNull();
}

describe('analytics parameters', () => {
  it.each([
    ['/api/v1/analytics/summary', 'tz=Mars/Olympus', 'tz'],
    ['/api/v1/analytics/summary', 'from=2026-02-01&to=2026-01-01', 'from'],
    ['/api/v1/analytics/summary', 'from=last-week', 'from'],
    ['/api/v1/analytics/summary', 'sentiment=', 'sentiment'],
    ['/api/v1/analytics/timeseries', 'interval=fortnight', 'interval'],
    ['/api/v1/analytics/timeseries', 'metrics=chats,happiness', 'metrics'],
    ['/api/v1/analytics/timeseries', 'interval=hour&from=2025-01-01&to=2026-01-01', 'interval'],
    ['/api/v1/analytics/breakdown', 'metrics=chats', 'by'],
    ['/api/v1/analytics/breakdown', 'by=colour', 'by'],
    ['/api/v1/analytics/breakdown', 'by=tag&limit=0', 'limit'],
    ['/api/v1/analytics/breakdown', 'by=tag&limit=101', 'limit'],
    ['/api/v1/analytics/summary', 'rating_min=7', 'rating_min'],
  ])('%s?%s → 400 naming %s', async (path, query, param) => {
    const res = await t.app.inject({ url: `${path}?${query}`, headers: bearer(org.token) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toContain(param);
  });

  it('a metric with no data is null, counts are 0, and change is null against nothing', async () => {
    const body = await get('/api/v1/analytics/summary', { from: '2001-01-01', to: '2001-02-01' });
    expect(body.metrics.chats).toEqual({ value: 0, previous: 0, change: null, estimated: false });
    expect(body.metrics.escalation_rate).toEqual({ value: null, previous: null, change: null, estimated: false });
    expect(body.metrics.end_users).toEqual({ value: 0, previous: 0, change: null, estimated: false });
    expect(body.metrics.total_tokens.value).toBeNull();
  });

  it('defaults to the last 30 days in UTC', async () => {
    const body = await get('/api/v1/analytics/summary', {});
    const span = DateTime.fromISO(body.to).toMillis() - DateTime.fromISO(body.from).toMillis();
    expect(span).toBe(30 * DAY);
    expect(body.to).toMatch(/\+00:00$/);
  });

  it("another organization's analytics never include these chats", async () => {
    const fresh = await signUp(t.app);
    const res = await t.app.inject({ url: '/api/v1/analytics/summary', headers: bearer(fresh.token) });
    expect(res.json().metrics.chats.value).toBe(0);
  });

  it('reads on connections that start no parallel workers (PostgreSQL; PGlite shares its one connection)', async () => {
    const db = analyticsDb(t.app.deps);
    if (t.database.kind === 'pglite') expect(db).toBe(t.app.deps.db);
    else expect((await db.execute(sql`SHOW max_parallel_workers_per_gather`)).rows).toEqual([{ max_parallel_workers_per_gather: '0' }]);
  });

  it('needs a login', async () => {
    expect((await t.app.inject({ url: '/api/v1/analytics/summary' })).statusCode).toBe(401);
  });
});
