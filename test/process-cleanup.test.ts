// No process started by a test outlives the run, also when the test file fails: a nested Vitest
// run of two fixture files (test/support/leak/) that start processes and fail, one by throwing in
// beforeAll (the real server left without its afterAll), one by killing its own worker (no hook of
// it runs). After the run both processes are gone, and the closing line counts both files.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRunning, track } from './helpers/children.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-leak-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('processes started by tests', () => {
  it('are killed when their test file throws or its worker dies', async () => {
    const run = track(
      spawn(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/support/leak/vitest.config.ts'], {
        cwd: ROOT,
        // A clean environment: the fixture run has its own pid directory, and no DATABASE_URL.
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LEAK_DIR: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let output = '';
    run.stdout!.on('data', (d) => (output += d));
    run.stderr!.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
    expect(code, output).toBe(1);
    expect(output.trim().split('\n').at(-1), output).toMatch(/^0 passed, 2 failed\b/);
    const pids = ['server.pid', 'child.pid'].map((f) => Number(fs.readFileSync(path.join(dir, f), 'utf8')));
    for (const pid of pids) expect(isRunning(pid), `pid ${pid} still runs after the run:\n${output}`).toBe(false);
    // The worker that was killed left its child behind: the run's summary killed it and said so.
    expect(output).toMatch(new RegExp(`killed 1 process\\(es\\) that tests had started and left running: pid ${pids[1]}\\b`));
  }, 120_000);
});
