import type { Queryable } from './db.ts';

/**
 * What a store says about its deliveries after a run that was killed and restarted (bench/kill9.ts):
 * which cases it holds, what is still open, and whether any department task was sent, or decided,
 * more than once.
 */
export interface DeliveryAudit {
  caseIds: string[];
  openItems: number;
  outbox: { kind: string; status: string; rows: number }[];
  /** Department tasks (dispatch rows) and the calls made for them (every claim is one call). */
  dispatches: { rows: number; calls: number; rowsCalledMoreThanOnce: number };
  /** Items with more than one final decision (done or rejected) in their event log. */
  itemsDecidedTwice: number;
  /** Decisions the simulated departments still hold, undelivered. */
  simulatorQueue: number;
}

export async function deliveryAudit(q: Queryable): Promise<DeliveryAudit> {
  const cases = await q.query<{ id: string }>('select id from cases order by id');
  const [open] = await q.query<{ n: number }>(
    `select count(*)::int as n from case_items
     where status in ('waiting', 'dispatched', 'supplement-requested', 'payment-due')`,
  );
  const outbox = await q.query<{ kind: string; status: string; rows: number }>(
    'select kind, status, count(*)::int as rows from outbox group by kind, status order by kind, status',
  );
  const [dispatches] = await q.query<{ rows: number; calls: number; repeated: number }>(
    `select count(*)::int as rows, coalesce(sum(attempts), 0)::int as calls,
       count(*) filter (where attempts > 1)::int as repeated
     from outbox where kind = 'dispatch'`,
  );
  const [decidedTwice] = await q.query<{ n: number }>(
    `select count(*)::int as n from (
       select case_id, payload->>'item' from case_events
       where type in ('item-done', 'item-rejected')
       group by case_id, payload->>'item' having count(*) > 1) t`,
  );
  const [queued] = await q.query<{ n: number }>('select count(*)::int as n from simulator_queue');
  return {
    caseIds: cases.map((c) => c.id),
    openItems: open!.n,
    outbox,
    dispatches: {
      rows: dispatches!.rows,
      calls: dispatches!.calls,
      rowsCalledMoreThanOnce: dispatches!.repeated,
    },
    itemsDecidedTwice: decidedTwice!.n,
    simulatorQueue: queued!.n,
  };
}
