// Moving the chats' pending rollup changes (chat_rollup_pending) into the rollup tables: the one
// place that writes chat_rollups, chat_daily_rollups and chat_daily_pair_rollups. The work is the
// SQL function chat_rollups_fold (migration 0016): one transaction per batch, which deletes the
// pending rows it adds, so a fold killed half-way leaves everything as it was.
import type pg from 'pg';

/** A pool, or a client inside a transaction (the demo folds inside the one that replaced its chats). */
type Runner = pg.Pool | pg.PoolClient;

/** Folds up to `maxRows` pending rows; -1 when another fold (another instance) holds the lock. */
export async function foldBatch(db: Runner, maxRows: number): Promise<number> {
  const { rows } = await db.query<{ folded: number }>('SELECT chat_rollups_fold($1) AS folded', [maxRows]);
  return rows[0].folded;
}

/**
 * Folds until nothing is pending (what tests, the demo and maintenance use to read the rollup
 * tables directly; analytics never need it). Waits for a fold that another instance is running.
 */
export async function foldAll(db: Runner, maxRows = 10_000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await foldBatch(db, maxRows);
    if (n === -1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    total += n;
    if (n < maxRows) return total;
  }
}
