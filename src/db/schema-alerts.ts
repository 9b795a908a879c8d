// Alert rules over the analytics metrics, and each rule's history of state changes (fired,
// resolved). Evaluated by the server on a schedule (src/alerts). Re-exported by schema.ts.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { id, timestamptz } from './columns.js';
import { organizations } from './schema.js';

export const ALERT_WINDOWS = ['hour', 'day', 'week'] as const;
export const ALERT_CONDITIONS = ['above', 'below', 'unusual'] as const;
export const ALERT_STATES = ['ok', 'firing', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const alertRules = pgTable(
  'alert_rules',
  {
    organizationId: id('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigserial('id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    metric: text('metric').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull().default({}),
    window: text('window').$type<(typeof ALERT_WINDOWS)[number]>().notNull(),
    condition: text('condition').$type<(typeof ALERT_CONDITIONS)[number]>().notNull(),
    threshold: doublePrecision('threshold'),
    // Fewer chats than this in the window: no judgement (a rate over 3 chats means nothing).
    minVolume: integer('min_volume').notNull().default(20),
    enabled: boolean('enabled').notNull().default(true),
    state: text('state').$type<AlertState>().notNull().default('ok'),
    lastValue: doublePrecision('last_value'),
    lastMessage: text('last_message'),
    // The end of the last window evaluated (windows end at whole hours: one evaluation each).
    lastEvaluatedAt: timestamptz('last_evaluated_at'),
    // The end of the last window that breached: a firing rule resolves a whole window after it.
    lastBreachAt: timestamptz('last_breach_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    check('alert_rules_window_check', sql`${t.window} in ('hour', 'day', 'week')`),
    check('alert_rules_condition_check', sql`${t.condition} in ('above', 'below', 'unusual')`),
    check('alert_rules_state_check', sql`${t.state} in ('ok', 'firing', 'resolved')`),
  ],
);

export const alertEvents = pgTable(
  'alert_events',
  {
    organizationId: id('organization_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    ruleId: id('rule_id').notNull(),
    state: text('state').$type<'firing' | 'resolved'>().notNull(),
    value: doublePrecision('value'),
    message: text('message').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.ruleId], foreignColumns: [alertRules.organizationId, alertRules.id] }).onDelete('cascade'),
    index('alert_events_rule_idx').on(t.organizationId, t.ruleId, t.id),
  ],
);
