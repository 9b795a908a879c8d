import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { organizations } from '../db/schema.js';

export async function findOrganization(db: Db, organizationId: number) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  return org;
}

export async function renameOrganization(db: Db, organizationId: number, name: string) {
  const [org] = await db
    .update(organizations)
    .set({ name, updatedAt: sql`now()` })
    .where(eq(organizations.id, organizationId))
    .returning();
  return org;
}
