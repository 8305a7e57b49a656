import { defineConfig } from 'vitest/config';

// Unit and integration tests. Integration tests share one PostgreSQL per run (embedded, or TEST_DATABASE_URL)
// and each test file gets its own fresh database from the global setup's template.
export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'apps/server/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
