import type { users } from '../db/schema.js';

/** The dashboard user as the API shows it (never the password hash). */
export function presentUser(user: typeof users.$inferSelect) {
  return {
    id: user.id,
    organization_id: user.organizationId,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    role: user.role,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
    last_login_at: user.lastLoginAt?.toISOString() ?? null,
  };
}
