// The organization (/orgs/me) and its members (/orgs/me/users): roles, removal, the last-admin rule.
// Invitations are in invitations.test.ts.
import { describe, expect, it } from 'vitest';
import { changeRole, removeMember } from '../src/members/repository.js';
import {
  apiKeyHeaders,
  bearer,
  logIn,
  signUp,
} from './helpers/app.js';
import { addMember, expectError, expectFieldError, invite, PASSWORD, uid, type Role } from './support/members.js';
import { acme, acmeUser, acmeViewer, apiKey, type Headers, listChats, listKeys, login, NOT_ADMINS, orgRow, other, otherMember, register, req, roleOf, t, useMembersWorld } from './support/members-world.js';

useMembersWorld();

// --- GET/PATCH /api/v1/orgs/me -----------------------------------------------------------------

describe('GET /api/v1/orgs/me', () => {
  it.each([['admin'], ['user'], ['viewer']] as const)('answers 200 with the organization for a %s', async (role) => {
    const token = role === 'admin' ? acme.token : role === 'user' ? acmeUser.token : acmeViewer.token;
    const res = await req('GET', '/api/v1/orgs/me', bearer(token));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      id: acme.organization.id,
      name: expect.any(String),
      slug: acme.organization.slug,
      works_council: false,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
  });

  it("answers each organization's member with their own organization only", async () => {
    const res = await req('GET', '/api/v1/orgs/me', bearer(otherMember.token));
    expect(res.json()).toMatchObject({ id: other.organization.id, slug: other.organization.slug });
  });

  it('requires credentials (401) and refuses API keys (403)', async () => {
    expectError(await req('GET', '/api/v1/orgs/me', {}), 401);
    expectError(await req('GET', '/api/v1/orgs/me', apiKeyHeaders(apiKey)), 403);
  });
});

describe('PATCH /api/v1/orgs/me', () => {
  const patch = (headers: Headers, payload?: unknown) => req('PATCH', '/api/v1/orgs/me', headers, payload);

  it('renames the organization (admin), trimmed, and keeps the slug', async () => {
    const before = (await req('GET', '/api/v1/orgs/me', bearer(acme.token))).json();
    const res = await patch(bearer(acme.token), { name: '  Acme Renamed  ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...before, name: 'Acme Renamed', updated_at: expect.any(String) });
    expect(Date.parse(res.json().updated_at)).toBeGreaterThanOrEqual(Date.parse(before.updated_at));
    expect(await orgRow(acme.organization.id)).toEqual({ name: 'Acme Renamed', slug: acme.organization.slug });
    expect(await orgRow(other.organization.id)).toEqual({ name: other.organization.name, slug: other.organization.slug });
  });

  it('accepts 200 characters and refuses 201 (400 naming name)', async () => {
    const ok = await patch(bearer(acme.token), { name: 'n'.repeat(200) });
    expect(ok.statusCode).toBe(200);
    expectFieldError(await patch(bearer(acme.token), { name: 'n'.repeat(201) }), 'name');
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   \t ' }],
    ['a numeric name', { name: 7 }],
    ['a null name', { name: null }],
    ['a missing name', {}],
  ])('refuses %s with 400 naming name', async (_, payload) => {
    expectFieldError(await patch(bearer(acme.token), payload), 'name');
  });

  it('refuses the unknown field slug with 400 (the slug never changes)', async () => {
    const err = expectError(await patch(bearer(acme.token), { name: 'X', slug: 'new-slug' }), 400);
    expect(err.error).toContain('slug');
    expect((await orgRow(acme.organization.id)).slug).toBe(acme.organization.slug);
  });

  it('refuses a missing body with 400', async () => {
    expectError(await patch(bearer(acme.token)), 400);
  });

  it('is for admins only (403 for user and viewer, nothing changed)', async () => {
    const before = await orgRow(acme.organization.id);
    for (const [, token] of NOT_ADMINS()) expectError(await patch(bearer(token), { name: 'Taken over' }), 403);
    expect(await orgRow(acme.organization.id)).toEqual(before);
  });

  it('requires credentials (401) and refuses API keys (403)', async () => {
    expectError(await patch({}, { name: 'x' }), 401);
    expectError(await patch(apiKeyHeaders(apiKey), { name: 'x' }), 403);
  });
});

// --- GET /api/v1/orgs/me/users -----------------------------------------------------------------

describe('GET /api/v1/orgs/me/users', () => {
  it.each([['admin'], ['user'], ['viewer']] as const)('lists the organization\'s users by id for a %s (200)', async (role) => {
    const token = role === 'admin' ? acme.token : role === 'user' ? acmeUser.token : acmeViewer.token;
    const res = await req('GET', '/api/v1/orgs/me/users', bearer(token));
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { id: number; organization_id: number; role: string }[];
    const { rows } = await t.database.pool.query('SELECT id FROM users WHERE organization_id = $1 ORDER BY id', [acme.organization.id]);
    expect(list.map((u) => u.id)).toEqual(rows.map((r) => Number(r.id)));
    for (const u of list) expect(u.organization_id).toBe(acme.organization.id);
    expect(list.find((u) => u.id === acmeViewer.userId)?.role).toBe('viewer');
  });

  it('shows each user like login does, never a password hash', async () => {
    const loggedIn = (await login(acme.email, acme.password)).json().user;
    const res = await req('GET', '/api/v1/orgs/me/users', bearer(acme.token));
    const me = res.json().find((u: { id: number }) => u.id === acme.userId);
    expect(me).toEqual(loggedIn);
    expect(Object.keys(me).sort()).toEqual(
      ['created_at', 'email', 'first_name', 'id', 'last_login_at', 'last_name', 'organization_id', 'role', 'updated_at'].sort(),
    );
    expect(res.body).not.toMatch(/argon2|password/i);
  });

  it("never lists another organization's users", async () => {
    const res = await req('GET', '/api/v1/orgs/me/users', bearer(other.token));
    const ids = res.json().map((u: { id: number }) => u.id);
    expect(ids).toEqual([other.userId, otherMember.userId]);
    expect(res.body).not.toContain(acme.email);
  });

  it('requires credentials (401) and refuses API keys (403)', async () => {
    expectError(await req('GET', '/api/v1/orgs/me/users', {}), 401);
    expectError(await req('GET', '/api/v1/orgs/me/users', apiKeyHeaders(apiKey)), 403);
  });
});

// --- invitations -------------------------------------------------------------------------------

describe('PATCH /api/v1/orgs/me/users/{id}', () => {
  const setRole = (headers: Headers, id: number | string, payload?: unknown) => req('PATCH', `/api/v1/orgs/me/users/${id}`, headers, payload);

  it('changes the role (200, the updated user) and it applies to the next request', async () => {
    const member = await addMember(t.app, acme.token, 'viewer');
    expectError(await listKeys(member.token), 403);
    const res = await setRole(bearer(acme.token), member.userId, { role: 'admin' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: member.userId, role: 'admin', email: member.email, organization_id: acme.organization.id });
    expect((await listKeys(member.token)).statusCode).toBe(200);

    expect((await setRole(bearer(acme.token), member.userId, { role: 'viewer' })).json().role).toBe('viewer');
    expectError(await listKeys(member.token), 403);
    const chat = await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: bearer(member.token), payload: {} });
    expectError(chat, 403);
    expect((await setRole(bearer(acme.token), member.userId, { role: 'user' })).json().role).toBe('user');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: bearer(member.token), payload: {} })).statusCode).toBe(201);
  });

  it('answers 200 when the role is already the one asked for', async () => {
    const res = await setRole(bearer(acme.token), acmeViewer.userId, { role: 'viewer' });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('viewer');
  });

  it.each([
    ['superadmin', { role: 'superadmin' }],
    ['an unknown role', { role: 'root' }],
    ['a numeric role', { role: 3 }],
    ['a null role', { role: null }],
    ['a missing role', {}],
  ])('refuses %s with 400 naming role, and changes nothing', async (_, payload) => {
    expectFieldError(await setRole(bearer(acme.token), acmeUser.userId, payload), 'role');
    expect(await roleOf(acmeUser.userId)).toBe('user');
  });

  it('refuses unknown fields with 400', async () => {
    const err = expectError(await setRole(bearer(acme.token), acmeUser.userId, { role: 'user', organization_id: other.organization.id }), 400);
    expect(err.error).toContain('organization_id');
  });

  it.each([['abc'], ['0'], ['-3'], ['2.5']])('refuses the id %s with 400', async (id) => {
    expectError(await setRole(bearer(acme.token), id, { role: 'user' }), 400);
  });

  it("answers another organization's user with 404, exactly like a missing one, and changes nothing", async () => {
    const foreign = expectError(await setRole(bearer(acme.token), otherMember.userId, { role: 'admin' }), 404);
    const missing = expectError(await setRole(bearer(acme.token), 987654321, { role: 'admin' }), 404);
    expect(foreign).toEqual(missing);
    expect(await roleOf(otherMember.userId)).toBe('user');
  });

  it('is for admins only (403 for user and viewer, nothing changed)', async () => {
    for (const [, token] of NOT_ADMINS()) {
      expectError(await setRole(bearer(token), acmeUser.userId, { role: 'admin' }), 403);
      expectError(await setRole(bearer(token), acmeViewer.userId, { role: 'admin' }), 403);
    }
    expect(await roleOf(acmeUser.userId)).toBe('user');
    expect(await roleOf(acmeViewer.userId)).toBe('viewer');
  });

  it('requires credentials (401) and refuses API keys (403)', async () => {
    expectError(await setRole({}, acmeUser.userId, { role: 'admin' }), 401);
    expectError(await setRole(apiKeyHeaders(apiKey), acmeUser.userId, { role: 'admin' }), 403);
  });

  it('does not let an organization admin change a superadmin (403)', async () => {
    const email = `root-${uid()}@example.com`;
    const { rows } = await t.database.pool.query(
      `INSERT INTO users (organization_id, email, password_hash, role) VALUES ($1, $2, 'x', 'superadmin') RETURNING id`,
      [acme.organization.id, email],
    );
    const id = Number(rows[0].id);
    expectError(await setRole(bearer(acme.token), id, { role: 'viewer' }), 403);
    expectError(await req('DELETE', `/api/v1/orgs/me/users/${id}`, bearer(acme.token)), 403);
    expect(await roleOf(id)).toBe('superadmin');
    await t.database.pool.query('DELETE FROM users WHERE id = $1', [id]);
  });
});

describe('the last admin of an organization', () => {
  const setRole = (token: string, id: number, role: Role) => req('PATCH', `/api/v1/orgs/me/users/${id}`, bearer(token), { role });
  const remove = (token: string, id: number) => req('DELETE', `/api/v1/orgs/me/users/${id}`, bearer(token));
  const adminCount = async (organizationId: number) =>
    (await t.database.pool.query(`SELECT count(*)::int AS n FROM users WHERE organization_id = $1 AND role = 'admin'`, [organizationId])).rows[0].n;

  it('cannot be demoted (409, with a clear message) nor removed (409), not even by themself', async () => {
    const solo = await signUp(t.app);
    for (const role of ['user', 'viewer'] as const) {
      const err = expectError(await setRole(solo.token, solo.userId, role), 409);
      expect(err.error).toMatch(/last admin/);
    }
    expect(expectError(await remove(solo.token, solo.userId), 409).error).toMatch(/last admin/);
    expect(await roleOf(solo.userId)).toBe('admin');
    expect((await listKeys(solo.token)).statusCode).toBe(200);
    // Re-asserting the admin role is not a demotion.
    expect((await setRole(solo.token, solo.userId, 'admin')).statusCode).toBe(200);
  });

  it('with two admins, one can be demoted; then the other is the last and cannot be', async () => {
    const org = await signUp(t.app);
    const second = await addMember(t.app, org.token, 'admin');
    expect(await adminCount(org.organization.id)).toBe(2);
    const res = await setRole(org.token, second.userId, 'viewer');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().role).toBe('viewer');
    expectError(await setRole(org.token, org.userId, 'user'), 409);
    expect(await adminCount(org.organization.id)).toBe(1);
  });

  it('an admin may demote themself while another admin remains', async () => {
    const org = await signUp(t.app);
    await addMember(t.app, org.token, 'admin');
    const res = await setRole(org.token, org.userId, 'user');
    expect(res.statusCode, res.body).toBe(200);
    expectError(await listKeys(org.token), 403);
    expect((await listChats(org.token)).statusCode).toBe(200);
  });

  it('an admin may remove themself while another admin remains; their token stops working', async () => {
    const org = await signUp(t.app);
    const second = await addMember(t.app, org.token, 'admin');
    expect((await remove(org.token, org.userId)).statusCode).toBe(200);
    expectError(await listChats(org.token), 401);
    expectError(await remove(second.token, second.userId), 409);
  });

  it('survives two admins demoting each other at the same moment: exactly one succeeds', async () => {
    for (let round = 0; round < 5; round++) {
      const org = await signUp(t.app);
      const second = await addMember(t.app, org.token, 'admin');
      const [a, b] = await Promise.all([setRole(org.token, second.userId, 'user'), setRole(second.token, org.userId, 'user')]);
      // The loser is 409 when both passed authentication before either committed (the admin-row lock
      // decides), or 403 when it was already demoted by the time it was authenticated.
      const codes = [a.statusCode, b.statusCode].sort();
      expect(codes[0], `${a.body} ${b.body}`).toBe(200);
      expect([403, 409]).toContain(codes[1]);
      expect(await adminCount(org.organization.id)).toBe(1);
    }
  });

  it('is decided by the admin-row lock: two demotions run concurrently past authentication leave one admin', async () => {
    // Straight to the repository, so that both transactions really overlap (on PostgreSQL); without
    // the lock each would count two admins and both would commit.
    for (let round = 0; round < 10; round++) {
      const org = await signUp(t.app);
      const second = await addMember(t.app, org.token, 'admin');
      const results = await Promise.all([
        changeRole(t.database.db, org.organization.id, org.userId, 'viewer'),
        changeRole(t.database.db, org.organization.id, second.userId, 'user'),
        removeMember(t.database.db, org.organization.id, second.userId),
      ]);
      expect(results.filter((r) => r.outcome === 'done').length).toBeGreaterThanOrEqual(1);
      expect(await adminCount(org.organization.id)).toBe(1);
    }
  });

  it('survives two admins removing each other (or themselves) at the same moment: one admin is left', async () => {
    for (let round = 0; round < 5; round++) {
      const org = await signUp(t.app);
      const second = await addMember(t.app, org.token, 'admin');
      const results = await Promise.all([
        remove(org.token, second.userId),
        remove(second.token, org.userId),
        remove(org.token, org.userId),
        setRole(second.token, second.userId, 'viewer'),
      ]);
      for (const r of results) expect([200, 401, 404, 409], r.body).toContain(r.statusCode);
      expect(await adminCount(org.organization.id)).toBe(1);
    }
  });
});

describe('DELETE /api/v1/orgs/me/users/{id}', () => {
  const remove = (headers: Headers, id: number | string) => req('DELETE', `/api/v1/orgs/me/users/${id}`, headers);

  it('removes the user (200): their sessions are deleted, their token stops at once, they cannot log in', async () => {
    const member = await addMember(t.app, acme.token, 'user');
    const second = await logIn(t.app, member.email, PASSWORD);
    expect((await listChats(member.token)).statusCode).toBe(200);

    const res = await remove(bearer(acme.token), member.userId);
    expect(res.statusCode, res.body).toBe(200);
    expect(typeof res.json().message).toBe('string');

    expectError(await listChats(member.token), 401);
    expectError(await listChats(second.token), 401);
    expectError(await req('GET', '/api/v1/users/me', { cookie: member.cookie }), 401);
    expectError(await login(member.email, PASSWORD), 401);
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [member.userId]);
    expect(rows[0].n).toBe(0);
    const ids = (await req('GET', '/api/v1/orgs/me/users', bearer(acme.token))).json().map((u: { id: number }) => u.id);
    expect(ids).not.toContain(member.userId);
    expectError(await remove(bearer(acme.token), member.userId), 404);
  });

  it('frees the e-mail: the removed person can be invited again', async () => {
    const member = await addMember(t.app, acme.token, 'viewer');
    expect((await remove(bearer(acme.token), member.userId)).statusCode).toBe(200);
    const inv = await invite(t.app, acme.token, 'user', member.email);
    expect((await register({ invite_token: inv.invite_token, email: member.email, password: PASSWORD })).statusCode).toBe(201);
  });

  it("answers another organization's user with 404, exactly like a missing one, and they keep working", async () => {
    const foreign = expectError(await remove(bearer(acme.token), otherMember.userId), 404);
    const missing = expectError(await remove(bearer(acme.token), 987654321), 404);
    expect(foreign).toEqual(missing);
    expect((await listChats(otherMember.token)).statusCode).toBe(200);
  });

  it.each([['abc'], ['0'], ['1e3']])('refuses the id %s with 400', async (id) => {
    expectError(await remove(bearer(acme.token), id), 400);
  });

  it('is for admins only (403 for user and viewer, nobody removed)', async () => {
    const target = await addMember(t.app, acme.token, 'viewer');
    for (const [, token] of NOT_ADMINS()) {
      expectError(await remove(bearer(token), target.userId), 403);
      expectError(await remove(bearer(token), acme.userId), 403);
    }
    expect((await listChats(target.token)).statusCode).toBe(200);
    expect((await listChats(acme.token)).statusCode).toBe(200);
  });

  it('requires credentials (401) and refuses API keys (403)', async () => {
    expectError(await remove({}, acmeViewer.userId), 401);
    expectError(await remove(apiKeyHeaders(apiKey), acmeViewer.userId), 403);
    expect((await listChats(acmeViewer.token)).statusCode).toBe(200);
  });
});
