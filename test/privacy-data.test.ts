// Its tests build on each other and run in order (Vitest runs a file's tests one after another): the
// erasure tests run a dry run, then the erasure, then check what it left and its receipt. Run the file
// whole: one test alone (-t) fails.
// What erasure and retention leave behind, on a realistic organization (test/helpers/analytics-data):
// after an erasure, no chat or message row of the user in a full dump of the database, none of
// their message strings anywhere in it or in the export folder, the receipt signed and checkable,
// the analytics equal to the oracle over the remaining chats and the rollups exact; purging content
// changes no analytics figure; a legal hold stops both.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptSignatureValid } from '../src/privacy/receipt.js';
import { apiKeyHeaders, bearer, createApiKey, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { DAY, NOW, seedAnalytics, storedRows } from './helpers/analytics-data.js';
import { expectClose, reference } from './helpers/analytics-oracle.js';
import { expectError } from './helpers/errors.js';
import { dumpDatabase, expectRollupsExact, exportFolderText, tableRows } from './helpers/privacy.js';

let t: TestContext;
let org: SignedUp;
let key: string;

beforeAll(async () => {
  ({ t, org } = await seedAnalytics());
  key = (await createApiKey(t.app, org.token)).key;
}, 240_000);
afterAll(() => t?.close());

const METRICS = 'chats,end_users,messages,escalation_rate,hr_forwarding_rate,avg_response_time,p50_response_time,p90_response_time,avg_rating,rated_chats,csat,total_tokens,avg_tokens';
const RANGE = { from: new Date(NOW - 90 * DAY).toISOString().slice(0, 10), to: new Date(NOW + 2 * DAY).toISOString().slice(0, 10), tz: 'UTC' };

async function get(url: string, token = org.token) {
  const res = await t.app.inject({ url, headers: bearer(token) });
  expect(res.statusCode, `${url} → ${res.body}`).toBe(200);
  return res.json();
}

/** Every analytics answer the dashboard shows, for the whole range. */
async function analytics() {
  const q = new URLSearchParams({ ...RANGE, metrics: METRICS });
  return {
    summary: await get(`/api/v1/analytics/summary?${new URLSearchParams(RANGE)}`),
    days: await get(`/api/v1/analytics/timeseries?${q}&interval=day`),
    categories: await get(`/api/v1/analytics/breakdown?${q}&by=question_category`),
    tags: await get(`/api/v1/analytics/breakdown?${q}&by=tag`),
    sentiment: await get(`/api/v1/analytics/breakdown?${q}&by=sentiment`),
    messages: await get(`/api/v1/analytics/messages?${new URLSearchParams({ start: `${RANGE.from}T00:00:00Z`, end: `${RANGE.to}T00:00:00Z` })}`),
  };
}

/**
 * The answers with every fraction to 12 significant digits: a float sum (avg_response_time's)
 * depends on the order of its terms, and that order changes when the background fold moves pending
 * rows into the rollups between two reads.
 */
const toPrecision = (answers: unknown) =>
  JSON.parse(JSON.stringify(answers), (_key, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v));

async function expectSummaryIsOracle() {
  const { rows, messageCounts } = await storedRows(t, org.organization.id);
  const from = new Date(`${RANGE.from}T00:00:00Z`).getTime();
  const to = new Date(`${RANGE.to}T00:00:00Z`).getTime();
  const want = reference(rows.filter((r) => r.created_at.getTime() >= from && r.created_at.getTime() < to), messageCounts);
  const body = await get(`/api/v1/analytics/summary?${new URLSearchParams(RANGE)}`);
  const got = Object.fromEntries(Object.entries(body.metrics as Record<string, { value: number | null }>).map(([k, m]) => [k, m.value]));
  expect(Object.keys(got).length).toBe(METRICS.split(',').length);
  expectClose(got, want, 'summary over the remaining chats');
}

async function patchPrivacy(body: object, token = org.token) {
  return t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: bearer(token), payload: body });
}

const ERASED_USER = 987_654_321;
const secret = () => `erase-me ${crypto.randomBytes(6).toString('hex')} my sick leave`;

describe('erasure of an end user', () => {
  const strings: string[] = [];
  let otherOrg: SignedUp;
  let otherChat: number;

  beforeAll(async () => {
    // The user's chats: message strings of their own, an Idempotency-Key answer, a batch, an export that holds them.
    for (let i = 0; i < 3; i++) {
      const title = secret();
      strings.push(title);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: { ...apiKeyHeaders(key), 'idempotency-key': `erase-${i}` }, payload: { title, user_id: ERASED_USER, created_at: new Date(NOW - i * DAY).toISOString(), metadata: { session_id: `sess-erase-${i}`, ip_address: '192.0.2.44', user_rating: 2 } } });
      expect(res.statusCode, res.body).toBe(201);
      for (let m = 0; m < 2; m++) {
        const content = secret();
        strings.push(content);
        const msg = await t.app.inject({ method: 'POST', url: `/api/v1/chats/${res.json().chat_id}/messages`, headers: apiKeyHeaders(key), payload: { role: 'user', content } });
        expect(msg.statusCode, msg.body).toBe(201);
      }
      await get(`/api/v1/chats/${res.json().chat_id}?include_messages=true`); // audited: transcript.opened
    }
    const batchTitle = secret();
    strings.push(batchTitle);
    const batch = await t.app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: { ...apiKeyHeaders(key), 'idempotency-key': 'erase-batch' }, payload: { chats: [{ title: batchTitle, user_id: ERASED_USER }, { title: 'someone else', user_id: 5 }] } });
    expect(batch.statusCode, batch.body).toBe(207);
    const exp = await t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: bearer(org.token), payload: { format: 'ndjson', type: 'all' } });
    expect(exp.statusCode, exp.body).toBe(202);
    for (let i = 0; ; i++) {
      const job = await get(`/api/v1/exports/${exp.json().export_id}`);
      if (job.status === 'completed') break;
      expect(job.status).not.toBe('failed');
      if (i > 400) throw new Error('export did not complete');
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(exportFolderText(t.dataDir)).toContain(strings[0]);
    // The same user_id in another organization is another person.
    otherOrg = await signUp(t.app);
    const otherKey = (await createApiKey(t.app, otherOrg.token)).key;
    otherChat = (await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: apiKeyHeaders(otherKey), payload: { title: 'other org', user_id: ERASED_USER } })).json().chat_id;
  }, 120_000);

  let receipt: { receipt: Record<string, any>; signature: string; id: number };

  it('a dry run counts and erases nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/erasure-requests', headers: bearer(org.token), payload: { user_id: ERASED_USER, dry_run: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().receipt.counts).toEqual({ chats: 4, messages: 6, idempotency_answers: 4, export_files: 1, audit_entries_pseudonymized: 3 });
    expect(res.json().status).toBe('dry_run');
    expect(exportFolderText(t.dataDir)).toContain(strings[0]);
  });

  it('under a legal hold the erasure is refused (409) and nothing changes', async () => {
    expect((await patchPrivacy({ legal_hold: true })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/erasure-requests', headers: bearer(org.token), payload: { user_id: ERASED_USER } });
    expect(expectError(res, 409).code).toBe('legal_hold');
    expect((await patchPrivacy({ legal_hold: false })).statusCode).toBe(200);
  });

  it('erases, with a signed receipt whose counts are those of the dry run', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/erasure-requests', headers: bearer(org.token), payload: { user_id: ERASED_USER } });
    expect(res.statusCode, res.body).toBe(201);
    receipt = res.json();
    expect(receipt.receipt.counts).toEqual({ chats: 4, messages: 6, idempotency_answers: 4, export_files: 1, audit_entries_pseudonymized: 3 });
    expect(receipt.receipt.requested_by).toEqual({ user_id: org.userId, email: org.email });
    expect(receiptSignatureValid(t.app.deps.apiKeyHmacKey, receipt.receipt, receipt.signature)).toBe(true);
    expect(receiptSignatureValid(t.app.deps.apiKeyHmacKey, { ...receipt.receipt, counts: { ...receipt.receipt.counts, chats: 3 } }, receipt.signature)).toBe(false);
    expect(JSON.stringify(receipt)).not.toContain(String(ERASED_USER));
    expect(await get(`/api/v1/erasure-requests/${receipt.id}`)).toEqual(receipt);
  });

  it('leaves no chat or message row of the user, and none of their strings, in a full dump and the export folder', async () => {
    const dump = await dumpDatabase(t);
    expect(tableRows(dump, 'chats').length).toBeGreaterThan(300);
    expect(tableRows(dump, 'messages').length).toBeGreaterThan(100);
    const ownRows = [...tableRows(dump, 'chats'), ...tableRows(dump, 'messages')].filter((r) => r.includes(String(ERASED_USER)));
    // Only the other organization's chat (another person) carries that number.
    expect(ownRows.length).toBe(1);
    expect(ownRows[0]).toContain('other org');
    for (const s of strings) {
      expect(dump).not.toContain(s);
      expect(exportFolderText(t.dataDir)).not.toContain(s);
    }
    expect(dump).not.toContain('sess-erase-');
    expect((await get(`/api/v1/chats/${otherChat}`, otherOrg.token)).user_id).toBe(ERASED_USER);
  });

  it('leaves the analytics equal to the oracle over the remaining chats, and the rollups exact', async () => {
    await expectSummaryIsOracle();
    await expectRollupsExact(t, org.organization.id);
  });

  it('keeps the audit chain valid, with the erasure in it', async () => {
    const report = await get('/api/v1/audit/verify');
    expect(report).toMatchObject({ ok: true, pseudonymized: 3 });
    const entries = (await get('/api/v1/audit?action=erasure.')).entries;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['erasure.completed', 'erasure.dry_run']);
  });

  it('is idempotent: again, and for an unknown user, a receipt with zero counts', async () => {
    for (const body of [{ user_id: ERASED_USER }, { user_id: 123_456_789_012 }, { session_id: 'never-seen' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/erasure-requests', headers: bearer(org.token), payload: body });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().receipt.counts).toEqual({ chats: 0, messages: 0, idempotency_answers: 0, export_files: 0, audit_entries_pseudonymized: 0 });
    }
  });

  it('by session_id erases only that session', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: apiKeyHeaders(key), payload: { title: 'by session', metadata: { session_id: 'sess-only' } } });
    const id = res.json().chat_id;
    const erased = await t.app.inject({ method: 'POST', url: '/api/v1/erasure-requests', headers: bearer(org.token), payload: { session_id: 'sess-only' } });
    expect(erased.json().receipt.counts.chats).toBe(1);
    expectError(await t.app.inject({ url: `/api/v1/chats/${id}`, headers: bearer(org.token) }), 404);
  });

  it("another organization's erasure request is 404; bad bodies are 400 naming the field", async () => {
    expectError(await t.app.inject({ url: `/api/v1/erasure-requests/${receipt.id}`, headers: bearer(otherOrg.token) }), 404);
    expect((await get('/api/v1/erasure-requests', otherOrg.token)).requests).toEqual([]);
    for (const [payload, field] of [[{}, 'user_id'], [{ user_id: -1 }, 'user_id'], [{ user_id: '5' }, 'user_id'], [{ user_id: 1, session_id: 'x' }, 'user_id'], [{ user_id: 1, extra: 1 }, 'extra'], [{ session_id: '' }, 'session_id'], [{ user_id: 1, dry_run: 'yes' }, 'dry_run']] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/erasure-requests', headers: bearer(org.token), payload });
      expect(expectError(res, 400).error, JSON.stringify(payload)).toContain(field);
    }
    const viewer = await t.app.inject({ method: 'POST', url: '/api/v1/erasure-requests', headers: apiKeyHeaders(key), payload: { user_id: 1 } });
    expectError(viewer, 403);
  });
});

describe('retention', () => {
  it('a change that would delete data answers its dry run first, then needs confirm', async () => {
    const dry = await patchPrivacy({ content_retention_days: 30, metadata_retention_days: 30, dry_run: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().would_delete.chats_content).toBeGreaterThan(50);
    expect((await get('/api/v1/orgs/me/privacy')).content_retention_days).toBeNull();
    const unconfirmed = await patchPrivacy({ content_retention_days: 30, metadata_retention_days: 30 });
    const body = expectError(unconfirmed, 409);
    expect(body.code).toBe('confirmation_required');
    expect(body.error).toContain(`${dry.json().would_delete.chats_content} chats with their text removed`);
  });

  it('purging content and metadata changes no analytics figure, and the rollups stay exact', async () => {
    const before = await analytics();
    const { rows: old } = await t.database.pool.query(
      `SELECT id FROM chats WHERE organization_id = $1 AND created_at < now() - interval '30 days' ORDER BY id LIMIT 1`, [org.organization.id]);
    const { rows: recent } = await t.database.pool.query(
      `SELECT id, title FROM chats WHERE organization_id = $1 AND created_at > now() - interval '20 days' AND title IS NOT NULL ORDER BY id LIMIT 1`, [org.organization.id]);
    expect((await patchPrivacy({ content_retention_days: 30, metadata_retention_days: 30, confirm: true })).statusCode).toBe(200);
    const run = await t.app.retention.runOnce();
    const report = run.organizations.find((o) => o.organization_id === org.organization.id)!;
    expect(report.chats_content_purged).toBeGreaterThan(50);
    expect(report.chats_metadata_purged).toBe(report.chats_content_purged);
    expect(toPrecision(await analytics())).toEqual(toPrecision(before));
    await expectSummaryIsOracle();
    await expectRollupsExact(t, org.organization.id);
    // The explorer says why the text is gone; a recent chat keeps its own.
    const purged = await get(`/api/v1/chats/${old[0].id}?include_messages=true`);
    expect(purged.title).toBeNull();
    expect(purged.content_purged_at).toEqual(expect.any(String));
    expect(purged.messages.every((m: { content: string }) => m.content === '')).toBe(true);
    const kept = await get(`/api/v1/chats/${recent[0].id}`);
    expect(kept.title).toBe(recent[0].title);
    expect(kept.content_purged_at).toBeNull();
    const { rows } = await t.database.pool.query(
      `SELECT count(*)::int AS n FROM messages m JOIN chats c ON c.organization_id = m.organization_id AND c.id = m.chat_id
       WHERE c.organization_id = $1 AND c.created_at < now() - interval '30 days' AND m.content <> ''`, [org.organization.id]);
    expect(rows[0].n).toBe(0);
    // A second run finds nothing left to do.
    const again = (await t.app.retention.runOnce()).organizations.find((o) => o.organization_id === org.organization.id)!;
    expect(again.chats_content_purged).toBe(0);
    expect((await get('/api/v1/audit?action=retention.applied')).entries).toHaveLength(1);
  });

  it('deleting whole chats takes them out of the analytics like a DELETE; a legal hold suspends it', async () => {
    expect((await patchPrivacy({ legal_hold: true, chat_retention_days: 60 })).statusCode).toBe(200);
    const held = (await t.app.retention.runOnce()).organizations.find((o) => o.organization_id === org.organization.id);
    expect(held).toBeUndefined();
    const { rows: before } = await t.database.pool.query(`SELECT count(*)::int AS n FROM chats WHERE organization_id = $1 AND created_at < now() - interval '60 days'`, [org.organization.id]);
    expect(before[0].n).toBeGreaterThan(0);
    expect((await patchPrivacy({ legal_hold: false, confirm: true })).statusCode).toBe(200);
    const report = (await t.app.retention.runOnce()).organizations.find((o) => o.organization_id === org.organization.id)!;
    expect(report.chats_deleted).toBe(before[0].n);
    await expectSummaryIsOracle();
    await expectRollupsExact(t, org.organization.id);
  });
});
