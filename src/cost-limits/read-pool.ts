// The connections of the explorer's reads (GET /api/v1/chats: lists, counts, text search): on
// PostgreSQL a pool of their own whose sessions cancel any statement that runs longer than
// READ_STATEMENT_TIMEOUT_MS, so that one tenant's search cannot hold a connection for minutes
// (answered 422 query_too_expensive, see statement-timeout.ts). PGlite has one connection and no
// timer to cancel a statement with: it is shared as it is. Made on first use, closed with the app.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { poolBeside, type Db } from '../db/connection.js';
import * as schema from '../db/schema.js';
import type { AppDeps } from '../http/context.js';

const instances = new WeakMap<pg.Pool, { db: Db; own?: pg.Pool }>();

/** Session options that bound every statement of a read pool. */
export const boundedReadOptions = (timeoutMs: number) => `-c statement_timeout=${Math.round(timeoutMs)}`;

export function boundedReadsDb(deps: Pick<AppDeps, 'pool' | 'db' | 'databaseKind' | 'costLimits'>): Db {
  let instance = instances.get(deps.pool);
  if (!instance) {
    if (deps.databaseKind === 'postgres') {
      const own = poolBeside(deps.pool, { max: 5, options: boundedReadOptions(deps.costLimits.readStatementTimeoutMs) });
      instance = { db: drizzle({ client: own, schema }), own };
    } else {
      instance = { db: deps.db };
    }
    instances.set(deps.pool, instance);
  }
  return instance.db;
}

export async function closeBoundedReads(deps: Pick<AppDeps, 'pool'>): Promise<void> {
  const instance = instances.get(deps.pool);
  instances.delete(deps.pool);
  await instance?.own?.end();
}
