// Builds the real app on a fresh database and offers the steps most tests start with:
// sign up an organization, log in, create an API key, post a chat.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, type App, type AppOptions } from '../../src/app.js';
import type { Database } from '../../src/db/connection.js';
import { DEFAULT_RATE_LIMITS } from '../../src/rate-limit/settings.js';
import { createTestDatabase } from './database.js';

export interface TestContext {
  app: App;
  database: Database;
  /** The app's DATA_DIR (a temporary folder, removed on close). */
  dataDir: string;
  close(): Promise<void>;
}

/** For tests that seed many chats through the API as fast as they can (the limiter has its own tests). */
export const NO_RATE_LIMITS = { ...DEFAULT_RATE_LIMITS, enabled: false };

/**
 * What test apps get by default: the real limits, except that many organizations may register from
 * inject's one address, one user may call as fast as a test loop does, and one organization may send
 * batches of any size back to back (those limits have their
 * own tests, in test/rate-limit.test.ts).
 */
// A test file sends thousands of analytics requests in a few seconds: the analytics time share is
// out of the way unless a test sets it (test/limits-analytics.test.ts).
export const TEST_COST_LIMITS = { analyticsTimeMsPerSecond: 1e9, analyticsTimeBurstMs: 1e9 };

export const TEST_RATE_LIMITS = {
  ...DEFAULT_RATE_LIMITS,
  register: { attempts: 100_000, windowSeconds: 3600 },
  user: { ratePerSecond: 100_000, burst: 100_000 },
  batchBytes: { ratePerSecond: 1e12, burst: 1e12 },
};

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export async function createTestApp(options: Pick<AppOptions, 'allowRegistration' | 'cookieSecure' | 'rateLimit' | 'webDist' | 'costLimits' | 'webhooks' | 'alerts' | 'logger' | 'rollupFold' | 'sketches'> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-data-'));
  const app = await buildApp({ database, dataDir, jwtSecret: TEST_JWT_SECRET, rateLimit: TEST_RATE_LIMITS, ...options, costLimits: { ...TEST_COST_LIMITS, ...options.costLimits } });
  await app.ready();
  return {
    app,
    database,
    dataDir,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SignedUp {
  email: string;
  password: string;
  token: string;
  userId: number;
  organization: { id: number; name: string; slug: string };
  /** `auth_token=...` for a Cookie header. */
  cookie: string;
}

const unique = () => crypto.randomBytes(4).toString('hex');

/** Registers a new organization (its admin) and logs in. */
export async function signUp(app: App, overrides: Record<string, unknown> = {}): Promise<SignedUp> {
  const id = unique();
  const body = {
    email: `admin-${id}@example.com`,
    password: 'correct horse battery',
    organization_name: `Org ${id}`,
    ...overrides,
  } as { email: string; password: string };
  const registered = await app.inject({ method: 'POST', url: '/auth/register', payload: body });
  if (registered.statusCode !== 202) throw new Error(`register failed: ${registered.body}`);
  const login = await logIn(app, body.email, body.password);
  // The registration's answer says nothing of the account (see src/auth/service.ts): ask as its admin.
  const me = await app.inject({ url: '/api/v1/orgs/me', headers: bearer(login.token) });
  if (me.statusCode !== 200) throw new Error(`GET /api/v1/orgs/me failed: ${me.body}`);
  const organization = me.json() as { id: number; name: string; slug: string };
  const user = await app.inject({ url: '/api/v1/users/me', headers: bearer(login.token) });
  return { email: body.email, password: body.password, userId: user.json().id as number, organization: { id: organization.id, name: organization.name, slug: organization.slug }, ...login };
}

export async function logIn(app: App, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'auth_token');
  return { token: res.json().token as string, cookie: `auth_token=${cookie?.value}` };
}

export async function createApiKey(app: App, token: string, label = 'bot'): Promise<{ id: number; key: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/orgs/me/apikeys',
    headers: { authorization: `Bearer ${token}` },
    payload: { label },
  });
  if (res.statusCode !== 201) throw new Error(`create API key failed: ${res.body}`);
  return res.json();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const apiKeyHeaders = (key: string) => ({ 'x-organization-api-key': key });

/** POST /api/v1/chats with an API key. */
export function postChat(app: App, key: string, payload: unknown) {
  return app.inject({ method: 'POST', url: '/api/v1/chats', headers: apiKeyHeaders(key), payload: payload as object });
}

/** A chat body with every field of the contract set to a valid value. */
export const fullChat = () => ({
  title: 'Where do I request parental leave?',
  tags: ['leave', 'parental'],
  user_id: 42,
  metadata: {
    avg_response_time: 1.25,
    country_code: 'NL',
    ip_address: '203.0.113.7',
    is_escalated: false,
    is_forwarded_to_hr: true,
    language_code: 'nl',
    question_category: 'leave',
    sentiment: 'positive',
    session_id: 'sess-123',
    token_count: 512,
    transcript_link: 'https://bot.example.com/transcripts/123',
    user_rating: 5,
  },
});

/** Number of chats stored for an organization, read straight from the database. */
export async function countChats(database: Database, organizationId: number): Promise<number> {
  const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM chats WHERE organization_id = $1', [organizationId]);
  return rows[0].n;
}
