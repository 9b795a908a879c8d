// The embedded database: PGlite in DATA_DIR, guarded by a lock file because nothing in PGlite
// stops two processes from opening one folder (which corrupts it).
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite } from './pglite.js';

export class DataDirLockedError extends Error {}

const LOCK_FILE = 'chatlogger.lock';
const PGDATA = 'pgdata';
// Written once the first start has created the database completely. A pgdata folder without it
// comes from an interrupted first start and cannot be opened, so it is created again.
const READY_MARKER = 'pgdata.ready';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes DATA_DIR/chatlogger.lock (holding our pid). A lock left by a process that is no longer
 * running (a crash, kill -9) is taken over. Returns the function that releases it.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        throw new DataDirLockedError(
          `DATA_DIR ${dataDir} is in use by another ChatLogger process (pid ${pid}); stop it first, ` +
            `or use another DATA_DIR. If no such process exists, delete ${lockPath}.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock
    }
  }
  throw new DataDirLockedError(`Could not take the lock ${lockPath}`);
}

/** Opens (creating on first start) the PGlite database in dataDir. The caller holds the lock. */
export async function openEmbedded(dataDir: string): Promise<{ pglite: PGlite; markReady: () => void }> {
  const pgdata = path.join(dataDir, PGDATA);
  const marker = path.join(dataDir, READY_MARKER);
  if (fs.existsSync(pgdata) && !fs.existsSync(marker)) {
    fs.rmSync(pgdata, { recursive: true, force: true });
  }
  const pglite = createPglite({ dataDir: pgdata });
  await pglite.waitReady;
  return { pglite, markReady: () => fs.writeFileSync(marker, new Date().toISOString()) };
}

/** The JWT secret of an embedded installation: generated on first start, then kept in dataDir. */
export function embeddedJwtSecret(dataDir: string, generate: () => string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = generate();
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
