// Exports: the job queue end to end (create → poll → download → parse and compare with the API),
// formats and types, filters, tenancy, CSV escaping, bad input, 409/410, stale and racing workers,
// limits, and the synchronous streamed export.
import { parse as parseCsv } from 'csv-parse/sync';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type Database } from '../src/db/connection.js';
import { claimJob } from '../src/exports/repository.js';
import { ExportWorker } from '../src/exports/worker.js';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, postChat, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { backend } from './helpers/database.js';

let t: TestContext;
let org: SignedUp;
let other: SignedUp;
let key: string;
let otherKey: string;
let big: SignedUp; // an organization with BIG chats, inserted with SQL
const BIG = 5000;

const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as never;

interface Seed {
  title: string | null;
  tags?: string[];
  user_id?: number;
  metadata?: Record<string, unknown>;
  created_at: string;
  messages?: string[];
}

const SEEDS: Seed[] = [
  { title: 'Verlof aanvragen', tags: ['leave', 'nl'], user_id: 1, metadata: { country_code: 'NL', language_code: 'nl', sentiment: 'positive', question_category: 'leave', is_escalated: false, is_forwarded_to_hr: false, user_rating: 5, session_id: 's1', avg_response_time: 1.25, token_count: 0, ip_address: '2001:db8::1', transcript_link: 'https://bot.example.com/t/1' }, created_at: '2026-01-05T10:00:00.000Z', messages: ['Hoeveel vakantiedagen heb ik nog?', 'U heeft nog 12 dagen.', 'Dank je'] },
  { title: '=HYPERLINK("http://evil.example","click")', tags: ['leave', '-minus'], user_id: 2, metadata: { is_escalated: true, sentiment: '+plus', question_category: '@at' }, created_at: '2026-01-10T08:30:00.000Z', messages: ['=1+2', '-3'] },
  { title: 'Commas, "quotes"\nand a new line', tags: ['payroll'], metadata: { is_escalated: true, user_rating: 2 }, created_at: '2026-01-15T12:00:00.000Z' },
  { title: '\tTabbed\r\nand CRLF', tags: [], metadata: { is_escalated: false, country_code: 'TR' }, created_at: '2026-02-01T09:00:00.000Z', messages: ['İzin, "hakkım"\nne kadar?'] },
  { title: null, created_at: '2026-02-10T15:45:00.000Z' },
  { title: 'طلب إجازة', tags: ['leave', 'ar'], user_id: 3, metadata: { country_code: 'AE', user_rating: 3, is_escalated: true }, created_at: '2026-03-01T00:00:00.000Z', messages: ['كم عدد أيام الإجازة؟'] },
];

const OTHER_TITLE = 'OTHER ORGANIZATION SECRET';

beforeAll(async () => {
  // Several synchronous exports of one organization at once, and many jobs: the per-organization
  // bounds have their own tests (limits-exports.test.ts).
  t = await createTestApp({ costLimits: { exportSyncPerOrg: 4, exportJobsPerHourPerOrg: 1000 } });
  org = await signUp(t.app);
  other = await signUp(t.app);
  key = (await createApiKey(t.app, org.token)).key;
  otherKey = (await createApiKey(t.app, other.token)).key;
  for (const seed of SEEDS) {
    const { created_at, messages = [], ...body } = seed;
    const res = await postChat(t.app, key, body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().chat_id as number;
    await t.database.pool.query('UPDATE chats SET created_at = $1 WHERE organization_id = $2 AND id = $3', [created_at, org.organization.id, id]);
    for (const [i, content] of messages.entries()) {
      const m = await t.app.inject({ method: 'POST', url: `/api/v1/chats/${id}/messages`, headers: apiKeyHeaders(key), payload: { role: i % 2 ? 'assistant' : 'user', content, metadata: { token_count: 10 + i, response_time: i ? 250.5 : null } } });
      expect(m.statusCode, m.body).toBe(201);
    }
  }
  // Another organization's chats match every filter used below: they must never be exported.
  for (let i = 0; i < 3; i++) {
    const res = await postChat(t.app, otherKey, { title: OTHER_TITLE, tags: ['leave', 'payroll'], user_id: 1, metadata: { is_escalated: true, country_code: 'NL' } });
    await t.app.inject({ method: 'POST', url: `/api/v1/chats/${res.json().chat_id}/messages`, headers: apiKeyHeaders(otherKey), payload: { role: 'user', content: OTHER_TITLE } });
  }
  big = await signUp(t.app);
  // Bulky rows (a long transcript link) so that a synchronous export is several megabytes.
  await t.database.pool.query(
    `INSERT INTO chats (organization_id, title, tags, user_id, country_code, is_escalated, transcript_link, created_at)
     SELECT $1, 'Bulk chat ' || g, ARRAY['bulk', CASE WHEN g % 2 = 0 THEN 'even' ELSE 'odd' END], g, 'NL', g % 3 = 0,
            'https://bot.example.com/transcripts/' || repeat('x', 1000) || g, now() - interval '1 hour' + g * interval '1 millisecond'
     FROM generate_series(1, ${BIG}) AS g`,
    [big.organization.id],
  );
  await t.database.pool.query(
    `INSERT INTO messages (organization_id, chat_id, role, content)
     SELECT organization_id, id, 'user', 'About ' || title FROM chats WHERE organization_id = $1 AND user_id % 10 = 0`,
    [big.organization.id],
  );
});
afterAll(() => t?.close());

// ---- helpers -----------------------------------------------------------------------------------

function createExport(payload: unknown, token = org.token) {
  return t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: bearer(token), payload: payload as object });
}

async function getExport(id: number, token = org.token) {
  return t.app.inject({ url: `/api/v1/exports/${id}`, headers: bearer(token) });
}

/** Polls GET /api/v1/exports/{id} until the job is completed or failed (bounded). */
async function waitForExport(id: number, token = org.token, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await getExport(id, token);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json();
    if (job.status === 'completed' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`export ${id} still ${job.status} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function download(id: number, token = org.token) {
  return t.app.inject({ url: `/api/v1/exports/${id}/download`, headers: bearer(token) });
}

/** Queues an export, waits for it, downloads it: the response of the download. */
async function runExport(payload: Record<string, unknown>, token = org.token) {
  const created = await createExport(payload, token);
  expect(created.statusCode, created.body).toBe(202);
  expect(created.json()).toEqual({ export_id: expect.any(Number), status: 'pending' });
  const job = await waitForExport(created.json().export_id, token);
  expect(job.status, job.error).toBe('completed');
  const res = await download(job.id, token);
  expect(res.statusCode, res.body).toBe(200);
  return { job, res };
}

type ApiChat = { id: number; title: string | null; tags: string[]; user_id: number | null; metadata: Record<string, unknown>; created_at: string; updated_at: string; organization_id: number };
type ApiMessage = { id: number; chat_id: number; role: string; content: string; metadata: { token_count: number | null; response_time: number | null }; created_at: string };

/** The chats the API lists for `query`, oldest first (what an export with the same filters holds). */
async function apiChats(query = ''): Promise<ApiChat[]> {
  const res = await t.app.inject({ url: `/api/v1/chats?sort=created_at&limit=100&${query}`, headers: bearer(org.token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().chats;
}

async function apiMessages(chatId: number): Promise<ApiMessage[]> {
  const res = await t.app.inject({ url: `/api/v1/chats/${chatId}/messages?limit=1000`, headers: bearer(org.token) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().messages;
}

const METADATA = ['avg_response_time', 'bot_version', 'country_code', 'ip_address', 'is_escalated', 'is_forwarded_to_hr', 'language_code', 'question_category', 'sentiment', 'session_id', 'token_count', 'transcript_link', 'user_rating'];
const TEXT_METADATA = new Set(['bot_version', 'country_code', 'ip_address', 'language_code', 'question_category', 'sentiment', 'session_id', 'transcript_link']);

/** What a spreadsheet-safe CSV cell holds for a text value. */
const escaped = (v: string | null) => (v === null ? '' : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const plain = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function chatCsvCells(c: ApiChat, idColumn: string, timePrefix: string) {
  const cells: Record<string, string> = {
    [idColumn]: String(c.id),
    user_id: plain(c.user_id),
    title: escaped(c.title),
    tags: escaped(c.tags.join('|')),
    [`${timePrefix}created_at`]: c.created_at,
    [`${timePrefix}updated_at`]: c.updated_at,
  };
  for (const f of METADATA) cells[f] = TEXT_METADATA.has(f) ? escaped(c.metadata[f] as string | null) : plain(c.metadata[f]);
  return cells;
}

function messageCsvCells(m: ApiMessage, prefix: string) {
  return {
    [`${prefix}role`]: m.role,
    [`${prefix}content`]: escaped(m.content),
    [`${prefix}token_count`]: plain(m.metadata.token_count),
    [`${prefix}response_time`]: plain(m.metadata.response_time),
    [`${prefix}created_at`]: m.created_at,
  };
}

const csvRecords = (text: string) => parseCsv(text, { columns: true, relax_quotes: false }) as Record<string, string>[];
const ndjson = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

// ---- the job lifecycle, every format × type --------------------------------------------------

describe('job lifecycle: create → poll → download → same data as the API', () => {
  it.each(['json', 'ndjson', 'csv'] as const)('type chats as %s', async (format) => {
    const expected = await apiChats();
    expect(expected).toHaveLength(SEEDS.length);
    const { job, res } = await runExport({ format, type: 'chats' });
    expect(res.headers['content-disposition']).toBe(`attachment; filename="chatlogger-chats-${job.id}.${format}"`);
    expect(job.row_count).toBe(SEEDS.length);
    expect(job.size_bytes).toBe(res.rawPayload.length);
    if (format === 'json') {
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toEqual(expected);
    } else if (format === 'ndjson') {
      expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(ndjson(res.body)).toEqual(expected);
    } else {
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.body.split('\r\n')[0]).toBe(`id,user_id,title,tags,${METADATA.join(',')},created_at,updated_at`);
      expect(csvRecords(res.body)).toEqual(expected.map((c) => chatCsvCells(c, 'id', '')));
    }
  });

  it.each(['json', 'ndjson', 'csv'] as const)('type messages as %s', async (format) => {
    const expected: ApiMessage[] = [];
    for (const chat of await apiChats()) expected.push(...(await apiMessages(chat.id)));
    expect(expected.length).toBe(7);
    const { job, res } = await runExport({ format, type: 'messages' });
    expect(job.row_count).toBe(expected.length);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="chatlogger-messages-${job.id}.${format}"`);
    if (format === 'json') expect(res.json()).toEqual(expected);
    else if (format === 'ndjson') expect(ndjson(res.body)).toEqual(expected);
    else {
      expect(csvRecords(res.body)).toEqual(expected.map((m) => ({ id: String(m.id), chat_id: String(m.chat_id), ...messageCsvCells(m, '') })));
    }
  });

  it.each(['json', 'ndjson', 'csv'] as const)('type all as %s', async (format) => {
    const chats = await apiChats();
    const withMessages = [];
    for (const chat of chats) withMessages.push({ ...chat, messages: await apiMessages(chat.id) });
    const { job, res } = await runExport({ format, type: 'all' });
    if (format === 'json') {
      expect(res.json()).toEqual(withMessages);
      expect(job.row_count).toBe(chats.length);
    } else if (format === 'ndjson') {
      expect(ndjson(res.body)).toEqual(withMessages);
    } else {
      // One row per message with the chat's columns repeated; a chat without messages: one row.
      const expected = withMessages.flatMap((c) => {
        const chatCells = chatCsvCells(c, 'chat_id', 'chat_');
        const empty = { message_id: '', message_role: '', message_content: '', message_token_count: '', message_response_time: '', message_created_at: '' };
        return c.messages.length === 0
          ? [{ ...chatCells, ...empty }]
          : c.messages.map((m) => ({ ...chatCells, message_id: String(m.id), ...messageCsvCells(m, 'message_') }));
      });
      expect(csvRecords(res.body)).toEqual(expected);
      expect(job.row_count).toBe(expected.length);
    }
  });

  it('shows the job with its result and a download URL; lists it', async () => {
    const { job } = await runExport({ format: 'json', type: 'chats', filters: { tags: ['leave'] } });
    expect(job).toEqual({
      id: job.id,
      format: 'json',
      type: 'chats',
      filters: { tags: ['leave'] },
      status: 'completed',
      row_count: 3,
      size_bytes: expect.any(Number),
      error: null,
      created_at: expect.any(String),
      started_at: expect.any(String),
      completed_at: expect.any(String),
      expires_at: expect.any(String),
      download_url: `/api/v1/exports/${job.id}/download`,
    });
    const week = new Date(job.expires_at).getTime() - new Date(job.completed_at).getTime();
    expect(week).toBe(7 * 24 * 3600 * 1000);
    const file = path.join(t.dataDir, 'exports', String(org.organization.id), `${job.id}.json`);
    expect(fs.statSync(file).size).toBe(job.size_bytes);
    // No temporary file is left behind.
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes valid, empty files when nothing matches', async () => {
    const none = { filters: { tags: 'no-such-tag' } };
    expect((await runExport({ format: 'json', type: 'all', ...none })).res.json()).toEqual([]);
    expect((await runExport({ format: 'ndjson', type: 'chats', ...none })).res.body).toBe('');
    const csv = await runExport({ format: 'csv', type: 'messages', ...none });
    expect(csv.res.body).toBe('id,chat_id,role,content,token_count,response_time,created_at\r\n');
    expect(csv.job.row_count).toBe(0);
  });
});

describe('filters', () => {
  it.each<[Record<string, unknown>, string]>([
    [{ tags: ['leave'] }, 'tags=leave'],
    [{ tags: 'leave,nl' }, 'tags=leave,nl'],
    [{ tags: ['payroll', 'ar'], tags_mode: 'any' }, 'tags=payroll,ar&tags_mode=any'],
    [{ is_escalated: true }, 'is_escalated=true'],
    [{ is_escalated: false }, 'is_escalated=false'],
    [{ from: '2026-01-10', to: '2026-02-05T00:00:00Z' }, 'from=2026-01-10&to=2026-02-05T00:00:00Z'],
    [{ country_code: ['nl', 'tr'] }, 'country_code=nl,tr'],
    [{ q: 'vakantiedagen' }, 'q=vakantiedagen'],
    [{ rating_min: 2, has_rating: true }, 'rating_min=2&has_rating=true'],
  ])('%j exports what GET /api/v1/chats?%s lists', async (filters, query) => {
    const expected = await apiChats(query);
    const { res } = await runExport({ format: 'ndjson', type: 'chats', filters });
    const ids = ndjson(res.body).map((c) => c.id);
    expect(ids).toEqual(expected.map((c) => c.id));
  });

  it('limits type messages to the messages of the matching chats', async () => {
    const escalated = await apiChats('is_escalated=true');
    const expected: number[] = [];
    for (const chat of escalated) expected.push(...(await apiMessages(chat.id)).map((m) => m.id));
    const { res } = await runExport({ format: 'json', type: 'messages', filters: { is_escalated: true } });
    expect(res.json().map((m: ApiMessage) => m.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});

// ---- tenancy -----------------------------------------------------------------------------------

describe('tenancy', () => {
  it("another organization's export is 404 on get and download, and absent from its list", async () => {
    const { job } = await runExport({ format: 'csv', type: 'all' });
    const get = await getExport(job.id, other.token);
    expect(get.statusCode).toBe(404);
    expect(get.json()).toEqual({ error: 'Export not found', code: 'not_found' });
    const dl = await download(job.id, other.token);
    expect(dl.statusCode).toBe(404);
    expect(dl.body).not.toContain('Verlof');
    const list = await t.app.inject({ url: '/api/v1/exports?limit=100', headers: bearer(other.token) });
    expect(list.json().exports.map((e: { id: number }) => e.id)).not.toContain(job.id);
  });

  it("never puts another organization's chats or messages in a file", async () => {
    for (const type of ['chats', 'messages', 'all'] as const) {
      const { res } = await runExport({ format: 'json', type });
      expect(res.body).not.toContain(OTHER_TITLE);
    }
    const sync = await t.app.inject({ method: 'POST', url: '/api/v1/exports/sync', headers: bearer(org.token), payload: { format: 'csv', type: 'all' } });
    expect(sync.body).not.toContain(OTHER_TITLE);
    // And the other organization's own export holds only its chats.
    const { res } = await runExport({ format: 'ndjson', type: 'chats' }, other.token);
    expect(ndjson(res.body).map((c) => c.title)).toEqual([OTHER_TITLE, OTHER_TITLE, OTHER_TITLE]);
  });

  it('refuses API keys (exports are for dashboard users)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: apiKeyHeaders(key), payload: { format: 'csv', type: 'chats' } });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/exports' })).statusCode).toBe(401);
  });
});

// ---- CSV escaping ------------------------------------------------------------------------------

describe('CSV', () => {
  it('defuses formula injection and keeps commas, quotes and line breaks intact', async () => {
    const { res } = await runExport({ format: 'csv', type: 'all' });
    const rows = csvRecords(res.body);
    const titles = new Set(rows.map((r) => r.title));
    expect(titles).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(titles).toContain('Commas, "quotes"\nand a new line');
    expect(titles).toContain(`'\tTabbed\r\nand CRLF`);
    expect(titles).toContain('طلب إجازة');
    const evil = rows.find((r) => r.title.startsWith(`'=HYPERLINK`))!;
    expect(evil.tags).toBe('leave|-minus'); // starts with "l": untouched
    expect(evil.sentiment).toBe("'+plus");
    expect(evil.question_category).toBe("'@at");
    expect(rows.map((r) => r.message_content)).toEqual(expect.arrayContaining(["'=1+2", "'-3", 'İzin, "hakkım"\nne kadar?']));
    // Numbers are never prefixed; an empty cell is null.
    const dutch = rows.find((r) => r.title === 'Verlof aanvragen')!;
    expect([dutch.avg_response_time, dutch.token_count, dutch.user_rating, dutch.is_escalated]).toEqual(['1.25', '0', '5', 'false']);
    expect(rows.find((r) => r.title === '')!.user_id).toBe('');
    // RFC 4180 line ends, and no cell of the raw text starts with a bare "=".
    expect(res.body.endsWith('\r\n')).toBe(true);
    expect(res.body).not.toMatch(/(^|,)=/m);
  });
});

// ---- bad input ---------------------------------------------------------------------------------

describe('bad input', () => {
  it.each<[unknown, string, string]>([
    [{ format: 'xml', type: 'chats' }, 'format', 'format must be one of: csv, json, ndjson'],
    [{ format: 'csv', type: 'users' }, 'type', 'type must be one of: chats, messages, all'],
    [{ type: 'chats' }, 'format', 'format is required'],
    [{ format: 'csv' }, 'type', 'type is required'],
    [{ format: 5, type: 'chats' }, 'format', 'format must be a string'],
    [{ format: 'csv', type: 'chats', filters: { country_code: 'XX' } }, 'filters.country_code', 'filters.country_code contains "XX", which is not an assigned ISO 3166-1 alpha-2 country code'],
    [{ format: 'csv', type: 'chats', filters: { is_escalated: 'yes' } }, 'filters.is_escalated', 'filters.is_escalated must be a boolean (true or false)'],
    [{ format: 'csv', type: 'chats', filters: { from: 'yesterday' } }, 'filters.from', 'filters.from must be an ISO 8601 date-time with a time zone (2026-01-31T12:00:00Z) or a date (2026-01-31)'],
    [{ format: 'csv', type: 'chats', filters: { from: '2026-02-01', to: '2026-01-01' } }, 'filters.from', 'filters.from must be before filters.to'],
    [{ format: 'csv', type: 'chats', filters: { rating_min: 6 } }, 'filters.rating_min', 'filters.rating_min must be at most 5'],
    [{ format: 'csv', type: 'chats', filters: { colour: 'red' } }, 'filters.colour', 'Unknown field: filters.colour'],
    [{ format: 'csv', type: 'chats', limit: 10 }, 'limit', 'Unknown field: limit'],
    [{ format: 'csv', type: 'chats', filters: [] }, 'filters', 'filters must be an object'],
  ])('%j → 400 naming %s', async (payload, field, error) => {
    for (const url of ['/api/v1/exports', '/api/v1/exports/sync']) {
      const res = await t.app.inject({ method: 'POST', url, headers: bearer(org.token), payload: payload as object });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error, field });
    }
  });

  it('rejects malformed ids and cursors', async () => {
    expect((await t.app.inject({ url: '/api/v1/exports/abc', headers: bearer(org.token) })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/exports/99999999', headers: bearer(org.token) })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/exports/99999999/download', headers: bearer(org.token) })).statusCode).toBe(404);
    const res = await t.app.inject({ url: '/api/v1/exports?cursor=nope', headers: bearer(org.token) });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('cursor');
    expect((await t.app.inject({ url: '/api/v1/exports?limit=0', headers: bearer(org.token) })).statusCode).toBe(400);
  });
});

// ---- states: 409 before completion, 410 after expiry, limits, listing ---------------------------

describe('job states', () => {
  it('answers 409 until the export is completed, then serves it', async () => {
    await t.app.exportWorker.stop();
    try {
      const created = await createExport({ format: 'csv', type: 'chats' });
      const id = created.json().export_id;
      const pending = (await getExport(id)).json();
      expect(pending).toMatchObject({ status: 'pending', download_url: null, row_count: null, started_at: null });
      const res = await download(id);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ error: `Export ${id} is not ready yet (status: pending); try again when its status is completed`, code: 'conflict' });
    } finally {
      t.app.exportWorker.start();
    }
    const list = (await t.app.inject({ url: '/api/v1/exports?limit=1', headers: bearer(org.token) })).json();
    const job = await waitForExport(list.exports[0].id);
    expect((await download(job.id)).statusCode).toBe(200);
  });

  it('answers 410 once expired, and the sweep deletes the file but keeps the row', async () => {
    const { job } = await runExport({ format: 'ndjson', type: 'chats' });
    const file = path.join(t.dataDir, 'exports', String(org.organization.id), `${job.id}.ndjson`);
    expect(fs.existsSync(file)).toBe(true);
    await t.database.pool.query(`UPDATE exports SET expires_at = now() - interval '1 minute' WHERE organization_id = $1 AND id = $2`, [org.organization.id, job.id]);
    expect((await getExport(job.id)).json()).toMatchObject({ status: 'completed', download_url: null });
    const before = await download(job.id);
    expect(before.statusCode).toBe(410);
    expect(before.json()).toEqual({ error: `Export ${job.id} expired and its file was deleted; create a new one`, code: 'gone' });
    expect(await t.app.exportWorker.sweep()).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(file)).toBe(false);
    const { rows } = await t.database.pool.query('SELECT status, file_path FROM exports WHERE organization_id = $1 AND id = $2', [org.organization.id, job.id]);
    expect(rows[0]).toEqual({ status: 'completed', file_path: null });
    expect((await download(job.id)).statusCode).toBe(410);
  });

  it('limits each organization to 3 pending or processing exports (429), others unaffected', async () => {
    await t.app.exportWorker.stop();
    try {
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await createExport({ format: 'csv', type: 'chats' });
        expect(res.statusCode, res.body).toBe(202);
        ids.push(res.json().export_id);
      }
      const fourth = await createExport({ format: 'csv', type: 'chats' });
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers['retry-after']).toBe('10');
      expect(fourth.json().code).toBe('too_many_exports');
      expect(fourth.json().error).toMatch(/already has 3 exports pending or in progress/);
      expect((await createExport({ format: 'csv', type: 'chats' }, other.token)).statusCode).toBe(202);
      // Concurrent requests cannot slip past the limit either.
      const burst = await Promise.all([1, 2, 3, 4, 5].map(() => createExport({ format: 'json', type: 'chats' }, other.token)));
      expect(burst.filter((r) => r.statusCode === 202)).toHaveLength(2);
      expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(3);
    } finally {
      t.app.exportWorker.start();
    }
    await drainQueue();
  });

  it('lists the organization’s exports newest first with keyset pagination', async () => {
    const { rows } = await t.database.pool.query('SELECT id FROM exports WHERE organization_id = $1 ORDER BY created_at DESC, id DESC', [org.organization.id]);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({ url: `/api/v1/exports?limit=4${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer(org.token) });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().exports.map((e: { id: number }) => e.id));
      cursor = res.json().next_cursor;
    } while (cursor);
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(seen.length).toBeGreaterThan(8);
  });
});

/** Waits until no job of this database is pending or processing. */
async function drainQueue(ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    t.app.exportWorker.wake();
    const { rows } = await t.database.pool.query(`SELECT count(*)::int AS n FROM exports WHERE status IN ('pending', 'processing')`);
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error('export queue not drained');
    await new Promise((r) => setTimeout(r, 25));
  }
}

// ---- workers: restarts, stale heartbeats, races, shutdown --------------------------------------

describe('workers', () => {
  it('picks up a job left processing by a dead worker (stale heartbeat) and counts the attempt', async () => {
    await t.app.exportWorker.stop();
    const id = (await createExport({ format: 'json', type: 'chats' })).json().export_id;
    // As if a worker had claimed it an hour ago and died.
    await t.database.pool.query(
      `UPDATE exports SET status = 'processing', attempts = 1, started_at = now() - interval '1 hour', heartbeat_at = now() - interval '1 hour' WHERE organization_id = $1 AND id = $2`,
      [org.organization.id, id],
    );
    t.app.exportWorker.start();
    const job = await waitForExport(id);
    expect(job.status).toBe('completed');
    expect((await download(id)).json()).toHaveLength(SEEDS.length);
    const { rows } = await t.database.pool.query('SELECT attempts FROM exports WHERE organization_id = $1 AND id = $2', [org.organization.id, id]);
    expect(rows[0].attempts).toBe(2);
  });

  it('leaves a processing job with a fresh heartbeat alone', async () => {
    await t.app.exportWorker.stop();
    const id = (await createExport({ format: 'json', type: 'chats' })).json().export_id;
    await t.database.pool.query(`UPDATE exports SET status = 'processing', attempts = 1, heartbeat_at = now() WHERE organization_id = $1 AND id = $2`, [org.organization.id, id]);
    const worker = new ExportWorker(t.app.deps, silent);
    expect(await worker.runOnce()).toBe(false);
    expect((await getExport(id)).json().status).toBe('processing');
    await t.database.pool.query(`UPDATE exports SET heartbeat_at = now() - interval '31 seconds' WHERE organization_id = $1 AND id = $2`, [org.organization.id, id]);
    expect(await worker.runOnce()).toBe(true);
    expect((await getExport(id)).json().status).toBe('completed');
    t.app.exportWorker.start();
  });

  it('gives up after 3 attempts with status failed and a human message', async () => {
    await t.app.exportWorker.stop();
    const id = (await createExport({ format: 'csv', type: 'chats' })).json().export_id;
    await t.database.pool.query(`UPDATE exports SET status = 'processing', attempts = 3, heartbeat_at = now() - interval '1 hour' WHERE organization_id = $1 AND id = $2`, [org.organization.id, id]);
    t.app.exportWorker.start();
    const job = await waitForExport(id);
    expect(job.status).toBe('failed');
    expect(job.error).toBe('The export was interrupted 3 times (the server running it stopped); giving up');
    const res = await download(id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatch(/^Export \d+ failed: The export was interrupted 3 times/);
  });

  it('records a failure as a sentence, never SQL, and retries up to 3 attempts', async () => {
    await t.app.exportWorker.stop();
    const id = (await createExport({ format: 'csv', type: 'chats' })).json().export_id;
    // Filters that no longer parse (e.g. stored by an older version): the job fails with the reason.
    await t.database.pool.query(`UPDATE exports SET filters = '{"country_code": "XX"}' WHERE organization_id = $1 AND id = $2`, [org.organization.id, id]);
    const worker = new ExportWorker(t.app.deps, silent);
    for (let i = 0; i < 3; i++) expect(await worker.runOnce()).toBe(true);
    expect(await worker.runOnce()).toBe(false);
    const job = (await getExport(id)).json();
    expect(job.status).toBe('failed');
    expect(job.error).toBe('filters.country_code contains "XX", which is not an assigned ISO 3166-1 alpha-2 country code');
    t.app.exportWorker.start();
  });

  it('two workers racing on one database never run a job twice', async () => {
    await t.app.exportWorker.stop();
    await drainQueue().catch(() => {});
    // A second connection pool where the backend allows it: the workers then really race.
    let second: Database | undefined;
    if (backend === 'postgres') {
      second = connectPostgres((t.database.pool as unknown as { options: { connectionString: string } }).options.connectionString, 3);
    }
    const deps2 = second ? { db: second.db, pool: second.pool, dataDir: t.dataDir } : t.app.deps;
    try {
      const ids: number[] = [];
      for (const who of [org, other]) {
        for (const [format, type] of [['csv', 'all'], ['json', 'messages'], ['ndjson', 'chats']] as const) {
          const res = await createExport({ format, type }, who.token);
          expect(res.statusCode, res.body).toBe(202);
          ids.push(res.json().export_id);
        }
      }
      // First the claim itself: many concurrent claims, each job handed out once.
      const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => claimJob(i % 2 ? deps2.db : t.app.deps.db, 30_000, 3)));
      const claimed = claims.filter((c) => c !== undefined).map((c) => c!.id);
      expect(claimed.sort()).toEqual([...ids].sort());
      await t.database.pool.query(`UPDATE exports SET status = 'pending', attempts = 0, heartbeat_at = NULL WHERE status = 'processing'`);
      // Then two running workers.
      const a = new ExportWorker(t.app.deps, silent, { pollIntervalMs: 5 });
      const b = new ExportWorker(deps2, silent, { pollIntervalMs: 5 });
      a.start();
      b.start();
      try {
        for (const [i, id] of ids.entries()) {
          const job = await waitForExport(id, i < 3 ? org.token : other.token);
          expect(job.status).toBe('completed');
        }
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
      const { rows } = await t.database.pool.query('SELECT id, attempts FROM exports WHERE id = ANY($1)', [ids]);
      expect(rows.map((r) => r.attempts)).toEqual(ids.map(() => 1));
      // csv/all of the first organization: one row per message (3 + 2 + 1 + 1), one per chat without (2).
      expect(csvRecords((await download(ids[0])).body)).toHaveLength(9);
    } finally {
      await second?.close();
      t.app.exportWorker.start();
    }
  });

  it('on shutdown gives a running job back to the queue without counting the attempt', async () => {
    await t.app.exportWorker.stop();
    const id = (await createExport({ format: 'json', type: 'chats' }, big.token)).json().export_id;
    // One chat per query, so that the job is still running when the worker stops.
    const worker = new ExportWorker(t.app.deps, silent, { pollIntervalMs: 5, chatBatchSize: 1 });
    worker.start();
    // Stopped once the job is writing its temporary file (a state to wait for, not a time).
    const dir = path.join(t.dataDir, 'exports', String(big.organization.id));
    const writing = () => fs.existsSync(dir) && fs.readdirSync(dir).some((n) => n.startsWith(`${id}.`) && n.endsWith('.tmp'));
    const deadline = Date.now() + 10_000;
    while (!writing()) {
      if (Date.now() > deadline) throw new Error('never writing');
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await getExport(id, big.token)).json().status).toBe('processing');
    await worker.stop();
    const { rows } = await t.database.pool.query('SELECT status, attempts, heartbeat_at FROM exports WHERE organization_id = $1 AND id = $2', [big.organization.id, id]);
    expect(rows[0]).toEqual({ status: 'pending', attempts: 0, heartbeat_at: null });
    expect(fs.readdirSync(dir).filter((n) => n.startsWith(`${id}.`))).toEqual([]); // no half file, no temp file
    t.app.exportWorker.start();
    const job = await waitForExport(id, big.token);
    expect(job).toMatchObject({ status: 'completed', row_count: BIG });
  });
});

// ---- the synchronous export --------------------------------------------------------------------

describe('synchronous export (POST /api/v1/exports/sync)', () => {
  const sync = (payload: unknown, token = big.token) =>
    t.app.inject({ method: 'POST', url: '/api/v1/exports/sync', headers: bearer(token), payload: payload as object });

  it('streams thousands of chats as CSV, oldest first, with Content-Disposition', async () => {
    const res = await sync({ format: 'csv', type: 'chats' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="chatlogger-chats-\d{8}T\d{6}Z\.csv"$/);
    const rows = csvRecords(res.body);
    const { rows: ids } = await t.database.pool.query('SELECT id FROM chats WHERE organization_id = $1 ORDER BY created_at, id', [big.organization.id]);
    expect(rows.map((r) => Number(r.id))).toEqual(ids.map((r) => r.id));
    expect(rows[0]).toMatchObject({ title: 'Bulk chat 1', tags: 'bulk|odd', country_code: 'NL', is_escalated: 'false' });
    expect(rows[BIG - 1].title).toBe(`Bulk chat ${BIG}`);
  });

  it('streams NDJSON and JSON with filters and messages', async () => {
    const nd = await sync({ format: 'ndjson', type: 'all', filters: { tags: ['even'], is_escalated: true } });
    expect(nd.statusCode).toBe(200);
    const lines = ndjson(nd.body);
    const expected = Array.from({ length: BIG }, (_, i) => i + 1).filter((g) => g % 2 === 0 && g % 3 === 0);
    expect(lines.map((c) => c.title)).toEqual(expected.map((g) => `Bulk chat ${g}`));
    for (const c of lines) expect(c.messages.map((m: ApiMessage) => m.content)).toEqual(c.user_id % 10 === 0 ? [`About ${c.title}`] : []);
    const json = await sync({ format: 'json', type: 'messages' });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toHaveLength(BIG / 10);
    expect((await sync({ format: 'json', type: 'chats', filters: { tags: 'none' } })).body).toBe('[]\n');
  });

  it('pages through long transcripts and many chats in order', async () => {
    const long = await signUp(t.app);
    const oid = long.organization.id;
    // 250 chats (three message windows of a batch); chat 2 has 1,203 messages, chat 3 none, chat 120 has 600, the others 2.
    await t.database.pool.query(
      `INSERT INTO chats (organization_id, title, created_at) SELECT $1, 'Long ' || g, now() - interval '1 hour' + g * interval '1 second' FROM generate_series(1, 250) AS g`,
      [oid],
    );
    await t.database.pool.query(
      `INSERT INTO messages (organization_id, chat_id, role, content)
       SELECT c.organization_id, c.id, 'user', c.title || ' #' || n
       FROM chats c, LATERAL generate_series(1, CASE c.title WHEN 'Long 2' THEN 1203 WHEN 'Long 3' THEN 0 WHEN 'Long 120' THEN 600 ELSE 2 END) AS n
       WHERE c.organization_id = $1 ORDER BY c.created_at, n`,
      [oid],
    );
    const { rows } = await t.database.pool.query(
      'SELECT m.id FROM messages m JOIN chats c ON c.organization_id = m.organization_id AND c.id = m.chat_id WHERE m.organization_id = $1 ORDER BY c.created_at, c.id, m.id',
      [oid],
    );
    expect(rows).toHaveLength(1203 + 600 + 247 * 2);
    const messages = await sync({ format: 'ndjson', type: 'messages' }, long.token);
    expect(ndjson(messages.body).map((m) => m.id)).toEqual(rows.map((r) => r.id));
    const all = (await sync({ format: 'json', type: 'all' }, long.token)).json();
    expect(all.map((c: { title: string }) => c.title)).toEqual(Array.from({ length: 250 }, (_, i) => `Long ${i + 1}`));
    expect(all.flatMap((c: { messages: { id: number }[] }) => c.messages.map((m) => m.id))).toEqual(rows.map((r) => r.id));
    expect(all[2].messages).toEqual([]);
    expect(all[1].messages.map((m: { content: string }) => m.content).slice(-2)).toEqual(['Long 2 #1202', 'Long 2 #1203']);
    const csv = csvRecords((await sync({ format: 'csv', type: 'all' }, long.token)).body);
    expect(csv).toHaveLength(rows.length + 1); // + one row for the chat without messages
    expect(csv.filter((r) => r.message_id !== '').map((r) => Number(r.message_id))).toEqual(rows.map((r) => r.id));
  });

  it('limits concurrent synchronous exports (429) and frees a slot when a client disconnects', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    /** A synchronous export over real HTTP (no keep-alive): its status once the first bytes arrive. */
    const open = () =>
      new Promise<{ status: number; body: () => Promise<string>; destroy: () => void }>((resolve, reject) => {
        const req = http.request(`${address}/api/v1/exports/sync`, { method: 'POST', agent: false, headers: { ...bearer(big.token), 'content-type': 'application/json' } }, (res) => {
          const parts: Buffer[] = [];
          const ended = new Promise<string>((done) => res.on('end', () => done(Buffer.concat(parts).toString())));
          res.on('data', (d: Buffer) => {
            parts.push(d);
            if (parts.length > 1) return;
            res.pause(); // a slow reader: reads one chunk, then stops
            resolve({ status: res.statusCode!, destroy: () => req.destroy(), body: () => (res.resume(), ended) });
          });
        });
        req.on('error', reject);
        req.end(JSON.stringify({ format: 'json', type: 'all' }));
      });
    const readers = [];
    for (let i = 0; i < 4; i++) {
      const r = await open();
      expect(r.status).toBe(200);
      readers.push(r);
    }
    const fifth = await open();
    expect(fifth.status).toBe(429);
    expect(JSON.parse(await fifth.body())).toMatchObject({ code: 'too_many_exports' });
    // A slow reader still gets the whole file.
    const whole = JSON.parse(await readers[0].body());
    expect(whole).toHaveLength(BIG);
    // The other clients go away: their exports stop and free their slots.
    for (const r of readers.slice(1)) r.destroy();
    // Each probe takes slots of its own until its stream notices the cut, so on a busy machine
    // probing again at once could keep meeting its own earlier probes: wait longer each time.
    const deadline = Date.now() + 30_000;
    for (let pause = 50; ; pause = Math.min(pause * 2, 2_000)) {
      const again = await Promise.all([open(), open(), open(), open()]);
      for (const a of again) a.destroy();
      if (again.every((a) => a.status === 200)) break;
      if (Date.now() > deadline) throw new Error('slots never freed');
      await new Promise((r) => setTimeout(r, pause));
    }
  }, 60_000);
});
