import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests open databases (PGlite takes seconds to start).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
