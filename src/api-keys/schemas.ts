import { Type, type Static } from 'typebox';
import { Id, Nullable, Timestamp } from '../http/schemas.js';

export const CreateApiKeyBody = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 100, description: 'What the key is for, e.g. "HR bot production"' }) },
  { additionalProperties: false },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const CreatedApiKey = Type.Object({
  message: Type.String(),
  id: Id,
  key: Type.String({ description: 'The key itself. Shown only in this response: store it now.' }),
  label: Type.String(),
});

export const ApiKey = Type.Object({
  id: Id,
  label: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart' }),
  created_at: Timestamp,
  last_used_at: Nullable(Timestamp),
  revoked_at: Nullable(Timestamp),
});
