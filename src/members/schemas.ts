import { Type, type Static } from 'typebox';

/** The roles an organization can give its members. superadmin is never given by a request. */
export const ASSIGNABLE_ROLES = ['admin', 'user', 'viewer'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export const AssignableRoleSchema = Type.Unsafe<AssignableRole>({
  type: 'string',
  enum: [...ASSIGNABLE_ROLES],
  description: 'admin: API keys, members, settings and deletes; user: reads, creates and edits chats; viewer: reads only',
});

export const ChangeRoleBody = Type.Object({ role: AssignableRoleSchema }, { additionalProperties: false });
export type ChangeRoleBody = Static<typeof ChangeRoleBody>;
