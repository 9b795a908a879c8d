// One database handle for the whole app, backed either by PostgreSQL (DATABASE_URL) or by an
// embedded PGlite instance. Both are used through node-postgres' Pool API, so every query,
// transaction and migration runs the same way on both.
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

// bigint columns (ids, token counts) come back as JS numbers instead of strings. Ids stay far
// below 2^53, and the API validates token counts to Number.MAX_SAFE_INTEGER.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  kind: 'postgres' | 'pglite';
  pool: pg.Pool;
  db: Db;
  /** Ends the pool (and closes the embedded database when this handle owns it). */
  close(): Promise<void>;
}

function wrap(kind: Database['kind'], pool: pg.Pool, closeExtra: () => Promise<void>): Database {
  // An idle client that loses its connection (database restart) emits 'error' on the pool; without
  // a listener that would crash the process. The next query reconnects or fails with a 503.
  pool.on('error', () => {});
  let closing: Promise<void> | undefined;
  return {
    kind,
    pool,
    db: drizzle({ client: pool, schema }),
    close: () => (closing ??= pool.end().then(closeExtra)),
  };
}

export function connectPostgres(databaseUrl: string, maxConnections = 10): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections });
  return wrap('postgres', pool, async () => {});
}

/** Uses an open PGlite instance; `ownsPglite` says whether close() should close it too. */
export function connectPglite(pglite: PGlite, ownsPglite: boolean): Database {
  const config = createPgConfig(pglite);
  // node-postgres hands the Parse message its query's `types` (for Drizzle: an object of custom
  // type parsers, not a list of parameter type OIDs); PGlite's serializer calls types.forEach and
  // throws on it. Parameter types are optional in Parse, so drop anything that is not a list.
  const connection = config.connection as unknown as { parse(query: { types?: unknown }): void };
  const parse = connection.parse.bind(connection);
  connection.parse = (query) => parse(Array.isArray(query.types) ? query : { ...query, types: undefined });
  const pool = new pg.Pool(config as unknown as pg.PoolConfig);
  return wrap('pglite', pool, async () => {
    if (ownsPglite) await pglite.close();
  });
}
