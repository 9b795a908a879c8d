// The real app listening on a free port (real HTTP, for the SDKs), on this test file's fresh
// database, with an organization, its admin's JWT and an API key; plus a second organization whose
// API key is rate limited to 1 request at once and 2 per second, to get real 429s.
import type { AddressInfo } from 'node:net';
import { DEFAULT_RATE_LIMITS } from '../../src/rate-limit/settings.js';
import { createApiKey, createTestApp, signUp, type SignedUp, type TestContext } from './app.js';

export const THROTTLED_SLUG = 'sdk-throttled';

export interface SdkServer {
  ctx: TestContext;
  url: string;
  admin: SignedUp;
  apiKey: string;
  throttled: { admin: SignedUp; apiKey: string };
  /** Chats of an organization whose session_id starts with `prefix`: how many rows, how many distinct session ids. */
  count(organizationId: number, prefix: string): Promise<{ rows: number; distinct: number }>;
  close(): Promise<void>;
}

export async function startSdkServer(): Promise<SdkServer> {
  const ctx = await createTestApp({
    rateLimit: { ...DEFAULT_RATE_LIMITS, orgOverrides: { [THROTTLED_SLUG]: { ratePerSecond: 2, burst: 1 } } },
  });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = ctx.app.server.address() as AddressInfo;
  const admin = await signUp(ctx.app);
  const apiKey = (await createApiKey(ctx.app, admin.token)).key;
  const throttledAdmin = await signUp(ctx.app, { organization_slug: THROTTLED_SLUG });
  const throttledKey = (await createApiKey(ctx.app, throttledAdmin.token)).key;
  return {
    ctx,
    url: `http://127.0.0.1:${port}`,
    admin,
    apiKey,
    throttled: { admin: throttledAdmin, apiKey: throttledKey },
    count: async (organizationId, prefix) => {
      const { rows } = await ctx.database.pool.query(
        `SELECT count(*)::int AS rows, count(DISTINCT session_id)::int AS distinct
           FROM chats WHERE organization_id = $1 AND starts_with(session_id, $2)`,
        [organizationId, prefix],
      );
      return { rows: rows[0].rows, distinct: rows[0].distinct };
    },
    close: () => ctx.close(),
  };
}
