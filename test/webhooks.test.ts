// Webhooks end to end through the real app and a real HTTP receiver in this process: signatures
// (checked with the standardwebhooks package), payloads, retries after 500s and time-outs,
// redirects, redelivery, secret rotation, disabling after a day of failures, address safety,
// validation and tenancy. The worker is driven by hand (drain) on an injected clock.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, fullChat, NO_RATE_LIMITS, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { claimEvents } from '../src/webhooks/queue.js';
import { startReceiver, type Received, type Receiver } from './helpers/webhook-receiver.js';
import { addMember } from './support/members.js';

let t: TestContext;
let org: SignedUp;
let other: SignedUp;
let key: string;
let receiver: Receiver;
// The worker's clock: the real time plus an offset the tests move forward.
let offset = 0;
const HOUR = 3600_000;

beforeAll(async () => {
  t = await createTestApp({
    rateLimit: NO_RATE_LIMITS,
    webhooks: { allowPrivate: true, runWorker: false, worker: { now: () => new Date(Date.now() + offset), random: () => 0.5, timeoutMs: 500 } },
  });
  org = await signUp(t.app);
  other = await signUp(t.app);
  key = (await createApiKey(t.app, org.token)).key;
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});
beforeEach(async () => {
  receiver.respond({ status: 200, body: 'ok' });
  receiver.received.length = 0;
  // Each test starts with no endpoint (and so an empty queue).
  await t.database.pool.query('DELETE FROM webhook_endpoints');
});

const drain = () => t.app.webhookWorker.drain();
const api = (method: string, url: string, payload?: unknown, who: SignedUp = org) =>
  t.app.inject({ method: method as 'GET', url, headers: bearer(who.token), ...(payload === undefined ? {} : { payload: payload as object }) });

async function createEndpoint(body: Record<string, unknown> = {}, who: SignedUp = org) {
  const res = await api('POST', '/api/v1/webhooks', { url: receiver.url, events: ['chat.created'], ...body }, who);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; secret: string };
}

const events = async (endpointId: number) =>
  (await t.database.pool.query('SELECT * FROM webhook_events WHERE endpoint_id = $1 ORDER BY id', [endpointId])).rows;
const deliveries = async (endpointId: number) => (await api('GET', `/api/v1/webhooks/${endpointId}/deliveries`)).json().deliveries;

function verifiesWith(secret: string, r: Received): boolean {
  try {
    return !!new Webhook(secret).verify(r.body, r.headers as Record<string, string>);
  } catch {
    return false;
  }
}

async function newChat(body: unknown = fullChat()): Promise<number> {
  const res = await postChat(t.app, key, body);
  expect(res.statusCode).toBe(201);
  return res.json().chat_id;
}

describe('signed deliveries', () => {
  it('sends chat.created signed per Standard Webhooks; standardwebhooks verifies it, and a wrong secret does not', async () => {
    const endpoint = await createEndpoint();
    expect(endpoint.secret).toMatch(/^whsec_/);
    const chatId = await newChat();
    expect(await drain()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0];
    expect(headers['webhook-id']).toMatch(/^msg_\d+$/);
    const verified = new Webhook(endpoint.secret).verify(body, headers as Record<string, string>) as any;
    expect(verified.type).toBe('chat.created');
    expect(verified.data.chat.id).toBe(chatId);
    expect(verified.data.chat.metadata.is_forwarded_to_hr).toBe(true);
    const stranger = (await createEndpoint()).secret;
    expect(() => new Webhook(stranger).verify(body, headers as Record<string, string>)).toThrow();
    expect(() => new Webhook(endpoint.secret).verify(body.replace('"chat.created"', '"chat.updated"'), headers as Record<string, string>)).toThrow();
    const [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ event_type: 'chat.created', event_status: 'delivered', attempt: 1, response_status: 200, response_body: 'ok', success: true, error: null });
    expect(delivery.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('carries no IP address, title, transcript link or messages unless the endpoint asks for content', async () => {
    const plain = await createEndpoint();
    const content = await createEndpoint({ include_content: true });
    const chatId = await newChat();
    await t.app.inject({ method: 'POST', url: `/api/v1/chats/${chatId}/messages`, headers: apiKeyHeaders(key), payload: { role: 'user', content: 'My manager said no' } });
    await drain();
    const plainBody = receiver.received.find((r) => verifiesWith(plain.secret, r))!;
    expect(plainBody.body).not.toContain('203.0.113.7');
    expect(plainBody.body).not.toContain('parental leave');
    expect(plainBody.body).not.toContain('transcripts/123');
    expect(plainBody.body).not.toContain('My manager');
    const contentBody = receiver.received.find((r) => verifiesWith(content.secret, r))!;
    const data = JSON.parse(contentBody.body).data;
    expect(data.chat.title).toBe('Where do I request parental leave?');
    expect(data.chat.metadata.transcript_link).toBe('https://bot.example.com/transcripts/123');
    expect(data.messages.map((m: any) => m.content)).toEqual(['My manager said no']);
    expect(contentBody.body).not.toContain('203.0.113.7');
  });

  it('fires escalated, forwarded_to_hr and rated_low on a new chat, and on the update that makes them true; chat.updated on a change only', async () => {
    const endpoint = await createEndpoint({ events: ['chat.escalated', 'chat.forwarded_to_hr', 'chat.rated_low', 'chat.updated'] });
    const quiet = await newChat({ metadata: { is_escalated: false, user_rating: 4 } });
    const loud = await newChat({ metadata: { is_escalated: true, is_forwarded_to_hr: true, user_rating: 1 } });
    expect((await events(endpoint.id)).map((e) => [e.type, Number(e.subject_id)])).toEqual([
      ['chat.escalated', loud],
      ['chat.forwarded_to_hr', loud],
      ['chat.rated_low', loud],
    ]);
    await t.database.pool.query('DELETE FROM webhook_events');
    // A message (which updates the chat's message count) is no change to the chat.
    await t.app.inject({ method: 'POST', url: `/api/v1/chats/${quiet}/messages`, headers: apiKeyHeaders(key), payload: { role: 'user', content: 'hi' } });
    expect(await events(endpoint.id)).toEqual([]);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/chats/${quiet}`, headers: apiKeyHeaders(key), payload: { metadata: { is_escalated: true, user_rating: 2 } } });
    expect(patched.statusCode).toBe(200);
    expect((await events(endpoint.id)).map((e) => e.type).sort()).toEqual(['chat.escalated', 'chat.rated_low', 'chat.updated']);
    await t.database.pool.query('DELETE FROM webhook_events');
    // Already escalated: only chat.updated.
    await t.app.inject({ method: 'PATCH', url: `/api/v1/chats/${quiet}`, headers: apiKeyHeaders(key), payload: { metadata: { is_escalated: true, sentiment: 'negative' } } });
    expect((await events(endpoint.id)).map((e) => e.type)).toEqual(['chat.updated']);
  });

  it('sends export.completed when an export finishes', async () => {
    const endpoint = await createEndpoint({ events: ['export.completed'] });
    await newChat();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: bearer(org.token), payload: { format: 'csv', type: 'chats' } });
    expect(res.statusCode, res.body).toBe(202);
    // The app's export worker runs the job; wait until it is done.
    for (let i = 0; (await api('GET', `/api/v1/exports/${res.json().export_id}`)).json().status !== 'completed'; i++) {
      if (i > 200) throw new Error('export not completed after 20 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    await drain();
    const body = JSON.parse(receiver.received.at(-1)!.body);
    expect(body).toMatchObject({ type: 'export.completed', data: { export: { id: res.json().export_id, status: 'completed', row_count: expect.any(Number) } } });
    expect((await events(endpoint.id))).toHaveLength(1);
  });

  it('queues nothing for other organizations or for events the endpoint did not subscribe to', async () => {
    const endpoint = await createEndpoint({ events: ['chat.escalated'] });
    await newChat({ metadata: { is_escalated: false } });
    const otherKey = (await createApiKey(t.app, other.token)).key;
    await postChat(t.app, otherKey, { metadata: { is_escalated: true } });
    expect(await events(endpoint.id)).toEqual([]);
  });
});

describe('fairness and bounds', () => {
  it("takes every endpoint's oldest due events in turn: one organization's backlog does not hold back another's event", async () => {
    const busy = await createEndpoint();
    const chats = Array.from({ length: 30 }, () => fullChat());
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/chats/batch', headers: apiKeyHeaders(key), payload: { chats } })).statusCode).toBe(207);
    const quiet = await createEndpoint({}, other);
    const otherKey = (await createApiKey(t.app, other.token)).key;
    expect((await postChat(t.app, otherKey, fullChat())).statusCode).toBe(201);
    // The other organization's one event is newer than all 30, and yet is in the first small claim.
    const claimed = await claimEvents(t.app.deps.db, new Date(Date.now() + offset), 60_000, 4);
    expect(claimed.map((e) => e.endpointId).sort()).toEqual([busy.id, busy.id, busy.id, quiet.id].sort());
    expect(claimed.filter((e) => e.endpointId === busy.id).map((e) => e.id)).toEqual((await events(busy.id)).slice(0, 3).map((e) => Number(e.id)));
  });

  it('an organization has at most 20 endpoints: the 21st is 409 and stores nothing', async () => {
    for (let i = 0; i < 20; i++) await createEndpoint({ description: `e${i}` });
    const refused = await api('POST', '/api/v1/webhooks', { url: receiver.url, events: ['chat.created'] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('An organization can have at most 20 webhook endpoints; delete one first');
    expect((await api('GET', '/api/v1/webhooks')).json().endpoints).toHaveLength(20);
  });
});

describe('retries, time-outs, redirects, redelivery', () => {
  it('retries after a 500 with backoff, then delivers; each attempt is in the log', async () => {
    const endpoint = await createEndpoint();
    receiver.respond((n) => (n === 1 ? { status: 500, body: 'down' } : { status: 204 }));
    await newChat();
    await drain();
    let [event] = await events(endpoint.id);
    expect(event.status).toBe('pending');
    // random() = 0.5: the first retry comes 5 s later, not before.
    expect(await drain()).toBe(0);
    offset += 4_000;
    expect(await drain()).toBe(0);
    offset += 2_000;
    expect(await drain()).toBe(1);
    [event] = await events(endpoint.id);
    expect(event.status).toBe('delivered');
    const log = await deliveries(endpoint.id);
    expect(log.map((d: any) => [d.attempt, d.response_status, d.success])).toEqual([
      [2, 204, true],
      [1, 500, false],
    ]);
    expect(log[1]).toMatchObject({ error: 'The receiver answered 500', response_body: 'down' });
    // Same event, same webhook-id on both attempts.
    expect(receiver.received[0].headers['webhook-id']).toBe(receiver.received[1].headers['webhook-id']);
  });

  it('cuts a receiver that does not answer in time, and retries', async () => {
    const endpoint = await createEndpoint();
    receiver.respond((n) => (n === 1 ? 'hang' : { status: 200 }));
    await newChat();
    await drain();
    const [first] = await deliveries(endpoint.id);
    expect(first).toMatchObject({ success: false, response_status: null, error: 'No complete answer within 0.5 s' });
    offset += 10_000;
    await drain();
    expect((await events(endpoint.id))[0].status).toBe('delivered');
  });

  it('does not follow redirects', async () => {
    const endpoint = await createEndpoint();
    receiver.respond({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    await newChat();
    await drain();
    expect(receiver.received).toHaveLength(1);
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ success: false, response_status: 302, error: 'Redirect (302) not followed' });
  });

  it('redelivers one delivery on request, with the same webhook-id', async () => {
    const endpoint = await createEndpoint();
    await newChat();
    await drain();
    const [delivery] = await deliveries(endpoint.id);
    const res = await api('POST', `/api/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`);
    expect(res.statusCode, res.body).toBe(202);
    expect(await drain()).toBe(1);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].headers['webhook-id']).toBe(receiver.received[0].headers['webhook-id']);
    expect((await deliveries(endpoint.id)).map((d: any) => d.attempt)).toEqual([2, 1]);
    expect((await api('POST', `/api/v1/webhooks/${endpoint.id}/deliveries/999999/redeliver`)).statusCode).toBe(404);
  });

  it('gives up on an event after about a day of failed attempts (about 11 attempts)', async () => {
    const endpoint = await createEndpoint();
    receiver.respond({ status: 503 });
    const start = offset;
    await newChat();
    for (let i = 0; i < 30 && (await events(endpoint.id))[0].status === 'pending'; i++) {
      await drain();
      const [event] = await events(endpoint.id);
      if (event.status === 'pending') offset = new Date(event.next_attempt_at).getTime() - Date.now() + 1000;
    }
    const [event] = await events(endpoint.id);
    expect(event.status).toBe('failed');
    expect(event.attempts).toBeGreaterThanOrEqual(9);
    expect(event.attempts).toBeLessThanOrEqual(12);
    expect(offset - start).toBeLessThan(24 * HOUR);
  });
});

describe('a sending test event, secret rotation, disabling', () => {
  it('sends a test event on request', async () => {
    const endpoint = await createEndpoint();
    const res = await api('POST', `/api/v1/webhooks/${endpoint.id}/test`);
    expect(res.statusCode, res.body).toBe(202);
    await drain();
    const verified = new Webhook(endpoint.secret).verify(receiver.received[0].body, receiver.received[0].headers as Record<string, string>) as any;
    expect(verified).toMatchObject({ type: 'webhook.test', data: { message: expect.stringContaining('test event') } });
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ event_type: 'webhook.test', success: true });
  });

  it('signs with both secrets during a rotation overlap, and with the new one only after', async () => {
    const endpoint = await createEndpoint();
    const rotated = await api('POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`, { overlap_seconds: 3600 });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret } = rotated.json();
    expect(secret).not.toBe(endpoint.secret);
    await api('POST', `/api/v1/webhooks/${endpoint.id}/test`);
    await drain();
    const first = receiver.received[0];
    expect((first.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(new Webhook(secret).verify(first.body, first.headers as Record<string, string>)).toBeTruthy();
    expect(new Webhook(endpoint.secret).verify(first.body, first.headers as Record<string, string>)).toBeTruthy();
    await api('POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`, { overlap_seconds: 0 });
    const newest = (await api('POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`, { overlap_seconds: 0 })).json().secret;
    await api('POST', `/api/v1/webhooks/${endpoint.id}/test`);
    await drain();
    const second = receiver.received[1];
    expect((second.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    expect(new Webhook(newest).verify(second.body, second.headers as Record<string, string>)).toBeTruthy();
    expect(() => new Webhook(secret).verify(second.body, second.headers as Record<string, string>)).toThrow();
  });

  it('disables an endpoint after a day of failures, tells the admin, and resumes its queue when re-enabled', async () => {
    const endpoint = await createEndpoint();
    receiver.respond({ status: 500 });
    await newChat();
    await drain();
    expect((await api('GET', `/api/v1/webhooks/${endpoint.id}`)).json()).toMatchObject({ enabled: true, failing_since: expect.any(String) });
    // A day later, another event fails too: the endpoint has failed every attempt for 24 h.
    offset += 24 * HOUR + 60_000;
    await newChat();
    await drain();
    const disabled = (await api('GET', `/api/v1/webhooks/${endpoint.id}`)).json();
    expect(disabled).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining('24 hours'), disabled_at: expect.any(String) });
    const attention = (await api('GET', '/api/v1/attention')).json();
    expect(attention.disabled_webhooks.map((e: any) => e.id)).toEqual([endpoint.id]);
    // Disabled: nothing is queued for it (a receiver gone for a day would pile up a queue) or sent.
    const sent = receiver.received.length;
    await newChat();
    expect(await events(endpoint.id)).toSatisfy((rows: any[]) => rows.every((e) => e.status === 'failed'));
    offset += HOUR;
    expect(await drain()).toBe(0);
    expect(receiver.received).toHaveLength(sent);
    receiver.respond({ status: 200 });
    expect((await api('PATCH', `/api/v1/webhooks/${endpoint.id}`, { enabled: true })).json()).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null });
    await newChat();
    expect(await drain()).toBe(1);
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ success: true });
    expect((await api('GET', '/api/v1/attention')).json().disabled_webhooks).toEqual([]);
  });
});

describe('retention', () => {
  it('deletes delivered and failed events (and their logs) after 30 days, and keeps pending ones', async () => {
    const endpoint = await createEndpoint();
    await newChat();
    await newChat();
    await drain();
    await newChat(); // still pending
    const [first] = await events(endpoint.id);
    await t.database.pool.query("UPDATE webhook_events SET created_at = now() - interval '31 days' WHERE id = $1", [first.id]);
    expect(await t.app.webhookWorker.sweep()).toBe(1);
    expect((await events(endpoint.id)).map((e) => e.status)).toEqual(['delivered', 'pending']);
    expect((await deliveries(endpoint.id)).map((d: any) => d.event_id)).not.toContain(first.id);
  });
});

describe('addresses', () => {
  it('refuses loopback, private and link-local addresses at delivery when they are not allowed (a name that resolves there too)', async () => {
    const strict = await createTestApp({ webhooks: { allowPrivate: false, runWorker: false, worker: { timeoutMs: 500 } } });
    try {
      const admin = await signUp(strict.app);
      for (const url of [receiver.url, 'http://10.0.0.1/x', 'http://169.254.169.254/latest', 'http://[::1]/x', 'http://localhost/x']) {
        const res = await strict.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: bearer(admin.token), payload: { url, events: ['chat.created'] } });
        expect(res.statusCode, url).toBe(400);
        expect(res.json()).toMatchObject({ field: 'url', error: expect.stringMatching(/private, loopback or link-local/) });
      }
      // Saved when it resolved elsewhere; now it resolves to loopback (DNS rebinding): refused at delivery.
      for (const url of [receiver.url, receiver.url.replace('127.0.0.1', 'localhost')]) {
        await strict.database.pool.query(
          `INSERT INTO webhook_endpoints (organization_id, url, events, secret) VALUES ($1, $2, '{webhook.test}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')`,
          [admin.organization.id, url],
        );
      }
      const { rows } = await strict.database.pool.query('SELECT id FROM webhook_endpoints WHERE organization_id = $1', [admin.organization.id]);
      for (const { id } of rows) await strict.app.inject({ method: 'POST', url: `/api/v1/webhooks/${id}/test`, headers: bearer(admin.token) });
      const before = receiver.received.length;
      expect(await strict.app.webhookWorker.drain()).toBe(2);
      expect(receiver.received).toHaveLength(before);
      const { rows: log } = await strict.database.pool.query('SELECT error, success FROM webhook_deliveries ORDER BY id');
      expect(log).toHaveLength(2);
      for (const row of log) expect(row).toMatchObject({ success: false, error: expect.stringMatching(/may not be sent to/) });
    } finally {
      await strict.close();
    }
  });
});

describe('validation, roles and tenancy', () => {
  it('answers 400 naming the field for bad endpoint bodies, and stores nothing', async () => {
    const bad: [unknown, string][] = [
      [{ url: 'ftp://example.com/x', events: ['chat.created'] }, 'url'],
      [{ url: 'not a url', events: ['chat.created'] }, 'url'],
      [{ url: 'https://user:pw@example.com/x', events: ['chat.created'] }, 'url'],
      [{ url: receiver.url, events: [] }, 'events'],
      [{ url: receiver.url, events: ['chat.deleted'] }, 'events'],
      [{ url: receiver.url, events: ['chat.created', 'chat.created'] }, 'events'],
      [{ url: receiver.url }, 'events'],
      [{ url: receiver.url, events: ['chat.created'], include_content: 'yes' }, 'include_content'],
      [{ url: receiver.url, events: ['chat.created'], extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of bad) {
      const res = await api('POST', '/api/v1/webhooks', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().field ?? '', JSON.stringify(payload)).toContain(field);
      expect(typeof res.json().error).toBe('string');
    }
    expect((await api('GET', '/api/v1/webhooks')).json().endpoints).toEqual([]);
    const endpoint = await createEndpoint();
    expect((await api('PATCH', `/api/v1/webhooks/${endpoint.id}`, {})).statusCode).toBe(400);
    expect((await api('POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`, { overlap_seconds: -1 })).statusCode).toBe(400);
    expect((await api('GET', `/api/v1/webhooks/${endpoint.id}/deliveries?limit=0`)).statusCode).toBe(400);
  });

  it('is for admins only: users, viewers and API keys get 403 or 401 and change nothing', async () => {
    const endpoint = await createEndpoint();
    for (const role of ['user', 'viewer'] as const) {
      const member = await addMember(t.app, org.token, role);
      const as = bearer(member.token);
      for (const [method, url] of [
        ['GET', '/api/v1/webhooks'],
        ['POST', '/api/v1/webhooks'],
        ['DELETE', `/api/v1/webhooks/${endpoint.id}`],
        ['POST', `/api/v1/webhooks/${endpoint.id}/rotate-secret`],
      ]) {
        const res = await t.app.inject({ method: method as 'GET', url, headers: as, ...(method === 'POST' ? { payload: { url: receiver.url, events: ['chat.created'] } } : {}) });
        expect(res.statusCode, `${role} ${method} ${url}`).toBe(403);
      }
    }
    const bot = await t.app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: apiKeyHeaders(key) });
    expect([401, 403]).toContain(bot.statusCode);
    expect((await api('GET', '/api/v1/webhooks')).json().endpoints).toHaveLength(1);
  });

  it("never shows or changes another organization's endpoint or deliveries (404)", async () => {
    const endpoint = await createEndpoint();
    await newChat();
    await drain();
    const [delivery] = await deliveries(endpoint.id);
    const id = endpoint.id;
    for (const [method, url, body] of [
      ['GET', `/api/v1/webhooks/${id}`],
      ['PATCH', `/api/v1/webhooks/${id}`, { enabled: false }],
      ['DELETE', `/api/v1/webhooks/${id}`],
      ['POST', `/api/v1/webhooks/${id}/rotate-secret`, {}],
      ['POST', `/api/v1/webhooks/${id}/test`],
      ['GET', `/api/v1/webhooks/${id}/deliveries`],
      ['POST', `/api/v1/webhooks/${id}/deliveries/${delivery.id}/redeliver`],
    ] as [string, string, unknown?][]) {
      const res = await api(method, url, body, other);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await api('GET', '/api/v1/webhooks', undefined, other)).json().endpoints).toEqual([]);
    expect((await api('GET', `/api/v1/webhooks/${id}`)).json()).toMatchObject({ enabled: true, url: receiver.url });
  });
});
