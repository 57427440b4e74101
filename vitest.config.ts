import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests open databases (PGlite takes seconds to start).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
    // A poll waits as long as a browser step may (Playwright's 20 s here), not vitest's 1 s: on a
    // loaded machine a rating or a status can take a few seconds to come back.
    expect: { poll: { timeout: 20_000 } },
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
