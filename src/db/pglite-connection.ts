// A Database over an open PGlite instance, through node-postgres' Pool API (see connection.ts).
// Its own module, imported only in embedded mode, so that PostgreSQL deployments never load PGlite.
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { wrap, type Database } from './connection.js';

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
