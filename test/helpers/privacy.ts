// Checks the privacy tests share: a full dump of the database, the export folder's text, and that
// the rollups are exactly the sums of the chats that remain.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { TestContext } from './app.js';
import { foldAll } from '../../src/analytics/fold/fold.js';

/**
 * Every row of every table as text: `pg_dump` of the database on PostgreSQL; on PGlite (no
 * pg_dump) each table's rows cast to text by SQL.
 */
export async function dumpDatabase(t: TestContext): Promise<string> {
  if (t.database.kind === 'postgres') {
    const url = (t.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const { stdout } = await promisify(execFile)('pg_dump', ['--data-only', '--no-owner', url], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  }
  const { rows: tables } = await t.database.pool.query<{ name: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await t.database.pool.query<{ r: string }>(`SELECT t::text AS r FROM ${name} t`);
    parts.push(`-- ${name}\n${rows.map((r) => r.r).join('\n')}`);
  }
  return parts.join('\n');
}

/** The rows of one table in a dump (pg_dump's COPY block, or our "-- table" section). */
export function tableRows(dump: string, table: string): string[] {
  const copy = new RegExp(`^COPY public\\.${table} \\(.*\\) FROM stdin;\\n([\\s\\S]*?)^\\\\\\.$`, 'm').exec(dump);
  if (copy) return copy[1].split('\n').filter(Boolean);
  const section = new RegExp(`^-- public\\.${table}\\n([\\s\\S]*?)(?=^-- public\\.|$(?![\\s\\S]))`, 'm').exec(dump);
  expect(section, `table ${table} in the dump`).not.toBeNull();
  return section![1].split('\n').filter(Boolean);
}

/** The text of every file under DATA_DIR/exports. */
export function exportFolderText(dataDir: string): string {
  const root = path.join(dataDir, 'exports');
  if (!fs.existsSync(root)) return '';
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => fs.readFileSync(path.join(d.parentPath ?? (d as unknown as { path: string }).path, d.name), 'utf8'))
    .join('\n');
}

const SUM_COLUMNS = ['chats', 'messages', 'escalation_known', 'escalated', 'hr_known', 'hr_forwarded', 'response_time_count', 'rated', 'rating_sum', 'satisfied', 'token_count_count', 'token_sum'];

/**
 * The rollups are exactly the sums of the organization's chats: deleting all its chats (in a
 * transaction rolled back afterwards) takes every rollup row to zero. Any row left non-zero was
 * not the sum of the chats that remain.
 */
export async function expectRollupsExact(t: TestContext, organizationId: number): Promise<void> {
  const client = await t.database.pool.connect();
  try {
    await client.query('BEGIN');
    await foldAll(client);
    const before = await client.query(`SELECT count(*)::int AS n FROM chat_rollups WHERE organization_id = $1 AND chats <> 0`, [organizationId]);
    expect(before.rows[0].n).toBeGreaterThan(0);
    await client.query('DELETE FROM chats WHERE organization_id = $1', [organizationId]);
    // What the delete (and every earlier write) left pending, folded in: the rollup tables alone.
    await foldAll(client);
    for (const table of ['chat_rollups', 'chat_daily_rollups', 'chat_daily_pair_rollups']) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1
           AND (${SUM_COLUMNS.map((c) => `${c} <> 0`).join(' OR ')} OR abs(response_time_sum) > 1e-6)`,
        [organizationId],
      );
      expect(rows[0].n, `${table} rows that are not the sums of the chats`).toBe(0);
    }
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}
