// Starts a child, notes its pid, and kills its own worker: no hook of this process runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { track } from '../../helpers/children.js';

it('dies with a child running', async () => {
  const child = track(spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }));
  fs.writeFileSync(path.join(process.env.LEAK_DIR!, 'child.pid'), String(child.pid));
  process.kill(process.pid, 'SIGKILL');
  await new Promise(() => {});
});
