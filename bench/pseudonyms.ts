// npm run bench:pseudonyms — the cost of the user_id filter in works-council mode on PostgreSQL
// (DATABASE_URL, a fresh database). A pseudonym cannot be inverted, so the filter finds its end
// user among the organization's distinct user ids (src/chats/end-users.ts: a loose index scan,
// one HMAC per end user). For organizations of BENCH_CHATS chats (default 100,000) spread over
// 1,000 / 10,000 / 50,000 distinct end users it prints the time of that lookup when it scans (the
// worst case, and what every lookup of a pseudonym of nobody costs), of an existing pseudonym after
// a scan (kept in the process's memory), and the integer filter's query alone beside them.
// Figures on a shared machine are noisy: run it more than once. Prints figures; asserts nothing.
import { sql } from 'drizzle-orm';
import { endUserPseudonym, findEndUser } from '../src/chats/end-users.js';
import { connectPostgres } from '../src/db/connection.js';
import { runMigrations } from '../src/db/migrate.js';
import { pseudonymKey } from '../src/privacy/repository.js';
import { freshBenchDatabase } from './database.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 100_000);
const USER_COUNTS = (process.env.BENCH_USERS ?? '1000,10000,50000').split(',').map(Number);
const RUNS = 5;
const DB_NAME = `chatlogger_bench_pseudonyms_${process.pid}`;

if (!process.env.DATABASE_URL) {
  console.error('bench:pseudonyms needs DATABASE_URL (a PostgreSQL server where it may create a database)');
  process.exit(2);
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const { url, drop } = await freshBenchDatabase(DB_NAME);
  const database = connectPostgres(url, 4);
  try {
    await runMigrations(database.pool);
    console.log(`chats per organization: ${CHATS.toLocaleString('en')}; median of ${RUNS} runs`);
    console.log('end users | lookup with a scan (ms) | existing pseudonym after a scan (ms) | integer filter query (ms)');
    for (const users of USER_COUNTS) {
      const { rows } = await database.pool.query(`INSERT INTO organizations (name, slug) VALUES ($1, $1) RETURNING id`, [`bench-${users}`]);
      const org = Number(rows[0].id);
      await database.pool.query(
        `INSERT INTO chats (organization_id, user_id, title, created_at)
         SELECT $1, 1 + (g * 7919) % $2, 'chat ' || g, now() - make_interval(secs => g)
         FROM generate_series(1, $3) g`,
        [org, users, CHATS],
      );
      await database.pool.query('ANALYZE chats');
      const key = await pseudonymKey(database.db, org);
      const lookups: number[] = [];
      const integerQueries: number[] = [];
      const found: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        let start = process.hrtime.bigint();
        await findEndUser(database.db, org, 'p_0000000000000000');
        lookups.push(ms(start));
        start = process.hrtime.bigint();
        await database.db.execute(sql`SELECT id FROM chats WHERE organization_id = ${org} AND user_id = ${users} ORDER BY created_at DESC LIMIT 21`);
        integerQueries.push(ms(start));
        start = process.hrtime.bigint();
        const id = await findEndUser(database.db, org, endUserPseudonym(key, Math.ceil(users / 2)));
        found.push(ms(start));
        if (id !== Math.ceil(users / 2)) throw new Error(`lookup found ${id}`);
      }
      console.log(`${users.toLocaleString('en').padStart(9)} | ${median(lookups).toFixed(1).padStart(23)} | ${median(found).toFixed(2).padStart(36)} | ${median(integerQueries).toFixed(1).padStart(25)}`);
    }
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
