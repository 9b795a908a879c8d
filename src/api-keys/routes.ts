import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authenticate, principalOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses, IdParams, MessageBody } from '../http/schemas.js';
import { ApiKey, CreateApiKeyBody, CreatedApiKey } from './schemas.js';
import { createApiKey, listApiKeys, revokeApiKey } from './service.js';
import { audited } from '../audit/service.js';

const adminOnly = authenticate({ roles: ['admin'] });
const tags = ['API keys'];
const security = DASHBOARD_SECURITY;

export const apiKeyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/orgs/me/apikeys',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Create an API key for the organization (admin); the key is shown only once',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...errorResponses(400, 401, 403, 415, 500) },
      },
      config: { failureMessage: 'Failed to generate API key' },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const created = await audited(
        request,
        (k: { id: number; label: string }) => ({ action: 'api_key.created', targetType: 'api_key', targetId: k.id, details: { label: k.label } }),
        (deps) => createApiKey(deps, principal.organizationId, principal.kind === 'user' ? principal.userId : null, request.body.label),
      );
      return reply.code(201).send({ message: 'API key generated successfully', ...created });
    },
  );

  app.get(
    '/api/v1/orgs/me/apikeys',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: "List the organization's API keys (admin), newest first",
        response: { 200: Type.Array(ApiKey), ...errorResponses(401, 403, 500) },
      },
      config: { failureMessage: 'Failed to list API keys' },
    },
    async (request) => listApiKeys(app.deps, principalOf(request).organizationId),
  );

  app.delete(
    '/api/v1/orgs/me/apikeys/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Revoke an API key (admin); it stops working at once',
        params: IdParams,
        response: { 200: MessageBody, ...errorResponses(400, 401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to revoke API key' },
    },
    async (request) => {
      const id = Number(request.params.id);
      await audited(request, { action: 'api_key.revoked', targetType: 'api_key', targetId: id }, (deps) =>
        revokeApiKey(deps, principalOf(request).organizationId, id),
      );
      return { message: 'API key revoked successfully' };
    },
  );
};
