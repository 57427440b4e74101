/**
 * What a built-in simulator has accepted and will answer later: a department's decisions, the
 * post's tracking events, a payment provider's orders. A real system keeps such work in its own
 * store; the simulators keep it in this queue, which the server backs with the database
 * (store/simulator-store.ts), so accepted work survives a restart. Entries stay until acknowledged:
 * what was taken but not yet delivered is taken again.
 */
export interface SimulatorQueue<T> {
  /** Idempotent by key: a second add with the same key changes nothing. */
  add(key: string, dueAt: Date, payload: T): Promise<void>;
  get(key: string): Promise<T | null>;
  /** Entries due by `now`, oldest first; they stay queued until acknowledged. */
  due(now: Date, limit?: number): Promise<{ key: string; payload: T }[]>;
  ack(keys: string[]): Promise<void>;
  nextDueAt(): Promise<Date | null>;
}

/** A queue in memory, for tests and in-process runs that need no restart. */
export function memoryQueue<T>(): SimulatorQueue<T> {
  const entries = new Map<string, { dueAt: number; payload: T }>();
  return {
    async add(key, dueAt, payload) {
      if (!entries.has(key)) entries.set(key, { dueAt: dueAt.getTime(), payload });
    },
    get: async (key) => entries.get(key)?.payload ?? null,
    async due(now, limit = 1000) {
      return [...entries.entries()]
        .filter(([, e]) => e.dueAt <= now.getTime())
        .sort((a, b) => a[1].dueAt - b[1].dueAt)
        .slice(0, limit)
        .map(([key, e]) => ({ key, payload: e.payload }));
    },
    async ack(keys) {
      for (const k of keys) entries.delete(k);
    },
    async nextDueAt() {
      const times = [...entries.values()].map((e) => e.dueAt);
      return times.length ? new Date(Math.min(...times)) : null;
    },
  };
}
