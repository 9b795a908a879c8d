// Prints the closing line CI reads: "N passed, N failed" (Vitest's own summary has another shape).
// A test file that fails outside its tests (it does not load, or a beforeAll hook throws, so its
// tests never run) counts as one failure and is named, so that the line never reads green while
// the run exits 1. Above it, what this machine lacks for the suite (Chromium, python3, PostgreSQL,
// Redis) and how to get it, so that a fresh machine's failures and skips read as what they are.
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { killLeftovers } from './children.js';
import { missingPrerequisites } from './prerequisites.js';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const brokenFiles: string[] = [];
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      failed += failedHere;
      if (module.state() === 'failed' && failedHere === 0) {
        failed++;
        const why = module.errors()[0]?.message.split('\n')[0];
        brokenFiles.push(`${module.project.name}: ${path.relative(process.cwd(), module.moduleId)}${why ? ` (${why})` : ''}`);
      }
    }
    failed += unhandledErrors.length;
    if (brokenFiles.length) process.stdout.write(`\nfailed outside their tests (counted once each):\n  ${brokenFiles.join('\n  ')}\n`);
    if (unhandledErrors.length) process.stdout.write(`\n${unhandledErrors.length} unhandled error(s), counted as failures\n`);
    // The workers are done: a process that one of their tests started and that still runs was left
    // behind by a worker that died without its exit hooks (test/helpers/children.ts).
    const leftovers = process.env.CHATLOGGER_TEST_PIDS ? killLeftovers(process.env.CHATLOGGER_TEST_PIDS) : [];
    if (leftovers.length) process.stdout.write(`\nkilled ${leftovers.length} process(es) that tests had started and left running: pid ${leftovers.join(', ')}\n`);
    const missing = missingPrerequisites();
    if (missing.length) process.stdout.write(`\nmissing on this machine:\n  ${missing.join('\n  ')}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
