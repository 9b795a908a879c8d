// The embedded database: PGlite in DATA_DIR, guarded by a lock file because nothing in PGlite
// stops two processes from opening one folder (which corrupts it).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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

/** The memory settings of the embedded PostgreSQL, in MB (EMBEDDED_*_MB, see README). */
export interface EmbeddedMemory {
  sharedBuffersMb: number;
  workMemMb: number;
  maintenanceWorkMemMb: number;
}

// PGlite's WebAssembly memory only grows (memory.grow has no inverse), so what the database ever
// touched stays in the server's RSS: these settings bound it. PostgreSQL's (and PGlite's) defaults
// are 128 MB of shared buffers, which it touches at start, whole, and 64 MB for maintenance.
// 16 MB of buffers holds the hot pages of the walk-through's organization; pages beyond them come
// from the operating system's cache (the data files are in DATA_DIR), which is not the process's
// memory. Measured with `npm run bench:memory` (figures in README).
export const DEFAULT_EMBEDDED_MEMORY: EmbeddedMemory = { sharedBuffersMb: 16, workMemMb: 4, maintenanceWorkMemMb: 16 };

function settings(memory: EmbeddedMemory): string[] {
  return [
    `shared_buffers=${memory.sharedBuffersMb}MB`,
    `work_mem=${memory.workMemMb}MB`,
    `maintenance_work_mem=${memory.maintenanceWorkMemMb}MB`,
  ].flatMap((setting) => ['-c', setting]);
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const INITDB = path.join(import.meta.dirname, 'embedded-initdb.ts');

/** Runs initdb for pgdata in a child process (see embedded-initdb.ts); rejects with its stderr. */
async function createInChild(pgdata: string, params: string[]): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', INITDB, pgdata, JSON.stringify(params)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`creating the database failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
}

/**
 * Opens (creating on first start) the PGlite database in dataDir. The caller holds the lock.
 * A new folder is created by initdb in a child process first. The settings go to postgres at every
 * start (-c wins over postgresql.conf, so an existing folder gets them too) and to initdb, which
 * also writes them into the folder's postgresql.conf.
 */
export async function openEmbedded(
  dataDir: string,
  overrides: Partial<EmbeddedMemory> = {},
): Promise<{ pglite: PGlite; markReady: () => void }> {
  const memory = { ...DEFAULT_EMBEDDED_MEMORY, ...overrides };
  const pgdata = path.join(dataDir, PGDATA);
  const marker = path.join(dataDir, READY_MARKER);
  if (fs.existsSync(pgdata) && !fs.existsSync(marker)) {
    fs.rmSync(pgdata, { recursive: true, force: true });
  }
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) await createInChild(pgdata, settings(memory));
  const pglite = createPglite({ dataDir: pgdata, startParams: [...PGlite.defaultStartParams, ...settings(memory)] });
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
