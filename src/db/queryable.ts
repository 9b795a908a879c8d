// A Drizzle handle that is either the database or an open transaction, so that one repository
// function can run on its own or as a step of a caller's transaction (a password change sets the
// hash and revokes the other sessions atomically).
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

export type Queryable = PgDatabase<NodePgQueryResultHKT, typeof schema>;
