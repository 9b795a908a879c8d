import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { users } from '../db/schema.js';
import { revokeUserSessions, setPasswordHash } from '../auth/repository.js';

export async function findUser(db: Db, organizationId: number, userId: number) {
  const [user] = await db.select().from(users).where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
  return user;
}

/** Sets the given name fields (undefined = unchanged); the updated user, or undefined if gone. */
export async function updateNames(
  db: Db,
  organizationId: number,
  userId: number,
  changes: { firstName?: string | null; lastName?: string | null },
) {
  const [user] = await db
    .update(users)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)))
    .returning();
  return user;
}

/**
 * Stores the new password hash and revokes every other session of the user in one transaction:
 * once the change is acknowledged, no session opened with the old password still works.
 */
export function changePassword(db: Db, organizationId: number, userId: number, passwordHash: string, keepSessionId: string) {
  return db.transaction(async (tx) => {
    await setPasswordHash(tx, organizationId, userId, passwordHash);
    await revokeUserSessions(tx, organizationId, userId, keepSessionId);
  });
}
