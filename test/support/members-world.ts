// The organizations and members that test/members.test.ts and test/invitations.test.ts both start
// from: acme (an admin, a user, a viewer and an API key) and another organization with a member, on
// one app, with the requests both files make. Exported as live bindings, set in beforeAll.
import { afterAll, beforeAll } from 'vitest';
import { bearer, createApiKey, createTestApp, signUp, type SignedUp, type TestContext } from '../helpers/app.js';
import { addMember, type Member } from './members.js';

export let t: TestContext;
export let acme: SignedUp;
export let other: SignedUp;
export let acmeUser: Member;
export let acmeViewer: Member;
export let otherMember: Member;
export let apiKey: string;

/** Registers the hooks that build the organizations (call once, at the top of the test file). */
export function useMembersWorld() {
  beforeAll(async () => {
    t = await createTestApp();
    acme = await signUp(t.app);
    other = await signUp(t.app);
    acmeUser = await addMember(t.app, acme.token, 'user');
    acmeViewer = await addMember(t.app, acme.token, 'viewer');
    otherMember = await addMember(t.app, other.token, 'user');
    apiKey = (await createApiKey(t.app, acme.token)).key;
  });
  afterAll(() => t?.close());
}

export type Headers = Record<string, string>;
export const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
export const register = (payload: Record<string, unknown>, ctx: TestContext = t) => ctx.app.inject({ method: 'POST', url: '/auth/register', payload });
export const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } });
export const listChats = (token: string) => t.app.inject({ url: '/api/v1/chats', headers: bearer(token) });
export const listKeys = (token: string) => t.app.inject({ url: '/api/v1/orgs/me/apikeys', headers: bearer(token) });
export const roleOf = async (userId: number) =>
  (await t.database.pool.query('SELECT role FROM users WHERE id = $1', [userId])).rows[0]?.role as string | undefined;
export const orgRow = async (id: number) => (await t.database.pool.query('SELECT name, slug FROM organizations WHERE id = $1', [id])).rows[0];

export const NOT_ADMINS = () => [
  ['user', acmeUser.token],
  ['viewer', acmeViewer.token],
] as const;
