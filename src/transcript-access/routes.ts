// Four-eyes access requests (works-council mode), for admins.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, organizationOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses } from '../http/schemas.js';
import { AccessRequest, AccessRequestList, AccessRequestParams, CreateAccessRequestBody, ListAccessRequestsQuery } from './schemas.js';
import { PENDING_HOURS } from './schemas.js';
import { createRequest, decideRequest, getRequest, listRequests, withdrawRequest } from './service.js';

const adminOnly = authenticate({ roles: ['admin'] });
const tags = ['Transcript access'];
const security = DASHBOARD_SECURITY;

export const transcriptAccessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/transcript-access-requests',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: "Ask to read one chat's transcript (works-council mode; admin); another admin must approve",
        description:
          'reason: 1–1,000 characters; duration_minutes: 1–1440 (default 60), counted from the approval. ' +
          '409 works_council_off when the mode is off (nothing to ask); 409 no_second_admin when no other admin could approve. Audited.',
        body: CreateAccessRequestBody,
        response: { 201: AccessRequest, ...errorResponses(400, 401, 403, 404, 409, 415, 500) },
      },
      config: { failureMessage: 'Failed to create the access request' },
    },
    async (request, reply) => reply.code(201).send(await createRequest(request, organizationOf(request), request.body)),
  );

  app.get(
    '/api/v1/transcript-access-requests',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Access requests of the organization, newest first (admin); filter by status or chat',
        querystring: ListAccessRequestsQuery,
        response: { 200: AccessRequestList, ...errorResponses(400, 401, 403, 500) },
      },
      config: { failureMessage: 'Failed to list the access requests' },
    },
    async (request) => listRequests(app.deps, organizationOf(request), request.query),
  );

  app.get(
    '/api/v1/transcript-access-requests/:id',
    {
      onRequest: adminOnly,
      schema: { tags, security, summary: 'One access request (admin)', params: AccessRequestParams, response: { 200: AccessRequest, ...errorResponses(400, 401, 403, 404, 500) } },
      config: { failureMessage: 'Failed to get the access request' },
    },
    async (request) => getRequest(app.deps, organizationOf(request), Number(request.params.id)),
  );

  for (const [verb, approve] of [['approve', true], ['deny', false]] as const) {
    app.post(
      `/api/v1/transcript-access-requests/:id/${verb}`,
      {
        onRequest: adminOnly,
        schema: {
          tags,
          security,
          summary: approve
            ? 'Approve a pending access request (admin other than the requester); the access runs from now for its duration'
            : 'Deny a pending access request (admin other than the requester)',
          description:
            `The requester deciding their own request is 403 (and audited: transcript_access.self_approval_refused / self_denial_refused); ` +
            `a request not decided within ${PENDING_HOURS} hours of being made is 409 request_expired; one already decided or withdrawn is 409 conflict. Audited.`,
          params: AccessRequestParams,
          response: { 200: AccessRequest, ...errorResponses(400, 401, 403, 404, 409, 500) },
        },
        config: { failureMessage: `Failed to ${verb} the access request` },
      },
      async (request) => decideRequest(request, organizationOf(request), Number(request.params.id), approve),
    );
  }

  app.post(
    '/api/v1/transcript-access-requests/:id/withdraw',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Withdraw your own pending access request (the requester only); it is then withdrawn and can no longer be approved',
        description: `Another admin is 403 (they deny instead); a request not pending (decided, withdrawn, or lapsed after ${PENDING_HOURS} hours) is 409. Audited (transcript_access.withdrawn).`,
        params: AccessRequestParams,
        response: { 200: AccessRequest, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
      config: { failureMessage: 'Failed to withdraw the access request' },
    },
    async (request) => withdrawRequest(request, organizationOf(request), Number(request.params.id)),
  );
};
