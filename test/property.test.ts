// Property-based tests (fast-check) over what bots and dashboards send: whatever the body of
// POST /api/v1/chats (and of the batch endpoint), and whatever the query string of GET /api/v1/chats,
// the server answers with a success that reads back as sent (after the documented normalizations)
// or a 400 that stored nothing — never a 500. And every operation of /openapi.json, driven with bad
// path parameters, query strings, headers and bodies, never answers 5xx.
//
// Runs are bounded and seeded: a failure prints its seed and path; replay with FC_SEED=<seed>.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { DEFAULT_RATE_LIMITS } from '../src/rate-limit/settings.js';
import { apiKeyHeaders, bearer, countChats, createApiKey, signUp, TEST_JWT_SECRET } from './helpers/app.js';
import { createTestDatabase } from './helpers/database.js';
import { bodyFor, edgeString, operationsOf, pathValue, queryFor, type Operation } from './helpers/openapi-inputs.js';

const SEED = Number(process.env.FC_SEED ?? 20261125);
const RUNS = Number(process.env.FC_RUNS ?? 250);
const params = (numRuns = RUNS) => ({ seed: SEED, numRuns, endOnFailure: true });

let database: Database;
let app: App;
let key: string;
let token: string;
let orgId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  // Thousands of requests with one key in a few seconds: limits are another test's business.
  app = await buildApp({ logger: process.env.DEBUG_LOG ? { level: 'error' } : false, database, dataDir: '/nonexistent', jwtSecret: TEST_JWT_SECRET, rateLimit: { ...DEFAULT_RATE_LIMITS, enabled: false } });
  await app.ready();
  const admin = await signUp(app);
  token = admin.token;
  orgId = admin.organization.id;
  key = (await createApiKey(app, admin.token)).key;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

// ---- the model: what a stored chat reads back as, per the README's Create Chat contract ----

const METADATA_KEYS = [
  'avg_response_time', 'bot_version', 'country_code', 'ip_address', 'is_escalated', 'is_forwarded_to_hr', 'language_code',
  'question_category', 'sentiment', 'session_id', 'token_count', 'transcript_link', 'user_rating',
] as const;

const normalizeTag = (t: string) => t.trim().normalize('NFC').toLowerCase();

/** The chat as GET /api/v1/chats/{id} should show it, for a body the server accepted. */
function expectedChat(body: any) {
  const metadata: Record<string, unknown> = {};
  for (const k of METADATA_KEYS) {
    let v = body.metadata?.[k] ?? null;
    if (v !== null && k === 'country_code') v = v.toUpperCase();
    if (v !== null && (k === 'language_code' || k === 'sentiment')) v = v.toLowerCase();
    metadata[k] = v;
  }
  return {
    organization_id: orgId,
    title: body.title ?? null,
    tags: [...new Set(((body.tags ?? []) as string[]).map(normalizeTag))],
    user_id: body.user_id ?? null,
    metadata,
  };
}

// ---- generators ----

const anyString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }, // lone surrogates, NUL...
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', '\ud800', 'İstanbul', 'ǅ', '  Leave  ', 'A'.repeat(256)) },
);

const validTag = fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), fc.constantFrom('Leave', ' leave ', 'LEAVE', 'Ünïcode', 'e\u0301'));

// Each field: [valid values, edges of its rule (mostly invalid, a few valid)].
type Rule = [fc.Arbitrary<unknown>, unknown[]];
const METADATA_RULES: Record<(typeof METADATA_KEYS)[number], Rule> = {
  avg_response_time: [fc.double({ min: 0, max: 1e6, noNaN: true }), [-1, 0, 1.5, Infinity]],
  bot_version: [fc.string({ maxLength: 100 }), ['v'.repeat(101), 2, false]],
  country_code: [fc.constantFrom('NL', 'us', 'De', 'tr'), ['XX', 'zz', 'NLD', 'N']],
  ip_address: [fc.oneof(fc.ipV4(), fc.ipV6()), ['999.1.1.1', '::g', '1.2.3']],
  is_escalated: [fc.boolean(), ['true', 0, 1]],
  is_forwarded_to_hr: [fc.boolean(), ['false']],
  language_code: [fc.constantFrom('nl', 'EN', 'tur', 'Deu', 'tr'), ['xx', 'qqq', 'english', 'e']],
  question_category: [fc.string({ maxLength: 100 }), ['x'.repeat(101)]],
  sentiment: [fc.constantFrom('Positive', 'neutral', 'NEGATIVE', 'İyi'), ['x'.repeat(101)]],
  session_id: [fc.string({ maxLength: 255 }), ['s'.repeat(256)]],
  token_count: [fc.nat(), [-1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, '5']],
  transcript_link: [fc.webUrl(), ['ftp://x.example/a', '/relative', 'https://', 'javascript:alert(1)']],
  user_rating: [fc.integer({ min: 1, max: 5 }), [0, 6, 4.5, '5']],
};
const metadataOf = (value: (rule: Rule) => fc.Arbitrary<unknown>) =>
  fc.record(Object.fromEntries(Object.entries(METADATA_RULES).map(([k, rule]) => [k, value(rule)])), { requiredKeys: [] });

const TOP_RULES: Record<string, Rule> = {
  title: [fc.string({ maxLength: 255 }), ['x'.repeat(256), '']],
  tags: [fc.array(validTag, { maxLength: 8 }), [[], [''], ['   '], Array(51).fill('x'), ['x'.repeat(65)], [1], 'leave']],
  user_id: [fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), [0, -5, 1.5, '42', Number.MAX_SAFE_INTEGER + 2]],
  metadata: [metadataOf(([valid]) => fc.oneof(valid, fc.constant(null))), [[], 'x', {}]],
  created_at: [
    fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString()),
    ['2020-01-01', '2020-01-01T00:00:00', '2999-01-01T00:00:00Z', '2020-13-01T00:00:00Z'],
  ],
};
const chatOf = (value: (rule: Rule) => fc.Arbitrary<unknown>) =>
  fc.record(Object.fromEntries(Object.entries(TOP_RULES).map(([k, rule]) => [k, value(rule)])), { requiredKeys: [] });

/** Anything at all for a field: another type, a broken string, an edge of its rule. */
const wrongValue = (edges: unknown[]) =>
  fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyString, ...(edges.length ? [fc.constantFrom(...edges)] : []));

/** Every field valid (or null, which means "not sent"). */
const validChat = chatOf(([valid]) => fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: fc.constant(null) }));

/** A valid chat with one field (at the top or in metadata) replaced by something else, or an unknown field added. */
const oneFieldMutated = fc
  .tuple(validChat, fc.constantFrom(...Object.keys(TOP_RULES), ...METADATA_KEYS.map((k) => `metadata.${k}`), 'extra', 'metadata.extra'))
  .chain(([body, target]) => {
    const [outer, inner] = target.split('.');
    const rule = inner ? METADATA_RULES[inner as keyof typeof METADATA_RULES] : TOP_RULES[outer];
    return wrongValue(rule?.[1] ?? []).map((v) => {
      const copy: any = structuredClone(body);
      if (!inner) copy[outer] = v;
      else copy.metadata = { ...(copy.metadata && typeof copy.metadata === 'object' ? copy.metadata : {}), [inner]: v };
      return copy;
    });
  });

/** The right keys, each with a valid value, null, or anything at all. */
const rightKeysAnyValues = chatOf(([valid, edges]) => fc.oneof(valid, fc.constant(null), wrongValue(edges)));

const anyBody = fc.oneof(
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 3, arbitrary: validChat },
  { weight: 3, arbitrary: oneFieldMutated },
  { weight: 2, arbitrary: rightKeysAnyValues },
);

// ---- helpers ----

const post = (url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, headers: { ...apiKeyHeaders(key), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

async function expectReadsBack(id: number, sent: any) {
  const body = JSON.parse(JSON.stringify(sent)); // what went over the wire (Infinity → null, -0 → 0)
  const res = await app.inject({ url: `/api/v1/chats/${id}`, headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  const chat = res.json();
  expect({ organization_id: chat.organization_id, title: chat.title, tags: chat.tags, user_id: chat.user_id, metadata: chat.metadata }).toEqual(expectedChat(body));
  // The instant sent, or the time of storing when none was sent.
  if (typeof body.created_at === 'string') expect(Date.parse(chat.created_at)).toBe(Date.parse(body.created_at));
  else expect(Date.parse(chat.created_at)).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
}

function expectErrorModel(res: { json(): any }) {
  const body = res.json();
  expect(typeof body.error).toBe('string');
  for (const v of Object.values(body)) expect(typeof v).toBe('string');
}

// ---- properties ----

describe('POST /api/v1/chats with any JSON body', () => {
  it('answers 201 with a chat that reads back as sent, or 400 with nothing stored; never 500', async () => {
    let created = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const before = await countChats(database, orgId);
        const res = await post('/api/v1/chats', body);
        expect([201, 400], res.body).toContain(res.statusCode);
        if (res.statusCode === 201) {
          created++;
          expect(await countChats(database, orgId)).toBe(before + 1);
          await expectReadsBack(res.json().chat_id, body);
        } else {
          refused++;
          expectErrorModel(res);
          expect(await countChats(database, orgId)).toBe(before);
        }
      }),
      params(),
    );
    console.log(`[seed ${SEED}] POST /api/v1/chats: ${created} created, ${refused} refused of ${RUNS} bodies`);
    // The generator must reach both sides, or the property says little.
    expect(created).toBeGreaterThan(RUNS / 10);
    expect(refused).toBeGreaterThan(RUNS / 10);
  });
});

describe('POST /api/v1/chats/batch with any list of bodies', () => {
  it('answers 207 with, per item, what a single POST of it answers; stores exactly the 201 items', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyBody, { minLength: 1, maxLength: 8 }), async (items) => {
        const before = await countChats(database, orgId);
        const res = await post('/api/v1/chats/batch', { chats: items });
        if (res.statusCode === 400) {
          // Refused whole only for what the JSON parser refuses in any body ("__proto__" keys):
          // nothing stored, and a single POST of one of the items is refused with the same sentence.
          expectErrorModel(res);
          expect(await countChats(database, orgId)).toBe(before);
          const singles = await Promise.all(items.map((item) => post('/api/v1/chats', item)));
          expect(singles.some((r) => r.statusCode === 400 && r.json().error === res.json().error), res.body).toBe(true);
          return;
        }
        expect(res.statusCode, res.body).toBe(207);
        const { results } = res.json();
        expect(results.map((r: any) => r.index)).toEqual(items.map((_, i) => i));
        const stored = results.filter((r: any) => r.status === 201);
        expect(await countChats(database, orgId)).toBe(before + stored.length);
        for (const [i, item] of items.entries()) {
          const r = results[i];
          expect([201, 400]).toContain(r.status);
          if (r.status === 201) await expectReadsBack(r.chat_id, item);
          // The single endpoint agrees, with the same sentence.
          const single = await post('/api/v1/chats', item);
          expect(single.statusCode, `single ${single.body} vs batch ${JSON.stringify(r)}`).toBe(r.status);
          if (r.status === 400) expect({ error: r.error, code: r.code, field: r.field }).toEqual({ field: undefined, ...single.json() });
        }
      }),
      params(Math.round(RUNS / 2)),
    );
  });

  it('answers 400 (never 500) to any body that is not {chats: [...]}', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue().filter((v) => !(v && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as any).chats) && Object.keys(v).length === 1)),
        async (body) => {
          const before = await countChats(database, orgId);
          const res = await post('/api/v1/chats/batch', body);
          expect(res.statusCode, res.body).toBe(400);
          expectErrorModel(res);
          expect(await countChats(database, orgId)).toBe(before);
        },
      ),
      params(),
    );
  });
});

describe('GET /api/v1/chats with any query string', () => {
  const names = [
    'from', 'to', 'tags', 'tags_mode', 'bot_version', 'question_category', 'sentiment', 'country_code', 'language_code', 'is_escalated',
    'is_forwarded_to_hr', 'user_id', 'session_id', 'rating_min', 'rating_max', 'has_rating', 'q', 'sort', 'limit', 'cursor',
    'include_total',
  ];
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.integer({ min: -10, max: 200 }).map(String),
    fc.constantFrom(
      'true', 'false', 'any', 'all', '-created_at', 'created_at', '2026-01-01', '2026-01-01T00:00:00Z', 'NL,de', 'nl,tur',
      'leave,pay', '', ',', ' , ', '1e3', '3.5', 'null', 'Europe/Amsterdam', 'eyJ4IjoxfQ', 'x'.repeat(250), '%', '\u0000',
    ),
  );
  const pairs = fc.array(fc.tuple(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), value), { maxLength: 6 });

  it('answers 200 or 400, never 500', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(pairs, async (list) => {
        const query = new URLSearchParams(list).toString();
        const res = await app.inject({ url: `/api/v1/chats?${query}`, headers: bearer(token) });
        expect([200, 400], `${query} → ${res.body}`).toContain(res.statusCode);
        seen.add(res.statusCode);
        if (res.statusCode === 400) expectErrorModel(res);
        else expect(Array.isArray(res.json().chats)).toBe(true);
      }),
      params(),
    );
    expect([...seen].sort()).toEqual([200, 400]);
  });

  it('answers 200 or 400 to raw query strings (bad escapes, repeated keys, brackets), never 500', async () => {
    const raw = fc.array(fc.oneof(fc.constantFrom('&', '=', '%', '%zz', '%00', '[]', '[0]', 'limit', 'tags', 'from', '+', ';', '?', '#'), fc.string({ maxLength: 5 })), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(raw, async (parts) => {
        const query = parts.join('').replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c)).replace(/#/g, '%23');
        const res = await app.inject({ url: `/api/v1/chats?${query}`, headers: bearer(token) });
        expect([200, 400], `${query} → ${res.body}`).toContain(res.statusCode);
      }),
      params(),
    );
  });
});

describe('sums in the analytics rollups cannot overflow (found by these properties)', () => {
  // avg_response_time is summed per hour in chat_rollups: unbounded doubles overflowed the sum
  // (a 500 for the next chat of that hour). The field is bounded to 10^9 seconds instead.
  it('refuses avg_response_time above 10^9 seconds, and two chats at the bound in one hour are both stored', async () => {
    const tooBig = await post('/api/v1/chats', { metadata: { avg_response_time: 1e308 } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().field).toBe('metadata.avg_response_time');
    const atBound = { metadata: { avg_response_time: 1e9 } };
    expect((await post('/api/v1/chats', atBound)).statusCode).toBe(201);
    expect((await post('/api/v1/chats', atBound)).statusCode).toBe(201);
  });
});

describe('every operation of /openapi.json with generated bad input', () => {
  const OP_RUNS = Number(process.env.FC_OP_RUNS ?? 60);
  let admin: Awaited<ReturnType<typeof signUp>>;
  let adminKey: string;
  const real: Record<string, string[]> = {};

  beforeAll(async () => {
    admin = await signUp(app);
    adminKey = (await createApiKey(app, admin.token)).key;
    const chat = (await post('/api/v1/chats', { title: 'fixture' })).json().chat_id;
    const keyId = (await createApiKey(app, admin.token, 'spare')).id;
    const exportId = (await app.inject({ method: 'POST', url: '/api/v1/exports', headers: bearer(admin.token), payload: { format: 'csv', type: 'chats' } })).json().export_id;
    real.id = [String(chat), String(keyId), String(exportId), '1'];
    real.chatID = [String(chat)];
    real.slug = [admin.organization.slug];
  });

  /** The admin's session still works (a generated request may have logged it out): else log in again. */
  async function keepSession() {
    const me = await app.inject({ url: '/api/v1/users/me', headers: bearer(admin.token) });
    if (me.statusCode === 200) return;
    const login = await app.inject({ method: 'POST', url: '/auth/login', payload: { email: admin.email, password: admin.password } });
    expect(login.statusCode, `the admin can no longer log in: ${login.body}`).toBe(200);
    admin.token = login.json().token;
  }

  const request = (op: Operation) =>
    fc.record({
      path: fc.tuple(...op.pathParams.map((name) => pathValue(real[name] ?? ['1']))),
      query: queryFor(op),
      body: bodyFor(op),
      credentials: fc.constantFrom('bearer', 'key', 'none'),
      idempotencyKey: fc.option(edgeString.filter((k) => /^[\x20-\x7e]*$/.test(k)), { nil: undefined }),
    });

  it('covers every operation: query strings, path parameters and bodies; no answer is 5xx', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(30);
    const statuses = new Map<string, Set<number>>();
    for (const op of operations) {
      const seen = new Set<number>();
      statuses.set(`${op.method} ${op.path}`, seen);
      await fc.assert(
        fc.asyncProperty(request(op), async (r) => {
          let url = op.path;
          op.pathParams.forEach((name, i) => (url = url.replace(`{${name}}`, r.path[i] || '%20')));
          if (r.query) url += `?${r.query}`;
          const headers: Record<string, string> = {};
          if (r.credentials === 'bearer' || (r.credentials === 'key' && op.auth === 'bearer')) Object.assign(headers, bearer(admin.token));
          else if (r.credentials === 'key') Object.assign(headers, apiKeyHeaders(adminKey));
          if (r.body !== undefined) headers['content-type'] = 'application/json';
          if (r.idempotencyKey !== undefined && op.headerParams.includes('idempotency-key')) headers['idempotency-key'] = r.idempotencyKey;
          const res = await app.inject({ method: op.method as 'GET', url, headers, payload: r.body });
          seen.add(res.statusCode);
          expect(res.statusCode, `${op.method} ${url} ${r.body?.slice(0, 300) ?? ''} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400 && res.statusCode !== 404) expectErrorModel(res);
          if (op.auth !== 'none' && op.method !== 'GET' || op.path.startsWith('/auth/')) await keepSession();
        }),
        { ...params(OP_RUNS), seed: SEED },
      );
    }
    console.log(`[seed ${SEED}] ${operations.length} operations × ${OP_RUNS} requests: ` + [...statuses].map(([k, v]) => `${k} ${[...v].sort().join('/')}`).join('; '));
  }, 600_000);
});
