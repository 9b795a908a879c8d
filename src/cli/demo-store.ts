// Writes the demo organization's chats: the generated bodies are checked exactly as the API checks
// them (the batch endpoint's check, the Add Message schema) and stored in one transaction that first
// deletes the organization's previous chats, so a refresh replaces them all or changes nothing.
// Chats go in through the ingest path's INSERT (the rollup triggers fire as for the API); messages
// through an INSERT of the same shape that also sets created_at (the API stamps messages with the
// time they arrive, and these arrived over the last 90 days).
import type pg from 'pg';
import { foldAll } from '../analytics/fold/fold.js';
import { checkBatch } from '../chats/batch.js';
import { insertChatRows } from '../ingest/chat-rows.js';
import { inTransaction } from '../ingest/transaction.js';
import { assertSafeStrings } from '../http/string-safety.js';
import { makeAjv } from '../http/validation.js';
import { CreateMessageBody } from '../messages/schemas.js';
import type { DemoChat } from '../demo/generator.js';

/** Chats per INSERT (with all their messages in the next one). */
const BATCH = 1000;

const validateMessage = makeAjv({ coerceTypes: false }).compile(CreateMessageBody);

const INSERT_MESSAGES = `
  INSERT INTO messages (organization_id, chat_id, role, content, token_count, response_time, created_at)
  SELECT o, c, r, ct, tk, rt, cr
  FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::float8[], $7::timestamptz[])
    WITH ORDINALITY AS x(o, c, r, ct, tk, rt, cr, n)
  ORDER BY n`;

export interface StoreResult {
  deletedChats: number;
  chats: number;
  messages: number;
}

async function insertBatch(client: pg.ClientBase, organizationId: number, batch: DemoChat[]): Promise<number> {
  const checked = checkBatch(batch.map((c) => c.body));
  if (checked.rows.length !== batch.length) {
    const refused = checked.answer([]).body.results.find((r) => r.status === 400);
    throw new Error(`generated chat refused by the Create Chat checks: ${refused?.error}`);
  }
  const ids = await insertChatRows(client, checked.rows.map((r) => ({ organizationId, chat: r.chat })));
  const columns = { org: [] as number[], chat: [] as number[], role: [] as string[], content: [] as string[], tokens: [] as (number | null)[], time: [] as (number | null)[], created: [] as string[] };
  batch.forEach((chat, i) => {
    for (const message of chat.messages) {
      const { created_at, ...body } = message;
      assertSafeStrings(body);
      if (!validateMessage(body)) throw new Error(`generated message refused by the Add Message checks: ${JSON.stringify(validateMessage.errors)}`);
      columns.org.push(organizationId);
      columns.chat.push(ids[i]);
      columns.role.push(body.role);
      columns.content.push(body.content);
      columns.tokens.push(body.metadata?.token_count ?? null);
      columns.time.push(body.metadata?.response_time ?? null);
      columns.created.push(created_at);
    }
  });
  if (columns.org.length > 0) {
    await client.query(INSERT_MESSAGES, [columns.org, columns.chat, columns.role, columns.content, columns.tokens, columns.time, columns.created]);
  }
  return columns.org.length;
}

/**
 * Deletes the organization's rollup rows that count no chat (what deleting its chats leaves), in
 * every table of per-chat sums (chat_rollups, and any other chat_*rollups table with a chats
 * column), so that refreshing the demo again and again does not pile up rows of zeros.
 */
async function dropEmptyRollups(client: pg.ClientBase, organizationId: number): Promise<void> {
  const { rows } = await client.query<{ table_name: string }>(`
    SELECT c.table_name FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.table_name LIKE 'chat%rollups' AND c.column_name = 'chats'
      AND EXISTS (SELECT 1 FROM information_schema.columns o
                  WHERE o.table_schema = c.table_schema AND o.table_name = c.table_name AND o.column_name = 'organization_id')
    ORDER BY 1`);
  for (const { table_name } of rows) {
    await client.query(`DELETE FROM "${table_name}" WHERE organization_id = $1 AND chats = 0`, [organizationId]);
  }
}

/**
 * Replaces the organization's chats (and their messages) with `chats`, in one transaction. When
 * `signal` aborts (Ctrl-C), the transaction is rolled back after the current batch: the previous
 * chats stay as they were.
 */
export function replaceChats(
  pool: pg.Pool,
  organizationId: number,
  chats: Iterable<DemoChat>,
  options: { signal?: AbortSignal; onProgress?: (chats: number) => void } = {},
): Promise<StoreResult> {
  return inTransaction(pool, async (client) => {
    // Messages go with their chats (ON DELETE CASCADE); the rollup triggers take the chats out of
    // the organization's rollups, which leaves rows of zeros: those are dropped.
    const deleted = await client.query('DELETE FROM chats WHERE organization_id = $1', [organizationId]);
    // The delete's changes are pending: folded first, inside this transaction, so that the rows it
    // takes to zero are zero when dropEmptyRollups looks.
    await foldAll(client);
    await dropEmptyRollups(client, organizationId);
    const result: StoreResult = { deletedChats: deleted.rowCount ?? 0, chats: 0, messages: 0 };
    let batch: DemoChat[] = [];
    const flush = async () => {
      result.messages += await insertBatch(client, organizationId, batch);
      result.chats += batch.length;
      batch = [];
      options.onProgress?.(result.chats);
      // The embedded database works on this thread: give signals a turn between batches.
      await new Promise((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
    };
    for (const chat of chats) {
      batch.push(chat);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    return result;
  });
}
