// The connections of the explorer's reads (GET /api/v1/chats: lists, counts, text search): on
// PostgreSQL a pool of their own whose sessions cancel any statement that runs longer than
// READ_STATEMENT_TIMEOUT_MS, so that one tenant's search cannot hold a connection for minutes
// (answered 422 query_too_expensive, see src/http/errors.ts). PGlite has one connection and no
// timer to cancel a statement with: it is shared as it is. Opened and closed with the app's deps
// (src/deps.ts).
import { dbBeside, type Database, type Db, type PathDb } from '../db/connection.js';
import type { AppDeps } from '../http/context.js';

/** Session options that bound every statement of a read pool. */
export const boundedReadOptions = (timeoutMs: number) => `-c statement_timeout=${Math.round(timeoutMs)}`;

export const openBoundedReads = (database: Pick<Database, 'kind' | 'pool' | 'db'>, readStatementTimeoutMs: number): PathDb =>
  dbBeside(database, { max: 5, options: boundedReadOptions(readStatementTimeoutMs) });

export const boundedReadsDb = (deps: Pick<AppDeps, 'pools'>): Db => deps.pools.boundedReads.db;
