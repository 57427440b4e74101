import type { Queryable } from './db.ts';

/**
 * What a finished case cost the family, read in keyset pages for the efficiency table: when it was
 * submitted and its last item done, what the family uploaded, collected in person, and did after
 * applying.
 */
export interface FinishedCase {
  caseId: string;
  submittedAt: Date;
  lastDoneAt: Date | null;
  /** Materials uploaded with the application, and uploaded later for an item. */
  uploads: number;
  laterUploads: number;
  /** Results collected in person, and items refused to offline handling (a visit each). */
  pickups: number;
  offline: number;
  /** The family's own actions after applying: supplements, later uploads, payments, bookings, visits. */
  actions: number;
}

const FAMILY_ACTIONS = [
  'supplement-answered',
  'materials-supplied',
  'payment-made',
  'pickup-booked',
  'family-deadline-met',
];

export async function finishedCasesPage(
  q: Queryable,
  region: string,
  since: Date,
  afterId: string,
  limit: number,
): Promise<FinishedCase[]> {
  const rows = await q.query<{
    id: string;
    submitted_at: Date | string;
    last_done: Date | string | null;
    uploads: number | string;
    later: number | string;
    pickups: number | string;
    offline: number | string;
    actions: number | string;
  }>(
    `select c.id, c.submitted_at,
       (select max(i.decided_at) from case_items i where i.case_id = c.id and i.status = 'done') as last_done,
       coalesce(jsonb_array_length(c.form -> 'uploads'), 0) as uploads,
       (select coalesce(sum(jsonb_array_length(coalesce(i.state -> 'suppliedMaterials', '[]'::jsonb))), 0)
          from case_items i where i.case_id = c.id) as later,
       (select count(*) from case_items i
          where i.case_id = c.id and i.state ->> 'delivery' = 'pickup' and i.status = 'done') as pickups,
       (select count(*) from case_items i where i.case_id = c.id and i.status = 'rejected') as offline,
       (select count(*) from case_events v where v.case_id = c.id and v.type = any($5::text[])) as actions
     from cases c
     where c.region = $1 and c.submitted_at >= $2::timestamptz and c.id > $3
       and c.status in ('completed', 'partly-completed')
     order by c.id limit $4`,
    [region, since.toISOString(), afterId, limit, FAMILY_ACTIONS],
  );
  return rows.map((r) => ({
    caseId: r.id,
    submittedAt: new Date(r.submitted_at),
    lastDoneAt: r.last_done ? new Date(r.last_done) : null,
    uploads: Number(r.uploads),
    laterUploads: Number(r.later),
    pickups: Number(r.pickups),
    offline: Number(r.offline),
    actions: Number(r.actions),
  }));
}
