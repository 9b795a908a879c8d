// The rollup fold in the background: runs in every server process. Each instance calls
// chat_rollups_fold in turn; the function's advisory lock lets one fold at a time run per database,
// so several instances never double count (nor could they: a fold deletes what it adds). A busy
// database is folded batch after batch; an idle one is looked at every `intervalMs`.
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { WakeableSleep } from '../../background/wakeable-sleep.js';
import { poolBeside, type Database } from '../../db/connection.js';
import { foldBatch } from './fold.js';

export interface RollupFoldOptions {
  /** How often an idle folder looks for pending rows. */
  intervalMs: number;
  /** Pending rows per fold transaction. */
  batchSize: number;
}

// Folding more often keeps the pending rows that every analytics read adds up few; folding less
// often makes each fold's GROUP BY cover more chats. 200 ms holds a few thousand rows at 10k chats/s.
export const DEFAULT_ROLLUP_FOLD_OPTIONS: RollupFoldOptions = { intervalMs: 200, batchSize: 5_000 };
// PGlite runs one statement at a time for the whole server: a fold holds up every request while it
// runs. Measured there (2 cores, busy): ~180 ms per 1,000 varied pending rows, ~600-900 ms per 5,000.
export const PGLITE_ROLLUP_FOLD_BATCH = 1_000;
// Every folded row leaves a dead tuple and index entry in the pending table until a VACUUM. PGlite
// has no autovacuum (the table would grow by every chat written), and PostgreSQL's looks once a
// minute (at 10k chats/s, 600k dead rows that every fold and read steps over): the folder vacuums
// the table after this many rows, and when it has caught up after a few (so that VACUUM can also
// cut off the empty pages at the end). SKIP_LOCKED: another instance's VACUUM already does it.
const VACUUM_EVERY_ROWS = 20_000;
const VACUUM_CAUGHT_UP_ROWS = 1_000;

export class RollupFolder {
  readonly options: RollupFoldOptions;
  private running = false;
  private loop: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private readonly pause = new WakeableSleep();
  /** Pending rows folded by this process (for tests and the benchmark). */
  folded = 0;
  private readonly pool: pg.Pool;
  private readonly ownPool: pg.Pool | undefined;
  private foldedSinceVacuum = 0;
  /** VACUUMs made once caught up (for tests: their truncation is what gives the table back). */
  caughtUpVacuums = 0;
  /** A full batch was folded since the last VACUUM made when caught up. */
  private inBacklog = false;

  constructor(
    database: Pick<Database, 'kind' | 'pool'>,
    private readonly log: FastifyBaseLogger,
    options: Partial<RollupFoldOptions> = {},
  ) {
    const batchSize = database.kind === 'pglite' ? PGLITE_ROLLUP_FOLD_BATCH : DEFAULT_ROLLUP_FOLD_OPTIONS.batchSize;
    this.options = { ...DEFAULT_ROLLUP_FOLD_OPTIONS, batchSize, ...options };
    // PostgreSQL: a connection of its own, so that a fold never waits in the pool behind requests
    // (and requests never wait behind a fold). PGlite has one connection: share it.
    this.ownPool = database.kind === 'postgres' ? poolBeside(database.pool, { max: 1 }) : undefined;
    this.pool = this.ownPool ?? database.pool;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the fold in progress (which commits or rolls back whole). */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.running = false;
      this.pause.wake();
      await this.loop;
      await this.ownPool?.end();
    })();
    return this.stopping;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let n = 0;
      try {
        this.log.trace('rollup fold started');
        n = await foldBatch(this.pool, this.options.batchSize);
        if (n > 0) {
          this.folded += n;
          this.foldedSinceVacuum += n;
          this.log.debug({ folded: n }, 'rollup fold committed');
        }
        const caughtUp = n >= 0 && n < this.options.batchSize;
        if (n === this.options.batchSize) this.inBacklog = true;
        // Caught up after a backlog: once, however few rows since the last VACUUM (that one ran
        // mid-backlog, with live rows behind the dead ones, and could not cut the table short).
        const endOfBacklog = caughtUp && this.inBacklog && this.foldedSinceVacuum > 0;
        if (endOfBacklog || this.foldedSinceVacuum >= (caughtUp ? VACUUM_CAUGHT_UP_ROWS : VACUUM_EVERY_ROWS)) {
          this.foldedSinceVacuum = 0;
          if (caughtUp) this.inBacklog = false;
          await this.pool.query('VACUUM (SKIP_LOCKED) chat_rollup_pending');
          if (caughtUp) this.caughtUpVacuums++;
        }
      } catch (err) {
        // The database away or the statement cancelled: nothing was folded; try again later.
        if (this.running) this.log.warn({ err }, 'rollup fold failed');
      }
      // A full batch: more is waiting, fold on at once. Otherwise (or another instance folding) wait.
      if (n < this.options.batchSize) await this.pause.sleep(this.options.intervalMs);
    }
  }
}
