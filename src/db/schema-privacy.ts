// Privacy and accountability (issue 12): an organization's privacy settings, the audit log with its
// hash chain, and erasure requests with their receipts. Re-exported by schema.ts.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea, id, timestamptz } from './columns.js';
import { organizations } from './schema.js';
import type { RedactionPolicy } from '../redaction/entities.js';

export const IP_MODES = ['full', 'truncated', 'none'] as const;
export type IpMode = (typeof IP_MODES)[number];

// No row = the defaults: full IPs, keep everything, no legal hold.
export const privacySettings = pgTable(
  'privacy_settings',
  {
    organizationId: id('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ipMode: text('ip_mode').$type<IpMode>().notNull().default('full'),
    // Days after a chat's created_at; NULL = keep.
    contentDays: integer('content_retention_days'),
    metadataDays: integer('metadata_retention_days'),
    chatDays: integer('chat_retention_days'),
    auditDays: integer('audit_retention_days'),
    legalHold: boolean('legal_hold').notNull().default(false),
    // What redaction at ingest does with each entity type found in free text (issue 13); a type
    // left out is kept.
    redaction: jsonb('redaction').$type<RedactionPolicy>().notNull().default({}),
    // Works-council mode: aggregates about fewer than worksCouncilK distinct end users are
    // suppressed, end users appear only as pseudonyms, transcripts need a second admin's approval.
    worksCouncil: boolean('works_council').notNull().default(false),
    worksCouncilK: integer('works_council_k').notNull().default(5),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('privacy_settings_ip_mode_check', sql`${t.ipMode} in ('full', 'truncated', 'none')`),
    check(
      'privacy_settings_days_check',
      sql`coalesce(${t.contentDays}, 1) >= 1 and coalesce(${t.metadataDays}, 1) >= 1 and coalesce(${t.chatDays}, 1) >= 1 and coalesce(${t.auditDays}, 1) >= 1`,
    ),
    check('privacy_settings_works_council_k_check', sql`${t.worksCouncilK} between 2 and 100`),
  ],
);

// The organization's own secret for pseudonyms (redaction at ingest and end-user ids in
// works-council mode): random, never shown, never shared with another organization, never changed
// (a new key would give everyone new pseudonyms). Made on first use.
export const privacyKeys = pgTable('privacy_keys', {
  organizationId: id('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  pseudonymKey: bytea('pseudonym_key')
    .notNull()
    .default(sql`sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea)`),
});

// One entry per audited action. seq is contiguous per organization; hash = SHA-256 over the
// previous entry's hash and this entry's fields (src/audit/chain.ts). target_id and details, which
// may name an end user, enter the hash through details_digest, so that an erasure can pseudonymize
// them without breaking the chain.
export const auditEntries = pgTable(
  'audit_entries',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    seq: id('seq').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: id('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    detailsDigest: text('details_digest').notNull(),
    pseudonymizedAt: timestamptz('pseudonymized_at'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.seq] }),
    index('audit_entries_org_created_idx').on(t.organizationId, t.createdAt),
    index('audit_entries_org_action_idx').on(t.organizationId, t.action, t.seq),
    index('audit_entries_org_target_idx').on(t.organizationId, t.targetType, t.targetId),
  ],
);

// The end of each organization's chain (locked FOR UPDATE to append), and where retention cut it.
export const auditHeads = pgTable('audit_heads', {
  organizationId: id('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  seq: id('seq').notNull().default(0),
  hash: text('hash').notNull(),
  // Entries up to prunedSeq were deleted by retention; prunedHash is the hash of the last of them.
  prunedSeq: id('pruned_seq').notNull().default(0),
  prunedHash: text('pruned_hash').notNull(),
});

export const ERASURE_SUBJECTS = ['user_id', 'session_id'] as const;

// An erasure request and its signed receipt. The subject is kept only as an HMAC (subject_digest):
// the request must not itself keep the id it erased.
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    subjectType: text('subject_type').notNull(),
    subjectDigest: text('subject_digest').notNull(),
    dryRun: boolean('dry_run').notNull(),
    status: text('status').notNull(),
    requestedBy: id('requested_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    completedAt: timestamptz('completed_at'),
    receipt: jsonb('receipt').$type<Record<string, unknown>>().notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('erasure_requests_subject_idx').on(t.organizationId, t.subjectDigest),
  ],
);
