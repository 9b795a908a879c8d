// The alert evaluator: runs in every server process, but one at a time per database — a pass runs
// only while holding a PostgreSQL advisory lock (PGlite has one process: no lock needed). A pass
// evaluates every enabled rule whose window (ending at the last whole hour) it has not evaluated
// yet, so each rule is evaluated once an hour whatever the interval and however many instances.
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../http/context.js';
import { evaluateRule, windowEnd } from './evaluate.js';
import * as repo from './repository.js';

// Arbitrary constant shared by every ChatLogger instance ("alerts" in ASCII).
const LOCK_KEY = 0x616c65727473;
const RULES_PER_PASS = 1000;

export interface EvaluatorOptions {
  /** How often a pass runs (ALERT_EVALUATION_INTERVAL_SECONDS; default 60 s). */
  intervalMs: number;
  now: () => Date;
}

export class AlertEvaluator {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<number> | undefined;
  readonly options: EvaluatorOptions;

  constructor(
    private readonly deps: AppDeps,
    private readonly log: FastifyBaseLogger,
    options: Partial<EvaluatorOptions> = {},
  ) {
    this.options = { intervalMs: 60_000, now: () => new Date(), ...options };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce().catch((err) => this.log.error({ err }, 'alert evaluator: pass failed')), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.pass?.catch(() => {});
  }

  /** One pass (unless one is running here, or another instance holds the lock): rules evaluated. */
  runOnce(): Promise<number> {
    this.pass ??= this.locked(() => this.evaluateDue()).finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async locked(fn: () => Promise<number>): Promise<number> {
    if (this.deps.databaseKind === 'pglite') return fn();
    const client = await this.deps.pool.connect();
    try {
      const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS mine', [LOCK_KEY]);
      if (!rows[0].mine) return 0;
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }

  private async evaluateDue(): Promise<number> {
    const now = this.options.now();
    const rules = await repo.dueRules(this.deps.db, windowEnd(now), RULES_PER_PASS);
    for (const rule of rules) {
      try {
        await evaluateRule(this.deps, rule, now);
      } catch (err) {
        this.log.error({ err, ruleId: rule.id, organizationId: rule.organizationId }, 'alert evaluator: rule failed');
      }
    }
    return rules.length;
  }
}
