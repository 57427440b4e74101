import { randomBytes } from 'node:crypto';
import pg from 'pg';
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

export interface WalShare {
  relation: string;
  records: number;
  bytes: number;
}

/**
 * Keeps the server from recycling the WAL written from now on until the returned function is called:
 * a run writes more than a checkpoint keeps (5,000 families wrote 790 MB against max_wal_size 1 GB),
 * and walByRelation reads it afterwards. A temporary replication slot, on a session of its own, so
 * the slot goes with that session even if this process dies. Null where slots are not allowed.
 */
export async function holdWal(url: string): Promise<(() => Promise<void>) | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('select pg_create_physical_replication_slot($1, true, true)', [
      `bench_wal_${process.pid}_${randomBytes(4).toString('hex')}`,
    ]);
    return () => client.end();
  } catch {
    await client.end().catch(() => undefined);
    return null;
  }
}

/**
 * The WAL written between two positions (walPosition), by relation of this connection's schema (a
 * table, an index, a table's TOAST), largest first; anything else (the catalog, other schemas,
 * commits) is `other`. Needs pg_walinspect (PostgreSQL 15 and later, installed by a superuser) and
 * the WAL still on the server (holdWal); otherwise says why not, so a bench still runs without it.
 */
export async function walByRelation(
  db: Db,
  from: bigint,
  to: bigint,
  limit = 12,
): Promise<{ shares: WalShare[] } | { unavailable: string }> {
  try {
    await db.query('create extension if not exists pg_walinspect schema public');
    const shares = await db.query<WalShare>(
      `with rels as (
         select c.relfilenode as node, c.relname::text as relation
         from pg_class c where c.relnamespace = current_schema()::regnamespace
         union all
         select t.relfilenode, m.relname || ' (TOAST)'
         from pg_class m join pg_class t on t.oid = m.reltoastrelid
         where m.relnamespace = current_schema()::regnamespace
         union all
         select i.relfilenode, m.relname || ' (TOAST index)'
         from pg_class m join pg_index x on x.indrelid = m.reltoastrelid join pg_class i on i.oid = x.indexrelid
         where m.relnamespace = current_schema()::regnamespace)
       select coalesce(r.relation, 'other') as relation, count(*)::int as records,
         sum(w.record_length)::float8 as bytes
       from public.pg_get_wal_records_info('0/0'::pg_lsn + $1::numeric,
         -- what is not yet flushed cannot be read; at most the last moment's records are left out
         least('0/0'::pg_lsn + $2::numeric, pg_current_wal_flush_lsn())) w
       left join rels r on r.node = substring(w.block_ref from 'rel \\d+/\\d+/(\\d+)')::oid
       group by 1 order by 3 desc limit $3`,
      [String(from), String(to), limit],
    );
    return { shares };
  } catch (e) {
    return { unavailable: (e as Error).message };
  }
}
