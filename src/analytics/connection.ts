// The analytics reads' connections. On PostgreSQL they are a pool of their own whose sessions never
// start parallel workers: starting them took 3-6 ms, longer than these reads (rollup rows and the
// chats rows at the edges of a range, a few thousand at most), and the planner picked them on its
// estimate of those rows (ten per unnest of tags, for example). The reads that could use them,
// exact distinct counts and percentiles, cannot run in parallel anyway. PGlite has one connection
// and no parallel workers: share it. No JIT either: at 10M chats the planner's estimates of the
// edge reads (40,000 rows) passed jit_above_cost, and compiling took 25 ms of a 97 ms statement. Opened and closed with the app's deps
// (src/deps.ts). Every statement of the pool is cancelled past
// READ_STATEMENT_TIMEOUT_MS (answered 422 query_too_expensive): the pool is shared by all tenants.
import { boundedReadOptions } from '../cost-limits/read-pool.js';
import { dbBeside, type Database, type Db, type PathDb } from '../db/connection.js';
import type { AppDeps } from '../http/context.js';

export const openAnalytics = (database: Pick<Database, 'kind' | 'pool' | 'db'>, readStatementTimeoutMs: number): PathDb =>
  dbBeside(database, { max: 5, options: `-c max_parallel_workers_per_gather=0 -c jit=off ${boundedReadOptions(readStatementTimeoutMs)}` });

export const analyticsDb = (deps: Pick<AppDeps, 'pools'>): Db => deps.pools.analytics.db;
