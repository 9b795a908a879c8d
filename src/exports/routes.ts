import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, organizationOf, principalOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses } from '../http/schemas.js';
import { CreateExportBody, CreateExportResponse, ExportIdParams, ExportJob, ExportList, ListExportsQuery } from './schemas.js';
import { createExport, getExport, listExports, openDownload, SyncExports, type ExportLimits } from './service.js';
import { ExportWorker, type WorkerOptions } from './worker.js';
import { actorOf, audited, recordAudit } from '../audit/service.js';

export interface ExportPluginOptions {
  /** Worker settings (poll interval, heartbeat, staleness, attempts, retention, sweep interval). */
  worker?: Partial<WorkerOptions>;
  /** false: this instance queues jobs but does not run them (another instance does). Default true. */
  runWorker?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's export worker (started when the app is ready, stopped on close). */
    exportWorker: ExportWorker;
  }
}

const tags = ['Exports'];
const security = DASHBOARD_SECURITY;
const anyMember = authenticate();

const fileResponse = {
  description: 'The export file, streamed (Content-Disposition: attachment)',
  content: {
    'text/csv': { schema: { type: 'string' } },
    'application/json': { schema: { type: 'string' } },
    'application/x-ndjson': { schema: { type: 'string' } },
  },
};

const formatsDescription =
  'format: csv (RFC 4180, UTF-8, header row, CRLF; tags joined with "|"; one column per metadata field; text cells ' +
  'starting with = + - @ tab or CR are prefixed with a single quote against formula injection), json (one array) or ' +
  'ndjson (one object per line). type: chats; messages (the messages of the matching chats, with chat_id); all ' +
  '(JSON/NDJSON: each chat with a messages array; CSV: one row per message with its chat\'s columns repeated, and ' +
  'one row with empty message columns for a chat without messages). filters: those of GET /api/v1/chats. Chats come ' +
  'oldest first; the export holds the chats created up to the moment it was requested.';

export const exportRoutes: FastifyPluginAsyncTypebox<ExportPluginOptions> = async (app, options) => {
  // Every bound comes from the app's CostLimits (environment variables, README "Limits").
  const limits: ExportLimits = app.deps.costLimits;
  const worker = new ExportWorker(app.deps, app.log.child({ component: 'export-worker' }), options.worker);
  const syncExports = new SyncExports(limits);
  app.decorate('exportWorker', worker);
  if (options.runWorker !== false) app.addHook('onReady', async () => worker.start());
  app.addHook('preClose', async () => syncExports.abortAll());
  app.addHook('onClose', async () => worker.stop());

  app.post(
    '/api/v1/exports',
    {
      onRequest: anyMember,
      schema: {
        tags,
        security,
        summary: 'Queue an export of chats and/or messages',
        description:
          `${formatsDescription} Answers 202 with the job's id; poll GET /api/v1/exports/{id} until status is completed, ` +
          `then download. Per organization: at most ${limits.exportActiveJobsPerOrg} exports pending or in progress and ` +
          `${limits.exportJobsPerHourPerOrg} created per hour (429 with Retry-After beyond), and at most ` +
          `${Math.round(limits.exportBytesPerOrg / 1024 ** 2)} MiB of files kept (409 export_quota_exceeded beyond; an export that ` +
          'would grow past it fails). Files are kept 7 days.',
        body: CreateExportBody,
        response: { 202: CreateExportResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 429, 500) },
      },
      config: { failureMessage: 'Failed to create export' },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const row = await audited(
        request,
        (r: { id: number }) => ({ action: 'export.created', targetType: 'export', targetId: r.id, details: { ...request.body } }),
        (deps) => createExport(deps, organizationOf(request), principal.kind === 'user' ? principal.userId : null, request.body, limits),
      );
      worker.wake();
      return reply.code(202).send({ export_id: row.id, status: 'pending' });
    },
  );

  app.post(
    '/api/v1/exports/sync',
    {
      onRequest: anyMember,
      schema: {
        tags,
        security,
        summary: 'Export now: the file is streamed back in the response',
        description:
          `${formatsDescription} No row limit; the server reads the data in batches as the client reads the answer. ` +
          `At most ${limits.exportSyncPerOrg} synchronous exports per organization and ${limits.exportSyncPerServer} in all run at once ` +
          'on one server (429 beyond). ' +
          'A failure after the first bytes cuts the response off (no complete file is ever pretended).',
        body: CreateExportBody,
        response: { 200: fileResponse, ...errorResponses(400, 401, 403, 413, 415, 422, 429, 500) },
      },
      config: { failureMessage: 'Failed to export', tooExpensiveHint: 'a shorter from/to range or a longer q' },
    },
    async (request, reply) => {
      // Audited before the first byte: an export that cannot be audited does not start.
      await recordAudit(app.deps.db, actorOf(request), { action: 'export.downloaded', details: { ...request.body, sync: true } });
      const result = await syncExports.start(app.deps, organizationOf(request), request.body);
      return reply
        .header('content-type', result.contentType)
        .header('content-disposition', result.disposition)
        .header('cache-control', 'no-store')
        .send(result.stream);
    },
  );

  app.get(
    '/api/v1/exports',
    {
      onRequest: anyMember,
      schema: {
        tags,
        security,
        summary: "The organization's exports, newest first (keyset pagination)",
        querystring: ListExportsQuery,
        response: { 200: ExportList, ...errorResponses(400, 401, 403, 500) },
      },
      config: { failureMessage: 'Failed to list exports' },
    },
    async (request) => listExports(app.deps, organizationOf(request), request.query.limit ?? 20, request.query.cursor),
  );

  app.get(
    '/api/v1/exports/:id',
    {
      onRequest: anyMember,
      schema: {
        tags,
        security,
        summary: 'One export job; download_url is set once the file is ready (until it expires)',
        params: ExportIdParams,
        response: { 200: ExportJob, ...errorResponses(400, 401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to get export' },
    },
    async (request) => getExport(app.deps, organizationOf(request), Number(request.params.id)),
  );

  app.get(
    '/api/v1/exports/:id/download',
    {
      onRequest: anyMember,
      schema: {
        tags,
        security,
        summary: "Download a completed export's file",
        description: '409 while the export is pending, processing or failed; 410 once it has expired (7 days).',
        params: ExportIdParams,
        response: { 200: fileResponse, ...errorResponses(400, 401, 403, 404, 409, 410, 500) },
      },
      config: { failureMessage: 'Failed to download export' },
    },
    async (request, reply) => {
      const file = await openDownload(app.deps, organizationOf(request), Number(request.params.id));
      await recordAudit(app.deps.db, actorOf(request), { action: 'export.downloaded', targetType: 'export', targetId: Number(request.params.id) }).catch(
        (err: unknown) => {
          file.stream.destroy();
          throw err;
        },
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', file.disposition)
        .header('content-length', String(file.size))
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
};

// Like fastify-plugin: the worker's decoration and hooks belong to the app itself, so that
// `app.exportWorker` is reachable from the instance buildApp returns.
(exportRoutes as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
