// What route handlers get from the app: the database and the installation's secrets.
import type pg from 'pg';
import type { ApiKeyCache } from '../api-keys/cache.js';
import type { TokenService } from '../auth/tokens.js';
import type { CostLimits } from '../cost-limits/settings.js';
import type { Db, PathDb } from '../db/connection.js';
import type { Ingest } from '../ingest/index.js';
import type { BodyQueueLimits } from '../ingest/body-gate.js';
import type { SketchOptions } from '../analytics/sketches/options.js';
import type { CouncilCellCache } from '../analytics/works-council/cell-cache.js';
import type { CredentialResolver, Principal } from './authenticate.js';

export interface AppDeps {
  db: Db;
  pool: pg.Pool;
  tokens: TokenService;
  apiKeyHmacKey: Buffer;
  /** API keys found valid in the last second (see src/api-keys/cache.ts). */
  apiKeyCache: ApiKeyCache;
  allowRegistration: boolean;
  /** COOKIE_SECURE; undefined: Secure when the request came over HTTPS (request.protocol, TRUST_PROXY aware). */
  cookieSecure: boolean | undefined;
  databaseKind: 'postgres' | 'pglite';
  dataDir: string;
  /** Bounds on a request's cost and an organization's share (src/cost-limits/settings.ts). */
  costLimits: CostLimits;
  /** Bytes of batch bodies held at once (BATCH_QUEUE_MB, BATCH_QUEUE_MB_PER_ORG); default DEFAULT_BODY_QUEUE_LIMITS. */
  batchQueue?: BodyQueueLimits;
  /** When the summary estimates distinct users and percentiles from per-day sketches (src/analytics/sketches). */
  sketches: SketchOptions;
  /** What an API key or a JWT stands for (src/api-keys/principal.ts, src/auth/principal.ts). */
  credentials: CredentialResolver;
  /** Works-council mode's cells of the organizations asked about last (src/analytics/works-council/cell-cache.ts). */
  councilCells: CouncilCellCache;
  /** The connections and queues beside `pool`, created and closed with these deps (src/deps.ts). */
  pools: AppPools;
}

export interface AppPools {
  /** The write path: group commits of chats and messages (src/ingest). */
  ingest: Ingest;
  /** Analytics reads (src/analytics/connection.ts). */
  analytics: PathDb;
  /** The explorer's statement-bounded reads (src/cost-limits/read-pool.ts). */
  boundedReads: PathDb;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
