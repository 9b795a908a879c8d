// Privacy settings (/orgs/me/privacy) and erasure requests, for admins; a read-only copy of the settings for every member.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, principalOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses } from '../http/schemas.js';
import { erasureRoutes } from './erasure-routes.js';
import { PrivacySettings, PrivacyUpdateResult, UpdatePrivacyBody } from './schemas.js';
import { getSettings, updateSettings } from './service.js';

const adminOnly = authenticate({ roles: ['admin'] });
const tags = ['Privacy'];
const security = DASHBOARD_SECURITY;

export const privacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/orgs/me/privacy',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: "The organization's privacy settings (admin): IP handling, retention, legal hold",
        response: { 200: PrivacySettings, ...errorResponses(401, 403, 500) },
      },
      config: { failureMessage: 'Failed to get the privacy settings' },
    },
    async (request) => getSettings(app.deps, principalOf(request).organizationId),
  );

  // The same settings for every member, read-only: the dashboard's privacy summary (the page a works
  // council is handed) must be readable by viewers too, who cannot open the admin settings.
  app.get(
    '/api/v1/orgs/me/privacy/summary',
    {
      onRequest: authenticate(),
      schema: {
        tags,
        security,
        summary: "The organization's privacy settings, read-only, for every member (the dashboard's privacy summary)",
        response: { 200: PrivacySettings, ...errorResponses(401, 403, 500) },
      },
      config: { failureMessage: 'Failed to get the privacy settings' },
    },
    async (request) => getSettings(app.deps, principalOf(request).organizationId),
  );

  app.patch(
    '/api/v1/orgs/me/privacy',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Change the privacy settings (admin); audited with before and after',
        description:
          'Fields not sent stay as they are; null turns a retention off (keep). With dry_run: true, answers what the change ' +
          'would remove and changes nothing. A change that would remove stored data is 409 confirmation_required unless ' +
          'confirm: true is sent. A stricter ip_mode applies to new chats at once and to stored ones at the next retention run.',
        body: UpdatePrivacyBody,
        response: { 200: PrivacyUpdateResult, ...errorResponses(400, 401, 403, 409, 415, 500) },
      },
      config: { failureMessage: 'Failed to update the privacy settings' },
    },
    async (request) => updateSettings(request, principalOf(request).organizationId, request.body),
  );

  await app.register(erasureRoutes);
};
