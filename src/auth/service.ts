import slugify from '@sindresorhus/slugify';
import crypto from 'node:crypto';
import type { AppDeps } from '../http/context.js';
import { badRequest, conflict, forbidden, unauthorized } from '../http/errors.js';
import { isUniqueViolation } from '../db/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { assertStrongPassword } from './password-policy.js';
import * as repo from './repository.js';
import type { LoginBody, RegisterBody } from './schemas.js';
import { findUsableInvitation } from '../invitations/repository.js';
import { hashInviteToken } from '../invitations/token.js';
import { TOKEN_LIFETIME_SECONDS } from './tokens.js';
import { recordAudit } from '../audit/service.js';

// "me" would read as /orgs/me/..., the caller's own organization.
const RESERVED_SLUGS = new Set(['me', 'api', 'admin', 'auth']);

/** A slug from the organization's name: lowercase ASCII, digits and hyphens, at most 50. */
export function slugFromName(name: string): string {
  const slug = slugify(name).slice(0, 50).replace(/-+$/, '');
  return slug || `org-${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * What a registration without invitation did. The caller answers both alike (202, one sentence):
 * whether an e-mail address already has an account, in any organization, must not show.
 */
export type Registration = { outcome: 'created'; userId: number; organization: { id: number; name: string; slug: string } } | { outcome: 'existing' };

export async function register(deps: AppDeps, body: RegisterBody): Promise<Registration> {
  // Invitations are how closed installations add people, so they work with registration disabled.
  if (body.invite_token !== undefined) return { outcome: 'created', ...(await registerByInvitation(deps, body, body.invite_token)) };
  if (!deps.allowRegistration) throw forbidden('Registration is disabled on this installation');
  if (body.organization_name === undefined) {
    throw badRequest('organization_name is required (or send invite_token to join an organization)', 'organization_name');
  }
  const organizationName = body.organization_name.trim();
  if (!organizationName) throw badRequest('organization_name must not be blank', 'organization_name');
  const slug = body.organization_slug ?? slugFromName(organizationName);
  const email = body.email.toLowerCase();
  if (RESERVED_SLUGS.has(slug)) throw conflict(`The organization slug "${slug}" is reserved; choose another with organization_slug`, 'organization_slug');
  if (await repo.slugExists(deps.db, slug)) {
    throw conflict(`The organization slug "${slug}" is taken; choose another with organization_slug`, 'organization_slug');
  }
  assertStrongPassword(body.password, 'password', [email, body.first_name, body.last_name, organizationName, slug]);
  // The e-mail is checked last, by the insert itself: a taken address costs the same password hash
  // and the same transaction (rolled back) as a free one, and every refusal above is the same for both.
  const passwordHash = await hashPassword(body.password);
  try {
    const created = await repo.createOrganizationWithAdmin(deps.db, {
      email,
      passwordHash,
      firstName: body.first_name ?? null,
      lastName: body.last_name ?? null,
      organizationName,
      organizationSlug: slug,
    });
    return { outcome: 'created', ...created };
  } catch (err) {
    // The address has an account: nothing is created and that account is left as it is.
    if (isUniqueViolation(err, 'users_email_unique')) return { outcome: 'existing' };
    if (isUniqueViolation(err, 'organizations_slug_unique')) {
      throw conflict(`The organization slug "${slug}" is taken; choose another with organization_slug`, 'organization_slug');
    }
    throw err;
  }
}

// Unknown, expired and already used tokens get one answer: the caller learns nothing about which.
const invalidInvitation = () => badRequest('invite_token is invalid or expired', 'invite_token');
const emailTaken = () => conflict('An account with this e-mail already exists', 'email');

async function registerByInvitation(deps: AppDeps, body: RegisterBody, inviteToken: string) {
  for (const field of ['organization_name', 'organization_slug'] as const) {
    if (body[field] !== undefined) {
      throw badRequest(`${field} cannot be sent with invite_token: the invitation decides the organization`, field);
    }
  }
  const email = body.email.toLowerCase();
  const tokenHash = hashInviteToken(inviteToken, deps.apiKeyHmacKey);
  // Checked before the slow password hash for a quick, clear answer; the transaction checks again.
  const invitation = await findUsableInvitation(deps.db, tokenHash);
  if (!invitation) throw invalidInvitation();
  if (invitation.email !== email) {
    throw badRequest('email does not match the invitation: register with the address it was sent to', 'email');
  }
  if (await repo.findUserByEmail(deps.db, email)) throw emailTaken();
  assertStrongPassword(body.password, 'password', [email, body.first_name, body.last_name]);
  const passwordHash = await hashPassword(body.password);
  let result: repo.InvitedUserResult;
  try {
    result = await repo.createInvitedUser(deps.db, {
      tokenHash,
      email,
      passwordHash,
      firstName: body.first_name ?? null,
      lastName: body.last_name ?? null,
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_unique')) throw emailTaken();
    throw err;
  }
  if (result.outcome === 'invalid') throw invalidInvitation();
  if (result.outcome === 'email_mismatch') throw badRequest('email does not match the invitation', 'email');
  return { userId: result.userId, organization: result.organization };
}

/** `ip`: the client's address, for the audit log (kept per the organization's IP setting). */
export async function login(deps: AppDeps, body: LoginBody, ip?: string) {
  const user = await repo.findUserByEmail(deps.db, body.email.trim());
  const ok = await verifyPassword(user?.passwordHash, body.password);
  // A failed sign-in to an existing account goes to that organization's audit log (an unknown
  // e-mail belongs to no organization).
  const actor = user && { organizationId: user.organizationId, actorType: 'user' as const, actorId: user.id, ip };
  if (actor && !ok) await recordAudit(deps.db, actor, { action: 'auth.login_failed', targetType: 'user', targetId: actor.actorId });
  if (!user || !ok) throw unauthorized('Invalid email or password');
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000);
  const { sessionId, user: updated } = await deps.db.transaction(async (tx) => {
    const session = await repo.createSession(tx as unknown as AppDeps['db'], user.organizationId, user.id, expiresAt);
    await recordAudit(tx as unknown as AppDeps['db'], actor!, { action: 'auth.login', targetType: 'user', targetId: user.id });
    return session;
  });
  const token = await deps.tokens.sign(
    { userId: user.id, organizationId: user.organizationId, role: user.role, sessionId },
    expiresAt,
  );
  return { user: updated, token, expiresAt };
}
