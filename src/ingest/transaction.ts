// Runs SQL on one pooled connection, in a transaction or as one autocommit statement (which is a
// transaction of its own: no BEGIN/COMMIT round trips for a batch that is a single INSERT).
import type pg from 'pg';
import { leavesConnectionUsable } from '../db/errors.js';

export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (err) {
    // A statement the server refused leaves the connection usable (and PGlite has only this one).
    // Anything else (a lost connection, a failed ROLLBACK) means it is not given back to the pool.
    if (!isServerError(err)) broken = err as Error;
    throw err;
  } finally {
    client.release(broken);
  }
}

function isServerError(err: unknown): boolean {
  return leavesConnectionUsable(err) && !(err as { rollbackFailed?: boolean }).rollbackFailed;
}

export function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        if (err && typeof err === 'object') (err as { rollbackFailed?: boolean }).rollbackFailed = true;
      }
      throw err;
    }
  });
}
