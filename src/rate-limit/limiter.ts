// Rate limits, all answered 429 {error, code: "rate_limited"} with Retry-After:
// - per API key and per dashboard user (JWT) on every route they call, checked in the route's
//   onRequest hooks right after authenticate(): before the body is read, so a refused caller costs
//   neither the bytes of its body nor their parsing;
// - POST /auth/register per client IP, every attempt, also before the body;
// - POST /auth/login per client IP (+ e-mail), and POST /api/v1/users/me/password per user, where
//   only failures count: each attempt takes a token up front (so that parallel guesses cannot slip
//   through) and a success gives it back. (Login needs the e-mail of the body, so it is checked
//   once the small body is parsed.)
// Every limited response carries RateLimit-Policy and RateLimit as in
// draft-ietf-httpapi-ratelimit-headers-10:
//   RateLimit-Policy: "api-key";q=200;w=2     (a bucket of q requests that refills in w seconds)
//   RateLimit: "api-key";r=57;t=1             (r requests left now; the bucket is full again in t s)
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { Redis } from 'ioredis';
import { HttpError } from '../http/errors.js';
import { MemoryBucketStore, RedisBucketStore, type BucketPolicy, type BucketStore, type TakeResult } from './bucket.js';
import type { AttemptWindow, RateLimitSettings, TokenRate } from './settings.js';

const LOGIN_URL = '/auth/login';
const REGISTER_URL = '/auth/register';
const PASSWORD_URL = '/api/v1/users/me/password';

function tokenPolicy(name: string, rate: TokenRate): BucketPolicy & { window: number } {
  return { name, burst: rate.burst, ratePerSecond: rate.ratePerSecond, window: Math.max(1, Math.ceil(rate.burst / rate.ratePerSecond)) };
}

function attemptPolicy(name: string, limit: AttemptWindow): BucketPolicy & { window: number } {
  return { name, burst: limit.attempts, ratePerSecond: limit.attempts / limit.windowSeconds, window: limit.windowSeconds };
}

type Policy = ReturnType<typeof tokenPolicy>;

async function openRedis(url: string, prefix: string | undefined, app: FastifyInstance): Promise<BucketStore> {
  const redis = new Redis(url, {
    // Fail fast instead of queueing while Redis is away: the limiter then lets requests through.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  const store = new RedisBucketStore(redis, (err, message) => app.log.warn({ err }, message), prefix);
  // Give the first connection a moment so that the first requests are limited too; never block start.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return store;
}

/** The RateLimit header: what is left of each bucket and when it is full again. */
function rateLimitHeader(buckets: [string, Policy][], results: TakeResult[]): string {
  return buckets.map(([, p], i) => `"${p.name}";r=${results[i].remaining};t=${Math.ceil(results[i].resetMs / 1000)}`).join(', ');
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Installs the limits on `app`; call before the routes are registered. */
export async function installRateLimits(app: FastifyInstance, settings: RateLimitSettings): Promise<void> {
  if (!settings.enabled) return;
  const store = settings.redisUrl ? await openRedis(settings.redisUrl, settings.redisKeyPrefix, app) : new MemoryBucketStore();
  app.addHook('onClose', async () => store.close());

  const apiKeyPolicy = tokenPolicy('api-key', settings.apiKey);
  const orgPolicies = new Map(Object.entries(settings.orgOverrides).map(([slug, rate]) => [slug, tokenPolicy('api-key', rate)]));
  const loginPolicy = attemptPolicy('login', settings.login);
  const loginIpPolicy = attemptPolicy('login-ip', settings.loginIp);
  const userPolicy = tokenPolicy('user', settings.user);
  const batchBytesPolicy = tokenPolicy('batch-bytes', settings.batchBytes);
  const registerPolicy = attemptPolicy('register', settings.register);
  const passwordPolicy = attemptPolicy('password-change', settings.passwordChange);

  async function enforce(reply: FastifyReply, buckets: [string, Policy][], message: (retryAfter: number) => string) {
    const results = await Promise.all(buckets.map(([key, policy]) => store.take(key, policy)));
    reply.header('ratelimit-policy', buckets.map(([, p]) => `"${p.name}";q=${p.burst};w=${p.window}`).join(', '));
    reply.header('ratelimit', rateLimitHeader(buckets, results));
    const refused = results.filter((r) => !r.allowed);
    if (refused.length === 0) return;
    const retryAfter = Math.max(1, ...refused.map((r) => Math.ceil(r.retryAfterMs / 1000)));
    throw new HttpError(429, 'rate_limited', message(retryAfter), undefined, { 'retry-after': String(retryAfter) });
  }

  const perCaller: onRequestAsyncHookHandler = async (request, reply) => {
    const principal = request.principal;
    if (principal?.kind === 'api_key') {
      const policy = orgPolicies.get(principal.organizationSlug) ?? apiKeyPolicy;
      await enforce(reply, [[`key:${principal.apiKeyId}`, policy]], (s) =>
        `Too many requests for this API key (at most ${policy.ratePerSecond} per second, bursts of ${policy.burst}); retry in ${s} s`,
      );
    } else if (principal?.kind === 'user') {
      await enforce(reply, [[`user:${principal.userId}`, userPolicy]], (s) =>
        `Too many requests for this user (at most ${userPolicy.ratePerSecond} per second, bursts of ${userPolicy.burst}); retry in ${s} s`,
      );
    }
  };

  // Batch bodies cost their size, per organization, counted before a byte is read (the declared
  // Content-Length; the route's limit when there is none).
  const perBatchBytes: onRequestAsyncHookHandler = async (request, reply) => {
    const organizationId = request.principal?.organizationId;
    if (organizationId === undefined) return;
    const limit = request.routeOptions.bodyLimit ?? Infinity;
    const declared = Number(request.headers['content-length']);
    const cost = Math.min(Number.isFinite(declared) && declared >= 0 ? declared : limit, limit, batchBytesPolicy.burst);
    const result = await store.take(`batch-bytes:${organizationId}`, batchBytesPolicy, cost);
    if (result.allowed) return;
    // The bucket holds burst - (time to refill) × rate bytes; the request waits until it holds `cost`.
    const held = batchBytesPolicy.burst - (result.resetMs / 1000) * batchBytesPolicy.ratePerSecond;
    const retryAfter = Math.max(1, Math.ceil((cost - held) / batchBytesPolicy.ratePerSecond));
    const mib = (n: number) => `${+(n / 1024 / 1024).toFixed(1)} MiB`;
    throw new HttpError(
      429,
      'rate_limited',
      `Too many batch bytes for this organization (at most ${mib(batchBytesPolicy.ratePerSecond)} per second, bursts of ${mib(batchBytesPolicy.burst)}); retry in ${retryAfter} s`,
      undefined,
      { 'retry-after': String(retryAfter) },
    );
  };

  const perRegistration: onRequestAsyncHookHandler = async (request, reply) => {
    await enforce(reply, [[`register:${request.ip}`, registerPolicy]], (s) => `Too many registrations from this address; retry in ${s} s`);
  };

  // Wrong current passwords are guesses by whoever holds the session: counted per user.
  const counted = new WeakSet<FastifyRequest>();
  const passwordBucket = (request: FastifyRequest): [string, Policy] | undefined =>
    request.principal?.kind === 'user' ? [`password:${request.principal.userId}`, passwordPolicy] : undefined;
  const perPasswordChange: onRequestAsyncHookHandler = async (request, reply) => {
    const bucket = passwordBucket(request);
    if (!bucket) return;
    await enforce(reply, [bucket], (s) => `Too many wrong current passwords; retry in ${s} s`);
    counted.add(request);
  };
  const refundPasswordChange = async (request: FastifyRequest, reply: FastifyReply) => {
    const bucket = passwordBucket(request);
    // Only a wrong current password (401) keeps its token; refused (429) requests took none.
    if (!bucket || !counted.has(request) || reply.statusCode === 401) return;
    await store.take(bucket[0], bucket[1], -1);
  };

  const loginBuckets = (request: FastifyRequest): [string, Policy][] => {
    const body = request.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    // The e-mail is hashed so that Redis never holds addresses.
    const account = crypto.createHash('sha256').update(email).digest('base64url').slice(0, 22);
    return [
      [`login:${request.ip}:${account}`, loginPolicy],
      [`login-ip:${request.ip}`, loginIpPolicy],
    ];
  };
  const perLogin = async (request: FastifyRequest, reply: FastifyReply) => {
    await enforce(reply, loginBuckets(request), (s) => `Too many failed login attempts; retry in ${s} s`);
  };
  const refundLogin = async (request: FastifyRequest, reply: FastifyReply) => {
    if (reply.statusCode !== 200) return;
    const buckets = loginBuckets(request);
    const results = await Promise.all(buckets.map(([key, policy]) => store.take(key, policy, -1)));
    // The header set before the login ran counted this attempt; say what is left after the refund.
    reply.header('ratelimit', rateLimitHeader(buckets, results));
  };

  // Route-level onRequest hooks run after the global ones, so the limiter goes at the end of each
  // route's own list: after authenticate() has said who is calling, before the body is read.
  app.addHook('onRoute', (route) => {
    const methods = asArray(route.method);
    const post = methods.includes('POST');
    if (post && route.url === LOGIN_URL) {
      route.preHandler = [...asArray(route.preHandler), perLogin] as typeof route.preHandler;
      route.onSend = [...asArray(route.onSend), refundLogin] as typeof route.onSend;
      return;
    }
    const batch = post && route.config?.bodyGate !== undefined;
    const own =
      post && route.url === REGISTER_URL ? [perRegistration]
      : post && route.url === PASSWORD_URL ? [perCaller, perPasswordChange]
      : batch ? [perCaller, perBatchBytes]
      : [perCaller];
    route.onRequest = [...asArray(route.onRequest), ...own] as typeof route.onRequest;
    if (post && route.url === PASSWORD_URL) route.onSend = [...asArray(route.onSend), refundPasswordChange] as typeof route.onSend;
  });
}
