// The analytics reads' connections. On PostgreSQL they are a pool of their own whose sessions never
// start parallel workers: starting them took 3-6 ms, longer than these reads (rollup rows and the
// chats rows at the edges of a range, a few thousand at most), and the planner picked them on its
// estimate of those rows (ten per unnest of tags, for example). The reads that could use them,
// exact distinct counts and percentiles, cannot run in parallel anyway. PGlite has one connection
// and no parallel workers: share it. Made on first use for a pool, closed with the app (the
// analytics routes' onClose hook).
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../db/connection.js';
import * as schema from '../db/schema.js';
import type { AppDeps } from '../http/context.js';

const instances = new WeakMap<pg.Pool, { db: Db; own?: pg.Pool }>();

export function analyticsDb(deps: Pick<AppDeps, 'pool' | 'db' | 'databaseKind'>): Db {
  let instance = instances.get(deps.pool);
  if (!instance) {
    if (deps.databaseKind === 'postgres') {
      const options = (deps.pool as unknown as { options: pg.PoolConfig }).options;
      const own = new pg.Pool({ ...options, max: 5, idleTimeoutMillis: 30_000, allowExitOnIdle: true, options: '-c max_parallel_workers_per_gather=0' });
      own.on('error', () => {}); // an idle connection lost (database restart): the next query reconnects or fails with 503
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
