import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, principalOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses, IdParams } from '../http/schemas.js';
import { createErasure, getErasure, listErasures } from './erasure.js';
import { CreateErasureBody, ErasureList, ErasureListQuery, ErasureRequest } from './erasure-schemas.js';

const adminOnly = authenticate({ roles: ['admin'] });
const tags = ['Privacy'];
const security = DASHBOARD_SECURITY;

export const erasureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/erasure-requests',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: "Erase an end user's data (admin): by user_id or session_id; answers a signed receipt",
        description:
          'Deletes the subject\'s chats and messages, the stored idempotency answers naming them, the export files that may ' +
          'contain them, and pseudonymizes audit entries about them, in one transaction. 201 with the receipt (200 for ' +
          'dry_run: true, which erases nothing). Repeating it erases what arrived since; an unknown subject gets zero counts. ' +
          '409 legal_hold while the organization is under a legal hold.',
        body: CreateErasureBody,
        response: { 200: ErasureRequest, 201: ErasureRequest, ...errorResponses(400, 401, 403, 409, 415, 500) },
      },
      config: { failureMessage: 'Failed to erase' },
    },
    async (request, reply) => {
      const result = await createErasure(request, principalOf(request).organizationId, request.body);
      return reply.code(result.dry_run ? 200 : 201).send(result);
    },
  );

  app.get(
    '/api/v1/erasure-requests',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: "The organization's erasure requests (admin), newest first",
        querystring: ErasureListQuery,
        response: { 200: ErasureList, ...errorResponses(400, 401, 403, 500) },
      },
      config: { failureMessage: 'Failed to list erasure requests' },
    },
    async (request) => listErasures(request, principalOf(request).organizationId, request.query.limit ?? 20, request.query.cursor),
  );

  app.get(
    '/api/v1/erasure-requests/:id',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'One erasure request: its status and signed receipt (admin)',
        params: IdParams,
        response: { 200: ErasureRequest, ...errorResponses(400, 401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to get the erasure request' },
    },
    async (request) => getErasure(request, principalOf(request).organizationId, Number(request.params.id)),
  );
};
