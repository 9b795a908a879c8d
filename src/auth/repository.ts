import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import type { Queryable } from '../db/queryable.js';
import { organizations, sessions, users, type Role } from '../db/schema.js';
import { findUsableInvitation, markAccepted } from '../invitations/repository.js';

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user;
}

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
  return rows.length > 0;
}

export interface NewAccount {
  email: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  organizationName: string;
  organizationSlug: string;
}

/** Creates an organization and its first user, an admin, in one transaction. */
export function createOrganizationWithAdmin(db: Db, account: NewAccount) {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({ name: account.organizationName, slug: account.organizationSlug })
      .returning({ id: organizations.id, name: organizations.name, slug: organizations.slug });
    const [user] = await tx
      .insert(users)
      .values({
        organizationId: org.id,
        email: account.email,
        passwordHash: account.passwordHash,
        firstName: account.firstName,
        lastName: account.lastName,
        role: 'admin',
      })
      .returning({ id: users.id });
    return { userId: user.id, organization: org };
  });
}

export interface InvitedAccount {
  tokenHash: Buffer;
  email: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
}

export type InvitedUserResult =
  | { outcome: 'invalid' }
  | { outcome: 'email_mismatch' }
  | { outcome: 'created'; userId: number; organization: { id: number; name: string; slug: string } };

/**
 * Accepts an invitation: creates the user in the inviting organization with the invited role and
 * marks the invitation accepted, in one transaction. The invitation row is locked first, so of two
 * registrations racing with one token the second finds it accepted.
 */
export function createInvitedUser(db: Db, account: InvitedAccount): Promise<InvitedUserResult> {
  return db.transaction(async (tx) => {
    const invitation = await findUsableInvitation(tx, account.tokenHash, true);
    if (!invitation) return { outcome: 'invalid' };
    if (invitation.email !== account.email) return { outcome: 'email_mismatch' };
    const [user] = await tx
      .insert(users)
      .values({
        organizationId: invitation.organizationId,
        email: account.email,
        passwordHash: account.passwordHash,
        firstName: account.firstName,
        lastName: account.lastName,
        role: invitation.role,
      })
      .returning({ id: users.id });
    await markAccepted(tx, invitation.organizationId, invitation.id);
    const [organization] = await tx
      .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
      .from(organizations)
      .where(eq(organizations.id, invitation.organizationId));
    return { outcome: 'created', userId: user.id, organization };
  });
}

export async function createSession(db: Db, organizationId: number, userId: number, expiresAt: Date) {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(sessions)
      .values({ organizationId, userId, expiresAt })
      .returning({ id: sessions.id });
    const [user] = await tx
      .update(users)
      .set({ lastLoginAt: sql`now()` })
      .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)))
      .returning();
    return { sessionId: session.id, user };
  });
}

/** The user behind a session that is neither revoked nor expired, with their current role. */
export async function findActiveSession(db: Db, sessionId: string, userId: number, organizationId: number) {
  const [row] = await db
    .select({ role: users.role, organizationSlug: organizations.slug })
    .from(sessions)
    .innerJoin(users, and(eq(users.organizationId, sessions.organizationId), eq(users.id, sessions.userId)))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        eq(sessions.organizationId, organizationId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    );
  return row as { role: Role; organizationSlug: string } | undefined;
}

export async function revokeSession(db: Db, organizationId: number, sessionId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.organizationId, organizationId), eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every live session of a user, except `keep` (the caller's own, on a password change). */
export async function revokeUserSessions(db: Queryable, organizationId: number, userId: number, keep?: string) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.organizationId, organizationId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keep === undefined ? undefined : sql`${sessions.id} <> ${keep}`,
      ),
    );
}

export async function setPasswordHash(db: Queryable, organizationId: number, userId: number, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()` })
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
}
