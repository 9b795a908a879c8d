// The CLI as an operator runs it (node bin/chatlogger.js as a child process), and what the test files
// that run it leave behind: their data directories and the servers they start, removed and killed
// after the file (test/cli.test.ts, test/demo.test.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { track } from './children.js';
import type { ServerProcess } from './server-process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stderr's lines, without the trailing empty one. */
  errorLines: string[];
}

/** Runs `node bin/chatlogger.js ...args` with `env` (on top of PATH/HOME only); rejects after `timeoutMs`. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs: number): Promise<CliResult> {
  const child = track(spawn(process.execPath, ['bin/chatlogger.js', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`chatlogger ${args.join(' ')}: no exit after ${timeoutMs / 1000} s\n${stdout}${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, errorLines: stderr.split('\n').filter((l) => l !== '') });
    });
  });
}

/** The file's temporary data directories (named `prefix`…) and servers, removed and killed after it. */
export function cliLeftovers(prefix: string): { servers: ServerProcess[]; tempDataDir: () => string } {
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  afterAll(() => {
    for (const s of servers) s.child.kill('SIGKILL');
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const tempDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  return { servers, tempDataDir };
}
