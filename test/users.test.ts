// The signed-in user's own account: GET/PATCH /api/v1/users/me and POST /api/v1/users/me/password.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, logIn, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { addMember, expectError, expectFieldError, PASSWORD, type Member } from './support/members.js';

let t: TestContext;
let admin: SignedUp;
let other: SignedUp;
let viewer: Member;
let apiKey: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, { first_name: 'Ann', last_name: 'Lee' });
  other = await signUp(t.app);
  viewer = await addMember(t.app, admin.token, 'viewer');
  apiKey = (await createApiKey(t.app, admin.token)).key;
});
afterAll(() => t?.close());

const getMe = (headers: Record<string, string>) => t.app.inject({ url: '/api/v1/users/me', headers });
const patchMe = (headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers, ...(payload === undefined ? {} : { payload: payload as object }) });
const changePassword = (headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/users/me/password',
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const listChats = (token: string) => t.app.inject({ url: '/api/v1/chats', headers: bearer(token) });

// --- GET /api/v1/users/me ----------------------------------------------------------------------

describe('GET /api/v1/users/me', () => {
  it('answers 200 with the user exactly as login shows it (no password hash)', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: admin.email, password: admin.password } });
    const res = await getMe(bearer(login.json().token));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(login.json().user);
    expect(res.json()).toMatchObject({
      id: admin.userId,
      organization_id: admin.organization.id,
      email: admin.email,
      first_name: 'Ann',
      last_name: 'Lee',
      role: 'admin',
    });
    expect(res.body).not.toMatch(/argon2|password/i);
  });

  it('works with the auth_token cookie', async () => {
    const res = await getMe({ cookie: admin.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(admin.userId);
  });

  it('answers each user with their own account, whatever their role', async () => {
    const res = await getMe(bearer(viewer.token));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: viewer.userId, role: 'viewer', organization_id: admin.organization.id });
    expect((await getMe(bearer(other.token))).json().id).toBe(other.userId);
  });

  it('requires credentials (401)', async () => {
    expectError(await getMe({}), 401);
    expectError(await getMe(bearer('garbage')), 401);
  });

  it('is not for API keys (403)', async () => {
    expectError(await getMe(apiKeyHeaders(apiKey)), 403);
  });
});

// --- PATCH /api/v1/users/me --------------------------------------------------------------------

describe('PATCH /api/v1/users/me', () => {
  let me: Member;
  beforeAll(async () => {
    me = await addMember(t.app, admin.token, 'user');
    expect((await patchMe(bearer(me.token), { first_name: 'First', last_name: 'Last' })).statusCode).toBe(200);
  });

  it('changes only the fields sent and answers 200 with the updated user', async () => {
    const before = (await getMe(bearer(me.token))).json();
    const res = await patchMe(bearer(me.token), { first_name: 'Changed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...before, first_name: 'Changed', updated_at: expect.any(String) });
    expect(Date.parse(res.json().updated_at)).toBeGreaterThanOrEqual(Date.parse(before.updated_at));
    expect((await getMe(bearer(me.token))).json()).toEqual(res.json());

    const last = await patchMe(bearer(me.token), { last_name: 'Other' });
    expect(last.json()).toMatchObject({ first_name: 'Changed', last_name: 'Other' });
  });

  it('clears a field sent as null', async () => {
    const res = await patchMe(bearer(me.token), { last_name: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ first_name: 'Changed', last_name: null });
    const both = await patchMe(bearer(me.token), { first_name: null, last_name: 'Back' });
    expect(both.json()).toMatchObject({ first_name: null, last_name: 'Back' });
  });

  it('accepts 100 characters and refuses 101 (400 naming the field)', async () => {
    const ok = await patchMe(bearer(me.token), { first_name: 'é'.repeat(100) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().first_name).toBe('é'.repeat(100));
    expectFieldError(await patchMe(bearer(me.token), { first_name: 'x'.repeat(101) }), 'first_name');
    expectFieldError(await patchMe(bearer(me.token), { last_name: 'x'.repeat(101) }), 'last_name');
  });

  it.each([
    ['first_name', 42],
    ['first_name', true],
    ['last_name', ['a']],
    ['last_name', { a: 1 }],
  ])('refuses %s = %j (wrong type) with 400 naming the field', async (field, value) => {
    expectFieldError(await patchMe(bearer(me.token), { [field]: value }), field);
  });

  it('refuses an empty body {} with 400 "send at least one field"', async () => {
    const err = expectError(await patchMe(bearer(me.token), {}), 400);
    expect(err.error).toMatch(/send at least one field/);
  });

  it('refuses a missing body with 400', async () => {
    expectError(await patchMe(bearer(me.token)), 400);
  });

  it.each([['role'], ['email'], ['organization_id'], ['firstName']])('refuses the unknown field %s with 400 and changes nothing', async (field) => {
    const before = (await getMe(bearer(me.token))).json();
    const err = expectError(await patchMe(bearer(me.token), { first_name: 'Sneaky', [field]: 'admin' }), 400);
    expect(err.error).toContain(field);
    expect((await getMe(bearer(me.token))).json()).toEqual(before);
  });

  it('refuses a NUL character with 400 naming the field', async () => {
    expectFieldError(await patchMe(bearer(me.token), { first_name: 'a\u0000b' }), 'first_name');
  });

  it('refuses malformed JSON (400) and another content type (415)', async () => {
    const headers = { ...bearer(me.token), 'content-type': 'application/json' };
    expectError(await t.app.inject({ method: 'PATCH', url: '/api/v1/users/me', headers, payload: '{"first_name":' }), 400);
    expectError(
      await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/users/me',
        headers: { ...bearer(me.token), 'content-type': 'text/plain' },
        payload: 'first_name=x',
      }),
      415,
    );
  });

  it('lets a viewer edit their own name (it is their account, not organization data)', async () => {
    const res = await patchMe(bearer(viewer.token), { first_name: 'Vera' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: viewer.userId, first_name: 'Vera', role: 'viewer' });
  });

  it('changes only the caller, never another user', async () => {
    const adminBefore = (await getMe(bearer(admin.token))).json();
    await patchMe(bearer(me.token), { first_name: 'Only me' });
    expect((await getMe(bearer(admin.token))).json()).toEqual(adminBefore);
  });

  it('requires credentials (401) and refuses API keys (403)', async () => {
    expectError(await patchMe({}, { first_name: 'x' }), 401);
    expectError(await patchMe(apiKeyHeaders(apiKey), { first_name: 'x' }), 403);
  });
});

// --- POST /api/v1/users/me/password -----------------------------------------------------------

describe('POST /api/v1/users/me/password', () => {
  const NEW_PASSWORD = 'a brand new passphrase';

  it('changes the password: the new one logs in, the old one does not', async () => {
    const me = await addMember(t.app, admin.token, 'user');
    const res = await changePassword(bearer(me.token), { current_password: PASSWORD, new_password: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(typeof res.json().message).toBe('string');
    expect(Object.keys(res.json())).toEqual(['message']);

    expect((await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: me.email, password: NEW_PASSWORD } })).statusCode).toBe(200);
    const old = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: me.email, password: PASSWORD } });
    expect(expectError(old, 401).error).toBe('Invalid email or password');
  });

  it('stores an argon2id hash, never the password', async () => {
    const me = await addMember(t.app, admin.token, 'viewer');
    expect((await changePassword(bearer(me.token), { current_password: PASSWORD, new_password: NEW_PASSWORD })).statusCode).toBe(200);
    const { rows } = await t.database.pool.query('SELECT password_hash FROM users WHERE id = $1', [me.userId]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(NEW_PASSWORD);
  });

  it("revokes every other session of the user at once, but not the caller's own", async () => {
    const me = await addMember(t.app, admin.token, 'user');
    const phone = await logIn(t.app, me.email, PASSWORD);
    const laptop = await logIn(t.app, me.email, PASSWORD);
    for (const s of [me, phone, laptop]) expect((await listChats(s.token)).statusCode).toBe(200);

    const res = await changePassword(bearer(laptop.token), { current_password: PASSWORD, new_password: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);

    expect((await listChats(laptop.token)).statusCode).toBe(200);
    expect((await getMe({ cookie: laptop.cookie })).statusCode).toBe(200);
    expectError(await listChats(me.token), 401);
    expectError(await listChats(phone.token), 401);
    expectError(await getMe({ cookie: phone.cookie }), 401);

    const { rows } = await t.database.pool.query(
      'SELECT id, revoked_at FROM sessions WHERE user_id = $1 ORDER BY created_at',
      [me.userId],
    );
    const live = rows.filter((r) => r.revoked_at === null).map((r) => r.id);
    expect(live).toEqual([decodeJwt(laptop.token).sid]);
  });

  it("does not touch other users' sessions", async () => {
    const me = await addMember(t.app, admin.token, 'user');
    const colleague = await addMember(t.app, admin.token, 'user');
    expect((await changePassword(bearer(me.token), { current_password: PASSWORD, new_password: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await listChats(colleague.token)).statusCode).toBe(200);
    expect((await listChats(admin.token)).statusCode).toBe(200);
  });

  it('refuses a wrong current_password with 401 "current_password is incorrect" and changes nothing', async () => {
    const me = await addMember(t.app, admin.token, 'user');
    const other = await logIn(t.app, me.email, PASSWORD);
    const res = await changePassword(bearer(me.token), { current_password: 'not my password', new_password: NEW_PASSWORD });
    const err = expectError(res, 401);
    expect(err).toEqual({ error: 'current_password is incorrect', code: 'invalid_current_password', field: 'current_password' });
    // The caller is still signed in (this 401 is not "signed out"), and nothing was revoked.
    expect((await listChats(me.token)).statusCode).toBe(200);
    expect((await listChats(other.token)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: me.email, password: PASSWORD } })).statusCode).toBe(200);
    expectError(await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: me.email, password: NEW_PASSWORD } }), 401);
  });

  it('accepts a new password of 10 and of 1024 characters', async () => {
    const me = await addMember(t.app, admin.token, 'user');
    expect((await changePassword(bearer(me.token), { current_password: PASSWORD, new_password: 'Vk7#qz!Lp2' })).statusCode).toBe(200);
    const long = 'velvet otter mandolin '.repeat(47).slice(0, 1024);
    expect((await changePassword(bearer(me.token), { current_password: 'Vk7#qz!Lp2', new_password: long })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: me.email, password: long } })).statusCode).toBe(200);
  });

  it('refuses a new password that is easy to guess with 400 weak_password saying why, and keeps the old one', async () => {
    const me = await addMember(t.app, admin.token, 'user');
    const err = expectError(await changePassword(bearer(me.token), { current_password: PASSWORD, new_password: 'qwertyuiop123' }), 400);
    expect(err).toMatchObject({ code: 'weak_password', field: 'new_password' });
    expect(err.error).toMatch(/^new_password is too easy to guess: .+/);
    // Its own e-mail address is as easy to guess.
    const own = expectError(await changePassword(bearer(me.token), { current_password: PASSWORD, new_password: me.email }), 400);
    expect(own.code).toBe('weak_password');
    expect((await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: me.email, password: PASSWORD } })).statusCode).toBe(200);
  });

  describe('input validation (400 naming the field, nothing changed)', () => {
    let me: Member;
    beforeAll(async () => {
      me = await addMember(t.app, admin.token, 'user');
    });

    it.each([
      ['new_password shorter than 10 characters', { current_password: PASSWORD, new_password: 'Vk7#qz!L' }, 'new_password'],
      ['a common new_password', { current_password: PASSWORD, new_password: 'password123' }, 'new_password'],
      ['a new_password made of repeats', { current_password: PASSWORD, new_password: 'p'.repeat(1024) }, 'new_password'],
      ['new_password longer than 1024 characters', { current_password: PASSWORD, new_password: 'p'.repeat(1025) }, 'new_password'],
      ['an empty current_password', { current_password: '', new_password: NEW_PASSWORD }, 'current_password'],
      ['current_password longer than 1024 characters', { current_password: 'p'.repeat(1025), new_password: NEW_PASSWORD }, 'current_password'],
      ['a missing new_password', { current_password: PASSWORD }, 'new_password'],
      ['a missing current_password', { new_password: NEW_PASSWORD }, 'current_password'],
      ['a numeric new_password', { current_password: PASSWORD, new_password: 12345678 }, 'new_password'],
      ['a null current_password', { current_password: null, new_password: NEW_PASSWORD }, 'current_password'],
    ])('refuses %s', async (_, payload, field) => {
      expectFieldError(await changePassword(bearer(me.token), payload), field);
      expect((await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: me.email, password: PASSWORD } })).statusCode).toBe(200);
    });

    it('refuses an unknown field with 400', async () => {
      const err = expectError(await changePassword(bearer(me.token), { current_password: PASSWORD, new_password: NEW_PASSWORD, user_id: 1 }), 400);
      expect(err.error).toContain('user_id');
    });

    it('refuses a missing body with 400', async () => {
      expectError(await changePassword(bearer(me.token)), 400);
    });
  });

  it('requires credentials (401) and refuses API keys (403)', async () => {
    const body = { current_password: PASSWORD, new_password: NEW_PASSWORD };
    expectError(await changePassword({}, body), 401);
    expectError(await changePassword(apiKeyHeaders(apiKey), body), 403);
  });

  it('refuses a revoked session (401): a signed-out token cannot change the password', async () => {
    const me = await addMember(t.app, admin.token, 'user');
    await t.app.inject({ method: 'POST', url: '/auth/logout', headers: bearer(me.token) });
    expectError(await changePassword(bearer(me.token), { current_password: PASSWORD, new_password: NEW_PASSWORD }), 401);
  });
});
