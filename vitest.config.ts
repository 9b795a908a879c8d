import { defineConfig } from 'vitest/config';

// Every test file runs on the embedded PGlite database, and also on PostgreSQL when DATABASE_URL
// is set (CI sets it). Each test file gets its own fresh database (see test/helpers/database.ts).
const backends = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: backends.map((backend) => ({
      extends: true,
      test: {
        name: backend,
        include: ['test/**/*.test.ts'],
        env: { TEST_DB: backend },
        globalSetup: ['./test/helpers/children-setup.ts', './test/helpers/global-setup.ts'],
      },
    })),
  },
});
