// The role matrix: every route of the app (as listed by GET /openapi.json, so routes added later are
// covered automatically) × every kind of caller, checked for the status class it gets:
// allowed (anything but 401/403), 403 (authenticated but not allowed) or 401 (no credentials).
//
// Adding a route? Add one entry to ACCESS below: its method and OpenAPI path, the dashboard roles
// allowed, and whether an organization API key is accepted. A route without an entry fails the
// "every route has an entry" test; an entry without a route fails too.
//
// The rules (DESIGN.md): viewer reads only; user also creates and edits chats and messages; admin
// also manages API keys, members, settings, and deletes. API keys (bots) create chats and messages
// and edit chats, nothing else. superadmin passes every role check (not walked here: it is created
// by the CLI only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, logIn, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { addMember, type Member } from './support/members.js';

type Role = 'admin' | 'user' | 'viewer';
type Rule = 'public' | { roles: readonly Role[]; apiKey: boolean };

const ANY_ROLE = ['admin', 'user', 'viewer'] as const;
const WRITERS = ['admin', 'user'] as const;
const ADMIN = ['admin'] as const;

const read = { roles: ANY_ROLE, apiKey: false } as const;
const botWrite = { roles: WRITERS, apiKey: true } as const;
const admin = { roles: ADMIN, apiKey: false } as const;

/** One entry per "METHOD /openapi/path". */
export const ACCESS: Record<string, Rule> = {
  // System and sign-in
  'GET /health': 'public',
  'GET /version': 'public',
  'POST /auth/register': 'public',
  'POST /auth/login': 'public',
  'POST /auth/logout': 'public',

  // API keys
  'POST /api/v1/orgs/me/apikeys': admin,
  'GET /api/v1/orgs/me/apikeys': admin,
  'DELETE /api/v1/orgs/me/apikeys/{id}': admin,

  // Chats
  'POST /api/v1/chats': botWrite,
  'POST /api/v1/orgs/{slug}/chats': botWrite,
  'POST /api/v1/chats/batch': botWrite,
  'POST /api/v1/orgs/{slug}/chats/batch': botWrite,
  'GET /api/v1/chats': read,
  'GET /api/v1/chats/{id}': read,
  'PATCH /api/v1/chats/{id}': botWrite,
  'PATCH /api/v1/orgs/{slug}/chats/{id}': botWrite,
  'DELETE /api/v1/chats/{id}': admin,
  'GET /api/v1/tags': read,

  // Messages
  'POST /api/v1/chats/{id}/messages': botWrite,
  'POST /api/v1/orgs/{slug}/chats/{chatID}/messages': botWrite,
  'GET /api/v1/chats/{id}/messages': read,

  // Four-eyes transcript access (works-council mode): admins only
  'POST /api/v1/transcript-access-requests': admin,
  'GET /api/v1/transcript-access-requests': admin,
  'GET /api/v1/transcript-access-requests/{id}': admin,
  'POST /api/v1/transcript-access-requests/{id}/approve': admin,
  'POST /api/v1/transcript-access-requests/{id}/deny': admin,
  'POST /api/v1/transcript-access-requests/{id}/withdraw': admin,

  // Exports: a viewer may export what it can read
  'POST /api/v1/exports': read,
  'POST /api/v1/exports/sync': read,
  'GET /api/v1/exports': read,
  'GET /api/v1/exports/{id}': read,
  'GET /api/v1/exports/{id}/download': read,

  // Analytics
  'GET /api/v1/analytics/messages': read,
  'GET /api/v1/analytics/summary': read,
  'GET /api/v1/analytics/timeseries': read,
  'GET /api/v1/analytics/breakdown': read,
  'GET /api/v1/analytics/what-changed': read,

  // Webhooks (admin), alert rules (read by all, changed by admins), what needs attention
  'POST /api/v1/webhooks': admin,
  'GET /api/v1/webhooks': admin,
  'GET /api/v1/webhooks/{id}': admin,
  'PATCH /api/v1/webhooks/{id}': admin,
  'DELETE /api/v1/webhooks/{id}': admin,
  'POST /api/v1/webhooks/{id}/rotate-secret': admin,
  'POST /api/v1/webhooks/{id}/test': admin,
  'GET /api/v1/webhooks/{id}/deliveries': admin,
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': admin,
  'GET /api/v1/attention': read,
  'POST /api/v1/alerts/rules': admin,
  'GET /api/v1/alerts/rules': read,
  'GET /api/v1/alerts/rules/{id}': read,
  'PATCH /api/v1/alerts/rules/{id}': admin,
  'DELETE /api/v1/alerts/rules/{id}': admin,
  'GET /api/v1/alerts/rules/{id}/history': read,
  'POST /api/v1/alerts/rules/{id}/evaluate': admin,

  // The signed-in user's own account (every role manages its own)
  'GET /api/v1/users/me': read,
  'PATCH /api/v1/users/me': read,
  'POST /api/v1/users/me/password': read,

  // Organization, members, invitations
  'GET /api/v1/orgs/me': read,
  'PATCH /api/v1/orgs/me': admin,
  'GET /api/v1/orgs/me/users': read,
  'PATCH /api/v1/orgs/me/users/{id}': admin,
  'DELETE /api/v1/orgs/me/users/{id}': admin,
  'POST /api/v1/orgs/me/invitations': admin,
  'GET /api/v1/orgs/me/invitations': admin,
  'DELETE /api/v1/orgs/me/invitations/{id}': admin,

  // Privacy and the audit log
  'GET /api/v1/orgs/me/privacy': admin,
  'GET /api/v1/orgs/me/privacy/summary': read,
  'PATCH /api/v1/orgs/me/privacy': admin,
  'POST /api/v1/erasure-requests': admin,
  'GET /api/v1/erasure-requests': admin,
  'GET /api/v1/erasure-requests/{id}': admin,
  'GET /api/v1/audit': admin,
  'GET /api/v1/audit/export': admin,
  'GET /api/v1/audit/verify': admin,
};

type Caller = 'anonymous' | 'api_key' | Role;
type Outcome = 'allowed' | 401 | 403;

function expectedOutcome(rule: Rule, caller: Caller): Outcome {
  if (rule === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  if (caller === 'api_key') return rule.apiKey ? 'allowed' : 403;
  return rule.roles.includes(caller) ? 'allowed' : 403;
}

const outcomeOf = (status: number): Outcome => (status === 401 || status === 403 ? status : 'allowed');

// --- the app, its routes and the callers ------------------------------------------------------

let t: TestContext;
let owner: SignedUp;
let members: Record<'user' | 'viewer', Member>;
let apiKey: string;
let routes: { key: string; method: string; path: string; security: Record<string, string[]>[] | undefined }[];

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app);
  members = { user: await addMember(t.app, owner.token, 'user'), viewer: await addMember(t.app, owner.token, 'viewer') };
  apiKey = (await createApiKey(t.app, owner.token, 'matrix')).key;
  const doc = (await t.app.inject({ url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      security: op.security,
    })),
  );
});
afterAll(() => t?.close());

/**
 * A concrete URL for an OpenAPI path: slugs are the caller's own organization (another slug is a
 * 403 by design), ids are ones that do not exist, so that an allowed call is at worst a 404 and no
 * request of the walk changes anything that matters.
 */
function concreteUrl(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => (/slug/i.test(name) ? owner.organization.slug : '987654321'));
}

/**
 * Headers for one request. Dashboard callers sign in afresh for every request, so that a route that
 * ends the session (logout) cannot change the outcome of the next one.
 */
async function headersFor(caller: Caller): Promise<Record<string, string>> {
  switch (caller) {
    case 'anonymous':
      return {};
    case 'api_key':
      return apiKeyHeaders(apiKey);
    case 'admin':
      return bearer((await logIn(t.app, owner.email, owner.password)).token);
    default:
      return bearer((await logIn(t.app, members[caller].email, members[caller].password)).token);
  }
}

// --- the tests ---------------------------------------------------------------------------------

describe('role matrix', () => {
  it('has an entry for every route in /openapi.json, and a route for every entry', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !(k in ACCESS)), 'routes without an entry in ACCESS (add one)').toEqual([]);
    expect(Object.keys(ACCESS).filter((k) => !keys.includes(k)), 'ACCESS entries without a route (remove or fix)').toEqual([]);
  });

  it('declares in /openapi.json the credentials each route accepts', () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const rule = ACCESS[route.key];
      if (!rule) continue;
      const schemes = new Set((route.security ?? []).flatMap((s) => Object.keys(s)));
      if (rule === 'public') {
        if (schemes.size > 0) wrong.push(`${route.key}: public but declares ${[...schemes].join(', ')}`);
        continue;
      }
      if (!schemes.has('BearerAuth')) wrong.push(`${route.key}: does not declare BearerAuth`);
      if (schemes.has('ApiKeyAuth') !== rule.apiKey) {
        wrong.push(`${route.key}: ${rule.apiKey ? 'accepts API keys but does not declare' : 'declares'} ApiKeyAuth`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(['anonymous', 'api_key', 'viewer', 'user', 'admin'] as const)(
    'gives the %s caller exactly the access in ACCESS on every route',
    async (caller) => {
      const mismatches: string[] = [];
      const serverErrors: string[] = [];
      for (const route of routes) {
        const rule = ACCESS[route.key];
        if (!rule) continue; // reported by the first test
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route.path),
          headers: await headersFor(caller),
        });
        const expected = expectedOutcome(rule, caller);
        if (outcomeOf(res.statusCode) !== expected) {
          mismatches.push(`${route.key} as ${caller}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
        if (res.statusCode >= 500) serverErrors.push(`${route.key} as ${caller}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      expect(mismatches).toEqual([]);
      expect(serverErrors).toEqual([]);
    },
  );

  it('answers a denied caller with the error model (JSON object of strings with an error sentence)', async () => {
    const denied = await t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me', headers: await headersFor('viewer'), payload: { name: 'x' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({ error: expect.stringMatching(/viewer/), code: 'forbidden' });
    const anonymous = await t.app.inject({ url: '/api/v1/orgs/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: expect.any(String), code: 'unauthorized' });
  });
});
