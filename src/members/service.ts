import { presentUser } from '../auth/presenter.js';
import type { AppDeps } from '../http/context.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import * as repo from './repository.js';
import type { AssignableRole } from './schemas.js';

export async function listMembers(deps: AppDeps, organizationId: number) {
  return (await repo.listMembers(deps.db, organizationId)).map(presentUser);
}

/** Maps the outcomes every member change shares to errors; another organization's user is a 404. */
function unwrap<T>(change: repo.MemberChange<T>, lastAdminMessage: string): T {
  switch (change.outcome) {
    case 'not_found':
      throw notFound('User not found');
    case 'superadmin':
      throw forbidden('A superadmin is managed by the installation operator (CLI), not by organization admins');
    case 'last_admin':
      throw conflict(lastAdminMessage);
    case 'done':
      return change.result;
  }
}

export async function changeRole(deps: AppDeps, organizationId: number, userId: number, role: AssignableRole) {
  const change = await repo.changeRole(deps.db, organizationId, userId, role);
  const user = unwrap(change, 'This user is the last admin of the organization: make another member admin first');
  return presentUser(user);
}

export async function removeMember(deps: AppDeps, organizationId: number, userId: number) {
  const change = await repo.removeMember(deps.db, organizationId, userId);
  unwrap(change, 'This user is the last admin of the organization and cannot be removed: make another member admin first');
}
