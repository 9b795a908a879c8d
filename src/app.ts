// Builds the Fastify app: plugins, the error model, then the feature routes. No I/O happens here;
// the database is opened by the caller (src/main.ts, or a test) and handed in.
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { apiKeyRoutes } from './api-keys/routes.js';
import { authRoutes } from './auth/routes.js';
import { analyticsRoutes } from './analytics/routes.js';
import { auditRoutes } from './audit/routes.js';
import { privacyRoutes } from './privacy/routes.js';
import { RollupFolder, type RollupFoldOptions } from './analytics/fold/worker.js';
import { SketchBuilder } from './analytics/sketches/worker.js';
import { warmCouncilCells } from './analytics/works-council/warm.js';
import { RetentionJob } from './retention/job.js';
import { chatRoutes } from './chats/routes.js';
import { exportRoutes } from './exports/routes.js';
import { messageRoutes } from './messages/routes.js';
import { transcriptAccessRoutes } from './transcript-access/routes.js';
import { orgRoutes } from './orgs/routes.js';
import { memberRoutes } from './members/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { userRoutes } from './users/routes.js';
import type { TrustProxy } from './config.js';
import { closeAppDeps, createAppDeps, type DepsOptions } from './deps.js';
import type { Database } from './db/connection.js';
import { installErrorHandlers } from './http/errors.js';
import { installJsonBodyParser } from './http/json-body.js';
import { assertSafeStrings } from './http/string-safety.js';
import { installValidators } from './http/validation.js';
import { installShutdownResponses } from './http/closing.js';
import { clientErrorHandler } from './http/client-errors.js';
import { installRateLimits } from './rate-limit/limiter.js';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './rate-limit/settings.js';
import { systemRoutes } from './system/routes.js';
import { registerDashboard, type Dashboard } from './web/dashboard.js';
import { webhookRoutes, type WebhookPluginOptions } from './webhooks/routes.js';
import { whatChangedRoutes } from './what-changed/routes.js';
import { alertRoutes, type AlertPluginOptions } from './alerts/routes.js';
import { firingAlerts } from './alerts/service.js';
import './http/context.js';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const BODY_LIMIT = 1024 * 1024;

/** Limits on what one connection may hold: slow clients, idle sockets, oversized headers. */
export interface ServerLimits {
  /** A request's headers must arrive within this (slowloris); checked every connectionsCheckingInterval. */
  headersTimeout: number;
  /** The whole request (headers and body) must arrive within this. */
  requestTimeout: number;
  /** An idle keep-alive connection is closed after this (above common load balancers' 60 s). */
  keepAliveTimeout: number;
  /** A socket with no activity at all is closed after this. */
  connectionTimeout: number;
  /** How often Node checks headersTimeout and requestTimeout. */
  connectionsCheckingInterval: number;
  /** Request line plus headers, in bytes; more → 431. */
  maxHeaderSize: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 72_000,
  connectionTimeout: 60_000,
  connectionsCheckingInterval: 1_000,
  maxHeaderSize: 16 * 1024,
};

export interface AppOptions extends DepsOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Rate limits (default DEFAULT_RATE_LIMITS: 100/s burst 200 per API key, in memory). */
  rateLimit?: RateLimitSettings;
  serverLimits?: Partial<ServerLimits>;
  /** Whose X-Forwarded-For gives the client's IP (the login limiter's key); default none. */
  trustProxy?: TrustProxy;
  /** The dashboard's build (default web/dist). */
  webDist?: string;
  /** Run the retention job every this many ms (src/retention); off when unset (tests call app.retention.runOnce()). */
  retentionIntervalMs?: number;
  /** Webhooks: WEBHOOK_ALLOW_PRIVATE, worker settings (tests inject a clock). */
  webhooks?: WebhookPluginOptions;
  /** Alert rules: the evaluator's interval (ALERT_EVALUATION_INTERVAL_SECONDS) and clock. */
  alerts?: AlertPluginOptions;
  /** The background fold of pending rollup changes (src/analytics/fold); false: not run (a test folds itself). */
  rollupFold?: Partial<RollupFoldOptions> | false;
}

/** A hop count as the function Fastify makes of one (its types take no number): the nearest n peers. */
function fastifyTrustProxy(trust: TrustProxy = false) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/**
 * Security headers on every response (helmet): nosniff, no framing (X-Frame-Options DENY and
 * frame-ancestors 'none'), no referrer across origins, HSTS (browsers only heed it over HTTPS), and a
 * Content-Security-Policy under which the dashboard and /docs (Swagger UI) run: both load their
 * scripts and styles from this origin only (tested in the browser, test/e2e/headers.test.ts);
 * images may be data: URIs (Swagger UI's icons); /docs alone also allows inline styles (see below). No upgrade-insecure-requests: installations on
 * plain HTTP (127.0.0.1) must keep loading their own assets.
 */
const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'connect-src': ["'self'"],
      'font-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
    },
  },
  frameguard: { action: 'deny' as const },
};

export async function buildApp(options: AppOptions) {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.serverLimits };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Reject what a slow or malicious client could use to hold connections or memory.
    connectionTimeout: limits.connectionTimeout,
    requestTimeout: limits.requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    http: {
      headersTimeout: limits.headersTimeout,
      connectionsCheckingInterval: limits.connectionsCheckingInterval,
      maxHeaderSize: limits.maxHeaderSize,
    },
    clientErrorHandler: clientErrorHandler(limits.maxHeaderSize),
    // While closing, our own onRequest hook answers 503 in the error model (with Retry-After).
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    requestIdHeader: 'x-request-id',
    trustProxy: fastifyTrustProxy(options.trustProxy),
    genReqId: () => crypto.randomUUID(),
    // The router's own refusals (a path parameter past 100 characters, a malformed %-escape in
    // the path) in the error model, instead of Fastify's body that echoes the URL.
    frameworkErrors: (err, _request, reply: FastifyReply) => {
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      reply.code(tooLong ? 414 : 400).send({
        error: tooLong ? 'A path parameter is longer than 100 characters' : 'The request path is not valid: check its %-escapes',
        code: tooLong ? 'uri_too_long' : 'invalid_request',
      });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const deps = createAppDeps(options.database, options);
  app.decorate('deps', deps);
  // The first onClose hook runs last (Fastify runs them in reverse): the pools outlive every route
  // and worker that uses them, and the group commits finish what they hold before the database closes.
  app.addHook('onClose', async () => closeAppDeps(deps));
  app.decorateRequest('principal', null);

  installValidators(app);
  // The dashboard's pages are answered by the not-found handler (client-side routes), once registered.
  let dashboard: Dashboard | undefined;
  installErrorHandlers(app, (request, reply) => dashboard?.servePage(request, reply) ?? false);
  installShutdownResponses(app);
  await installRateLimits(app, options.rateLimit ?? DEFAULT_RATE_LIMITS);
  // Only JSON bodies (anything else is 415), parsed with precise syntax errors.
  installJsonBodyParser(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('preValidation', async (request) => {
    // A route that takes a list of items (the chat batch) checks each item itself: one bad item
    // must not fail the others.
    if (request.body !== undefined && !request.routeOptions.config?.checksItemStrings) assertSafeStrings(request.body);
    // Query strings too: %00 in a list filter reached PostgreSQL and failed there (500).
    if (request.query && typeof request.query === 'object') assertSafeStrings(request.query);
  });

  await app.register(cookie);
  await app.register(helmet, SECURITY_HEADERS);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ChatLogger API',
        version: pkg.version,
        description:
          'Stores the chat sessions of an organization\'s AI assistant and turns them into analytics. ' +
          'Bots authenticate with an organization API key; dashboard users with a JWT.',
      },
      components: {
        securitySchemes: {
          ApiKeyAuth: {
            type: 'apiKey',
            in: 'header',
            name: 'x-organization-api-key',
            description: 'Organization API key (also accepted in Authorization, raw or as "Bearer KEY")',
          },
          BearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Dashboard JWT from /auth/login (or the auth_token cookie)' },
        },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // Swagger UI adds a <style> element of its own: inline styles (never scripts) are allowed on /docs only.
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(apiKeyRoutes);
  await app.register(chatRoutes);
  await app.register(messageRoutes);
  await app.register(transcriptAccessRoutes);
  await app.register(userRoutes);
  await app.register(orgRoutes);
  await app.register(memberRoutes);
  await app.register(invitationRoutes);
  await app.register(exportRoutes);
  await app.register(analyticsRoutes);
  await app.register(auditRoutes);
  await app.register(privacyRoutes);
  const retention = new RetentionJob(options.database, options.dataDir, { log: app.log });
  app.decorate('retention', retention);
  if (options.retentionIntervalMs) app.addHook('onReady', async () => retention.start(options.retentionIntervalMs!));
  app.addHook('onClose', async () => retention.stop());
  const rollupFolder = new RollupFolder(options.database, app.log.child({ component: 'rollup-fold' }), options.rollupFold || {});
  app.decorate('rollupFolder', rollupFolder);
  if (options.rollupFold !== false) app.addHook('onReady', async () => rollupFolder.start());
  // After the routes' own onClose hooks (ingest drains first: its last writes are folded next start).
  app.addHook('onClose', async () => rollupFolder.stop());
  const sketchBuilder = new SketchBuilder(options.database.pool, app.log.child({ component: 'sketch-builder' }), app.deps.sketches);
  app.decorate('sketchBuilder', sketchBuilder);
  if (options.sketches !== false) app.addHook('onReady', async () => sketchBuilder.start());
  app.addHook('onClose', async () => sketchBuilder.stop());
  // Works-council mode's cells, read ahead of the first request (src/analytics/works-council/warm.ts).
  let closing = false;
  let warming: Promise<void> | undefined;
  app.addHook('onReady', async () => void (warming = warmCouncilCells(app.deps, app.log.child({ component: 'works-council' }), () => closing)));
  app.addHook('onClose', async () => {
    closing = true;
    await warming;
  });
  await app.register(webhookRoutes, { firingAlerts, ...options.webhooks });
  await app.register(whatChangedRoutes);
  await app.register(alertRoutes, options.alerts ?? {});
  dashboard = await registerDashboard(app, options.webDist);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

declare module 'fastify' {
  interface FastifyInstance {
    retention: RetentionJob;
    rollupFolder: RollupFolder;
    sketchBuilder: SketchBuilder;
  }
}
