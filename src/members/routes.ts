// /orgs/me/users: every member may see who is in the organization; only admins change roles or
// remove people.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { User } from '../auth/schemas.js';
import { authenticate, principalOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses, IdParams, MessageBody } from '../http/schemas.js';
import { ChangeRoleBody } from './schemas.js';
import { changeRole, listMembers, removeMember } from './service.js';
import { audited } from '../audit/service.js';

const adminOnly = authenticate({ roles: ['admin'] });
const tags = ['Members'];
const security = DASHBOARD_SECURITY;

export const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/orgs/me/users',
    {
      onRequest: authenticate(),
      schema: {
        tags,
        security,
        summary: "List the organization's users, by id",
        response: { 200: Type.Array(User), ...errorResponses(401, 403, 500) },
      },
      config: { failureMessage: 'Failed to list users' },
    },
    async (request) => listMembers(app.deps, principalOf(request).organizationId),
  );

  app.patch(
    '/api/v1/orgs/me/users/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: "Change a user's role (admin)",
        description:
          'The change applies to the user\'s next request (roles are read on every request). ' +
          'The last admin of an organization cannot be demoted (409). Another organization\'s user is 404.',
        params: IdParams,
        body: ChangeRoleBody,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409, 415, 500) },
      },
      config: { failureMessage: 'Failed to change role' },
    },
    async (request) =>
      audited(
        request,
        { action: 'member.role_changed', targetType: 'user', targetId: Number(request.params.id), details: { role: request.body.role } },
        (deps) => changeRole(deps, principalOf(request).organizationId, Number(request.params.id), request.body.role),
      ),
  );

  app.delete(
    '/api/v1/orgs/me/users/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Remove a user from the organization (admin); their sessions end at once',
        description:
          'Deletes the user and their sessions. The last admin cannot be removed (409); an admin may remove ' +
          'themself when another admin remains. Another organization\'s user is 404.',
        params: IdParams,
        response: { 200: MessageBody, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
      config: { failureMessage: 'Failed to remove user' },
    },
    async (request) => {
      const id = Number(request.params.id);
      await audited(request, { action: 'member.removed', targetType: 'user', targetId: id }, (deps) =>
        removeMember(deps, principalOf(request).organizationId, id),
      );
      return { message: 'User removed' };
    },
  );
};
