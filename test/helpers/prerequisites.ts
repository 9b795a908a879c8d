// What the suite needs besides Node and npm, checked the same way by the tests that need it and by
// the summary reporter, which names what is missing in the run's closing lines (.ci/run installs
// and starts all of it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH (the dashboard's end-to-end tests, test/e2e/, fail without it)`;
export const PYTHON3_MISSING = 'python3 not found on PATH: apt-get install python3 (test/sdk-python.test.ts fails without it)';

export const hasChromium = () => fs.existsSync(CHROMIUM);
export const hasPython3 = () => spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;

/** One sentence per missing prerequisite: what is missing, what it costs, how to get it. */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!hasChromium()) missing.push(CHROMIUM_MISSING);
  if (!hasPython3()) missing.push(PYTHON3_MISSING);
  if (!process.env.DATABASE_URL) {
    missing.push('DATABASE_URL not set: the PostgreSQL backend did not run (start PostgreSQL and set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)');
  }
  if (!process.env.REDIS_URL) {
    missing.push('REDIS_URL not set: the rate limiter\'s Redis tests were skipped (apt-get install redis-server, start it, set REDIS_URL=redis://127.0.0.1:6379)');
  }
  return missing;
}
