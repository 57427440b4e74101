import type { Clock } from '../domain/clock.ts';

/**
 * A circuit breaker around a remote service. After `failureThreshold` failed calls in a row it
 * opens: calls fail at once, without touching the network, for `openMs`. Then it lets one trial
 * call through (half-open): success closes it, failure opens it again for another `openMs`.
 *
 * Written here rather than taken from opossum: opossum 10 requires Node 22, and 9's rolling
 * error-percentage window runs on its own timers, where this one counts consecutive failures on
 * the Clock the caller passes, which tests move.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  readonly state: BreakerState;
  /** Whether a call may go out now; in half-open, only one trial at a time. */
  allow(): boolean;
  success(): void;
  failure(): void;
}

export function circuitBreaker(o: {
  failureThreshold: number;
  openMs: number;
  clock: Clock;
}): CircuitBreaker {
  let failures = 0;
  let openedAt: number | null = null;
  let trialOut = false;
  const now = () => o.clock.now().getTime();
  const state = (): BreakerState =>
    openedAt === null ? 'closed' : now() - openedAt >= o.openMs ? 'half-open' : 'open';
  return {
    get state() {
      return state();
    },
    allow() {
      const s = state();
      if (s === 'closed') return true;
      if (s === 'open' || trialOut) return false;
      trialOut = true;
      return true;
    },
    success() {
      failures = 0;
      openedAt = null;
      trialOut = false;
    },
    failure() {
      failures++;
      if (state() === 'half-open' || failures >= o.failureThreshold) openedAt = now();
      trialOut = false;
    },
  };
}
