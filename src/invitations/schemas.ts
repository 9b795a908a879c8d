import { Type, type Static } from 'typebox';
import { Id, Nullable, Timestamp } from '../http/schemas.js';
import { AssignableRoleSchema } from '../members/schemas.js';

export const CreateInvitationBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254, description: 'Who may accept it; compared case-insensitively' }),
    role: AssignableRoleSchema,
  },
  { additionalProperties: false },
);
export type CreateInvitationBody = Static<typeof CreateInvitationBody>;

export const CreatedInvitation = Type.Object({
  message: Type.String(),
  id: Id,
  email: Type.String(),
  role: Type.String(),
  invite_token: Type.String({
    description: 'Send it to the invitee, who registers with it at POST /auth/register. Shown only in this response; valid 7 days, once.',
  }),
  expires_at: Timestamp,
});

export const Invitation = Type.Object({
  id: Id,
  email: Type.String(),
  role: Type.String(),
  invited_by: Nullable(Id),
  created_at: Timestamp,
  expires_at: Timestamp,
});
