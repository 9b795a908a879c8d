// The rollup SQL rendered from the field registry (src/db/rollup-sql): what the migrated database
// runs is the render (each function's source and settings, the composite type's attributes), the
// checked-in rollups.sql is the render, and the migration a newly rolled-up field would get
// backfills its rows so that every rollup table equals a recomputation from the chats rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldAll } from '../src/analytics/fold/fold.js';
import { rowSumSql } from '../src/fields/rollup-sums.js';
import type { Database } from '../src/db/connection.js';
import { MIGRATIONS_FOLDER } from '../src/db/migrate.js';
import { ROLLUPS_FILE, writeRollupMigration } from '../src/db/rollup-sql/files.js';
import { BREAKPOINT, renderMigration } from '../src/db/rollup-sql/migration.js';
import { nonZero } from '../src/db/rollup-sql/parts.js';
import { registrySpec, render, type RollupSpec } from '../src/db/rollup-sql/render.js';
import { valueText } from '../src/db/rollup-sql/spec.js';
import { backend, createTestDatabase } from './helpers/database.js';

const rendered = render();

describe(`the rendered rollup SQL is what the migrated database runs (${backend})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('rollups.sql is the render of the registry', () => {
    expect(fs.readFileSync(ROLLUPS_FILE, 'utf8')).toBe(rendered.text);
  });

  it.each(rendered.functions.map((f) => [f.name, f] as const))('%s: its source and settings in pg_proc are the render', async (name, f) => {
    const { rows } = await database.pool.query<{ prosrc: string; proconfig: string[] | null; args: string }>(
      `SELECT prosrc, proconfig, pg_get_function_identity_arguments(oid) AS args FROM pg_proc WHERE proname = $1 AND pronamespace = 'public'::regnamespace`,
      [name],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].prosrc).toBe(f.body);
    expect(rows[0].proconfig ?? []).toEqual(f.config);
    expect(rows[0].args).toBe(f.args);
  });

  it("the composite type's attributes are the render's, and chat_rollup_pending has a column for each", async () => {
    const { rows } = await database.pool.query<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = (SELECT typrelid FROM pg_type WHERE oid = 'chat_rollup_combo'::regtype) AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    );
    expect(rows).toEqual(rendered.typeAttributes);
    const { rows: columns } = await database.pool.query<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = 'chat_rollup_pending'::regclass AND attnum > 0 AND NOT attisdropped`,
    );
    const byName = (xs: { name: string; type: string }[]) => Object.fromEntries(xs.map((x) => [x.name, x.type.replace('timestamp(3)', 'timestamp')]));
    expect(byName(columns)).toEqual(byName(rendered.typeAttributes));
  });

  it('the three triggers on chats still call the replaced trigger function', async () => {
    const { rows } = await database.pool.query<{ tgname: string }>(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'chats'::regclass AND tgfoid = 'chats_rollups_trigger'::regproc ORDER BY tgname`,
    );
    expect(rows.map((r) => r.tgname)).toEqual(['chats_rollups_delete', 'chats_rollups_insert', 'chats_rollups_update']);
  });
});

// A hypothetical new rolled-up field, department (text), between country_code and is_escalated in
// pair order: dimension_b of its pair with country_code, dimension_a of its others.
const NEW_FIELD = 'department';
const withDepartment = (spec: RollupSpec): RollupSpec => {
  const fields = [...spec.fields];
  fields.splice(fields.findIndex((f) => f.name === 'country_code') + 1, 0, { name: NEW_FIELD, sql: 'text' });
  return { ...spec, fields };
};

describe('the migration of a newly rolled-up field', () => {
  const spec = withDepartment(registrySpec());
  const migration = renderMigration(rendered.text, render(spec));
  const statements = migration.split(BREAKPOINT).map((s) => s.trim());

  it('re-creates the type and the functions with the field, then backfills it from the existing rows', () => {
    expect(statements[0]).toContain(`pg_advisory_xact_lock(hashtext('chat_rollups_fold'))`);
    expect(statements[1]).toMatch(/RAISE EXCEPTION 'rolling up department: chats and chat_rollup_pending need its column first/);
    expect(statements.slice(2, 6).map((s) => s.split('\n').pop())).toEqual([
      'DROP FUNCTION chat_pair_rollups_apply(chat_rollup_combo[]);',
      'DROP FUNCTION chat_rollups_apply(chat_rollup_combo[]);',
      'DROP FUNCTION chat_rollup_changes(chats[], chats[]);',
      'DROP TYPE chat_rollup_combo;',
    ]);
    expect(statements[6]).toMatch(/country_code text,\n  department text,\n  is_escalated boolean,/);
    const backfill = statements.filter((s) => /^INSERT INTO|\nINSERT INTO/.test(s) && !s.includes('CREATE'));
    const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/^(-- [^\n]*\s)+/, '');
    const sums = spec.sums.map((s) => s.name).join(', ');
    const lines = backfill.map((s) => squash(s.split('\n').filter((l) => !l.startsWith('--')).join(' ')));
    expect(lines).toContain(`INSERT INTO chat_rollups (organization_id, dimension, value, bucket, ${sums}) SELECT organization_id, 'department', NULL, bucket, ${sums} FROM chat_rollups WHERE dimension = 'all';`);
    expect(lines).toContain(`INSERT INTO chat_daily_rollups (organization_id, dimension, value, bucket, ${sums}) SELECT organization_id, 'department', NULL, bucket, ${sums} FROM chat_daily_rollups WHERE dimension = 'all';`);
    const pair = (a: string, va: string, b: string, vb: string, other: string) =>
      `INSERT INTO chat_daily_pair_rollups (organization_id, dimension_a, value_a, dimension_b, value_b, bucket, ${sums}) SELECT organization_id, ${a}, ${va}, ${b}, ${vb}, bucket, ${sums} FROM chat_daily_rollups WHERE dimension = '${other}';`;
    for (const other of ['bot_version', 'country_code']) expect(lines).toContain(pair('dimension', 'value', "'department'", 'NULL', other));
    for (const other of ['is_escalated', 'is_forwarded_to_hr', 'language_code', 'question_category', 'sentiment', 'user_rating', 'tag'])
      expect(lines).toContain(pair("'department'", 'NULL', 'dimension', 'value', other));
    // Two per-field copies and one pair copy per other dimension (eight fields and tag).
    expect(lines).toHaveLength(2 + 9);
    expect(statements[statements.length - 1]).toMatch(/DELETE FROM chat_day_sketch_builds;$/);
  });

  it('the render of the registry as it is writes no backfill', () => {
    const same = renderMigration(rendered.text, rendered);
    expect(same).not.toMatch(/chat_day_sketch_builds|FROM chat_rollups WHERE/);
  });

  it('refuses a field no longer rolled up, and a change of the sums', () => {
    const without = { ...registrySpec(), fields: registrySpec().fields.filter((f) => f.name !== 'sentiment') };
    expect(() => renderMigration(rendered.text, render(without))).toThrow(/no longer rolled up: sentiment/);
    const fewerSums = { ...registrySpec(), sums: registrySpec().sums.slice(0, -1) };
    expect(() => renderMigration(rendered.text, render(fewerSums))).toThrow(/sums changed/);
  });

  it('is written into the migrations folder the way drizzle-kit registers one, and rollups.sql rewritten', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollup-sql-'));
    try {
      fs.mkdirSync(path.join(dir, 'meta'));
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
      const last = journal.entries[journal.entries.length - 1];
      const lastSnapshot = `meta/${last.tag.slice(0, 4)}_snapshot.json`;
      for (const f of ['meta/_journal.json', lastSnapshot]) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, f), path.join(dir, f));
      const rollups = path.join(dir, 'rollups.sql');
      fs.writeFileSync(rollups, rendered.text);
      const without = { ...registrySpec(), fields: registrySpec().fields.filter((f) => f.name !== 'sentiment') };
      expect(() => writeRollupMigration(render(without), dir, rollups)).toThrow(/no longer rolled up/);
      expect(fs.readdirSync(dir).sort()).toEqual(['meta', 'rollups.sql']);

      const tag = writeRollupMigration(render(spec), dir, rollups, last.when - 5);
      const number = String(Number(last.tag.slice(0, 4)) + 1).padStart(4, '0');
      expect(tag).toBe(`${number}_rollup_sql`);
      expect(fs.readFileSync(path.join(dir, `${tag}.sql`), 'utf8')).toBe(migration);
      expect(fs.readFileSync(rollups, 'utf8')).toBe(render(spec).text);
      const after = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8'));
      expect(after.entries.slice(0, -1)).toEqual(journal.entries);
      // After every earlier migration, whatever the clock says: the migrator applies what is newer.
      expect(after.entries.at(-1)).toEqual({ idx: last.idx + 1, version: last.version, when: last.when + 1, tag, breakpoints: true });
      const before = JSON.parse(fs.readFileSync(path.join(dir, lastSnapshot), 'utf8'));
      const copy = JSON.parse(fs.readFileSync(path.join(dir, `meta/${number}_snapshot.json`), 'utf8'));
      expect(copy.prevId).toBe(before.id);
      expect(copy.id).not.toBe(before.id);
      expect({ ...copy, id: before.id, prevId: before.prevId }).toEqual(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe(`run on a database with chats (${backend})`, () => {
    let database: Database;
    let org: number;
    const q = (text: string, params: unknown[] = []) => database.pool.query(text, params);

    /** `n` chats over 5 days, varied fields and tags; department set (NULL every 4th) when given. */
    const insertChats = (n: number, offset: number, department: boolean) =>
      q(
        `INSERT INTO chats (organization_id, title, user_id, created_at, question_category, sentiment, country_code, language_code,
           user_rating, is_escalated, is_forwarded_to_hr, avg_response_time, token_count, message_count, tags${department ? ', department' : ''})
         SELECT $1, 't', g % 7, now() - interval '1 hour' - ((g * 37) % 7200) * interval '1 minute',
           (ARRAY['a','b','c',NULL])[1 + g % 4], (ARRAY['positive','neutral',NULL])[1 + g % 3], (ARRAY['NL','DE','GB',NULL,'US'])[1 + g % 5],
           (ARRAY['nl','en',NULL])[1 + g % 3], CASE WHEN g % 6 = 0 THEN NULL ELSE 1 + g % 5 END, CASE WHEN g % 5 = 0 THEN NULL ELSE g % 3 = 0 END,
           CASE WHEN g % 7 = 0 THEN NULL ELSE g % 2 = 0 END, CASE WHEN g % 4 = 0 THEN NULL ELSE (g % 37) * 0.25 END,
           CASE WHEN g % 3 = 0 THEN NULL ELSE g * 11 END, g % 9,
           CASE WHEN g % 4 = 0 THEN ARRAY['x'] WHEN g % 4 = 1 THEN ARRAY['x', 'y'] ELSE '{}' END
           ${department ? `, CASE WHEN g % 4 = 0 THEN NULL ELSE (ARRAY['hr','it','ops'])[1 + g % 3] END` : ''}
         FROM generate_series($2::int, $2::int + $3::int - 1) g`,
        [org, offset, n],
      );

    beforeAll(async () => {
      database = await createTestDatabase();
      org = Number((await q(`INSERT INTO organizations (name, slug) VALUES ('r', 'r') RETURNING id`)).rows[0].id);
      // Chats written, updated, deleted and folded before the field exists; some left pending.
      await insertChats(600, 1, false);
      await q(`UPDATE chats SET sentiment = 'negative', user_rating = 2 WHERE organization_id = $1 AND id % 5 = 0`, [org]);
      await q(`DELETE FROM chats WHERE organization_id = $1 AND id % 11 = 0`, [org]);
      await foldAll(database.pool);
      await insertChats(150, 1000, false);
      await q(`INSERT INTO chat_day_sketch_builds (organization_id, day, version) VALUES ($1, date_trunc('day', now(), 'UTC'), 1)`, [org]);
      // What drizzle-kit generate writes for the new column (chats, from the registry; the pending
      // table, from src/db/schema-rollups.ts), then the rendered migration, in one transaction.
      const client = await database.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`ALTER TABLE chats ADD COLUMN ${NEW_FIELD} text`);
        await client.query(`ALTER TABLE chat_rollup_pending ADD COLUMN ${NEW_FIELD} text`);
        for (const statement of statements) await client.query(statement);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      // Chats written and changed after it: the field sent, and set on some old chats.
      await insertChats(400, 2000, true);
      await q(`UPDATE chats SET ${NEW_FIELD} = 'legal' WHERE organization_id = $1 AND id % 7 = 0 AND id < 700`, [org]);
      await q(`DELETE FROM chats WHERE organization_id = $1 AND id % 13 = 0`, [org]);
      await foldAll(database.pool);
    }, 120_000);
    afterAll(() => database.close());

    const sumsSql = spec.sums.map((s) => `${rowSumSql(s, 'c')}::float8 AS ${s.name}`).join(', ');
    const rollupSumsSql = spec.sums.map((s) => `${s.name}::float8 AS ${s.name}`).join(', ');
    const perTag = `(SELECT c.*, unnest(CASE WHEN cardinality(c.tags) = 0 THEN ARRAY[NULL::text] ELSE c.tags END) AS tag FROM chats c WHERE c.organization_id = $1)`;
    const dims = [...spec.fields.map((f) => f.name), 'tag'];
    const value = (d: string) => (d === 'tag' ? 'c.tag' : valueText(spec.fields.find((f) => f.name === d)!, 'c'));
    const source = (tag: boolean) => (tag ? perTag : '(SELECT * FROM chats WHERE organization_id = $1)');

    /** Rows keyed by all but the sums, sums as numbers. */
    async function keyed(text: string, keys: string[]) {
      const { rows } = await q(text, [org]);
      return Object.fromEntries(
        rows.map((r: Record<string, unknown>) => [
          keys.map((k) => (r[k] instanceof Date ? (r[k] as Date).toISOString() : String(r[k]))).join('|'),
          Object.fromEntries(spec.sums.map((s) => [s.name, Number(r[s.name])])),
        ]),
      );
    }

    it.each([
      ['chat_rollups', 'hour'],
      ['chat_daily_rollups', 'day'],
    ])('%s equals the sums recomputed from the chats rows, the new field included', async (table, unit) => {
      const want = dims.map((d) => `SELECT '${d}' AS dimension, ${value(d)} AS value, date_trunc('${unit}', c.created_at, 'UTC') AS bucket, ${sumsSql} FROM ${source(d === 'tag')} c GROUP BY 2, 3`);
      want.push(`SELECT 'all', NULL, date_trunc('${unit}', c.created_at, 'UTC'), ${sumsSql} FROM ${source(false)} c GROUP BY 3`);
      const keys = ['dimension', 'value', 'bucket'];
      const expected = await keyed(want.join(' UNION ALL '), keys);
      expect(Object.keys(expected).some((k) => k.startsWith(`${NEW_FIELD}|legal|`))).toBe(true);
      expect(Object.keys(expected).some((k) => k.startsWith(`${NEW_FIELD}|null|`))).toBe(true);
      const got = await keyed(`SELECT dimension, value, bucket, ${rollupSumsSql} FROM ${table} WHERE organization_id = $1 AND ${nonZero(spec)}`, keys);
      expect(got).toEqual(expected);
    });

    it('chat_daily_pair_rollups equals the sums recomputed per pair, the new field in its place', async () => {
      const want: string[] = [];
      for (let i = 0; i < dims.length; i++)
        for (let j = i + 1; j < dims.length; j++)
          want.push(`SELECT '${dims[i]}' AS dimension_a, ${value(dims[i])} AS value_a, '${dims[j]}' AS dimension_b, ${value(dims[j])} AS value_b,
            date_trunc('day', c.created_at, 'UTC') AS bucket, ${sumsSql} FROM ${source(dims[j] === 'tag')} c GROUP BY 2, 4, 5`);
      const keys = ['dimension_a', 'value_a', 'dimension_b', 'value_b', 'bucket'];
      const expected = await keyed(want.join(' UNION ALL '), keys);
      expect(Object.keys(expected).some((k) => k.startsWith(`country_code|NL|${NEW_FIELD}|legal|`))).toBe(true);
      const got = await keyed(`SELECT dimension_a, value_a, dimension_b, value_b, bucket, ${rollupSumsSql} FROM chat_daily_pair_rollups WHERE organization_id = $1 AND ${nonZero(spec)}`, keys);
      expect(got).toEqual(expected);
    });

    it('the per-day sketch builds were dropped (rebuilt with cells of the new field)', async () => {
      expect((await q('SELECT count(*)::int AS n FROM chat_day_sketch_builds WHERE organization_id = $1', [org])).rows[0].n).toBe(0);
    });
  });
});
