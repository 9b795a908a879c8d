// Four-eyes access to transcripts in works-council mode. An admin asks to read one chat's
// transcript, for a reason and a duration; a second admin approves or denies; the requester alone
// may then read it (messages and title) until the grant expires. Every step, and every page read
// under a grant, is in the audit log. With the mode off nothing here is needed: transcripts are
// read as before.
import type { FastifyRequest } from 'fastify';
import { actorOf, audited, recordAudit } from '../audit/service.js';
import { findChat } from '../db/rows.js';
import type { Db } from '../db/connection.js';
import type { Principal } from '../http/authenticate.js';
import { principalOf } from '../http/authenticate.js';
import type { AppDeps } from '../http/context.js';
import { idCursor, pageOf } from '../http/cursor.js';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../http/errors.js';
import { findSettings } from '../privacy/repository.js';
import * as repo from './repository.js';
import { DURATION_DEFAULT_MINUTES, PENDING_HOURS, type AccessStatus, type CreateAccessRequestBody, type ListAccessRequestsQuery } from './schemas.js';

const HOUR_MS = 3_600_000;

/** The status as answered: expired and withdrawn are computed (see ACCESS_STATUSES). */
export function statusOf(r: repo.AccessRequestRow, now = new Date()): AccessStatus {
  if (r.status === 'approved') return r.expiresAt !== null && r.expiresAt <= now ? 'expired' : 'approved';
  if (r.status === 'pending') return pendingUntil(r) <= now ? 'expired' : 'pending';
  return r.decidedBy === null ? 'withdrawn' : 'denied';
}

const pendingUntil = (r: repo.AccessRequestRow) => new Date(r.createdAt.getTime() + PENDING_HOURS * HOUR_MS);

export function presentRequest(r: repo.AccessRequestRow, now = new Date()) {
  const status = statusOf(r, now);
  return {
    id: r.id,
    chat_id: r.chatId,
    requested_by: r.requestedBy,
    reason: r.reason,
    duration_minutes: r.durationMinutes,
    status,
    decided_by: r.decidedBy,
    decided_at: r.decidedAt?.toISOString() ?? null,
    expires_at: r.expiresAt?.toISOString() ?? null,
    pending_until: status === 'pending' ? pendingUntil(r).toISOString() : null,
    created_at: r.createdAt.toISOString(),
  };
}

export const worksCouncilOn = async (db: Db, organizationId: number) => (await findSettings(db, organizationId)).worksCouncil;

const userIdOf = (request: FastifyRequest) => {
  const p = principalOf(request);
  if (p.kind !== 'user') throw forbidden('Only a signed-in admin can do this');
  return p.userId;
};

export async function createRequest(request: FastifyRequest, organizationId: number, body: CreateAccessRequestBody) {
  const userId = userIdOf(request);
  const reason = body.reason.trim();
  if (reason.length === 0) throw badRequest('reason must say why the transcript is needed (not only spaces)', 'reason');
  return audited(
    request,
    (r: ReturnType<typeof presentRequest>) => ({
      action: 'transcript_access.requested',
      targetType: 'chat',
      targetId: r.chat_id,
      details: { request_id: r.id, reason: r.reason, duration_minutes: r.duration_minutes },
    }),
    async ({ db }) => {
      if (!(await worksCouncilOn(db, organizationId))) {
        throw new HttpError(409, 'works_council_off', 'Works-council mode is off: transcripts are readable without a request');
      }
      if (!(await findChat(db, organizationId, body.chat_id))) throw notFound('Chat not found');
      // Four eyes need two admins: with one, no request could ever be approved.
      if ((await repo.otherAdmins(db, organizationId, userId)) === 0) {
        throw new HttpError(
          409,
          'no_second_admin',
          'Your organization has no other admin to approve the request: in works-council mode an organization with a single admin cannot read transcripts. Make a second member an admin first',
        );
      }
      const row = await repo.insertRequest(db, organizationId, {
        chatId: body.chat_id,
        requestedBy: userId,
        reason,
        durationMinutes: body.duration_minutes ?? DURATION_DEFAULT_MINUTES,
      });
      return presentRequest(row);
    },
  );
}

/** 409 unless the request can still be decided (or withdrawn): pending and not lapsed. */
function assertOpen(current: repo.AccessRequestRow) {
  const status = statusOf(current);
  if (status === 'expired' && current.status === 'pending') {
    throw new HttpError(409, 'request_expired', `This request was made more than ${PENDING_HOURS} hours ago without a decision and has lapsed: ask again, with the reason as it stands now`);
  }
  if (status !== 'pending') throw conflict(`This request is already ${status}`);
}

export async function decideRequest(request: FastifyRequest, organizationId: number, id: number, approve: boolean) {
  const userId = userIdOf(request);
  // The attempt to decide one's own request is refused on the record: the entry is written on its
  // own, since the refusal rolls back the transaction below. (requested_by never changes.)
  const mine = await repo.findRequest(request.server.deps.db, organizationId, id);
  if (mine && mine.requestedBy === userId) {
    await recordAudit(request.server.deps.db, actorOf(request), {
      action: approve ? 'transcript_access.self_approval_refused' : 'transcript_access.self_denial_refused',
      targetType: 'chat',
      targetId: mine.chatId,
      details: { request_id: mine.id, status: statusOf(mine) },
    });
    throw forbidden(
      approve
        ? 'You cannot approve your own access request: another admin must approve or deny it (this attempt is in the audit log)'
        : 'You cannot deny your own access request: withdraw it instead (POST …/withdraw)',
    );
  }
  return audited(
    request,
    (r: ReturnType<typeof presentRequest>) => ({
      action: approve ? 'transcript_access.approved' : 'transcript_access.denied',
      targetType: 'chat',
      targetId: r.chat_id,
      details: { request_id: r.id, requested_by: r.requested_by, expires_at: r.expires_at },
    }),
    async ({ db }) => {
      const current = await repo.findRequest(db, organizationId, id, true);
      if (!current) throw notFound('Access request not found');
      if (current.requestedBy === userId) throw forbidden('You cannot decide your own access request: another admin must approve or deny it');
      assertOpen(current);
      const row = await repo.decide(db, organizationId, id, userId, approve);
      if (!row) throw conflict('This request was decided or lapsed meanwhile');
      return presentRequest(row);
    },
  );
}

/** The requester takes back their own open request (nobody else can: another admin denies it). */
export async function withdrawRequest(request: FastifyRequest, organizationId: number, id: number) {
  const userId = userIdOf(request);
  return audited(
    request,
    (r: ReturnType<typeof presentRequest>) => ({
      action: 'transcript_access.withdrawn',
      targetType: 'chat',
      targetId: r.chat_id,
      details: { request_id: r.id },
    }),
    async ({ db }) => {
      const current = await repo.findRequest(db, organizationId, id, true);
      if (!current) throw notFound('Access request not found');
      if (current.requestedBy !== userId) throw forbidden('Only the admin who made an access request can withdraw it: deny it instead');
      assertOpen(current);
      const row = await repo.withdraw(db, organizationId, id);
      if (!row) throw conflict('This request was decided or lapsed meanwhile');
      return presentRequest(row);
    },
  );
}

export async function getRequest(deps: AppDeps, organizationId: number, id: number) {
  const row = await repo.findRequest(deps.db, organizationId, id);
  if (!row) throw notFound('Access request not found');
  return presentRequest(row);
}

export async function listRequests(deps: AppDeps, organizationId: number, q: ListAccessRequestsQuery) {
  const limit = q.limit ?? 50;
  const rows = await repo.listRequests(deps.db, organizationId, {
    status: q.status,
    chatId: q.chat_id,
    beforeId: q.cursor === undefined ? undefined : idCursor.decode(q.cursor, 'before'),
    limit,
  });
  const { page, next_cursor } = pageOf(rows, limit, (last) => idCursor.encode(last.id));
  return { requests: page.map((r) => presentRequest(r)), next_cursor };
}

// ---- enforcement (used by src/messages, src/chats) ----------------------------------------------

export const TITLE_HIDDEN_REASON = 'works_council: the title is part of the transcript; it needs an approved access request';

/**
 * May this caller read this chat's transcript now? With the mode off, yes (undefined). In the mode,
 * only a user holding an approved, unexpired request for it (the grant is returned); anyone else is
 * 403 transcript_access_required. Viewers and users can never hold a grant (only admins request).
 */
export async function transcriptGrant(db: Db, principal: Principal, chatId: number): Promise<repo.AccessRequestRow | undefined> {
  if (!(await worksCouncilOn(db, principal.organizationId))) return undefined;
  // Another organization's chat, or none, stays a 404 (not a 403 that would confirm it exists).
  if (!(await findChat(db, principal.organizationId, chatId))) throw notFound('Chat not found');
  const holder = grantHolder(principal);
  const grant = holder === undefined ? undefined : await repo.activeGrant(db, principal.organizationId, holder, chatId);
  if (!grant) {
    throw new HttpError(
      403,
      'transcript_access_required',
      principal.kind === 'user' && principal.role !== 'admin' && principal.role !== 'superadmin'
        ? 'Works-council mode: transcripts are readable only by an admin whose access request another admin approved'
        : 'Works-council mode: request access to this transcript (POST /api/v1/transcript-access-requests) and have another admin approve it',
    );
  }
  return grant;
}

/** The user whose grants count: an admin now (a member demoted since the approval reads no more). */
const grantHolder = (p: Principal): number | undefined => (p.kind === 'user' && (p.role === 'admin' || p.role === 'superadmin') ? p.userId : undefined);

type Titled = { id: number; title: string | null; title_hidden_reason?: string };

/** In the mode, the titles of chats the caller holds no grant for become null, with the reason. */
export async function withholdTitles<T extends Titled>(db: Db, principal: Principal, chats: T[]): Promise<T[]> {
  if (chats.length === 0 || !(await worksCouncilOn(db, principal.organizationId))) return chats;
  const holder = grantHolder(principal);
  const granted = holder === undefined ? new Set<number>() : await repo.grantedChats(db, principal.organizationId, holder, chats.map((c) => c.id));
  return chats.map((c) => (granted.has(c.id) ? c : { ...c, title: null, title_hidden_reason: TITLE_HIDDEN_REASON }));
}

/**
 * In the mode, a text search over titles and messages is refused: even limited to granted chats, a
 * match or no match would tell what a closed transcript says.
 */
export async function assertTextSearchAllowed(db: Db, organizationId: number, q: string | undefined, field = 'q') {
  if (q === undefined || q.trim() === '') return;
  if (await worksCouncilOn(db, organizationId)) {
    throw new HttpError(403, 'works_council_search_disabled', `Works-council mode: ${field} (a search in titles and message text) is not available, since a match would reveal what a closed transcript says`, field);
  }
}
