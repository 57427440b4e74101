import type { Clock } from './domain/clock.ts';

/** The wall clock: the one place the running product reads real time (ESLint allows only here and the CLI). */
export const systemClock: Clock = { now: () => new Date() };
