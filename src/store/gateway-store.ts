import type { Queryable } from './db.ts';
import type { DepartmentTask } from '../departments/port.ts';

/** What a department system pulling its work through the gateway sees: its open tasks and claims. */

/**
 * The department's latest task per open item, with when it was claimed, and the item's deadline
 * now (a recount after an official holiday arrangement may have moved it since the task was sent).
 */
export async function openTasks(q: Queryable, department: string) {
  // The payload is the DepartmentTask the outbox worker would have pushed (departments/port.ts).
  return q.query<{
    task: DepartmentTask;
    claimedAt: Date | null;
    deadline: Date | null;
    dispatchedAt: Date | null;
  }>(
    `select distinct on (o.case_id, o.payload->>'item') o.payload as task, c.claimed_at as "claimedAt",
       i.deadline, i.dispatched_at as "dispatchedAt"
     from outbox o
     join case_items i on i.case_id = o.case_id and i.item = o.payload->>'item' and i.status = 'dispatched'
     left join task_claims c on c.task_id = o.idempotency_key
     where o.kind = 'dispatch' and o.topic = $1
     order by o.case_id, o.payload->>'item', o.id desc limit 500`,
    [department],
  );
}

export async function findTaskDepartment(q: Queryable, taskId: string): Promise<string | null> {
  const rows = await q.query<{ topic: string }>(
    `select topic from outbox where kind = 'dispatch' and idempotency_key = $1`,
    [taskId],
  );
  return rows[0]?.topic ?? null;
}

export async function insertTaskClaim(
  q: Queryable,
  taskId: string,
  department: string,
  at: Date,
): Promise<void> {
  await q.query(
    'insert into task_claims (task_id, department, claimed_at) values ($1, $2, $3) on conflict (task_id) do nothing',
    [taskId, department, at.toISOString()],
  );
}
