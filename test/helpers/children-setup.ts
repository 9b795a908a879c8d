// Global setup of every project (and of test/support/leak's fixture run): a directory where the
// workers put the pids of the processes their tests start (test/helpers/children.ts), and a
// teardown that kills those still running, so that none outlives the run even when a test file
// crashed before its afterAll hooks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killLeftovers } from './children.js';

export default function setup() {
  // Each project runs its global setup in the same process: the first one owns the directory.
  if (process.env.CHATLOGGER_TEST_PIDS && fs.existsSync(process.env.CHATLOGGER_TEST_PIDS)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-test-pids-'));
  // Workers start after the global setup and inherit the environment.
  process.env.CHATLOGGER_TEST_PIDS = dir;
  return () => {
    const killed = killLeftovers(dir);
    if (killed.length) process.stderr.write(`\nkilled ${killed.length} process(es) that tests had started and left running: pid ${killed.join(', ')}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
