// Builds one migrated PGlite data directory per run; every test file starts from a copy of it,
// which is much faster than initialising and migrating a new database each time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectPglite } from '../../src/db/pglite-connection.js';
import { createPglite } from '../../src/db/pglite.js';
import { runMigrations } from '../../src/db/migrate.js';
import { ensureWebBuild } from './web-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  if (project.config.env?.TEST_DB !== 'pglite') {
    project.provide('pgliteTemplate', '');
    return;
  }
  // Once per run (the pglite project always runs), before any end-to-end test starts a server.
  ensureWebBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-test-'));
  const pglite = createPglite();
  const database = connectPglite(pglite, true);
  await runMigrations(database.pool);
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
