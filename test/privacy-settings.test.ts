// Privacy settings: validation, access, tenancy, the audit entry with before and after, and the IP
// mode applied wherever a chat is written (single, batch, PATCH) so that what is not kept is never
// written: not in the chats table, not in an idempotency answer, nowhere in a full dump.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { expectError } from './helpers/errors.js';
import { dumpDatabase } from './helpers/privacy.js';

let t: TestContext;
let org: SignedUp;
let other: SignedUp;
let key: string;

beforeAll(async () => {
  t = await createTestApp();
  org = await signUp(t.app);
  other = await signUp(t.app);
  key = (await createApiKey(t.app, org.token)).key;
});
afterAll(() => t?.close());

const patch = (payload: unknown, token = org.token) =>
  t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: bearer(token), payload: payload as object });
const read = async (token = org.token) => (await t.app.inject({ url: '/api/v1/orgs/me/privacy', headers: bearer(token) })).json();

async function storedIp(chatId: number): Promise<string | null> {
  const { rows } = await t.database.pool.query('SELECT ip_address FROM chats WHERE organization_id = $1 AND id = $2', [org.organization.id, chatId]);
  return rows[0].ip_address;
}

const postChat = async (ip: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: { ...apiKeyHeaders(key), ...headers }, payload: { title: 'ip', metadata: { ip_address: ip } } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().chat_id as number;
};

describe('settings', () => {
  it('default: full IPs, keep everything, no legal hold', async () => {
    expect(await read()).toEqual({
      ip_mode: 'full', content_retention_days: null, metadata_retention_days: null, chat_retention_days: null,
      audit_retention_days: null, legal_hold: false,
      redaction: { email: 'keep', phone: 'keep', iban: 'keep', payment_card: 'keep', national_id: 'keep', ip_address: 'keep' },
      works_council: false, works_council_k: 5, updated_at: null,
    });
  });

  it('bad values are 400 naming the field, and change nothing', async () => {
    const cases: [unknown, string][] = [
      [{ ip_mode: 'partial' }, 'ip_mode'],
      [{ content_retention_days: -1 }, 'content_retention_days'],
      [{ content_retention_days: 0 }, 'content_retention_days'],
      [{ metadata_retention_days: 1.5 }, 'metadata_retention_days'],
      [{ chat_retention_days: '30' }, 'chat_retention_days'],
      [{ chat_retention_days: 36_501 }, 'chat_retention_days'],
      [{ audit_retention_days: -5 }, 'audit_retention_days'],
      [{ legal_hold: 'yes' }, 'legal_hold'],
      [{ retention: 5 }, 'retention'],
      [{ dry_run: 1 }, 'dry_run'],
      [{ redaction: 'mask' }, 'redaction'],
      [{ redaction: { email: 'hide' } }, 'redaction.email'],
      [{ redaction: { email: true } }, 'redaction.email'],
      [{ redaction: { postcode: 'mask' } }, 'postcode'],
      [{ works_council: 'on' }, 'works_council'],
      [{ works_council_k: 1 }, 'works_council_k'],
      [{ works_council_k: 101 }, 'works_council_k'],
      [{ works_council_k: 4.5 }, 'works_council_k'],
      [{ works_council_k: '5' }, 'works_council_k'],
    ];
    for (const [payload, field] of cases) {
      const body = expectError(await patch(payload), 400);
      expect(body.error, JSON.stringify(payload)).toContain(field);
    }
    expect(expectError(await patch({ ip_mode: 'partial' }), 400).error).toBe('ip_mode must be one of: full, truncated, none');
    expect(expectError(await patch({ redaction: { email: 'hide' } }), 400).error).toBe('redaction.email must be one of: keep, mask, pseudonymize');
    expectError(await t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: { ...bearer(org.token), 'content-type': 'application/json' }, payload: '{"ip_mode":' }), 400);
    expect((await read()).updated_at).toBeNull();
  });

  it('only admins read or change them; an API key cannot', async () => {
    expectError(await t.app.inject({ url: '/api/v1/orgs/me/privacy', headers: apiKeyHeaders(key) }), 403);
    expectError(await t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: apiKeyHeaders(key), payload: { ip_mode: 'none' } }), 403);
    expectError(await t.app.inject({ url: '/api/v1/orgs/me/privacy' }), 401);
  });

  it("a change is audited with before and after, and never touches another organization's settings", async () => {
    const res = await patch({ audit_retention_days: 400, content_retention_days: 90 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toMatchObject({ audit_retention_days: 400, content_retention_days: 90, ip_mode: 'full' });
    const [entry] = (await t.app.inject({ url: '/api/v1/audit?action=settings.privacy_updated', headers: bearer(org.token) })).json().entries;
    expect(entry.details.before).toMatchObject({ audit_retention_days: null, content_retention_days: null });
    expect(entry.details.after).toMatchObject({ audit_retention_days: 400, content_retention_days: 90 });
    expect(entry.actor).toMatchObject({ type: 'user', id: org.userId });
    expect((await read(other.token)).content_retention_days).toBeNull();
    // null turns a retention off again
    expect((await patch({ content_retention_days: null })).json().settings.content_retention_days).toBeNull();
  });

  it('redaction changes only the types sent; works-council mode and k are audited', async () => {
    const first = await patch({ redaction: { email: 'mask', iban: 'pseudonymize' } });
    expect(first.statusCode, first.body).toBe(200);
    const second = await patch({ redaction: { phone: 'mask', email: 'keep' }, works_council: true, works_council_k: 7 });
    expect(second.statusCode, second.body).toBe(200);
    expect(await read()).toMatchObject({
      redaction: { email: 'keep', phone: 'mask', iban: 'pseudonymize', payment_card: 'keep', national_id: 'keep', ip_address: 'keep' },
      works_council: true,
      works_council_k: 7,
    });
    const [entry] = (await t.app.inject({ url: '/api/v1/audit?action=settings.privacy_updated', headers: bearer(org.token) })).json().entries;
    expect(entry.details.before).toMatchObject({ works_council: false, works_council_k: 5, redaction: { email: 'mask', phone: 'keep' } });
    expect(entry.details.after).toMatchObject({ works_council: true, works_council_k: 7, redaction: { email: 'keep', phone: 'mask' } });
    expect((await read(other.token)).works_council).toBe(false);
    await patch({ works_council: false, works_council_k: 5, redaction: { phone: 'keep', iban: 'keep' } });
  });

  it('the answer lists every entity type that redaction knows', async () => {
    const { ENTITY_TYPES } = await import('../src/redaction/entities.js');
    expect(Object.keys((await read()).redaction).sort()).toEqual([...ENTITY_TYPES].sort());
  });
});

describe('IP handling at ingest', () => {
  it('full keeps the address as sent', async () => {
    expect(await storedIp(await postChat('203.0.113.77'))).toBe('203.0.113.77');
  });

  it('truncated keeps the IPv4 /24 and the IPv6 /48, on every write path', async () => {
    // A stricter mode with stored IPs needs confirming: the job will rewrite them.
    expect(expectError(await patch({ ip_mode: 'truncated' }), 409).code).toBe('confirmation_required');
    expect((await patch({ ip_mode: 'truncated', dry_run: true })).json().would_delete.ip_addresses).toBe(1);
    expect((await patch({ ip_mode: 'truncated', confirm: true })).statusCode).toBe(200);
    expect(await storedIp(await postChat('198.51.100.123'))).toBe('198.51.100.0');
    expect(await storedIp(await postChat('2001:db8:abcd:12:1:2:3:4'))).toBe('2001:db8:abcd::');
    const batch = await t.app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: apiKeyHeaders(key), payload: { chats: [{ metadata: { ip_address: '192.0.2.201' } }] } });
    expect(await storedIp(batch.json().results[0].chat_id)).toBe('192.0.2.0');
    const id = await postChat('10.1.2.3');
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/chats/${id}`, headers: apiKeyHeaders(key), payload: { metadata: { ip_address: '172.16.5.99' } } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().metadata.ip_address).toBe('172.16.5.0');
    expect(await storedIp(id)).toBe('172.16.5.0');
  });

  it('the retention job applies a stricter mode to stored chats', async () => {
    const report = (await t.app.retention.runOnce()).organizations.find((o) => o.organization_id === org.organization.id)!;
    expect(report.ip_addresses_rewritten).toBe(1); // 203.0.113.77, stored under "full"
    const { rows } = await t.database.pool.query(`SELECT count(*)::int AS n FROM chats WHERE ip_address = '203.0.113.77'`);
    expect(rows[0].n).toBe(0);
  });

  it('none stores no IP at all: not in the table, the idempotency answer, or anywhere in a full dump', async () => {
    expect((await patch({ ip_mode: 'none', confirm: true })).statusCode).toBe(200);
    const id = await postChat('192.0.2.99', { 'idempotency-key': 'ip-none' });
    expect(await storedIp(id)).toBeNull();
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: { ...apiKeyHeaders(key), 'idempotency-key': 'ip-none' }, payload: { title: 'ip', metadata: { ip_address: '192.0.2.99' } } });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await t.app.retention.runOnce();
    const dump = await dumpDatabase(t);
    for (const ip of ['192.0.2.99', '203.0.113.77', '198.51.100.123', '198.51.100.0', '2001:db8:abcd', '172.16.5']) expect(dump, ip).not.toContain(ip);
    // The other organization's setting is its own.
    const otherKey = (await createApiKey(t.app, other.token)).key;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: apiKeyHeaders(otherKey), payload: { metadata: { ip_address: '192.0.2.50' } } });
    const { rows } = await t.database.pool.query('SELECT ip_address FROM chats WHERE id = $1', [res.json().chat_id]);
    expect(rows[0].ip_address).toBe('192.0.2.50');
  });
});
