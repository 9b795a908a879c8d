// The caller's own organization (/orgs/me): its settings. Its members and invitations are the
// features of src/members and src/invitations (registered by app.ts, after these).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, principalOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses } from '../http/schemas.js';
import { Organization, UpdateOrganizationBody } from './schemas.js';
import { getOrganization, renameOrganization } from './service.js';
import { audited } from '../audit/service.js';

const tags = ['Organization'];
const security = DASHBOARD_SECURITY;

export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/orgs/me',
    {
      onRequest: authenticate(),
      schema: {
        tags,
        security,
        summary: "Get the signed-in user's organization",
        response: { 200: Organization, ...errorResponses(401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to get organization' },
    },
    async (request) => getOrganization(app.deps, principalOf(request).organizationId),
  );

  app.patch(
    '/api/v1/orgs/me',
    {
      onRequest: authenticate({ roles: ['admin'] }),
      schema: {
        tags,
        security,
        summary: 'Rename the organization (admin); the slug does not change',
        body: UpdateOrganizationBody,
        response: { 200: Organization, ...errorResponses(400, 401, 403, 404, 415, 500) },
      },
      config: { failureMessage: 'Failed to update organization' },
    },
    async (request) => {
      const organizationId = principalOf(request).organizationId;
      const before = await getOrganization(app.deps, organizationId);
      return audited(
        request,
        (after: { name: string }) => ({ action: 'settings.organization_renamed', targetType: 'organization', targetId: organizationId, details: { before: { name: before.name }, after: { name: after.name } } }),
        (deps) => renameOrganization(deps, organizationId, request.body.name),
      );
    },
  );
};
