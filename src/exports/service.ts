// Export rules: queueing a job, reading jobs back, serving a finished file, and the synchronous
// export. Every function takes the caller's organization id; another organization's job is 404.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { endUserView, rawUserIds, resolveUserFilter, type ShowUserId } from '../chats/end-users.js';
import { inInstantRange, parseChatFilters } from '../chats/filters.js';
import { assertTextSearchAllowed, worksCouncilOn } from '../transcript-access/service.js';
import type { CostLimits } from '../cost-limits/settings.js';
import type { AppDeps } from '../http/context.js';
import { keysetCursor, pageOf } from '../http/cursor.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import { absoluteExportPath } from './files.js';
import { CONTENT_TYPES, exportChunks } from './formats.js';
import * as repo from './repository.js';
import type { CreateExportBody } from './schemas.js';
import { databaseNow } from './source.js';

/** The bounds an export request is checked against (from CostLimits). */
export type ExportLimits = Pick<CostLimits, 'exportActiveJobsPerOrg' | 'exportJobsPerHourPerOrg' | 'exportBytesPerOrg' | 'exportSyncPerServer' | 'exportSyncPerOrg'>;

const tooMany = (message: string, retryAfter = 10) => new HttpError(429, 'too_many_exports', message, undefined, { 'retry-after': String(retryAfter) });
const mib = (bytes: number) => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`;
const gone = (message: string) => new HttpError(410, 'gone', message);

/** The filters as sent, except that an integer user_id is shown as the mode shows ids (a job saved before the mode was on). */
function shownFilters(filters: Record<string, unknown>, showUserId: ShowUserId) {
  return typeof filters.user_id === 'number' ? { ...filters, user_id: showUserId(filters.user_id) } : filters;
}

export function presentExport(row: repo.ExportRow, now = new Date(), showUserId: ShowUserId = rawUserIds) {
  const downloadable = row.status === 'completed' && row.expiresAt !== null && row.expiresAt > now;
  return {
    id: row.id,
    format: row.format,
    type: row.type,
    filters: shownFilters(row.filters, showUserId),
    status: row.status,
    row_count: row.rowCount,
    size_bytes: row.sizeBytes,
    error: row.error,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    completed_at: row.completedAt?.toISOString() ?? null,
    expires_at: row.expiresAt?.toISOString() ?? null,
    download_url: downloadable ? `/api/v1/exports/${row.id}/download` : null,
  };
}

export async function createExport(deps: AppDeps, organizationId: number, requestedBy: number | null, body: CreateExportBody, limits: ExportLimits) {
  const filters = body.filters ?? {};
  // 400 now rather than a failed job later (the job checks again: the mode may change meanwhile).
  await resolveUserFilter(deps, organizationId, parseChatFilters(filters, 'filters.'), 'filters.');
  await assertTextSearchAllowed(deps.db, organizationId, filters.q, 'filters.q');
  const result = await repo.insertJob(deps.db, organizationId, { requestedBy, format: body.format, type: body.type, filters }, {
    maxActive: limits.exportActiveJobsPerOrg,
    maxPerHour: limits.exportJobsPerHourPerOrg,
    maxBytesKept: limits.exportBytesPerOrg,
  });
  if ('row' in result) return result.row;
  if (result.refused === 'active') {
    throw tooMany(
      `Your organization already has ${limits.exportActiveJobsPerOrg} exports pending or in progress; ` +
        'wait for one to finish, or use POST /api/v1/exports/sync',
    );
  }
  if (result.refused === 'hourly') {
    throw tooMany(
      `Your organization has created ${limits.exportJobsPerHourPerOrg} exports in the last hour, the most allowed; ` +
        `try again in ${Math.ceil(result.retryAfterSeconds / 60)} minutes, or download the exports already made`,
      result.retryAfterSeconds,
    );
  }
  throw new HttpError(
    409,
    'export_quota_exceeded',
    `Your organization keeps ${mib(result.bytesKept)} of export files, its quota is ${mib(limits.exportBytesPerOrg)}; ` +
      'new exports can be queued once older files expire (7 days after they were made), or use POST /api/v1/exports/sync',
  );
}

export async function getExport(deps: AppDeps, organizationId: number, id: number) {
  const row = await repo.findJob(deps.db, organizationId, id);
  if (!row) throw notFound('Export not found');
  return presentExport(row, new Date(), (await endUserView(deps.db, organizationId)).show);
}

export async function listExports(deps: AppDeps, organizationId: number, limit: number, cursor?: string) {
  const after = cursor === undefined ? undefined : keysetCursor.decode(cursor, inInstantRange);
  const rows = await repo.listJobs(deps.db, organizationId, limit, after);
  const { page, next_cursor } = pageOf(rows, limit, keysetCursor.encode);
  const now = new Date();
  const { show } = await endUserView(deps.db, organizationId);
  return {
    exports: page.map((row) => presentExport(row, now, show)),
    next_cursor,
  };
}

export const attachment = (type: string, name: string, format: string) =>
  `attachment; filename="chatlogger-${type}-${name}.${format}"`;

/** A finished export's file, opened (so that a sweep deleting it meanwhile cannot cut the download). */
export async function openDownload(deps: AppDeps, organizationId: number, id: number) {
  const row = await repo.findJob(deps.db, organizationId, id);
  if (!row) throw notFound('Export not found');
  if (row.status === 'failed') throw conflict(`Export ${id} failed: ${row.error ?? 'unknown error'}; create a new one`);
  if (row.status !== 'completed') throw conflict(`Export ${id} is not ready yet (status: ${row.status}); try again when its status is completed`);
  if (!row.expiresAt || row.expiresAt <= new Date() || !row.filePath) {
    throw gone(`Export ${id} expired and its file was deleted; create a new one`);
  }
  let file: fs.promises.FileHandle;
  try {
    file = await fs.promises.open(absoluteExportPath(deps.dataDir, row.filePath), 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // Completed and not expired, yet no file: deleted by hand, or written on another server's disk.
    throw gone(`The file of export ${id} is no longer available; create a new one`);
  }
  const { size } = await file.stat();
  return {
    stream: file.createReadStream(),
    size,
    contentType: CONTENT_TYPES[row.format],
    disposition: attachment(row.type, String(row.id), row.format),
  };
}

/**
 * Counts the synchronous exports of this process and stops them on shutdown. A slot is taken
 * before the export starts and given back when its stream closes (finished, failed or cut off).
 */
export class SyncExports {
  private readonly active = new Set<Readable>();
  private readonly perOrganization = new Map<number, number>();
  constructor(private readonly limits: Pick<ExportLimits, 'exportSyncPerServer' | 'exportSyncPerOrg'>) {}

  get count() {
    return this.active.size;
  }

  private take(organizationId: number) {
    this.perOrganization.set(organizationId, (this.perOrganization.get(organizationId) ?? 0) + 1);
  }

  private give(organizationId: number) {
    const n = (this.perOrganization.get(organizationId) ?? 1) - 1;
    if (n > 0) this.perOrganization.set(organizationId, n);
    else this.perOrganization.delete(organizationId);
  }

  async start(deps: AppDeps, organizationId: number, body: CreateExportBody) {
    const filters = await resolveUserFilter(deps, organizationId, parseChatFilters(body.filters ?? {}, 'filters.'), 'filters.');
    await assertTextSearchAllowed(deps.db, organizationId, filters.q, 'filters.q');
    const { show: showUserId } = await endUserView(deps.db, organizationId);
    const withholdContent = await worksCouncilOn(deps.db, organizationId);
    // One organization's slow readers hold at most its own slots, never all of the server's.
    if ((this.perOrganization.get(organizationId) ?? 0) >= this.limits.exportSyncPerOrg) {
      throw tooMany(
        `Your organization is already streaming ${this.limits.exportSyncPerOrg} synchronous exports from this server; ` +
          'wait for one to finish, or use POST /api/v1/exports',
      );
    }
    if (this.active.size >= this.limits.exportSyncPerServer) {
      throw tooMany(`The server is already streaming ${this.limits.exportSyncPerServer} exports; try again shortly, or use POST /api/v1/exports`);
    }
    const placeholder = new Readable({ read() {} });
    this.active.add(placeholder); // holds the slot while the first batch is read
    this.take(organizationId);
    let streaming = false;
    try {
      const until = await databaseNow(deps.pool);
      const controller = new AbortController();
      const source = { db: deps.db, pool: deps.pool, organizationId, filters, showUserId, until, signal: controller.signal, statementTimeoutMs: deps.costLimits.readStatementTimeoutMs, withholdContent };
      const chunks = exportChunks(source, body.format, body.type, { rows: 0 });
      // The first chunk is read before the answer starts, so that a failure there is a proper
      // error response rather than a cut-off download.
      const first = await chunks.next();
      async function* all() {
        if (!first.done) yield first.value;
        yield* chunks;
      }
      const stream = Readable.from(all(), { objectMode: false });
      this.active.add(stream);
      streaming = true;
      stream.once('close', () => {
        controller.abort();
        this.active.delete(stream);
        this.give(organizationId);
      });
      return {
        stream,
        contentType: CONTENT_TYPES[body.format],
        disposition: attachment(body.type, until.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z'), body.format),
      };
    } finally {
      this.active.delete(placeholder);
      if (!streaming) this.give(organizationId);
    }
  }

  /** Cuts every running synchronous export (server shutting down). */
  abortAll() {
    for (const stream of this.active) stream.destroy();
  }
}
