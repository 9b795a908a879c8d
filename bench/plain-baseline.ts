// What PostgreSQL (or PGlite) does on its own with the same chats: a plain chats + tags schema (the
// columns of a chat, a row per tag; no rollups, no triggers, no HTTP), written with varied fields
// one chat per transaction and 100 chats per transaction. On PostgreSQL pgbench drives it (the
// machine's /usr/bin/pgbench); on PGlite its one connection, in process. bench/ingest.ts prints
// these next to the server's own rates.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';

export const PLAIN_SCHEMA = `
  DROP TABLE IF EXISTS plain_chat_tags, plain_chats;
  CREATE TABLE plain_chats (
    id bigserial PRIMARY KEY, organization_id bigint NOT NULL, title text, user_id bigint, created_at timestamptz NOT NULL DEFAULT now(),
    question_category text, sentiment text, country_code text, language_code text, user_rating smallint,
    is_escalated boolean, is_forwarded_to_hr boolean, avg_response_time double precision, token_count bigint, session_id text, transcript_link text);
  CREATE INDEX ON plain_chats (organization_id, created_at);
  CREATE TABLE plain_chat_tags (chat_id bigint NOT NULL REFERENCES plain_chats (id), tag text NOT NULL, PRIMARY KEY (chat_id, tag));`;

// One varied chat (fields drawn per row as bench/chat-fields.ts draws them, near enough) and its
// tags: `n` chats in one statement, their tags in the next, in one transaction.
const insertChats = (n: number) => `
  WITH c AS (
    INSERT INTO plain_chats (organization_id, title, user_id, question_category, sentiment, country_code, language_code, user_rating,
      is_escalated, is_forwarded_to_hr, avg_response_time, token_count, session_id, transcript_link)
    SELECT 1, 'How many vacation days do I have left?', 1 + (random() * 20000)::int,
      (ARRAY['leave','payroll','benefits','onboarding','relocation','expenses','training','other'])[1 + (random() * 7)::int],
      (ARRAY['positive','neutral','negative'])[1 + (random() * 2)::int],
      (ARRAY['NL','DE','GB','US','TR','AE','FR','ES'])[1 + (random() * 7)::int],
      (ARRAY['nl','de','en','en','tr','ar','fr','es'])[1 + (random() * 7)::int],
      1 + (random() * 4)::int, random() < 0.12, random() < 0.06, random() * 8, (random() * 3000)::int,
      'session-1', 'https://bot.example.com/transcripts/1'
    FROM generate_series(1, ${n})
    RETURNING id)
  INSERT INTO plain_chat_tags SELECT c.id, t.tag FROM c, unnest(ARRAY['leave','pto','payroll','urgent','vip']) AS t(tag) WHERE random() < 0.15`;

export interface PlainRate {
  chatsPerSecond: number;
  transactions: number;
  chatsStored: number;
  clients: number;
  perTransaction: number;
}

const run = promisify(execFile);

/** pgbench on `url` for `seconds`: `perTransaction` chats per transaction from `clients` connections. */
export async function pgbenchPlain(url: string, client: pg.ClientBase, perTransaction: number, clients: number, seconds: number): Promise<PlainRate> {
  await client.query(PLAIN_SCHEMA);
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plain-bench-')), 'insert.sql');
  // One statement per line: pgbench runs each in the transaction of its own (autocommit).
  fs.writeFileSync(script, insertChats(perTransaction).replace(/\s+/g, ' ').trim() + ';\n');
  const { stdout } = await run('pgbench', ['-n', '-f', script, '-c', String(clients), '-j', '2', '-T', String(seconds), '-M', 'prepared', url], { maxBuffer: 1 << 24 });
  const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)![1]);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)![1]);
  const { rows } = await client.query('SELECT count(*)::int AS n FROM plain_chats');
  await client.query('DROP TABLE plain_chat_tags, plain_chats');
  return { chatsPerSecond: tps * perTransaction, transactions, chatsStored: rows[0].n, clients, perTransaction };
}

/** The same on PGlite's one connection, in process, for `seconds`. */
export async function pglitePlain(client: pg.ClientBase, perTransaction: number, seconds: number): Promise<PlainRate> {
  await client.query(PLAIN_SCHEMA);
  const sql = insertChats(perTransaction);
  const until = Date.now() + seconds * 1000;
  const start = process.hrtime.bigint();
  let transactions = 0;
  while (Date.now() < until) {
    await client.query(sql);
    transactions++;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const { rows } = await client.query('SELECT count(*)::int AS n FROM plain_chats');
  await client.query('DROP TABLE plain_chat_tags, plain_chats');
  return { chatsPerSecond: (transactions * perTransaction) / elapsed, transactions, chatsStored: rows[0].n, clients: 1, perTransaction };
}
