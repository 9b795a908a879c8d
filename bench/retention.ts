// npm run bench:retention — the retention job's rate on PostgreSQL (DATABASE_URL, a fresh
// database), and its effect on concurrent ingest:
//
//   1. BENCH_CHATS chats (default 100,000; the issue's target is 1,000,000) of one organization over
//      the last 365 days, varied rolled-up fields, 3 messages each, generated in the database;
//   2. ingest alone: the ingest INSERT (src/ingest/chat-rows.ts, batches of 100 varied chats as the
//      group commit makes them) from 2 clients into another organization for BENCH_SECONDS: chats/s;
//   3. content retention 30 days (titles and message text of ~92% of the chats): the job's rate in
//      chats purged per second, with the same ingest running beside it, and that ingest's rate;
//   4. chat retention 180 days (whole chats deleted, ~50%): chats deleted per second, same ingest;
//   5. checks: nothing left to purge or delete, and the rollups still hold the remaining chats.
//
// Figures on a shared machine are noisy: run it more than once. Prints figures; asserts nothing.
// Env: DATABASE_URL (required), BENCH_CHATS (default 100000), BENCH_SECONDS (default 5), BATCH (the
// job's batch size, default 500).
import os from 'node:os';
import { connectPostgres } from '../src/db/connection.js';
import { runMigrations } from '../src/db/migrate.js';
import { insertChatRows, type ChatRow } from '../src/ingest/chat-rows.js';
import { RetentionJob } from '../src/retention/job.js';
import { CATEGORIES, LOCALES, SENTIMENTS, TAGS, values } from './chat-fields.js';
import { freshBenchDatabase } from './database.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const BATCH = Number(process.env.BATCH ?? 500);
const DB_NAME = `chatlogger_bench_retention_${process.pid}`;

if (!process.env.DATABASE_URL) {
  console.error('bench:retention needs DATABASE_URL (a PostgreSQL server where it may create a database)');
  process.exit(2);
}

const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)];
const sqlArray = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;

function variedChats(organizationId: number, n: number): ChatRow[] {
  return Array.from({ length: n }, (_, i) => {
    const [country, language] = pick(values(LOCALES));
    return {
      organizationId,
      chat: {
        title: `question ${i} about ${pick(values(CATEGORIES))}`, userId: 1 + Math.floor(Math.random() * 5000), tags: [pick(TAGS)],
        questionCategory: pick(values(CATEGORIES)), sentiment: pick(values(SENTIMENTS)), countryCode: country, languageCode: language,
        userRating: 1 + Math.floor(Math.random() * 5), isEscalated: Math.random() < 0.2, ipAddress: `198.51.100.${i % 250}`,
        sessionId: `s-${i}`, tokenCount: Math.floor(Math.random() * 2000), avgResponseTime: Math.random() * 5,
      },
    };
  });
}

const elapsed = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

async function main() {
  const { url, drop } = await freshBenchDatabase(DB_NAME);
  const database = connectPostgres(url, 8);
  try {
    await runMigrations(database.pool);
    const q = (text: string, params: unknown[] = []) => database.pool.query(text, params);
    const [org, other] = (await q(`INSERT INTO organizations (name, slug) VALUES ('Retained', 'retained'), ('Ingest', 'ingest') RETURNING id`)).rows.map((r) => Number(r.id));

    let start = process.hrtime.bigint();
    const STEP = 20_000;
    for (let from = 0; from < CHATS; from += STEP) {
      const n = Math.min(STEP, CHATS - from);
      await q(
        `INSERT INTO chats (organization_id, user_id, title, tags, question_category, sentiment, country_code, language_code, user_rating,
           is_escalated, ip_address, session_id, token_count, avg_response_time, created_at)
         SELECT $1, 1 + (random() * 5000)::int, 'question ' || g || ' about my leave', ARRAY[(${sqlArray(TAGS)})[1 + (random() * ${TAGS.length - 1})::int]],
           (${sqlArray(values(CATEGORIES))})[1 + (random() * ${CATEGORIES.length - 1})::int], (${sqlArray(values(SENTIMENTS))})[1 + (random() * 2)::int],
           'NL', 'nl', 1 + (random() * 4)::int, random() < 0.2, '198.51.100.' || (g % 250), 's-' || g, (random() * 2000)::int, random() * 5,
           now() - random() * interval '365 days'
         FROM generate_series($2::int, $3::int) g`,
        [org, from, from + n - 1],
      );
      await q(
        `INSERT INTO messages (organization_id, chat_id, role, content, created_at)
         SELECT c.organization_id, c.id, r.role, 'text of ' || r.role || ' ' || c.id, c.created_at
         FROM chats c CROSS JOIN (VALUES ('user'), ('assistant'), ('user')) AS r(role)
         WHERE c.organization_id = $1 AND c.id > (SELECT coalesce(max(chat_id), 0) FROM messages WHERE organization_id = $1)`,
        [org],
      );
    }
    await q('ANALYZE');
    console.log(`generated ${CHATS} chats with ${3 * CHATS} messages in ${elapsed(start).toFixed(1)} s (${os.cpus().length} CPUs, shared)`);

    // Ingest from 2 clients, 100 chats per statement, until stopped.
    const ingest = (stop: () => boolean) => {
      let chats = 0;
      const client = async () => {
        while (!stop()) {
          const c = await database.pool.connect();
          try {
            chats += (await insertChatRows(c, variedChats(other, 100))).length;
          } finally {
            c.release();
          }
        }
      };
      const t0 = process.hrtime.bigint();
      return Promise.all([client(), client()]).then(() => ({ chats, seconds: elapsed(t0) }));
    };
    let until = Date.now() + SECONDS * 1000;
    const alone = await ingest(() => Date.now() > until);
    const aloneRate = alone.chats / alone.seconds;
    console.log(`ingest alone: ${aloneRate.toFixed(0)} chats/s (2 clients, 100 chats a statement, ${alone.seconds.toFixed(1)} s)`);

    const job = new RetentionJob(database, os.tmpdir(), { batchSize: BATCH });
    const phase = async (name: string, settings: string, field: 'chats_content_purged' | 'chats_deleted') => {
      await q(`INSERT INTO privacy_settings (organization_id, content_retention_days, chat_retention_days) VALUES ($1, ${settings})
               ON CONFLICT (organization_id) DO UPDATE SET content_retention_days = excluded.content_retention_days, chat_retention_days = excluded.chat_retention_days`, [org]);
      let done = false;
      const beside = ingest(() => done);
      start = process.hrtime.bigint();
      const report = await job.runOnce();
      const seconds = elapsed(start);
      done = true;
      const ing = await beside;
      const n = report.organizations.find((o) => o.organization_id === org)?.[field] ?? 0;
      console.log(`${name}: ${n} chats in ${seconds.toFixed(1)} s = ${(n / seconds).toFixed(0)} chats/s (batches of ${BATCH}); ` +
        `ingest beside it: ${(ing.chats / ing.seconds).toFixed(0)} chats/s (${((ing.chats / ing.seconds / aloneRate) * 100).toFixed(0)}% of alone)`);
    };
    await phase('content purge (30 days)', '30, NULL', 'chats_content_purged');
    await phase('chat deletion (180 days)', '30, 180', 'chats_deleted');

    const left = (await q(`SELECT count(*) FILTER (WHERE created_at < now() - interval '30 days' AND content_purged_at IS NULL)::int AS unpurged,
      count(*) FILTER (WHERE created_at < now() - interval '180 days')::int AS undeleted, count(*)::int AS remaining FROM chats WHERE organization_id = $1`, [org])).rows[0];
    const rolled = (await q(`SELECT coalesce(sum(chats), 0)::int AS n FROM chat_rollups WHERE organization_id = $1 AND dimension = 'all'`, [org])).rows[0].n;
    console.log(`check: ${left.unpurged} chats left unpurged, ${left.undeleted} left undeleted; ${left.remaining} chats remain, rollups count ${rolled}${rolled === left.remaining ? ' (equal)' : ' (DIFFERENT)'}`);
    until = 0;
  } finally {
    await database.close();
    await drop();
  }
}

await main();
