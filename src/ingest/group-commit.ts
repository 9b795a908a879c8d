// Group commit: requests that arrive together share one database transaction.
//
// Each request submits its (already validated) item and awaits a promise. A flush takes what is
// waiting (at most `maxBatch` items) and writes it with one statement per table; every item is
// answered only after that transaction committed. There is no timer: a flush starts on the next
// turn of the event loop when fewer than `concurrency` flushes are running, so under low load an
// item is written at once (the latency of a single insert), and under high load items pile up
// while a transaction runs and the next flush takes them all — batches grow with the load. When a
// full batch is waiting, a further flush may start beside the running one (fullBatchConcurrency).
//
// When a batch fails in the database (a constraint, a chat deleted meanwhile, ...) its items are
// retried one by one, each in its own transaction, so that each request gets its own true answer
// and one bad item never fails its neighbours. Any other failure (the database unreachable: 503)
// fails them all: a retry would fail the same way.
import { dependsOnBatchContents } from '../db/errors.js';

/** What the batch function says about one item: its result, or its own error (a 404, a 409...). */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions<I, R> {
  /** Writes the items in one transaction; one outcome per item, in order. Throws if the transaction failed. */
  write: (items: I[]) => Promise<Outcome<R>[]>;
  maxBatch: number;
  /** Flushes that may run at once (each holds a connection). */
  concurrency: number;
  /** Flushes that may run at once while a full batch (maxBatch items) is waiting; default `concurrency`. */
  fullBatchConcurrency?: number;
}

export interface GroupCommitStats {
  flushes: number;
  items: number;
  largestBatch: number;
  /** Batches that failed and were retried item by item. */
  fallbacks: number;
}

interface Waiting<I, R> {
  item: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<I, R> {
  private queue: Waiting<I, R>[] = [];
  private running = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  readonly stats: GroupCommitStats = { flushes: 0, items: 0, largestBatch: 0, fallbacks: 0 };

  constructor(private readonly options: GroupCommitOptions<I, R>) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once nothing is waiting or being written. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** How many flushes may run now: one more while a full batch waits. */
  private get slots(): number {
    const { concurrency, fullBatchConcurrency, maxBatch } = this.options;
    return this.queue.length >= maxBatch ? Math.max(concurrency, fullBatchConcurrency ?? concurrency) : concurrency;
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.slots || this.queue.length === 0) return;
    this.scheduled = true;
    // The next turn of the event loop: items submitted by requests handled in this one join in.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.running >= this.slots || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.options.maxBatch);
    this.running++;
    this.stats.flushes++;
    this.stats.items += batch.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    void this.run(batch).finally(() => {
      this.running--;
      if (this.queue.length > 0) this.schedule();
      else if (this.running === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    // More than a batch waiting and a free slot: start another flush right away.
    if (this.queue.length > 0) this.schedule();
  }

  private async run(batch: Waiting<I, R>[]): Promise<void> {
    let outcomes: Outcome<R>[];
    try {
      outcomes = await this.options.write(batch.map((w) => w.item));
    } catch (error) {
      if (batch.length === 1 || !dependsOnBatchContents(error)) {
        for (const w of batch) w.reject(error);
        return;
      }
      // One by one, each in its own transaction: each request gets its own answer.
      this.stats.fallbacks++;
      for (const w of batch) {
        try {
          settle(w, (await this.options.write([w.item]))[0]);
        } catch (itemError) {
          w.reject(itemError);
        }
      }
      return;
    }
    batch.forEach((w, i) => settle(w, outcomes[i]));
  }
}

function settle<I, R>(w: Waiting<I, R>, outcome: Outcome<R>): void {
  if (outcome.ok) w.resolve(outcome.value);
  else w.reject(outcome.error);
}
