// The analytics rollups: sums of the chats rows per organization, time bucket and value, kept up to
// date by the statement-level triggers on chats (migrations 0002 to 0007), re-exported by schema.ts.
import { bigint, doublePrecision, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { id, timestamptz } from './columns.js';

// The sums every rollup row holds (chat_rollups, chat_daily_rollups, chat_daily_pair_rollups): a
// function, since each table needs column builders of its own.
const rollupSums = () => ({
  chats: bigint('chats', { mode: 'number' }).notNull(),
  messages: bigint('messages', { mode: 'number' }).notNull(),
  escalationKnown: bigint('escalation_known', { mode: 'number' }).notNull(),
  escalated: bigint('escalated', { mode: 'number' }).notNull(),
  hrKnown: bigint('hr_known', { mode: 'number' }).notNull(),
  hrForwarded: bigint('hr_forwarded', { mode: 'number' }).notNull(),
  responseTimeCount: bigint('response_time_count', { mode: 'number' }).notNull(),
  responseTimeSum: doublePrecision('response_time_sum').notNull(),
  rated: bigint('rated', { mode: 'number' }).notNull(),
  ratingSum: bigint('rating_sum', { mode: 'number' }).notNull(),
  satisfied: bigint('satisfied', { mode: 'number' }).notNull(),
  tokenCountCount: bigint('token_count_count', { mode: 'number' }).notNull(),
  // numeric: token counts may each be up to 2^53, and a sum must never overflow (that would fail the insert).
  tokenSum: numeric('token_sum').notNull(),
});

// Pre-aggregated chat metrics per organization, UTC hour and dimension value, kept up to date by
// statement-level triggers on chats in the same transaction as every insert, update and delete
// (see chat_rollups_apply, migration 0007). Every column is a sum, so any set of rows
// adds up. dimension 'all' has one row per hour (value NULL); the others one row per value, with
// NULL for chats that did not send the field ('tag': one row per tag, NULL for chats without tags).
export const chatRollups = pgTable(
  'chat_rollups',
  {
    organizationId: id('organization_id').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value'),
    bucket: timestamptz('bucket').notNull(),
    ...rollupSums(),
  },
  // bucket before value: a query reads one dimension's rows of a time range, all values at once.
  (t) => [unique('chat_rollups_key').on(t.organizationId, t.dimension, t.bucket, t.value).nullsNotDistinct()],
);

// The same sums per UTC day (bucket = midnight UTC), kept by the same triggers in the same statement
// as chat_rollups: a long range reads one row per day and value instead of 24.
export const chatDailyRollups = pgTable(
  'chat_daily_rollups',
  {
    organizationId: id('organization_id').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value'),
    bucket: timestamptz('bucket').notNull(),
    ...rollupSums(),
  },
  (t) => [unique('chat_daily_rollups_key').on(t.organizationId, t.dimension, t.bucket, t.value).nullsNotDistinct()],
);

// Idempotency-Key records of the create endpoints (chats, chat batches, messages): the first
// successful answer to a key, written in the same transaction as the rows it created, so that a
// retry with the same key and body replays it instead of writing again. A row older than 24 hours
// counts as absent (and is deleted now and then). See src/ingest/idempotency.ts.
// The same sums per UTC day and pair of rolled-up fields (dimension_a before dimension_b in the
// order of PAIR_DIMENSIONS, src/analytics/plan.ts; tag is always dimension_b): what answers a
// breakdown by one field filtered on another ("categories of the escalated chats") without reading
// the chats rows. Daily only: per hour there would be about as many pair rows as chats.
export const chatDailyPairRollups = pgTable(
  'chat_daily_pair_rollups',
  {
    organizationId: id('organization_id').notNull(),
    dimensionA: text('dimension_a').notNull(),
    valueA: text('value_a'),
    dimensionB: text('dimension_b').notNull(),
    valueB: text('value_b'),
    bucket: timestamptz('bucket').notNull(),
    ...rollupSums(),
  },
  (t) => [
    unique('chat_daily_pair_rollups_key')
      .on(t.organizationId, t.dimensionA, t.dimensionB, t.bucket, t.valueA, t.valueB)
      .nullsNotDistinct(),
  ],
);
