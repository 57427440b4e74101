import type { Queryable } from './db.ts';
import { valuesList } from './sql.ts';

/** 免申即办: one invitation per baby, and the funnel supervision reads from it and the cases. */

export interface NewInvitation {
  babyKey: string;
  region: string;
  motherIdNumber: string;
  birthOrder: number;
  bornAt: string;
}

/** Insert the invitations not yet made; returns the baby keys that are new (once per baby). */
export async function insertInvitations(q: Queryable, rows: NewInvitation[], at: Date): Promise<string[]> {
  if (!rows.length) return [];
  // Baby keys are stored as blind indexes, as in cases.baby_key, so the two still join.
  const keyOf = new Map(rows.map((r) => [r.babyKey, q.personal.index(r.babyKey, 'baby')]));
  const inserted = await q.query<{ baby_key: string }>(
    `insert into proactive_invitations (baby_key, region, mother_id_number, birth_order, born_at, invited_at)
     values ${valuesList(rows.length, 6, ['', '', '', 'int', 'timestamptz', 'timestamptz'])}
     on conflict (baby_key) do nothing returning baby_key`,
    rows.flatMap((r) => [
      keyOf.get(r.babyKey),
      r.region,
      q.personal.index(r.motherIdNumber),
      r.birthOrder,
      r.bornAt,
      at.toISOString(),
    ]),
  );
  const babyOf = new Map([...keyOf].map(([baby, index]) => [index, baby]));
  return inserted.map((r) => babyOf.get(r.baby_key)!);
}

/** The mother opened her invitation: the first opening counts. Returns whether there was one. */
export async function markOpened(
  q: Queryable,
  motherIdNumber: string,
  birthOrder: number,
  at: Date,
): Promise<boolean> {
  const rows = await q.query<{ baby_key: string }>(
    `update proactive_invitations set opened_at = coalesce(opened_at, $3::timestamptz)
     where mother_id_number = $1 and birth_order = $2 returning baby_key`,
    [q.personal.index(motherIdNumber), birthOrder, at.toISOString()],
  );
  return rows.length > 0;
}

export interface FunnelRow {
  invited: number;
  opened: number;
  applied: number;
  finished: number;
}

/** Invited → opened → applied → finished for a region's invitations since an instant. */
export async function funnelCounts(q: Queryable, region: string, since: Date): Promise<FunnelRow> {
  const rows = await q.query<Record<keyof FunnelRow, number | string>>(
    `select count(*) as invited,
            count(p.opened_at) as opened,
            count(c.id) as applied,
            count(c.id) filter (where c.status in ('completed', 'partly-completed')) as finished
     from proactive_invitations p left join cases c on c.baby_key = p.baby_key
     where p.region = $1 and p.invited_at >= $2::timestamptz`,
    [region, since.toISOString()],
  );
  const r = rows[0]!;
  return {
    invited: Number(r.invited),
    opened: Number(r.opened),
    applied: Number(r.applied),
    finished: Number(r.finished),
  };
}

/** Hours from birth to application, for each invited baby that has a case. */
export async function hoursBirthToApplication(q: Queryable, region: string, since: Date): Promise<number[]> {
  const rows = await q.query<{ hours: number | string }>(
    `select extract(epoch from (c.submitted_at - p.born_at)) / 3600 as hours
     from proactive_invitations p join cases c on c.baby_key = p.baby_key
     where p.region = $1 and p.invited_at >= $2::timestamptz order by 1`,
    [region, since.toISOString()],
  );
  return rows.map((r) => Number(r.hours));
}
