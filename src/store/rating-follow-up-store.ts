import type { Queryable } from './db.ts';

/**
 * 好差评 follow-ups: each rating of 2 (不满意) or 1 (非常不满意) becomes one task for the head of
 * the organisation that handled the item. One per rated item (the primary key): a second poor
 * rating of the same item keeps the one task.
 */
export interface PoorRating {
  caseId: string;
  item: string;
  region: string;
  department: string;
  organisationId: string | null;
  score: number;
  comment: string;
  ratedAt: Date;
}

/** Poor ratings with no follow-up yet, oldest first, with the organisation that handled the item. */
export async function poorRatingsWithoutFollowUp(
  q: Queryable,
  atOrBelow: number,
  limit: number,
): Promise<PoorRating[]> {
  return q.query<PoorRating>(
    `select r.case_id as "caseId", r.item, r.region, r.department, org.id as "organisationId", r.score,
       r.comment, r.rated_at as "ratedAt"
     from ratings r
     join case_items i on i.case_id = r.case_id and i.item = r.item
     left join lateral (
       select o.id from organisations o
       where o.region = i.region and o.department = i.department and i.place_county = any(o.counties)
         and (o.institution is null or o.institution = i.place_institution)
       order by o.id limit 1) org on true
     where r.score <= $1
       and not exists (select 1 from rating_follow_ups f where f.case_id = r.case_id and f.item = r.item)
     order by r.rated_at, r.case_id, r.item limit $2`,
    [atOrBelow, limit],
  );
}

/** Records follow-ups; returns those this call created. */
export async function createFollowUps(
  q: Queryable,
  rows: (PoorRating & { due: Date })[],
  at: Date,
): Promise<PoorRating[]> {
  if (!rows.length) return [];
  const inserted = await q.query<{ case_id: string; item: string }>(
    `insert into rating_follow_ups (case_id, item, region, department, organisation_id, score, comment, rated_at,
       created_at, due)
     select v.case_id, v.item, v.region, v.department, v.org, v.score, v.comment, v.rated_at, $1, v.due
     from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::smallint[], $8::text[],
       $9::timestamptz[], $10::timestamptz[]) as v (case_id, item, region, department, org, score, comment, rated_at, due)
     on conflict do nothing
     returning case_id, item`,
    [
      at.toISOString(),
      rows.map((r) => r.caseId),
      rows.map((r) => r.item),
      rows.map((r) => r.region),
      rows.map((r) => r.department),
      rows.map((r) => r.organisationId),
      rows.map((r) => r.score),
      rows.map((r) => r.comment),
      rows.map((r) => r.ratedAt.toISOString()),
      rows.map((r) => r.due.toISOString()),
    ],
  );
  const won = new Set(inserted.map((r) => `${r.case_id}\u0000${r.item}`));
  return rows.filter((r) => won.has(`${r.caseId}\u0000${r.item}`));
}

export interface FollowUpRow {
  caseId: string;
  item: string;
  region: string;
  department: string;
  organisationId: string | null;
  organisationName: unknown;
  score: number;
  comment: string;
  ratedAt: Date;
  createdAt: Date;
  due: Date;
  outcome: string | null;
  outcomeBy: string | null;
  outcomeByName: string | null;
  outcomeAt: Date | null;
}

const SELECT = `select f.case_id as "caseId", f.item, f.region, f.department, f.organisation_id as "organisationId",
    o.name as "organisationName", f.score, f.comment, f.rated_at as "ratedAt", f.created_at as "createdAt", f.due,
    f.outcome, f.outcome_by as "outcomeBy", s.name as "outcomeByName", f.outcome_at as "outcomeAt"
  from rating_follow_ups f
  left join organisations o on o.id = f.organisation_id
  left join staff s on s.id = f.outcome_by`;

/** A region's follow-ups (supervision), or an organisation's (its head's workbench). */
export async function listFollowUps(
  q: Queryable,
  by: { region: string; from?: Date | null; to?: Date | null } | { organisationId: string },
): Promise<FollowUpRow[]> {
  if ('organisationId' in by)
    return q.query<FollowUpRow>(
      `${SELECT} where f.organisation_id = $1 order by f.created_at desc limit 500`,
      [by.organisationId],
    );
  return q.query<FollowUpRow>(
    `${SELECT} where f.region = $1 and ($2::timestamptz is null or f.created_at >= $2)
       and ($3::timestamptz is null or f.created_at < $3)
     order by f.created_at desc limit 2000`,
    [by.region, by.from?.toISOString() ?? null, by.to?.toISOString() ?? null],
  );
}

/** The head records the outcome once; a second write changes nothing and returns false. */
export async function recordOutcome(
  q: Queryable,
  o: { organisationId: string; caseId: string; item: string; outcome: string; staffId: string; at: Date },
): Promise<'recorded' | 'already' | 'not-found'> {
  const rows = await q.query<{ outcome_by: string; fresh: boolean }>(
    `update rating_follow_ups set outcome = coalesce(outcome, $4), outcome_by = coalesce(outcome_by, $5),
       outcome_at = coalesce(outcome_at, $6)
     where organisation_id = $1 and case_id = $2 and item = $3
     returning outcome_by, outcome_at = $6 as fresh`,
    [o.organisationId, o.caseId, o.item, o.outcome, o.staffId, o.at.toISOString()],
  );
  if (!rows.length) return 'not-found';
  return rows[0]!.fresh ? 'recorded' : 'already';
}
