// The analytics reads' connections. On PostgreSQL they are a pool of their own whose sessions never
// start parallel workers: starting them took 3-6 ms, longer than these reads (rollup rows and the
// chats rows at the edges of a range, a few thousand at most), and the planner picked them on its
// estimate of those rows (ten per unnest of tags, for example). The reads that could use them,
// exact distinct counts and percentiles, cannot run in parallel anyway. PGlite has one connection
// and no parallel workers: share it. No JIT either: at 10M chats the planner's estimates of the
// edge reads (40,000 rows) passed jit_above_cost, and compiling took 25 ms of a 97 ms statement. Made on first use for a pool, closed with the app (the
// analytics routes' onClose hook). Every statement of the pool is cancelled past
// READ_STATEMENT_TIMEOUT_MS (answered 422 query_too_expensive): the pool is shared by all tenants.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { boundedReadOptions } from '../cost-limits/read-pool.js';
import { poolBeside, type Db } from '../db/connection.js';
import * as schema from '../db/schema.js';
import type { AppDeps } from '../http/context.js';

const instances = new WeakMap<pg.Pool, { db: Db; own?: pg.Pool }>();

export function analyticsDb(deps: Pick<AppDeps, 'pool' | 'db' | 'databaseKind' | 'costLimits'>): Db {
  let instance = instances.get(deps.pool);
  if (!instance) {
    if (deps.databaseKind === 'postgres') {
      const options = `-c max_parallel_workers_per_gather=0 -c jit=off ${boundedReadOptions(deps.costLimits.readStatementTimeoutMs)}`;
      const own = poolBeside(deps.pool, { max: 5, options });
      instance = { db: drizzle({ client: own, schema }), own };
    } else {
      instance = { db: deps.db };
    }
    instances.set(deps.pool, instance);
  }
  return instance.db;
}

/** Closes the analytics connections (if it has any). */
export async function closeAnalytics(deps: Pick<AppDeps, 'pool'>): Promise<void> {
  const instance = instances.get(deps.pool);
  instances.delete(deps.pool);
  await instance?.own?.end();
}
