// Bounded cost of analytics and explorer reads (issue 11): a plan whose shape does not grow with
// the number of bucket edges, a per-organization limit on concurrent analytics requests (429 with
// Retry-After at the first request past it), and a statement cancelled by statement_timeout
// answered 422 with a sentence (PostgreSQL: PGlite has no timer to cancel a statement with).
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsSlotsOf } from '../src/analytics/routes.js';
import { DEFAULT_COST_LIMITS } from '../src/cost-limits/settings.js';
import { readTimeSharesOf, TimeShares } from '../src/cost-limits/time-share.js';
import { splitRange } from '../src/analytics/plan.js';
import { bucketStarts, sumsStatement, type SumsQuery } from '../src/analytics/repository.js';
import { bearer, createApiKey, createTestApp, NO_RATE_LIMITS, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { backend } from './helpers/database.js';

let t: TestContext;
let org: SignedUp;
let other: SignedUp;

beforeAll(async () => {
  t = await createTestApp({ rateLimit: NO_RATE_LIMITS, costLimits: { analyticsRunningPerOrg: 1, analyticsWaitingPerOrg: 2, analyticsTimeMsPerSecond: DEFAULT_COST_LIMITS.analyticsTimeMsPerSecond, analyticsTimeBurstMs: DEFAULT_COST_LIMITS.analyticsTimeBurstMs } });
  org = await signUp(t.app);
  other = await signUp(t.app);
  const key = (await createApiKey(t.app, org.token)).key;
  for (let i = 0; i < 5; i++) expect((await postChat(t.app, key, { title: `chat ${i}`, metadata: { is_escalated: i % 2 === 0 } })).statusCode).toBe(201);
});
afterAll(() => t.close());

/** Every node of an EXPLAIN (FORMAT JSON) plan, as "Node Type" names. */
function planNodes(plan: any): string[] {
  const out: string[] = [];
  const walk = (node: any) => {
    out.push(node['Node Type']);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan[0].Plan);
  return out;
}

describe('analytics plan cost does not grow with the number of bucket edges', () => {
  // An hourly series in a zone whose offset is not a whole hour cuts every hour in two: each
  // bucket [hh:30, hh+1:30) is read from the chats rows. That was an OR of one predicate pair per
  // bucket (4,000 for 2,000 buckets), planned and tested per row.
  async function hourlyStatement(tz: string, hours: number) {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date(from.getTime() + hours * 3_600_000);
    const db = t.database.db;
    const starts = await bucketStarts(db, 'hour', tz, from, to);
    const pieces = splitRange(from, to, { days: false, cuts: starts });
    const q: SumsQuery = {
      organizationId: org.organization.id,
      filters: { tagsMode: 'all' },
      grouping: { time: { interval: 'hour', tz } },
      rollup: { choice: { dimension: 'all' }, days: pieces.days, hours: pieces.hours, starts },
      raw: pieces.raw,
    };
    const statement = sumsStatement(q)!;
    const { rows } = await db.execute<{ 'QUERY PLAN': unknown }>(sql`EXPLAIN (FORMAT JSON) ${statement}`);
    const plan = rows[0]['QUERY PLAN'];
    return { spans: pieces.raw.length, text: new PgDialect().sqlToQuery(statement).sql, nodes: planNodes(typeof plan === 'string' ? JSON.parse(plan) : plan) };
  }

  for (const tz of ['Asia/Kolkata', 'Asia/Kathmandu']) {
    it(`${tz}: the statement and its plan are the same for 20 and 1,999 hourly buckets`, async () => {
      const few = await hourlyStatement(tz, 20);
      const many = await hourlyStatement(tz, 1999);
      // The case is the attack: one span of chats rows per bucket.
      expect(few.spans).toBeGreaterThanOrEqual(20);
      expect(many.spans).toBeGreaterThanOrEqual(1999);
      expect(many.text).toBe(few.text);
      expect(many.text.match(/ OR /g) ?? []).toEqual([]);
      expect(many.nodes).toEqual(few.nodes);
    });
  }

  it('answers the long Kolkata hourly series with the right totals', async () => {
    // 1,900 hours up to the next whole hour (the bucket limit is 2,000), whatever the date of the run.
    const to = new Date(Math.ceil((Date.now() + 1) / 3_600_000) * 3_600_000);
    const from = new Date(to.getTime() - 1_900 * 3_600_000);
    const res = await t.app.inject({
      url: `/api/v1/analytics/timeseries?interval=hour&tz=Asia/Kolkata&from=${from.toISOString()}&to=${to.toISOString()}`,
      headers: bearer(org.token),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().buckets.reduce((s: number, b: any) => s + b.chats, 0)).toBe(5);
  });
});

describe('concurrent analytics requests per organization', () => {
  const summary = (who: SignedUp) => t.app.inject({ url: '/api/v1/analytics/summary', headers: bearer(who.token) });

  it('lets 1 run and 2 wait, answers the 4th 429 with Retry-After, and leaves other organizations alone', async () => {
    expect((await summary(org)).statusCode).toBe(200); // the zone list is read once, before any slot
    const slots = analyticsSlotsOf(t.app.deps)!;
    let release!: () => void;
    const held = slots.run(org.organization.id, () => new Promise<void>((resolve) => (release = resolve)));
    const waiting = [summary(org), summary(org)];
    while (slots.count(org.organization.id).waiting < 2) await new Promise((r) => setImmediate(r));
    const refused = await summary(org);
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ code: 'too_many_concurrent_requests' });
    expect(refused.json().error).toMatch(/1 analytics requests running and 2 waiting/);
    // Another organization is not counted against this one.
    expect((await summary(other)).statusCode).toBe(200);
    release();
    await held;
    for (const res of await Promise.all(waiting)) expect(res.statusCode).toBe(200);
    expect(slots.count(org.organization.id)).toEqual({ running: 0, waiting: 0 });
    expect((await summary(org)).statusCode).toBe(200);
  });

  it('frees the slot of a request that failed', async () => {
    const slots = analyticsSlotsOf(t.app.deps)!;
    await expect(slots.run(org.organization.id, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(slots.count(org.organization.id)).toEqual({ running: 0, waiting: 0 });
  });
});

describe("one organization's share of analytics and search time", () => {
  it('a request past the share is 429 with Retry-After, the next one within it waits its turn, and other organizations are not charged', async () => {
    const shares = readTimeSharesOf(t.app.deps);
    const summary = (who: SignedUp) => t.app.inject({ url: '/api/v1/analytics/summary', headers: bearer(who.token) });
    // 60 s of read time in debt: at the default 250 ms per second, 4 minutes to pay back.
    shares.charge(org.organization.id, DEFAULT_COST_LIMITS.analyticsTimeBurstMs + 60_000);
    const refused = await summary(org);
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'analytics_time_exceeded' });
    expect(refused.json().error).toMatch(/used its share of this server's analytics and search time \(250 ms per second\); retry in 24\d s/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(239);
    // The explorer's search draws on the same share.
    const search = await t.app.inject({ url: '/api/v1/chats?q=chat', headers: bearer(org.token) });
    expect(search.statusCode, search.body).toBe(429);
    expect(search.json()).toMatchObject({ code: 'analytics_time_exceeded' });
    expect((await t.app.inject({ url: '/api/v1/chats?q=chat', headers: bearer(other.token) })).statusCode).toBe(200);
    expect((await summary(other)).statusCode).toBe(200);
    // Pay most of it back: what is left is a short wait, not a refusal.
    shares.charge(org.organization.id, -(60_000 - 200));
    expect(shares.waitMs(org.organization.id)).toBeGreaterThan(0);
    expect((await summary(org)).statusCode).toBe(200);
    shares.charge(org.organization.id, -shares.balance(org.organization.id) + DEFAULT_COST_LIMITS.analyticsTimeBurstMs);
  });

  it('refills at its rate up to the burst, charges what a request took, and forgets a full bucket', async () => {
    let now = 0;
    const shares = new TimeShares({ msPerSecond: 100, burstMs: 1000, maxWaitMs: 5000 }, () => now);
    expect(shares.balance(1)).toBe(1000);
    await shares.run(1, async () => void (now += 1500)); // took 1.5 s
    expect(shares.balance(1)).toBe(-500);
    expect(shares.waitMs(1)).toBe(5000);
    now += 2000; // +200 ms of refill
    expect(shares.waitMs(1)).toBe(3000);
    now += 100_000;
    expect(shares.balance(1)).toBe(1000); // capped at the burst
    expect(shares.balance(2)).toBe(1000);
    shares.charge(1, 7000);
    await expect(shares.admit(1)).rejects.toMatchObject({ statusCode: 429, headers: { 'retry-after': '60' } });
  });

  it('does not charge the time a request says it spent waiting (for a read ahead of works-council cells)', async () => {
    let now = 0;
    const shares = new TimeShares({ msPerSecond: 100, burstMs: 1000, maxWaitMs: 5000 }, () => now);
    await shares.run(1, async () => void (now += 1500), () => 1200); // 1.2 s of the 1.5 s waiting
    expect(shares.balance(1)).toBe(700);
    await shares.run(1, async () => void (now += 100), () => 5000); // never a credit
    expect(shares.balance(1)).toBe(710); // +10 ms of refill, nothing charged
  });
});

describe.runIf(backend === 'postgres')('statement_timeout on analytics and explorer reads (PostgreSQL)', () => {
  let slow: TestContext;
  let admin: SignedUp;
  beforeAll(async () => {
    slow = await createTestApp({ rateLimit: NO_RATE_LIMITS, costLimits: { readStatementTimeoutMs: 300 } });
    admin = await signUp(slow.app);
  });
  afterAll(() => slow.close());

  // A statement that waits for a lock counts that wait against statement_timeout: holding the
  // tables the reads need makes every read run past the limit, deterministically.
  async function whileLocked(tables: string, work: () => Promise<void>) {
    const client = await slow.database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE ${tables} IN ACCESS EXCLUSIVE MODE`);
      await work();
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  it('answers an analytics request whose statement is cancelled 422 query_too_expensive, with how to narrow it', async () => {
    await slow.app.inject({ url: '/api/v1/analytics/summary', headers: bearer(admin.token) }); // zone list cached
    await whileLocked('chats, chat_rollups, chat_daily_rollups', async () => {
      const res = await slow.app.inject({ url: '/api/v1/analytics/summary', headers: bearer(admin.token) });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('query_too_expensive');
      expect(res.json().error).toMatch(/too expensive.*cancelled.*Narrow it \(a shorter range/);
    });
  });

  it('answers an explorer search whose statement is cancelled 422, never 500', async () => {
    await whileLocked('chats', async () => {
      const res = await slow.app.inject({ url: '/api/v1/chats?q=leave&include_total=true', headers: bearer(admin.token) });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'query_too_expensive' });
    });
  });

  it('answers a synchronous export whose first read is cancelled 422', async () => {
    await whileLocked('chats', async () => {
      const res = await slow.app.inject({ method: 'POST', url: '/api/v1/exports/sync', headers: bearer(admin.token), payload: { format: 'csv', type: 'chats' } });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'query_too_expensive' });
    });
  });
});
