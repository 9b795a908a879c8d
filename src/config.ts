// Configuration from the environment, validated once at start-up. A bad value stops the server
// with a one-line reason (ConfigError) instead of surfacing later as a confusing failure.
import proxyAddr from '@fastify/proxy-addr';
import path from 'node:path';
import { DEFAULT_ROLLUP_FOLD_OPTIONS } from './analytics/fold/worker.js';
import { DEFAULT_CACHED_CELLS } from './analytics/works-council/cell-cache.js';
import { DEFAULT_SKETCH_OPTIONS, type SketchOptions } from './analytics/sketches/options.js';
import { COST_LIMIT_VARIABLES, DEFAULT_COST_LIMITS, type CostLimits } from './cost-limits/settings.js';
import type { EmbeddedMemory } from './db/embedded.js';
import { DEFAULT_BODY_QUEUE_LIMITS, type BodyQueueLimits } from './ingest/body-gate.js';
import { DEFAULT_RATE_LIMITS, type AttemptWindow, type RateLimitSettings, type TokenRate } from './rate-limit/settings.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database (and of the generated JWT secret). */
  dataDir: string;
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** HS256 key for dashboard tokens. Undefined in embedded mode until generated in dataDir. */
  jwtSecret: string | undefined;
  logLevel: LogLevel;
  allowRegistration: boolean;
  /** COOKIE_SECURE as set; undefined: Secure cookies on requests that came over HTTPS. */
  cookieSecure?: boolean;
  /** Optional so that callers building a Config by hand (CLI, benches) need not spell it out. */
  rateLimit?: RateLimitSettings;
  /** Bytes of chat-batch bodies held at once (BATCH_QUEUE_MB, BATCH_QUEUE_MB_PER_ORG). */
  batchQueue?: BodyQueueLimits;
  /** Which peers' X-Forwarded-For to believe for the client's IP (TRUST_PROXY); false: none. */
  trustProxy?: TrustProxy;
  /** Bounds on a request's cost and an organization's share (src/cost-limits/settings.ts). */
  costLimits?: CostLimits;
  /** Seconds between runs of the retention job (RETENTION_INTERVAL_SECONDS, default 3600); 0 = off. */
  retentionIntervalSeconds?: number;
  /** EMBEDDED_*_MB as set (the rest default in src/db/embedded.ts); unused with DATABASE_URL. */
  embeddedMemory?: Partial<EmbeddedMemory>;
  /** Webhooks and alerts (optional, like rateLimit, for callers building a Config by hand). */
  webhooks?: WebhookConfig;
  /** The rollup fold: ROLLUP_FOLD_INTERVAL_MS (default 200), ROLLUP_FOLD_BATCH (pending rows per fold; default 5000, embedded 1000). */
  rollupFold?: { intervalMs: number; batchSize?: number };
  /** The summary's sketches: SKETCH_MIN_DAY_CHATS, ANALYTICS_EXACT_MAX_CHATS, SKETCH_BUILD_INTERVAL_MS (src/analytics/sketches/options.ts). */
  sketches?: Omit<SketchOptions, 'rebuildAfterMs'>;
  /** WORKS_COUNCIL_CACHED_CELLS: works-council cells kept between requests (src/analytics/works-council/cell-cache.ts). */
  councilCachedCells?: number;
}

export interface WebhookConfig {
  /** WEBHOOK_ALLOW_PRIVATE: allow endpoints on private, loopback and link-local addresses. */
  allowPrivate: boolean;
  /** ALERT_EVALUATION_INTERVAL_SECONDS: how often alert rules are looked at (each is evaluated once per whole hour). */
  alertIntervalSeconds: number;
}

/** Fastify's trustProxy: a number of proxy hops, or the proxies' addresses and CIDR ranges. */
export type TrustProxy = false | number | string[];

export class ConfigError extends Error {}

const MIN_SECRET_LENGTH = 32;

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parseDatabaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return value;
}

function parsePositive(name: string, value: string, integer: boolean): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0) || (integer && !Number.isInteger(n)) || n > 1e9) {
    throw new ConfigError(`${name} must be a positive ${integer ? 'integer' : 'number'}, got "${value}"`);
  }
  return n;
}

/** A positive integer setting, or its default when unset. */
function positiveOr(get: (name: string) => string | undefined, name: string, fallback: number): number {
  const value = get(name);
  return value === undefined ? fallback : parsePositive(name, value, true);
}

function parseRate(name: string, rps: string, burst: string): TokenRate {
  const rate = { ratePerSecond: parsePositive(name, rps, false), burst: parsePositive(name, burst, true) };
  return rate;
}

/** "acme-hr=500:1000,other=50:100": requests per second and burst per API key of an organization. */
function parseOrgOverrides(value: string): Record<string, TokenRate> {
  const overrides: Record<string, TokenRate> = {};
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const match = /^([a-z0-9-]{1,50})=([^:]+):([^:]+)$/.exec(entry);
    if (!match) {
      throw new ConfigError(`RATE_LIMIT_ORG_OVERRIDES must look like "slug=RPS:BURST,slug=RPS:BURST", got "${entry}"`);
    }
    overrides[match[1]] = parseRate(`RATE_LIMIT_ORG_OVERRIDES (${match[1]})`, match[2], match[3]);
  }
  return overrides;
}

/** "10:900": at most 10 attempts per 900 seconds. */
function parseAttempts(name: string, value: string): AttemptWindow {
  const match = /^(\d+):(\d+)$/.exec(value.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new ConfigError(`${name} must be ATTEMPTS:SECONDS with both at least 1 (e.g. "10:900"), got "${value}"`);
  }
  return { attempts: Number(match[1]), windowSeconds: Number(match[2]) };
}

// Checked by the parser Fastify itself uses for trustProxy, so that what starts is what it trusts.
function isAddressOrRange(entry: string): boolean {
  try {
    proxyAddr.compile([entry]);
    return true;
  } catch {
    return false;
  }
}

/**
 * "1" (the number of proxies in front of the server) or "10.0.0.0/8, 127.0.0.1" (their addresses).
 * Not "true": trusting every peer would let any client choose its IP, and so its login limit.
 */
function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim();
  if (['false', 'no', 'off', '0'].includes(v.toLowerCase())) return false;
  if (/^\d+$/.test(v)) {
    if (Number(v) > 20) throw new ConfigError(`TRUST_PROXY as a number of proxy hops must be at most 20, got "${value}"`);
    return Number(v);
  }
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.find((e) => !isAddressOrRange(e));
  if (entries.length === 0 || bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY must be a number of proxy hops or a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal, got "${bad ?? value}"`,
    );
  }
  return entries;
}

function parseRedisUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${url.protocol}//"`);
  }
  return value;
}

function loadRateLimits(get: (name: string) => string | undefined): RateLimitSettings {
  const d = DEFAULT_RATE_LIMITS;
  const rps = get('RATE_LIMIT_API_KEY_RPS');
  const burst = get('RATE_LIMIT_API_KEY_BURST');
  return {
    enabled: get('RATE_LIMIT_ENABLED') === undefined ? d.enabled : parseBoolean('RATE_LIMIT_ENABLED', get('RATE_LIMIT_ENABLED')!),
    apiKey: {
      ratePerSecond: rps === undefined ? d.apiKey.ratePerSecond : parsePositive('RATE_LIMIT_API_KEY_RPS', rps, false),
      burst: burst === undefined ? d.apiKey.burst : parsePositive('RATE_LIMIT_API_KEY_BURST', burst, true),
    },
    orgOverrides: get('RATE_LIMIT_ORG_OVERRIDES') === undefined ? {} : parseOrgOverrides(get('RATE_LIMIT_ORG_OVERRIDES')!),
    user: {
      ratePerSecond: get('RATE_LIMIT_USER_RPS') === undefined ? d.user.ratePerSecond : parsePositive('RATE_LIMIT_USER_RPS', get('RATE_LIMIT_USER_RPS')!, false),
      burst: get('RATE_LIMIT_USER_BURST') === undefined ? d.user.burst : parsePositive('RATE_LIMIT_USER_BURST', get('RATE_LIMIT_USER_BURST')!, true),
    },
    batchBytes: {
      ratePerSecond:
        get('RATE_LIMIT_BATCH_MB_PER_SECOND') === undefined ? d.batchBytes.ratePerSecond : parsePositive('RATE_LIMIT_BATCH_MB_PER_SECOND', get('RATE_LIMIT_BATCH_MB_PER_SECOND')!, false) * 1024 * 1024,
      // At least one full batch body (5 MiB), or no full batch could ever pass.
      burst: Math.max(5 * 1024 * 1024, get('RATE_LIMIT_BATCH_MB_BURST') === undefined ? d.batchBytes.burst : parsePositive('RATE_LIMIT_BATCH_MB_BURST', get('RATE_LIMIT_BATCH_MB_BURST')!, false) * 1024 * 1024),
    },
    register: get('RATE_LIMIT_REGISTER') === undefined ? d.register : parseAttempts('RATE_LIMIT_REGISTER', get('RATE_LIMIT_REGISTER')!),
    passwordChange:
      get('RATE_LIMIT_PASSWORD_CHANGE') === undefined ? d.passwordChange : parseAttempts('RATE_LIMIT_PASSWORD_CHANGE', get('RATE_LIMIT_PASSWORD_CHANGE')!),
    login: get('RATE_LIMIT_LOGIN') === undefined ? d.login : parseAttempts('RATE_LIMIT_LOGIN', get('RATE_LIMIT_LOGIN')!),
    loginIp: get('RATE_LIMIT_LOGIN_IP') === undefined ? d.loginIp : parseAttempts('RATE_LIMIT_LOGIN_IP', get('RATE_LIMIT_LOGIN_IP')!),
    redisUrl: get('REDIS_URL') === undefined ? undefined : parseRedisUrl(get('REDIS_URL')!),
  };
}

/** Each bound of CostLimits from its variable (a positive integer), or its default. */
function loadCostLimits(get: (name: string) => string | undefined): CostLimits {
  const limits = { ...DEFAULT_COST_LIMITS };
  for (const [key, name] of Object.entries(COST_LIMIT_VARIABLES) as [keyof CostLimits, string][]) {
    const value = get(name);
    if (value !== undefined) limits[key] = parsePositive(name, value, true);
  }
  return limits;
}

/** BATCH_QUEUE_MB and BATCH_QUEUE_MB_PER_ORG, in MiB: what the batch routes hold of bodies at once. */
function loadBatchQueue(get: (name: string) => string | undefined): BodyQueueLimits {
  const MiB = 1024 * 1024;
  const server = get('BATCH_QUEUE_MB');
  const perOrg = get('BATCH_QUEUE_MB_PER_ORG');
  const limits = {
    maxBytes: server === undefined ? DEFAULT_BODY_QUEUE_LIMITS.maxBytes : parsePositive('BATCH_QUEUE_MB', server, true) * MiB,
    maxBytesPerOrganization: perOrg === undefined ? DEFAULT_BODY_QUEUE_LIMITS.maxBytesPerOrganization : parsePositive('BATCH_QUEUE_MB_PER_ORG', perOrg, true) * MiB,
  };
  // A batch body may be 5 MiB: a smaller budget would refuse every full batch.
  for (const [name, bytes] of [['BATCH_QUEUE_MB', limits.maxBytes], ['BATCH_QUEUE_MB_PER_ORG', limits.maxBytesPerOrganization]] as const) {
    if (bytes < 5 * MiB) throw new ConfigError(`${name} must be at least 5 (one full batch body), got "${bytes / MiB}"`);
  }
  return { ...limits, maxBytesPerOrganization: Math.min(limits.maxBytesPerOrganization, limits.maxBytes) };
}

/** RETENTION_INTERVAL_SECONDS: default one hour; 0 turns the retention job off on this instance. */
function parseRetentionInterval(value: string | undefined): number {
  if (value === undefined) return 3600;
  if (value.trim() === '0') return 0;
  return parsePositive('RETENTION_INTERVAL_SECONDS', value, true);
}

// PGlite's WebAssembly memory ends at 2 GB: larger values could not start it.
const EMBEDDED_MEMORY_VARIABLES = {
  EMBEDDED_SHARED_BUFFERS_MB: 'sharedBuffersMb',
  EMBEDDED_WORK_MEM_MB: 'workMemMb',
  EMBEDDED_MAINTENANCE_WORK_MEM_MB: 'maintenanceWorkMemMb',
} as const;
const EMBEDDED_MEMORY_MAX_MB = 1024;

function loadEmbeddedMemory(get: (name: string) => string | undefined): Partial<EmbeddedMemory> {
  const memory: Partial<EmbeddedMemory> = {};
  for (const [name, key] of Object.entries(EMBEDDED_MEMORY_VARIABLES)) {
    const value = get(name);
    if (value === undefined) continue;
    const mb = parsePositive(name, value, true);
    if (mb > EMBEDDED_MEMORY_MAX_MB) throw new ConfigError(`${name} must be at most ${EMBEDDED_MEMORY_MAX_MB}, got "${value}"`);
    memory[key] = mb;
  }
  return memory;
}

/** Reads the configuration from `env`; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const get = (name: string) => {
    const v = env[name];
    return v === undefined || v === '' ? undefined : v;
  };

  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${get('LOG_LEVEL')}"`);
  }

  const databaseUrl = get('DATABASE_URL') === undefined ? undefined : parseDatabaseUrl(get('DATABASE_URL')!);
  const jwtSecret = get('JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  if (databaseUrl !== undefined && jwtSecret === undefined) {
    // Several instances share one PostgreSQL database, so they must share the secret too.
    throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set (at least 32 characters)');
  }

  return {
    port: get('PORT') === undefined ? 8080 : parsePort(get('PORT')!),
    host: get('HOST') ?? '127.0.0.1',
    dataDir: path.resolve(get('DATA_DIR') ?? './data'),
    databaseUrl,
    jwtSecret,
    logLevel: logLevel as LogLevel,
    allowRegistration: get('ALLOW_REGISTRATION') === undefined ? true : parseBoolean('ALLOW_REGISTRATION', get('ALLOW_REGISTRATION')!),
    cookieSecure: get('COOKIE_SECURE') === undefined ? undefined : parseBoolean('COOKIE_SECURE', get('COOKIE_SECURE')!),
    rateLimit: loadRateLimits(get),
    batchQueue: loadBatchQueue(get),
    trustProxy: get('TRUST_PROXY') === undefined ? false : parseTrustProxy(get('TRUST_PROXY')!),
    costLimits: loadCostLimits(get),
    retentionIntervalSeconds: parseRetentionInterval(get('RETENTION_INTERVAL_SECONDS')),
    rollupFold: {
      intervalMs: get('ROLLUP_FOLD_INTERVAL_MS') === undefined ? DEFAULT_ROLLUP_FOLD_OPTIONS.intervalMs : parsePositive('ROLLUP_FOLD_INTERVAL_MS', get('ROLLUP_FOLD_INTERVAL_MS')!, true),
      ...(get('ROLLUP_FOLD_BATCH') === undefined ? {} : { batchSize: parsePositive('ROLLUP_FOLD_BATCH', get('ROLLUP_FOLD_BATCH')!, true) }),
    },
    sketches: {
      minDayChats: positiveOr(get, 'SKETCH_MIN_DAY_CHATS', DEFAULT_SKETCH_OPTIONS.minDayChats),
      exactMaxChats: positiveOr(get, 'ANALYTICS_EXACT_MAX_CHATS', DEFAULT_SKETCH_OPTIONS.exactMaxChats),
      intervalMs: positiveOr(get, 'SKETCH_BUILD_INTERVAL_MS', DEFAULT_SKETCH_OPTIONS.intervalMs),
    },
    councilCachedCells: positiveOr(get, 'WORKS_COUNCIL_CACHED_CELLS', DEFAULT_CACHED_CELLS),
    embeddedMemory: loadEmbeddedMemory(get),
    // Webhooks and alerts.
    webhooks: {
      allowPrivate: get('WEBHOOK_ALLOW_PRIVATE') === undefined ? false : parseBoolean('WEBHOOK_ALLOW_PRIVATE', get('WEBHOOK_ALLOW_PRIVATE')!),
      alertIntervalSeconds:
        get('ALERT_EVALUATION_INTERVAL_SECONDS') === undefined ? 60 : parsePositive('ALERT_EVALUATION_INTERVAL_SECONDS', get('ALERT_EVALUATION_INTERVAL_SECONDS')!, true),
    },
  };
}
