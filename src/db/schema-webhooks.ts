// Webhooks: the endpoints an organization registers, the durable queue of events to deliver to
// them (one row per event and endpoint, enqueued in the transaction of the write that caused it),
// and the log of delivery attempts (one row per attempt). Re-exported by schema.ts.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { id, timestamptz } from './columns.js';
import { organizations } from './schema.js';

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    events: text('events').array().notNull(),
    // Title, transcript link and messages go into chat payloads only when this is set.
    includeContent: boolean('include_content').notNull().default(false),
    // Standard Webhooks secret (whsec_...): needed in clear to sign. The previous one keeps
    // signing beside it until previous_secret_expires_at (rotation with an overlap).
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: timestamptz('previous_secret_expires_at'),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    disabledAt: timestamptz('disabled_at'),
    // The first failed attempt since the last success; a day of failures disables the endpoint.
    failingSince: timestamptz('failing_since'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

export const WEBHOOK_EVENT_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

// The queue. An event names what it is about (subject_id: a chat, an export); its payload is made
// at delivery from the current row, so that the queue never holds a copy of a chat's content.
export const webhookEvents = pgTable(
  'webhook_events',
  {
    organizationId: id('organization_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    endpointId: id('endpoint_id').notNull(),
    type: text('type').notNull(),
    subjectId: id('subject_id'),
    // Small, content-free data for events that have no row to read (alerts, test events).
    data: jsonb('data').$type<Record<string, unknown>>(),
    status: text('status').$type<WebhookEventStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    // When it was queued (or queued again by a redelivery): retries stop ~24 h after this.
    queuedAt: timestamptz('queued_at').notNull().defaultNow(),
    // While `sending`: the claim's lease; past it, the worker that claimed the event is presumed dead.
    lockedUntil: timestamptz('locked_until'),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    deliveredAt: timestamptz('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.endpointId], foreignColumns: [webhookEndpoints.organizationId, webhookEndpoints.id] }).onDelete('cascade'),
    index('webhook_events_due_idx').on(t.nextAttemptAt).where(sql`status in ('pending', 'sending')`),
    index('webhook_events_endpoint_idx').on(t.organizationId, t.endpointId, t.id),
    // The worker takes each endpoint's oldest undelivered events in turn (src/webhooks/queue.ts).
    index('webhook_events_endpoint_due_idx').on(t.organizationId, t.endpointId, t.nextAttemptAt).where(sql`status in ('pending', 'sending')`),
    check('webhook_events_status_check', sql`${t.status} in ('pending', 'sending', 'delivered', 'failed')`),
  ],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    organizationId: id('organization_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    eventId: id('event_id').notNull(),
    endpointId: id('endpoint_id').notNull(),
    attempt: integer('attempt').notNull(),
    url: text('url').notNull(),
    requestedAt: timestamptz('requested_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    responseStatus: smallint('response_status'),
    // The first KiB of the receiver's answer, to debug with.
    responseBody: text('response_body'),
    error: text('error'),
    success: boolean('success').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.eventId], foreignColumns: [webhookEvents.organizationId, webhookEvents.id] }).onDelete('cascade'),
    index('webhook_deliveries_endpoint_idx').on(t.organizationId, t.endpointId, t.id),
  ],
);
