import type { Queryable } from './db.ts';

/**
 * Supervision figures, set-based: one statement per table, whatever the number of cases.
 *
 * Working time is counted in SQL against a calendar the engine passes in (`WorkingDays`): for each
 * day from `first` on, its working flag and how many working days came before it. The working time
 * up to an instant is then `cum × 24 h + (the part of the day gone, if a working day)`, so a
 * duration is one subtraction and medians and percentiles are plain `percentile_cont`. The days are
 * arrays indexed by day number, not a table joined per item: at 100k cases the joins (sorted on
 * disk) took most of a dashboard's time. All days are Beijing days (UTC+8, no daylight saving),
 * written as a fixed offset so PGlite needs no time-zone data.
 *
 * Each item is measured against one deadline, its basis said: the item's own limit where the
 * policy sets one, else the case's promise, else the department's service standard (a setting,
 * in working days after the day of dispatch).
 */
export interface WorkingDays {
  /** The day of index 0. */
  first: string;
  /** Working days before each day. */
  cum: number[];
  working: boolean[];
  /** The working days in order: the n-th (0-based) is the one with `cum` n. */
  workdays: string[];
}

export interface Measure {
  region: string;
  calendar: WorkingDays;
  /** Working days per department for items with neither an item limit nor a case promise. */
  standards: { department: string; days: number }[];
  now: Date;
  /** Decisions in [from, to) count; open work is always the current. */
  from: Date | null;
  to: Date | null;
}

export type Basis = 'item-limit' | 'case-promise' | 'service-standard';

const DAY_MS = 86_400_000;
/** A Beijing wall-clock timestamp of an instant. */
export const bj = (t: string) => `((${t}) at time zone 'UTC' + interval '8 hours')`;

export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Working-time expressions over a calendar passed once as parameters. Off the calendar: null. */
export function calendarSql(p: Params, c: WorkingDays) {
  // Each array is bound on first use: PostgreSQL refuses a parameter the statement never names.
  const bound = new Map<keyof WorkingDays, string>();
  const param = (k: keyof WorkingDays) => bound.get(k) ?? bound.set(k, p.add(c[k])).get(k)!;
  const day = (t: string) => `(${bj(t)}::date - ${param('first')}::date + 1)`;
  const cumAt = (t: string) => `(${param('cum')}::int[])[${day(t)}]`;
  const workingAt = (t: string) => `(${param('working')}::boolean[])[${day(t)}]`;
  /** Working milliseconds from the calendar's first day up to instant `t`. */
  const W = (t: string) =>
    `(${cumAt(t)}::float8 * ${DAY_MS} + case when ${workingAt(t)} then extract(epoch from ${bj(t)} - ${bj(t)}::date) * 1000 else 0 end)`;
  return {
    /** The working hours between two instants. */
    hours: (from: string, to: string) => `((${W(to)} - ${W(from)}) / 3600000.0)`,
    /** Whole working days after the day of `due`, up to the day of `now` (0 if not yet past). */
    workingDaysPast: (due: string, now: string) =>
      `greatest(${cumAt(now)} - ${cumAt(due)} - ${workingAt(due)}::int, 0)::int`,
    /** The end (Beijing midnight after) of the `n`-th working day after the day of `t`. */
    endOfWorkingDayAfter: (t: string, n: string) =>
      `((${param('workdays')}::date[])[${cumAt(t)} + ${workingAt(t)}::int + ${n}]::timestamp + interval '16 hours') at time zone 'UTC'`,
  };
}

/**
 * The measured items of a region: each with its basis, its due instant and, when decided, whether
 * on time and its working hours; `org` is the organisation that handles it (none if not loaded).
 */
export function measured(p: Params, m: Measure): string {
  const region = p.add(m.region);
  const cal = calendarSql(p, m.calendar);
  const std = `select * from unnest(${p.add(m.standards.map((s) => s.department))}::text[],
      ${p.add(m.standards.map((s) => s.days))}::int[]) as s(department, days)`;
  return `std as (${std}),
    m as (
      select i.case_id, i.item, i.department, i.status, i.holder, i.dispatched_at, i.decided_at,
        i.place_county, i.place_institution, org.id as org_id, org.name as org_name,
        case when i.deadline is not null then 'item-limit'
             when c.promised_deadline is not null then 'case-promise'
             when s.days is not null then 'service-standard' end as basis,
        coalesce(i.deadline, c.promised_deadline, ${cal.endOfWorkingDayAfter('i.dispatched_at', 's.days')}) as due,
        case when i.decided_at is not null then ${cal.hours('i.dispatched_at', 'i.decided_at')} end as hours
      from case_items i
      join cases c on c.id = i.case_id
      left join std s on s.department = i.department
      left join lateral (
        select o.id, o.name from organisations o
        where o.region = i.region and o.department = i.department and i.place_county = any(o.counties)
          and (o.institution is null or o.institution = i.place_institution)
        order by o.id limit 1) org on true
      where i.region = ${region} and i.dispatched_at is not null
    )`;
}

/** Decided items in the period (done or rejected, with a decision time). */
function decidedIn(p: Params, m: Measure): string {
  return `m.status in ('done', 'rejected') and m.decided_at is not null
    ${m.from ? `and m.decided_at >= ${p.add(m.from.toISOString())}` : ''}
    ${m.to ? `and m.decided_at < ${p.add(m.to.toISOString())}` : ''}`;
}

export type ComplianceBy = 'department' | 'item' | 'organisation' | 'week';
export interface ComplianceRow {
  by: ComplianceBy;
  key: string;
  name: unknown;
  basis: Basis | null;
  decided: number;
  measured: number;
  onTime: number;
  late: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/**
 * SLA compliance and working-time durations, grouped by department, item, organisation and/or week:
 * several in one pass over the items (grouping sets), since each pass measures every item.
 */
export async function compliance(
  q: Queryable,
  m: Measure,
  groupings: readonly ComplianceBy[],
): Promise<ComplianceRow[]> {
  const column = { department: 'x.department', item: 'x.item', organisation: 'x.org', week: 'x.week' };
  // Which grouping a row belongs to: grouping() names only the query's own grouping columns.
  const tag = groupings
    .slice(0, -1)
    .reduceRight(
      (rest, g) => `case when grouping(${column[g]}) = 0 then '${g}' else ${rest} end`,
      `'${groupings.at(-1)}'`,
    );
  const orgName = 'min(x.org_name::text)::jsonb';
  const name = !groupings.includes('organisation')
    ? 'null::jsonb'
    : groupings.length === 1
      ? orgName
      : `case when grouping(x.org) = 0 then ${orgName} end`;
  const p = new Params();
  const cte = measured(p, m);
  const where = decidedIn(p, m);
  return q.query<ComplianceRow>(
    `with ${cte},
       x as (
         select m.*, coalesce(m.org_id, '') as org,
           to_char(date_trunc('week', ${bj('m.decided_at')}), 'YYYY-MM-DD') as week
         from m where ${where})
     select
       ${tag} as by,
       coalesce(${groupings.map((g) => column[g]).join(', ')}) as key,
       ${name} as name,
       case when count(distinct x.basis) = 1 then min(x.basis) end as basis,
       count(*)::int as decided,
       count(x.due)::int as measured,
       count(*) filter (where x.decided_at <= x.due)::int as "onTime",
       count(*) filter (where x.decided_at > x.due)::int as late,
       round(percentile_cont(0.5) within group (order by x.hours)::numeric, 1)::float8 as "medianHours",
       round(percentile_cont(0.9) within group (order by x.hours)::numeric, 1)::float8 as "p90Hours"
     from x
     group by grouping sets (${groupings.map((g) => `(${column[g]})`).join(', ')})
     order by 1, 2`,
    p.values,
  );
}

/** Items dispatched and decided per week (Beijing weeks starting Monday). */
export async function throughput(q: Queryable, m: Measure) {
  const p = new Params();
  const cte = measured(p, m);
  const from = m.from ? p.add(m.from.toISOString()) : null;
  const to = m.to ? p.add(m.to.toISOString()) : null;
  const inPeriod = (t: string) =>
    `${t} is not null ${from ? `and ${t} >= ${from}` : ''} ${to ? `and ${t} < ${to}` : ''}`;
  const week = (t: string) => `to_char(date_trunc('week', ${bj(t)}), 'YYYY-MM-DD')`;
  return q.query<{ week: string; dispatched: number; decided: number }>(
    `with ${cte},
       w as (
         select ${week('m.dispatched_at')} as week, 1 as dispatched, 0 as decided from m
           where ${inPeriod('m.dispatched_at')}
         union all
         select ${week('m.decided_at')}, 0, 1 from m
           where m.status in ('done', 'rejected') and ${inPeriod('m.decided_at')})
     select week, sum(dispatched)::int as dispatched, sum(decided)::int as decided
     from w group by week order by week`,
    p.values,
  );
}

export interface OpenRow {
  caseId: string;
  item: string;
  department: string;
  organisationId: string | null;
  organisationName: unknown;
  status: string;
  dispatchedAt: Date;
  due: Date;
  basis: Basis;
  /** Working hours past due (negative: still to go). */
  lateHours: number | null;
}

/**
 * Open work held by a department, by its measured due instant: `overdue` past it, `due-soon`
 * within `soon`. `overdueWorkingDays` is whole working days after the due day (for escalation).
 */
export async function openWork(
  q: Queryable,
  m: Measure,
  view: 'overdue' | 'due-soon',
  soon: Date,
  limit = 500,
): Promise<(OpenRow & { overdueWorkingDays: number })[]> {
  const p = new Params();
  const cte = measured(p, m);
  const cal = calendarSql(p, m.calendar);
  const now = p.add(m.now.toISOString());
  const cond =
    view === 'overdue' ? `m.due < ${now}` : `m.due >= ${now} and m.due < ${p.add(soon.toISOString())}`;
  return q.query(
    `with ${cte}
     select m.case_id as "caseId", m.item, m.department, m.org_id as "organisationId",
       m.org_name as "organisationName", m.status, m.dispatched_at as "dispatchedAt", m.due, m.basis,
       round(${cal.hours('m.due', now)}::numeric, 1)::float8 as "lateHours",
       ${cal.workingDaysPast('m.due', now)} as "overdueWorkingDays"
     from m
     where m.status = 'dispatched' and m.holder = 'department' and m.due is not null and ${cond}
     order by m.due, m.case_id, m.item limit ${p.add(limit)}`,
    p.values,
  );
}

/** 补件: each request and its answer, by item and material, with how long the family took. */
export async function supplementLoops(q: Queryable, m: Measure) {
  const p = new Params();
  const region = p.add(m.region);
  const cal = calendarSql(p, m.calendar);
  const from = m.from ? `and e.at >= ${p.add(m.from.toISOString())}` : '';
  const to = m.to ? `and e.at < ${p.add(m.to.toISOString())}` : '';
  return q.query<{
    item: string;
    material: string;
    loops: number;
    answered: number;
    medianHours: number | null;
    p90Hours: number | null;
  }>(
    `with r as (
         select e.case_id, e.payload ->> 'item' as item, e.payload ->> 'material' as material, e.at,
           (select a.at from case_events a
             where a.case_id = e.case_id and a.seq > e.seq and a.type = 'supplement-answered'
               and a.payload ->> 'item' = e.payload ->> 'item'
             order by a.seq limit 1) as answered_at
         from case_events e join cases c on c.id = e.case_id
         where c.region = ${region} and e.type = 'supplement-requested' ${from} ${to})
     select r.item, r.material, count(*)::int as loops, count(r.answered_at)::int as answered,
       round(percentile_cont(0.5) within group (order by ${cal.hours('r.at', 'r.answered_at')})::numeric, 1)::float8 as "medianHours",
       round(percentile_cont(0.9) within group (order by ${cal.hours('r.at', 'r.answered_at')})::numeric, 1)::float8 as "p90Hours"
     from r
     group by r.item, r.material order by loops desc, r.item, r.material`,
    p.values,
  );
}

/**
 * 好差评 beside lateness: each rated item with whether it was decided late and whether it went
 * through a supplement, grouped by `by` (the score itself, the item or the organisation).
 */
export async function ratingsVsLateness(q: Queryable, m: Measure, by: 'score' | 'item' | 'organisation') {
  const p = new Params();
  const cte = measured(p, m);
  const from = m.from ? `and r.rated_at >= ${p.add(m.from.toISOString())}` : '';
  const to = m.to ? `and r.rated_at < ${p.add(m.to.toISOString())}` : '';
  const key = { score: 'x.score::text', item: 'x.item', organisation: `coalesce(x.org_id, '')` }[by];
  return q.query<{
    key: string;
    name: unknown;
    ratings: number;
    average: number;
    poor: number;
    late: number;
    poorWhenLate: number;
    withSupplement: number;
    poorWithSupplement: number;
  }>(
    `with ${cte},
       x as (
         select r.score, m.item, m.org_id, m.org_name, coalesce(m.decided_at > m.due, false) as late,
           exists (select 1 from case_events e where e.case_id = r.case_id and e.type = 'supplement-requested'
             and e.payload ->> 'item' = r.item) as supplemented
         from ratings r join m on m.case_id = r.case_id and m.item = r.item
         where r.region = $1 ${from} ${to})
     select ${key} as key, min(x.org_name::text)::jsonb as name,
       count(*)::int as ratings, round(avg(x.score)::numeric, 2)::float8 as average,
       count(*) filter (where x.score <= 2)::int as poor,
       count(*) filter (where x.late)::int as late,
       count(*) filter (where x.late and x.score <= 2)::int as "poorWhenLate",
       count(*) filter (where x.supplemented)::int as "withSupplement",
       count(*) filter (where x.supplemented and x.score <= 2)::int as "poorWithSupplement"
     from x group by 1 order by 1`,
    p.values,
  );
}

/** The first dispatch of the region, where its working calendar must start. */
export async function firstDispatch(q: Queryable, region: string): Promise<Date | null> {
  const rows = await q.query<{ at: Date | null }>(
    'select min(dispatched_at) as at from case_items where region = $1',
    [region],
  );
  return rows[0]?.at ?? null;
}
