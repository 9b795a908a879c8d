// /orgs/me/invitations: how admins add people (also on installations with ALLOW_REGISTRATION=false).
// The invitee registers with the token at POST /auth/register.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authenticate, principalOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses, IdParams, MessageBody } from '../http/schemas.js';
import { dashboardUserOf } from '../users/caller.js';
import { CreatedInvitation, CreateInvitationBody, Invitation } from './schemas.js';
import { createInvitation, listInvitations, revokeInvitation } from './service.js';
import { audited } from '../audit/service.js';

const adminOnly = authenticate({ roles: ['admin'] });
const tags = ['Members'];
const security = DASHBOARD_SECURITY;

export const invitationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/orgs/me/invitations',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Invite someone to the organization with a role (admin); the token is shown only once',
        description:
          'Returns a one-time invite_token, valid 7 days, that the invitee passes to POST /auth/register together ' +
          'with the invited e-mail. Inviting the same e-mail again replaces the previous invitation. ' +
          'An e-mail that is already a member of this organization is 409. An e-mail with an account in another organization ' +
          'is invited like any other (so as not to reveal who has an account); registering with that invitation is then 409.',
        body: CreateInvitationBody,
        response: { 201: CreatedInvitation, ...errorResponses(400, 401, 403, 409, 415, 500) },
      },
      config: { failureMessage: 'Failed to create invitation' },
    },
    async (request, reply) => {
      const caller = dashboardUserOf(request);
      const created = await audited(
        request,
        (i: { id: number; email: string; role: string }) => ({ action: 'invitation.created', targetType: 'invitation', targetId: i.id, details: { email: i.email, role: i.role } }),
        (deps) => createInvitation(deps, caller.organizationId, caller.userId, request.body),
      );
      return reply.code(201).send({ message: 'Invitation created', ...created });
    },
  );

  app.get(
    '/api/v1/orgs/me/invitations',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'List pending invitations (admin): neither accepted nor expired',
        response: { 200: Type.Array(Invitation), ...errorResponses(401, 403, 500) },
      },
      config: { failureMessage: 'Failed to list invitations' },
    },
    async (request) => listInvitations(app.deps, principalOf(request).organizationId),
  );

  app.delete(
    '/api/v1/orgs/me/invitations/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Revoke an invitation (admin); its token stops working at once',
        description: 'An invitation that was already accepted is 409 (remove the user instead); another organization\'s is 404.',
        params: IdParams,
        response: { 200: MessageBody, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
      config: { failureMessage: 'Failed to revoke invitation' },
    },
    async (request) => {
      const id = Number(request.params.id);
      await audited(request, { action: 'invitation.revoked', targetType: 'invitation', targetId: id }, (deps) =>
        revokeInvitation(deps, principalOf(request).organizationId, id),
      );
      return { message: 'Invitation revoked' };
    },
  );
};
