// One organization's share of the server's read time: analytics and the explorer's searches. Slots (src/analytics/concurrency.ts)
// bound how many of its requests run at once; they do not bound how much work those requests do
// back to back: two slots kept busy with expensive requests keep both cores of a small server busy,
// and every other organization's requests wait for CPU. So each organization also has a token
// bucket of analytics time: it holds up to `burstMs` (a dashboard page's eight charts fit many
// times over), refills at `msPerSecond`, and each request is charged the time it took. While the
// bucket is empty the organization's next request waits until it has refilled; if that wait would
// be longer than `maxWaitMs`, the request is answered 429 with Retry-After instead.
import { HttpError } from '../http/errors.js';
import type { CostLimits } from './settings.js';

interface Bucket {
  balance: number;
  at: number;
}

export interface TimeShareLimits {
  msPerSecond: number;
  burstMs: number;
  maxWaitMs: number;
}

export class TimeShares {
  private readonly buckets = new Map<number, Bucket>();

  constructor(
    private readonly limits: TimeShareLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The organization's balance in ms now (negative: in debt). A full bucket is forgotten. */
  balance(organizationId: number): number {
    const bucket = this.buckets.get(organizationId);
    if (!bucket) return this.limits.burstMs;
    const now = this.now();
    bucket.balance = Math.min(this.limits.burstMs, bucket.balance + ((now - bucket.at) / 1000) * this.limits.msPerSecond);
    bucket.at = now;
    if (bucket.balance >= this.limits.burstMs) this.buckets.delete(organizationId); // bounded memory
    return bucket.balance;
  }

  /** How long the organization's next request must wait, in ms (0: it may start now). */
  waitMs(organizationId: number): number {
    const balance = this.balance(organizationId);
    return balance >= 0 ? 0 : Math.ceil((-balance / this.limits.msPerSecond) * 1000);
  }

  /** Waits for the organization's turn; 429 when the wait would be longer than allowed. */
  async admit(organizationId: number): Promise<void> {
    const wait = this.waitMs(organizationId);
    if (wait === 0) return;
    if (wait > this.limits.maxWaitMs) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(
        429,
        'analytics_time_exceeded',
        `Your organization has used its share of this server's analytics and search time (${this.limits.msPerSecond} ms per second); ` +
          `retry in ${seconds} s, or ask for shorter ranges, coarser intervals, fewer metrics or more selective filters`,
        undefined,
        { 'retry-after': String(seconds) },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Runs `work` when the organization's bucket allows, however long that takes (background jobs), and charges it. */
  async pace<T>(organizationId: number, work: () => Promise<T>): Promise<T> {
    const wait = this.waitMs(organizationId);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const started = this.now();
    try {
      return await work();
    } finally {
      this.charge(organizationId, this.now() - started);
    }
  }

  /** Charges the organization for `ms` of analytics time. */
  charge(organizationId: number, ms: number): void {
    const balance = this.balance(organizationId);
    this.buckets.set(organizationId, { balance: balance - ms, at: this.now() });
  }

  /**
   * Runs `work` once the organization may, and charges it the time it took, less `uncharged()` ms
   * it spent waiting rather than working (for a read ahead of works-council cells, say).
   */
  async run<T>(organizationId: number, work: () => Promise<T>, uncharged: () => number = () => 0): Promise<T> {
    await this.admit(organizationId);
    const started = this.now();
    try {
      return await work();
    } finally {
      this.charge(organizationId, Math.max(0, this.now() - started - uncharged()));
    }
  }
}

/** Longest an organization's request waits for its read time to refill; longer is 429. */
export const READ_MAX_WAIT_MS = 10_000;

const sharesByApp = new WeakMap<object, TimeShares>();

/** The read-time shares of one app (by its deps): analytics and explorer searches draw on the same bucket. */
export function readTimeSharesOf(deps: { costLimits: CostLimits }): TimeShares {
  let shares = sharesByApp.get(deps);
  if (!shares) {
    const { analyticsTimeMsPerSecond: msPerSecond, analyticsTimeBurstMs: burstMs } = deps.costLimits;
    sharesByApp.set(deps, (shares = new TimeShares({ msPerSecond, burstMs, maxWaitMs: READ_MAX_WAIT_MS })));
  }
  return shares;
}

// By the app's cost limits object: one per app.
const exportSharesByApp = new WeakMap<CostLimits, TimeShares>();

/**
 * The export worker's shares on the embedded database (one connection for everything): each
 * organization's export jobs read at the same rate as its interactive reads may, from a bucket of
 * their own (so that an organization's big export does not slow its own dashboard).
 */
export function exportTimeSharesOf(costLimits: CostLimits): TimeShares {
  let shares = exportSharesByApp.get(costLimits);
  if (!shares) {
    // Half the interactive rate, a quarter of its burst: a background job has no one waiting at a
    // screen, and on the one connection every ms it takes is a ms every other request waits.
    const msPerSecond = costLimits.analyticsTimeMsPerSecond / 2;
    const burstMs = costLimits.analyticsTimeBurstMs / 4;
    exportSharesByApp.set(costLimits, (shares = new TimeShares({ msPerSecond, burstMs, maxWaitMs: Infinity })));
  }
  return shares;
}
