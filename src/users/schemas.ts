import { Type, type Static } from 'typebox';
import { MIN_PASSWORD_LENGTH } from '../auth/password-policy.js';
import { Nullable } from '../http/schemas.js';

const Name = Nullable(Type.String({ maxLength: 100, description: 'At most 100 characters; null clears it' }));

export const UpdateMeBody = Type.Object(
  { first_name: Type.Optional(Name), last_name: Type.Optional(Name) },
  { additionalProperties: false, description: 'Only the fields sent change. Send at least one.' },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const ChangePasswordBody = Type.Object(
  {
    current_password: Type.String({ minLength: 1, maxLength: 1024 }),
    new_password: Type.String({
      minLength: MIN_PASSWORD_LENGTH,
      maxLength: 1024,
      description: `${MIN_PASSWORD_LENGTH} to 1024 characters, not easy to guess (else 400 weak_password, with the reason)`,
    }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
