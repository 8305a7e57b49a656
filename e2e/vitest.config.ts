import { defineConfig } from 'vitest/config';

// Browser tests: the platform started as users start it (the CLI, a fresh data directory or
// E2E_DATABASE_URL), driven by Debian's Chromium through playwright-core. One file at a time: each starts
// its own server and browser, and two Chromiums on a 2-core machine only slow each other down.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
