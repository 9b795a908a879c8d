// Members of an organization. Role changes and removals enforce "an organization keeps at least one
// admin" inside one transaction that first locks the organization's admin rows (FOR UPDATE, in id
// order): two admins demoting or removing each other at the same moment then run one after the
// other, and the second sees that only one admin is left. Counting without the lock would let both
// see two admins and leave none.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import type { Queryable } from '../db/queryable.js';
import { users } from '../db/schema.js';
import type { AssignableRole } from './schemas.js';

export function listMembers(db: Db, organizationId: number) {
  return db.select().from(users).where(eq(users.organizationId, organizationId)).orderBy(asc(users.id));
}

type Member = typeof users.$inferSelect;
export type MemberChange<T> =
  | { outcome: 'not_found' }
  | { outcome: 'superadmin' }
  | { outcome: 'last_admin' }
  | { outcome: 'done'; result: T };

/**
 * Runs `change` on a member with the organization's admin rows and the member's row locked,
 * unless the member is missing, a superadmin, or the last admin and `keepsAdmin` is false.
 */
function withLockedMember<T>(
  db: Db,
  organizationId: number,
  userId: number,
  keepsAdmin: boolean,
  change: (tx: Queryable, member: Member) => Promise<T>,
): Promise<MemberChange<T>> {
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.role, 'admin')))
      .orderBy(asc(users.id))
      .for('update');
    const [member] = await tx
      .select()
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)))
      .for('update');
    if (!member) return { outcome: 'not_found' };
    if (member.role === 'superadmin') return { outcome: 'superadmin' };
    if (member.role === 'admin' && !keepsAdmin && admins.length <= 1) return { outcome: 'last_admin' };
    return { outcome: 'done', result: await change(tx, member) };
  });
}

export function changeRole(db: Db, organizationId: number, userId: number, role: AssignableRole) {
  return withLockedMember(db, organizationId, userId, role === 'admin', async (tx, member) => {
    if (member.role === role) return member;
    const [updated] = await tx
      .update(users)
      .set({ role, updatedAt: sql`now()` })
      .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)))
      .returning();
    return updated;
  });
}

/** Deletes the member; their sessions go with them (ON DELETE CASCADE), so their token stops at once. */
export function removeMember(db: Db, organizationId: number, userId: number) {
  return withLockedMember(db, organizationId, userId, false, async (tx) => {
    await tx.delete(users).where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
  });
}
