/** Time is an input: the domain asks a Clock, and tests and simulations pass one they control. */
export interface Clock {
  now(): Date;
}

export interface FakeClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
}

export function fakeClock(start: Date): FakeClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      if (at.getTime() < current) throw new RangeError('a clock does not run backwards');
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
