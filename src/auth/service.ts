import slugify from '@sindresorhus/slugify';
import crypto from 'node:crypto';
import type { AppDeps } from '../http/context.js';
import { badRequest, conflict, forbidden, unauthorized } from '../http/errors.js';
import { isUniqueViolation } from '../db/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as repo from './repository.js';
import type { LoginBody, RegisterBody } from './schemas.js';
import { TOKEN_LIFETIME_SECONDS } from './tokens.js';

// "me" would read as /orgs/me/..., the caller's own organization.
const RESERVED_SLUGS = new Set(['me', 'api', 'admin', 'auth']);

/** A slug from the organization's name: lowercase ASCII, digits and hyphens, at most 50. */
export function slugFromName(name: string): string {
  const slug = slugify(name).slice(0, 50).replace(/-+$/, '');
  return slug || `org-${crypto.randomBytes(4).toString('hex')}`;
}

export async function register(deps: AppDeps, body: RegisterBody) {
  if (!deps.allowRegistration) throw forbidden('Registration is disabled on this installation');
  const organizationName = body.organization_name.trim();
  if (!organizationName) throw badRequest('organization_name must not be blank', 'organization_name');
  const slug = body.organization_slug ?? slugFromName(organizationName);
  const email = body.email.toLowerCase();
  if (RESERVED_SLUGS.has(slug)) throw conflict(`The organization slug "${slug}" is reserved; choose another with organization_slug`, 'organization_slug');
  if (await repo.findUserByEmail(deps.db, email)) throw conflict('An account with this e-mail already exists', 'email');
  if (await repo.slugExists(deps.db, slug)) {
    throw conflict(`The organization slug "${slug}" is taken; choose another with organization_slug`, 'organization_slug');
  }
  const passwordHash = await hashPassword(body.password);
  try {
    return await repo.createOrganizationWithAdmin(deps.db, {
      email,
      passwordHash,
      firstName: body.first_name ?? null,
      lastName: body.last_name ?? null,
      organizationName,
      organizationSlug: slug,
    });
  } catch (err) {
    // Two registrations racing for the same e-mail or slug: the unique indexes decide.
    if (isUniqueViolation(err, 'users_email_unique')) throw conflict('An account with this e-mail already exists', 'email');
    if (isUniqueViolation(err, 'organizations_slug_unique')) {
      throw conflict(`The organization slug "${slug}" is taken; choose another with organization_slug`, 'organization_slug');
    }
    throw err;
  }
}

export async function login(deps: AppDeps, body: LoginBody) {
  const user = await repo.findUserByEmail(deps.db, body.email.trim());
  const ok = await verifyPassword(user?.passwordHash, body.password);
  if (!user || !ok) throw unauthorized('Invalid email or password');
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000);
  const { sessionId, user: updated } = await repo.createSession(deps.db, user.organizationId, user.id, expiresAt);
  const token = await deps.tokens.sign(
    { userId: user.id, organizationId: user.organizationId, role: user.role, sessionId },
    expiresAt,
  );
  return { user: updated, token, expiresAt };
}
