// Registration, login, logout, dashboard tokens (JWT + session) and roles.
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from './helpers/errors.js';
import { hashPassword } from '../src/auth/passwords.js';
import {
  TEST_JWT_SECRET,
  bearer,
  createApiKey,
  createTestApp,
  fullChat,
  logIn,
  signUp,
  type SignedUp,
  type TestContext,
} from './helpers/app.js';

let t: TestContext;
let acme: SignedUp;
let other: SignedUp;

const PASSWORD = 'correct horse battery';
const uid = () => Math.random().toString(36).slice(2, 10);

beforeAll(async () => {
  t = await createTestApp();
  acme = await signUp(t.app);
  other = await signUp(t.app);
});
afterAll(() => t?.close());

// --- helpers -----------------------------------------------------------------------------------


const register = (payload: Record<string, unknown>, ctx: TestContext = t) =>
  ctx.app.inject({ method: 'POST', url: '/auth/register', payload });

const registerBody = (overrides: Record<string, unknown> = {}) => {
  const id = uid();
  return { email: `user-${id}@example.com`, password: PASSWORD, organization_name: `Company ${id}`, ...overrides };
};

const login = (email: string, password: string, ctx: TestContext = t) =>
  ctx.app.inject({ method: 'POST', url: '/auth/login', payload: { email, password } });

const listChats = (headers: Record<string, string>) => t.app.inject({ url: '/api/v1/chats', headers });
const listKeys = (headers: Record<string, string>) => t.app.inject({ url: '/api/v1/orgs/me/apikeys', headers });
const postChatAs = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/chats', headers, payload: fullChat() });
const postKeyAs = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/orgs/me/apikeys', headers, payload: { label: 'bot' } });

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with its payload replaced but the original header and signature kept. */
function tamper(token: string, change: (payload: Record<string, unknown>) => Record<string, unknown>) {
  const [header, , signature] = token.split('.');
  return `${header}.${b64url(change(decodeJwt(token) as Record<string, unknown>))}.${signature}`;
}

/** Signs a dashboard token the way the server does, with any claims. */
function signToken(
  claims: { sub: string | number; org: unknown; role?: unknown; sid: unknown },
  options: { secret?: string; exp?: number; issuer?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ org: claims.org, role: claims.role ?? 'admin', sid: claims.sid })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.sub))
    .setIssuer(options.issuer ?? 'chatlogger')
    .setIssuedAt(now - 10)
    .setExpirationTime(options.exp ?? now + 3600)
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

/** Adds a user of the given role to an organization straight in the database, and logs them in. */
async function addMember(organizationId: number, role: 'admin' | 'user' | 'viewer') {
  const email = `${role}-${uid()}@example.com`;
  const { rows } = await t.database.pool.query(
    `INSERT INTO users (organization_id, email, password_hash, first_name, last_name, role)
     VALUES ($1, $2, $3, 'Member', 'Of Org', $4) RETURNING id`,
    [organizationId, email, await hashPassword(PASSWORD), role],
  );
  const session = await logIn(t.app, email, PASSWORD);
  return { email, userId: Number(rows[0].id), ...session };
}

async function expectTokenRefused(token: string) {
  expectError(await listChats(bearer(token)), 401);
  expectError(await listChats({ cookie: `auth_token=${token}` }), 401);
}

// --- registration ------------------------------------------------------------------------------

const REGISTERED = {
  message:
    'Registration received: sign in with this e-mail address and password. If the address already had an account, ' +
    'nothing was created and that account keeps its own password.',
};

/** Registers (expecting the one 202 answer), signs in, and reads the user and organization. */
async function registerAndSignIn(body: { email: string; password: string }) {
  const res = await register(body);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toEqual(REGISTERED);
  const loggedIn = await login(body.email, body.password);
  expect(loggedIn.statusCode, loggedIn.body).toBe(200);
  const organization = (await t.app.inject({ url: '/api/v1/orgs/me', headers: bearer(loggedIn.json().token) })).json();
  return { user: loggedIn.json().user, organization };
}

describe('POST /auth/register', () => {
  it('creates an organization with the registering user as its admin and answers 202', async () => {
    const body = registerBody({ first_name: 'Ann', last_name: 'Lee', organization_name: 'Reg Test Org' });
    const { user, organization } = await registerAndSignIn(body);
    expect(user).toMatchObject({ organization_id: organization.id, email: body.email, first_name: 'Ann', last_name: 'Lee', role: 'admin' });
    expect(organization).toMatchObject({ name: 'Reg Test Org', slug: 'reg-test-org' });
    const { rows } = await t.database.pool.query('SELECT name, slug FROM organizations WHERE id = $1', [organization.id]);
    expect(rows).toEqual([{ name: 'Reg Test Org', slug: 'reg-test-org' }]);
  });

  it('creates a new organization for every registration (never joins an existing one)', async () => {
    const a = await registerAndSignIn(registerBody());
    const b = await registerAndSignIn(registerBody());
    expect(a.organization.id).not.toBe(b.organization.id);
    expect([acme.organization.id, other.organization.id]).not.toContain(a.organization.id);
  });

  it.each([
    ['role', { role: 'superadmin' }],
    ['organization_id', { organization_id: 1 }],
  ])('refuses a client-chosen %s as an unknown field (400) and creates nothing', async (field, extra) => {
    const body = registerBody(extra);
    const res = await register(body);
    const err = expectError(res, 400);
    expect(err.error).toContain(field);
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [body.email]);
    expect(rows[0].n).toBe(0);
  });

  describe('organization slug', () => {
    it('derives the slug from the name: lowercase letters, digits and hyphens', async () => {
      const { organization } = await registerAndSignIn(registerBody({ organization_name: 'Acme HR Ltd.' }));
      expect(organization).toMatchObject({ name: 'Acme HR Ltd.', slug: 'acme-hr-ltd' });
    });

    it('derives a slug of at most 50 characters from a 120-character name', async () => {
      const name = 'Internationally Renowned Human Resources Consultancy And Payroll Services Of The Greater Metropolitan Area Limited'.padEnd(120, 'x');
      expect(name).toHaveLength(120);
      const { slug } = (await registerAndSignIn(registerBody({ organization_name: name }))).organization;
      expect(slug.length).toBeGreaterThan(0);
      expect(slug.length).toBeLessThanOrEqual(50);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it('derives a slug of at most 50 characters from a 100-character name', async () => {
      const name = 'Big Organization Name '.repeat(5).slice(0, 100);
      const { slug } = (await registerAndSignIn(registerBody({ organization_name: name }))).organization;
      expect(slug.length).toBeLessThanOrEqual(50);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it('uses a valid organization_slug as given', async () => {
      const slug = `chosen-${uid()}`;
      const { organization } = await registerAndSignIn(registerBody({ organization_name: 'Anything At All', organization_slug: slug }));
      expect(organization.slug).toBe(slug);
    });

    it.each([
      ['with a space and capitals', 'Bad Slug'],
      ['with a leading hyphen', '-x'],
      ['of 51 characters', 'a'.repeat(51)],
    ])('refuses an organization_slug %s with a 400 naming organization_slug', async (_, slug) => {
      const err = expectError(await register(registerBody({ organization_slug: slug })), 400);
      expect(err.error).toContain('organization_slug');
      expect(err.field).toBe('organization_slug');
    });

    it('refuses a slug that is already taken with 409 (given explicitly), whether or not the e-mail is', async () => {
      const free = expectError(await register(registerBody({ organization_slug: acme.organization.slug })), 409);
      const taken = expectError(await register(registerBody({ email: other.email, organization_slug: acme.organization.slug })), 409);
      expect(taken).toEqual(free);
    });

    it('refuses a derived slug that is already taken with 409', async () => {
      const name = `Twin Company ${uid()}`;
      await registerAndSignIn(registerBody({ organization_name: name }));
      expectError(await register(registerBody({ organization_name: name })), 409);
    });
  });

  describe('an e-mail that already has an account', () => {
    const count = async (table: 'users' | 'organizations') =>
      (await t.database.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

    it('gets the same answer as a free one, and nothing is created nor changed', async () => {
      const before = { users: await count('users'), organizations: await count('organizations') };
      const hashBefore = (await t.database.pool.query('SELECT password_hash FROM users WHERE email = $1', [acme.email])).rows[0];
      const taken = await register(registerBody({ email: acme.email, password: 'an entirely new passphrase' }));
      const free = await register(registerBody());
      expect(taken.statusCode).toBe(free.statusCode);
      expect(taken.body).toBe(free.body);
      expect(taken.headers['content-type']).toBe(free.headers['content-type']);
      expect(taken.json()).toEqual(REGISTERED);
      // Only the free address's organization and admin were added.
      expect({ users: await count('users'), organizations: await count('organizations') }).toEqual({
        users: before.users + 1,
        organizations: before.organizations + 1,
      });
      expect((await t.database.pool.query('SELECT password_hash FROM users WHERE email = $1', [acme.email])).rows[0]).toEqual(hashBefore);
      // The new password does not sign in to the existing account; its own password still does.
      expectError(await login(acme.email, 'an entirely new passphrase'), 401);
      expect((await login(acme.email, acme.password)).statusCode).toBe(200);
    });

    it('in any case of the address', async () => {
      const local = `ann-${uid()}`;
      await registerAndSignIn(registerBody({ email: `${local}@x.com` }));
      const again = await register(registerBody({ email: `${local[0].toUpperCase()}${local.slice(1)}@X.com` }));
      expect(again.statusCode).toBe(202);
      expect(again.json()).toEqual(REGISTERED);
      const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [`${local}@x.com`]);
      expect(rows[0].n).toBe(1);
    });
  });

  describe('password policy', () => {
    it.each([
      ['password1234', /too easy to guess: This is (a heavily|a commonly|similar to a commonly) used password/],
      ['1234567890', /too easy to guess/],
      ['qwertyuiop', /too easy to guess/],
      ['aaaaaaaaaaaa', /too easy to guess: Repeated characters/],
    ])('refuses %s with 400 weak_password naming password and saying why, and creates nothing', async (password, why) => {
      const body = registerBody({ password });
      const err = expectError(await register(body), 400);
      expect(err).toMatchObject({ code: 'weak_password', field: 'password' });
      expect(err.error).toMatch(why);
      const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [body.email]);
      expect(rows[0].n).toBe(0);
    });

    it('refuses a password made of the registrant\'s own e-mail or organization name', async () => {
      const id = uid();
      const err = expectError(await register(registerBody({ email: `zebulon${id}@example.com`, password: `zebulon${id}` })), 400);
      expect(err.code).toBe('weak_password');
      const org = expectError(await register(registerBody({ organization_name: `Quixotic Widgets ${id}`, password: `quixoticwidgets${id}` })), 400);
      expect(org.code).toBe('weak_password');
    });

    it('refuses fewer than 10 characters with a sentence that says so', async () => {
      const err = expectError(await register(registerBody({ password: 'Xk#9vq!2' })), 400);
      expect(err).toMatchObject({ error: 'password must be at least 10 characters long', field: 'password' });
    });

    it('accepts a passphrase', async () => {
      await registerAndSignIn(registerBody({ password: 'velvet otter mandolin' }));
    });
  });

  describe('input validation', () => {
    it.each([
      ['a password shorter than 10 characters', { password: 'short1!' }],
      ['a malformed e-mail', { email: 'not-an-email' }],
      ['an e-mail without a domain', { email: 'ann@' }],
      ['a blank organization_name', { organization_name: '   ' }],
      ['an empty organization_name', { organization_name: '' }],
    ])('refuses %s with 400', async (_, overrides) => {
      expectError(await register(registerBody(overrides)), 400);
    });

    it('refuses a missing organization_name with 400', async () => {
      const { organization_name: _, ...body } = registerBody();
      const err = expectError(await register(body), 400);
      expect(err.error).toContain('organization_name');
    });

    it('refuses a missing password with 400', async () => {
      const { password: _, ...body } = registerBody();
      expectError(await register(body), 400);
    });
  });

  describe('when registration is disabled', () => {
    let closed: TestContext;
    beforeAll(async () => {
      closed = await createTestApp({ allowRegistration: false });
    });
    afterAll(() => closed?.close());

    it('refuses registration with 403 and creates nothing', async () => {
      const body = registerBody();
      expectError(await register(body, closed), 403);
      const { rows } = await closed.database.pool.query('SELECT count(*)::int AS n FROM users');
      expect(rows[0].n).toBe(0);
    });
  });
});

// --- login -------------------------------------------------------------------------------------

describe('POST /auth/login', () => {
  it('answers 200 with the user, a token and its expiry', async () => {
    const before = Date.now();
    const res = await login(acme.email, acme.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      message: 'Login successful',
      user: {
        id: acme.userId,
        organization_id: acme.organization.id,
        email: acme.email,
        first_name: null,
        last_name: null,
        role: 'admin',
        created_at: expect.any(String),
        updated_at: expect.any(String),
        last_login_at: expect.any(String),
      },
      token: expect.any(String),
      expires_at: expect.any(String),
    });
    for (const field of ['created_at', 'updated_at', 'last_login_at', 'expires_at']) {
      const value = field === 'expires_at' ? body.expires_at : body.user[field];
      expect(Number.isNaN(Date.parse(value)), `${field}=${value}`).toBe(false);
    }
    expect(Date.parse(body.user.last_login_at)).toBeGreaterThanOrEqual(before - 5_000);
  });

  it('sets expires_at about 24 hours ahead, matching the token', async () => {
    const res = await login(acme.email, acme.password);
    const { expires_at, token } = res.json();
    const ahead = Date.parse(expires_at) - Date.now();
    expect(ahead).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(ahead).toBeLessThanOrEqual(24 * 3600_000 + 5_000);
    expect(Math.abs((decodeJwt(token).exp as number) * 1000 - Date.parse(expires_at))).toBeLessThan(2_000);
  });

  it('sets the token as an HttpOnly, SameSite=Lax, Path=/ cookie auth_token, not Secure by default', async () => {
    const res = await login(acme.email, acme.password);
    const cookie = res.cookies.find((c) => c.name === 'auth_token');
    expect(cookie).toBeDefined();
    expect(cookie!.value).toBe(res.json().token);
    expect(cookie!.httpOnly).toBe(true);
    expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
    expect(cookie!.path).toBe('/');
    expect(cookie!.secure).toBeFalsy();
    const raw = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]).find((c) => c.startsWith('auth_token='))!;
    expect(raw).toMatch(/;\s*HttpOnly/i);
    expect(raw).toMatch(/;\s*SameSite=Lax/i);
    expect(raw).toMatch(/;\s*Path=\/(;|$)/i);
    expect(raw).not.toMatch(/;\s*Secure/i);
  });

  describe('with cookieSecure', () => {
    let secure: TestContext;
    beforeAll(async () => {
      secure = await createTestApp({ cookieSecure: true });
    });
    afterAll(() => secure?.close());

    it('marks the auth_token cookie Secure', async () => {
      const admin = await signUp(secure.app);
      const res = await login(admin.email, admin.password, secure);
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'auth_token');
      expect(cookie!.secure).toBe(true);
      expect(cookie!.httpOnly).toBe(true);
      expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
    });
  });

  it('never returns the password hash', async () => {
    const res = await login(acme.email, acme.password);
    const { rows } = await t.database.pool.query('SELECT password_hash FROM users WHERE id = $1', [acme.userId]);
    const hash: string = rows[0].password_hash;
    expect(hash.length).toBeGreaterThan(20);
    expect(res.body).not.toContain(hash);
    expect(res.body).not.toMatch(/\$argon2/);
    expect(Object.keys(res.json().user).sort()).toEqual(
      ['created_at', 'email', 'first_name', 'id', 'last_login_at', 'last_name', 'organization_id', 'role', 'updated_at'].sort(),
    );
    expect(JSON.stringify(res.json().user).toLowerCase()).not.toContain('password');
  });

  it('treats the e-mail case-insensitively', async () => {
    const res = await login(acme.email.toUpperCase(), acme.password);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.id).toBe(acme.userId);
    expect(res.json().user.email).toBe(acme.email.toLowerCase());
  });

  it('logs in a user registered with a mixed-case e-mail using any case', async () => {
    const email = `Mixed.Case-${uid()}@Example.COM`;
    expect((await register(registerBody({ email }))).statusCode).toBe(202);
    expect((await login(email, PASSWORD)).statusCode).toBe(200);
    expect((await login(email.toLowerCase(), PASSWORD)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail with 401 and exactly the same body', async () => {
    const wrongPassword = await login(acme.email, 'wrong password!');
    const unknownEmail = await login(`nobody-${uid()}@example.com`, acme.password);
    const a = expectError(wrongPassword, 401);
    const b = expectError(unknownEmail, 401);
    expect(a.error).toBe('Invalid email or password');
    expect(a).toEqual(b);
    expect(wrongPassword.body).toBe(unknownEmail.body);
    expect(wrongPassword.cookies.find((c) => c.name === 'auth_token')).toBeUndefined();
    expect(unknownEmail.cookies.find((c) => c.name === 'auth_token')).toBeUndefined();
  });

  it('does not log in with the password of another account', async () => {
    expectError(await login(acme.email, other.password + 'x'), 401);
  });

  it('refuses a body without a password with 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: acme.email } });
    expectError(res, 400);
  });
});

// --- using the token ---------------------------------------------------------------------------

describe('dashboard token', () => {
  it('works as Authorization: Bearer', async () => {
    expect((await listChats(bearer(acme.token))).statusCode).toBe(200);
    expect((await listKeys(bearer(acme.token))).statusCode).toBe(200);
  });

  it('works as the auth_token cookie', async () => {
    expect((await listChats({ cookie: acme.cookie })).statusCode).toBe(200);
    expect((await listKeys({ cookie: acme.cookie })).statusCode).toBe(200);
  });

  it('is required: no credentials → 401', async () => {
    expectError(await listChats({}), 401);
    expectError(await listKeys({}), 401);
  });

  it.each([
    ['garbage', 'garbage'],
    ['Bearer garbage', 'Bearer garbage'],
    ['Bearer with nothing after it', 'Bearer '],
    ['Basic credentials', 'Basic dXNlcjpwYXNz'],
    ['a three-part non-JWT', 'Bearer a.b.c'],
  ])('refuses %s in Authorization with 401', async (_, value) => {
    expectError(await listChats({ authorization: value }), 401);
  });

  it('refuses a garbage auth_token cookie with 401', async () => {
    expectError(await listChats({ cookie: 'auth_token=not.a.jwt' }), 401);
  });
});

// --- logout ------------------------------------------------------------------------------------

describe('POST /auth/logout', () => {
  it('answers 200, clears the cookie and revokes the token as bearer and as cookie', async () => {
    const session = await logIn(t.app, acme.email, acme.password);
    expect((await listChats(bearer(session.token))).statusCode).toBe(200);

    const res = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: bearer(session.token) });
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.find((c) => c.name === 'auth_token');
    expect(cleared).toBeDefined();
    expect(cleared!.value).toBe('');
    const expired = (cleared!.expires !== undefined && cleared!.expires.getTime() <= Date.now()) || cleared!.maxAge === 0;
    expect(expired).toBe(true);
    expect(cleared!.path).toBe('/');

    await expectTokenRefused(session.token);
  });

  it('revokes the session when the token is sent as the cookie (browser logout)', async () => {
    const session = await logIn(t.app, acme.email, acme.password);
    const res = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    await expectTokenRefused(session.token);
  });

  it('leaves another session of the same user working', async () => {
    const first = await logIn(t.app, acme.email, acme.password);
    const second = await logIn(t.app, acme.email, acme.password);
    expect(first.token).not.toBe(second.token);
    await t.app.inject({ method: 'POST', url: '/auth/logout', headers: bearer(first.token) });
    await expectTokenRefused(first.token);
    expect((await listChats(bearer(second.token))).statusCode).toBe(200);
    expect((await listChats({ cookie: second.cookie })).statusCode).toBe(200);
  });

  it('does not let a token be used again after logging out twice', async () => {
    const session = await logIn(t.app, acme.email, acme.password);
    expect((await t.app.inject({ method: 'POST', url: '/auth/logout', headers: bearer(session.token) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/auth/logout', headers: bearer(session.token) })).statusCode).toBe(200);
    await expectTokenRefused(session.token);
  });

  it('answers 200 without credentials', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/auth/logout' });
    expect(res.statusCode).toBe(200);
  });
});

// --- JWT security ------------------------------------------------------------------------------

describe('JWT security', () => {
  let victim: SignedUp;
  let claims: { sub: string; org: number; role: string; sid: string };

  beforeAll(async () => {
    victim = await signUp(t.app);
    const decoded = decodeJwt(victim.token);
    claims = { sub: decoded.sub!, org: decoded.org as number, role: decoded.role as string, sid: decoded.sid as string };
  });

  it('accepts the unmodified token (control)', async () => {
    expect((await listChats(bearer(victim.token))).statusCode).toBe(200);
  });

  it('refuses a token whose role claim was modified', async () => {
    expectError(await listChats(bearer(tamper(victim.token, (p) => ({ ...p, role: 'superadmin' })))), 401);
  });

  it('refuses a token whose organization claim was modified', async () => {
    expectError(await listChats(bearer(tamper(victim.token, (p) => ({ ...p, org: other.organization.id })))), 401);
  });

  it('refuses a token whose subject was modified', async () => {
    expectError(await listChats(bearer(tamper(victim.token, (p) => ({ ...p, sub: String(other.userId) })))), 401);
  });

  it('refuses a token whose expiry was extended', async () => {
    expectError(await listChats(bearer(tamper(victim.token, (p) => ({ ...p, exp: (p.exp as number) + 365 * 86400 })))), 401);
  });

  it('refuses a modified token sent as the cookie', async () => {
    const forged = tamper(victim.token, (p) => ({ ...p, org: other.organization.id }));
    expectError(await listChats({ cookie: `auth_token=${forged}` }), 401);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await signToken(claims, { secret: 'another-secret-that-is-long-enough-for-hs256-xyz' });
    expectError(await listChats(bearer(forged)), 401);
  });

  it('refuses an unsigned alg:none token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { ...claims, iss: 'chatlogger', iat: now, exp: now + 3600 };
    for (const alg of ['none', 'None', 'NONE']) {
      const forged = `${b64url({ alg, typ: 'JWT' })}.${b64url(payload)}.`;
      expectError(await listChats(bearer(forged)), 401);
      expectError(await listChats({ cookie: `auth_token=${forged}` }), 401);
    }
  });

  it('refuses a token with the original signature but an alg:none header', async () => {
    const [, payload, signature] = victim.token.split('.');
    expectError(await listChats(bearer(`${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`)), 401);
  });

  it('refuses a correctly signed token whose session id does not exist', async () => {
    const forged = await signToken({ ...claims, sid: '00000000-0000-4000-8000-000000000000' });
    expectError(await listChats(bearer(forged)), 401);
    const random = await signToken({ ...claims, sid: crypto.randomUUID() });
    expectError(await listChats(bearer(random)), 401);
  });

  it.each([
    ['a session id that is not a UUID', { sid: 'not-a-uuid' }],
    ['a session id of the wrong type', { sid: 12345 }],
    ['a fractional organization id', { org: 1.5 }],
    ['an organization id beyond bigint', { org: 1e30 }],
    ['an organization id given as a string', { org: '1' }],
    ['a non-numeric subject', { sub: 'admin' }],
  ])('refuses (401, never 500) a correctly signed token with %s', async (_, change) => {
    const res = await listChats(bearer(await signToken({ ...claims, ...change })));
    expectError(res, 401);
  });

  it('refuses a correctly signed token that pairs a real session with another organization', async () => {
    const forged = await signToken({ ...claims, org: other.organization.id });
    expectError(await listChats(bearer(forged)), 401);
  });

  it('refuses a correctly signed token that pairs a real session with another user', async () => {
    const forged = await signToken({ ...claims, sub: other.userId, org: other.organization.id });
    expectError(await listChats(bearer(forged)), 401);
  });

  it('refuses an expired token even when its session is still active', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await signToken(claims, { exp: now - 60 });
    expectError(await listChats(bearer(expired)), 401);
    expectError(await listChats({ cookie: `auth_token=${expired}` }), 401);
    // The same claims with a future expiry work: it is the expiry that is refused.
    expect((await listChats(bearer(await signToken(claims)))).statusCode).toBe(200);
  });

  it('refuses a token from another issuer', async () => {
    expectError(await listChats(bearer(await signToken(claims, { issuer: 'someone-else' }))), 401);
  });

  it('refuses a token whose session has expired in the database', async () => {
    const session = await logIn(t.app, victim.email, victim.password);
    const sid = decodeJwt(session.token).sid as string;
    expect((await listChats(bearer(session.token))).statusCode).toBe(200);
    await t.database.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE id = $1`, [sid]);
    expectError(await listChats(bearer(session.token)), 401);
  });

  it('refuses the token of a user who has been deleted', async () => {
    const member = await addMember(victim.organization.id, 'user');
    expect((await listChats(bearer(member.token))).statusCode).toBe(200);
    await t.database.pool.query('DELETE FROM users WHERE id = $1', [member.userId]);
    await expectTokenRefused(member.token);
    // A freshly signed token for the deleted user is no better.
    const decoded = decodeJwt(member.token);
    const forged = await signToken({ sub: member.userId, org: decoded.org, role: 'user', sid: decoded.sid });
    expectError(await listChats(bearer(forged)), 401);
  });

  it('refuses the token of a user whose organization has been deleted', async () => {
    const doomed = await signUp(t.app);
    expect((await listChats(bearer(doomed.token))).statusCode).toBe(200);
    await t.database.pool.query('DELETE FROM organizations WHERE id = $1', [doomed.organization.id]);
    await expectTokenRefused(doomed.token);
    expectError(await postKeyAs(bearer(doomed.token)), 401);
  });
});

// --- roles -------------------------------------------------------------------------------------

describe('roles', () => {
  let viewer: Awaited<ReturnType<typeof addMember>>;
  let member: Awaited<ReturnType<typeof addMember>>;

  beforeAll(async () => {
    viewer = await addMember(acme.organization.id, 'viewer');
    member = await addMember(acme.organization.id, 'user');
  });

  it('reports the role stored for the user at login', async () => {
    const res = await login(viewer.email, PASSWORD);
    expect(res.json().user).toMatchObject({ role: 'viewer', organization_id: acme.organization.id });
  });

  it('lets a viewer list chats (200)', async () => {
    expect((await listChats(bearer(viewer.token))).statusCode).toBe(200);
    expect((await listChats({ cookie: viewer.cookie })).statusCode).toBe(200);
  });

  it('does not let a viewer create chats (403)', async () => {
    const { rows: before } = await t.database.pool.query('SELECT count(*)::int AS n FROM chats');
    expectError(await postChatAs(bearer(viewer.token)), 403);
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${acme.organization.slug}/chats`,
        headers: bearer(viewer.token),
        payload: fullChat(),
      }),
      403,
    );
    const { rows: after } = await t.database.pool.query('SELECT count(*)::int AS n FROM chats');
    expect(after[0].n).toBe(before[0].n);
  });

  it('does not let a viewer create, list or revoke API keys (403)', async () => {
    expectError(await postKeyAs(bearer(viewer.token)), 403);
    expectError(await listKeys(bearer(viewer.token)), 403);
    const key = await createApiKey(t.app, acme.token, 'viewer target');
    expectError(
      await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/me/apikeys/${key.id}`, headers: bearer(viewer.token) }),
      403,
    );
    const { rows } = await t.database.pool.query('SELECT revoked_at FROM api_keys WHERE id = $1', [key.id]);
    expect(rows[0].revoked_at).toBeNull();
  });

  it('lets a user create chats (201)', async () => {
    const res = await postChatAs(bearer(member.token));
    expect(res.statusCode, res.body).toBe(201);
    const { rows } = await t.database.pool.query('SELECT organization_id FROM chats WHERE id = $1', [res.json().chat_id]);
    expect(Number(rows[0].organization_id)).toBe(acme.organization.id);
  });

  it('does not let a user create or list API keys (403)', async () => {
    expectError(await postKeyAs(bearer(member.token)), 403);
    expectError(await listKeys(bearer(member.token)), 403);
  });

  it('does not trust the role claim of a validly signed token: the database role wins', async () => {
    const decoded = decodeJwt(viewer.token);
    const escalated = await signToken({ sub: viewer.userId, org: decoded.org, role: 'superadmin', sid: decoded.sid });
    expectError(await postKeyAs(bearer(escalated)), 403);
    expectError(await postChatAs(bearer(escalated)), 403);
  });

  it('reads the role from the database on each request: a demoted admin loses admin rights at once', async () => {
    const boss = await addMember(acme.organization.id, 'admin');
    expect((await postKeyAs(bearer(boss.token))).statusCode).toBe(201);
    await t.database.pool.query(`UPDATE users SET role = 'viewer' WHERE id = $1`, [boss.userId]);
    expectError(await postKeyAs(bearer(boss.token)), 403);
    expectError(await listKeys(bearer(boss.token)), 403);
    expectError(await postChatAs(bearer(boss.token)), 403);
    expect((await listChats(bearer(boss.token))).statusCode).toBe(200);
  });

  it('reads the role from the database on each request: a promoted user gains rights at once', async () => {
    const promoted = await addMember(acme.organization.id, 'viewer');
    expectError(await postKeyAs(bearer(promoted.token)), 403);
    await t.database.pool.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [promoted.userId]);
    expect((await postKeyAs(bearer(promoted.token))).statusCode).toBe(201);
  });
});
