// The webhook delivery worker: runs in every server process. It claims due events from the queue
// in the database (SKIP LOCKED: several instances share the work, never the same event), sends
// them, and records each attempt. Time comes from an injectable clock and randomness from an
// injectable source, so that tests drive retries and disabling without waiting.
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../http/context.js';
import { nextAttemptAt } from './backoff.js';
import { payloadOf } from './payloads.js';
import { claimEvents, deleteFinishedEvents, recordAttempt, type ClaimedEvent } from './queue.js';
import { send } from './sender.js';
import { signatureHeaders } from './signing.js';
import { WakeableSleep } from '../background/wakeable-sleep.js';

export interface WebhookWorkerOptions {
  /** How often an idle worker looks for due events (it is also woken when this process queues one). */
  pollIntervalMs: number;
  /** A receiver that has not answered completely within this is cut off (the attempt failed). */
  timeoutMs: number;
  /** Events claimed (and sent concurrently) at once. */
  batchSize: number;
  /** Allow private, loopback and link-local receivers (WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** The clock of scheduling (next attempts, leases, disabling). Signatures use the real time. */
  now: () => Date;
  /** Jitter source, [0, 1). */
  random: () => number;
  /** Delivered and failed events (and their delivery logs) are deleted after this. */
  retentionMs: number;
}

export const DEFAULT_WEBHOOK_WORKER_OPTIONS: WebhookWorkerOptions = {
  pollIntervalMs: 1000,
  timeoutMs: 10_000,
  batchSize: 20,
  allowPrivate: false,
  now: () => new Date(),
  random: Math.random,
  retentionMs: 30 * 86_400_000,
};

const SWEEP_INTERVAL_MS = 3_600_000;

export class WebhookWorker {
  readonly options: WebhookWorkerOptions;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly pause = new WakeableSleep();
  private lastSweep = -Infinity;

  constructor(
    private readonly deps: AppDeps,
    private readonly log: FastifyBaseLogger,
    options: Partial<WebhookWorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WEBHOOK_WORKER_OPTIONS, ...options };
  }

  /** The lease of a claim: longer than any attempt can take, so that a live worker never loses one. */
  get leaseMs(): number {
    return this.options.timeoutMs + 20_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = undefined;
  }

  wake(): void {
    this.pause.wake();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        if (this.options.now().getTime() - this.lastSweep >= SWEEP_INTERVAL_MS) await this.sweep();
        worked = (await this.runOnce()) > 0;
      } catch (err) {
        this.log.error({ err }, 'webhook worker: polling failed');
      }
      if (!worked && this.running) await this.pause.sleep(this.options.pollIntervalMs);
    }
  }


  /** Claims the due events (one batch) and delivers them; how many were attempted. */
  async runOnce(): Promise<number> {
    const events = await claimEvents(this.deps.db, this.options.now(), this.leaseMs, this.options.batchSize);
    await Promise.all(events.map((event) => this.deliver(event)));
    return events.length;
  }

  /** Deletes what is past its retention (the queue and the log stay bounded); how many events. */
  async sweep(): Promise<number> {
    const now = this.options.now();
    this.lastSweep = now.getTime();
    let deleted = 0;
    for (let n = -1; n !== 0; deleted += n) n = await deleteFinishedEvents(this.deps.db, new Date(now.getTime() - this.options.retentionMs));
    if (deleted > 0) this.log.info({ deleted }, 'webhook worker: deleted old events and their deliveries');
    return deleted;
  }

  /** Runs batches until nothing is due (tests). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  private async deliver(event: ClaimedEvent): Promise<void> {
    const log = this.log.child({ webhookEventId: event.id, organizationId: event.organizationId, attempt: event.attempts });
    try {
      const body = await payloadOf(this.deps, event, event.includeContent);
      const requestedAt = new Date();
      const headers = signatureHeaders(event, `msg_${event.id}`, requestedAt, body);
      const result = await send(event.url, headers, body, { timeoutMs: this.options.timeoutMs, allowPrivate: this.options.allowPrivate });
      const now = this.options.now();
      const retryAt = result.error === null ? null : nextAttemptAt(event.queuedAt, now, event.attempts, this.options.random());
      const recorded = await recordAttempt(this.deps.db, event, now, { requestedAt, durationMs: result.durationMs, status: result.status, body: result.body, error: result.error, retryAt });
      if (!recorded) log.warn('webhook delivery finished after another worker re-claimed the event; not recorded');
      else if (result.error) log.info({ error: result.error, retryAt }, 'webhook delivery failed');
    } catch (err) {
      // The event stays `sending` until its lease runs out, then it is claimed again.
      log.error({ err }, 'webhook worker: delivery could not be made or recorded');
    }
  }
}
