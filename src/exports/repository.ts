// SQL of the export queue (the `exports` table). Every query a request makes is scoped by the
// caller's organization; the worker's queries (claim, heartbeat, sweep) span organizations by
// design and then name each job by its full key (organization_id, id).
import { and, desc, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { exportJobs } from '../db/schema.js';
import type { ExportFormat, ExportType } from './schemas.js';

export type ExportRow = typeof exportJobs.$inferSelect;

import type { Keyset } from '../db/columns.js';

export type { Keyset };

const ACTIVE = ['pending', 'processing'] as const;
// Advisory-lock namespace for "creating an export in organization N" (the second key is N).
const CREATE_LOCK = sql`hashtext('chatlogger.exports.create')`;

/** An organization's bounds on queued exports (src/cost-limits/settings.ts). */
export interface QueueLimits {
  maxActive: number;
  maxPerHour: number;
  maxBytesKept: number;
}

export type InsertResult =
  | { row: ExportRow }
  | { refused: 'active' }
  | { refused: 'hourly'; retryAfterSeconds: number }
  | { refused: 'bytes'; bytesKept: number };

/**
 * Adds a pending job unless the organization already has `maxActive` pending or processing ones,
 * created `maxPerHour` in the last hour, or keeps `maxBytesKept` bytes of files. The counts and
 * the insert run under a per-organization advisory lock, so concurrent requests cannot both slip
 * under a limit.
 */
export async function insertJob(
  db: Db,
  organizationId: number,
  job: { requestedBy: number | null; format: ExportFormat; type: ExportType; filters: Record<string, unknown> },
  limits: QueueLimits,
): Promise<InsertResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CREATE_LOCK}, (${organizationId}::bigint % 2147483647)::int)`);
    const { rows } = await tx.execute<{ active: number; hourly: number; oldest_age: number | null; bytes: number }>(sql`
      SELECT count(*) FILTER (WHERE status IN ('pending', 'processing'))::int AS active,
             count(*) FILTER (WHERE created_at > now() - interval '1 hour')::int AS hourly,
             extract(epoch FROM now() - min(created_at) FILTER (WHERE created_at > now() - interval '1 hour'))::float8 AS oldest_age,
             coalesce(sum(size_bytes) FILTER (WHERE status = 'completed' AND file_path IS NOT NULL), 0)::float8 AS bytes
      FROM exports WHERE organization_id = ${organizationId}`);
    const usage = rows[0];
    if (usage.active >= limits.maxActive) return { refused: 'active' as const };
    if (usage.hourly >= limits.maxPerHour) {
      return { refused: 'hourly' as const, retryAfterSeconds: Math.max(1, Math.ceil(3600 - (usage.oldest_age ?? 0))) };
    }
    if (usage.bytes >= limits.maxBytesKept) return { refused: 'bytes' as const, bytesKept: usage.bytes };
    const [row] = await tx
      .insert(exportJobs)
      .values({ organizationId, requestedBy: job.requestedBy, format: job.format, type: job.type, filters: job.filters })
      .returning();
    return { row };
  });
}

/** Bytes of export files the organization keeps (completed jobs whose file is not deleted yet). */
export async function bytesKept(db: Db, organizationId: number): Promise<number> {
  const { rows } = await db.execute<{ bytes: number }>(sql`
    SELECT coalesce(sum(size_bytes), 0)::float8 AS bytes FROM exports
    WHERE organization_id = ${organizationId} AND status = 'completed' AND file_path IS NOT NULL`);
  return rows[0].bytes;
}

export async function findJob(db: Db, organizationId: number, id: number): Promise<ExportRow | undefined> {
  const [row] = await db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.organizationId, organizationId), eq(exportJobs.id, id)));
  return row;
}

/** The organization's jobs, newest first, after `after`; one extra row tells whether more follow. */
export function listJobs(db: Db, organizationId: number, limit: number, after?: Keyset): Promise<ExportRow[]> {
  const conditions: SQL[] = [eq(exportJobs.organizationId, organizationId)];
  if (after) {
    conditions.push(sql`(${exportJobs.createdAt}, ${exportJobs.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::bigint)`);
  }
  return db
    .select()
    .from(exportJobs)
    .where(and(...conditions))
    .orderBy(desc(exportJobs.createdAt), desc(exportJobs.id))
    .limit(limit + 1);
}

// ---- the worker's side -------------------------------------------------------------------------

/**
 * Takes the oldest runnable job: pending, or processing with a heartbeat older than `staleMs`
 * (its worker died) and attempts left. SKIP LOCKED lets several workers claim at once without
 * waiting for each other or taking the same row. The claim counts an attempt; the new `attempts`
 * value is the claim's fencing token (see `fenced`).
 */
export async function claimJob(db: Db, staleMs: number, maxAttempts: number): Promise<ExportRow | undefined> {
  const stale = sql`now() - make_interval(secs => ${staleMs / 1000})`;
  const [row] = await db
    .update(exportJobs)
    .set({
      status: 'processing',
      attempts: sql`${exportJobs.attempts} + 1`,
      heartbeatAt: sql`now()`,
      startedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      sql`(${exportJobs.organizationId}, ${exportJobs.id}) = (
        SELECT organization_id, id FROM exports
        WHERE attempts < ${maxAttempts}
          AND (status = 'pending' OR (status = 'processing' AND (heartbeat_at IS NULL OR heartbeat_at < ${stale})))
        -- Round robin by organization: the organization whose last job started longest ago (or
        -- never) goes first, then its oldest job. One tenant queueing many jobs waits its turn.
        ORDER BY (SELECT max(s.started_at) FROM exports s WHERE s.organization_id = exports.organization_id) ASC NULLS FIRST,
                 created_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)`,
    )
    .returning();
  return row;
}

/** Jobs whose worker died on their last allowed attempt: failed, with a message. */
export async function failAbandonedJobs(db: Db, staleMs: number, maxAttempts: number): Promise<number> {
  const rows = await db
    .update(exportJobs)
    .set({
      status: 'failed',
      error: `The export was interrupted ${maxAttempts} times (the server running it stopped); giving up`,
      heartbeatAt: null,
      completedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      sql`${exportJobs.status} = 'processing' AND ${exportJobs.attempts} >= ${maxAttempts}
        AND (${exportJobs.heartbeatAt} IS NULL OR ${exportJobs.heartbeatAt} < now() - make_interval(secs => ${staleMs / 1000}))`,
    )
    .returning({ id: exportJobs.id });
  return rows.length;
}

/** Only while the job is still this claim's: processing with the attempt count the claim set. */
const fenced = (job: ExportRow) =>
  and(
    eq(exportJobs.organizationId, job.organizationId),
    eq(exportJobs.id, job.id),
    eq(exportJobs.status, 'processing'),
    eq(exportJobs.attempts, job.attempts),
  );

/** Refreshes the heartbeat; false when the job is no longer this claim's (another worker took it). */
export async function heartbeat(db: Db, job: ExportRow): Promise<boolean> {
  const rows = await db
    .update(exportJobs)
    .set({ heartbeatAt: sql`now()` })
    .where(fenced(job))
    .returning({ id: exportJobs.id });
  return rows.length > 0;
}

export async function completeJob(
  db: Db,
  job: ExportRow,
  result: { filePath: string; rowCount: number; sizeBytes: number; retentionMs: number },
): Promise<boolean> {
  const rows = await db
    .update(exportJobs)
    .set({
      status: 'completed',
      filePath: result.filePath,
      rowCount: result.rowCount,
      sizeBytes: result.sizeBytes,
      error: null,
      heartbeatAt: null,
      completedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(secs => ${result.retentionMs / 1000})`,
      updatedAt: sql`now()`,
    })
    .where(fenced(job))
    .returning({ id: exportJobs.id });
  return rows.length > 0;
}

/** A failed attempt: back to pending while attempts remain, else failed for good. */
export async function failAttempt(db: Db, job: ExportRow, message: string, maxAttempts: number): Promise<void> {
  const final = job.attempts >= maxAttempts;
  await db
    .update(exportJobs)
    .set({
      status: final ? 'failed' : 'pending',
      error: final ? message : `Attempt ${job.attempts} of ${maxAttempts} failed (${message}); it will be retried`,
      heartbeatAt: null,
      completedAt: final ? sql`now()` : null,
      updatedAt: sql`now()`,
    })
    .where(fenced(job));
}

/**
 * Gives a job back to the queue when this worker stops (app closing) before it finished. The
 * attempt does not count: the job did not fail, its worker was asked to stop.
 */
export async function releaseJob(db: Db, job: ExportRow): Promise<void> {
  await db
    .update(exportJobs)
    .set({ status: 'pending', attempts: sql`${exportJobs.attempts} - 1`, heartbeatAt: null, updatedAt: sql`now()` })
    .where(fenced(job));
}

/** Completed jobs past their expiry whose file has not been deleted yet. */
export function findExpiredFiles(db: Db, limit: number) {
  return db
    .select({ organizationId: exportJobs.organizationId, id: exportJobs.id, filePath: exportJobs.filePath })
    .from(exportJobs)
    .where(and(eq(exportJobs.status, 'completed'), isNotNull(exportJobs.filePath), lt(exportJobs.expiresAt, sql`now()`)))
    .limit(limit);
}

/**
 * Rows of exports that expired more than `graceMs` ago (completed), or failed that long ago: what
 * the sweep deletes, with their files if still there. Until then a download answers 410.
 */
export function findPurgeable(db: Db, graceMs: number, limit: number) {
  const before = sql`now() - make_interval(secs => ${graceMs / 1000})`;
  return db
    .select({ organizationId: exportJobs.organizationId, id: exportJobs.id, filePath: exportJobs.filePath })
    .from(exportJobs)
    .where(
      sql`(${exportJobs.status} = 'completed' AND ${exportJobs.expiresAt} < ${before})
        OR (${exportJobs.status} = 'failed' AND ${exportJobs.completedAt} < ${before})`,
    )
    .limit(limit);
}

export async function deleteJob(db: Db, organizationId: number, id: number): Promise<void> {
  await db.delete(exportJobs).where(and(eq(exportJobs.organizationId, organizationId), eq(exportJobs.id, id)));
}

/** Records that an expired job's file is gone (the row stays: downloads then answer 410). */
export async function markFileDeleted(db: Db, organizationId: number, id: number): Promise<void> {
  await db
    .update(exportJobs)
    .set({ filePath: null, updatedAt: sql`now()` })
    .where(and(eq(exportJobs.organizationId, organizationId), eq(exportJobs.id, id)));
}
