// Redaction at ingest: on every write path (Create Chat on both routes, both batch routes, Update
// Chat on both routes, Add Message on both routes) the organization's policy is applied to the
// title, the tags, the free-text metadata and the messages' content before anything is written, so
// that neither a table (a full dump), the server's log, an idempotency row nor an export holds an
// original value. Values are drawn with the corpus generators of bench/redaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { email, iban, ipAddress, nationalId, nearMiss, checksummed, paymentCard, phone } from '../bench/redaction/values.js';
import { Random } from '../src/demo/random.js';
import { loggerOptions } from '../src/http/logging.js';
import type { EntityType } from '../src/redaction/entities.js';
import { apiKeyHeaders, bearer, createApiKey, createTestApp, signUp, type SignedUp, type TestContext } from './helpers/app.js';
import { dumpDatabase, exportFolderText, tableRows } from './helpers/privacy.js';
import { requestHash } from '../src/ingest/idempotency.js';

let t: TestContext;
const lines: string[] = [];
const r = new Random(1313);

beforeAll(async () => {
  t = await createTestApp({ logger: loggerOptions('info', { write: (line) => void lines.push(line) }) });
});
afterAll(() => t?.close());

interface Org extends SignedUp {
  key: string;
}

async function organization(): Promise<Org> {
  const org = await signUp(t.app);
  return { ...org, key: (await createApiKey(t.app, org.token)).key };
}

async function setPolicy(org: Org, redaction: Partial<Record<EntityType, string>>) {
  const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/orgs/me/privacy', headers: bearer(org.token), payload: { redaction } });
  expect(res.statusCode, res.body).toBe(200);
}

const ALL: EntityType[] = ['email', 'phone', 'iban', 'payment_card', 'national_id', 'ip_address'];
const policyOf = (action: string) => Object.fromEntries(ALL.map((type) => [type, action]));

/** One fresh value of each type, as a Dutch employee would write it. */
function values(): Record<EntityType, string> {
  return { email: email(r), phone: phone(r, 'NL'), iban: iban(r), payment_card: paymentCard(r), national_id: nationalId(r, 'nl'), ip_address: ipAddress(r) };
}

const sentence = (v: Record<EntityType, string>) => `mail ${v.email}, bel ${v.phone}; IBAN ${v.iban} kaart ${v.payment_card} BSN ${v.national_id} vanaf ${v.ip_address}`;

/** A Create Chat body whose every free-text field carries planted values. */
function plantedChat(v: Record<EntityType, string>) {
  return {
    title: sentence(v),
    tags: [v.email, `iban ${v.iban}`, 'leave'],
    user_id: 7,
    metadata: {
      country_code: 'NL',
      language_code: 'nl',
      question_category: `bel ${v.phone}`,
      sentiment: `kaart ${v.payment_card}`,
      session_id: v.email,
      transcript_link: `https://bot.example.com/t?user=${v.email}&id=${v.national_id.replace(/\D/g, '')}`,
      user_rating: 3,
    },
  };
}

const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

async function readChat(org: Org, id: number) {
  const res = await inject('GET', `/api/v1/chats/${id}?include_messages=true`, bearer(org.token));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

// The write paths, each storing planted values in a chat and answering the chat's id.
type WritePath = (org: Org, v: Record<EntityType, string>) => Promise<number>;

async function created(res: Awaited<ReturnType<typeof inject>>): Promise<number> {
  expect(res.statusCode, res.body).toBe(201);
  return res.json().chat_id;
}

async function newChat(org: Org): Promise<number> {
  return created(await inject('POST', '/api/v1/chats', apiKeyHeaders(org.key), { metadata: { country_code: 'NL', language_code: 'nl' } }));
}

async function addMessage(org: Org, url: (id: number) => string, v: Record<EntityType, string>): Promise<number> {
  const id = await newChat(org);
  const res = await inject('POST', url(id), apiKeyHeaders(org.key), { role: 'user', content: sentence(v) });
  expect(res.statusCode, res.body).toBe(201);
  return id;
}

async function batchOf(org: Org, url: string, v: Record<EntityType, string>): Promise<number> {
  const res = await inject('POST', url, apiKeyHeaders(org.key), { chats: [{ title: 'first' }, plantedChat(v)] });
  expect(res.statusCode, res.body).toBe(207);
  expect(res.json().results[1].status).toBe(201);
  return res.json().results[1].chat_id;
}

async function patched(org: Org, url: (id: number) => string, v: Record<EntityType, string>): Promise<number> {
  const id = await newChat(org);
  const { metadata, user_id: _, ...rest } = plantedChat(v);
  const { country_code: _c, language_code: _l, ...text } = metadata;
  const res = await inject('PATCH', url(id), apiKeyHeaders(org.key), { ...rest, metadata: text });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

const PATHS: Record<string, WritePath> = {
  'POST /api/v1/chats': async (org, v) => created(await inject('POST', '/api/v1/chats', apiKeyHeaders(org.key), plantedChat(v))),
  'POST /api/v1/orgs/:slug/chats': async (org, v) => created(await inject('POST', `/api/v1/orgs/${org.organization.slug}/chats`, apiKeyHeaders(org.key), plantedChat(v))),
  'POST /api/v1/chats/batch': (org, v) => batchOf(org, '/api/v1/chats/batch', v),
  'POST /api/v1/orgs/:slug/chats/batch': (org, v) => batchOf(org, `/api/v1/orgs/${org.organization.slug}/chats/batch`, v),
  'PATCH /api/v1/chats/:id': (org, v) => patched(org, (id) => `/api/v1/chats/${id}`, v),
  'PATCH /api/v1/orgs/:slug/chats/:id': (org, v) => patched(org, (id) => `/api/v1/orgs/${org.organization.slug}/chats/${id}`, v),
  'POST /api/v1/chats/:id/messages': (org, v) => addMessage(org, (id) => `/api/v1/chats/${id}/messages`, v),
  'POST /api/v1/orgs/:slug/chats/:id/messages': (org, v) => addMessage(org, (id) => `/api/v1/orgs/${org.organization.slug}/chats/${id}/messages`, v),
};

/** Every text a chat holds: title, tags, free-text metadata, messages. */
function textsOf(chat: Record<string, any>): string[] {
  const m = chat.metadata;
  return [chat.title, ...chat.tags, m.question_category, m.sentiment, m.session_id, m.transcript_link, ...chat.messages.map((x: { content: string }) => x.content)].filter(
    (s): s is string => typeof s === 'string',
  );
}

const PSEUDONYM = (type: EntityType) => new RegExp(`\\[${type}:([0-9a-f]{8})\\]`, 'g');

describe('redaction at ingest, per write path', () => {
  // mask, pseudonymize and keep, each on two types.
  const POLICY = { email: 'mask', phone: 'pseudonymize', iban: 'mask', payment_card: 'pseudonymize', national_id: 'mask', ip_address: 'keep' } as const;
  let a: Org;
  let b: Org;
  // The same values sent on every path, in both organizations.
  const v = values();
  const pseudonyms: Record<string, Record<string, Set<string>>> = {};

  beforeAll(async () => {
    [a, b] = [await organization(), await organization()];
    await setPolicy(a, POLICY);
    await setPolicy(b, POLICY);
  });

  for (const [name, write] of Object.entries(PATHS)) {
    it(`${name}: each type masked, pseudonymized or kept as the policy says`, async () => {
      for (const org of [a, b]) {
        const chat = await readChat(org, await write(org, v));
        const texts = textsOf(chat).join('\n');
        // Every field the path writes holds the redacted sentence, or part of it.
        expect(texts).toContain('[email]');
        // Each value is gone unless the policy keeps it.
        for (const type of ALL) expect(texts.includes(v[type]), type).toBe(POLICY[type] === 'keep');
        expect(texts).toContain(v.ip_address);
        if (name.includes('messages')) {
          expect(chat.messages[0].content).toMatch(/^mail \[email\], bel \[phone:[0-9a-f]{8}\]; IBAN \[iban\] kaart \[payment_card:[0-9a-f]{8}\] BSN \[national_id\] vanaf /);
        } else {
          expect(chat.title).toMatch(/^mail \[email\], bel \[phone:[0-9a-f]{8}\]; IBAN \[iban\] kaart \[payment_card:[0-9a-f]{8}\] BSN \[national_id\] vanaf /);
          expect(chat.tags).toEqual(expect.arrayContaining(['[email]', 'iban [iban]', 'leave']));
          expect(chat.metadata.session_id).toBe('[email]');
          expect(chat.metadata.question_category).toMatch(/^bel \[phone:[0-9a-f]{8}\]$/);
          expect(chat.metadata.sentiment).toMatch(/^kaart \[payment_card:[0-9a-f]{8}\]$/);
          expect(chat.metadata.transcript_link).not.toContain(v.national_id.replace(/\D/g, ''));
        }
        for (const type of ['phone', 'payment_card'] as const) {
          const found = [...texts.matchAll(PSEUDONYM(type))].map((m) => m[1]);
          expect(found.length, type).toBeGreaterThan(0);
          ((pseudonyms[org.organization.slug] ??= {})[type] ??= new Set()).add(found[0]);
          for (const p of found) pseudonyms[org.organization.slug][type].add(p);
        }
      }
    });
  }

  it('the same value has one pseudonym on every path of an organization, and another in another organization', () => {
    for (const type of ['phone', 'payment_card']) {
      const ofA = pseudonyms[a.organization.slug][type];
      const ofB = pseudonyms[b.organization.slug][type];
      expect([...ofA], type).toHaveLength(1);
      expect([...ofB], type).toHaveLength(1);
      expect([...ofA][0]).not.toBe([...ofB][0]);
    }
  });

  it('another value of the same type has another pseudonym', async () => {
    const other = values();
    const chat = await readChat(a, await PATHS['POST /api/v1/chats'](a, other));
    const [p] = [...chat.title.matchAll(PSEUDONYM('phone'))].map((m: RegExpMatchArray) => m[1]);
    expect(p).not.toBe([...pseudonyms[a.organization.slug].phone][0]);
  });

  it('remove_tags finds a tag stored redacted by its original', async () => {
    const id = await PATHS['POST /api/v1/chats'](a, v);
    const res = await inject('PATCH', `/api/v1/chats/${id}`, apiKeyHeaders(a.key), { remove_tags: [v.email] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().tags).toEqual(['iban [iban]', 'leave']);
  });
});

describe('policy changes', () => {
  it('a PATCH of the policy applies to the very next chat and message', async () => {
    const org = await organization();
    const v = values();
    const post = async () => readChat(org, await PATHS['POST /api/v1/chats/:id/messages'](org, v));
    const kept = await post();
    expect(kept.messages[0].content).toBe(sentence(v));
    await setPolicy(org, policyOf('mask'));
    const masked = await post();
    expect(masked.messages[0].content).toBe('mail [email], bel [phone]; IBAN [iban] kaart [payment_card] BSN [national_id] vanaf [ip_address]');
    await setPolicy(org, { phone: 'keep' });
    const chat = await readChat(org, await PATHS['POST /api/v1/chats'](org, v));
    expect(chat.title).toBe(`mail [email], bel ${v.phone}; IBAN [iban] kaart [payment_card] BSN [national_id] vanaf [ip_address]`);
    await setPolicy(org, policyOf('keep'));
    expect((await readChat(org, await PATHS['POST /api/v1/chats'](org, v))).title).toBe(sentence(v));
  });

  it('near-misses stay as written under a policy that masks every type', async () => {
    const org = await organization();
    await setPolicy(org, policyOf('mask'));
    const misses = Array.from({ length: 60 }, () => nearMiss(r, r.chance(0.5) ? () => checksummed(r) : null));
    const id = await newChat(org);
    for (let i = 0; i < misses.length; i += 10) {
      const content = `Ticket ${misses.slice(i, i + 10).join(' en ')} staat nog open.`;
      const res = await inject('POST', `/api/v1/chats/${id}/messages`, apiKeyHeaders(org.key), { role: 'user', content });
      expect(res.statusCode, res.body).toBe(201);
    }
    const title = misses.slice(0, 8).join(' ');
    const chat = await readChat(org, (await inject('POST', '/api/v1/chats', apiKeyHeaders(org.key), { title, metadata: { country_code: 'NL' } })).json().chat_id);
    expect(chat.title).toBe(title);
    const transcript = await readChat(org, id);
    expect(transcript.messages.map((m: { content: string }) => m.content).join(' ')).not.toMatch(/\[(email|phone|iban|payment_card|national_id|ip_address)\]/);
    for (const miss of misses) expect(transcript.messages.map((m: { content: string }) => m.content).join(' ')).toContain(miss);
  });

  it('transcript_link: record ids in its path stay, its query is redacted like any text, an e-mail address anywhere', async () => {
    const org = await organization();
    await setPolicy(org, policyOf('mask'));
    const v = values();
    const id = v.national_id.replace(/\D/g, ''); // a valid BSN, as a record id would be one time in eleven
    const links = [`https://bot.example.com/transcripts/${id}`, `https://bot.example.com/t?bsn=${id}#x`, `https://bot.example.com/u/${v.email}/t`];
    const stored = [];
    for (const link of links) {
      const res = await inject('POST', '/api/v1/chats', apiKeyHeaders(org.key), { metadata: { country_code: 'NL', transcript_link: link } });
      stored.push((await readChat(org, await created(res))).metadata.transcript_link);
    }
    expect(stored).toEqual([links[0], 'https://bot.example.com/t?bsn=[national_id]#x', 'https://bot.example.com/u/[email]/t']);
  });

  it('a retry with the same Idempotency-Key replays; a changed value of a redacted type still replays (it stores the same)', async () => {
    const org = await organization();
    await setPolicy(org, policyOf('mask'));
    const headers = { ...apiKeyHeaders(org.key), 'idempotency-key': 'retry-1' };
    const first = await inject('POST', '/api/v1/chats', headers, plantedChat(values()));
    expect(first.statusCode, first.body).toBe(201);
    const again = await inject('POST', '/api/v1/chats', headers, plantedChat(values()));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().chat_id).toBe(first.json().chat_id);
    // Another text that is not redacted is another request.
    const other = await inject('POST', '/api/v1/chats', headers, { ...plantedChat(values()), title: 'something else' });
    expect(other.statusCode, other.body).toBe(422);
  });
});

describe('no original anywhere', () => {
  it('a full dump of the database, the export files and the server log hold none of the planted values', async () => {
    const org = await organization();
    await setPolicy(org, { email: 'mask', phone: 'pseudonymize', iban: 'pseudonymize', payment_card: 'mask', national_id: 'pseudonymize', ip_address: 'mask' });
    const planted: string[] = [];
    const fresh = () => {
      const v = values();
      planted.push(...Object.values(v));
      return v;
    };
    const key = apiKeyHeaders(org.key);
    const slug = org.organization.slug;
    const chatIds: number[] = [];
    for (const write of Object.values(PATHS)) chatIds.push(await write(org, fresh()));
    // Idempotent requests and their retries, on every create route.
    const originalHashes: string[] = [];
    for (const [i, url] of ['/api/v1/chats', `/api/v1/orgs/${slug}/chats`].entries()) {
      const body = plantedChat(fresh());
      originalHashes.push(requestHash('chat', body));
      for (let n = 0; n < 2; n++) {
        const res = await inject('POST', url, { ...key, 'idempotency-key': `chat-${i}` }, body);
        expect(res.statusCode, res.body).toBe(201);
        chatIds.push(res.json().chat_id);
      }
    }
    for (const [i, url] of ['/api/v1/chats/batch', `/api/v1/orgs/${slug}/chats/batch`].entries()) {
      // With an invalid item too: it is not stored, and the key's row must not hold it either.
      const body = { chats: [plantedChat(fresh()), { ...plantedChat(fresh()), user_id: 'seven' }, plantedChat(fresh())] };
      for (let n = 0; n < 2; n++) {
        const res = await inject('POST', url, { ...key, 'idempotency-key': `batch-${i}` }, body);
        expect(res.statusCode, res.body).toBe(207);
        expect(res.json().results.map((x: { status: number }) => x.status)).toEqual([201, 400, 201]);
      }
    }
    for (const [i, url] of [`/api/v1/chats/${chatIds[0]}/messages`, `/api/v1/orgs/${slug}/chats/${chatIds[1]}/messages`].entries()) {
      const body = { role: 'user', content: sentence(fresh()) };
      for (let n = 0; n < 2; n++) {
        const res = await inject('POST', url, { ...key, 'idempotency-key': `message-${i}` }, body);
        expect(res.statusCode, res.body).toBe(201);
      }
    }
    // A message whose content is only the value, and one spelled in capitals.
    const v = fresh();
    for (const content of [v.phone, v.email.toUpperCase(), v.iban.replace(/\s/g, '')]) {
      planted.push(content);
      expect((await inject('POST', `/api/v1/chats/${chatIds[2]}/messages`, key, { role: 'assistant', content })).statusCode).toBe(201);
    }
    const exp = await inject('POST', '/api/v1/exports', bearer(org.token), { format: 'ndjson', type: 'all' });
    expect(exp.statusCode, exp.body).toBe(202);
    for (let i = 0; ; i++) {
      const job = (await inject('GET', `/api/v1/exports/${exp.json().export_id}`, bearer(org.token))).json();
      if (job.status === 'completed') break;
      expect(job.status).not.toBe('failed');
      if (i > 400) throw new Error('export did not complete');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const exported = exportFolderText(t.dataDir);
    expect(exported).toContain('[email]');
    const dump = await dumpDatabase(t);
    expect(dump).toContain('[phone:');
    // The keys' rows hold a hash of the redacted body, not of the original (which could be guessed).
    expect(tableRows(dump, 'idempotency_keys').length).toBeGreaterThanOrEqual(6);
    for (const hash of originalHashes) expect(dump).not.toContain(hash);
    const log = lines.join('');
    expect(log).toContain('/api/v1/chats/batch');
    // Each value as written, and in the normalized forms a detector or a hash would use.
    const forms = planted.flatMap((p) => [p, p.toLowerCase(), p.replace(/[\s.-]/g, '')]);
    for (const form of new Set(forms)) {
      expect(dump.includes(form), `dump holds ${form}`).toBe(false);
      expect(exported.includes(form), `export holds ${form}`).toBe(false);
      expect(log.includes(form), `log holds ${form}`).toBe(false);
    }
  }, 120_000);
});
