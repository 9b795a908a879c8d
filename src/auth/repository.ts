import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { organizations, sessions, users, type Role } from '../db/schema.js';

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
export async function revokeUserSessions(db: Db, organizationId: number, userId: number, keep?: string) {
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

export async function setPasswordHash(db: Db, organizationId: number, userId: number, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()` })
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
}
