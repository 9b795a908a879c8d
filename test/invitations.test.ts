// Invitations (/orgs/me/invitations) and registering with one (POST /auth/register with invite_token).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords.js';
import {
  apiKeyHeaders,
  bearer,
  createTestApp,
  logIn,
  type TestContext,
} from './helpers/app.js';
import { expectError, expectFieldError, invite, PASSWORD, uid, type Role } from './support/members.js';
import { acme, acmeUser, apiKey, type Headers, listChats, listKeys, login, NOT_ADMINS, other, register, req, roleOf, t, useMembersWorld } from './support/members-world.js';

useMembersWorld();

// --- GET/PATCH /api/v1/orgs/me -----------------------------------------------------------------

describe('POST /api/v1/orgs/me/invitations', () => {
  const create = (headers: Headers, payload?: unknown) => req('POST', '/api/v1/orgs/me/invitations', headers, payload);

  it('answers 201 with a one-time token valid 7 days, and stores only a hash of it', async () => {
    const email = `New.Person-${uid()}@Example.com`;
    const res = await create(bearer(acme.token), { email, role: 'user' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      message: 'Invitation created',
      id: expect.any(Number),
      email: email.toLowerCase(),
      role: 'user',
      invite_token: expect.stringMatching(/^cli_[0-9A-Za-z]{43}$/),
      expires_at: expect.any(String),
    });
    const ahead = Date.parse(body.expires_at) - Date.now();
    expect(ahead).toBeGreaterThan(7 * 86400_000 - 60_000);
    expect(ahead).toBeLessThanOrEqual(7 * 86400_000 + 5_000);

    const { rows } = await t.database.pool.query('SELECT * FROM invitations WHERE id = $1', [body.id]);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(Number(row.organization_id)).toBe(acme.organization.id);
    expect(Number(row.invited_by)).toBe(acme.userId);
    expect(row.email).toBe(email.toLowerCase());
    expect(row.accepted_at).toBeNull();
    const hash = Buffer.from(row.token_hash);
    expect(hash).toHaveLength(32);
    const secret = body.invite_token.slice(4);
    for (const value of Object.values(row)) {
      const forms = value instanceof Uint8Array
        ? [Buffer.from(value).toString('utf8'), Buffer.from(value).toString('hex'), Buffer.from(value).toString('base64')]
        : [String(value)];
      for (const form of forms) expect(form).not.toContain(secret);
    }
  });

  it('gives every invitation a different token', async () => {
    const a = await invite(t.app, acme.token, 'viewer');
    const b = await invite(t.app, acme.token, 'viewer');
    expect(a.invite_token).not.toBe(b.invite_token);
  });

  it.each([['admin'], ['user'], ['viewer']] as const)('accepts the role %s', async (role) => {
    const res = await create(bearer(acme.token), { email: `${uid()}@example.com`, role });
    expect(res.statusCode).toBe(201);
    expect(res.json().role).toBe(role);
  });

  it.each([
    ['role superadmin (never given by a request)', { role: 'superadmin' }, 'role'],
    ['an unknown role', { role: 'owner' }, 'role'],
    ['a role in capitals', { role: 'ADMIN' }, 'role'],
    ['a numeric role', { role: 1 }, 'role'],
    ['a malformed e-mail', { email: 'not-an-email' }, 'email'],
    ['an e-mail without a domain', { email: 'ann@' }, 'email'],
    ['an e-mail over 254 characters', { email: `${'a'.repeat(250)}@example.com` }, 'email'],
    ['a numeric e-mail', { email: 5 }, 'email'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_, override, field) => {
    const { rows: before } = await t.database.pool.query('SELECT count(*)::int AS n FROM invitations');
    expectFieldError(await create(bearer(acme.token), { email: `${uid()}@example.com`, role: 'user', ...override }), field);
    const { rows: after } = await t.database.pool.query('SELECT count(*)::int AS n FROM invitations');
    expect(after[0].n).toBe(before[0].n);
  });

  it.each([['email'], ['role']])('refuses a missing %s with 400 naming it', async (field) => {
    const body: Record<string, string> = { email: `${uid()}@example.com`, role: 'user' };
    delete body[field];
    expectFieldError(await create(bearer(acme.token), body), field);
  });

  it('refuses unknown fields (organization_id, expires_at) with 400', async () => {
    for (const extra of [{ organization_id: other.organization.id }, { expires_at: '2099-01-01T00:00:00Z' }]) {
      const err = expectError(await create(bearer(acme.token), { email: `${uid()}@example.com`, role: 'user', ...extra }), 400);
      expect(err.error).toContain(Object.keys(extra)[0]);
    }
  });

  it('refuses an e-mail that is already a member of the organization (409), in any case', async () => {
    for (const email of [acmeUser.email, acmeUser.email.toUpperCase()]) {
      const err = expectError(await create(bearer(acme.token), { email, role: 'user' }), 409);
      expect(err).toMatchObject({ field: 'email', error: 'This e-mail address is already a member of this organization' });
    }
  });

  it("does not reveal an account in another organization: invited like a free address, the invitation's registration is 409", async () => {
    const free = await create(bearer(acme.token), { email: `${uid()}@example.com`, role: 'user' });
    const taken = await create(bearer(acme.token), { email: other.email, role: 'user' });
    expect([free.statusCode, taken.statusCode]).toEqual([201, 201]);
    expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(free.json()).sort());
    const err = expectError(await register({ invite_token: taken.json().invite_token, email: other.email, password: PASSWORD }), 409);
    expect(err.field).toBe('email');
    // The other organization's account is untouched: it still signs in to its own organization.
    expect((await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: other.email, password: other.password } })).statusCode).toBe(200);
  });

  it('is for admins only (403 for user and viewer)', async () => {
    for (const [, token] of NOT_ADMINS()) expectError(await create(bearer(token), { email: `${uid()}@example.com`, role: 'viewer' }), 403);
  });

  it('requires credentials (401) and refuses API keys (403)', async () => {
    expectError(await create({}, { email: `${uid()}@example.com`, role: 'user' }), 401);
    expectError(await create(apiKeyHeaders(apiKey), { email: `${uid()}@example.com`, role: 'user' }), 403);
  });
});

describe('GET /api/v1/orgs/me/invitations', () => {
  const list = (headers: Headers) => req('GET', '/api/v1/orgs/me/invitations', headers);

  it('lists pending invitations without their tokens; accepted and expired ones are not listed', async () => {
    const pending = await invite(t.app, acme.token, 'viewer');
    const expired = await invite(t.app, acme.token, 'user');
    await t.database.pool.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    const accepted = await invite(t.app, acme.token, 'user');
    expect((await register({ invite_token: accepted.invite_token, email: accepted.email, password: PASSWORD })).statusCode).toBe(201);

    const res = await list(bearer(acme.token));
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json() as { id: number }[];
    const ids = items.map((i) => i.id);
    expect(ids).toContain(pending.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).not.toContain(accepted.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(items.find((i) => i.id === pending.id)).toEqual({
      id: pending.id,
      email: pending.email,
      role: 'viewer',
      invited_by: acme.userId,
      created_at: expect.any(String),
      expires_at: pending.expires_at,
    });
    expect(res.body).not.toContain(pending.invite_token);
    expect(res.body).not.toMatch(/token/);
  });

  it("never lists another organization's invitations", async () => {
    const mine = await invite(t.app, other.token, 'viewer');
    const acmeIds = (await list(bearer(acme.token))).json().map((i: { id: number }) => i.id);
    expect(acmeIds).not.toContain(mine.id);
    const { rows } = await t.database.pool.query('SELECT id FROM invitations WHERE organization_id = $1', [acme.organization.id]);
    const acmeRows = new Set(rows.map((r) => Number(r.id)));
    for (const id of acmeIds) expect(acmeRows.has(id)).toBe(true);
    const otherIds = (await list(bearer(other.token))).json().map((i: { id: number }) => i.id);
    for (const id of otherIds) expect(acmeRows.has(id)).toBe(false);
    expect(otherIds).toContain(mine.id);
  });

  it('is for admins only (403), requires credentials (401), refuses API keys (403)', async () => {
    for (const [, token] of NOT_ADMINS()) expectError(await list(bearer(token)), 403);
    expectError(await list({}), 401);
    expectError(await list(apiKeyHeaders(apiKey)), 403);
  });
});

describe('DELETE /api/v1/orgs/me/invitations/{id}', () => {
  const revoke = (headers: Headers, id: number | string) => req('DELETE', `/api/v1/orgs/me/invitations/${id}`, headers);

  it('revokes an invitation (200): its token stops working and it is no longer listed', async () => {
    const inv = await invite(t.app, acme.token, 'user');
    const res = await revoke(bearer(acme.token), inv.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(typeof res.json().message).toBe('string');
    const err = expectError(await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD }), 400);
    expect(err.error).toBe('invite_token is invalid or expired');
    const ids = (await req('GET', '/api/v1/orgs/me/invitations', bearer(acme.token))).json().map((i: { id: number }) => i.id);
    expect(ids).not.toContain(inv.id);
    expectError(await revoke(bearer(acme.token), inv.id), 404);
  });

  it("answers another organization's invitation with 404, exactly like a missing one, and leaves it usable", async () => {
    const theirs = await invite(t.app, other.token, 'viewer');
    const foreign = expectError(await revoke(bearer(acme.token), theirs.id), 404);
    const missing = expectError(await revoke(bearer(acme.token), 987654321), 404);
    expect(foreign).toEqual(missing);
    const res = await register({ invite_token: theirs.invite_token, email: theirs.email, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().organization.id).toBe(other.organization.id);
  });

  it('refuses to revoke an accepted invitation (409: remove the user instead)', async () => {
    const inv = await invite(t.app, acme.token, 'viewer');
    expect((await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD })).statusCode).toBe(201);
    expectError(await revoke(bearer(acme.token), inv.id), 409);
  });

  it('revokes an expired invitation too (200)', async () => {
    const inv = await invite(t.app, acme.token, 'viewer');
    await t.database.pool.query(`UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = $1`, [inv.id]);
    expect((await revoke(bearer(acme.token), inv.id)).statusCode).toBe(200);
  });

  it.each([['abc'], ['0'], ['-1'], ['1.5']])('refuses the id %s with 400', async (id) => {
    expectError(await revoke(bearer(acme.token), id), 400);
  });

  it('is for admins only (403, still usable), requires credentials (401), refuses API keys (403)', async () => {
    const inv = await invite(t.app, acme.token, 'viewer');
    for (const [, token] of NOT_ADMINS()) expectError(await revoke(bearer(token), inv.id), 403);
    expectError(await revoke({}, inv.id), 401);
    expectError(await revoke(apiKeyHeaders(apiKey), inv.id), 403);
    expect((await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD })).statusCode).toBe(201);
  });
});

// --- registering with an invitation -----------------------------------------------------------

describe('POST /auth/register with invite_token', () => {
  it.each([['admin'], ['user'], ['viewer']] as const)(
    'end to end: invite as %s → register → log in with the invited role in the inviting organization',
    async (role: Role) => {
      const inv = await invite(t.app, acme.token, role);
      const res = await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD, first_name: 'Ina', last_name: 'Vite' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({
        message: 'User registered successfully',
        user_id: expect.any(Number),
        organization: { id: acme.organization.id, name: expect.any(String), slug: acme.organization.slug },
      });

      const loggedIn = await login(inv.email, PASSWORD);
      expect(loggedIn.statusCode).toBe(200);
      expect(loggedIn.json().user).toMatchObject({
        id: res.json().user_id,
        organization_id: acme.organization.id,
        email: inv.email,
        first_name: 'Ina',
        last_name: 'Vite',
        role,
      });
      const token = loggedIn.json().token;
      expect((await listChats(token)).statusCode).toBe(200);
      expect((await listKeys(token)).statusCode).toBe(role === 'admin' ? 200 : 403);

      const { rows } = await t.database.pool.query('SELECT accepted_at FROM invitations WHERE id = $1', [inv.id]);
      expect(rows[0].accepted_at).not.toBeNull();
      // The organization gained a member; no new organization was created.
      const { rows: orgs } = await t.database.pool.query('SELECT count(*)::int AS n FROM organizations WHERE id = $1', [acme.organization.id]);
      expect(orgs[0].n).toBe(1);
    },
  );

  it('accepts the e-mail in another case than the invitation', async () => {
    const inv = await invite(t.app, acme.token, 'viewer', `Mixed.${uid()}@Example.com`);
    const res = await register({ invite_token: inv.invite_token, email: inv.email.toUpperCase(), password: PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    expect((await login(inv.email, PASSWORD)).json().user.email).toBe(inv.email.toLowerCase());
  });

  it('refuses to use a token twice (400, one message for used, expired and unknown tokens)', async () => {
    const inv = await invite(t.app, acme.token, 'user');
    expect((await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD })).statusCode).toBe(201);
    const again = expectError(await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD }), 400);
    const otherEmail = expectError(await register({ invite_token: inv.invite_token, email: `${uid()}@example.com`, password: PASSWORD }), 400);
    expect(again).toEqual({ error: 'invite_token is invalid or expired', code: 'invalid_request', field: 'invite_token' });
    expect(otherEmail).toEqual(again);
  });

  it('refuses an expired token with the same 400 and creates no user', async () => {
    const inv = await invite(t.app, acme.token, 'user');
    await t.database.pool.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [inv.id]);
    const err = expectError(await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD }), 400);
    expect(err.error).toBe('invite_token is invalid or expired');
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [inv.email]);
    expect(rows[0].n).toBe(0);
  });

  it.each([
    ['an unknown well-formed token', () => `cli_${'A'.repeat(43)}`],
    ['garbage', () => 'garbage'],
    ['an API key', () => 'clk_' + 'a'.repeat(49)],
  ])('refuses %s with the same 400', async (_, token) => {
    const err = expectError(await register({ invite_token: token(), email: `${uid()}@example.com`, password: PASSWORD }), 400);
    expect(err.error).toBe('invite_token is invalid or expired');
  });

  it('refuses an e-mail other than the invited one (400 naming email) and keeps the token usable', async () => {
    const inv = await invite(t.app, acme.token, 'viewer');
    const err = expectError(await register({ invite_token: inv.invite_token, email: `someone-else-${uid()}@example.com`, password: PASSWORD }), 400);
    expect(err.field).toBe('email');
    expect(err.error).toMatch(/invitation/);
    expect((await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD })).statusCode).toBe(201);
  });

  it.each([['organization_name', 'Sneaky Org'], ['organization_slug', 'sneaky-org']])(
    'refuses %s together with invite_token (400 naming it) and keeps the token usable',
    async (field, value) => {
      const inv = await invite(t.app, acme.token, 'viewer');
      const res = await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD, [field]: value });
      expectFieldError(res, field);
      expect((await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD })).statusCode).toBe(201);
    },
  );

  it.each([
    ['a numeric invite_token', { invite_token: 12345 }, 'invite_token'],
    ['an empty invite_token', { invite_token: '' }, 'invite_token'],
    ['a short password', { password: 'short' }, 'password'],
    ['a malformed e-mail', { email: 'nope' }, 'email'],
  ])('refuses %s with 400 naming the field', async (_, override, field) => {
    const inv = await invite(t.app, acme.token, 'viewer');
    expectFieldError(await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD, ...override }), field);
  });

  it('refuses a client-chosen role next to the token (unknown field, 400)', async () => {
    const inv = await invite(t.app, acme.token, 'viewer');
    const err = expectError(await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD, role: 'admin' }), 400);
    expect(err.error).toContain('role');
  });

  it('answers 409 when the invited e-mail got an account after the invitation', async () => {
    const inv = await invite(t.app, acme.token, 'user');
    expect((await register({ email: inv.email, password: PASSWORD, organization_name: `Own ${uid()}` })).statusCode).toBe(202);
    const err = expectError(await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD }), 409);
    expect(err.field).toBe('email');
  });

  it('inviting the same e-mail again replaces the previous invitation', async () => {
    const email = `twice-${uid()}@example.com`;
    const first = await invite(t.app, acme.token, 'viewer', email);
    const second = await invite(t.app, acme.token, 'admin', email);
    expectError(await register({ invite_token: first.invite_token, email, password: PASSWORD }), 400);
    const res = await register({ invite_token: second.invite_token, email, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    expect(await roleOf(res.json().user_id)).toBe('admin');
  });

  it('lets one of two simultaneous registrations with the same token win; the other gets 400', async () => {
    const inv = await invite(t.app, acme.token, 'user');
    const results = await Promise.all([
      register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD }),
      register({ invite_token: inv.invite_token, email: inv.email, password: `${PASSWORD}!` }),
      register({ invite_token: inv.invite_token, email: inv.email, password: `${PASSWORD}?` }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400, 400].map(Number).sort());
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [inv.email]);
    expect(rows[0].n).toBe(1);
  });

  it('keeps registration without invite_token unchanged: organization_name is required', async () => {
    const err = expectError(await register({ email: `${uid()}@example.com`, password: PASSWORD }), 400);
    expect(err.field).toBe('organization_name');
  });

  describe('when registration is disabled (ALLOW_REGISTRATION=false)', () => {
    let closed: TestContext;
    let closedAdmin: { token: string };
    beforeAll(async () => {
      closed = await createTestApp({ allowRegistration: false });
      // The first admin of a closed installation is created by the operator, not by a request.
      const { rows } = await closed.database.pool.query(`INSERT INTO organizations (name, slug) VALUES ('Closed', 'closed') RETURNING id`);
      const email = `boss-${uid()}@example.com`;
      await closed.database.pool.query(
        `INSERT INTO users (organization_id, email, password_hash, role) VALUES ($1, $2, $3, 'admin')`,
        [rows[0].id, email, await hashPassword(PASSWORD)],
      );
      closedAdmin = await logIn(closed.app, email, PASSWORD);
    });
    afterAll(() => closed?.close());

    it('still refuses registration without a token (403)', async () => {
      expectError(await register({ email: `${uid()}@example.com`, password: PASSWORD, organization_name: 'Nope' }, closed), 403);
    });

    it('accepts registration with an invitation (201)', async () => {
      const inv = await invite(closed.app, closedAdmin.token, 'viewer');
      const res = await register({ invite_token: inv.invite_token, email: inv.email, password: PASSWORD }, closed);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().organization.slug).toBe('closed');
      expect((await logIn(closed.app, inv.email, PASSWORD)).token).toEqual(expect.any(String));
    });

    it('answers a bad token with 400 (not 403) when registration is disabled', async () => {
      expectError(await register({ invite_token: `cli_${'B'.repeat(43)}`, email: `${uid()}@example.com`, password: PASSWORD }, closed), 400);
    });
  });
});

// --- changing roles and removing members -------------------------------------------------------

