import { Type, type Static } from 'typebox';
import { Id, IdParams, Nullable, Timestamp } from '../http/schemas.js';

export const REASON_MAX = 1000;
export const DURATION_DEFAULT_MINUTES = 60;
export const DURATION_MAX_MINUTES = 24 * 60;

/**
 * A request nobody approved or denied within this many hours lapses (shown as expired, no longer
 * approvable): an approval days later would open a transcript for a reason nobody re-examined.
 */
export const PENDING_HOURS = 72;

// Stored: pending, approved, denied. Read-time: expired (an approved request past its expires_at,
// or a pending one older than PENDING_HOURS); withdrawn (stored as denied with no decider: the
// table's status check predates it, and no migration is needed for a value nobody else writes).
export const ACCESS_STATUSES = ['pending', 'approved', 'denied', 'expired', 'withdrawn'] as const;
export type AccessStatus = (typeof ACCESS_STATUSES)[number];
const Status = Type.Unsafe<AccessStatus>({ type: 'string', enum: [...ACCESS_STATUSES] });

export const CreateAccessRequestBody = Type.Object(
  {
    chat_id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'The chat whose transcript is to be read' }),
    reason: Type.String({ minLength: 1, maxLength: REASON_MAX, description: `Why the transcript must be read (1–${REASON_MAX} characters); shown to the approver and kept in the audit log` }),
    duration_minutes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: DURATION_MAX_MINUTES,
        default: DURATION_DEFAULT_MINUTES,
        description: `How long the approved access lasts, counted from the approval: 1–${DURATION_MAX_MINUTES} minutes (default ${DURATION_DEFAULT_MINUTES})`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateAccessRequestBody = Static<typeof CreateAccessRequestBody>;

export const AccessRequest = Type.Object({
  id: Id,
  chat_id: Id,
  requested_by: Id,
  reason: Type.String(),
  duration_minutes: Type.Integer(),
  status: Status,
  decided_by: Nullable(Type.Integer()),
  decided_at: Nullable(Type.String({ format: 'date-time' })),
  expires_at: Nullable(Type.String({ format: 'date-time', description: 'Until when the requester may read (set on approval)' })),
  pending_until: Nullable(
    Type.String({ format: 'date-time', description: `While pending: until when it can be approved or denied (created_at + ${PENDING_HOURS} hours); null once decided or withdrawn` }),
  ),
  created_at: Timestamp,
});

export const AccessRequestList = Type.Object({
  requests: Type.Array(AccessRequest),
  next_cursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null on the last page' })),
});

export const ListAccessRequestsQuery = Type.Object(
  {
    status: Type.Optional(Status),
    chat_id: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Only the requests for this chat' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'Page size, 1–100' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'next_cursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type ListAccessRequestsQuery = Static<typeof ListAccessRequestsQuery>;

export const AccessRequestParams = Type.Object({ id: IdParams.properties.id });
