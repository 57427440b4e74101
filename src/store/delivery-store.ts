import type { Queryable } from './db.ts';

/**
 * Department tasks whose delivery is failing, read from the outbox: retrying (pending, with the
 * error of the last attempt) or dead (failed for good). SQL for supervision's view and re-send.
 */
export interface DeliveryRow {
  taskId: string;
  caseId: string;
  item: string;
  department: string;
  status: 'pending' | 'failed' | 'done';
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  settledAt: Date | null;
  lockedUntil: Date | null;
  resends: number;
}

const COLUMNS = `o.idempotency_key as "taskId", o.case_id as "caseId", o.payload ->> 'item' as item,
  o.topic as department, o.status, o.attempts,
  case when o.status = 'pending' then o.available_at end as "nextAttemptAt",
  o.last_error as "lastError", o.created_at as "createdAt", o.settled_at as "settledAt",
  (select q.locked_until from outbox_queue q where q.id = o.id) as "lockedUntil",
  (select count(*)::int from outbox_resends r where r.task_id = o.idempotency_key) as resends`;

export async function failingDeliveries(
  q: Queryable,
  region: string,
  state: 'retrying' | 'dead',
  limit: number,
): Promise<DeliveryRow[]> {
  return q.query<DeliveryRow>(
    // Only tasks of items still waiting for the department: one it decided meanwhile (it pulled the
    // task through the gateway, or a clerk took it) needs no delivery any more.
    // A task still retrying is in the send queue: read from there, not from every message ever sent.
    `select ${COLUMNS} from outbox o
     ${state === 'retrying' ? 'join outbox_queue due on due.id = o.id' : ''}
     join case_items i on i.case_id = o.case_id and i.item = o.payload ->> 'item' and i.status = 'dispatched'
     where o.kind = 'dispatch' and o.payload ->> 'region' = $1 and ${
       state === 'dead' ? `o.status = 'failed'` : `o.status = 'pending' and o.last_error is not null`
     }
     order by o.id limit $2`,
    [region, limit],
  );
}

export async function findDelivery(
  q: Queryable,
  region: string,
  taskId: string,
): Promise<DeliveryRow | null> {
  // Its place in the queue first, in the order the outbox worker takes them: a worker cannot claim it
  // while the caller decides, and one that holds it already shows in lockedUntil.
  await q.query(
    `select 1 from outbox_queue
     where id = (select id from outbox where kind = 'dispatch' and idempotency_key = $1) for update`,
    [taskId],
  );
  const rows = await q.query<DeliveryRow>(
    `select ${COLUMNS} from outbox o
     where o.kind = 'dispatch' and o.idempotency_key = $1 and o.payload ->> 'region' = $2 for update`,
    [taskId, region],
  );
  return rows[0] ?? null;
}

/** Due now, with its attempts afresh; only a row no worker holds (the caller checked and locked it). */
export async function requeueDelivery(
  q: Queryable,
  r: {
    taskId: string;
    region: string;
    by: string;
    at: Date;
    attemptsBefore: number;
    lastError: string | null;
  },
): Promise<void> {
  await q.query(
    `with again as (
       update outbox set status = 'pending', attempts = 0, available_at = $2, settled_at = null
       where kind = 'dispatch' and idempotency_key = $1 returning id, available_at)
     insert into outbox_queue (id, available_at) select id, available_at from again
     on conflict (id) do update set available_at = excluded.available_at, attempts = 0,
       locked_by = null, locked_until = null`,
    [r.taskId, r.at.toISOString()],
  );
  await q.query(
    `insert into outbox_resends (task_id, region, resent_by, attempts_before, last_error, resent_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [r.taskId, r.region, r.by, r.attemptsBefore, r.lastError, r.at.toISOString()],
  );
}
