import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../http/context.js';
import { sequenceCursor } from '../http/cursor.js';
import { authenticate, principalOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses, IdParams, MessageBody } from '../http/schemas.js';
import {
  Attention,
  CreateEndpointBody,
  DeliveriesQuery,
  DeliveryList,
  DeliveryParams,
  Endpoint,
  EndpointList,
  EndpointWithSecret,
  QueuedEvent,
  RotatedSecret,
  RotateSecretBody,
  UpdateEndpointBody,
} from './schemas.js';
import * as service from './service.js';
import { WebhookWorker, type WebhookWorkerOptions } from './worker.js';

export interface WebhookPluginOptions {
  /** WEBHOOK_ALLOW_PRIVATE: endpoints on private, loopback and link-local addresses are allowed. */
  allowPrivate?: boolean;
  worker?: Partial<WebhookWorkerOptions>;
  /** false: this instance queues events but does not deliver them. Default true. */
  runWorker?: boolean;
  /** The organization's firing alerts, for GET /api/v1/attention (given by the alerts feature). */
  firingAlerts?: (deps: AppDeps, organizationId: number) => Promise<Record<string, unknown>[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's webhook delivery worker (started when the app is ready, stopped on close). */
    webhookWorker: WebhookWorker;
  }
}

const adminOnly = authenticate({ roles: ['admin'] });
const anyMember = authenticate();
const tags = ['Webhooks'];
const security = DASHBOARD_SECURITY;
const BASE = '/api/v1/webhooks';

export const webhookRoutes: FastifyPluginAsyncTypebox<WebhookPluginOptions> = async (app, options) => {
  const settings = { allowPrivate: options.allowPrivate ?? false };
  const worker = new WebhookWorker(app.deps, app.log.child({ component: 'webhook-worker' }), { allowPrivate: settings.allowPrivate, ...options.worker });
  app.decorate('webhookWorker', worker);
  if (options.runWorker !== false) app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());
  const org = (request: Parameters<typeof principalOf>[0]) => principalOf(request).organizationId;

  app.post(
    BASE,
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Create a webhook endpoint (admin); its signing secret is shown only in this answer',
        body: CreateEndpointBody,
        response: { 201: EndpointWithSecret, ...errorResponses(400, 401, 403, 409, 415, 500) },
      },
      config: { failureMessage: 'Failed to create the webhook endpoint' },
    },
    async (request, reply) => reply.code(201).send(await service.createEndpoint(app.deps, org(request), request.body, settings)),
  );

  app.get(
    BASE,
    {
      onRequest: adminOnly,
      schema: { tags, security, summary: "List the organization's webhook endpoints (admin)", response: { 200: EndpointList, ...errorResponses(401, 403, 500) } },
      config: { failureMessage: 'Failed to list webhook endpoints' },
    },
    async (request) => service.listEndpoints(app.deps, org(request)),
  );

  app.get(
    `${BASE}/:id`,
    {
      onRequest: adminOnly,
      schema: { tags, security, summary: 'A webhook endpoint (admin)', params: IdParams, response: { 200: Endpoint, ...errorResponses(400, 401, 403, 404, 500) } },
      config: { failureMessage: 'Failed to read the webhook endpoint' },
    },
    async (request) => service.getEndpoint(app.deps, org(request), Number(request.params.id)),
  );

  app.patch(
    `${BASE}/:id`,
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Change a webhook endpoint (admin): URL, events, description, content, enabled',
        params: IdParams,
        body: UpdateEndpointBody,
        response: { 200: Endpoint, ...errorResponses(400, 401, 403, 404, 415, 500) },
      },
      config: { failureMessage: 'Failed to update the webhook endpoint' },
    },
    async (request) => service.updateEndpoint(app.deps, org(request), Number(request.params.id), request.body, settings),
  );

  app.delete(
    `${BASE}/:id`,
    {
      onRequest: adminOnly,
      schema: { tags, security, summary: 'Delete a webhook endpoint and its queue and log (admin)', params: IdParams, response: { 200: MessageBody, ...errorResponses(400, 401, 403, 404, 500) } },
      config: { failureMessage: 'Failed to delete the webhook endpoint' },
    },
    async (request) => {
      await service.deleteEndpoint(app.deps, org(request), Number(request.params.id));
      return { message: 'Webhook endpoint deleted' };
    },
  );

  app.post(
    `${BASE}/:id/rotate-secret`,
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Replace the signing secret (admin); the old one keeps signing beside it during the overlap',
        params: IdParams,
        body: RotateSecretBody,
        response: { 200: RotatedSecret, ...errorResponses(400, 401, 403, 404, 415, 500) },
      },
      config: { failureMessage: 'Failed to rotate the secret' },
    },
    async (request) => service.rotateSecret(app.deps, org(request), Number(request.params.id), request.body.overlap_seconds),
  );

  app.post(
    `${BASE}/:id/test`,
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'Queue a test event (type webhook.test) for this endpoint (admin); see it in the deliveries',
        params: IdParams,
        response: { 202: QueuedEvent, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
      config: { failureMessage: 'Failed to queue the test event' },
    },
    async (request, reply) => {
      const queued = await service.sendTestEvent(app.deps, org(request), Number(request.params.id));
      worker.wake();
      return reply.code(202).send(queued);
    },
  );

  app.get(
    `${BASE}/:id/deliveries`,
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: 'The delivery log of an endpoint (admin): one row per attempt, newest first',
        params: IdParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveryList, ...errorResponses(400, 401, 403, 404, 500) },
      },
      config: { failureMessage: 'Failed to list deliveries' },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      return service.listDeliveries(app.deps, org(request), Number(request.params.id), limit === undefined ? 50 : Math.min(100, Number(limit)), cursor === undefined ? undefined : sequenceCursor.decode(cursor));
    },
  );

  app.get(
    '/api/v1/attention',
    {
      onRequest: anyMember,
      schema: {
        tags: ['Overview'],
        security,
        summary: 'What needs attention (the overview): firing alerts, and for admins the webhook endpoints the server disabled',
        response: { 200: Attention, ...errorResponses(401, 500) },
      },
      config: { failureMessage: 'Failed to read what needs attention' },
    },
    async (request) => {
      const principal = principalOf(request);
      const admin = principal.kind === 'user' && principal.role === 'admin';
      const [disabled, firing] = await Promise.all([
        admin ? service.needsAttention(app.deps, principal.organizationId) : [],
        options.firingAlerts ? options.firingAlerts(app.deps, principal.organizationId) : [],
      ]);
      return { disabled_webhooks: disabled, firing_alerts: firing };
    },
  );

  app.post(
    `${BASE}/:id/deliveries/:deliveryId/redeliver`,
    {
      onRequest: adminOnly,
      schema: {
        tags,
        security,
        summary: "Send a delivery's event again, now (admin); same webhook-id",
        params: DeliveryParams,
        response: { 202: QueuedEvent, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
      config: { failureMessage: 'Failed to queue the redelivery' },
    },
    async (request, reply) => {
      const queued = await service.redeliver(app.deps, org(request), Number(request.params.id), Number(request.params.deliveryId));
      worker.wake();
      return reply.code(202).send(queued);
    },
  );
};

// Like fastify-plugin: the worker's decoration and hooks belong to the app itself.
(webhookRoutes as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
