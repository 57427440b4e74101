import type { Bilingual } from '../domain/text.ts';
import type { Queryable } from './db.ts';
import { json } from './sql.ts';
import { calendarSql, measured, Params, type Basis, type Measure } from './supervision-store.ts';

/**
 * Escalation of late work and the follow-up of poor ratings: the staff inbox they arrive in.
 * Once per item per threshold per deadline is the primary key of supervision_escalations, so two servers
 * sweeping at once write each escalation once (the loser's insert does nothing).
 */
export interface Crossing {
  caseId: string;
  item: string;
  department: string;
  threshold: string;
  organisationId: string | null;
  due: Date;
  basis: Basis;
}

/**
 * Open department-held items that crossed a threshold and were not escalated for it yet:
 * `due-soon` (due before `soon`), `overdue`, and `overdue-<n>wd` (n whole working days past the
 * due day) for each n in `overdueDays`.
 */
export async function crossings(
  q: Queryable,
  m: Measure,
  soon: Date,
  overdueDays: number[],
  limit: number,
): Promise<Crossing[]> {
  const p = new Params();
  const cte = measured(p, m);
  const cal = calendarSql(p, m.calendar);
  const now = p.add(m.now.toISOString());
  const days = p.add(overdueDays);
  return q.query<Crossing>(
    `with ${cte},
       open as (
         select m.*, ${cal.workingDaysPast('m.due', now)} as late_days
         from m
         where m.status = 'dispatched' and m.holder = 'department' and m.due < ${p.add(soon.toISOString())}),
       t as (
         select o.*, 'due-soon' as threshold from open o
         union all select o.*, 'overdue' from open o where o.due < ${now}
         union all select o.*, 'overdue-' || n || 'wd' from open o, unnest(${days}::int[]) n
           where o.due < ${now} and o.late_days >= n)
     select t.case_id as "caseId", t.item, t.department, t.threshold, t.org_id as "organisationId",
       t.due, t.basis
     from t
     where not exists (select 1 from supervision_escalations e
       where e.case_id = t.case_id and e.item = t.item and e.threshold = t.threshold and e.due = t.due)
     order by t.due, t.case_id, t.item, t.threshold limit ${p.add(limit)}`,
    p.values,
  );
}

/** Records crossings; returns those this call recorded (another server may have been first). */
export async function recordEscalations(
  q: Queryable,
  region: string,
  rows: Crossing[],
  at: Date,
): Promise<Crossing[]> {
  if (!rows.length) return [];
  const inserted = await q.query<{ case_id: string; item: string; threshold: string }>(
    `insert into supervision_escalations (case_id, item, threshold, region, organisation_id, due, basis, crossed_at)
     select v.case_id, v.item, v.threshold, $1, v.org, v.due, v.basis, $2
     from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[])
       as v (case_id, item, threshold, org, due, basis)
     on conflict do nothing
     returning case_id, item, threshold`,
    [
      region,
      at.toISOString(),
      rows.map((r) => r.caseId),
      rows.map((r) => r.item),
      rows.map((r) => r.threshold),
      rows.map((r) => r.organisationId),
      rows.map((r) => r.due.toISOString()),
      rows.map((r) => r.basis),
    ],
  );
  const won = new Set(inserted.map((r) => `${r.case_id}\u0000${r.item}\u0000${r.threshold}`));
  return rows.filter((r) => won.has(`${r.caseId}\u0000${r.item}\u0000${r.threshold}`));
}

export interface InboxEntry {
  organisationId: string;
  kind: 'escalation' | 'rating-follow-up';
  caseId: string;
  item: string;
  threshold: string | null;
  body: { title: Bilingual; text: Bilingual };
  /** Only the organisation's head (a rating follow-up), or every member (an escalation). */
  headsOnly: boolean;
}

/**
 * Puts each entry in the inbox of its organisation's staff; returns who with a phone should get
 * the text (the others' entries say it was not sent).
 */
export async function deliverToStaff(q: Queryable, entries: InboxEntry[], at: Date) {
  if (!entries.length) return [];
  return q.query<{ staffId: string; phone: string; caseId: string; item: string; threshold: string | null }>(
    `with v as (
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::boolean[])
         as v (org, kind, case_id, item, threshold, body, heads_only)),
     ins as (
       insert into staff_inbox (staff_id, organisation_id, kind, case_id, item, threshold, body, sms, created_at)
       select s.id, v.org, v.kind, v.case_id, v.item, v.threshold, v.body,
         case when s.phone is null then 'no-phone' else 'queued' end, $8
       from v join staff s on s.organisation_id = v.org and (not v.heads_only or s.role = 'head')
       returning staff_id, case_id, item, threshold, sms)
     select ins.staff_id as "staffId", s.phone, ins.case_id as "caseId", ins.item, ins.threshold
     from ins join staff s on s.id = ins.staff_id where ins.sms = 'queued'`,
    [
      entries.map((e) => e.organisationId),
      entries.map((e) => e.kind),
      entries.map((e) => e.caseId),
      entries.map((e) => e.item),
      entries.map((e) => e.threshold),
      entries.map((e) => json(e.body)),
      entries.map((e) => e.headsOnly),
      at.toISOString(),
    ],
  );
}

export async function staffInbox(q: Queryable, staffId: string) {
  return q.query<{
    id: string;
    kind: InboxEntry['kind'];
    caseId: string;
    item: string;
    threshold: string | null;
    body: InboxEntry['body'];
    sms: 'queued' | 'no-phone';
    createdAt: Date;
    readAt: Date | null;
  }>(
    `select id::text, kind, case_id as "caseId", item, threshold, body, sms, created_at as "createdAt",
       read_at as "readAt"
     from staff_inbox where staff_id = $1 order by staff_inbox.id desc limit 200`,
    [staffId],
  );
}

export async function markInboxRead(q: Queryable, staffId: string, id: string, at: Date): Promise<boolean> {
  const rows = await q.query(
    `update staff_inbox set read_at = coalesce(read_at, $3) where staff_id = $1 and id = $2::bigint returning id`,
    [staffId, id, at.toISOString()],
  );
  return rows.length > 0;
}
