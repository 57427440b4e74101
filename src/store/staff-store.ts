import type { Organisation, StaffMember, StaffRole, SupervisorAccount } from '../domain/organisation.ts';
import { RegionId } from '../domain/ids.ts';
import type { Queryable } from './db.ts';
import { json, valuesList } from './sql.ts';

/** Organisations, their staff, their work queues, and the record of who opened which case. */

export async function upsertOrganisations(q: Queryable, orgs: Organisation[]): Promise<void> {
  if (!orgs.length) return;
  await q.query(
    `insert into organisations (id, region, department, name, counties, institution)
     values ${valuesList(orgs.length, 6, ['', '', '', 'jsonb', 'text[]', ''])}
     on conflict (id) do update set name = excluded.name, counties = excluded.counties, institution = excluded.institution`,
    orgs.flatMap((o) => [o.id, o.region, o.department, json(o.name), o.counties, o.institution]),
  );
}

export async function listOrganisationIds(q: Queryable): Promise<string[]> {
  return (await q.query<{ id: string }>('select id from organisations')).map((r) => r.id);
}

/** What a clerk's search names: a case number, a mother's full ID number, or its masked form. */
export interface QueueSearch {
  caseId?: string;
  motherIdNumber?: string;
  motherMasked?: string;
}

export async function upsertStaff(q: Queryable, staff: StaffMember[]): Promise<void> {
  if (!staff.length) return;
  await q.query(
    `insert into staff (id, name, organisation_id, role, login_id_number) values ${valuesList(staff.length, 5)}
     on conflict (id) do update set name = excluded.name, organisation_id = excluded.organisation_id,
       role = excluded.role, login_id_number = excluded.login_id_number, supervises = '{}'`,
    staff.flatMap((s) => [
      s.id,
      s.name,
      s.organisationId,
      s.role,
      s.loginIdNumber ? q.personal.index(s.loginIdNumber) : null,
    ]),
  );
}

/** Supervisors: accounts with the regions they supervise and no organisation (migration 0024). */
export async function upsertSupervisors(q: Queryable, supervisors: SupervisorAccount[]): Promise<void> {
  if (!supervisors.length) return;
  await q.query(
    `insert into staff (id, name, organisation_id, role, login_id_number, supervises)
     values ${valuesList(supervisors.length, 6, ['', '', '', '', '', 'text[]'])}
     on conflict (id) do update set name = excluded.name, organisation_id = null, role = 'supervisor',
       login_id_number = excluded.login_id_number, supervises = excluded.supervises`,
    supervisors.flatMap((s) => [
      s.id,
      s.name,
      null,
      'supervisor',
      q.personal.index(s.loginIdNumber),
      s.regions,
    ]),
  );
}

/** The account of the person the unified identity logged in, if they hold one, and its role. */
export async function accountByLogin(
  q: Queryable,
  idNumber: string,
): Promise<{ id: string; role: StaffRole | 'supervisor' } | null> {
  const [row] = await q.query<{ id: string; role: StaffRole | 'supervisor' }>(
    'select id, role from staff where login_id_number = $1',
    [q.personal.index(idNumber)],
  );
  return row ?? null;
}

/** The regions a supervisor's account supervises; null when the account is not a supervisor's. */
export async function supervisedRegions(q: Queryable, staffId: string): Promise<RegionId[] | null> {
  const [row] = await q.query<{ supervises: string[] }>(
    `select supervises from staff where id = $1 and role = 'supervisor'`,
    [staffId],
  );
  // A region no longer served (its policy withdrawn) is dropped, not trusted.
  return row ? row.supervises.filter((r): r is RegionId => RegionId.safeParse(r).success) : null;
}

type OrgRow = {
  id: string;
  region: Organisation['region'];
  department: Organisation['department'];
  name: Organisation['name'];
  counties: string[];
  institution: string | null;
};

export async function findStaff(
  q: Queryable,
  staffId: string,
): Promise<{ staff: StaffMember; organisation: Organisation } | null> {
  const rows = await q.query<OrgRow & { staff_name: string; role: StaffMember['role'] }>(
    `select o.*, s.name as staff_name, s.role from staff s join organisations o on o.id = s.organisation_id
     where s.id = $1`,
    [staffId],
  );
  const r = rows[0];
  if (!r) return null;
  const { staff_name, role, ...org } = r;
  return { staff: { id: staffId, name: staff_name, organisationId: org.id, role }, organisation: org };
}

export async function listStaff(q: Queryable, region?: string) {
  return q.query<{
    id: string;
    name: string;
    role: string;
    organisation: Organisation['name'];
    department: string;
    region: string;
  }>(
    `select s.id, s.name, s.role, o.name as organisation, o.department, o.region
     from staff s join organisations o on o.id = s.organisation_id
     where $1::text is null or o.region = $1 order by o.region, o.department, s.id`,
    [region ?? null],
  );
}

export type QueueView = 'open' | 'due-soon' | 'overdue' | 'waiting-for-family' | 'done';

export interface QueueRow {
  caseId: string;
  item: string;
  status: string;
  holder: string | null;
  deadline: Date | null;
  dispatchedAt: Date | null;
  decidedAt: Date | null;
  overdue: boolean;
  babyName: string;
  motherIdNumber: string;
}

/** Each view's condition; `soon` is the parameter holding the due-soon horizon. */
const VIEW_WHERE: Record<QueueView, (soon: string) => string> = {
  open: () => `i.status = 'dispatched' and i.holder = 'department'`,
  'due-soon': (soon) =>
    `i.status = 'dispatched' and i.holder = 'department' and not i.overdue and i.deadline < ${soon}`,
  overdue: () => `i.status in ('dispatched', 'supplement-requested') and i.overdue`,
  'waiting-for-family': () =>
    `(i.status = 'supplement-requested' or (i.status = 'dispatched' and i.holder <> 'department'))`,
  done: () => `i.status in ('done', 'rejected')`,
};

/**
 * One page of an organisation's queue, in deadline order (done: newest first), after `cursor`.
 * Keyset pagination on the queue indexes (0014): a hospital's by its name, a county office's by its
 * county, each in the view's sort order, so a page reads its rows and stops, however long the queue.
 */
export async function queuePage(
  q: Queryable,
  org: Organisation,
  o: {
    view: QueueView;
    soon: Date;
    limit: number;
    cursor: { key: string; caseId: string; item: string } | null;
    search: QueueSearch;
  },
): Promise<QueueRow[]> {
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const done = o.view === 'done';
  // The sort key: the deadline (open work) or the decision time (done).
  const key = done ? `coalesce(i.decided_at, '-infinity')` : `coalesce(i.deadline, 'infinity')`;
  const where = [
    `i.department = ${param(org.department)}`,
    // One county is an equality, so the index returns its rows in order (a list of counties would not).
    org.counties.length === 1
      ? `i.place_county = ${param(org.counties[0])}`
      : `i.place_county = any(${param(org.counties)}::text[])`,
    ...(org.institution ? [`i.place_institution = ${param(org.institution)}`] : []),
    VIEW_WHERE[o.view](o.view === 'due-soon' ? param(o.soon.toISOString()) : ''),
    ...(o.cursor
      ? [
          `(${key}, i.case_id, i.item) ${done ? '<' : '>'} (${param(o.cursor.key)}::timestamptz, ${param(o.cursor.caseId)}, ${param(o.cursor.item)})`,
        ]
      : []),
    ...(o.search.caseId ? [`i.case_id = ${param(o.search.caseId)}`] : []),
    // Both by blind index (personal-data.ts): a full number, or the masked one lists show.
    ...(o.search.motherIdNumber
      ? [
          `i.case_id in (select id from cases where mother_id_number = ${param(q.personal.index(o.search.motherIdNumber))})`,
        ]
      : []),
    ...(o.search.motherMasked
      ? [
          `i.case_id in (select id from cases where mother_id_masked = ${param(q.personal.index(o.search.motherMasked, 'masked'))})`,
        ]
      : []),
  ];
  const order = done ? 'desc' : 'asc';
  // The page is chosen from case_items alone, and only its rows then read their case: the baby's
  // name sits in the case's large state, too dear to read for every row a sort would look at.
  return q.query<QueueRow>(
    `select i.case_id as "caseId", i.item, i.status, i.holder, i.deadline, i.dispatched_at as "dispatchedAt",
       i.decided_at as "decidedAt", i.overdue, c.state->>'babyName' as "babyName", c.state->>'motherIdNumber' as "motherIdNumber"
     from (select i.*, ${key} as sort_key from case_items i
           where ${where.join(' and ')}
           order by ${key} ${order}, i.case_id ${order}, i.item ${order}
           limit ${param(o.limit)}) i
     join cases c on c.id = i.case_id
     order by i.sort_key ${order}, i.case_id ${order}, i.item ${order}`,
    params,
  );
}

/** The latest task the platform sent for an item: the fields its department receives. */
export async function latestTask(q: Queryable, caseId: string, item: string) {
  const rows = await q.query<{ task: { taskId: string; fields: Record<string, unknown>; attempt: number } }>(
    `select payload as task from outbox where kind = 'dispatch' and case_id = $1 and payload->>'item' = $2
     order by id desc limit 1`,
    [caseId, item],
  );
  return rows[0]?.task ?? null;
}

export async function logAccess(
  q: Queryable,
  e: { caseId: string; staffId: string; organisationId: string; item: string; fields: string[]; at: Date },
): Promise<void> {
  await q.query(
    `insert into case_access_log (case_id, staff_id, organisation_id, item, fields, at) values ($1, $2, $3, $4, $5, $6)`,
    [e.caseId, e.staffId, e.organisationId, e.item, e.fields, e.at.toISOString()],
  );
}

/**
 * Reads by a department's own system, each (department, case, item) at most once an hour: a system
 * polling its queue reads the same task many times, and the family is told of it once.
 */
export async function logSystemReads(
  q: Queryable,
  department: string,
  reads: { caseId: string; item: string; fields: string[] }[],
  at: Date,
): Promise<void> {
  if (!reads.length) return;
  await q.query(
    `insert into case_access_log (case_id, item, fields, reader_kind, reader, at)
     select r.case_id, r.item, r.fields, 'department-system', $1, $2
     from jsonb_to_recordset($3::jsonb) as r(case_id text, item text, fields text[])
     -- Only cases this store holds (a conformance or test task names none). Each question is asked
     -- row by row (offset 0 keeps PostgreSQL from turning it into a join): as joins, planned for 100
     -- rows of the batch, they read every case and the whole log at each batch.
     where exists (select 1 from cases c where c.id = r.case_id offset 0)
       and not exists (
         select 1 from case_access_log a
         where a.case_id = r.case_id and a.item = r.item and a.reader = $1
           and a.at > $2::timestamptz - interval '1 hour'
         offset 0)`,
    [
      department,
      at.toISOString(),
      // In case order, like every other statement that locks cases (the foreign key's check locks each).
      json(
        reads
          .map((r) => ({ case_id: r.caseId, item: r.item, fields: r.fields }))
          .sort((a, b) => (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0)),
      ),
    ],
  );
}

/** Who read a case: the organisation's name (never the clerk's personal details), or the system. */
export async function accessLog(q: Queryable, caseId: string) {
  return q.query<{
    at: Date;
    readerKind: 'staff' | 'department-system';
    reader: string | null;
    organisation: Organisation['name'] | null;
    department: string | null;
    item: string;
    fields: string[];
  }>(
    `select a.at, a.reader_kind as "readerKind", a.reader, o.name as organisation, o.department, a.item, a.fields
     from case_access_log a left join organisations o on o.id = a.organisation_id
     where a.case_id = $1 order by a.id`,
    [caseId],
  );
}
