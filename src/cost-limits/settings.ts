// The bounds on what one request may cost and on one organization's share of what all share:
// database time (statement_timeout), analytics slots, export disk, jobs and streams. Read from the
// environment by src/config.ts (the variables are listed in the README's "Limits" section).

export interface CostLimits {
  /** statement_timeout of analytics, explorer and export reads, in ms (PostgreSQL). */
  readStatementTimeoutMs: number;
  /** Analytics requests of one organization that run at once on one server. */
  analyticsRunningPerOrg: number;
  /** Analytics requests of one organization that may wait for a slot; beyond them, 429. */
  analyticsWaitingPerOrg: number;
  /** Analytics time (ms, summed over its requests) one organization's bucket refills per second. */
  analyticsTimeMsPerSecond: number;
  /** Analytics time one organization may spend at once before the refill rate applies (ms). */
  analyticsTimeBurstMs: number;
  /** Bytes of export files one organization may keep (completed, not yet expired). */
  exportBytesPerOrg: number;
  /** Export jobs one organization may create per hour (queued ones; synchronous ones are counted by slots). */
  exportJobsPerHourPerOrg: number;
  /** Pending + processing export jobs of one organization. */
  exportActiveJobsPerOrg: number;
  /** Synchronous exports streaming at once on one server, all organizations together. */
  exportSyncPerServer: number;
  /** Synchronous exports of one organization streaming at once on one server. */
  exportSyncPerOrg: number;
}

export const DEFAULT_COST_LIMITS: CostLimits = {
  readStatementTimeoutMs: 10_000,
  analyticsRunningPerOrg: 2,
  analyticsWaitingPerOrg: 16,
  analyticsTimeMsPerSecond: 250,
  analyticsTimeBurstMs: 2000,
  exportBytesPerOrg: 1024 ** 3,
  exportJobsPerHourPerOrg: 30,
  exportActiveJobsPerOrg: 3,
  exportSyncPerServer: 4,
  exportSyncPerOrg: 2,
};

/** The environment variable of each bound (the README's Limits table lists the same). */
export const COST_LIMIT_VARIABLES: Record<keyof CostLimits, string> = {
  readStatementTimeoutMs: 'READ_STATEMENT_TIMEOUT_MS',
  analyticsRunningPerOrg: 'ANALYTICS_CONCURRENCY_PER_ORG',
  analyticsWaitingPerOrg: 'ANALYTICS_QUEUE_PER_ORG',
  analyticsTimeMsPerSecond: 'ANALYTICS_TIME_MS_PER_SECOND',
  analyticsTimeBurstMs: 'ANALYTICS_TIME_BURST_MS',
  exportBytesPerOrg: 'EXPORT_QUOTA_BYTES_PER_ORG',
  exportJobsPerHourPerOrg: 'EXPORT_JOBS_PER_HOUR_PER_ORG',
  exportActiveJobsPerOrg: 'EXPORT_ACTIVE_JOBS_PER_ORG',
  exportSyncPerServer: 'EXPORT_SYNC_PER_SERVER',
  exportSyncPerOrg: 'EXPORT_SYNC_PER_ORG',
};
