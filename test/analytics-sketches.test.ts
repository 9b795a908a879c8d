// The summary at scale (src/analytics/sketches): above ANALYTICS_EXACT_MAX_CHATS the summary
// estimates distinct end users (HyperLogLog) and the response-time percentiles (log histogram)
// from per-day sketches. Here the thresholds are lowered so that 30,000 chats take that path, and
// every estimate is held against the exact answer of the oracle (test/helpers/analytics-oracle.ts):
// end users within 4 standard errors (4.6%), percentiles within 1%, every sum exact, also right
// after writes that change a day already sketched (user ids, response times, deletes), before
// and after its rebuild.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldAll } from '../src/analytics/fold/fold.js';
import { staleDays } from '../src/analytics/sketches/build.js';
import { HLL_STANDARD_ERROR } from '../src/analytics/sketches/hll.js';
import { RELATIVE_ACCURACY } from '../src/analytics/sketches/histogram.js';
import { type Row, storedRows } from './helpers/analytics-data.js';
import { reference } from './helpers/analytics-oracle.js';
import { createTestApp, NO_RATE_LIMITS, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { backend } from './helpers/database.js';

const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
// From 06:00 four days ago: the range starts with a partial day, whose 18 whole hours come from the
// hour sketches (unfiltered) whatever the time of day the test runs at.
const FROM = new Date(today - 4 * DAY + 6 * 3_600_000).toISOString();
const TO = new Date(today + DAY).toISOString();

let t: TestContext;
let org: SignedUp;
let other: SignedUp;

/**
 * `n` chats over the last four UTC days and today (before now), from `users` end users, with
 * varied sentiments, tags, response times (some 0, some missing) and anonymous chats.
 */
async function insertChats(organizationId: number, n: number, users: number, salt: number) {
  await t.database.pool.query(
    `INSERT INTO chats (organization_id, user_id, title, tags, sentiment, avg_response_time, created_at)
     SELECT $1, CASE WHEN g % 11 = 0 THEN NULL ELSE 1 + (g * 7919 + $4) % $3 END, 't',
       CASE WHEN g % 4 = 0 THEN ARRAY['urgent'] WHEN g % 4 = 1 THEN ARRAY['urgent', 'pto'] ELSE '{}' END,
       (ARRAY['positive', 'neutral', 'negative'])[1 + g % 3],
       CASE WHEN g % 13 = 0 THEN NULL WHEN g % 97 = 0 THEN 0 ELSE exp(0.6 + 0.8 * sin(g * 1.37 + $4)) END,
       to_timestamp(${today / 1000} - 4 * 86400 + ((g::bigint * 104729) % (4 * 86400 + least(86399, extract(epoch FROM now())::bigint - ${today / 1000} - 1))))
     FROM generate_series(1, $2::int) g`,
    [organizationId, n, users, salt],
  );
}

async function summary(query = '') {
  const res = await t.app.inject({
    url: `/api/v1/analytics/summary?from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}${query}`,
    headers: { authorization: `Bearer ${org.token}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().metrics as Record<string, { value: number | null; estimated: boolean }>;
}

/** The summary against the oracle over the stored rows that `keep` selects. */
async function expectEstimatesClose(query: string, keep: (r: Row) => boolean, estimated = true) {
  await foldAll(t.database.pool);
  const { rows, messageCounts } = await storedRows(t, org.organization.id);
  const inRange = rows.filter((r) => r.created_at >= new Date(FROM) && r.created_at < new Date(TO) && keep(r));
  const want = reference(inRange, messageCounts);
  const got = await summary(query);
  for (const [name, exact] of Object.entries(want)) {
    const { value, estimated: isEstimate } = got[name];
    const context = `${query || 'unfiltered'} ${name}: got ${value}, exact ${exact}`;
    if (name === 'end_users') {
      expect(isEstimate, context).toBe(estimated);
      expect(Math.abs(value! - exact!), context).toBeLessThanOrEqual(estimated ? 4 * HLL_STANDARD_ERROR * exact! : 0);
    } else if (name === 'p50_response_time' || name === 'p90_response_time') {
      expect(isEstimate, context).toBe(estimated);
      expect(Math.abs(value! - exact!), context).toBeLessThanOrEqual((estimated ? RELATIVE_ACCURACY : 1e-9) * exact!);
    } else {
      expect(isEstimate, context).toBe(false);
      if (exact === null) expect(value, context).toBeNull();
      else expect(Math.abs(value! - exact), context).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)));
    }
  }
  return got;
}

const isNegative = (r: Row) => r.sentiment === 'negative';
const hasUrgent = (r: Row) => r.tags.includes('urgent');

describe(`the summary's sketches (${backend})`, () => {
  beforeAll(async () => {
    // The builder is driven by the test (runOnce); a long interval keeps the background one idle.
    t = await createTestApp({ rateLimit: NO_RATE_LIMITS, rollupFold: false, sketches: { minDayChats: 100, exactMaxChats: 1_000, intervalMs: 3_600_000, rebuildAfterMs: 0 } });
    org = await signUp(t.app);
    other = await signUp(t.app);
    await insertChats(org.organization.id, 30_000, 20_000, 0);
    // Another organization with chats on the same days and overlapping user ids: never counted.
    await insertChats(other.organization.id, 5_000, 40_000, 17);
    await foldAll(t.database.pool);
  });
  afterAll(() => t?.close());

  it('before any day is sketched, the summary is exact', async () => {
    await expectEstimatesClose('', () => true, false);
  });

  it('sketches the ended days and hours of both organizations, not today nor the current hour', async () => {
    // Every ended hour with at least 100 / 24 chats, counted from the chats rows.
    const { rows: hours } = await t.database.pool.query(
      `SELECT count(*)::int AS n FROM (SELECT organization_id, date_trunc('hour', created_at, 'UTC') FROM chats
       WHERE created_at < date_trunc('hour', now(), 'UTC') GROUP BY 1, 2 HAVING count(*) >= 5) h`,
    );
    expect(await t.app.sketchBuilder.runOnce()).toEqual({ days: 8, hours: hours[0].n });
    const { rows } = await t.database.pool.query('SELECT organization_id, day FROM chat_day_sketch_builds ORDER BY 1, 2');
    expect(rows.map((r) => r.day.getTime())).toEqual([1, 2, 3, 4, 1, 2, 3, 4].map((d) => today - (5 - d) * DAY));
    // Nothing changed since: nothing to build.
    expect(await t.app.sketchBuilder.runOnce()).toEqual({ days: 0, hours: 0 });
  });

  it('estimates end users and percentiles within their bounds, unfiltered and filtered by one field', async () => {
    await expectEstimatesClose('', () => true);
    await expectEstimatesClose('&sentiment=negative', isNegative);
    await expectEstimatesClose('&tags=urgent', hasUrgent);
    await expectEstimatesClose('&sentiment=negative,neutral', (r) => r.sentiment !== 'positive');
  });

  it('several filtered fields, or one that no cell answers, are counted exactly', async () => {
    await expectEstimatesClose('&sentiment=negative&tags=urgent', (r) => isNegative(r) && hasUrgent(r), false);
    await expectEstimatesClose(`&user_id=${5}`, (r) => Number(r.user_id) === 5, false);
  });

  it('a day changed after its build is read from the chats rows until rebuilt: user ids, response times, deletes', async () => {
    const day = new Date(today - 2 * DAY);
    const next = new Date(today - DAY);
    // One end user for every chat of the day: the day's sketch, if still used, would count thousands.
    await t.database.pool.query('UPDATE chats SET user_id = 424242 WHERE organization_id = $1 AND created_at >= $2 AND created_at < $3', [org.organization.id, day, next]);
    // Much slower answers on another day (no sum of the rollups moves differently for a user id).
    await t.database.pool.query('UPDATE chats SET avg_response_time = avg_response_time * 50 WHERE organization_id = $1 AND created_at >= $2 AND created_at < $3', [
      org.organization.id,
      new Date(today - 3 * DAY),
      new Date(today - 2 * DAY),
    ]);
    // Pending (not folded) and then folded: both are seen.
    const before = await summary();
    await expectEstimatesClose('', () => true);
    expect(before.end_users.value).toBe((await summary()).end_users.value);
    await t.database.pool.query('DELETE FROM chats WHERE organization_id = $1 AND created_at >= $2 AND created_at < $3 AND user_id % 3 = 0', [
      org.organization.id,
      new Date(today - 4 * DAY),
      new Date(today - 3 * DAY),
    ]);
    await expectEstimatesClose('', () => true);
    await expectEstimatesClose('&sentiment=negative', isNegative);
    // The builder rebuilds exactly the three changed days and their hours, and the answers stay within bounds.
    expect(await t.app.sketchBuilder.runOnce()).toEqual({ days: 3, hours: 72 });
    await expectEstimatesClose('', () => true);
    await expectEstimatesClose('&tags=urgent', hasUrgent);
  });

  it('the whole hours at the start of the range come from hour sketches, and a changed hour from the chats rows', async () => {
    const start = new Date(FROM);
    const { rows: before } = await t.database.pool.query(
      `SELECT count(*)::int AS n FROM chat_hour_sketches WHERE organization_id = $1 AND hour >= $2 AND hour < $3`,
      [org.organization.id, start, new Date(today - 3 * DAY)],
    );
    expect(before[0].n).toBe(18);
    // Six of those hours become fifty times slower: a stale hour sketch would leave p90 where it was.
    await t.database.pool.query('UPDATE chats SET avg_response_time = avg_response_time * 50 WHERE organization_id = $1 AND created_at >= $2 AND created_at < $3', [
      org.organization.id,
      start,
      new Date(start.getTime() + 6 * 3_600_000),
    ]);
    await expectEstimatesClose('', () => true);
    expect((await t.app.sketchBuilder.runOnce()).hours).toBe(6);
    await expectEstimatesClose('', () => true);
  });

  it('a user_id changed through the API moves the day too', async () => {
    const { rows } = await t.database.pool.query('SELECT id FROM chats WHERE organization_id = $1 AND created_at < $2 ORDER BY id LIMIT 1', [
      org.organization.id,
      new Date(today - DAY),
    ]);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/chats/${rows[0].id}`,
      headers: { authorization: `Bearer ${org.token}` },
      payload: { user_id: 999_999_999 },
    });
    expect(res.statusCode, res.body).toBe(200);
    await expectEstimatesClose('', () => true);
    // A day rebuilt moments ago waits for rebuildAfterMs (read from the chats rows meanwhile).
    expect(await staleDays(t.database.pool, { minDayChats: 100, rebuildAfterMs: 3_600_000 }, 10)).toEqual([]);
    expect(await staleDays(t.database.pool, { minDayChats: 100, rebuildAfterMs: 0 }, 10)).toHaveLength(1);
    expect(await t.app.sketchBuilder.runOnce()).toEqual({ days: 1, hours: 1 });
  });

  it('a day that falls below the minimum loses its sketches', async () => {
    await t.database.pool.query('DELETE FROM chats WHERE organization_id = $1 AND created_at >= $2 AND created_at < $3', [org.organization.id, new Date(today - DAY), new Date(today)]);
    await foldAll(t.database.pool);
    expect(await t.app.sketchBuilder.runOnce()).toEqual({ days: 1, hours: 24 });
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM chat_day_sketches WHERE organization_id = $1 AND day = $2', [
      org.organization.id,
      new Date(today - DAY),
    ]);
    expect(rows[0].n).toBe(0);
    await expectEstimatesClose('', () => true);
  });
});
