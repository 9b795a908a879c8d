import { Type, type Static } from 'typebox';
import { sequenceCursorParam } from '../http/cursor.js';
import { Id, IdParams, Nullable, Timestamp } from '../http/schemas.js';
import { EVENT_TYPES, type EventType } from './events.js';

const EventTypeSchema = Type.Unsafe<EventType>({ type: 'string', enum: [...EVENT_TYPES] });
const Events = Type.Array(EventTypeSchema, {
  minItems: 1,
  maxItems: EVENT_TYPES.length,
  uniqueItems: true,
  description: `The events to send: ${EVENT_TYPES.join(', ')} (chat.rated_low: a rating of 2 or less)`,
});
const Url = Type.String({ minLength: 1, maxLength: 2000, description: 'https:// (or http://) URL that receives a POST per event' });
const Description = Type.String({ maxLength: 200 });
const IncludeContent = Type.Boolean({
  description: "Chat events carry the chat's title, transcript link and first 100 messages (default false: metadata only; never the IP address)",
});

export const CreateEndpointBody = Type.Object(
  { url: Url, events: Events, description: Type.Optional(Description), include_content: Type.Optional(IncludeContent) },
  { additionalProperties: false },
);
export type CreateEndpointBody = Static<typeof CreateEndpointBody>;

export const UpdateEndpointBody = Type.Object(
  {
    url: Type.Optional(Url),
    events: Type.Optional(Events),
    description: Type.Optional(Description),
    include_content: Type.Optional(IncludeContent),
    enabled: Type.Optional(Type.Boolean({ description: 'false: no events are queued or sent; true re-enables (also one the server disabled), and its queued events are sent' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateEndpointBody = Static<typeof UpdateEndpointBody>;

export const RotateSecretBody = Type.Object(
  {
    overlap_seconds: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 7 * 86400, description: 'How long the old secret keeps signing beside the new one (default 86400: a day)' }),
    ),
  },
  { additionalProperties: false },
);
export type RotateSecretBody = Static<typeof RotateSecretBody>;

export const Endpoint = Type.Object({
  id: Id,
  url: Type.String(),
  description: Type.String(),
  events: Type.Array(EventTypeSchema),
  include_content: Type.Boolean(),
  enabled: Type.Boolean(),
  disabled_reason: Nullable(Type.String({ description: 'Why the server disabled it (a day of failed deliveries)' })),
  disabled_at: Nullable(Timestamp),
  failing_since: Nullable(Type.String({ format: 'date-time', description: 'First failed attempt since the last success' })),
  previous_secret_expires_at: Nullable(Type.String({ format: 'date-time', description: 'Until then the previous secret signs too' })),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const EndpointWithSecret = Type.Object({
  ...Endpoint.properties,
  secret: Type.String({ description: 'The signing secret (whsec_...). Shown only when created or rotated: store it now.' }),
});

export const RotatedSecret = Type.Object({
  secret: Type.String({ description: 'The new signing secret. Shown only here.' }),
  previous_secret_expires_at: Nullable(Timestamp),
});

export const EndpointList = Type.Object({ endpoints: Type.Array(Endpoint) });

export const Delivery = Type.Object({
  id: Id,
  event_id: Id,
  event_type: Type.String(),
  event_status: Type.String({ description: "The event's state now: pending, sending, delivered or failed" }),
  attempt: Type.Integer({ minimum: 1 }),
  url: Type.String(),
  requested_at: Timestamp,
  duration_ms: Type.Integer(),
  response_status: Nullable(Type.Integer()),
  response_body: Nullable(Type.String({ description: 'The first KiB of the answer' })),
  error: Nullable(Type.String()),
  success: Type.Boolean(),
});

export const DeliveryList = Type.Object({
  deliveries: Type.Array(Delivery),
  next_cursor: Nullable(Type.String({ description: 'Pass as cursor for older deliveries; null on the last page' })),
});

export const DeliveriesQuery = Type.Object(
  {
    limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: '1 to 100 (default 50)' })),
    cursor: sequenceCursorParam('next_cursor of the previous page'),
  },
  { additionalProperties: false },
);

export const DeliveryParams = Type.Object({ id: IdParams.properties.id, deliveryId: IdParams.properties.id });

export const QueuedEvent = Type.Object({ message: Type.String(), event_id: Id });

export const Attention = Type.Object({
  disabled_webhooks: Type.Array(Endpoint, { description: 'Endpoints the server disabled after a day of failures (admins only; empty for others)' }),
  firing_alerts: Type.Array(Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true }), { description: 'Alert rules firing now' }),
});
