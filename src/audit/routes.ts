// The audit log's API (admins): pages newest first with filters, a CSV download, the chain check.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import { authenticate, principalOf } from '../http/authenticate.js';
import { pageOf, sequenceCursor } from '../http/cursor.js';
import { badRequest } from '../http/errors.js';
import { DASHBOARD_SECURITY, errorResponses } from '../http/schemas.js';
import { CSV_COLUMNS, csvRow, presentEntry } from './presenter.js';
import { listEntries, type AuditFilter } from './repository.js';
import { AuditExportQuery, AuditPage, AuditQuery, ChainReport } from './schemas.js';
import { actorOf, recordAudit } from './service.js';
import { verifyChain } from './verify.js';

const adminOnly = authenticate({ roles: ['admin'] });
const tags = ['Audit log'];
const security = DASHBOARD_SECURITY;
const EXPORT_PAGE = 1000;
const csvResponse = { description: 'The entries as CSV (Content-Disposition: attachment)', content: { 'text/csv': { schema: { type: 'string' } } } };
// A download is bounded like every request; narrow it with since/until beyond this.
const EXPORT_MAX_ROWS = 200_000;

function date(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw badRequest(`${field} must be an ISO 8601 date-time`, field);
  return d;
}

function filterOf(q: AuditExportQuery): AuditFilter {
  return {
    action: q.action,
    actorId: q.actor_id,
    actorType: q.actor_type,
    targetType: q.target_type,
    targetId: q.target_id,
    since: date(q.since, 'since'),
    until: date(q.until, 'until'),
  };
}

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/audit',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: "The organization's audit log (admin), newest first, with filters and cursor paging",
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses(400, 401, 403, 500) },
      },
      config: { failureMessage: 'Failed to read the audit log' },
    },
    async (request) => {
      const { limit = 50, cursor, ...rest } = request.query;
      const filter = { ...filterOf(rest), beforeSeq: cursor === undefined ? undefined : sequenceCursor.decode(cursor) };
      const rows = await listEntries(app.deps.db, principalOf(request).organizationId, filter, limit + 1);
      const { page, next_cursor } = pageOf(rows, limit, (last) => sequenceCursor.encode(last.seq));
      return { entries: page.map(presentEntry), next_cursor };
    },
  );

  app.get(
    '/api/v1/audit/export',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Download the audit log as CSV (admin), newest first, same filters; the download is itself audited',
        description: `At most ${EXPORT_MAX_ROWS} entries a download: narrow it with since/until beyond that.`,
        querystring: AuditExportQuery,
        response: { 200: csvResponse, ...errorResponses(400, 401, 403, 500) },
      },
      config: { failureMessage: 'Failed to export the audit log' },
    },
    async (request, reply) => {
      const filter = filterOf(request.query);
      const organizationId = principalOf(request).organizationId;
      const db = app.deps.db;
      // Written before the first byte: an export that cannot be audited does not start.
      await recordAudit(db, actorOf(request), { action: 'audit.exported', details: { filters: request.query } });
      async function* csv() {
        yield stringify([CSV_COLUMNS]);
        let beforeSeq: number | undefined;
        for (let sent = 0; sent < EXPORT_MAX_ROWS; ) {
          const rows = await listEntries(db, organizationId, { ...filter, beforeSeq }, Math.min(EXPORT_PAGE, EXPORT_MAX_ROWS - sent));
          if (rows.length === 0) return;
          yield stringify(rows.map(csvRow));
          sent += rows.length;
          beforeSeq = rows.at(-1)!.seq;
        }
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .header('cache-control', 'no-store')
        .send(Readable.from(csv()));
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: "Check the audit log's hash chain (admin): ok, or the first entry that was changed or removed",
        response: { 200: ChainReport, ...errorResponses(401, 403, 500) },
      },
      config: { failureMessage: 'Failed to verify the audit log' },
    },
    async (request) => verifyChain(app.deps.db, principalOf(request).organizationId),
  );
};
