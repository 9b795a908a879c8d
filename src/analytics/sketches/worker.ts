// The sketch builder in the background: runs in every server process, next to the rollup fold.
// It rebuilds the days whose version moved (src/analytics/sketches/build.ts); two instances that
// build the same day both write the same cells, one after the other (a day is built in one
// transaction). Until a day is rebuilt, reads take it from the chats rows, so nothing waits for it.
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { WakeableSleep } from '../../background/wakeable-sleep.js';
import { buildStaleHours } from './build-hours.js';
import { buildStaleDays } from './build.js';
import type { SketchOptions } from './options.js';

/** Days (and hours) per look: a backlog (the first start on years of chats) is worked through batch after batch. */
const DAYS_PER_LOOK = 20;
const HOURS_PER_LOOK = 200;

export class SketchBuilder {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly pause = new WakeableSleep();
  /** Days and hours built or dropped by this process (tests, the benchmark). */
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

  /** Builds every stale day and hour now (tests, the benchmark); returns how many of each. */
  async runOnce(now = new Date()): Promise<{ days: number; hours: number }> {
    const total = { days: 0, hours: 0 };
    for (;;) {
      const { days, hours, more } = await this.look(now);
      total.days += days;
      total.hours += hours;
      if (!more) return total;
    }
  }

  /** One look: up to a batch of stale days and of stale hours; `more` when a batch was full. */
  private async look(now = new Date()) {
    const days = await buildStaleDays(this.pool, this.options, DAYS_PER_LOOK, now);
    const hours = await buildStaleHours(this.pool, this.options, HOURS_PER_LOOK, now);
    return { days, hours, more: days === DAYS_PER_LOOK || hours === HOURS_PER_LOOK };
  }

  private async run(): Promise<void> {
    while (this.running) {
      let more = false;
      try {
        const look = await this.look();
        this.built += look.days + look.hours;
        if (look.days + look.hours > 0) this.log.debug({ days: look.days, hours: look.hours }, 'sketches built');
        more = look.more;
      } catch (err) {
        if (this.running) this.log.warn({ err }, 'sketch build failed');
      }
      if (!more) await this.pause.sleep(this.options.intervalMs);
    }
  }
}
