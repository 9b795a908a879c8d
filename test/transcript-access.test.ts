// Four-eyes access to transcripts in works-council mode (issue 13): an admin requests access to
// one chat with a reason, a second admin approves, the requester reads until the grant expires.
// Self-approval, viewers, users and other organizations are refused; every step is audited; with
// the mode on, titles, search, exports and webhook payloads carry no transcript text.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, NO_RATE_LIMITS, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { expectError } from './helpers/errors.js';
import { startReceiver, type Receiver } from './helpers/webhook-receiver.js';
import { addMember, type Member } from './support/members.js';

let t: TestContext;
let admin: SignedUp; // the requester
let second: Member; // the second admin, who approves
let user: Member;
let viewer: Member;
let other: SignedUp; // another organization
let key: string;
let chatId: number;
let receiver: Receiver;

const TITLE = 'Payroll question about my divorce';
const TEXT = 'My ex-husband should not see my new address';

const api = (method: string, url: string, token: string, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as object }) });
const setMode = async (on: boolean) => expect((await api('PATCH', '/api/v1/orgs/me/privacy', admin.token, { works_council: on })).statusCode).toBe(200);
const request = (body: unknown, token = admin.token) => api('POST', '/api/v1/transcript-access-requests', token, body);
const decide = (id: number, verb: 'approve' | 'deny', token = second.token) => api('POST', `/api/v1/transcript-access-requests/${id}/${verb}`, token);
const messages = (token = admin.token, id = chatId) => api('GET', `/api/v1/chats/${id}/messages`, token);
type Entry = { action: string; actor: { id: number }; target: { id: string }; details: Record<string, unknown> };
const auditActions = async (prefix: string) =>
  ((await api('GET', `/api/v1/audit?action=${encodeURIComponent(prefix)}&limit=200`, admin.token)).json().entries as Entry[]).map((e) => ({
    ...e,
    actor_id: e.actor.id,
    target_id: e.target.id,
  }));

async function newChat(): Promise<number> {
  const res = await postChat(t.app, key, { title: TITLE, user_id: 42 });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().chat_id as number;
  const m = await t.app.inject({ method: 'POST', url: `/api/v1/chats/${id}/messages`, headers: apiKeyHeaders(key), payload: { role: 'user', content: TEXT } });
  expect(m.statusCode, m.body).toBe(201);
  return id;
}

async function approvedRequest(durationMinutes?: number) {
  const res = await request({ chat_id: chatId, reason: 'Formal complaint 2026-17: the employee asked us to check the answer', ...(durationMinutes ? { duration_minutes: durationMinutes } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  const approved = await decide(res.json().id, 'approve');
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as { id: number; expires_at: string; status: string };
}

// Moves a grant's expiry into the past (instead of waiting for it).
const expire = (id: number) =>
  t.database.pool.query("UPDATE transcript_access_requests SET expires_at = now() - interval '1 second' WHERE id = $1", [id]);

beforeAll(async () => {
  t = await createTestApp({ rateLimit: NO_RATE_LIMITS, webhooks: { allowPrivate: true, runWorker: false } });
  admin = await signUp(t.app);
  second = await addMember(t.app, admin.token, 'admin');
  user = await addMember(t.app, admin.token, 'user');
  viewer = await addMember(t.app, admin.token, 'viewer');
  other = await signUp(t.app);
  key = (await createApiKey(t.app, admin.token)).key;
  chatId = await newChat();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});
beforeEach(async () => {
  await setMode(true);
  await t.database.pool.query('DELETE FROM transcript_access_requests');
});

describe('mode off', () => {
  it('reads transcripts and titles as before, and a request is 409 works_council_off', async () => {
    await setMode(false);
    const res = await messages(viewer.token);
    expect(res.statusCode).toBe(200);
    expect(res.json().messages[0].content).toBe(TEXT);
    const chat = (await api('GET', `/api/v1/chats/${chatId}`, viewer.token)).json();
    expect(chat.title).toBe(TITLE);
    expect(chat).not.toHaveProperty('title_hidden_reason');
    expect(expectError(await request({ chat_id: chatId, reason: 'x' }), 409).code).toBe('works_council_off');
  });
});

describe('the four-eyes flow', () => {
  it('without a grant nobody reads: messages and include_messages are 403, titles are null with a reason', async () => {
    for (const who of [admin, second, user, viewer]) {
      expect(expectError(await messages(who.token), 403).code).toBe('transcript_access_required');
      expect(expectError(await api('GET', `/api/v1/chats/${chatId}?include_messages=true`, who.token), 403).code).toBe('transcript_access_required');
      const chat = (await api('GET', `/api/v1/chats/${chatId}`, who.token)).json();
      expect(chat.title).toBeNull();
      expect(chat.title_hidden_reason).toMatch(/works_council/);
      const list = (await api('GET', '/api/v1/chats', who.token)).json();
      expect(list.chats.find((c: { id: number }) => c.id === chatId).title).toBeNull();
    }
  });

  it('request → approval by another admin → the requester reads until expiry; every step audited', async () => {
    const created = await request({ chat_id: chatId, reason: '  Complaint 17: check what the bot answered  ', duration_minutes: 30 });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({ chat_id: chatId, requested_by: admin.userId, reason: 'Complaint 17: check what the bot answered', duration_minutes: 30, status: 'pending', decided_by: null, expires_at: null });
    // Pending: still closed.
    expect((await messages()).statusCode).toBe(403);
    const pending = (await api('GET', '/api/v1/transcript-access-requests?status=pending', second.token)).json();
    expect(pending.requests.map((x: { id: number }) => x.id)).toEqual([r.id]);

    const approved = await decide(r.id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    const a = approved.json();
    expect(a).toMatchObject({ status: 'approved', decided_by: second.userId });
    const minutes = (Date.parse(a.expires_at) - Date.parse(a.decided_at)) / 60_000;
    expect(minutes).toBe(30);

    // The requester reads, title included; the approver does not (the grant is the requester's).
    const read = await messages();
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().messages[0].content).toBe(TEXT);
    const detail = (await api('GET', `/api/v1/chats/${chatId}?include_messages=true`, admin.token)).json();
    expect(detail.title).toBe(TITLE);
    expect(detail.messages[0].content).toBe(TEXT);
    // Even under a grant the end user is only a pseudonym.
    expect(detail.user_id).toMatch(/^p_[0-9a-f]{16}$/);
    expect((await api('GET', '/api/v1/chats', admin.token)).json().chats.find((c: { id: number }) => c.id === chatId).title).toBe(TITLE);
    expect((await messages(second.token)).statusCode).toBe(403);

    // Expiry: moved into the past in the database; closed again, listed as expired.
    await expire(r.id);
    expect(expectError(await messages(), 403).code).toBe('transcript_access_required');
    expect((await api('GET', `/api/v1/chats/${chatId}`, admin.token)).json().title).toBeNull();
    expect((await api('GET', `/api/v1/transcript-access-requests/${r.id}`, admin.token)).json().status).toBe('expired');
    const expired = (await api('GET', '/api/v1/transcript-access-requests?status=expired', admin.token)).json();
    expect(expired.requests.map((x: { id: number }) => x.id)).toEqual([r.id]);
    expect((await api('GET', '/api/v1/transcript-access-requests?status=approved', admin.token)).json().requests).toEqual([]);

    const entries = await auditActions('transcript_access.');
    const requested = entries.find((e) => e.action === 'transcript_access.requested' && e.details.request_id === r.id)!;
    expect(requested).toMatchObject({ actor_id: admin.userId, target_id: String(chatId) });
    expect(requested.details.reason).toBe('Complaint 17: check what the bot answered');
    expect(entries.find((e) => e.action === 'transcript_access.approved' && e.details.request_id === r.id)).toMatchObject({ actor_id: second.userId });
    const reads = (await auditActions('transcript.read')).filter((e) => e.details.request_id === r.id);
    expect(reads).toHaveLength(2); // the messages page and the chat with its messages
    expect(reads.every((e) => e.actor_id === admin.userId && e.target_id === String(chatId))).toBe(true);
  });

  it('a denied request opens nothing and is audited', async () => {
    const r = (await request({ chat_id: chatId, reason: 'curious' })).json();
    const denied = await decide(r.id, 'deny');
    expect(denied.statusCode).toBe(200);
    expect(denied.json()).toMatchObject({ status: 'denied', decided_by: second.userId, expires_at: null });
    expect((await messages()).statusCode).toBe(403);
    expect((await auditActions('transcript_access.denied')).some((e) => e.details.request_id === r.id && e.actor_id === second.userId)).toBe(true);
    // Decided once: approving afterwards is 409.
    expect(expectError(await decide(r.id, 'approve'), 409).code).toBe('conflict');
  });

  it('the requester can never approve or deny their own request, and the attempt is audited', async () => {
    const r = (await request({ chat_id: chatId, reason: 'mine' })).json();
    for (const verb of ['approve', 'deny'] as const) expectError(await decide(r.id, verb, admin.token), 403);
    expect((await api('GET', `/api/v1/transcript-access-requests/${r.id}`, admin.token)).json().status).toBe('pending');
    expect((await messages()).statusCode).toBe(403);
    const refusals = (await auditActions('transcript_access.')).filter((e) => e.details.request_id === r.id && e.action.includes('refused'));
    expect(refusals.map((e) => [e.action, e.actor_id, e.target_id, e.details.status])).toEqual([
      ['transcript_access.self_denial_refused', admin.userId, String(chatId), 'pending'],
      ['transcript_access.self_approval_refused', admin.userId, String(chatId), 'pending'],
    ]);
    // No other entry for it: nothing was decided.
    expect((await auditActions('transcript_access.approved')).some((e) => e.details.request_id === r.id)).toBe(false);
  });

  it(`a request not decided within ${72} hours lapses: shown as expired, approving or denying it is 409 request_expired`, async () => {
    const r = (await request({ chat_id: chatId, reason: 'forgotten' })).json();
    expect(Date.parse(r.pending_until) - Date.parse(r.created_at)).toBe(72 * 3_600_000);
    // Just inside the 72 hours it is still pending; just past them it has lapsed.
    await t.database.pool.query("UPDATE transcript_access_requests SET created_at = now() - interval '71 hours 59 minutes' WHERE id = $1", [r.id]);
    expect((await api('GET', `/api/v1/transcript-access-requests/${r.id}`, admin.token)).json().status).toBe('pending');
    await t.database.pool.query("UPDATE transcript_access_requests SET created_at = now() - interval '72 hours 1 minute' WHERE id = $1", [r.id]);
    const lapsed = (await api('GET', `/api/v1/transcript-access-requests/${r.id}`, admin.token)).json();
    expect(lapsed).toMatchObject({ status: 'expired', pending_until: null, expires_at: null, decided_by: null });
    const list = (status: string) => api('GET', `/api/v1/transcript-access-requests?status=${status}`, second.token).then((x) => x.json().requests.map((q: { id: number }) => q.id));
    expect(await list('expired')).toEqual([r.id]);
    expect(await list('pending')).toEqual([]);
    for (const verb of ['approve', 'deny'] as const) {
      const refused = expectError(await decide(r.id, verb), 409);
      expect(refused.code).toBe('request_expired');
      expect(refused.error).toMatch(/more than 72 hours ago/);
    }
    expect(expectError(await api('POST', `/api/v1/transcript-access-requests/${r.id}/withdraw`, admin.token), 409).code).toBe('request_expired');
    // Nothing changed, nothing opened, nothing audited as decided.
    expect((await t.database.pool.query('SELECT status, decided_by FROM transcript_access_requests WHERE id = $1', [r.id])).rows[0]).toEqual({ status: 'pending', decided_by: null });
    expect((await messages()).statusCode).toBe(403);
    expect((await auditActions('transcript_access.')).some((e) => e.details.request_id === r.id && e.action !== 'transcript_access.requested')).toBe(false);
  });

  it('the requester can withdraw their own pending request (audited); it can then not be approved', async () => {
    const r = (await request({ chat_id: chatId, reason: 'asked by mistake' })).json();
    const withdraw = (id: number, token = admin.token) => api('POST', `/api/v1/transcript-access-requests/${id}/withdraw`, token);
    // Another admin cannot withdraw it (they deny instead); another organization does not see it.
    expect(expectError(await withdraw(r.id, second.token), 403).error).toMatch(/deny it instead/);
    expect(expectError(await withdraw(r.id, other.token), 404).code).toBe('not_found');
    const res = await withdraw(r.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: r.id, status: 'withdrawn', decided_by: null, expires_at: null, pending_until: null });
    expect(res.json().decided_at).not.toBeNull();
    expect(expectError(await decide(r.id, 'approve'), 409).error).toMatch(/already withdrawn/);
    expect(expectError(await withdraw(r.id), 409).error).toMatch(/already withdrawn/);
    expect((await messages()).statusCode).toBe(403);
    const list = (status: string) => api('GET', `/api/v1/transcript-access-requests?status=${status}`, second.token).then((x) => x.json().requests.map((q: { id: number }) => q.id));
    expect(await list('withdrawn')).toEqual([r.id]);
    expect(await list('denied')).toEqual([]);
    expect(await list('pending')).toEqual([]);
    const entries = (await auditActions('transcript_access.withdrawn')).filter((e) => e.details.request_id === r.id);
    expect(entries.map((e) => [e.actor_id, e.target_id])).toEqual([[admin.userId, String(chatId)]]);
    // A decided request cannot be withdrawn either.
    const a = await approvedRequest();
    expect(expectError(await withdraw(a.id), 409).error).toMatch(/already approved/);
  });

  it('the answer of PATCH hides the title too (dashboard and bot), unless the caller holds a grant', async () => {
    const byUser = await api('PATCH', `/api/v1/chats/${chatId}`, user.token, { add_tags: ['checked'] });
    expect(byUser.statusCode, byUser.body).toBe(200);
    expect(byUser.json()).toMatchObject({ title: null, tags: ['checked'] });
    expect(byUser.json().title_hidden_reason).toMatch(/works_council/);
    const byBot = await t.app.inject({ method: 'PATCH', url: `/api/v1/chats/${chatId}`, headers: apiKeyHeaders(key), payload: { remove_tags: ['checked'] } });
    expect(byBot.json().title).toBeNull();
    await approvedRequest();
    const byGrantHolder = await api('PATCH', `/api/v1/chats/${chatId}`, admin.token, { add_tags: ['x'] });
    expect(byGrantHolder.json().title).toBe(TITLE);
    expect(byGrantHolder.json()).not.toHaveProperty('title_hidden_reason');
    await api('PATCH', `/api/v1/chats/${chatId}`, admin.token, { tags: [] });
  });

  it('lists requests newest first, a page at a time, filtered by chat', async () => {
    const ids: number[] = [];
    for (const reason of ['one', 'two', 'three']) ids.push((await request({ chat_id: chatId, reason })).json().id);
    const first = (await api('GET', '/api/v1/transcript-access-requests?limit=2', second.token)).json();
    expect(first.requests.map((r: { id: number }) => r.id)).toEqual([ids[2], ids[1]]);
    const next = (await api('GET', `/api/v1/transcript-access-requests?limit=2&cursor=${first.next_cursor}`, second.token)).json();
    expect(next.requests.map((r: { id: number }) => r.id)).toEqual([ids[0]]);
    expect(next.next_cursor).toBeNull();
    expect((await api('GET', `/api/v1/transcript-access-requests?chat_id=${chatId + 1000}`, second.token)).json().requests).toEqual([]);
  });

  it('a grant holder demoted from admin reads no more', async () => {
    await approvedRequest();
    expect((await messages()).statusCode).toBe(200);
    const demote = (role: string) => api('PATCH', `/api/v1/orgs/me/users/${admin.userId}`, second.token, { role });
    expect((await demote('user')).statusCode).toBe(200);
    try {
      expect(expectError(await messages(), 403).code).toBe('transcript_access_required');
    } finally {
      expect((await demote('admin')).statusCode).toBe(200);
    }
    expect((await messages()).statusCode).toBe(200);
  });

  it('the default duration is 60 minutes', async () => {
    const a = await approvedRequest();
    expect((Date.parse(a.expires_at) - Date.now()) / 60_000).toBeGreaterThan(59);
    expect((Date.parse(a.expires_at) - Date.now()) / 60_000).toBeLessThanOrEqual(60);
  });

  it('viewers and users cannot request, list or decide', async () => {
    const r = (await request({ chat_id: chatId, reason: 'x' })).json();
    for (const who of [user, viewer]) {
      expectError(await request({ chat_id: chatId, reason: 'x' }, who.token), 403);
      expectError(await api('GET', '/api/v1/transcript-access-requests', who.token), 403);
      expectError(await decide(r.id, 'approve', who.token), 403);
      const refused = expectError(await messages(who.token), 403);
      expect(refused.error).toMatch(/only by an admin/);
    }
  });

  it('a single-admin organization cannot read transcripts in the mode, and is told so', async () => {
    await api('PATCH', '/api/v1/orgs/me/privacy', other.token, { works_council: true });
    const otherKey = (await createApiKey(t.app, other.token)).key;
    const id = (await postChat(t.app, otherKey, { title: 'alone' })).json().chat_id;
    const refused = expectError(await request({ chat_id: id, reason: 'x' }, other.token), 409);
    expect(refused.code).toBe('no_second_admin');
    expect(refused.error).toMatch(/single admin cannot read transcripts/);
  });
});

describe('tenancy', () => {
  it("another organization's requests and chats are 404", async () => {
    const r = (await request({ chat_id: chatId, reason: 'x' })).json();
    await api('PATCH', '/api/v1/orgs/me/privacy', other.token, { works_council: true });
    expectError(await api('GET', `/api/v1/transcript-access-requests/${r.id}`, other.token), 404);
    for (const verb of ['approve', 'deny'] as const) expectError(await decide(r.id, verb, other.token), 404);
    expect((await api('GET', '/api/v1/transcript-access-requests', other.token)).json().requests).toEqual([]);
    // A request for this organization's chat from the other one: 404 (its single admin is checked after the chat).
    expectError(await request({ chat_id: chatId, reason: 'x' }, other.token), 404);
    expectError(await messages(other.token), 404);
    expect((await api('GET', `/api/v1/transcript-access-requests/${r.id}`, admin.token)).json().status).toBe('pending');
  });
});

describe('bad input', () => {
  it('is 400 naming the field, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ reason: 'x' }, 'chat_id'],
      [{ chat_id: '1', reason: 'x' }, 'chat_id'],
      [{ chat_id: 0, reason: 'x' }, 'chat_id'],
      [{ chat_id: 1.5, reason: 'x' }, 'chat_id'],
      [{ chat_id: chatId }, 'reason'],
      [{ chat_id: chatId, reason: '' }, 'reason'],
      [{ chat_id: chatId, reason: '   ' }, 'reason'],
      [{ chat_id: chatId, reason: 'x'.repeat(1001) }, 'reason'],
      [{ chat_id: chatId, reason: 5 }, 'reason'],
      [{ chat_id: chatId, reason: 'x', duration_minutes: 0 }, 'duration_minutes'],
      [{ chat_id: chatId, reason: 'x', duration_minutes: 1441 }, 'duration_minutes'],
      [{ chat_id: chatId, reason: 'x', duration_minutes: 2.5 }, 'duration_minutes'],
      [{ chat_id: chatId, reason: 'x', duration_minutes: '60' }, 'duration_minutes'],
      [{ chat_id: chatId, reason: 'x', scope: 'all' }, 'scope'],
    ];
    for (const [body, field] of cases) {
      const err = expectError(await request(body), 400);
      expect(err.field, JSON.stringify(body)).toBe(field);
    }
    for (const [query, field] of [['status=open', 'status'], ['chat_id=abc', 'chat_id'], ['limit=0', 'limit'], ['limit=101', 'limit'], ['cursor=nope', 'cursor']]) {
      expect(expectError(await api('GET', `/api/v1/transcript-access-requests?${query}`, admin.token), 400).field, query).toBe(field);
    }
    expectError(await api('GET', '/api/v1/transcript-access-requests/abc', admin.token), 400);
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM transcript_access_requests')).rows[0].n).toBe(0);
  });
});

describe('no transcript text elsewhere in the mode', () => {
  it('refuses q (chats and exports), naming the field', async () => {
    expect(expectError(await api('GET', '/api/v1/chats?q=address', admin.token), 403)).toMatchObject({ code: 'works_council_search_disabled', field: 'q' });
    const exp = expectError(await api('POST', '/api/v1/exports/sync', admin.token, { format: 'ndjson', type: 'all', filters: { q: 'address' } }), 403);
    expect(exp.field).toBe('filters.q');
    expectError(await api('POST', '/api/v1/exports', admin.token, { format: 'ndjson', type: 'all', filters: { q: 'address' } }), 403);
  });

  it('exports leave out titles and message text, even for a grant holder', async () => {
    await approvedRequest();
    for (const format of ['ndjson', 'csv', 'json']) {
      const res = await api('POST', '/api/v1/exports/sync', admin.token, { format, type: 'all' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(TITLE);
      expect(res.body).not.toContain(TEXT);
    }
    await setMode(false);
    expect((await api('POST', '/api/v1/exports/sync', admin.token, { format: 'ndjson', type: 'all' })).body).toContain(TEXT);
  });

  it('an export job (the worker writes the file) leaves them out too', async () => {
    const waitForExport = async (id: number) => {
      // Polls the job until the app's export worker has finished it.
      for (;;) {
        const job = (await api('GET', `/api/v1/exports/${id}`, admin.token)).json();
        if (job.status === 'completed' || job.status === 'failed') return job;
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const created = await api('POST', '/api/v1/exports', admin.token, { format: 'json', type: 'all' });
    expect(created.statusCode, created.body).toBe(202);
    expect((await waitForExport(created.json().export_id)).status).toBe('completed');
    const file = await api('GET', `/api/v1/exports/${created.json().export_id}/download`, admin.token);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain(String(chatId));
    expect(file.body).not.toContain(TITLE);
    expect(file.body).not.toContain(TEXT);
  });

  it('webhook payloads carry no content even with include_content', async () => {
    receiver.respond({ status: 200, body: 'ok' });
    receiver.received.length = 0;
    const endpoint = await api('POST', '/api/v1/webhooks', admin.token, { url: receiver.url, events: ['chat.created'], include_content: true });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    await newChat();
    await t.app.webhookWorker.drain();
    expect(receiver.received.length).toBeGreaterThan(0);
    for (const r of receiver.received) {
      expect(r.body).not.toContain(TITLE);
      expect(r.body).not.toContain(TEXT);
      expect(JSON.parse(r.body).data).not.toHaveProperty('messages');
    }
    await api('DELETE', `/api/v1/webhooks/${endpoint.json().id}`, admin.token);
  });
});
