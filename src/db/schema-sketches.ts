// Per-day sketches of what does not add up across days: distinct end users (HyperLogLog registers)
// and response times (a log histogram). Built in the background from the chats rows of a day
// (src/analytics/sketches), read by the summary when its range holds more chats than an exact
// count should scan. Re-exported by schema.ts.
import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea, id, timestamptz } from './columns.js';
import { organizations } from './schema.js';

const organizationId = () =>
  id('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

// How many pending rollup changes of each UTC day the fold has taken in (chat_rollups_fold). With
// the day's rows still pending, it is the day's version: any write to a chat of the day moves it
// (also one that changes only user_id or avg_response_time, which no sum sees), so a sketch built
// at another version is known to be out of date. No foreign key, as on the rollup tables: the fold
// must never fail on the changes of an organization deleted meanwhile.
export const chatDayVersions = pgTable(
  'chat_day_versions',
  { organizationId: id('organization_id').notNull(), day: timestamptz('day').notNull(), version: bigint('version', { mode: 'number' }).notNull() },
  (t) => [primaryKey({ columns: [t.organizationId, t.day] })],
);

// That a day's sketches were built, and at which version of the day. Its cells are in chat_day_sketches.
export const chatDaySketchBuilds = pgTable(
  'chat_day_sketch_builds',
  {
    organizationId: organizationId(),
    day: timestamptz('day').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    builtAt: timestamptz('built_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day] })],
);

// One cell per day and value of a rolled-up field, as in chat_daily_rollups: dimension 'all' (value
// NULL) for every chat of the day, the others per value (NULL: chats that did not send the field;
// 'tag': per tag, NULL for chats without tags). A value with no chats that day has no cell.
export const chatDaySketches = pgTable(
  'chat_day_sketches',
  {
    organizationId: organizationId(),
    day: timestamptz('day').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value'),
    chats: bigint('chats', { mode: 'number' }).notNull(),
    // HyperLogLog registers of hashint8extended(user_id, 0), dense or sparse (src/analytics/sketches/hll.ts).
    users: bytea('users').notNull(),
    // Response times: bin i counts the values in (γ^(i-1), γ^i] (src/analytics/sketches/histogram.ts).
    responseTimeBins: integer('response_time_bins').array().notNull(),
    responseTimeCounts: bigint('response_time_counts', { mode: 'number' }).array().notNull(),
  },
  (t) => [index('chat_day_sketches_cell').on(t.organizationId, t.dimension, t.day, t.value)],
);

// The same per UTC hour, for dimension 'all' only: what lets a range's partial days (today so far,
// the evening its start falls in) come from sketches too, instead of 40,000 chats rows at 10M chats.
export const chatHourVersions = pgTable(
  'chat_hour_versions',
  { organizationId: id('organization_id').notNull(), hour: timestamptz('hour').notNull(), version: bigint('version', { mode: 'number' }).notNull() },
  (t) => [primaryKey({ columns: [t.organizationId, t.hour] })],
);

// One cell per hour (all chats of the hour), with the hour's version at its build.
export const chatHourSketches = pgTable(
  'chat_hour_sketches',
  {
    organizationId: organizationId(),
    hour: timestamptz('hour').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    builtAt: timestamptz('built_at').notNull().defaultNow(),
    chats: bigint('chats', { mode: 'number' }).notNull(),
    users: bytea('users').notNull(),
    responseTimeBins: integer('response_time_bins').array().notNull(),
    responseTimeCounts: bigint('response_time_counts', { mode: 'number' }).array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.hour] })],
);
