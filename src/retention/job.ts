// The retention job: applies each organization's retention settings and IP mode to stored data.
// It runs inside the server, one run at a time per database across every instance (a PostgreSQL
// advisory lock: an instance that finds it taken skips its turn), in bounded batches of one
// statement each, and is resumable: a run killed half-way leaves whole batches done and the rest
// for the next run. Organizations under a legal hold are skipped (and a hold placed mid-run stops
// the next batch).
import fs from 'node:fs';
import type pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { poolBeside, type Database } from '../db/connection.js';
import { absoluteExportPath } from '../exports/files.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './repository.js';

// pg_try_advisory_lock(key): "chatlogger retention" as a 64-bit number.
export const LOCK_KEY = 0x63686c5f7265746en;
const DAY_MS = 86_400_000;

export interface RetentionOptions {
  /** Chats per batch (each batch is one transaction). */
  batchSize?: number;
  /** The clock (tests pass a later one instead of waiting days). */
  now?: () => Date;
  log?: FastifyBaseLogger;
  /** Called after each committed batch with the organization's counts so far (progress, tests). */
  onBatch?: (report: OrganizationReport) => void;
}

export interface OrganizationReport {
  organization_id: number;
  chats_deleted: number;
  chats_content_purged: number;
  chats_metadata_purged: number;
  ip_addresses_rewritten: number;
  audit_entries_deleted: number;
  export_files_deleted: number;
}

export interface RunReport {
  /** false when another instance held the lock (this run did nothing). */
  ran: boolean;
  organizations: OrganizationReport[];
}

export class RetentionJob {
  private readonly batchSize: number;
  private readonly now: () => Date;
  private running: Promise<RunReport> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly lockPool: pg.Pool | undefined;

  constructor(private readonly database: Database, private readonly dataDir: string, private readonly options: RetentionOptions = {}) {
    this.batchSize = options.batchSize ?? 500;
    this.now = options.now ?? (() => new Date());
    // The advisory lock is held by a session for the whole run: on PostgreSQL a connection of its
    // own. PGlite is one session in one process (its data folder is locked): the lock is taken on it.
    this.lockPool = database.kind === 'postgres' ? poolBeside(database.pool, { max: 1 }) : undefined;
  }

  /** Runs now, then every `intervalMs`. */
  start(intervalMs: number): void {
    const tick = () => {
      this.runOnce()
        .catch((err) => this.options.log?.error({ err }, 'retention run failed'))
        .finally(() => {
          if (!this.stopping) this.timer = setTimeout(tick, intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, 1_000).unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => {});
    await this.lockPool?.end();
  }

  /** One run (a run already in progress in this process is joined, not repeated). */
  runOnce(): Promise<RunReport> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<RunReport> {
    const lockClient = this.lockPool ? await this.lockPool.connect() : undefined;
    const lockOn = lockClient ?? this.database.pool;
    try {
      const { rows } = await lockOn.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LOCK_KEY.toString()]);
      if (!rows[0].locked) return { ran: false, organizations: [] };
      try {
        const reports: OrganizationReport[] = [];
        for (const settings of await repo.organizationsToProcess(this.database.pool)) {
          if (this.stopping) break;
          const report = await this.processOrganization(settings);
          reports.push(report);
          const total = Object.entries(report).reduce((n, [k, v]) => (k === 'organization_id' ? n : n + v), 0);
          if (total > 0) {
            await recordAudit(this.database.db, { organizationId: report.organization_id, actorType: 'system', actorLabel: 'retention job' }, {
              action: 'retention.applied',
              details: { ...report, organization_id: undefined },
            });
            this.options.log?.info({ retention: report }, 'retention applied');
          }
        }
        return { ran: true, organizations: reports };
      } finally {
        await lockOn.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY.toString()]);
      }
    } finally {
      lockClient?.release();
    }
  }

  private async processOrganization(s: Awaited<ReturnType<typeof repo.organizationsToProcess>>[number]): Promise<OrganizationReport> {
    const pool = this.database.pool;
    const org = Number(s.organization_id);
    const now = this.now().getTime();
    const cutoff = (days: number | null) => (days === null ? null : new Date(now - days * DAY_MS));
    const report: OrganizationReport = {
      organization_id: org, chats_deleted: 0, chats_content_purged: 0, chats_metadata_purged: 0,
      ip_addresses_rewritten: 0, audit_entries_deleted: 0, export_files_deleted: 0,
    };
    const chatCutoff = cutoff(s.chat_retention_days);
    if (chatCutoff) {
      for (let n = this.batchSize; n === this.batchSize && !this.stopping; ) {
        n = await repo.deleteChatsBatch(pool, org, chatCutoff, this.batchSize);
        report.chats_deleted += n;
        this.options.onBatch?.(report);
      }
    }
    const walk = async (purge: typeof repo.purgeContentBatch, days: number | null) => {
      const c = cutoff(days);
      let done = 0;
      for (let after: repo.Keyset | null = repo.START; c && after && !this.stopping; ) {
        const batch = await purge(pool, org, c, after, this.batchSize);
        done += batch.done;
        this.options.onBatch?.({ ...report, [purge === repo.purgeContentBatch ? 'chats_content_purged' : 'chats_metadata_purged']: done });
        after = batch.done === this.batchSize ? batch.next : null;
      }
      return done;
    };
    report.chats_content_purged = await walk(repo.purgeContentBatch, s.content_retention_days);
    report.chats_metadata_purged = await walk(repo.purgeMetadataBatch, s.metadata_retention_days);
    if (s.ip_mode !== 'full') {
      for (let after: number | null = 0; after !== null && !this.stopping; ) {
        const batch = await repo.rewriteIpBatch(pool, org, after, this.batchSize);
        report.ip_addresses_rewritten += batch.done;
        after = batch.done === this.batchSize ? batch.next : null;
      }
    }
    const auditCutoff = cutoff(s.audit_retention_days);
    if (auditCutoff) {
      for (let n = -1; n !== 0 && !this.stopping; ) {
        n = await repo.pruneAuditBatch(pool, org, auditCutoff, 5_000);
        report.audit_entries_deleted += n;
      }
    }
    const shortest = [s.content_retention_days, s.metadata_retention_days, s.chat_retention_days].filter((d): d is number => d !== null);
    for (const file of await repo.exportFilesToDelete(pool, org, cutoff(shortest.length ? Math.min(...shortest) : null))) {
      await fs.promises.rm(absoluteExportPath(this.dataDir, file.filePath), { force: true });
      await repo.markExportFileDeleted(pool, org, file.id);
      report.export_files_deleted++;
    }
    return report;
  }
}
