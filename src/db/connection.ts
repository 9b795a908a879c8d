// One database handle for the whole app, backed either by PostgreSQL (DATABASE_URL) or by an
// embedded PGlite instance (src/db/pglite-connection.ts: kept apart so that a PostgreSQL server
// never loads PGlite, which under tsx alone costs ~40 MB of RSS). Both are used through
// node-postgres' Pool API, so every query, transaction and migration runs the same way on both.
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

/** A Database over a pool (connectPostgres here, connectPglite in ./pglite-connection.ts). */
export function wrap(kind: Database['kind'], pool: pg.Pool, closeExtra: () => Promise<void>): Database {
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

/**
 * A client that never crashes the process with an unhandled 'error' event. When PostgreSQL ends a
 * connection (pg_terminate_backend, a restart) while the client is checked out between two queries,
 * node-postgres emits 'error' on the client itself, where the pool's own listener (idle clients
 * only) does not catch it. The failure still reaches the caller: the pending or the next query on
 * that client fails, is answered 503, and the pool drops the client.
 */
class ResilientClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => {});
  }
}

/**
 * A pool of its own on the same PostgreSQL database as `pool`, with its settings and client, for a
 * path that must not queue behind the app's queries (ingest) or needs session settings (analytics).
 */
export function poolBeside(pool: pg.Pool, config: pg.PoolConfig): pg.Pool {
  const options = (pool as unknown as { options: pg.PoolConfig }).options;
  const own = new pg.Pool({ ...options, idleTimeoutMillis: 30_000, allowExitOnIdle: true, ...config });
  own.on('error', () => {}); // an idle connection lost (database restart): the next query reconnects or fails with 503
  return own;
}

/** A Db for one path of the app, and how to close what it opened (see dbBeside). */
export interface PathDb {
  db: Db;
  close(): Promise<void>;
}

/**
 * A Db on a pool of its own beside the database's (poolBeside) on PostgreSQL; PGlite has one
 * connection, which is shared as it is (and closed by the database's owner).
 */
export function dbBeside(database: Pick<Database, 'kind' | 'pool' | 'db'>, config: pg.PoolConfig): PathDb {
  if (database.kind !== 'postgres') return { db: database.db, close: async () => {} };
  const own = poolBeside(database.pool, config);
  let closing: Promise<void> | undefined;
  return { db: drizzle({ client: own, schema }), close: () => (closing ??= own.end()) };
}

export function connectPostgres(databaseUrl: string, maxConnections = 10): Database {
  // `Client` travels with pool.options, so pools made from them (the ingest path's) get it too.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections, Client: ResilientClient });
  return wrap('postgres', pool, async () => {});
}
