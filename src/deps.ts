// What the routes, the workers and the CLI's commands get (AppDeps): the database, the
// installation's secrets and settings, and the resources beside the database's pool (the ingest
// path's group commits, the analytics and bounded-read pools). Assembled here once, for the server
// and tests (buildApp, which closes them when the app closes) and for the CLI (withDatabase, which
// closes them before the database). The database itself stays its opener's to close.
import { openAnalytics } from './analytics/connection.js';
import { DEFAULT_SKETCH_OPTIONS, type SketchOptions } from './analytics/sketches/options.js';
import { CouncilCellCache } from './analytics/works-council/cell-cache.js';
import { ApiKeyCache } from './api-keys/cache.js';
import { apiKeyHmacKey } from './api-keys/key-format.js';
import { apiKeyPrincipal, looksLikeApiKey } from './api-keys/principal.js';
import { sessionPrincipal } from './auth/principal.js';
import { TokenService } from './auth/tokens.js';
import type { Config } from './config.js';
import { openBoundedReads } from './cost-limits/read-pool.js';
import { DEFAULT_COST_LIMITS, type CostLimits } from './cost-limits/settings.js';
import type { Database } from './db/connection.js';
import type { AppDeps } from './http/context.js';
import type { BodyQueueLimits } from './ingest/body-gate.js';
import { createIngest } from './ingest/index.js';

export interface DepsOptions {
  jwtSecret: string;
  /** DATA_DIR: where export files are written (DATA_DIR/exports). */
  dataDir: string;
  allowRegistration?: boolean;
  cookieSecure?: boolean;
  /** Bounds on a request's cost and an organization's share (default DEFAULT_COST_LIMITS). */
  costLimits?: Partial<CostLimits>;
  /** Bytes of chat-batch bodies held at once, per server and per organization (default DEFAULT_BODY_QUEUE_LIMITS). */
  batchQueue?: BodyQueueLimits;
  /** The summary's per-day sketches (src/analytics/sketches); false: buildApp does not run the builder (a test builds itself). */
  sketches?: Partial<SketchOptions> | false;
  /** WORKS_COUNCIL_CACHED_CELLS: works-council cells kept between requests (default DEFAULT_CACHED_CELLS). */
  councilCachedCells?: number;
}

/** The DepsOptions of the configuration (the server's and the CLI's alike). */
export function depsOptionsOf(config: Config, jwtSecret: string): DepsOptions {
  return {
    jwtSecret,
    dataDir: config.dataDir,
    allowRegistration: config.allowRegistration,
    cookieSecure: config.cookieSecure,
    costLimits: config.costLimits,
    batchQueue: config.batchQueue,
    sketches: config.sketches,
    councilCachedCells: config.councilCachedCells,
  };
}

export function createAppDeps(database: Database, options: DepsOptions): AppDeps {
  const costLimits = { ...DEFAULT_COST_LIMITS, ...options.costLimits };
  return {
    db: database.db,
    pool: database.pool,
    databaseKind: database.kind,
    tokens: new TokenService(options.jwtSecret),
    apiKeyHmacKey: apiKeyHmacKey(options.jwtSecret),
    apiKeyCache: new ApiKeyCache(),
    allowRegistration: options.allowRegistration ?? true,
    cookieSecure: options.cookieSecure,
    dataDir: options.dataDir,
    costLimits,
    batchQueue: options.batchQueue,
    sketches: { ...DEFAULT_SKETCH_OPTIONS, ...(options.sketches || {}) },
    councilCells: new CouncilCellCache(options.councilCachedCells),
    credentials: { looksLikeApiKey, apiKey: apiKeyPrincipal, session: sessionPrincipal },
    pools: {
      ingest: createIngest(database),
      analytics: openAnalytics(database, costLimits.readStatementTimeoutMs),
      boundedReads: openBoundedReads(database, costLimits.readStatementTimeoutMs),
    },
  };
}

/** Lets the group commits finish what they hold, then ends the pools beside the database's own. */
export async function closeAppDeps(deps: AppDeps): Promise<void> {
  await deps.pools.ingest.close();
  await Promise.all([deps.pools.analytics.close(), deps.pools.boundedReads.close()]);
}
