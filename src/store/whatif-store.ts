import { valuesList } from './sql.ts';
import type { Facts } from '../policy/facts.ts';
import type { Queryable } from './db.ts';

/**
 * The facts each accepted case was decided on (decided_facts), and the pages the policy what-if
 * replays. Read-only for the what-if: nothing here writes to cases or their events.
 */

export interface DecidedFacts {
  caseId: string;
  submittedAt: Date;
  facts: Facts;
  /** Where the next page starts: the stored instant as the database writes it (finer than a Date). */
  cursor: { at: string; caseId: string };
}

/** Kept in the submission's transaction, so a case and the facts it was decided on commit together. */
export async function recordDecidedFacts(
  q: Queryable,
  rows: readonly { caseId: string; region: string; submittedAt: Date; facts: Facts }[],
): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `insert into decided_facts (case_id, region, submitted_at, facts)
     values ${valuesList(rows.length, 4, ['', '', 'timestamptz', 'jsonb'])} on conflict (case_id) do nothing`,
    rows.flatMap((r) => [r.caseId, r.region, r.submittedAt.toISOString(), r.facts]),
  );
}

/** One keyset page of a region's decided facts since an instant, in submission order. */
export async function decidedFactsPage(
  q: Queryable,
  region: string,
  since: Date,
  after: DecidedFacts['cursor'] | null,
  limit: number,
): Promise<DecidedFacts[]> {
  const rows = await q.query<{ case_id: string; submitted_at: Date | string; at: string; facts: Facts }>(
    `select case_id, submitted_at, submitted_at::text as at, facts from decided_facts
     where region = $1 and submitted_at >= $2::timestamptz
       and ($3::timestamptz is null or (submitted_at, case_id) > ($3::timestamptz, $4::text))
     order by submitted_at, case_id limit $5`,
    [region, since.toISOString(), after?.at ?? null, after?.caseId ?? '', limit],
  );
  return rows.map((r) => ({
    caseId: r.case_id,
    submittedAt: new Date(r.submitted_at),
    facts: r.facts,
    cursor: { at: r.at, caseId: r.case_id },
  }));
}

/** Cases of the region since the instant that have no decided facts (accepted before they were kept). */
export async function casesWithoutFacts(q: Queryable, region: string, since: Date): Promise<number> {
  const rows = await q.query<{ n: number | string }>(
    `select count(*) as n from cases c
     where c.region = $1 and c.submitted_at >= $2::timestamptz
       and not exists (select 1 from decided_facts f where f.case_id = c.id)`,
    [region, since.toISOString()],
  );
  return Number(rows[0]?.n ?? 0);
}
