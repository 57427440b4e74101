import type { CaseStatus, ItemStatus } from '../domain/case.ts';
import type { ItemId, RegionId } from '../domain/ids.ts';
import type { Queryable } from './db.ts';

/**
 * A case at a glance, from the projection columns alone (cases, case_items): what a parent's list
 * and a status poll show. The case's document (8–9 KB) is not read, parsed or opened; only the baby's
 * name is taken from it.
 */
export interface CaseSummaryRow {
  caseId: string;
  region: RegionId;
  status: CaseStatus;
  overdue: boolean;
  babyName: string;
  submittedAt: string;
  promisedDeadline: string | null;
  items: {
    item: ItemId;
    status: ItemStatus;
    holder: 'department' | 'applicant' | null;
    deadline: string | null;
    dispatchedAt: string | null;
    overdue: boolean;
  }[];
}

// The engine's own instant format (toISOString), whichever the server's time zone. Items come in the order
// the whole case lists them (its document's: shorter names first, then byte order), so both views agree.
const instant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The cases a parent may see (applicant, mother or father), newest first; or the one case asked for. */
export async function caseSummaries(
  q: Queryable,
  o: { idNumber: string; caseId?: string; limit?: number },
): Promise<CaseSummaryRow[]> {
  const rows = await q.query<Omit<CaseSummaryRow, 'submittedAt'> & { submittedAt: string }>(
    `select c.id as "caseId", c.region, c.status, c.overdue, c.state->>'babyName' as "babyName",
       ${instant('c.submitted_at')} as "submittedAt", ${instant('c.promised_deadline')} as "promisedDeadline",
       coalesce((select json_agg(json_build_object('item', i.item, 'status', i.status, 'holder', i.holder,
           'deadline', ${instant('i.deadline')}, 'dispatchedAt', ${instant('i.dispatched_at')}, 'overdue', i.overdue)
           order by length(i.item), i.item collate "C")
         from case_items i where i.case_id = c.id), '[]'::json) as items
     from cases c
     where (c.applicant_id_number = $1 or c.mother_id_number = $1 or c.father_id_number = $1)
       and ($2::text is null or c.id = $2)
     order by c.submitted_at desc limit $3`,
    [q.personal.index(o.idNumber), o.caseId ?? null, o.limit ?? 100],
  );
  return rows;
}
