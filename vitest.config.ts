import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
  },
});
