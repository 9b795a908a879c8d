// Its tests build on each other and run in order (Vitest runs a file's tests one after another): the export
// made while the mode is off is listed again once it is on. Run the file whole: one test alone (-t) fails.
// Works-council mode, end users: ids leave the server only as pseudonyms (chat list, detail,
// PATCH answers, exports of every format and type, webhook payloads), stable within an
// organization and different between organizations; the user_id filter takes the pseudonym
// (explorer, analytics, exports) and refuses an integer; with the mode off, ids are shown as sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endUserPseudonym } from '../src/chats/end-users.js';
import { pseudonymKey } from '../src/privacy/repository.js';
import { payloadOf } from '../src/webhooks/payloads.js';
import { bearer, createApiKey, createTestApp, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { expectError } from './helpers/errors.js';
import { addMember, type Member } from './support/members.js';

// Raw ids long enough that their digits cannot turn up by chance in a timestamp or another id.
const ALICE = 730_194_582_611;
const BOB = 730_194_582_622;

let t: TestContext;
let org: SignedUp;
let other: SignedUp;
let viewer: Member;
let key: string;
let otherKey: string;
const aliceChats: number[] = [];
let bobChat: number;
let anonymousChat: number;
let oldExport: number;

const get = (url: string, token = org.token) => t.app.inject({ url, headers: bearer(token) });
const setMode = async (on: boolean, token = org.token) => {
  const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: bearer(token), payload: { works_council: on } });
  expect(res.statusCode, res.body).toBe(200);
};
const create = async (apiKey: string, payload: object) => {
  const res = await postChat(t.app, apiKey, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().chat_id as number;
};
const listed = async (query = '', token = org.token) => {
  const res = await get(`/api/v1/chats?limit=100${query}`, token);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
/** No raw end-user id anywhere in a body. */
const expectNoRawIds = (body: string) => {
  expect(body).not.toContain(String(ALICE));
  expect(body).not.toContain(String(ALICE + 1000));
  expect(body).not.toContain(String(BOB));
};
const PSEUDONYM = /^p_[0-9a-f]{16}$/;

/** Polls GET /api/v1/exports/{id} until the job is completed or failed. */
async function waitForExport(id: number) {
  for (;;) {
    const job = (await get(`/api/v1/exports/${id}`)).json();
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  org = await signUp(t.app);
  other = await signUp(t.app);
  viewer = await addMember(t.app, org.token, 'viewer');
  key = (await createApiKey(t.app, org.token)).key;
  otherKey = (await createApiKey(t.app, other.token)).key;
  for (const title of ['Alice asks about leave', 'Alice asks about pay']) {
    aliceChats.push(await create(key, { title, user_id: ALICE, metadata: { is_escalated: true } }));
  }
  bobChat = await create(key, { title: 'Bob asks about pensions', user_id: BOB });
  anonymousChat = await create(key, { title: 'Someone anonymous' });
  await t.app.inject({ method: 'POST', url: `/api/v1/chats/${aliceChats[0]}/messages`, headers: { 'x-organization-api-key': key }, payload: { role: 'user', content: 'Hello' } });
  await create(otherKey, { title: 'Alice in another organization', user_id: ALICE });
});
afterAll(() => t?.close());

describe('mode off (the default): ids as the bot sent them', () => {
  it('lists, shows and filters by the integer id; GET /orgs/me says the mode is off', async () => {
    const chats = (await listed()).json().chats;
    expect(chats.map((c: { user_id: unknown }) => c.user_id).sort()).toEqual([ALICE, ALICE, BOB, null].sort());
    expect((await listed(`&user_id=${ALICE}`)).json().chats.map((c: { id: number }) => c.id).sort()).toEqual([...aliceChats].sort());
    expect((await get('/api/v1/orgs/me', viewer.token)).json().works_council).toBe(false);
  });

  it('an export filtered by the integer id is made (and listed later, in the mode, with the pseudonym)', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: bearer(org.token), payload: { format: 'json', type: 'chats', filters: { user_id: ALICE } } });
    expect(created.statusCode, created.body).toBe(202);
    const job = await waitForExport(created.json().export_id);
    expect(job.status, job.error).toBe('completed');
    expect(job.filters).toEqual({ user_id: ALICE });
    oldExport = job.id;
  });

  it('a pseudonym in the filter is a 400 that says the mode is off', async () => {
    const body = expectError(await get('/api/v1/chats?user_id=p_0123456789abcdef'), 400);
    expect(body.error).toContain('user_id must be an integer');
    expect(body.error).toContain('works-council mode');
  });
});

describe('mode on', () => {
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    await setMode(true);
    const chats = (await listed()).json().chats as { id: number; user_id: string | null }[];
    alice = chats.find((c) => c.id === aliceChats[0])!.user_id!;
    bob = chats.find((c) => c.id === bobChat)!.user_id!;
  });
  afterAll(() => setMode(false));

  it('every member reads the flag in GET /orgs/me (viewers cannot read the privacy settings)', async () => {
    expect((await get('/api/v1/orgs/me', viewer.token)).json().works_council).toBe(true);
    expectError(await get('/api/v1/orgs/me/privacy', viewer.token), 403);
  });

  it('the list shows pseudonyms: the same for one end user, different for two, null stays null; no raw id', async () => {
    const res = await listed();
    expectNoRawIds(res.body);
    const byId = new Map((res.json().chats as { id: number; user_id: string | null }[]).map((c) => [c.id, c.user_id]));
    expect(alice).toMatch(PSEUDONYM);
    expect(bob).toMatch(PSEUDONYM);
    expect(bob).not.toBe(alice);
    expect(byId.get(aliceChats[1])).toBe(alice);
    expect(byId.get(anonymousChat)).toBeNull();
    // Stable: the same again, and what the key gives (so a restart or another server shows the same).
    expect((await listed()).json().chats.find((c: { id: number }) => c.id === aliceChats[1]).user_id).toBe(alice);
    expect(endUserPseudonym(await pseudonymKey(t.database.db, org.organization.id), ALICE)).toBe(alice);
  });

  it('the same id in another organization has another pseudonym', async () => {
    await setMode(true, other.token);
    try {
      const res = await listed('', other.token);
      expectNoRawIds(res.body);
      const [theirs] = res.json().chats;
      expect(theirs.user_id).toMatch(PSEUDONYM);
      expect(theirs.user_id).not.toBe(alice);
      // And one organization's pseudonym finds nothing in the other.
      expect((await listed(`&user_id=${alice}`, other.token)).json().chats).toEqual([]);
    } finally {
      await setMode(false, other.token);
    }
  });

  it('chat detail and the PATCH answer carry the pseudonym (the transcript itself needs a four-eyes grant)', async () => {
    const res = await get(`/api/v1/chats/${aliceChats[0]}`, viewer.token);
    expect(res.statusCode, res.body).toBe(200);
    expectNoRawIds(res.body);
    expect(res.json().user_id).toBe(alice);
    // With the transcript: refused in the mode without a grant (test/transcript-access.test.ts), and no id in the refusal.
    const withTranscript = await get(`/api/v1/chats/${aliceChats[0]}?include_messages=true`, viewer.token);
    expect(withTranscript.statusCode, withTranscript.body).toBe(403);
    expect(withTranscript.json().code).toBe('transcript_access_required');
    expectNoRawIds(withTranscript.body);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/chats/${bobChat}`, headers: { 'x-organization-api-key': key }, payload: { add_tags: ['pension'] } });
    expect(patched.statusCode, patched.body).toBe(200);
    expectNoRawIds(patched.body);
    expect(patched.json().user_id).toBe(bob);
  });

  it('the user_id filter takes the pseudonym: exactly that end user\'s chats; an unknown one matches nothing', async () => {
    const res = await listed(`&user_id=${alice}&include_total=true`);
    expectNoRawIds(res.body);
    expect(res.json().chats.map((c: { id: number }) => c.id).sort()).toEqual([...aliceChats].sort());
    expect(res.json().total).toBe(2);
    expect((await listed(`&user_id=${bob}`)).json().chats.map((c: { id: number }) => c.id)).toEqual([bobChat]);
    expect((await listed('&user_id=p_0000000000000000')).json().chats).toEqual([]);
    // An end user who first appears after those lookups is found too (the lookup's memory is no
    // excuse to miss someone new).
    const carolChat = await create(key, { title: 'Carol is new', user_id: ALICE + 1000 });
    const carol = (await listed()).json().chats.find((c: { id: number }) => c.id === carolChat).user_id;
    expect((await listed(`&user_id=${carol}`)).json().chats.map((c: { id: number }) => c.id)).toEqual([carolChat]);
    expect((await listed(`&user_id=${alice}`)).json().chats).toHaveLength(2);
  });

  it('an integer in the filter is a 400 that says the mode wants a pseudonym, everywhere the filter is taken', async () => {
    const expectWantsPseudonym = (res: Awaited<ReturnType<typeof get>>, field: string) => {
      const body = expectError(res, 400);
      expect(body.error).toContain(`${field} must be a pseudonym`);
      expect(body.error).toContain('works-council mode');
      expect(body.field).toBe(field);
    };
    expectWantsPseudonym(await get(`/api/v1/chats?user_id=${ALICE}`), 'user_id');
    expectWantsPseudonym(await get(`/api/v1/analytics/summary?user_id=${ALICE}`), 'user_id');
    for (const url of ['/api/v1/exports', '/api/v1/exports/sync']) {
      const res = await t.app.inject({ method: 'POST', url, headers: bearer(org.token), payload: { format: 'json', type: 'chats', filters: { user_id: ALICE } } });
      expectWantsPseudonym(res, 'filters.user_id');
    }
  });

  it('malformed user_id values are 400 naming the field', async () => {
    for (const value of ['p_123', 'P_0123456789ABCDEF', 'alice', '0', '-5', '1.5', `p_${'a'.repeat(17)}`]) {
      const body = expectError(await get(`/api/v1/chats?user_id=${encodeURIComponent(value)}`), 400);
      expect(body.error, value).toContain('user_id');
    }
    // In a JSON body an id is a number: a string must be a pseudonym.
    for (const value of ['42', true, 'p_12']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/exports/sync', headers: bearer(org.token), payload: { format: 'json', type: 'chats', filters: { user_id: value } } });
      expect(expectError(res, 400).error, String(value)).toContain('user_id');
    }
  });

  it('analytics refuse the user_id filter, pseudonym or not: a figure about one person is what the mode forbids', async () => {
    const res = await get(`/api/v1/analytics/summary?user_id=${alice}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'works_council', field: 'user_id' });
    expectNoRawIds(res.body);
  });

  it('exports of every format and type hold pseudonyms and no raw id, synchronous and queued; the filter works there too', async () => {
    for (const format of ['csv', 'json', 'ndjson'] as const) {
      for (const type of ['chats', 'all'] as const) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/exports/sync', headers: bearer(org.token), payload: { format, type } });
        expect(res.statusCode, res.body).toBe(200);
        expectNoRawIds(res.body);
        expect(res.body).toContain(alice);
        expect(res.body).toContain(bob);
      }
    }
    const filtered = await t.app.inject({ method: 'POST', url: '/api/v1/exports/sync', headers: bearer(org.token), payload: { format: 'json', type: 'chats', filters: { user_id: alice } } });
    expect(filtered.json().map((c: { id: number }) => c.id).sort()).toEqual([...aliceChats].sort());

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: bearer(org.token), payload: { format: 'csv', type: 'all', filters: { user_id: bob } } });
    expect(created.statusCode, created.body).toBe(202);
    const id = created.json().export_id;
    const job = await waitForExport(id);
    expect(job.status, job.error).toBe('completed');
    const file = await get(`/api/v1/exports/${id}/download`);
    expectNoRawIds(file.body);
    expect(file.body).toContain(bob);
    expect(file.body).not.toContain(alice);
  });

  it("an export saved with an integer filter before the mode is listed with the pseudonym", async () => {
    const list = await get('/api/v1/exports?limit=100', viewer.token);
    expect(list.statusCode, list.body).toBe(200);
    expectNoRawIds(list.body);
    expect(list.json().exports.find((e: { id: number }) => e.id === oldExport).filters).toEqual({ user_id: alice });
    const one = await get(`/api/v1/exports/${oldExport}`, viewer.token);
    expectNoRawIds(one.body);
    expect(one.json().filters).toEqual({ user_id: alice });
  });

  it('webhook payloads carry the pseudonym', async () => {
    const payload = await payloadOf(t.app.deps, { organizationId: org.organization.id, type: 'chat.created', subjectId: aliceChats[0], data: null, createdAt: new Date() }, true);
    expectNoRawIds(payload);
    expect(JSON.parse(payload).data.chat.user_id).toBe(alice);
  });
});

describe('mode turned off again', () => {
  it('ids are shown and filtered as sent; the webhook payload carries the id', async () => {
    const res = await listed(`&user_id=${BOB}`);
    expect(res.json().chats.map((c: { user_id: unknown }) => c.user_id)).toEqual([BOB]);
    const payload = await payloadOf(t.app.deps, { organizationId: org.organization.id, type: 'chat.created', subjectId: bobChat, data: null, createdAt: new Date() }, false);
    expect(JSON.parse(payload).data.chat.user_id).toBe(BOB);
    const csv = await t.app.inject({ method: 'POST', url: '/api/v1/exports/sync', headers: bearer(org.token), payload: { format: 'csv', type: 'chats' } });
    expect(csv.body).toContain(String(ALICE));
  });
});

describe('GET /api/v1/orgs/me/privacy/summary', () => {
  it("gives every member the organization's own settings, read-only, as the admin reads them", async () => {
    const change = { ip_mode: 'none', legal_hold: true, works_council_k: 9, redaction: { phone: 'mask' } };
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: bearer(org.token), payload: change });
    expect(patched.statusCode, patched.body).toBe(200);
    const asAdmin = (await get('/api/v1/orgs/me/privacy')).json();
    const res = await get('/api/v1/orgs/me/privacy/summary', viewer.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(asAdmin);
    expect(res.json()).toMatchObject({ ip_mode: 'none', legal_hold: true, works_council_k: 9, redaction: { phone: 'mask', email: 'keep' } });
    // Another organization reads its own (the defaults), never this one's.
    expect((await get('/api/v1/orgs/me/privacy/summary', other.token)).json()).toMatchObject({ ip_mode: 'full', legal_hold: false, works_council_k: 5 });
    // Read-only: there is no PATCH on it.
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy/summary', headers: bearer(org.token), payload: { legal_hold: false } })).statusCode).toBe(404);
    expectError(await t.app.inject({ url: '/api/v1/orgs/me/privacy/summary' }), 401);
  });
});
