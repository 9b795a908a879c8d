// The event types an endpoint can subscribe to, and enqueueing an event from application code
// (alerts, test events). Chat and export events are enqueued by triggers in the database, in the
// statement that wrote the chat or finished the export (migration 0010).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';

export const EVENT_TYPES = [
  'chat.created',
  'chat.escalated',
  'chat.forwarded_to_hr',
  'chat.rated_low',
  'chat.updated',
  'export.completed',
  'alert.fired',
  'alert.resolved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Sent by "send a test event" only; no endpoint subscribes to it. */
export const TEST_EVENT = 'webhook.test';

type Tx = Pick<Db, 'execute'>;

/**
 * Queues `type` for every enabled endpoint of the organization that subscribes to it, in the
 * caller's transaction (`tx`): the event exists exactly when the caller's write commits.
 */
export async function enqueueEvent(tx: Tx, organizationId: number, type: EventType, data: Record<string, unknown>, subjectId: number | null = null): Promise<number> {
  const result = await tx.execute(sql`
    INSERT INTO webhook_events (organization_id, endpoint_id, type, subject_id, data)
    SELECT organization_id, id, ${type}, ${subjectId}::bigint, ${JSON.stringify(data)}::jsonb
    FROM webhook_endpoints
    WHERE organization_id = ${organizationId} AND enabled AND ${type} = ANY (events)`);
  return result.rowCount ?? 0;
}
