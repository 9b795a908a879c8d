// Applies the SQL migrations in ./drizzle. Idempotent (Drizzle records what it applied) and safe
// when several instances start at once: they queue on a PostgreSQL advisory lock, and the later
// ones find nothing left to do.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

// Arbitrary constant shared by every ChatLogger instance: "chatlog" in ASCII.
const MIGRATION_LOCK_KEY = 0x636861746c6f67;

export interface MigrationReport {
  /** Tags of the migrations this call applied ("0001_..."), in order; empty when up to date. */
  applied: string[];
  /** How many migrations this version of ChatLogger has. */
  total: number;
}

/** The `when` of every migration Drizzle has recorded as applied (its created_at column). */
async function appliedTimestamps(client: pg.PoolClient): Promise<Set<number>> {
  const { rows } = await client.query(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!rows[0].present) return new Set();
  const applied = await client.query('SELECT created_at FROM drizzle.__drizzle_migrations');
  return new Set(applied.rows.map((row: { created_at: unknown }) => Number(row.created_at)));
}

export async function runMigrations(pool: pg.Pool): Promise<MigrationReport> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const before = await appliedTimestamps(client);
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      const after = await appliedTimestamps(client);
      const applied = journal.entries.filter((e) => !before.has(e.when) && after.has(e.when)).map((e) => e.tag);
      return { applied, total: journal.entries.length };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
