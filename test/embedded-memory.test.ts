// The embedded database's memory settings (src/db/embedded.ts): a new folder (created by initdb in
// a child process) and an existing one both run with them, an override from EMBEDDED_*_MB reaches
// PostgreSQL, and the folder's postgresql.conf carries what initdb was given. Their effect on RSS is
// measured by `npm run bench:memory`, not here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded } from '../src/db/embedded.js';
import { backend } from './helpers/database.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-embedded-memory-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function settingsOf(overrides?: Parameters<typeof openEmbedded>[1]) {
  const { pglite, markReady } = await openEmbedded(dataDir, overrides);
  try {
    markReady();
    const { rows } = await pglite.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem') ORDER BY name`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await pglite.close();
  }
}

describe.runIf(backend === 'pglite')('embedded database memory settings', () => {
  it('creates a new folder with the defaults, and an existing folder takes an override', async () => {
    expect(await settingsOf()).toEqual({ maintenance_work_mem: '16MB', shared_buffers: '16MB', work_mem: '4MB' });
    const conf = fs.readFileSync(path.join(dataDir, 'pgdata', 'postgresql.conf'), 'utf8');
    expect(conf).toMatch(/^shared_buffers = 16MB/m);

    expect(await settingsOf({ sharedBuffersMb: 8, workMemMb: 2 })).toEqual({ maintenance_work_mem: '16MB', shared_buffers: '8MB', work_mem: '2MB' });
    // Not kept: every start passes its own settings.
    expect(await settingsOf()).toEqual({ maintenance_work_mem: '16MB', shared_buffers: '16MB', work_mem: '4MB' });
  });
});
