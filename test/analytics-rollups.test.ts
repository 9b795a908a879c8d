// The rollup tables against the sums recomputed from the chats rows, after random inserts,
// messages, updates and deletes; and how a range is cut into what each table answers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dimension } from '../src/analytics/params.js';
import { PAIR_DIMENSIONS, splitRange } from '../src/analytics/plan.js';
import { foldAll } from '../src/analytics/fold/fold.js';
import { MIGRATIONS_FOLDER } from '../src/db/migrate.js';
import { DAY, seedAnalytics, type AnalyticsData, type Row } from './helpers/analytics-data.js';
import { apiKeyHeaders, bearer, createApiKey, postChat } from './helpers/app.js';

let data: AnalyticsData;
beforeAll(async () => {
  data = await seedAnalytics({ rollupFold: false });
  // The seed's inserts, messages, updates and deletes, folded into the rollup tables.
  await foldAll(data.t.database.pool);
}, 240_000);
afterAll(() => data.t.close());

type RollupSums = Record<'chats' | 'messages' | 'escalation_known' | 'escalated' | 'hr_known' | 'hr_forwarded' | 'response_time_count' | 'rated' | 'rating_sum' | 'satisfied' | 'token_count_count' | 'token_sum', number>;

/** Every rollup row of the organization, keyed by `key(row)`, against the sums of the chats `keysOf` each chat into. */
async function expectRollupsExact(query: string, key: (r: Record<string, unknown>) => string, keysOf: (r: Row) => string[]) {
  const { rows: rollups } = await data.t.database.pool.query(query, [data.org.organization.id]);
  const want = new Map<string, RollupSums>();
  const wantResponseTime = new Map<string, number>();
  for (const r of data.rows) {
    for (const k of keysOf(r)) {
      const w = want.get(k) ?? { chats: 0, messages: 0, escalation_known: 0, escalated: 0, hr_known: 0, hr_forwarded: 0, response_time_count: 0, rated: 0, rating_sum: 0, satisfied: 0, token_count_count: 0, token_sum: 0 };
      w.chats += 1;
      w.messages += data.messageCounts.get(Number(r.id)) ?? 0;
      w.escalation_known += r.is_escalated !== null ? 1 : 0;
      w.escalated += r.is_escalated ? 1 : 0;
      w.hr_known += r.is_forwarded_to_hr !== null ? 1 : 0;
      w.hr_forwarded += r.is_forwarded_to_hr ? 1 : 0;
      w.response_time_count += r.avg_response_time !== null ? 1 : 0;
      w.rated += r.user_rating !== null ? 1 : 0;
      w.rating_sum += r.user_rating ?? 0;
      w.satisfied += (r.user_rating ?? 0) >= 4 ? 1 : 0;
      w.token_count_count += r.token_count !== null ? 1 : 0;
      w.token_sum += r.token_count ?? 0;
      want.set(k, w);
      wantResponseTime.set(k, (wantResponseTime.get(k) ?? 0) + (r.avg_response_time ?? 0));
    }
  }
  const got = new Map<string, RollupSums>();
  for (const r of rollups) {
    const k = key(r);
    const sums = Object.fromEntries(
      ['chats', 'messages', 'escalation_known', 'escalated', 'hr_known', 'hr_forwarded', 'response_time_count', 'rated', 'rating_sum', 'satisfied', 'token_count_count', 'token_sum'].map((c) => [c, Number(r[c])]),
    ) as RollupSums;
    got.set(k, sums);
    // A float sum depends on the order of its terms: equal up to rounding.
    const rt = Number(r.response_time_sum);
    expect(Math.abs(rt - (wantResponseTime.get(k) ?? 0)), k).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(rt)));
  }
  expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
}

const SUMS_SQL = `chats, messages, escalation_known, escalated, hr_known, hr_forwarded, response_time_count, response_time_sum,
  rated, rating_sum, satisfied, token_count_count, token_sum::float8 AS token_sum`;

/** A chat's value of each dimension but 'all' (tag: one entry per tag, or null when it has none). */
function dimensionValues(r: Row): [string, string | null][] {
  return [
    ['bot_version', r.bot_version], ['question_category', r.question_category], ['sentiment', r.sentiment], ['country_code', r.country_code],
    ['language_code', r.language_code], ['user_rating', r.user_rating === null ? null : String(r.user_rating)],
    ['is_escalated', r.is_escalated === null ? null : String(r.is_escalated)], ['is_forwarded_to_hr', r.is_forwarded_to_hr === null ? null : String(r.is_forwarded_to_hr)],
    ...(r.tags.length ? r.tags.map((tag) => ['tag', tag] as [string, string]) : [['tag', null] as [string, null]]),
  ];
}

/** chat_daily_pair_rollups against the sums of the rows per day and pair of field values. */
async function expectPairRollupsExact() {
  await expectRollupsExact(
    `SELECT dimension_a, value_a, dimension_b, value_b, bucket, ${SUMS_SQL} FROM chat_daily_pair_rollups WHERE organization_id = $1 AND (chats <> 0 OR messages <> 0)`,
    (r) => `${r.dimension_a}|${r.value_a}|${r.dimension_b}|${r.value_b}|${(r.bucket as Date).getTime()}`,
    (r) => {
      const bucket = Math.floor(r.created_at.getTime() / DAY) * DAY;
      const values = dimensionValues(r);
      const keys: string[] = [];
      // Every two fields, in the stored order; a chat's tags pair with each other field, not with each other.
      for (const [a, va] of values) {
        for (const [b, vb] of values) {
          if (PAIR_DIMENSIONS.indexOf(a as Dimension) < PAIR_DIMENSIONS.indexOf(b as Dimension)) keys.push(`${a}|${va}|${b}|${vb}|${bucket}`);
        }
      }
      // Eight fields: 28 pairs of them, and each with every tag.
      expect(keys.length).toBe(28 + 8 * Math.max(1, r.tags.length));
      return keys;
    },
  );
}

describe('rollups stay exact', () => {
  it.each([
    ['chat_rollups', 3_600_000],
    ['chat_daily_rollups', DAY],
  ])('%s equal the sums recomputed from the chats rows, per bucket and value', async (table, bucketMs) => {
    await expectRollupsExact(
      `SELECT dimension, value, bucket, ${SUMS_SQL} FROM ${table} WHERE organization_id = $1 AND (chats <> 0 OR messages <> 0)`,
      (r) => `${r.dimension}|${r.value}|${(r.bucket as Date).getTime()}`,
      (r) => {
        const bucket = Math.floor(r.created_at.getTime() / bucketMs) * bucketMs;
        return [['all', null] as [string, null], ...dimensionValues(r)].map(([dimension, value]) => `${dimension}|${value}|${bucket}`);
      },
    );
  });

  it('chat_daily_pair_rollups equal the sums recomputed per day and pair of field values', async () => {
    await expectPairRollupsExact();
  });

  it("migration 0007's backfill of the pair rows, run on the stored chats, writes the same rows", async () => {
    const migration = fs.readFileSync(path.join(MIGRATIONS_FOLDER, '0007_analytics_pair_rollups.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').find((part) => part.includes('-- The pair rows of the chats already stored'));
    expect(backfill).toBeDefined();
    await data.t.database.pool.query('DELETE FROM chat_daily_pair_rollups');
    await data.t.database.pool.query(backfill!);
    await expectPairRollupsExact();
  });
});

describe('the write path leaves the rollup rows alone', () => {
  /** Every rollup row of the organization, and its pending rows. */
  async function snapshot() {
    const q = (sql: string) => data.t.database.pool.query(sql, [data.org.organization.id]).then((r) => r.rows);
    return {
      rollups: [
        ...(await q(`SELECT 'h' AS t, * FROM chat_rollups WHERE organization_id = $1 ORDER BY dimension, bucket, value`)),
        ...(await q(`SELECT 'd' AS t, * FROM chat_daily_rollups WHERE organization_id = $1 ORDER BY dimension, bucket, value`)),
        ...(await q(`SELECT * FROM chat_daily_pair_rollups WHERE organization_id = $1 ORDER BY dimension_a, dimension_b, bucket, value_a, value_b`)),
      ],
      pending: await q('SELECT * FROM chat_rollup_pending WHERE organization_id = $1 ORDER BY ctid'),
    };
  }

  it('a chat, a message, an update and a delete each append their change to the pending rows (a message: one row of +1 message), and no rollup row changes until the fold', async () => {
    const key = (await createApiKey(data.t.app, data.org.token)).key;
    const before = await snapshot();
    expect(before.pending).toEqual([]);
    const chat = await postChat(data.t.app, key, { title: 'new', tags: ['a', 'b'], metadata: { sentiment: 'negative', user_rating: 2 } });
    expect(chat.statusCode).toBe(201);
    const id = chat.json().chat_id;
    const message = await data.t.app.inject({ method: 'POST', url: `/api/v1/chats/${id}/messages`, headers: apiKeyHeaders(key), payload: { role: 'user', content: 'hi' } });
    expect(message.statusCode).toBe(201);
    const afterMessage = await snapshot();
    expect(afterMessage.rollups).toEqual(before.rollups);
    expect(afterMessage.pending).toHaveLength(2);
    const { sentiment, tags, chats, messages, rated } = afterMessage.pending[1];
    expect({ sentiment, tags, chats: Number(chats), messages: Number(messages), rated: Number(rated) }).toEqual({ sentiment: 'negative', tags: ['a', 'b'], chats: 0, messages: 1, rated: 0 });
    const patch = await data.t.app.inject({ method: 'PATCH', url: `/api/v1/chats/${id}`, headers: apiKeyHeaders(key), payload: { metadata: { sentiment: 'positive' } } });
    expect(patch.statusCode).toBe(200);
    const retitle = await data.t.app.inject({ method: 'PATCH', url: `/api/v1/chats/${id}`, headers: apiKeyHeaders(key), payload: { title: 'only the title' } });
    expect(retitle.statusCode).toBe(200);
    const deleted = await data.t.app.inject({ method: 'DELETE', url: `/api/v1/chats/${id}`, headers: bearer(data.org.token) });
    expect(deleted.statusCode).toBe(200);
    const after = await snapshot();
    expect(after.rollups).toEqual(before.rollups);
    // The update: its old values taken away, its new ones added; the new title: nothing; the delete: its row taken away.
    const rows = after.pending.map((p) => [p.sentiment, Number(p.chats), Number(p.messages)]);
    expect(rows.sort((a, b) => String(a).localeCompare(String(b)))).toEqual([
      ['negative', -1, -1], ['negative', 0, 1], ['negative', 1, 0], ['positive', -1, -1], ['positive', 1, 1],
    ].sort((a, b) => String(a).localeCompare(String(b))));
    // Folded, they add up to nothing: the rollups are as before (apart from rows of zeros).
    await foldAll(data.t.database.pool);
    const nonZero = (rows: Record<string, unknown>[]) => rows.filter((r) => Number(r.chats) !== 0 || Number(r.messages) !== 0);
    expect(nonZero((await snapshot()).rollups)).toEqual(nonZero(before.rollups));
  });
});

describe('splitRange', () => {
  const at = (iso: string) => new Date(iso);
  const spans = (xs: { from: Date; to: Date }[]) => xs.map((x) => `${x.from.toISOString().slice(5, 16)}..${x.to.toISOString().slice(5, 16)}`);

  it('reads whole UTC days, then whole hours, then the partial hours at the edges', () => {
    const p = splitRange(at('2026-03-01T22:30:00Z'), at('2026-03-04T02:15:00Z'), { days: true });
    expect(spans(p.raw)).toEqual(['03-01T22:30..03-01T23:00', '03-04T02:00..03-04T02:15']);
    expect(spans(p.hours)).toEqual(['03-01T23:00..03-02T00:00', '03-04T00:00..03-04T02:00']);
    expect(spans(p.days)).toEqual(['03-02T00:00..03-04T00:00']);
  });

  it('never lets a rollup row straddle a bucket start (a half-hour zone: Asia/Kolkata midnights)', () => {
    const cuts = [at('2026-03-01T18:30:00Z').getTime(), at('2026-03-02T18:30:00Z').getTime()];
    const p = splitRange(at('2026-03-01T00:00:00Z'), at('2026-03-03T00:00:00Z'), { days: true, cuts });
    // Spans are not merged across a bucket start: each lies in one bucket.
    expect(spans(p.raw)).toEqual(['03-01T18:00..03-01T18:30', '03-01T18:30..03-01T19:00', '03-02T18:00..03-02T18:30', '03-02T18:30..03-02T19:00']);
    expect(spans(p.hours)).toEqual(['03-01T00:00..03-01T18:00', '03-01T19:00..03-02T18:00', '03-02T19:00..03-03T00:00']);
    expect(p.days).toEqual([]);
  });

  it('cuts whole hours at a bucket start on the hour (America/New_York midnights: 05:00 UTC)', () => {
    const cuts = [at('2026-03-02T05:00:00Z').getTime()];
    const p = splitRange(at('2026-03-01T05:00:00Z'), at('2026-03-03T05:00:00Z'), { days: true, cuts });
    expect(spans(p.hours)).toEqual(['03-01T05:00..03-02T05:00', '03-02T05:00..03-03T05:00']);
    expect(p.raw).toEqual([]);
  });

  it('without days (hour buckets), and for a range inside one hour', () => {
    expect(splitRange(at('2026-03-01T00:00:00Z'), at('2026-03-03T00:00:00Z'), { days: false }).days).toEqual([]);
    const p = splitRange(at('2026-03-01T10:05:00Z'), at('2026-03-01T10:55:00Z'), { days: true });
    expect(spans(p.raw)).toEqual(['03-01T10:05..03-01T10:55']);
    expect(p.hours).toEqual([]);
  });

  it('without hourly rows (pair rollups), what whole hours would answer is read from the chats rows', () => {
    const p = splitRange(at('2026-03-01T22:30:00Z'), at('2026-03-04T02:15:00Z'), { days: true, hours: false });
    expect(spans(p.raw)).toEqual(['03-01T22:30..03-02T00:00', '03-04T00:00..03-04T02:15']);
    expect(p.hours).toEqual([]);
    expect(spans(p.days)).toEqual(['03-02T00:00..03-04T00:00']);
  });
});
