// SQL of the webhooks API. Every query is scoped by the caller's organization.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '../db/schema.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export async function insertEndpoint(db: Db, organizationId: number, values: Pick<EndpointRow, 'url' | 'description' | 'events' | 'includeContent' | 'secret'>) {
  const [row] = await db.insert(webhookEndpoints).values({ organizationId, ...values }).returning();
  return row;
}

export function listEndpoints(db: Db, organizationId: number): Promise<EndpointRow[]> {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, organizationId)).orderBy(webhookEndpoints.id);
}

const endpointKey = (organizationId: number, id: number) => and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.id, id));

export async function findEndpoint(db: Db, organizationId: number, id: number): Promise<EndpointRow | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(endpointKey(organizationId, id));
  return row;
}

export async function updateEndpoint(db: Db, organizationId: number, id: number, changes: Partial<EndpointRow>): Promise<EndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(endpointKey(organizationId, id))
    .returning();
  return row;
}

export async function deleteEndpoint(db: Db, organizationId: number, id: number): Promise<boolean> {
  const rows = await db.delete(webhookEndpoints).where(endpointKey(organizationId, id)).returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** Queues an event for one endpoint (test events). */
export async function insertEventFor(db: Db, organizationId: number, endpointId: number, type: string, data: Record<string, unknown>): Promise<number> {
  const [row] = await db.insert(webhookEvents).values({ organizationId, endpointId, type, data }).returning({ id: webhookEvents.id });
  return row.id;
}

/** The endpoint's delivery attempts, newest first, with ids below `before`; one extra row tells whether more follow. */
export function listDeliveries(db: Db, organizationId: number, endpointId: number, limit: number, before?: number) {
  const conditions = [eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.endpointId, endpointId)];
  if (before !== undefined) conditions.push(lt(webhookDeliveries.id, before));
  return db
    .select({ delivery: webhookDeliveries, eventType: webhookEvents.type, eventStatus: webhookEvents.status })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, and(eq(webhookEvents.organizationId, webhookDeliveries.organizationId), eq(webhookEvents.id, webhookDeliveries.eventId)))
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit + 1);
}

/**
 * Queues the event of a delivery again, to be sent now (with its webhook-id unchanged, so that a
 * receiver can tell it is the same event). 'missing' when no such delivery is the endpoint's;
 * 'sending' when an attempt is under way.
 */
export async function requeueDelivery(db: Db, organizationId: number, endpointId: number, deliveryId: number): Promise<number | 'missing' | 'sending'> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ event_id: number; status: string }>(sql`
      SELECT ev.id AS event_id, ev.status FROM webhook_deliveries d
      JOIN webhook_events ev ON ev.organization_id = d.organization_id AND ev.id = d.event_id
      WHERE d.organization_id = ${organizationId} AND d.endpoint_id = ${endpointId} AND d.id = ${deliveryId}
      FOR UPDATE OF ev`);
    if (rows.length === 0) return 'missing';
    if (rows[0].status === 'sending') return 'sending';
    await tx.execute(sql`
      UPDATE webhook_events SET status = 'pending', next_attempt_at = now(), queued_at = now(), last_error = NULL
      WHERE organization_id = ${organizationId} AND id = ${rows[0].event_id}`);
    return Number(rows[0].event_id);
  });
}

/** The organization's endpoints that the server disabled (for the dashboard's "needs attention"). */
export function disabledEndpoints(db: Db, organizationId: number) {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.enabled, false), sql`${webhookEndpoints.disabledReason} IS NOT NULL`))
    .orderBy(webhookEndpoints.id);
}
