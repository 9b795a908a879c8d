// Validation of the Create Chat body (POST /api/v1/chats and POST /api/v1/orgs/{slug}/chats):
// every field is optional, null means "not sent", what is sent is checked strictly, a 400 names
// the field, and a rejected request stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyHeaders,
  bearer,
  countChats,
  createApiKey,
  createTestApp,
  postChat,
  signUp,
  type SignedUp,
  type TestContext,
} from './helpers/app.js';

let t: TestContext;
let admin: SignedUp;
let key: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app);
  key = (await createApiKey(t.app, admin.token)).key;
});
afterAll(() => t.close());

const METADATA_FIELDS = [
  'avg_response_time',
  'bot_version',
  'country_code',
  'ip_address',
  'is_escalated',
  'is_forwarded_to_hr',
  'language_code',
  'question_category',
  'sentiment',
  'session_id',
  'token_count',
  'transcript_link',
  'user_rating',
] as const;

const ALL_NULL_METADATA = Object.fromEntries(METADATA_FIELDS.map((f) => [f, null]));

const chars = (n: number, c = 'a') => c.repeat(n);
/** An absolute https URL of exactly `length` characters. */
const urlOfLength = (length: number) => {
  const prefix = 'https://example.com/';
  return prefix + chars(length - prefix.length);
};

const chatCount = () => countChats(t.database, admin.organization.id);
const slugUrl = () => `/api/v1/orgs/${admin.organization.slug}/chats`;

/** Asserts the contract's error model: a JSON object whose every value is a string. */
function expectStringBody(body: unknown) {
  expect(body).toBeTypeOf('object');
  expect(body).not.toBeNull();
  expect(Array.isArray(body)).toBe(false);
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    expect(v, `error body value of ${k}`).toBeTypeOf('string');
  }
}

/**
 * Posts `payload` with the API key and asserts a 400 naming `field` (in `error` and as `field`),
 * a body of strings, and that nothing was stored. Returns the error body.
 */
async function expectRejected(payload: unknown, field: string, url = '/api/v1/chats') {
  const before = await chatCount();
  const res = await t.app.inject({ method: 'POST', url, headers: apiKeyHeaders(key), payload: payload as object });
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json();
  expectStringBody(body);
  expect(body.error).toContain(field);
  expect(body.field).toBe(field);
  expect(typeof body.code).toBe('string');
  expect(await chatCount()).toBe(before);
  return body as { error: string; code: string; field: string };
}

/** Sends a raw request body and asserts the status, a body of strings, and that nothing was stored. */
async function expectRawRejected(payload: string, contentType: string, status: number) {
  const before = await chatCount();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/chats',
    headers: { ...apiKeyHeaders(key), 'content-type': contentType },
    payload,
  });
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expectStringBody(body);
  expect(typeof body.error).toBe('string');
  expect(await chatCount()).toBe(before);
  return body as { error: string; code: string; field?: string };
}

/** Posts `payload`, expects 201, and returns the chat as GET /api/v1/chats/{id} shows it. */
async function createAndRead(payload: unknown) {
  const res = await postChat(t.app, key, payload);
  expect(res.statusCode, res.body).toBe(201);
  const got = await t.app.inject({ url: `/api/v1/chats/${res.json().chat_id}`, headers: bearer(admin.token) });
  expect(got.statusCode, got.body).toBe(200);
  return got.json();
}

describe('POST /api/v1/chats: a field not sent, or sent as null, reads back as null', () => {
  it('accepts {} and reads it back with every field null, tags [] and all 13 metadata keys', async () => {
    const chat = await createAndRead({});
    expect(chat).toEqual({
      id: expect.any(Number),
      organization_id: admin.organization.id,
      user_id: null,
      title: null,
      tags: [],
      metadata: ALL_NULL_METADATA,
      content_purged_at: null,
      metadata_purged_at: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
  });

  it('treats null for every top-level field as not sent', async () => {
    const chat = await createAndRead({ title: null, tags: null, user_id: null, metadata: null });
    expect(chat).toMatchObject({ title: null, tags: [], user_id: null, metadata: ALL_NULL_METADATA });
  });

  it('accepts an empty metadata object', async () => {
    const chat = await createAndRead({ metadata: {} });
    expect(chat.metadata).toEqual(ALL_NULL_METADATA);
  });

  it.each(METADATA_FIELDS)('treats metadata.%s: null as not sent', async (field) => {
    const chat = await createAndRead({ metadata: { [field]: null } });
    expect(chat.metadata).toEqual(ALL_NULL_METADATA);
  });
});

describe('created_at: when the chat happened (ISO 8601 with a zone, at most 5 minutes ahead), to import history', () => {
  const ago = (ms: number) => new Date(Date.now() - ms);

  it('stores an imported time in UTC and reads the same instant back', async () => {
    const chat = await createAndRead({ title: 'imported', created_at: '2024-03-31T01:30:00.250Z' });
    expect(chat.created_at).toBe('2024-03-31T01:30:00.250Z');
  });

  it('reads an offset as the instant it names', async () => {
    const chat = await createAndRead({ created_at: '2024-10-27T02:30:00+02:00' });
    expect(Date.parse(chat.created_at)).toBe(Date.parse('2024-10-27T00:30:00Z'));
  });

  it('tolerates a bot clock up to 5 minutes ahead', async () => {
    const ahead = new Date(Date.now() + 4 * 60_000).toISOString();
    const chat = await createAndRead({ created_at: ahead });
    expect(chat.created_at).toBe(ahead);
  });

  it('null means not sent: the chat is stamped now', async () => {
    const before = Date.now();
    const chat = await createAndRead({ created_at: null });
    expect(Date.parse(chat.created_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(chat.created_at)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('an imported chat is found by the explorer and counted by analytics at its own time', async () => {
    const other = await signUp(t.app);
    const otherKey = (await createApiKey(t.app, other.token)).key;
    const when = ago(40 * 86_400_000);
    expect((await postChat(t.app, otherKey, { title: 'from the old tool', created_at: when.toISOString(), metadata: { is_escalated: true } })).statusCode).toBe(201);
    expect((await postChat(t.app, otherKey, { title: 'today' })).statusCode).toBe(201);
    const window = { from: new Date(when.getTime() - 3_600_000).toISOString(), to: new Date(when.getTime() + 3_600_000).toISOString() };
    const list = await t.app.inject({ url: '/api/v1/chats', query: window, headers: bearer(other.token) });
    expect(list.json().chats.map((c: { title: string }) => c.title)).toEqual(['from the old tool']);
    const summary = await t.app.inject({ url: '/api/v1/analytics/summary', query: window, headers: bearer(other.token) });
    expect(summary.json().metrics.chats.value).toBe(1);
    expect(summary.json().metrics.escalation_rate.value).toBe(1);
    // The default range (the last 30 days) holds only today's chat.
    const recent = await t.app.inject({ url: '/api/v1/analytics/summary', headers: bearer(other.token) });
    expect(recent.json().metrics.chats.value).toBe(1);
    expect(recent.json().metrics.escalation_rate.value).toBeNull();
  });

  it.each([
    ['6 minutes in the future', () => new Date(Date.now() + 6 * 60_000).toISOString(), 'more than 5 minutes in the future'],
    ['a far-future year', () => '2999-01-01T00:00:00Z', 'more than 5 minutes in the future'],
    ['a time without a zone', () => '2024-03-31T10:00:00', 'time zone'],
    ['a date without a time', () => '2024-03-31', 'time zone'],
    ['a day that does not exist', () => '2024-02-30T10:00:00Z', 'ISO 8601'],
    ['words', () => 'yesterday', 'ISO 8601'],
    ['a number (epoch milliseconds)', () => 1711879200000, 'created_at'],
    ['a boolean', () => true, 'created_at'],
    ['an object', () => ({ seconds: 1 }), 'created_at'],
  ])('rejects %s and stores nothing', async (_label, value, reason) => {
    const body = await expectRejected({ title: 'x', created_at: value() }, 'created_at');
    expect(body.error).toContain(reason);
  });
});

describe('title: a string of at most 255 characters', () => {
  it('accepts 255 characters and reads them back', async () => {
    const title = chars(255);
    const chat = await createAndRead({ title });
    expect(chat.title).toBe(title);
  });

  it.each([
    ['256 characters', chars(256)],
    ['a number', 42],
    ['a boolean', true],
    ['an array', ['a']],
    ['an object', { text: 'a' }],
  ])('rejects %s', async (_label, title) => {
    await expectRejected({ title }, 'title');
  });
});

describe('tags: an array of at most 50 strings of 1–64 characters after trimming', () => {
  it('stores tags trimmed, lowercased and de-duplicated in first-seen order', async () => {
    const chat = await createAndRead({ tags: [' Leave ', 'leave', 'PTO', 'pto'] });
    expect(chat.tags).toEqual(['leave', 'pto']);
  });

  it('accepts 50 tags', async () => {
    const tags = Array.from({ length: 50 }, (_, i) => `tag-${i}`);
    const chat = await createAndRead({ tags });
    expect(chat.tags).toEqual(tags);
  });

  it('accepts a tag of 64 characters, also with white space around it', async () => {
    const chat = await createAndRead({ tags: [chars(64, 'a'), ` ${chars(64, 'b')}  `] });
    expect(chat.tags).toEqual([chars(64, 'a'), chars(64, 'b')]);
  });

  it('accepts an empty array', async () => {
    const chat = await createAndRead({ tags: [] });
    expect(chat.tags).toEqual([]);
  });

  it.each([
    ['51 tags', Array.from({ length: 51 }, (_, i) => `tag-${i}`)],
    ['a string', 'leave'],
    ['an object', { 0: 'leave' }],
    ['a number', 1],
  ])('rejects %s as tags', async (_label, tags) => {
    await expectRejected({ tags }, 'tags');
  });

  it.each([
    ['an empty tag', ['']],
    ['a tag of only spaces', ['   ']],
    ['a tag of 65 characters', [chars(65)]],
    // "İ" lowercases to two code points ("i" + combining dot): 64 of them would be stored as 128.
    ['a tag that is over 64 characters once lowercased', ['İ'.repeat(64)]],
    ['a number', [42]],
    ['null', [null]],
    ['an object', [{ name: 'leave' }]],
  ])('rejects %s as the first tag, naming tags[0]', async (_label, tags) => {
    await expectRejected({ tags }, 'tags[0]');
  });

  it('names the position of the bad tag', async () => {
    await expectRejected({ tags: ['leave', 'pto', 7] }, 'tags[2]');
  });
});

describe('user_id: an integer of at least 1, or null', () => {
  it.each([1, 42, Number.MAX_SAFE_INTEGER])('accepts %s', async (userId) => {
    const chat = await createAndRead({ user_id: userId });
    expect(chat.user_id).toBe(userId);
  });

  it('accepts null and reads it back as null', async () => {
    const chat = await createAndRead({ user_id: null });
    expect(chat.user_id).toBeNull();
  });

  it.each([[0], [-1], [1.5], ['42'], [true]])('rejects %j', async (userId) => {
    await expectRejected({ user_id: userId }, 'user_id');
  });
});

describe('metadata: an object with only the 13 fields (the 12 of the contract and bot_version)', () => {
  it.each([
    ['an array', []],
    ['a string', 'string'],
    ['a number', 5],
    ['a boolean', true],
  ])('rejects %s as metadata', async (_label, metadata) => {
    await expectRejected({ metadata }, 'metadata');
  });

  it('rejects an unknown metadata field with code unknown_field, naming it', async () => {
    const body = await expectRejected({ metadata: { user_rating: 5, colour: 'blue' } }, 'metadata.colour');
    expect(body.code).toBe('unknown_field');
  });

  it('rejects an unknown top-level field with code unknown_field, naming it', async () => {
    const body = await expectRejected({ title: 'x', colour: 'blue' }, 'colour');
    expect(body.code).toBe('unknown_field');
  });

  it('names every unknown field when there are several', async () => {
    const before = await chatCount();
    const res = await postChat(t.app, key, { colour: 'blue', metadata: { shade: 'dark', mood: 'ok', user_rating: 5 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expectStringBody(body);
    expect(body.code).toBe('unknown_field');
    for (const name of ['colour', 'metadata.shade', 'metadata.mood']) expect(body.error).toContain(name);
    expect(['colour', 'metadata.shade', 'metadata.mood']).toContain(body.field);
    expect(await chatCount()).toBe(before);
  });
});

describe('metadata fields: accepted values are stored in their canonical form', () => {
  it.each([
    ['avg_response_time', 0, 0],
    ['avg_response_time', 1.25, 1.25],
    ['bot_version', '2.3.1', '2.3.1'],
    ['bot_version', chars(100), chars(100)],
    ['country_code', 'nl', 'NL'],
    ['country_code', 'Tr', 'TR'],
    ['country_code', 'NL', 'NL'],
    ['language_code', 'TR', 'tr'],
    ['language_code', 'nl', 'nl'],
    ['language_code', 'nld', 'nld'],
    ['language_code', 'fil', 'fil'],
    ['ip_address', '203.0.113.7', '203.0.113.7'],
    ['ip_address', '2001:db8::1', '2001:db8::1'],
    ['is_escalated', false, false],
    ['is_escalated', true, true],
    ['is_forwarded_to_hr', false, false],
    ['is_forwarded_to_hr', true, true],
    ['question_category', chars(100), chars(100)],
    ['sentiment', 'Positive', 'positive'],
    ['sentiment', chars(100, 'A'), chars(100, 'a')],
    ['session_id', chars(255), chars(255)],
    ['token_count', 0, 0],
    ['token_count', 512, 512],
    ['transcript_link', 'http://bot.example.com/t/1', 'http://bot.example.com/t/1'],
    ['transcript_link', urlOfLength(2048), urlOfLength(2048)],
    ['user_rating', 1, 1],
    ['user_rating', 5, 5],
  ] as const)('metadata.%s: %j reads back as %j', async (field, input, stored) => {
    const chat = await createAndRead({ metadata: { [field]: input } });
    expect(chat.metadata).toEqual({ ...ALL_NULL_METADATA, [field]: stored });
  });
});

describe('metadata fields: invalid values are rejected with a 400 naming the field', () => {
  it.each([
    // avg_response_time: a number ≥ 0
    ['avg_response_time', -0.1],
    ['avg_response_time', '1'],
    ['avg_response_time', true],
    // bot_version: a string of at most 100 characters
    ['bot_version', chars(101)],
    ['bot_version', 2.3],
    ['bot_version', true],
    ['bot_version', ['2.3.1']],
    // country_code: an assigned ISO 3166-1 alpha-2 code
    ['country_code', 'XX'],
    ['country_code', 'ZZ'],
    ['country_code', 'NLD'],
    ['country_code', ''],
    ['country_code', 'XK'],
    ['country_code', 31],
    // language_code: ISO 639-1, or ISO 639-2/3
    ['language_code', 'xx'],
    ['language_code', 'english'],
    ['language_code', 'qaa'],
    ['language_code', ''],
    ['language_code', 1],
    // ip_address: IPv4 or IPv6
    ['ip_address', '256.1.1.1'],
    ['ip_address', 'string'],
    ['ip_address', ''],
    ['ip_address', 1234],
    // booleans
    ['is_escalated', 'true'],
    ['is_escalated', 1],
    ['is_forwarded_to_hr', 'true'],
    ['is_forwarded_to_hr', 1],
    // strings with a maximum length
    ['question_category', chars(101)],
    ['question_category', 5],
    ['sentiment', chars(101)],
    ['sentiment', 5],
    ['session_id', chars(256)],
    ['session_id', 5],
    // token_count: an integer ≥ 0
    ['token_count', -1],
    ['token_count', 1.5],
    ['token_count', '5'],
    // transcript_link: an absolute http(s) URL of at most 2048 characters
    ['transcript_link', 'ftp://x/y'],
    ['transcript_link', '/relative'],
    ['transcript_link', 'string'],
    ['transcript_link', 'javascript:alert(1)'],
    ['transcript_link', urlOfLength(2049)],
    // The URL parser would repair these silently; they are stored as sent, so they must be URLs as written.
    ['transcript_link', '  https://example.com/x'],
    ['transcript_link', 'https://example.com/x\n'],
    ['transcript_link', 'https://example.com/a b'],
    ['transcript_link', 'http:/example.com'],
    ['ip_address', 'fe80::1%eth0'],
    ['transcript_link', 42],
    // user_rating: an integer 1–5
    ['user_rating', 0],
    ['user_rating', 6],
    ['user_rating', 4.5],
    ['user_rating', '5'],
  ] as const)('metadata.%s: rejects %j', async (field, value) => {
    await expectRejected({ metadata: { [field]: value } }, `metadata.${field}`);
  });
});

describe('body-level checks', () => {
  it('rejects malformed JSON with 400', async () => {
    await expectRawRejected('{"title":', 'application/json', 400);
  });

  it('says where the JSON broke', async () => {
    const body = await expectRawRejected('{"title": "x",}', 'application/json', 400);
    expect(body.error).toMatch(/^Malformed JSON body: .+/);
  });

  it('rejects a __proto__ key with a message that says so', async () => {
    const body = await expectRawRejected('{"__proto__": {"title": "x"}}', 'application/json', 400);
    expect(body.error).toContain('__proto__');
  });

  it('rejects a body without a Content-Type with 415 saying what to send', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/chats', headers: apiKeyHeaders(key), body: '{}' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toBe('Missing Content-Type header: send application/json');
  });

  it('rejects a text/plain body with 415', async () => {
    await expectRawRejected('{"title":"x"}', 'text/plain', 415);
  });

  it('rejects a body over 1 MiB with 413', async () => {
    const payload = JSON.stringify({ title: chars(1024 * 1024) });
    await expectRawRejected(payload, 'application/json', 413);
  });

  it.each([
    ['an empty JSON array', '[]'],
    ['a JSON array of a chat', '[{"title":"x"}]'],
    ['a JSON string', '"hello"'],
    ['a JSON number', '42'],
  ])('rejects %s as the body with 400', async (_label, payload) => {
    await expectRawRejected(payload, 'application/json', 400);
  });

  it('accepts Content-Type "application/json; charset=utf-8"', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/chats',
      headers: { ...apiKeyHeaders(key), 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ title: 'Grüße', tags: ['Überstunden'] }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const got = await t.app.inject({ url: `/api/v1/chats/${res.json().chat_id}`, headers: bearer(admin.token) });
    expect(got.json()).toMatchObject({ title: 'Grüße', tags: ['überstunden'] });
  });

  it.each([
    ['title', { title: 'a\u0000b' }],
    ['metadata.session_id', { metadata: { session_id: 'sess\u0000' } }],
    ['tags[1]', { tags: ['ok', '\u0000'] }],
  ])('rejects U+0000 in a string, naming %s', async (field, payload) => {
    await expectRejected(payload, field);
  });

  it.each([
    ['title', { title: '\ud800' }],
    ['metadata.question_category', { metadata: { question_category: 'x\udc00y' } }],
    ['tags[0]', { tags: ['\ud83d'] }],
  ])('rejects a lone surrogate in a string, naming %s', async (field, payload) => {
    await expectRejected(payload, field);
  });

  it('rejects a lone surrogate sent as a JSON escape in the raw body', async () => {
    const body = await expectRawRejected('{"title":"\\ud800"}', 'application/json', 400);
    expect(body.error).toContain('title');
    expect(body.field).toBe('title');
  });

  it('accepts a well-formed surrogate pair (an emoji) and reads it back', async () => {
    const chat = await createAndRead({ title: 'thanks 👍', tags: ['👍'] });
    expect(chat).toMatchObject({ title: 'thanks 👍', tags: ['👍'] });
  });
});

describe('POST /api/v1/orgs/{slug}/chats applies the same validation', () => {
  it('creates a valid chat', async () => {
    const res = await t.app.inject({ method: 'POST', url: slugUrl(), headers: apiKeyHeaders(key), payload: { title: 'ok' } });
    expect(res.statusCode, res.body).toBe(201);
  });

  it.each([
    ['title', { title: chars(256) }],
    ['tags[0]', { tags: [chars(65)] }],
    ['tags', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['user_id', { user_id: 0 }],
    ['metadata', { metadata: [] }],
    ['metadata.user_rating', { metadata: { user_rating: 6 } }],
    ['metadata.country_code', { metadata: { country_code: 'XX' } }],
    ['metadata.transcript_link', { metadata: { transcript_link: 'javascript:alert(1)' } }],
    ['metadata.colour', { metadata: { colour: 'blue' } }],
    ['title', { title: 'a\u0000b' }],
  ])('rejects a bad %s', async (field, payload) => {
    await expectRejected(payload, field, slugUrl());
  });
});
