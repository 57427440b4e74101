import type { RateLimits } from '../../src/http/rate-limits.ts';

/**
 * The limits the test rigs run with: every test sends all its requests from 127.0.0.1, many
 * parents in a minute, so each limit is ten times the default. The limiter stays on (a test that
 * wants to see a 429 sets its own, low limits).
 */
export const TEST_RATE_LIMITS: RateLimits = {
  windowMs: 60_000,
  login: { perIp: 300 },
  evaluate: { perIp: 3000, perUser: 600 },
  uploads: { perIp: 1200, perUser: 300 },
  receipt: { perIp: 600 },
};
