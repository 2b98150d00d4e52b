import { configDefaults, defineConfig } from 'vitest/config';

// Files named *.pg.test.ts need PostgreSQL: they run only in the pass the test script makes with
// TEST_DATABASE_URL set (scripts/test-all.sh starts a throwaway server for it).
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
// Files named *.s3.test.ts need an S3 API server: they run only with TEST_S3_ENDPOINT set (the test script starts
// a throwaway Swift for them with scripts/start-s3.sh).
const withS3 = Boolean(process.env.TEST_S3_ENDPOINT);

export default defineConfig({
  test: {
    include: [
      'apps/server/src/**/*.test.ts',
      'packages/shared/src/**/*.test.ts',
      // The page's pure logic (recording buffer, upload retries): no database, so once, not again with PostgreSQL.
      ...(withPostgres ? [] : ['apps/web/src/**/*.test.ts']),
    ],
    exclude: [
      ...configDefaults.exclude,
      ...(withPostgres ? [] : ['**/*.pg.test.ts']),
      ...(withS3 ? [] : ['**/*.s3.test.ts']),
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each test file builds its own runtime on its own database, so files can share a worker's module
    // cache: importing the server once per worker instead of once per file makes the suite ~3x faster.
    isolate: false,
  },
});
