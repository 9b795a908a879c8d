import { Type, type Static } from 'typebox';
import { sequenceCursorParam } from '../http/cursor.js';
import { Id, Nullable, Timestamp } from '../http/schemas.js';

export const CreateErasureBody = Type.Object(
  {
    user_id: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "The end user's id (chats' user_id)" })),
    session_id: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: "Or a session id (chats' metadata.session_id)" })),
    dry_run: Type.Optional(Type.Boolean({ description: 'Count what would be erased, erase nothing' })),
  },
  { additionalProperties: false },
);
export type CreateErasureBody = Static<typeof CreateErasureBody>;

const Counts = Type.Object({
  chats: Type.Integer(),
  messages: Type.Integer(),
  idempotency_answers: Type.Integer({ description: 'Stored answers to Idempotency-Key requests that named the chats' }),
  export_files: Type.Integer({ description: 'Export files that may have contained the chats (deleted)' }),
  audit_entries_pseudonymized: Type.Integer({ description: 'Audit entries about the chats whose target was removed' }),
});

export const Receipt = Type.Object({
  version: Type.Literal(1),
  request_id: Id,
  organization_id: Id,
  subject: Type.Object({ type: Type.String(), digest: Type.String({ description: 'HMAC of the subject: the id itself is not kept' }) }),
  dry_run: Type.Boolean(),
  requested_by: Type.Object({ user_id: Nullable(Type.Integer()), email: Nullable(Type.String()) }),
  requested_at: Timestamp,
  completed_at: Timestamp,
  counts: Counts,
});

export const ErasureRequest = Type.Object({
  id: Id,
  status: Type.String({ description: 'completed, or dry_run' }),
  dry_run: Type.Boolean(),
  subject: Type.Object({ type: Type.String(), digest: Type.String() }),
  requested_by: Nullable(Type.Integer()),
  created_at: Timestamp,
  completed_at: Nullable(Timestamp),
  receipt: Receipt,
  signature: Type.String({ description: 'HMAC-SHA256 of the receipt; check it with `chatlogger verify-receipt`' }),
});

export const ErasureList = Type.Object({ requests: Type.Array(ErasureRequest), next_cursor: Nullable(Type.String()) });

export const ErasureListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: sequenceCursorParam(),
  },
  { additionalProperties: false },
);
