import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authenticate, principalOf } from '../http/authenticate.js';
import { DASHBOARD_SECURITY, errorResponses, IdParams, MessageBody } from '../http/schemas.js';
import { AlertEvaluator, type EvaluatorOptions } from './evaluator.js';
import { CreateRuleBody, History, Rule, RuleList, UpdateRuleBody } from './schemas.js';
import * as service from './service.js';

export interface AlertPluginOptions {
  evaluator?: Partial<EvaluatorOptions>;
  /** false: this instance does not evaluate rules on a schedule. Default true. */
  runEvaluator?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    alertEvaluator: AlertEvaluator;
  }
}

const adminOnly = authenticate({ roles: ['admin'] });
const anyMember = authenticate();
const tags = ['Alerts'];
const security = DASHBOARD_SECURITY;
const BASE = '/api/v1/alerts/rules';

export const alertRoutes: FastifyPluginAsyncTypebox<AlertPluginOptions> = async (app, options) => {
  const evaluator = new AlertEvaluator(app.deps, app.log.child({ component: 'alert-evaluator' }), options.evaluator);
  app.decorate('alertEvaluator', evaluator);
  if (options.runEvaluator !== false) app.addHook('onReady', async () => evaluator.start());
  app.addHook('onClose', async () => evaluator.stop());
  const org = (request: Parameters<typeof principalOf>[0]) => principalOf(request).organizationId;
  const id = (request: { params: { id: string } }) => Number(request.params.id);

  app.post(
    BASE,
    {
      onRequest: adminOnly,
      schema: { tags, security, summary: 'Create an alert rule (admin)', body: CreateRuleBody, response: { 201: Rule, ...errorResponses(400, 401, 403, 409, 415, 500) } },
      config: { failureMessage: 'Failed to create the alert rule' },
    },
    async (request, reply) => reply.code(201).send(await service.createRule(app.deps, org(request), request.body)),
  );
  app.get(
    BASE,
    {
      onRequest: anyMember,
      schema: { tags, security, summary: "The organization's alert rules and their states", response: { 200: RuleList, ...errorResponses(401, 500) } },
      config: { failureMessage: 'Failed to list alert rules' },
    },
    async (request) => service.listRules(app.deps, org(request)),
  );
  app.get(
    `${BASE}/:id`,
    {
      onRequest: anyMember,
      schema: { tags, security, summary: 'An alert rule', params: IdParams, response: { 200: Rule, ...errorResponses(400, 401, 404, 500) } },
      config: { failureMessage: 'Failed to read the alert rule' },
    },
    async (request) => service.getRule(app.deps, org(request), id(request)),
  );
  app.patch(
    `${BASE}/:id`,
    {
      onRequest: adminOnly,
      schema: { tags, security, summary: 'Change an alert rule (admin); a changed definition starts again from ok', params: IdParams, body: UpdateRuleBody, response: { 200: Rule, ...errorResponses(400, 401, 403, 404, 415, 500) } },
      config: { failureMessage: 'Failed to update the alert rule' },
    },
    async (request) => service.updateRule(app.deps, org(request), id(request), request.body),
  );
  app.delete(
    `${BASE}/:id`,
    {
      onRequest: adminOnly,
      schema: { tags, security, summary: 'Delete an alert rule and its history (admin)', params: IdParams, response: { 200: MessageBody, ...errorResponses(400, 401, 403, 404, 500) } },
      config: { failureMessage: 'Failed to delete the alert rule' },
    },
    async (request) => {
      await service.deleteRule(app.deps, org(request), id(request));
      return { message: 'Alert rule deleted' };
    },
  );
  app.get(
    `${BASE}/:id/history`,
    {
      onRequest: anyMember,
      schema: { tags, security, summary: 'When the rule fired and resolved, newest first', params: IdParams, response: { 200: History, ...errorResponses(400, 401, 404, 500) } },
      config: { failureMessage: 'Failed to read the alert history' },
    },
    async (request) => service.ruleHistory(app.deps, org(request), id(request)),
  );
  app.post(
    `${BASE}/:id/evaluate`,
    {
      onRequest: adminOnly,
      schema: { tags, security, summary: "Evaluate the rule's last whole window now (admin), as the schedule would", params: IdParams, response: { 200: Rule, ...errorResponses(400, 401, 403, 404, 500) } },
      config: { failureMessage: 'Failed to evaluate the alert rule' },
    },
    async (request) => {
      const rule = await service.evaluateNow(app.deps, org(request), id(request), evaluator.options.now());
      app.webhookWorker?.wake();
      return rule;
    },
  );
};

(alertRoutes as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
