// Four-eyes access to transcripts in works-council mode (issue 13): an admin asks to read one
// chat's transcript for a reason, another admin approves or denies, and an approved request lets
// its requester read until expires_at. Re-exported by schema.ts.
import { sql } from 'drizzle-orm';
import { bigserial, check, foreignKey, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { id, timestamptz } from './columns.js';
import { chats, organizations } from './schema.js';

export const ACCESS_DECISIONS = ['pending', 'approved', 'denied'] as const;
export type AccessDecision = (typeof ACCESS_DECISIONS)[number];

export const transcriptAccessRequests = pgTable(
  'transcript_access_requests',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    chatId: id('chat_id').notNull(),
    // Dashboard users (no foreign key: the request and its audit entries outlive a removed member).
    requestedBy: id('requested_by').notNull(),
    reason: text('reason').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    status: text('status').$type<AccessDecision>().notNull().default('pending'),
    decidedBy: id('decided_by'),
    decidedAt: timestamptz('decided_at'),
    // Set on approval: decided_at + duration. Past it the request counts as expired.
    expiresAt: timestamptz('expires_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // A deleted chat takes its requests with it (there is nothing left to read).
    foreignKey({ columns: [t.organizationId, t.chatId], foreignColumns: [chats.organizationId, chats.id] }).onDelete('cascade'),
    index('transcript_access_grant_idx').on(t.organizationId, t.requestedBy, t.chatId),
    index('transcript_access_org_created_idx').on(t.organizationId, t.createdAt),
    check('transcript_access_status_check', sql`${t.status} in ('pending', 'approved', 'denied')`),
    check('transcript_access_duration_check', sql`${t.durationMinutes} between 1 and 1440`),
    check('transcript_access_not_self_check', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
  ],
);
