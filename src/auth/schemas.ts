import { Type, type Static } from 'typebox';
import { Id, Nullable, Timestamp } from '../http/schemas.js';
import { MIN_PASSWORD_LENGTH } from './password-policy.js';

const Email = Type.String({ format: 'email', maxLength: 254, description: 'Unique across the installation, case-insensitively' });
// The rest of the policy (not easy to guess) is in password-policy.ts.
const Password = Type.String({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: 1024,
  description: `${MIN_PASSWORD_LENGTH} to 1024 characters, not easy to guess (common passwords, keyboard patterns, repeats and your own name or e-mail are refused: 400 weak_password)`,
});
const Name = Nullable(Type.String({ maxLength: 100 }));

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    first_name: Type.Optional(Name),
    last_name: Type.Optional(Name),
    organization_name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Required without invite_token; not allowed with it' }),
    ),
    organization_slug: Type.Optional(
      Type.String({ format: 'slug', description: 'Derived from organization_name when omitted; not allowed with invite_token' }),
    ),
    invite_token: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'From POST /api/v1/orgs/me/invitations: join that organization with the invited role instead of creating one',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Either organization_name (and optionally organization_slug) to create an organization, or invite_token to join one.',
  },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const OrganizationSummary = Type.Object({ id: Id, name: Type.String(), slug: Type.String() });

export const RegisterResponse = Type.Object({
  message: Type.String(),
  user_id: Id,
  organization: OrganizationSummary,
});

export const RegisterAccepted = Type.Object({
  message: Type.String({ description: 'The same sentence whether or not the e-mail address already had an account' }),
});

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const User = Type.Object({
  id: Id,
  organization_id: Id,
  email: Type.String(),
  first_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  role: Type.Union([Type.Literal('superadmin'), Type.Literal('admin'), Type.Literal('user'), Type.Literal('viewer')]),
  created_at: Timestamp,
  updated_at: Timestamp,
  last_login_at: Nullable(Timestamp),
});

export const LoginResponse = Type.Object({
  message: Type.String(),
  user: User,
  token: Type.String({ description: 'JWT (HS256, 24 h); also set as the HttpOnly cookie auth_token' }),
  expires_at: Timestamp,
});
