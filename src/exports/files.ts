// Export files: DATA_DIR/exports/<organization_id>/<id>.<ext>. A file is written under a temporary
// name, flushed to disk, then renamed: a reader sees the whole file or none.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat } from './schemas.js';

export const EXPORTS_DIR = 'exports';
const TEMP_SUFFIX = '.tmp';

/** The file of a job, relative to DATA_DIR (stored in exports.file_path). */
export const relativeExportPath = (organizationId: number, id: number, format: ExportFormat) =>
  path.join(EXPORTS_DIR, String(organizationId), `${id}.${format}`);

/** `relative` under DATA_DIR, refusing anything that would leave DATA_DIR/exports. */
export function absoluteExportPath(dataDir: string, relative: string): string {
  const root = path.resolve(dataDir, EXPORTS_DIR);
  const file = path.resolve(dataDir, relative);
  if (!file.startsWith(root + path.sep)) throw new Error(`export path outside ${root}: ${relative}`);
  return file;
}

export interface WriteOptions {
  signal?: AbortSignal;
  /** Runs after the data is on disk and before the rename; throwing abandons the file. */
  beforeCommit?: () => Promise<void>;
}

/**
 * Writes `chunks` to DATA_DIR/`relative` atomically and returns its size in bytes. Each chunk is
 * written before the next is asked for, so memory stays at one chunk whatever the file's size.
 */
export async function writeExportFile(dataDir: string, relative: string, chunks: AsyncIterable<string>, options: WriteOptions = {}): Promise<number> {
  const final = absoluteExportPath(dataDir, relative);
  await fs.promises.mkdir(path.dirname(final), { recursive: true });
  const temp = `${final}.${crypto.randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  const file = await fs.promises.open(temp, 'wx', 0o600);
  let bytes = 0;
  let closed = false;
  try {
    for await (const chunk of chunks) {
      options.signal?.throwIfAborted();
      const buffer = Buffer.from(chunk, 'utf8');
      await file.write(buffer);
      bytes += buffer.length;
    }
    options.signal?.throwIfAborted();
    await file.sync();
    await file.close();
    closed = true;
    await options.beforeCommit?.();
    await fs.promises.rename(temp, final);
    await syncDirectory(path.dirname(final));
    return bytes;
  } catch (err) {
    if (!closed) await file.close().catch(() => {});
    await fs.promises.rm(temp, { force: true }).catch(() => {});
    throw err;
  }
}

async function syncDirectory(dir: string) {
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

export async function deleteExportFile(dataDir: string, relative: string): Promise<void> {
  await fs.promises.rm(absoluteExportPath(dataDir, relative), { force: true });
}

/** Removes temporary files left by a worker that died mid-write (untouched for `olderThanMs`). */
export async function removeStaleTempFiles(dataDir: string, olderThanMs: number): Promise<number> {
  const root = path.join(dataDir, EXPORTS_DIR);
  let removed = 0;
  let organizations: string[];
  try {
    organizations = await fs.promises.readdir(root);
  } catch {
    return 0; // no export written yet
  }
  const cutoff = Date.now() - olderThanMs;
  for (const organization of organizations) {
    const dir = path.join(root, organization);
    const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      const file = path.join(dir, name);
      const stat = await fs.promises.stat(file).catch(() => undefined);
      if (stat && stat.mtimeMs < cutoff) {
        await fs.promises.rm(file, { force: true });
        removed++;
      }
    }
  }
  return removed;
}
