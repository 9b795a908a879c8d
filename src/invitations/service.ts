import { findUserByEmail } from '../auth/repository.js';
import type { AppDeps } from '../http/context.js';
import { conflict, notFound } from '../http/errors.js';
import * as repo from './repository.js';
import type { CreateInvitationBody } from './schemas.js';
import { generateInviteToken, hashInviteToken, INVITATION_LIFETIME_MS } from './token.js';

const alreadyMember = () => conflict('This e-mail address is already a member of this organization', 'email');

export async function createInvitation(deps: AppDeps, organizationId: number, invitedBy: number, body: CreateInvitationBody) {
  const email = body.email.toLowerCase();
  // An account in another organization is not told apart from a free address (the admin would
  // learn who uses the installation): the invitation is made, and registering with it is then 409
  // (e-mails are unique across the installation), which costs a registration attempt per address.
  const existing = await findUserByEmail(deps.db, email);
  if (existing?.organizationId === organizationId) throw alreadyMember();
  const token = generateInviteToken();
  const row = await repo.replaceInvitation(deps.db, organizationId, {
    email,
    role: body.role,
    tokenHash: hashInviteToken(token, deps.apiKeyHmacKey),
    invitedBy,
    expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
  });
  return { id: row.id, email, role: body.role, invite_token: token, expires_at: row.expiresAt.toISOString() };
}

export async function listInvitations(deps: AppDeps, organizationId: number) {
  const rows = await repo.listPendingInvitations(deps.db, organizationId);
  return rows.map((r) => ({ ...r, created_at: r.created_at.toISOString(), expires_at: r.expires_at.toISOString() }));
}

export async function revokeInvitation(deps: AppDeps, organizationId: number, id: number) {
  const result = await repo.deleteInvitation(deps.db, organizationId, id);
  if (result === 'not_found') throw notFound('Invitation not found');
  if (result === 'accepted') throw conflict('This invitation was already accepted; remove the user instead');
}
