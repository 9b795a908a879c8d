// The sketch builder in the background: runs in every server process, next to the rollup fold.
// It rebuilds the days whose version moved (src/analytics/sketches/build.ts); two instances that
// build the same day both write the same cells, one after the other (a day is built in one
// transaction). Until a day is rebuilt, reads take it from the chats rows, so nothing waits for it.
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { WakeableSleep } from '../../background/wakeable-sleep.js';
import { buildStaleDays } from './build.js';
import type { SketchOptions } from './options.js';

/** Days per look: a backlog (the first start on years of chats) is worked through batch after batch. */
const DAYS_PER_LOOK = 20;

export class SketchBuilder {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly pause = new WakeableSleep();
  /** Days built or dropped by this process (tests, the benchmark). */
  built = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: FastifyBaseLogger,
    readonly options: SketchOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.pause.wake();
    await this.loop;
  }

  /** Builds every stale day now (tests, the benchmark); returns how many. */
  async runOnce(now = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await buildStaleDays(this.pool, this.options, DAYS_PER_LOOK, now);
      total += n;
      if (n < DAYS_PER_LOOK) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let n = 0;
      try {
        n = await buildStaleDays(this.pool, this.options, DAYS_PER_LOOK);
        this.built += n;
        if (n > 0) this.log.debug({ days: n }, 'sketches built');
      } catch (err) {
        if (this.running) this.log.warn({ err }, 'sketch build failed');
      }
      if (n < DAYS_PER_LOOK) await this.pause.sleep(this.options.intervalMs);
    }
  }
}
