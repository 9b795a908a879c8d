// The database schema (Drizzle). SQL migrations in ./drizzle are generated from this file
// with `npm run db:generate`; they are applied at start-up (src/db/migrate.ts).
//
// Tenancy: every row that belongs to an organization carries organization_id, and it is part of
// the primary key of the tenant tables (api_keys, chats) so that they can later be distributed by
// organization (Citus). Users and sessions are looked up globally (login by e-mail, session by id),
// so they keep a plain id key plus a (organization_id, id) unique key for composite foreign keys.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { FIELD_NAMES } from '../fields/chat-fields.js';
import { bytea, fieldColumns, id, timestamptz } from './columns.js';


export const ROLES = ['superadmin', 'admin', 'user', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const organizations = pgTable('organizations', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    // Stored lowercased: e-mail addresses are unique case-insensitively across the installation.
    email: text('email').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    role: text('role').$type<Role>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    lastLoginAt: timestamptz('last_login_at'),
  },
  (t) => [
    unique('users_org_id_key').on(t.organizationId, t.id),
    check('users_role_check', sql`${t.role} in ('superadmin', 'admin', 'user', 'viewer')`),
  ],
);

// A login session. The JWT carries its id; logout (or a password change) revokes it server-side.
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: id('organization_id').notNull(),
    userId: id('user_id').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete(
      'cascade',
    ),
    index('sessions_user_idx').on(t.organizationId, t.userId),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    label: text('label').notNull(),
    // The first characters of the key, shown in lists so that people can tell keys apart.
    prefix: text('prefix').notNull(),
    // HMAC-SHA256 of the whole key; the key itself is never stored.
    keyHash: bytea('key_hash').notNull().unique(),
    createdBy: id('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

// One chat session of the organization's assistant. The metadata fields of the Create Chat
// contract (src/fields/chat-fields.ts) are typed columns (NULL = the bot did not send it) so that filters and analytics can
// index and aggregate them directly.
export const chats = pgTable(
  'chats',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    // The end user's id in the bot's own system (not a dashboard user); NULL = anonymous.
    userId: id('user_id'),
    title: text('title'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    // The metadata fields, one column each, as the registry declares them (src/fields/chat-fields.ts).
    ...fieldColumns(FIELD_NAMES),
    // Kept by a trigger on messages, so that analytics can count messages from the chats (and
    // their rollups) alone.
    messageCount: integer('message_count').notNull().default(0),
    // Set by the retention job (src/retention): the title and messages' text were removed, or the
    // free-text metadata (session_id, transcript_link) and the IP.
    contentPurgedAt: timestamptz('content_purged_at'),
    metadataPurgedAt: timestamptz('metadata_purged_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // Newest-first listing and keyset pagination.
    // Scanned backwards for ORDER BY created_at DESC, id DESC.
    index('chats_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    // btree_gin: one GIN index serves "this organization's chats with these tags".
    index('chats_org_tags_idx').using('gin', t.organizationId, t.tags),
    // pg_trgm: substring search (any language: no stemming) over titles.
    index('chats_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('chats_org_user_idx').on(t.organizationId, t.userId),
    index('chats_org_session_idx').on(t.organizationId, t.sessionId),
    check('chats_user_rating_check', sql`${t.userRating} between 1 and 5`),
    check('chats_token_count_check', sql`${t.tokenCount} >= 0`),
    check('chats_avg_response_time_check', sql`${t.avgResponseTime} >= 0`),
  ],
);

export const MESSAGE_ROLES = ['user', 'assistant', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

// The transcript of a chat, in order (by id).
export const messages = pgTable(
  'messages',
  {
    organizationId: id('organization_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    chatId: id('chat_id').notNull(),
    role: text('role').$type<MessageRole>().notNull(),
    content: text('content').notNull(),
    tokenCount: id('token_count'),
    // Milliseconds (the chat's avg_response_time is in seconds, as the Create Chat contract says).
    responseTime: doublePrecision('response_time'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.chatId], foreignColumns: [chats.organizationId, chats.id] }).onDelete('cascade'),
    index('messages_chat_idx').on(t.organizationId, t.chatId, t.id),
    index('messages_org_created_idx').on(t.organizationId, t.createdAt),
    index('messages_content_trgm_idx').using('gin', sql`${t.content} gin_trgm_ops`),
    check('messages_role_check', sql`${t.role} in ('user', 'assistant', 'system')`),
  ],
);

// An invitation to join an organization with a role; only a hash of its one-time token is kept.
export const invitations = pgTable(
  'invitations',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    tokenHash: bytea('token_hash').notNull().unique(),
    invitedBy: id('invited_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export const EXPORT_TYPES = ['chats', 'messages', 'all'] as const;
export const EXPORT_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;

// Export jobs: a queue in the database, shared by every server instance (FOR UPDATE SKIP LOCKED).
export const exportJobs = pgTable(
  'exports',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    requestedBy: id('requested_by'),
    format: text('format').$type<(typeof EXPORT_FORMATS)[number]>().notNull(),
    type: text('type').$type<(typeof EXPORT_TYPES)[number]>().notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<(typeof EXPORT_STATUSES)[number]>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    // Set while a worker holds the job; a stale heartbeat means that worker died.
    heartbeatAt: timestamptz('heartbeat_at'),
    filePath: text('file_path'),
    rowCount: bigint('row_count', { mode: 'number' }),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    error: text('error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    startedAt: timestamptz('started_at'),
    completedAt: timestamptz('completed_at'),
    expiresAt: timestamptz('expires_at'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('exports_queue_idx').on(t.status, t.createdAt),
    check('exports_status_check', sql`${t.status} in ('pending', 'processing', 'completed', 'failed')`),
    check('exports_format_check', sql`${t.format} in ('csv', 'json', 'ndjson')`),
    check('exports_type_check', sql`${t.type} in ('chats', 'messages', 'all')`),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    // SHA-256 (hex) of the operation and the canonical JSON of the body.
    requestHash: text('request_hash').notNull(),
    statusCode: smallint('status_code').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

// The analytics rollups (chat_rollups, chat_daily_rollups, chat_daily_pair_rollups).
export * from './schema-rollups.js';
// Privacy settings, the audit log, erasure requests.
export * from './schema-privacy.js';
export * from './schema-webhooks.js';
export * from './schema-alerts.js';
// Four-eyes access to transcripts (works-council mode).
export * from './schema-transcript-access.js';
// Per-day sketches of distinct end users and response times (the summary at scale).
export * from './schema-sketches.js';
