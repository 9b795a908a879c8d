// A fresh, migrated database for one test file: a PGlite copy of the migrated template, or a new
// PostgreSQL database (created on the server of DATABASE_URL, dropped afterwards).
import { PGlite } from '@electric-sql/pglite';
import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPglite, connectPostgres, type Database } from '../../src/db/connection.js';
import { runMigrations } from '../../src/db/migrate.js';

export const backend = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

async function freshPostgres(): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `chatlogger_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = connectPostgres(url.toString(), 5);
  await runMigrations(database.pool);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function freshPglite(): Promise<Database> {
  const template = fs.readFileSync(inject('pgliteTemplate'));
  const pglite = new PGlite({ loadDataDir: new Blob([template]) });
  await pglite.waitReady;
  return connectPglite(pglite, true);
}

export const createTestDatabase = () => (backend === 'postgres' ? freshPostgres() : freshPglite());
