import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { assertStrongPassword } from '../auth/password-policy.js';
import { presentUser } from '../auth/presenter.js';
import type { AppDeps } from '../http/context.js';
import { badRequest, HttpError, notFound } from '../http/errors.js';
import type { DashboardUser } from './caller.js';
import * as repo from './repository.js';
import type { ChangePasswordBody, UpdateMeBody } from './schemas.js';

// The session outlives its user only between authentication and this query (a concurrent removal).
const gone = () => notFound('User not found');

export async function getMe(deps: AppDeps, caller: DashboardUser) {
  const user = await repo.findUser(deps.db, caller.organizationId, caller.userId);
  if (!user) throw gone();
  return presentUser(user);
}

export async function updateMe(deps: AppDeps, caller: DashboardUser, body: UpdateMeBody) {
  // A PATCH that changes nothing is almost always a client bug (a misspelt field is already a 400).
  if (body.first_name === undefined && body.last_name === undefined) {
    throw badRequest('send at least one field: first_name or last_name');
  }
  const user = await repo.updateNames(deps.db, caller.organizationId, caller.userId, {
    firstName: body.first_name,
    lastName: body.last_name,
  });
  if (!user) throw gone();
  return presentUser(user);
}

/**
 * A wrong current password is 401 with code "invalid_current_password" and field
 * "current_password": the caller's own session stays valid, so a client must not treat this 401
 * as "signed out". Wrong current passwords are limited per user (RATE_LIMIT_PASSWORD_CHANGE, see
 * src/rate-limit/limiter.ts).
 */
export async function changePassword(deps: AppDeps, caller: DashboardUser, body: ChangePasswordBody) {
  const user = await repo.findUser(deps.db, caller.organizationId, caller.userId);
  if (!user) throw gone();
  // Before the current password is checked: a refused new password costs no guess.
  assertStrongPassword(body.new_password, 'new_password', [user.email, user.firstName, user.lastName]);
  if (!(await verifyPassword(user.passwordHash, body.current_password))) {
    throw new HttpError(401, 'invalid_current_password', 'current_password is incorrect', 'current_password');
  }
  const passwordHash = await hashPassword(body.new_password);
  await repo.changePassword(deps.db, caller.organizationId, caller.userId, passwordHash, caller.sessionId);
}
