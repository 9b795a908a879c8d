// A place for a child server's data (a fresh PostgreSQL database, or an embedded data folder),
// and a way to query it while no server runs on it (PGlite: one process owns its folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openEmbedded } from '../../src/db/embedded.js';
import { backend, createEmptyPostgresDatabase } from './database.js';

export interface ServerStore {
  /** What a child server needs in its environment to use the store. */
  env: Record<string, string>;
  /** Runs one statement on the store (no server may be running on an embedded one). */
  query: (sql: string) => Promise<any[]>;
}

/** A new store of the backend under test; `cleanups` receives what removes it. */
export async function newServerStore(cleanups: (() => Promise<void> | void)[]): Promise<ServerStore> {
  if (backend === 'postgres') {
    const { url, drop } = await createEmptyPostgresDatabase();
    cleanups.push(drop);
    return {
      env: { DATABASE_URL: url, JWT_SECRET: 'a-shared-secret-of-at-least-32-characters!' },
      query: async (sql: string) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(sql)).rows;
        } finally {
          await client.end();
        }
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-store-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  return {
    env: { DATA_DIR: dataDir },
    query: async (sql: string) => {
      const { pglite } = await openEmbedded(dataDir);
      try {
        return (await pglite.query(sql)).rows as any[];
      } finally {
        await pglite.close();
      }
    },
  };
}
