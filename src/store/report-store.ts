import type { Queryable } from './db.ts';

/** Read models for supervision, metrics and simulation summaries, straight from the projections. */

export async function regionOverview(q: Queryable, region: string) {
  const [cases, items] = await Promise.all([
    q.query<{ status: string; n: number; overdue: number }>(
      `select status, count(*)::int as n, count(*) filter (where overdue)::int as overdue
       from cases where region = $1 group by status`,
      [region],
    ),
    q.query<{
      item: string;
      department: string;
      total: number;
      done: number;
      rejected: number;
      open: number;
      overdue: number;
      decidedWithDeadline: number;
      decidedOnTime: number;
      averageRating: number | null;
      ratings: number;
    }>(
      `select item, department,
         count(*)::int as total,
         count(*) filter (where status = 'done')::int as done,
         count(*) filter (where status = 'rejected')::int as rejected,
         count(*) filter (where status in ('dispatched', 'supplement-requested', 'waiting'))::int as open,
         count(*) filter (where overdue)::int as overdue,
         count(*) filter (where deadline is not null and decided_at is not null)::int as "decidedWithDeadline",
         count(*) filter (where deadline is not null and decided_at is not null and decided_at <= deadline)::int as "decidedOnTime",
         round(avg(rating)::numeric, 2)::float8 as "averageRating",
         count(rating)::int as ratings
       from case_items where region = $1 group by item, department order by item`,
      [region],
    ),
  ]);
  return { region, cases, items };
}

export async function overdueItems(q: Queryable, region: string) {
  return q.query<{
    caseId: string;
    item: string;
    department: string;
    status: string;
    deadline: Date | null;
    dispatchedAt: Date | null;
  }>(
    `select case_id as "caseId", item, department, status, deadline, dispatched_at as "dispatchedAt"
     from case_items where region = $1 and overdue and status in ('dispatched', 'supplement-requested')
     order by deadline limit 500`,
    [region],
  );
}

export async function metricCounts(q: Queryable) {
  const [cases, items, outbox] = await Promise.all([
    q.query<{ region: string; status: string; n: number }>(
      'select region, status, count(*)::int as n from cases group by region, status',
    ),
    q.query<{ region: string; status: string; overdue: boolean; n: number }>(
      'select region, status, overdue, count(*)::int as n from case_items group by region, status, overdue',
    ),
    q.query<{ status: string; n: number }>('select status, count(*)::int as n from outbox group by status'),
  ]);
  return { cases, items, outbox };
}

export async function ping(q: Queryable): Promise<void> {
  await q.query('select 1');
}

/** How a region's cases and items ended, SLA compliance and median hours per item. */
export async function regionOutcomes(q: Queryable, region: string) {
  const [caseStatus, itemStatus, sla, medians] = await Promise.all([
    q.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from cases where region = $1 group by status',
      [region],
    ),
    q.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from case_items where region = $1 group by status',
      [region],
    ),
    q.query<{ total: number; on_time: number; overdue: number }>(
      `select count(*) filter (where deadline is not null and decided_at is not null)::int as total,
              count(*) filter (where deadline is not null and decided_at is not null and decided_at <= deadline)::int as on_time,
              count(*) filter (where overdue)::int as overdue
       from case_items where region = $1`,
      [region],
    ),
    q.query<{ item: string; hours: number }>(
      `select item, round((percentile_cont(0.5) within group (order by extract(epoch from decided_at - dispatched_at)) / 3600)::numeric, 1)::float8 as hours
       from case_items where region = $1 and status = 'done' group by item order by item`,
      [region],
    ),
  ]);
  return { caseStatus, itemStatus, sla: sla[0]!, medians };
}

export async function settledCaseCount(q: Queryable): Promise<number> {
  return (
    await q.query<{ n: number }>(`select count(*)::int as n from cases where status <> 'in-progress'`)
  )[0]!.n;
}

/** Items still open in a region: with a department, or waiting for the family. */
export async function openItemCount(q: Queryable, region: string): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select count(*)::int as n from case_items
     where region = $1 and status in ('waiting', 'dispatched', 'supplement-requested', 'payment-due')`,
    [region],
  );
  return row!.n;
}
