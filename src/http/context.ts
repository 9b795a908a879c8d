// What route handlers get from the app: the database and the installation's secrets.
import type pg from 'pg';
import type { ApiKeyCache } from '../api-keys/cache.js';
import type { TokenService } from '../auth/tokens.js';
import type { CostLimits } from '../cost-limits/settings.js';
import type { Db } from '../db/connection.js';
import type { Principal } from './authenticate.js';

export interface AppDeps {
  db: Db;
  pool: pg.Pool;
  tokens: TokenService;
  apiKeyHmacKey: Buffer;
  /** API keys found valid in the last second (see src/api-keys/cache.ts). */
  apiKeyCache: ApiKeyCache;
  allowRegistration: boolean;
  cookieSecure: boolean;
  databaseKind: 'postgres' | 'pglite';
  dataDir: string;
  /** Bounds on a request's cost and an organization's share (src/cost-limits/settings.ts). */
  costLimits: CostLimits;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
