// A fresh, migrated database for one test file: a PGlite copy of the migrated template, or a new
// PostgreSQL database (created on the server of DATABASE_URL, dropped afterwards).
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPostgres, type Database } from '../../src/db/connection.js';
import { connectPglite } from '../../src/db/pglite-connection.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createPglite } from '../../src/db/pglite.js';

export const backend = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A new, empty database on the server of DATABASE_URL: its URL, and how to drop it. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `chatlogger_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function freshPostgres(): Promise<Database> {
  const { url, drop } = await createEmptyPostgresDatabase();
  const database = connectPostgres(url, 5);
  await runMigrations(database.pool);
  return {
    ...database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

async function freshPglite(): Promise<Database> {
  const template = fs.readFileSync(inject('pgliteTemplate'));
  const pglite = createPglite({ loadDataDir: new Blob([template]) });
  await pglite.waitReady;
  return connectPglite(pglite, true);
}

export const createTestDatabase = () => (backend === 'postgres' ? freshPostgres() : freshPglite());
