import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import type { Queryable } from '../db/queryable.js';
import { invitations } from '../db/schema.js';
import type { AssignableRole } from '../members/schemas.js';

const listed = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  invited_by: invitations.invitedBy,
  created_at: invitations.createdAt,
  expires_at: invitations.expiresAt,
};

/**
 * Stores a new invitation. An e-mail has at most one open invitation per organization: inviting it
 * again (a lost e-mail, another role) replaces the previous one, whose token stops working.
 */
export function replaceInvitation(
  db: Db,
  organizationId: number,
  invitation: { email: string; role: AssignableRole; tokenHash: Buffer; invitedBy: number; expiresAt: Date },
) {
  return db.transaction(async (tx) => {
    await tx
      .delete(invitations)
      .where(and(eq(invitations.organizationId, organizationId), eq(invitations.email, invitation.email), isNull(invitations.acceptedAt)));
    const [row] = await tx
      .insert(invitations)
      .values({ organizationId, ...invitation })
      .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
    return row;
  });
}

/** Invitations that can still be accepted: neither accepted nor expired. */
export function listPendingInvitations(db: Db, organizationId: number) {
  return db
    .select(listed)
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(asc(invitations.id));
}

/** Deletes an invitation that was not accepted yet (expired or not). */
export async function deleteInvitation(db: Db, organizationId: number, id: number): Promise<'deleted' | 'accepted' | 'not_found'> {
  const deleted = await db
    .delete(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (deleted.length > 0) return 'deleted';
  const [accepted] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, id)));
  return accepted ? 'accepted' : 'not_found';
}

/**
 * The invitation this token opens, if it can still be accepted. Looked up by token across
 * organizations, like an API key: the token is the credential that says which organization it is.
 * Pass `lock` inside a transaction to hold the row until it is marked accepted, so that a token
 * can be used once even by two registrations at the same moment.
 */
export async function findUsableInvitation(db: Queryable, tokenHash: Buffer, lock = false) {
  const query = db
    .select({ organizationId: invitations.organizationId, id: invitations.id, email: invitations.email, role: invitations.role })
    .from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function markAccepted(db: Queryable, organizationId: number, id: number) {
  await db
    .update(invitations)
    .set({ acceptedAt: sql`now()` })
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, id)));
}
