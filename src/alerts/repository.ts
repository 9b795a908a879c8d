// SQL of alert rules and their history. API queries are scoped by organization; the evaluator's
// list of due rules spans organizations by design, then names each rule by (organization_id, id).
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { alertEvents, alertRules } from '../db/schema.js';

export type RuleRow = typeof alertRules.$inferSelect;
export type NewRule = Omit<typeof alertRules.$inferInsert, 'organizationId' | 'id'>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const key = (organizationId: number, id: number) => and(eq(alertRules.organizationId, organizationId), eq(alertRules.id, id));

export async function insertRule(db: Db, organizationId: number, values: NewRule) {
  const [row] = await db.insert(alertRules).values({ organizationId, ...values }).returning();
  return row;
}

export const listRules = (db: Db, organizationId: number) =>
  db.select().from(alertRules).where(eq(alertRules.organizationId, organizationId)).orderBy(alertRules.id);

export async function countRules(db: Db, organizationId: number): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(alertRules).where(eq(alertRules.organizationId, organizationId));
  return n;
}

export async function findRule(db: Db | Tx, organizationId: number, id: number): Promise<RuleRow | undefined> {
  const [row] = await db.select().from(alertRules).where(key(organizationId, id));
  return row;
}

export async function updateRule(db: Db | Tx, organizationId: number, id: number, changes: Partial<RuleRow>) {
  const [row] = await db.update(alertRules).set({ ...changes, updatedAt: sql`now()` }).where(key(organizationId, id)).returning();
  return row;
}

export async function deleteRule(db: Db, organizationId: number, id: number): Promise<boolean> {
  return (await db.delete(alertRules).where(key(organizationId, id)).returning({ id: alertRules.id })).length > 0;
}

export const history = (db: Db, organizationId: number, ruleId: number, limit = 100) =>
  db
    .select()
    .from(alertEvents)
    .where(and(eq(alertEvents.organizationId, organizationId), eq(alertEvents.ruleId, ruleId)))
    .orderBy(desc(alertEvents.id))
    .limit(limit);

export async function insertHistory(tx: Tx, organizationId: number, ruleId: number, entry: { state: 'firing' | 'resolved'; value: number | null; message: string; details: Record<string, unknown> }) {
  const [row] = await tx.insert(alertEvents).values({ organizationId, ruleId, ...entry }).returning();
  return row;
}

export const firingRules = (db: Db, organizationId: number) =>
  db.select().from(alertRules).where(and(eq(alertRules.organizationId, organizationId), eq(alertRules.state, 'firing'), eq(alertRules.enabled, true))).orderBy(alertRules.id);

/** Enabled rules (of every organization) whose window ending at `end` has not been evaluated. */
export const dueRules = (db: Db, end: Date, limit: number) =>
  db
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.enabled, true), or(isNull(alertRules.lastEvaluatedAt), lt(alertRules.lastEvaluatedAt, end))))
    .orderBy(alertRules.organizationId, alertRules.id)
    .limit(limit);
