// The export worker: runs queued export jobs inside the server process, one at a time.
//
// The queue is the `exports` table, shared by every server instance: a job is claimed with
// UPDATE … WHERE (organization_id, id) = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1), so two workers
// never take the same job. While running, the worker refreshes the job's heartbeat; a job left
// `processing` with a stale heartbeat (its server died) is claimed again, up to `maxAttempts`
// claims in all, then failed. Every later write of a job is fenced on the attempt count the claim
// set, so a worker that lost its job (paused past the stale limit and re-claimed elsewhere) cannot
// overwrite the new owner's result.
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { endUserView, resolveUserFilter } from '../chats/end-users.js';
import { parseChatFilters, type ChatFilterInput } from '../chats/filters.js';
import type { Db } from '../db/connection.js';
import type { CostLimits } from '../cost-limits/settings.js';
import { isSqlState, isStatementTimeout } from '../db/errors.js';
import { exportTimeSharesOf, type TimeShares } from '../cost-limits/time-share.js';
import { HttpError } from '../http/errors.js';
import { deleteExportFile, relativeExportPath, removeStaleTempFiles, writeExportFile } from './files.js';
import { exportChunks } from './formats.js';
import { assertTextSearchAllowed, worksCouncilOn } from '../transcript-access/service.js';
import * as repo from './repository.js';
import { WakeableSleep } from '../background/wakeable-sleep.js';

export interface WorkerOptions {
  /** How often an idle worker looks for jobs (it is also woken when this process queues one). */
  pollIntervalMs: number;
  /** How often a running job's heartbeat is refreshed. */
  heartbeatIntervalMs: number;
  /** A processing job whose heartbeat is older than this is taken to be abandoned. */
  staleAfterMs: number;
  /** Claims of one job before it is failed. */
  maxAttempts: number;
  /** How long a finished file is kept (then deleted; downloads answer 410). */
  retentionMs: number;
  /** How often expired files (and temporary files of dead workers) are deleted. */
  sweepIntervalMs: number;
  /** Chats read per query. */
  chatBatchSize: number;
  /** How long the row of an expired (or failed) export stays, answering 410, before it is deleted. */
  purgeAfterMs: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  pollIntervalMs: 1000,
  heartbeatIntervalMs: 5000,
  staleAfterMs: 30_000,
  maxAttempts: 3,
  retentionMs: 7 * 24 * 3600 * 1000,
  sweepIntervalMs: 60_000,
  chatBatchSize: 1000,
  purgeAfterMs: 7 * 24 * 3600 * 1000,
};

export interface WorkerDeps {
  db: Db;
  pool: pg.Pool;
  dataDir: string;
  costLimits?: CostLimits;
  /** On the embedded database the worker's reads are paced per organization (exportTimeSharesOf). */
  databaseKind?: 'pglite' | 'postgres';
}

/** Why a running job was stopped by its own worker. */
class WorkerStopping extends Error {
  constructor() {
    super('the export worker is stopping');
  }
}
/** The file would make the organization keep more than its quota of export bytes. */
class OverQuota extends Error {
  constructor(quota: number) {
    super(
      `The export grew past the ${Math.round((quota / 1024 ** 2) * 10) / 10} MiB of export files your organization may keep ` +
        '(with the files it already keeps); narrow the filters, or wait for older exports to expire',
    );
  }
}

/** The chunks, failing with OverQuota once they add up to more than `maxBytes`. */
async function* capped(chunks: AsyncIterable<string>, maxBytes: number, quota: number): AsyncGenerator<string> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (bytes > maxBytes) throw new OverQuota(quota);
    yield chunk;
  }
}

class ClaimLost extends Error {
  constructor() {
    super('another worker has taken over this export');
  }
}

/** A sentence for the job's `error` column: never SQL, never a driver message. */
export function describeFailure(err: unknown): string {
  if (err instanceof HttpError || err instanceof OverQuota) return err.message; // e.g. a filter that no longer parses
  if (isStatementTimeout(err)) return 'The export was too expensive: reading its chats ran past the time limit of one database statement; narrow the filters (a shorter range, a longer q) and create it again';
  const code = (err as { code?: unknown })?.code;
  if (code === 'ENOSPC') return 'Could not write the export file: no space left on the device';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'Could not write the export file: permission denied';
  if (isSqlState(code)) return 'The database failed while reading the data to export';
  if (typeof code === 'string' && code.startsWith('E')) return 'The export could not be written or the database could not be reached';
  return 'Unexpected error while exporting';
}

export class ExportWorker {
  readonly options: WorkerOptions;
  private running = false;
  private stopRequested = false;
  private loop: Promise<void> | undefined;
  private current: AbortController | undefined;
  private readonly pause = new WakeableSleep();
  private lastSweep = 0;

  constructor(
    private readonly deps: WorkerDeps,
    private readonly log: FastifyBaseLogger,
    options: Partial<WorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
  }

  get started(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopRequested = false;
    this.lastSweep = 0;
    this.loop = this.run();
  }

  /** Looks for work now instead of at the next poll. */
  wake(): void {
    this.pause.wake();
  }

  /** Stops polling; a running job is interrupted and given back to the queue. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopRequested = true;
    this.current?.abort(new WorkerStopping());
    this.wake();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        if (Date.now() - this.lastSweep >= this.options.sweepIntervalMs) {
          this.lastSweep = Date.now();
          await this.sweep();
        }
        worked = await this.runOnce();
      } catch (err) {
        this.log.error({ err }, 'export worker: polling failed');
      }
      if (!worked && this.running) await this.pause.sleep(this.options.pollIntervalMs);
    }
  }


  /** Claims and runs one job; false when none was waiting. */
  async runOnce(): Promise<boolean> {
    const { db } = this.deps;
    const { staleAfterMs, maxAttempts } = this.options;
    const failed = await repo.failAbandonedJobs(db, staleAfterMs, maxAttempts);
    if (failed > 0) this.log.warn({ failed }, 'export worker: gave up on exports interrupted too often');
    const job = await repo.claimJob(db, staleAfterMs, maxAttempts);
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  private async execute(job: repo.ExportRow): Promise<void> {
    const { db, pool, dataDir } = this.deps;
    const log = this.log.child({ exportId: job.id, organizationId: job.organizationId, attempt: job.attempts });
    const controller = new AbortController();
    this.current = controller;
    if (this.stopRequested) controller.abort(new WorkerStopping());
    const heartbeat = setInterval(() => {
      repo.heartbeat(db, job).then(
        (mine) => {
          if (!mine) controller.abort(new ClaimLost());
        },
        (err) => log.warn({ err }, 'export worker: heartbeat failed'),
      );
    }, this.options.heartbeatIntervalMs);
    heartbeat.unref();
    const started = Date.now();
    try {
      // Works-council mode as it is when the file is written (it may have been turned on since the
      // request) decides the user_id filter and how ids are written, leaves out titles and message
      // text, and makes a q filter (a search in them) fail the job.
      const filters = await resolveUserFilter(this.deps, job.organizationId, parseChatFilters(job.filters as ChatFilterInput, 'filters.'), 'filters.');
      const { show: showUserId } = await endUserView(db, job.organizationId);
      const withholdContent = await worksCouncilOn(db, job.organizationId);
      await assertTextSearchAllowed(db, job.organizationId, filters.q, 'filters.q');
      const stats = { rows: 0 };
      const filePath = relativeExportPath(job.organizationId, job.id, job.format);
      // On the embedded database every statement waits for the one connection: a flood of export
      // jobs would stall every organization's ingest and analytics. Paced there per organization.
      const { costLimits, databaseKind } = this.deps;
      const shares = databaseKind === 'pglite' && costLimits ? exportTimeSharesOf(costLimits) : undefined;
      const formatted = exportChunks(
        // The export holds the chats that existed when it was requested.
        { db, pool, organizationId: job.organizationId, filters, showUserId, until: job.createdAt, signal: controller.signal, chatBatch: shares ? Math.min(this.options.chatBatchSize, PACED_CHAT_BATCH) : this.options.chatBatchSize, statementTimeoutMs: costLimits?.readStatementTimeoutMs, withholdContent },
        job.format,
        job.type,
        stats,
      );
      const chunks = shares ? paced(formatted, shares, job.organizationId) : formatted;
      // Disk is bounded per organization: this file may take what the organization's quota has left.
      const quota = this.deps.costLimits?.exportBytesPerOrg ?? Infinity;
      const room = quota - (Number.isFinite(quota) ? await repo.bytesKept(db, job.organizationId) : 0);
      const sizeBytes = await writeExportFile(dataDir, filePath, capped(chunks, room, quota), {
        signal: controller.signal,
        // Still ours? Checked last thing before the file appears under its final name.
        beforeCommit: async () => {
          if (!(await repo.heartbeat(db, job))) throw new ClaimLost();
        },
      });
      const completed = await repo.completeJob(db, job, { filePath, rowCount: stats.rows, sizeBytes, retentionMs: this.options.retentionMs });
      if (completed) log.info({ rows: stats.rows, sizeBytes, ms: Date.now() - started }, 'export completed');
      else log.warn('export finished after another worker took it over; its result is not recorded');
    } catch (err) {
      const reason = controller.signal.aborted ? controller.signal.reason : err;
      if (reason instanceof WorkerStopping) {
        log.info('export interrupted by shutdown; back in the queue');
        await repo.releaseJob(db, job).catch((e) => log.error({ err: e }, 'export worker: could not release the job'));
      } else if (reason instanceof ClaimLost || err instanceof ClaimLost) {
        log.warn('export taken over by another worker; stopped');
      } else {
        log.error({ err }, 'export failed');
        // Over quota: another attempt would only write the same bytes again.
        await repo
          .failAttempt(db, job, describeFailure(err), err instanceof OverQuota ? job.attempts : this.options.maxAttempts)
          .catch((e) => log.error({ err: e }, 'export worker: could not record the failure'));
      }
    } finally {
      clearInterval(heartbeat);
      this.current = undefined;
    }
  }

  /** Deletes the files of expired exports (their rows stay) and temporary files of dead workers. */
  async sweep(): Promise<number> {
    const { db, dataDir } = this.deps;
    let deleted = 0;
    for (;;) {
      const rows = await repo.findExpiredFiles(db, 100);
      for (const row of rows) {
        if (row.filePath) await deleteExportFile(dataDir, row.filePath);
        await repo.markFileDeleted(db, row.organizationId, row.id);
        deleted++;
      }
      if (rows.length < 100) break;
    }
    if (deleted > 0) this.log.info({ deleted }, 'export worker: deleted expired export files');
    // Rows of exports expired (or failed) for longer than purgeAfterMs go, with any file left.
    let purged = 0;
    for (;;) {
      const rows = await repo.findPurgeable(db, this.options.purgeAfterMs, 100);
      for (const row of rows) {
        if (row.filePath) await deleteExportFile(dataDir, row.filePath);
        await repo.deleteJob(db, row.organizationId, row.id);
        purged++;
      }
      if (rows.length < 100) break;
    }
    if (purged > 0) this.log.info({ purged }, 'export worker: deleted the rows of long-expired exports');
    // A temporary file untouched for this long belongs to no running worker.
    await removeStaleTempFiles(dataDir, Math.max(this.options.staleAfterMs * 4, 3600_000));
    return deleted;
  }
}

// Paced, a chunk is what another request may have to wait behind: smaller ones on the embedded database.
const PACED_CHAT_BATCH = 200;

/**
 * The chunks of an export, each read and formatted (its queries and the CPU that turns rows into
 * JSON or CSV, which runs on the server's one thread) only when the organization's share allows.
 */
async function* paced(chunks: AsyncGenerator<string>, shares: TimeShares, organizationId: number): AsyncGenerator<string> {
  try {
    for (;;) {
      const next = await shares.pace(organizationId, () => chunks.next());
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await chunks.return(undefined); // a cut-off export stops reading too
  }
}
