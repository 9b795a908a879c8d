// Starts the real server, notes its pid, and fails in beforeAll: no afterAll stops the server.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, it } from 'vitest';
import { freePort, spawnServer } from '../../helpers/server-process.js';

beforeAll(async () => {
  const dir = process.env.LEAK_DIR!;
  const server = spawnServer({ PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data') });
  fs.writeFileSync(path.join(dir, 'server.pid'), String(server.child.pid));
  throw new Error('the fixture fails before its first test');
});

it('never runs', () => {});
