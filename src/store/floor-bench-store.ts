import type { Db, Queryable } from './db.ts';
import { valuesList } from './sql.ts';

/**
 * FOR bench/floor.ts ONLY: what raw PostgreSQL allows on this machine, the floor the engine is
 * measured against. One step is what a department decision costs at the least: a task row updated
 * and an event row appended, in one transaction. Tables of their own, in the bench's own schema.
 */

export async function prepareFloorTables(db: Db, tasks: number): Promise<void> {
  await db.query('drop table if exists floor_events');
  await db.query('drop table if exists floor_tasks');
  await db.query(
    'create table floor_tasks (id integer primary key, status text not null, version integer not null)',
  );
  await db.query(
    `create table floor_events (task_id integer not null, seq integer not null, at timestamptz not null,
       payload jsonb not null, primary key (task_id, seq))`,
  );
  await db.query(`insert into floor_tasks select g, 'dispatched', 0 from generate_series(1, $1::int) g`, [
    tasks,
  ]);
}

/** One step per transaction. `payload` is about the size of a real decision event. */
export async function floorStep(db: Db, taskId: number, at: string, payload: unknown): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ version: number }>(
      `update floor_tasks set status = 'done', version = version + 1 where id = $1 returning version`,
      [taskId],
    );
    await tx.query('insert into floor_events (task_id, seq, at, payload) values ($1, $2, $3, $4)', [
      taskId,
      row!.version,
      at,
      payload,
    ]);
  });
}

/** Many steps per transaction, each statement set-based: the batched floor. Task ids must be distinct. */
export async function floorBatch(db: Db, taskIds: number[], at: string, payload: unknown): Promise<void> {
  await db.transaction(async (tx: Queryable) => {
    const rows = await tx.query<{ id: number; version: number }>(
      `update floor_tasks set status = 'done', version = version + 1 where id = any($1::int[]) returning id, version`,
      [taskIds],
    );
    await tx.query(
      `insert into floor_events (task_id, seq, at, payload)
       values ${valuesList(rows.length, 4, ['integer', 'integer', 'timestamptz', 'jsonb'])}`,
      rows.flatMap((r) => [r.id, r.version, at, payload]),
    );
  });
}

/** Bytes of write-ahead log written so far (a difference of two readings is what a run wrote). */
export async function walPosition(db: Db): Promise<bigint> {
  const [row] = await db.query<{ lsn: string }>(`select (pg_current_wal_lsn() - '0/0'::pg_lsn)::text as lsn`);
  return BigInt(row!.lsn.split('.')[0]!);
}
