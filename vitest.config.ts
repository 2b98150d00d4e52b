import { configDefaults, defineConfig } from 'vitest/config';

// Files named *.pg.test.ts need PostgreSQL: they run only in the pass the test script makes with
// TEST_DATABASE_URL set (scripts/test-all.sh starts a throwaway server for it).
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['apps/server/src/**/*.test.ts', 'packages/shared/src/**/*.test.ts'],
    exclude: withPostgres ? configDefaults.exclude : [...configDefaults.exclude, '**/*.pg.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Each test file builds its own runtime on its own database, so files can share a worker's module
    // cache: importing the server once per worker instead of once per file makes the suite ~3x faster.
    isolate: false,
  },
});
