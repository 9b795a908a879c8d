// The fixture run of test/process-cleanup.test.ts: test files that start processes and then fail
// (one throws, one kills its own worker), with the suite's child tracking and summary reporter.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const helpers = path.resolve(import.meta.dirname, '../../helpers');

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.fixture.ts'],
    reporters: ['default', path.join(helpers, 'summary-reporter.ts')],
    globalSetup: [path.join(helpers, 'children-setup.ts')],
  },
});
