import type { SimulatorQueue } from '../departments/simulator-queue.ts';
import type { Queryable } from './db.ts';
import { json } from './sql.ts';

/** A simulator's queue kept in the store, so what it accepted survives a restart. */
export function storedQueue<T>(q: Queryable, simulator: string): SimulatorQueue<T> {
  return {
    async add(key, dueAt, payload) {
      await q.query(
        `insert into simulator_queue (simulator, key, due_at, payload) values ($1, $2, $3, $4)
         on conflict (simulator, key) do nothing`,
        [simulator, key, dueAt.toISOString(), json(payload)],
      );
    },
    async get(key) {
      const rows = await q.query<{ payload: T }>(
        'select payload from simulator_queue where simulator = $1 and key = $2',
        [simulator, key],
      );
      return rows[0]?.payload ?? null;
    },
    async due(now, limit = 1000) {
      return q.query<{ key: string; payload: T }>(
        `select key, payload from simulator_queue where simulator = $1 and due_at <= $2 order by due_at, key limit $3`,
        [simulator, now.toISOString(), limit],
      );
    },
    async ack(keys) {
      if (!keys.length) return;
      await q.query('delete from simulator_queue where simulator = $1 and key = any($2::text[])', [
        simulator,
        keys,
      ]);
    },
    async nextDueAt() {
      const rows = await q.query<{ at: Date | null }>(
        'select min(due_at) as at from simulator_queue where simulator = $1',
        [simulator],
      );
      return rows[0]?.at ? new Date(rows[0].at) : null;
    },
  };
}

/** A simulation run's own progress, so it resumes where it stopped. */
export async function loadRunState<T>(q: Queryable, run: string): Promise<T | null> {
  const rows = await q.query<{ state: T }>('select state from simulation_runs where run = $1', [run]);
  return rows[0]?.state ?? null;
}

export async function saveRunState(q: Queryable, run: string, state: unknown, at: Date): Promise<void> {
  await q.query(
    `insert into simulation_runs (run, state, updated_at) values ($1, $2, $3)
     on conflict (run) do update set state = excluded.state, updated_at = excluded.updated_at`,
    [run, json(state), at.toISOString()],
  );
}
