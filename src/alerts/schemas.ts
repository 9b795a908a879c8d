import { Type, type Static } from 'typebox';
import { ChatFiltersBody } from '../chats/filters.js';
import { METRIC_NAMES, type MetricName } from '../analytics/metrics.js';
import { ALERT_CONDITIONS, ALERT_STATES, ALERT_WINDOWS } from '../db/schema.js';
import { Id, Nullable, Timestamp } from '../http/schemas.js';

const Metric = Type.Unsafe<MetricName>({ type: 'string', enum: [...METRIC_NAMES], description: 'A metric of the analytics API (see GET /api/v1/analytics/summary)' });
const Window = Type.Unsafe<(typeof ALERT_WINDOWS)[number]>({ type: 'string', enum: [...ALERT_WINDOWS], description: 'hour, day (24 h) or week (7 days), ending at the last whole hour' });
const Condition = Type.Unsafe<(typeof ALERT_CONDITIONS)[number]>({
  type: 'string',
  enum: [...ALERT_CONDITIONS],
  description: 'above / below threshold; unusual: outside the robust baseline of the same weekday and hour over the previous 8 weeks (at least 4 of them with min_volume chats)',
});
const Threshold = Type.Number({ description: 'For above and below: the value to compare with (rates are fractions 0–1)' });
const MinVolume = Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Fewer chats than this in a window: not judged (default 20)' });

export const CreateRuleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    metric: Metric,
    filters: Type.Optional(ChatFiltersBody),
    window: Window,
    condition: Condition,
    threshold: Type.Optional(Nullable(Threshold)),
    min_volume: Type.Optional(MinVolume),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateRuleBody = Static<typeof CreateRuleBody>;

export const UpdateRuleBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    metric: Type.Optional(Metric),
    filters: Type.Optional(ChatFiltersBody),
    window: Type.Optional(Window),
    condition: Type.Optional(Condition),
    threshold: Type.Optional(Nullable(Threshold)),
    min_volume: Type.Optional(MinVolume),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRuleBody = Static<typeof UpdateRuleBody>;

export const Rule = Type.Object({
  id: Id,
  name: Type.String(),
  metric: Type.String(),
  filters: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true }),
  window: Type.String(),
  condition: Type.String(),
  threshold: Nullable(Type.Number()),
  min_volume: Type.Integer(),
  enabled: Type.Boolean(),
  state: Type.Unsafe<(typeof ALERT_STATES)[number]>({ type: 'string', enum: [...ALERT_STATES], description: 'ok → firing → resolved (→ firing …)' }),
  last_value: Nullable(Type.Number()),
  last_message: Nullable(Type.String()),
  last_evaluated_at: Nullable(Type.String({ format: 'date-time', description: 'End of the last window evaluated' })),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const RuleList = Type.Object({ rules: Type.Array(Rule) });

export const HistoryEntry = Type.Object({
  id: Id,
  state: Type.String({ description: 'firing or resolved' }),
  value: Nullable(Type.Number()),
  message: Type.String(),
  created_at: Timestamp,
});
export const History = Type.Object({ history: Type.Array(HistoryEntry) });
