// Where the rendered rollup SQL lives, and writing a migration of it into drizzle/ the way the
// hand-written migrations (0016–0018) are registered: the next idx in meta/_journal.json, a `when`
// after every earlier one (the migrator applies what is newer than the last applied), and a copy of
// the latest snapshot under the new number (with its own id, prevId the latest's), so that
// drizzle-kit still sees the schema it last generated.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_FOLDER } from '../migrate.js';
import { renderMigration } from './migration.js';
import type { RenderedRollups } from './render.js';

export const ROLLUPS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rollups.sql');

interface Journal {
  version: string;
  dialect: string;
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

export const readIfExists = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

/**
 * Writes the migration that installs `rendered` over what `rollupsFile` holds, registers it, and
 * rewrites `rollupsFile`. Returns the new migration's tag. Throws (writing nothing) when refused.
 */
export function writeRollupMigration(rendered: RenderedRollups, folder = MIGRATIONS_FOLDER, rollupsFile = ROLLUPS_FILE, now = Date.now()): string {
  const migration = renderMigration(readIfExists(rollupsFile), rendered);
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal;
  const last = journal.entries[journal.entries.length - 1];
  // Tags are numbered apart from idx (some numbers were never merged): the next after the highest.
  const number = Math.max(...journal.entries.map((e) => Number(e.tag.slice(0, 4)))) + 1;
  const prefix = String(number).padStart(4, '0');
  const tag = `${prefix}_rollup_sql`;
  const snapshot = JSON.parse(fs.readFileSync(path.join(folder, `meta/${last.tag.slice(0, 4)}_snapshot.json`), 'utf8')) as { id: string; prevId: string };
  const copy = { ...snapshot, id: crypto.randomUUID(), prevId: snapshot.id };
  fs.writeFileSync(path.join(folder, `${tag}.sql`), migration);
  fs.writeFileSync(path.join(folder, `meta/${prefix}_snapshot.json`), `${JSON.stringify(copy, null, 2)}`);
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: Math.max(now, last.when + 1), tag, breakpoints: true });
  fs.writeFileSync(journalFile, `${JSON.stringify(journal, null, 2)}`);
  fs.writeFileSync(rollupsFile, rendered.text);
  return tag;
}
