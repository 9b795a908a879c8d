// Opens the configured database, migrated and ready: PostgreSQL when DATABASE_URL is set, else the
// embedded PGlite database in DATA_DIR (under its lock). Shared by the server (src/main.ts) and the
// operators' command line (src/cli), so that both open, lock and migrate it the same way.
import crypto from 'node:crypto';
import type { Config } from '../config.js';
import { connectPostgres, type Database } from './connection.js';
import { runMigrations, type MigrationReport } from './migrate.js';

/** Why the database could not be opened, in one line fit for an operator (the cause is kept). */
export class OpenDatabaseError extends Error {}

export interface OpenedDatabase {
  database: Database;
  /** JWT_SECRET, or in embedded mode the secret generated once into DATA_DIR/jwt-secret. */
  jwtSecret: string;
  migrations: MigrationReport;
  /** Releases the DATA_DIR lock (a no-op with PostgreSQL). Call after database.close(). */
  release: () => void;
  /** database.close() then release(). */
  close: () => Promise<void>;
}

function opened(database: Database, jwtSecret: string, migrations: MigrationReport, release: () => void): OpenedDatabase {
  return {
    database,
    jwtSecret,
    migrations,
    release,
    close: async () => {
      try {
        await database.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(databaseUrl: string, jwtSecret: string): Promise<OpenedDatabase> {
  const database = connectPostgres(databaseUrl);
  try {
    const migrations = await runMigrations(database.pool);
    return opened(database, jwtSecret, migrations, () => {});
  } catch (err) {
    await database.close().catch(() => {});
    const host = new URL(databaseUrl).host;
    throw new OpenDatabaseError(`cannot prepare the PostgreSQL database at ${host}: ${(err as Error).message}`, { cause: err });
  }
}

async function openPglite(config: Config): Promise<OpenedDatabase> {
  // Loaded only in embedded mode: a PostgreSQL server never loads PGlite.
  const { DataDirLockedError, embeddedJwtSecret, lockDataDir, openEmbedded } = await import('./embedded.js');
  const { connectPglite } = await import('./pglite-connection.js');
  let release: () => void;
  try {
    release = lockDataDir(config.dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new OpenDatabaseError(err.message, { cause: err });
    throw new OpenDatabaseError(`cannot open the embedded database in ${config.dataDir}: ${(err as Error).message}`, { cause: err });
  }
  let database: Database | undefined;
  try {
    const { pglite, markReady } = await openEmbedded(config.dataDir, config.embeddedMemory);
    database = connectPglite(pglite, true);
    const migrations = await runMigrations(database.pool);
    markReady();
    const jwtSecret = config.jwtSecret ?? embeddedJwtSecret(config.dataDir, () => crypto.randomBytes(48).toString('base64url'));
    return opened(database, jwtSecret, migrations, release);
  } catch (err) {
    await database?.close().catch(() => {});
    release();
    throw new OpenDatabaseError(`cannot open the embedded database in ${config.dataDir}: ${(err as Error).message}`, { cause: err });
  }
}

/** Opens and migrates the configured database; throws OpenDatabaseError with a one-line reason. */
export function openDatabase(config: Config): Promise<OpenedDatabase> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, config.jwtSecret!) : openPglite(config);
}
