// Runs SQL on one pooled connection, in a transaction or as one autocommit statement (which is a
// transaction of its own: no BEGIN/COMMIT round trips for a batch that is a single INSERT).
import type pg from 'pg';

export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const result = await fn(client);
    client.release();
    return result;
  } catch (err) {
    // A connection in an unknown state is not given back to the pool.
    client.release(err as Error);
    throw err;
  }
}

export function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  });
}
