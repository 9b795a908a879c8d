// Erasure of one end user's data on request (GDPR art. 17): every chat of the subject (by user_id
// or session_id) with its messages, the stored idempotency answers that name those chats, the
// export files that may contain them, and the target of audit entries about them (pseudonymized,
// the chain stays valid). One transaction; the answer is a receipt signed by the installation.
// Repeating a request erases whatever arrived since (zero counts if nothing did); an unknown
// subject is a receipt with zero counts, not an error.
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import { audited } from '../audit/service.js';
import { absoluteExportPath } from '../exports/files.js';
import { pageOf, sequenceCursor } from '../http/cursor.js';
import { badRequest, HttpError, notFound } from '../http/errors.js';
import * as repo from './erasure-repository.js';
import { signReceipt, subjectDigest, type ErasureCounts, type Receipt } from './receipt.js';
import { findSettings } from './repository.js';
import type { CreateErasureBody } from './erasure-schemas.js';

export function presentRequest(row: repo.ErasureRow) {
  return {
    id: row.id,
    status: row.status,
    dry_run: row.dryRun,
    subject: { type: row.subjectType, digest: row.subjectDigest },
    requested_by: row.requestedBy,
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    receipt: row.receipt as unknown as Receipt,
    signature: row.signature,
  };
}

function subjectOf(body: CreateErasureBody): repo.Subject {
  if (body.user_id !== undefined && body.session_id !== undefined) {
    throw badRequest('Send either user_id or session_id, not both', 'user_id');
  }
  if (body.user_id !== undefined) return { type: 'user_id', value: body.user_id };
  if (body.session_id !== undefined) return { type: 'session_id', value: body.session_id };
  throw badRequest('user_id is required (or session_id): whose data to erase', 'user_id');
}

export async function createErasure(request: FastifyRequest, organizationId: number, body: CreateErasureBody) {
  const subject = subjectOf(body);
  const dryRun = body.dry_run ?? false;
  const deps = request.server.deps;
  const digest = subjectDigest(deps.apiKeyHmacKey, organizationId, subject.type, subject.value);
  const requestedBy = request.principal?.kind === 'user' ? request.principal.userId : null;
  const row = await audited(
    request,
    (r: repo.ErasureRow) => ({
      action: dryRun ? 'erasure.dry_run' : 'erasure.completed',
      targetType: 'erasure_request',
      targetId: r.id,
      details: { subject_type: subject.type, subject_digest: digest, counts: (r.receipt as unknown as Receipt).counts },
    }),
    async ({ db, dataDir }) => {
      if (!dryRun && (await findSettings(db, organizationId)).legalHold) {
        throw new HttpError(409, 'legal_hold', 'The organization is under a legal hold: nothing may be erased until an admin lifts it (dry_run still works)');
      }
      const chats = await repo.lockSubjectChats(db, organizationId, subject);
      const ids = chats.map((c) => c.id);
      const oldest = chats.reduce<Date | undefined>((min, c) => (min === undefined || c.createdAt < min ? c.createdAt : min), undefined);
      const files = oldest === undefined ? [] : await repo.exportFilesSince(db, organizationId, oldest);
      const counts: ErasureCounts = {
        chats: chats.length,
        messages: await repo.countMessages(db, organizationId, ids),
        idempotency_answers: await repo.idempotencyAnswers(db, organizationId, ids, !dryRun),
        export_files: files.length,
        audit_entries_pseudonymized: await repo.auditEntriesAbout(db, organizationId, ids, !dryRun),
      };
      if (!dryRun) {
        // Files go before the commit: if the transaction then fails, a file is lost, never kept.
        for (const f of files) await fs.promises.rm(absoluteExportPath(dataDir, f.filePath), { force: true });
        await repo.markExportFilesDeleted(db, organizationId, files.map((f) => f.id));
        await repo.deleteChats(db, organizationId, ids);
      }
      const id = await repo.nextRequestId(db);
      const now = new Date();
      const { rows } = await db.execute<{ email: string }>(
        sql`SELECT email FROM users WHERE organization_id = ${organizationId} AND id = ${requestedBy ?? 0}`,
      );
      const receipt: Receipt = {
        version: 1,
        request_id: id,
        organization_id: organizationId,
        subject: { type: subject.type, digest },
        dry_run: dryRun,
        requested_by: { user_id: requestedBy, email: rows[0]?.email ?? null },
        requested_at: now.toISOString(),
        completed_at: now.toISOString(),
        counts,
      };
      return repo.insertRequest(db, {
        organizationId,
        id,
        subjectType: subject.type,
        subjectDigest: digest,
        dryRun,
        status: dryRun ? 'dry_run' : 'completed',
        requestedBy,
        createdAt: now,
        completedAt: now,
        receipt: receipt as unknown as Record<string, unknown>,
        signature: signReceipt(deps.apiKeyHmacKey, receipt),
      } as Parameters<typeof repo.insertRequest>[1]);
    },
  );
  return presentRequest(row);
}

export async function getErasure(request: FastifyRequest, organizationId: number, id: number) {
  const row = await repo.findRequest(request.server.deps.db, organizationId, id);
  if (!row) throw notFound('Erasure request not found');
  return presentRequest(row);
}

export async function listErasures(request: FastifyRequest, organizationId: number, limit: number, cursor?: string) {
  const rows = await repo.listRequests(request.server.deps.db, organizationId, limit + 1, cursor === undefined ? undefined : sequenceCursor.decode(cursor));
  const { page, next_cursor } = pageOf(rows, limit, (last) => sequenceCursor.encode(last.id));
  return { requests: page.map(presentRequest), next_cursor };
}
