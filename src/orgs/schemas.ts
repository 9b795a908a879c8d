import { Type, type Static } from 'typebox';
import { Id, Timestamp } from '../http/schemas.js';

export const Organization = Type.Object({
  id: Id,
  name: Type.String(),
  slug: Type.String({ description: 'Used in /api/v1/orgs/{slug}/... URLs; never changes' }),
  works_council: Type.Boolean({
    description: "Works-council mode (set by an admin in /orgs/me/privacy), readable by every member: end users appear only as pseudonyms, small groups are suppressed",
  }),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const UpdateOrganizationBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200, description: '1 to 200 characters, stored trimmed; the slug does not change' }) },
  { additionalProperties: false },
);
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;
