// The worker's SQL on the webhook queue. Claims span organizations by design and then name each
// event by its full key (organization_id, id). A claim sets status `sending`, counts the attempt and
// takes a lease; FOR UPDATE SKIP LOCKED lets several server instances claim at once without taking
// the same event. An event whose lease ran out (its worker died mid-delivery, kill -9) is claimed
// again: at-least-once. Every later write is fenced on the claim's attempt count.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { DISABLE_AFTER_MS } from './backoff.js';

export interface ClaimedEvent {
  organizationId: number;
  id: number;
  endpointId: number;
  type: string;
  subjectId: number | null;
  data: Record<string, unknown> | null;
  attempts: number;
  createdAt: Date;
  queuedAt: Date;
  url: string;
  includeContent: boolean;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

export async function claimEvents(db: Db, now: Date, leaseMs: number, limit: number): Promise<ClaimedEvent[]> {
  const at = now.toISOString();
  // A claimed (sending) event keeps the next_attempt_at it was claimed at, so every due event has
  // next_attempt_at <= now: the index range condition.
  const due = sql`ev.status IN ('pending', 'sending') AND ev.next_attempt_at <= ${at}::timestamptz
        AND ((ev.status = 'pending' AND ev.next_attempt_at <= ${at}::timestamptz)
          OR (ev.status = 'sending' AND ev.locked_until <= ${at}::timestamptz))`;
  // Fair across endpoints (and so across organizations): each endpoint's oldest due events are
  // taken in turn (the first of every endpoint, then the second of every endpoint, ...), so one
  // organization's backlog of thousands of events, or its slow receiver, never makes another's
  // events wait behind it. Each endpoint's candidates come from one range scan of the partial
  // index on its undelivered events by next attempt: the cost is bounded by endpoints × limit, not
  // by the length of the queue or of an endpoint's backlog waiting out its backoff.
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    WITH candidates AS (
      SELECT c.organization_id, c.id, c.next_attempt_at, c.turn
      FROM webhook_endpoints ep
      CROSS JOIN LATERAL (
        SELECT ev.organization_id, ev.id, ev.next_attempt_at, row_number() OVER (ORDER BY ev.next_attempt_at, ev.id) AS turn
        FROM webhook_events ev
        WHERE ev.organization_id = ep.organization_id AND ev.endpoint_id = ep.id AND ${due}
        ORDER BY ev.next_attempt_at, ev.id
        LIMIT ${limit}) c
      WHERE ep.enabled
      ORDER BY c.turn, c.next_attempt_at, c.id
      LIMIT ${limit * 2}),
    due AS (
      SELECT ev.organization_id, ev.id
      FROM webhook_events ev
      JOIN candidates c ON c.organization_id = ev.organization_id AND c.id = ev.id
      WHERE ${due}
      ORDER BY c.turn, c.next_attempt_at, c.id
      LIMIT ${limit}
      FOR UPDATE OF ev SKIP LOCKED),
    claimed AS (
      UPDATE webhook_events ev
      SET status = 'sending', attempts = ev.attempts + 1, locked_until = ${at}::timestamptz + make_interval(secs => ${leaseMs / 1000})
      FROM due WHERE ev.organization_id = due.organization_id AND ev.id = due.id
      RETURNING ev.*)
    SELECT c.organization_id, c.id, c.endpoint_id, c.type, c.subject_id, c.data, c.attempts, c.created_at, c.queued_at,
      ep.url, ep.include_content, ep.secret, ep.previous_secret, ep.previous_secret_expires_at
    FROM claimed c JOIN webhook_endpoints ep ON ep.organization_id = c.organization_id AND ep.id = c.endpoint_id
    ORDER BY c.id`);
  return rows.map((r) => ({
    organizationId: Number(r.organization_id),
    id: Number(r.id),
    endpointId: Number(r.endpoint_id),
    type: r.type as string,
    subjectId: r.subject_id === null ? null : Number(r.subject_id),
    data: (r.data as Record<string, unknown> | null) ?? null,
    attempts: Number(r.attempts),
    createdAt: date(r.created_at)!,
    queuedAt: date(r.queued_at)!,
    url: r.url as string,
    includeContent: r.include_content as boolean,
    secret: r.secret as string,
    previousSecret: (r.previous_secret as string | null) ?? null,
    previousSecretExpiresAt: date(r.previous_secret_expires_at),
  }));
}

export interface AttemptRecord {
  requestedAt: Date;
  durationMs: number;
  status: number | null;
  body: string | null;
  error: string | null;
  /** When failed: the next attempt's time, or null to give up. */
  retryAt: Date | null;
}

/**
 * Records one attempt in one transaction: the delivery row, the event's new state, and the
 * endpoint's health (a success clears failing_since; a failure a day after the first one in a row
 * disables the endpoint). False if the claim was lost (another worker re-claimed the event).
 */
export async function recordAttempt(db: Db, event: ClaimedEvent, now: Date, attempt: AttemptRecord): Promise<boolean> {
  const success = attempt.error === null;
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const status = success ? 'delivered' : attempt.retryAt ? 'pending' : 'failed';
    const updated = await tx.execute(sql`
      UPDATE webhook_events
      SET status = ${status}, locked_until = NULL, last_error = ${attempt.error},
        next_attempt_at = coalesce(${attempt.retryAt?.toISOString() ?? null}::timestamptz, next_attempt_at),
        delivered_at = CASE WHEN ${success} THEN ${at}::timestamptz ELSE delivered_at END
      WHERE organization_id = ${event.organizationId} AND id = ${event.id} AND status = 'sending' AND attempts = ${event.attempts}`);
    if ((updated.rowCount ?? 0) === 0) return false;
    await tx.execute(sql`
      INSERT INTO webhook_deliveries (organization_id, event_id, endpoint_id, attempt, url, requested_at, duration_ms, response_status, response_body, error, success)
      VALUES (${event.organizationId}, ${event.id}, ${event.endpointId}, ${event.attempts}, ${event.url}, ${attempt.requestedAt.toISOString()}::timestamptz,
        ${attempt.durationMs}, ${attempt.status}, ${attempt.body}, ${attempt.error}, ${success})`);
    if (success) {
      await tx.execute(sql`UPDATE webhook_endpoints SET failing_since = NULL
        WHERE organization_id = ${event.organizationId} AND id = ${event.endpointId} AND failing_since IS NOT NULL`);
    } else {
      await tx.execute(sql`
        UPDATE webhook_endpoints
        SET failing_since = coalesce(failing_since, ${at}::timestamptz),
          enabled = CASE WHEN failing_since <= ${at}::timestamptz - make_interval(secs => ${DISABLE_AFTER_MS / 1000}) THEN false ELSE enabled END,
          disabled_at = CASE WHEN enabled AND failing_since <= ${at}::timestamptz - make_interval(secs => ${DISABLE_AFTER_MS / 1000}) THEN ${at}::timestamptz ELSE disabled_at END,
          disabled_reason = CASE WHEN enabled AND failing_since <= ${at}::timestamptz - make_interval(secs => ${DISABLE_AFTER_MS / 1000})
            THEN 'Every delivery failed for 24 hours; last error: ' || ${attempt.error} ELSE disabled_reason END,
          updated_at = CASE WHEN enabled AND failing_since <= ${at}::timestamptz - make_interval(secs => ${DISABLE_AFTER_MS / 1000}) THEN ${at}::timestamptz ELSE updated_at END
        WHERE organization_id = ${event.organizationId} AND id = ${event.endpointId}`);
    }
    return true;
  });
}

/** Deletes events done (delivered or failed) before `before`, with their delivery logs; how many. */
export async function deleteFinishedEvents(db: Db, before: Date, limit = 10_000): Promise<number> {
  const result = await db.execute(sql`
    DELETE FROM webhook_events WHERE (organization_id, id) IN (
      SELECT organization_id, id FROM webhook_events
      WHERE status IN ('delivered', 'failed') AND created_at < ${before.toISOString()}::timestamptz
      LIMIT ${limit})`);
  return result.rowCount ?? 0;
}
