import { Type, type Static } from 'typebox';
import { sequenceCursorParam } from '../http/cursor.js';
import { Id, Nullable, Timestamp } from '../http/schemas.js';

export const AuditEntry = Type.Object({
  seq: Id,
  created_at: Timestamp,
  actor: Type.Object({
    type: Type.String({ description: 'user (dashboard), api_key (bot), operator (command line), system (retention job)' }),
    id: Nullable(Type.Integer()),
    label: Nullable(Type.String({ description: "The user's e-mail or the key's label at the time" })),
  }),
  action: Type.String({ description: 'e.g. api_key.created, member.removed, settings.privacy_updated, chat.opened, auth.login_failed' }),
  target: Type.Object({ type: Nullable(Type.String()), id: Nullable(Type.String()) }),
  ip: Nullable(Type.String({ description: "The client's address, kept per the organization's IP setting" })),
  details: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'before/after for settings, counts for erasures...' })),
  pseudonymized: Type.Boolean({ description: 'Target and details were removed by an erasure request' }),
  prev_hash: Type.String(),
  hash: Type.String(),
});

const filters = {
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'An action, or a prefix ending in "." (member.)' })),
  actor_id: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  actor_type: Type.Optional(Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('operator'), Type.Literal('system')])),
  target_type: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  target_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  since: Type.Optional(Type.String({ format: 'date-time', description: 'From this time (inclusive)' })),
  until: Type.Optional(Type.String({ format: 'date-time', description: 'Up to this time (inclusive)' })),
};

export const AuditQuery = Type.Object(
  {
    ...filters,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size, 1–200' })),
    cursor: sequenceCursorParam('next_cursor of the previous page'),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditExportQuery = Type.Object(filters, { additionalProperties: false });
export type AuditExportQuery = Static<typeof AuditExportQuery>;

export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry), next_cursor: Nullable(Type.String()) });

export const ChainReport = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  first_seq: Nullable(Type.Integer()),
  last_seq: Nullable(Type.Integer()),
  pseudonymized: Type.Integer(),
  broken_at: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
});
