import type { CaseEvent, CaseState } from '../domain/case.ts';
import { CASE_PARTS, caseDocument, type CaseParts } from './case-document.ts';
import type { Queryable } from './db.ts';

/** The raw rows `onething verify` compares with the replay of each case's events. */
export interface CaseRow {
  id: string;
  region: string;
  mother_id_number: string;
  applicant_id_number: string;
  status: string;
  overdue: boolean;
  submitted_at: Date;
  promised_deadline: Date | null;
  version: number;
  last_hash: string;
  state: CaseState;
}

export interface EventRow {
  case_id: string;
  seq: number;
  type: string;
  at: Date;
  payload: CaseEvent;
  prev_hash: string;
  hash: string;
}

export interface ItemRow {
  case_id: string;
  item: string;
  region: string;
  department: string;
  status: string;
  dispatched_at: Date | null;
  deadline: Date | null;
  decided_at: Date | null;
  overdue: boolean;
  holder: string | null;
  rating: number | null;
}

/** A page of cases in id order, with their events and item rows. */
export async function casePage(q: Queryable, after: string, limit: number) {
  const rows = await q.query<Omit<CaseRow, 'state'> & CaseParts>(
    `select c.id, c.region, c.mother_id_number, c.applicant_id_number, c.status, c.overdue, c.submitted_at,
       c.promised_deadline, c.version, c.last_hash, ${CASE_PARTS}
     from cases c where c.id > $1 order by c.id limit $2`,
    [after, limit],
  );
  const cases: CaseRow[] = rows.map(({ form, items, ...r }) => ({
    ...r,
    state: caseDocument({ state: r.state, form, items }),
  }));
  const ids = cases.map((r) => r.id);
  const [events, items] = ids.length
    ? await Promise.all([
        q.query<EventRow>(
          `select case_id, seq, type, at, payload, prev_hash, hash from case_events
           where case_id = any($1::text[]) order by case_id, seq`,
          [ids],
        ),
        q.query<ItemRow>(
          `select case_id, item, region, department, status, dispatched_at, deadline, decided_at, overdue, holder, rating
           from case_items where case_id = any($1::text[])`,
          [ids],
        ),
      ])
    : [[], []];
  return { cases, events, items };
}
