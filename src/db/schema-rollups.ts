// The analytics rollups: sums of the chats rows per organization, time bucket and value. The
// statement-level triggers on chats append what each write changes to chat_rollup_pending; the
// fold (src/analytics/fold, migration 0016) moves those changes into the rollup tables in large
// batches; analytics read the rollups plus what is still pending. Re-exported by schema.ts.
import { index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { camel, ROLLED_UP_FIELDS, type Camel } from '../fields/chat-fields.js';
import { ROLLUP_SUMS } from '../fields/rollup-sums.js';
import { COLUMN_OF_SQL, fieldColumns, id, timestamptz, type ColumnOfSql } from './columns.js';

type RollupSumSpec = (typeof ROLLUP_SUMS)[number];

// The sums every rollup row holds (chat_rollups, chat_daily_rollups, chat_daily_pair_rollups,
// chat_rollup_pending), from src/fields/rollup-sums.ts: a function, since each table needs column
// builders of its own. A sum added there is a column of all four tables here.
const rollupSums = () =>
  Object.fromEntries(ROLLUP_SUMS.map((s) => [camel(s.name), COLUMN_OF_SQL[s.sql](s.name).notNull()])) as {
    [S in RollupSumSpec as Camel<S['name']>]: ReturnType<ColumnOfSql<S['sql']>['notNull']>;
  };

// The rolled-up fields' columns of chat_rollup_pending (nullable: a chat need not send a field),
// from the registry (src/fields/chat-fields.ts): a field newly rolled up is a new column here, which
// drizzle-kit generate adds (at the end of the table: the rollup SQL names its columns).
const rolledUpFields = () => fieldColumns(ROLLED_UP_FIELDS);

// Pre-aggregated chat metrics per organization, UTC hour and dimension value, folded in from
// chat_rollup_pending (see chat_rollups_fold and chat_rollups_apply, src/db/rollup-sql/rollups.sql). Every column is a sum, so any set of rows
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

// The same sums per UTC day (bucket = midnight UTC), folded in by the same statement as chat_rollups: a long range reads one row per day and value instead of 24.
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

// What writes of chats changed in the rollups and the fold has not yet moved into them: one row per
// statement and combination of the rolled-up fields (sign-weighted sums: an update adds its new rows
// and takes away its old ones; a message adds to `messages` only). The columns are those of the
// composite type chat_rollup_combo (src/db/rollup-sql), whatever the order. Appending here is the only rollup work on the insert path; the
// fold (src/analytics/fold) deletes rows as it adds them to the rollups, in one transaction, so a
// change is counted either here or there, never both. Analytics add these rows to the rollups' own.
export const chatRollupPending = pgTable(
  'chat_rollup_pending',
  {
    organizationId: id('organization_id').notNull(),
    bucket: timestamptz('bucket').notNull(),
    ...rolledUpFields(),
    tags: text('tags').array().notNull(),
    ...rollupSums(),
  },
  // A read adds the pending rows of one organization and range.
  (t) => [index('chat_rollup_pending_org_bucket').on(t.organizationId, t.bucket)],
);
