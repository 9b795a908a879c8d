// The audit log: every audited action writes exactly one entry with the right actor; the hash chain
// detects an edited, removed or reordered entry; the log is append-only in the database; filters,
// cursor paging and the CSV download; one organization never sees another's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/audit/verify.js';
import { expectError } from './helpers/errors.js';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, fullChat, logIn, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';

let t: TestContext;
let orgA: SignedUp;
let orgB: SignedUp;

beforeAll(async () => {
  t = await createTestApp();
  orgA = await signUp(t.app);
  orgB = await signUp(t.app);
});
afterAll(() => t?.close());

type Entry = { seq: number; action: string; actor: { type: string; id: number | null; label: string | null }; target: { type: string | null; id: string | null }; ip: string | null; details: Record<string, any> | null };

async function entries(token: string, query = ''): Promise<Entry[]> {
  const res = await t.app.inject({ url: `/api/v1/audit?limit=200${query}`, headers: bearer(token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().entries;
}

/** Runs `action` and returns the entries it added to the organization's log. */
async function added(token: string, action: () => Promise<unknown>): Promise<Entry[]> {
  const before = (await entries(token))[0]?.seq ?? 0;
  await action();
  return (await entries(token)).filter((e) => e.seq > before).reverse();
}

const inject = (method: string, url: string, token: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: bearer(token), ...(payload ? { payload } : {}) });

async function expectStatus<R extends { statusCode: number; body: string }>(p: Promise<R>, status: number): Promise<R> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

describe('every audited action writes exactly one entry with the right actor', () => {
  it('sign-in and failed sign-in', async () => {
    const ok = await added(orgA.token, () => logIn(t.app, orgA.email, orgA.password));
    expect(ok.map((e) => e.action)).toEqual(['auth.login']);
    expect(ok[0].actor).toEqual({ type: 'user', id: orgA.userId, label: orgA.email });
    expect(ok[0].ip).toBe('127.0.0.1');
    const failed = await added(orgA.token, () => t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: orgA.email, password: 'wrong password!' } }));
    expect(failed.map((e) => e.action)).toEqual(['auth.login_failed']);
    expect(failed[0].actor.id).toBe(orgA.userId);
  });

  it('API keys, invitations, members, organization settings, chats, exports', async () => {
    const a = orgA.token;
    const cases: [string, () => Promise<unknown>][] = [];
    let keyId = 0;
    cases.push(['api_key.created', async () => (keyId = (await createApiKey(t.app, a, 'audited')).id)]);
    cases.push(['api_key.revoked', () => expectStatus(inject('DELETE', `/api/v1/orgs/me/apikeys/${keyId}`, a), 200)]);
    let invitationId = 0;
    cases.push(['invitation.created', async () => (invitationId = (await expectStatus(inject('POST', '/api/v1/orgs/me/invitations', a, { email: 'newbie@example.com', role: 'viewer' }), 201)).json().id)]);
    cases.push(['invitation.revoked', () => expectStatus(inject('DELETE', `/api/v1/orgs/me/invitations/${invitationId}`, a), 200)]);
    cases.push(['settings.organization_renamed', () => expectStatus(inject('PATCH', '/api/v1/orgs/me', a, { name: 'Renamed Org' }), 200)]);
    cases.push(['settings.privacy_updated', () => expectStatus(inject('PATCH', '/api/v1/orgs/me/privacy', a, { ip_mode: 'truncated', confirm: true }), 200)]);
    const key = await createApiKey(t.app, a);
    const chatId = (await postChat(t.app, key.key, fullChat())).json().chat_id as number;
    cases.push(['chat.opened', () => expectStatus(inject('GET', `/api/v1/chats/${chatId}`, a), 200)]);
    cases.push(['transcript.opened', () => expectStatus(inject('GET', `/api/v1/chats/${chatId}?include_messages=true`, a), 200)]);
    cases.push(['transcript.opened', () => expectStatus(inject('GET', `/api/v1/chats/${chatId}/messages`, a), 200)]);
    cases.push(['export.created', () => expectStatus(inject('POST', '/api/v1/exports', a, { format: 'csv', type: 'chats' }), 202)]);
    cases.push(['export.downloaded', () => expectStatus(inject('POST', '/api/v1/exports/sync', a, { format: 'json', type: 'chats' }), 200)]);
    cases.push(['chat.deleted', () => expectStatus(inject('DELETE', `/api/v1/chats/${chatId}`, a), 200)]);
    cases.push(['erasure.completed', () => expectStatus(inject('POST', '/api/v1/erasure-requests', a, { user_id: 999 }), 201)]);
    cases.push(['audit.exported', () => expectStatus(inject('GET', '/api/v1/audit/export', a), 200)]);
    for (const [action, run] of cases) {
      const written = await added(a, run);
      expect(written.map((e) => e.action), action).toEqual([action]);
      expect(written[0].actor, action).toMatchObject({ type: 'user', id: orgA.userId });
    }
  });

  it('member role change and removal, by the admin who did it', async () => {
    const invite = (await expectStatus(inject('POST', '/api/v1/orgs/me/invitations', orgA.token, { email: 'member@example.com', role: 'viewer' }), 201)).json();
    const reg = await t.app.inject({ method: 'POST', url: '/auth/register', payload: { email: 'member@example.com', password: 'correct horse battery', invite_token: invite.invite_token } });
    const memberId = reg.json().user_id as number;
    const changed = await added(orgA.token, () => expectStatus(inject('PATCH', `/api/v1/orgs/me/users/${memberId}`, orgA.token, { role: 'user' }), 200));
    expect(changed).toMatchObject([{ action: 'member.role_changed', actor: { id: orgA.userId }, target: { type: 'user', id: String(memberId) }, details: { role: 'user' } }]);
    const removed = await added(orgA.token, () => expectStatus(inject('DELETE', `/api/v1/orgs/me/users/${memberId}`, orgA.token), 200));
    expect(removed).toMatchObject([{ action: 'member.removed', target: { id: String(memberId) } }]);
  });

  it('a refused action writes nothing (the entry shares its transaction)', async () => {
    const none = await added(orgA.token, () => expectStatus(inject('DELETE', '/api/v1/orgs/me/apikeys/999999', orgA.token), 404));
    expect(none).toEqual([]);
    const notOpened = await added(orgA.token, () => expectStatus(inject('GET', '/api/v1/chats/999999', orgA.token), 404));
    expect(notOpened).toEqual([]);
  });

  it('if the entry cannot be written, the action does not happen', async () => {
    const key = await createApiKey(t.app, orgA.token);
    const chatId = (await postChat(t.app, key.key, fullChat())).json().chat_id as number;
    // The database refuses this action's entry (new rows only: NOT VALID).
    await t.database.pool.query(`ALTER TABLE audit_entries ADD CONSTRAINT audit_test_block CHECK (action <> 'chat.deleted') NOT VALID`);
    try {
      const res = await inject('DELETE', `/api/v1/chats/${chatId}`, orgA.token);
      expectError(res, 500);
      const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM chats WHERE organization_id = $1 AND id = $2', [orgA.organization.id, chatId]);
      expect(rows[0].n).toBe(1);
    } finally {
      await t.database.pool.query('ALTER TABLE audit_entries DROP CONSTRAINT audit_test_block');
    }
  });
});

describe('IP of the entries follows the organization setting', () => {
  it('truncated keeps the /24', async () => {
    await expectStatus(inject('PATCH', '/api/v1/orgs/me/privacy', orgB.token, { ip_mode: 'truncated' }), 200);
    const res = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: orgB.email, password: orgB.password }, remoteAddress: '198.51.100.77' });
    expect(res.statusCode).toBe(200);
    const [latest] = await entries(orgB.token, '&action=auth.login');
    expect(latest.ip).toBe('198.51.100.0');
    await expectStatus(inject('PATCH', '/api/v1/orgs/me/privacy', orgB.token, { ip_mode: 'none' }), 200);
    await t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: orgB.email, password: orgB.password }, remoteAddress: '198.51.100.77' });
    const [none] = await entries(orgB.token, '&action=auth.login');
    expect(none.ip).toBeNull();
    const { rows } = await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_entries WHERE ip LIKE '198.51.100.77%'`);
    expect(rows[0].n).toBe(0);
  });
});

describe('the hash chain', () => {
  it('verifies, through the API and directly', async () => {
    const res = await inject('GET', '/api/v1/audit/verify', orgA.token);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().entries).toBeGreaterThan(10);
  });

  for (const [what, update] of [
    ['an edited action', `UPDATE audit_entries SET action = 'auth.logout' WHERE organization_id = $1 AND seq = 3`],
    ['an edited target', `UPDATE audit_entries SET target_id = '1' WHERE organization_id = $1 AND seq = 3`],
    ['an edited actor', `UPDATE audit_entries SET actor_label = 'someone@else' WHERE organization_id = $1 AND seq = 3`],
    ['an edited time', `UPDATE audit_entries SET created_at = created_at - interval '1 day' WHERE organization_id = $1 AND seq = 3`],
    ['a removed entry', `DELETE FROM audit_entries WHERE organization_id = $1 AND seq = 3`],
    ['a removed last entry', `DELETE FROM audit_entries WHERE organization_id = $1 AND seq = (SELECT max(seq) FROM audit_entries WHERE organization_id = $1)`],
  ] as const) {
    it(`fails on ${what}`, async () => {
      const client = await t.database.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL chatlogger.audit_maintenance = 'on'`);
        const changed = await client.query(update, [orgA.organization.id]);
        expect(changed.rowCount).toBe(1);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      const report = await verifyChain(t.app.deps.db, orgA.organization.id);
      expect(report.ok).toBe(false);
      expect(report.reason).toMatch(/changed|missing|removed|follow/);
      // Restore a good chain for the next case: a fresh organization's log.
      orgA = await signUp(t.app);
      await inject('PATCH', '/api/v1/orgs/me', orgA.token, { name: 'one' });
      await inject('PATCH', '/api/v1/orgs/me', orgA.token, { name: 'two' });
      await inject('PATCH', '/api/v1/orgs/me', orgA.token, { name: 'three' });
      expect((await verifyChain(t.app.deps.db, orgA.organization.id)).ok).toBe(true);
    });
  }

  it('the database refuses updates and deletes of entries', async () => {
    // (No bind parameters: PGlite's node-postgres adapter loses the connection after an error in an extended-protocol query.)
    const org = Number(orgA.organization.id);
    await expect(t.database.pool.query(`UPDATE audit_entries SET action = 'x' WHERE organization_id = ${org}`)).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query(`DELETE FROM audit_entries WHERE organization_id = ${org}`)).rejects.toThrow(/append-only/);
    expect((await verifyChain(t.app.deps.db, org)).ok).toBe(true);
  });

  it('concurrent actions get contiguous seq numbers and a valid chain', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => inject('PATCH', '/api/v1/orgs/me', orgA.token, { name: `n${i}` })));
    const report = await verifyChain(t.app.deps.db, orgA.organization.id);
    expect(report).toMatchObject({ ok: true });
    expect(report.entries).toBeGreaterThanOrEqual(24);
  });

  it('concurrent entries written on their own (failed sign-ins, under the login limit) are all kept, in one valid chain', async () => {
    const before = (await entries(orgA.token))[0].seq;
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => t.app.inject({ method: 'POST', url: '/auth/login', payload: { email: orgA.email, password: 'wrong password!' } })),
    );
    expect(attempts.map((r) => r.statusCode)).toEqual(Array(5).fill(401));
    const failed = (await entries(orgA.token)).filter((e) => e.seq > before);
    expect(failed.map((e) => e.action)).toEqual(Array(5).fill('auth.login_failed'));
    expect((await verifyChain(t.app.deps.db, orgA.organization.id)).ok).toBe(true);
  });
});

describe('API: filters, paging, CSV, access', () => {
  it('filters by action prefix and actor; pages with a cursor without gaps or repeats', async () => {
    const all = await entries(orgA.token);
    const pageSeqs: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res = await inject('GET', `/api/v1/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`, orgA.token);
      pageSeqs.push(...res.json().entries.map((e: Entry) => e.seq));
      cursor = res.json().next_cursor;
    }
    expect(pageSeqs).toEqual(all.map((e) => e.seq));
    const settings = await entries(orgA.token, '&action=settings.');
    expect(settings.length).toBeGreaterThan(0);
    expect(settings.every((e) => e.action.startsWith('settings.'))).toBe(true);
    expect((await entries(orgA.token, `&actor_id=${orgA.userId}`)).length).toBe(all.filter((e) => e.actor.id === orgA.userId).length);
  });

  it('CSV has a header and a row per entry', async () => {
    const res = await inject('GET', '/api/v1/audit/export?action=settings.', orgA.token);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toMatch(/^seq,created_at,actor_type/);
    expect(lines.length - 1).toBe((await entries(orgA.token, '&action=settings.')).length);
  });

  it('bad filters are 400 naming the field', async () => {
    expect(expectError(await inject('GET', '/api/v1/audit?limit=0', orgA.token), 400).error).toMatch(/limit/);
    expect(expectError(await inject('GET', '/api/v1/audit?since=yesterday', orgA.token), 400).error).toMatch(/since/);
    expect(expectError(await inject('GET', '/api/v1/audit?cursor=abc', orgA.token), 400).error).toMatch(/cursor/);
  });

  it('is for admins only, and never shows another organization', async () => {
    const key = await createApiKey(t.app, orgB.token);
    expectError(await t.app.inject({ url: '/api/v1/audit', headers: apiKeyHeaders(key.key) }), 403);
    const b = await entries(orgB.token);
    expect(b.length).toBeGreaterThan(0);
    expect(b.every((e) => e.actor.id !== orgA.userId)).toBe(true);
    const own = (await entries(orgA.token)).map((e) => e.seq);
    expect(own).not.toEqual(b.map((e) => e.seq).slice(0, own.length));
  });
});
