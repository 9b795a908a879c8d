// The rollup fold killed half-way (kill -9 of the server while it folds a backlog): nothing is
// folded twice or lost. The fold deletes the pending rows it adds to the rollups in one transaction,
// so the kill leaves either all of a batch folded or none of it, and the next fold does the rest.
// On PostgreSQL the test sees the fold running (pg_stat_activity) before it kills the server and ends
// the fold's session with it (a dead instance's connection); on PGlite the server process is the
// database: the test kills it once it logs that the fold of the whole backlog has started (and
// checks afterwards that nothing of the backlog had been folded).
import { afterAll, describe, expect, it } from 'vitest';
import { backend } from './helpers/database.js';
import { newServerStore, type ServerStore } from './helpers/server-store.js';
import { freePort, json, spawnServer, waitUntilHealthy, type ServerProcess } from './helpers/server-process.js';
import { CATEGORIES, COUNTRIES, DAY, int, LANGUAGES, pick, rand, SENTIMENTS, TAGS } from './helpers/analytics-data.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const BATCHES = 16;

function variedChat(i: number) {
  return {
    title: `chat ${i}`,
    user_id: int(1, 3000),
    // Spread over 20 days and their hours: thousands of distinct combinations to fold.
    created_at: new Date(Date.now() - int(0, 20 * DAY)).toISOString(),
    tags: TAGS.filter(() => rand() < 0.2),
    metadata: {
      question_category: pick(CATEGORIES), sentiment: pick(SENTIMENTS), country_code: pick(COUNTRIES), language_code: pick(LANGUAGES),
      user_rating: int(1, 5), is_escalated: rand() < 0.2, is_forwarded_to_hr: rand() < 0.1, avg_response_time: int(1, 9000) / 1000, token_count: int(1, 3000),
    },
  };
}

async function start(store: ServerStore, env: Record<string, string> = {}, healthy = true): Promise<ServerProcess> {
  const server = spawnServer({ PORT: String(await freePort()), ...store.env, RATE_LIMIT_API_KEY_RPS: '100000', RATE_LIMIT_API_KEY_BURST: '100000', ...env });
  cleanups.push(() => void server.child.kill('SIGKILL'));
  if (healthy) await waitUntilHealthy(server);
  return server;
}

/**
 * How far the rollups (plus what is pending) are from the chats rows: rows of the hourly 'all'
 * series, of the daily tag series and of one pair's daily totals whose sums differ. A fold counted
 * twice or lost shows in all three.
 */
const MISMATCHES = `
WITH rolled AS (
  SELECT organization_id, bucket, chats, messages, rated, rating_sum, token_sum FROM chat_rollups WHERE dimension = 'all'
  UNION ALL SELECT organization_id, bucket, chats, messages, rated, rating_sum, token_sum FROM chat_rollup_pending
), got AS (
  SELECT organization_id, bucket, sum(chats)::bigint AS chats, sum(messages)::bigint AS messages, sum(rated)::bigint AS rated, sum(rating_sum)::bigint AS rating_sum, sum(token_sum) AS token_sum
  FROM rolled GROUP BY 1, 2 HAVING sum(chats) <> 0 OR sum(messages) <> 0
), want AS (
  SELECT organization_id, date_trunc('hour', created_at, 'UTC') AS bucket, count(*)::bigint, sum(message_count)::bigint, count(user_rating)::bigint,
    coalesce(sum(user_rating), 0)::bigint, coalesce(sum(token_count::numeric), 0) FROM chats GROUP BY 1, 2
), tag_got AS (
  SELECT organization_id, date_trunc('day', bucket, 'UTC') AS day, value, sum(chats)::bigint AS chats FROM (
    SELECT organization_id, bucket, value, chats FROM chat_daily_rollups WHERE dimension = 'tag'
    UNION ALL SELECT organization_id, bucket, unnest(CASE WHEN cardinality(tags) = 0 THEN ARRAY[NULL::text] ELSE tags END), chats FROM chat_rollup_pending) x
  GROUP BY 1, 2, 3 HAVING sum(chats) <> 0
), tag_want AS (
  SELECT organization_id, date_trunc('day', created_at, 'UTC'), tag, count(*)::bigint FROM
    (SELECT organization_id, created_at, unnest(CASE WHEN cardinality(tags) = 0 THEN ARRAY[NULL::text] ELSE tags END) AS tag FROM chats) c GROUP BY 1, 2, 3
), pair_got AS (
  SELECT organization_id, sum(chats)::bigint AS chats FROM (
    SELECT organization_id, chats FROM chat_daily_pair_rollups WHERE dimension_a = 'country_code' AND dimension_b = 'sentiment'
    UNION ALL SELECT organization_id, chats FROM chat_rollup_pending) x GROUP BY 1 HAVING sum(chats) <> 0
), pair_want AS (SELECT organization_id, count(*)::bigint FROM chats GROUP BY 1)
SELECT (SELECT count(*) FROM (SELECT * FROM got EXCEPT SELECT * FROM want) a) + (SELECT count(*) FROM (SELECT * FROM want EXCEPT SELECT * FROM got) b)
     + (SELECT count(*) FROM (SELECT * FROM tag_got EXCEPT SELECT * FROM tag_want) c) + (SELECT count(*) FROM (SELECT * FROM tag_want EXCEPT SELECT * FROM tag_got) d)
     + (SELECT count(*) FROM (SELECT * FROM pair_got EXCEPT SELECT * FROM pair_want) e) + (SELECT count(*) FROM (SELECT * FROM pair_want EXCEPT SELECT * FROM pair_got) f)
  AS mismatches`;

const count = async (store: ServerStore, sql: string) => Number((await store.query(sql))[0].n);

describe(`the rollup fold killed half-way (${backend})`, () => {
  it('folds nothing twice and loses nothing: the kill leaves the backlog pending, the next fold takes all of it', async () => {
    const store = await newServerStore(cleanups);
    // 1. A backlog: a server that never folds (after its first, empty, fold at start) stores the chats.
    const writer = await start(store, { ROLLUP_FOLD_INTERVAL_MS: '900000000' });
    const email = `fold-${Date.now()}@example.com`;
    await json(`${writer.url}/auth/register`, { method: 'POST', body: { email, password: 'correct horse battery', organization_name: 'Fold' } });
    const token = (await json(`${writer.url}/auth/login`, { method: 'POST', body: { email, password: 'correct horse battery' } })).body.token;
    const key = (await json(`${writer.url}/api/v1/orgs/me/apikeys`, { method: 'POST', body: { label: 'bot' }, headers: { authorization: `Bearer ${token}` } })).body.key;
    let stored = 0;
    for (let b = 0; b < BATCHES; b++) {
      const res = await json(`${writer.url}/api/v1/chats/batch`, { method: 'POST', body: { chats: Array.from({ length: 1000 }, (_, i) => variedChat(b * 1000 + i)) }, headers: { 'x-organization-api-key': key } });
      expect(res.status).toBe(207);
      stored += (res.body.results as { status: number }[]).filter((r) => r.status === 201).length;
    }
    expect(stored).toBe(BATCHES * 1000);
    writer.child.kill('SIGTERM');
    await writer.exited;
    const backlog = await count(store, 'SELECT count(*) AS n FROM chat_rollup_pending');
    expect(backlog).toBeGreaterThan(5000);
    expect(await count(store, "SELECT count(*) AS n FROM chat_rollups WHERE dimension = 'all' AND chats <> 0")).toBe(0);

    // 2. A server that folds the whole backlog in one transaction, killed while it does.
    const folder = await start(store, { ROLLUP_FOLD_BATCH: '1000000', LOG_LEVEL: 'trace' }, backend === 'postgres');
    if (backend === 'postgres') {
      const running = `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%chat_rollups_fold%' AND pid <> pg_backend_pid()`;
      for (let i = 0; (await count(store, running)) === 0; i++) {
        if (i > 2000) throw new Error('no fold seen running');
        await new Promise((r) => setTimeout(r, 5));
      }
      folder.child.kill('SIGKILL');
      await folder.exited;
      // What happens to a dead instance's connection: its session ends, its transaction rolls back.
      await store.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%chat_rollups_fold%' AND pid <> pg_backend_pid()`);
      for (let i = 0; (await count(store, running.replace("state = 'active' AND ", ''))) > 0; i++) {
        if (i > 2000) throw new Error('the fold session did not end');
        await new Promise((r) => setTimeout(r, 5));
      }
    } else {
      // The folder says when it starts a fold (LOG_LEVEL trace); the first one takes the whole backlog.
      for (let i = 0; !folder.output().includes('rollup fold started'); i++) {
        if (i > 12_000) throw new Error('no fold seen starting');
        await new Promise((r) => setTimeout(r, 5));
      }
      await new Promise((r) => setTimeout(r, 100));
      folder.child.kill('SIGKILL');
      await folder.exited;
    }
    expect(await count(store, 'SELECT count(*) AS n FROM chat_rollup_pending'), 'the killed fold had finished: a larger backlog is needed').toBe(backlog);
    expect(await count(store, MISMATCHES.replace('AS mismatches', 'AS n'))).toBe(0);

    // 3. The next fold takes everything, exactly once.
    expect(await count(store, 'SELECT chat_rollups_fold(1000000) AS n')).toBe(backlog);
    expect(await count(store, 'SELECT count(*) AS n FROM chat_rollup_pending')).toBe(0);
    expect(await count(store, "SELECT sum(chats) AS n FROM chat_rollups WHERE dimension = 'all'")).toBe(stored);
    expect(await count(store, MISMATCHES.replace('AS mismatches', 'AS n'))).toBe(0);
  }, 180_000);
});
