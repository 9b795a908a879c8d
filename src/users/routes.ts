// The signed-in user's own account: profile and password. Every role may manage its own account;
// API keys may not (they are not people).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { User } from '../auth/schemas.js';
import { authenticate } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses, MessageBody } from '../http/schemas.js';
import { dashboardUserOf } from './caller.js';
import { ChangePasswordBody, UpdateMeBody } from './schemas.js';
import { changePassword, getMe, updateMe } from './service.js';

const anyRole = authenticate();
const tags = ['Users'];
const security = DASHBOARD_SECURITY;

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/users/me',
    {
      onRequest: anyRole,
      schema: {
        tags,
        security,
        summary: 'Get the signed-in user',
        response: { 200: User, ...errorResponses(401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to get user' },
    },
    async (request) => getMe(app.deps, dashboardUserOf(request)),
  );

  app.patch(
    '/api/v1/users/me',
    {
      onRequest: anyRole,
      schema: {
        tags,
        security,
        summary: "Update the signed-in user's name",
        description: 'Only the fields sent change; null clears a field. An empty body {} is a 400.',
        body: UpdateMeBody,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 415, 500) },
      },
      config: { failureMessage: 'Failed to update user' },
    },
    async (request) => updateMe(app.deps, dashboardUserOf(request), request.body),
  );

  app.post(
    '/api/v1/users/me/password',
    {
      onRequest: anyRole,
      schema: {
        tags,
        security,
        summary: "Change the signed-in user's password; signs out every other session",
        description:
          'Every other session of the user is revoked at once; the session making this call keeps working. ' +
          'A wrong current_password is a 401 with code "invalid_current_password" and field "current_password" ' +
          '(the session itself is still valid). At most RATE_LIMIT_PASSWORD_CHANGE wrong current passwords per user ' +
          '(default 5 in 15 minutes), then 429 with Retry-After, even for the right one.',
        body: ChangePasswordBody,
        response: { 200: MessageBody, ...errorResponses(400, 401, 403, 404, 415, 429, 500) },
      },
      config: { failureMessage: 'Failed to change password' },
    },
    async (request) => {
      await changePassword(app.deps, dashboardUserOf(request), request.body);
      return { message: 'Password changed successfully; other sessions were signed out' };
    },
  );
};
