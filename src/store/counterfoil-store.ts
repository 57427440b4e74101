import type { BatchStatus, Counterfoil, FollowUpKind, LineCheck, LineStatus } from '../domain/counterfoil.ts';
import type { CaseState } from '../domain/case.ts';
import type { DepartmentId } from '../domain/ids.ts';
import type { Organisation } from '../domain/organisation.ts';
import type { Bilingual } from '../domain/text.ts';
import { CASE_PARTS, caseDocument, type CaseParts } from './case-document.ts';
import type { Queryable } from './db.ts';
import { json, valuesList } from './sql.ts';

/** Counterfoil transfer batches, their lines, the receiver's checks and the sender's follow-ups. */

export interface BatchRow {
  id: string;
  region: string;
  hop: number;
  senderOrg: string;
  senderName: Bilingual;
  receiverOrg: string | null;
  receiverName: Bilingual;
  county: string | null;
  month: string | null;
  periodFrom: string;
  periodTo: string;
  due: string | null;
  status: BatchStatus;
  assembledAt: Date;
  assembledBy: string;
  sentAt: Date | null;
  sentBy: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  lineCount: number;
  discrepancies: number;
  followedUp: number;
}

export interface LineRow {
  caseId: string;
  lineNo: number;
  certificateNumber: string;
  counterfoil: Counterfoil;
  status: LineStatus;
  note: string | null;
  followUp: { kind: FollowUpKind; note: string; at: Date; staffName: string } | null;
}

const BATCH = `select b.id::text as id, b.region, b.hop, b.sender_org as "senderOrg", s.name as "senderName",
    b.receiver_org as "receiverOrg", b.receiver_name as "receiverName", b.county, b.month,
    b.period_from::text as "periodFrom", b.period_to::text as "periodTo", b.due::text as due, b.status,
    b.assembled_at as "assembledAt", b.assembled_by as "assembledBy", b.sent_at as "sentAt", b.sent_by as "sentBy",
    b.acknowledged_at as "acknowledgedAt", b.acknowledged_by as "acknowledgedBy",
    (select count(*)::int from counterfoil_lines l where l.batch_id = b.id) as "lineCount",
    (select count(*)::int from counterfoil_lines l where l.batch_id = b.id and l.status in ('missing', 'mismatched'))
      as discrepancies,
    (select count(*)::int from counterfoil_follow_ups f where f.batch_id = b.id) as "followedUp"
  from counterfoil_batches b join organisations s on s.id = b.sender_org`;

/** The batches an organisation sent (or assembled) and those addressed to it, newest first. */
export async function batchesOf(q: Queryable, orgId: string, limit = 100) {
  const [outgoing, incoming] = await Promise.all([
    q.query<BatchRow>(`${BATCH} where b.sender_org = $1 order by b.id desc limit $2`, [orgId, limit]),
    // A receiver sees a batch once it is on its way, not while the sender is still assembling it.
    q.query<BatchRow>(
      `${BATCH} where b.receiver_org = $1 and b.status <> 'assembled' order by b.id desc limit $2`,
      [orgId, limit],
    ),
  ]);
  return { outgoing, incoming };
}

export async function findBatch(q: Queryable, id: string): Promise<BatchRow | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  return (await q.query<BatchRow>(`${BATCH} where b.id = $1`, [id]))[0] ?? null;
}

export async function batchLines(q: Queryable, batchId: string): Promise<LineRow[]> {
  const rows = await q.query<{
    caseId: string;
    lineNo: number;
    certificateNumber: string;
    details: Omit<Counterfoil, 'caseId' | 'certificateNumber'>;
    status: LineStatus;
    note: string | null;
    kind: FollowUpKind | null;
    followUpNote: string | null;
    at: Date | null;
    staffName: string | null;
  }>(
    `select l.case_id as "caseId", l.line_no as "lineNo", l.certificate_number as "certificateNumber", l.details,
       l.status, l.note, f.kind, f.note as "followUpNote", f.at, st.name as "staffName"
     from counterfoil_lines l
     left join counterfoil_follow_ups f on f.batch_id = l.batch_id and f.case_id = l.case_id
     left join staff st on st.id = f.staff_id
     where l.batch_id = $1 order by l.line_no`,
    [batchId],
  );
  return rows.map((r) => ({
    caseId: r.caseId,
    lineNo: r.lineNo,
    certificateNumber: r.certificateNumber,
    counterfoil: { ...r.details, caseId: r.caseId, certificateNumber: r.certificateNumber },
    status: r.status,
    note: r.note,
    followUp: r.kind
      ? { kind: r.kind, note: r.followUpNote!, at: r.at!, staffName: r.staffName ?? '' }
      : null,
  }));
}

/**
 * The cases whose certificate this hospital issued and whose counterfoil is in no first-hop batch
 * yet. Which of them travel is the domain's to say.
 */
export async function unbatchedCertificates(q: Queryable, hospital: Organisation): Promise<CaseState[]> {
  const rows = await q.query<CaseParts>(
    `select ${CASE_PARTS} from case_items i join cases c on c.id = i.case_id
     where i.item = 'birth-certificate' and i.status = 'done' and i.region = $1
       and i.department = $2 and i.place_county = any($3::text[]) and i.place_institution = $4
       and not exists (select 1 from counterfoil_lines l where l.case_id = i.case_id and l.hop = 0)
     order by i.decided_at, i.case_id`,
    [hospital.region, hospital.department, hospital.counties, hospital.institution],
  );
  return rows.map(caseDocument);
}

/** Lines of the batches an organisation received on the hop before, not yet in a batch for `hop`. */
export async function receivedForHop(q: Queryable, orgId: string, hop: number) {
  const rows = await q.query<{
    caseId: string;
    certificateNumber: string;
    details: Omit<Counterfoil, 'caseId' | 'certificateNumber'>;
    status: LineStatus;
    followUp: FollowUpKind | null;
    county: string | null;
    acknowledgedAt: Date;
  }>(
    `select l.case_id as "caseId", l.certificate_number as "certificateNumber", l.details, l.status,
       f.kind as "followUp", b.county, coalesce(f.at, b.acknowledged_at) as "acknowledgedAt"
     from counterfoil_batches b join counterfoil_lines l on l.batch_id = b.id
     left join counterfoil_follow_ups f on f.batch_id = b.id and f.case_id = l.case_id
     where b.receiver_org = $1 and b.hop = $2 and b.acknowledged_at is not null
       and not exists (select 1 from counterfoil_lines n where n.case_id = l.case_id and n.hop = $3)
     order by l.batch_id, l.line_no`,
    [orgId, hop - 1, hop],
  );
  return rows.map((r) => ({
    counterfoil: { ...r.details, caseId: r.caseId, certificateNumber: r.certificateNumber },
    status: r.status,
    followUp: r.followUp,
    county: r.county,
    acknowledgedAt: r.acknowledgedAt,
  }));
}

/** The organisation of a department serving a county: where a batch for that county goes. */
export async function organisationFor(
  q: Queryable,
  region: string,
  department: DepartmentId,
  county: string,
): Promise<Organisation | null> {
  const rows = await q.query<Organisation>(
    `select id, region, department, name, counties, institution from organisations
     where region = $1 and department = $2 and $3 = any(counties) and institution is null order by id limit 1`,
    [region, department, county],
  );
  return rows[0] ?? null;
}

export interface NewBatch {
  region: string;
  hop: number;
  senderOrg: string;
  receiverOrg: string | null;
  receiverName: Bilingual;
  county: string | null;
  month: string | null;
  period: { from: string; to: string };
  due: string | null;
  at: Date;
  by: string;
  counterfoils: Counterfoil[];
}

/** A new batch and its lines; a certificate already in a batch of this hop fails the unique key. */
export async function insertBatch(q: Queryable, b: NewBatch): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into counterfoil_batches (region, hop, sender_org, receiver_org, receiver_name, county, month,
       period_from, period_to, due, status, assembled_at, assembled_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'assembled', $11, $12) returning id::text as id`,
    [
      b.region,
      b.hop,
      b.senderOrg,
      b.receiverOrg,
      json(b.receiverName),
      b.county,
      b.month,
      b.period.from,
      b.period.to,
      b.due,
      b.at.toISOString(),
      b.by,
    ],
  );
  const id = row!.id;
  await q.query(
    `insert into counterfoil_lines (batch_id, line_no, case_id, hop, certificate_number, details)
     values ${valuesList(b.counterfoils.length, 6, ['bigint', 'int', '', 'smallint', '', 'jsonb'])}`,
    b.counterfoils.flatMap(({ caseId, certificateNumber, ...details }, i) => [
      id,
      i + 1,
      caseId,
      b.hop,
      certificateNumber,
      json(details),
    ]),
  );
  return id;
}

/** Whether a database error is a certificate put into a second batch of the same hop. */
export function isCounterfoilTwice(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  return (
    err?.code === '23505' && /counterfoil_lines_case_id_hop_key/.test(`${err.constraint} ${err.message}`)
  );
}

/** Holds the batch row to the end of the transaction, so two clerks' steps on one batch queue up. */
export async function lockBatch(q: Queryable, id: string): Promise<void> {
  await q.query(`select id from counterfoil_batches where id = $1 for update`, [id]);
}

/** Moves a batch on, only from the status it was read in: a concurrent step makes this a no-op (false). */
export async function markSent(q: Queryable, id: string, at: Date, by: string): Promise<boolean> {
  const rows = await q.query(
    `update counterfoil_batches set status = 'sent', sent_at = $2, sent_by = $3
     where id = $1 and status = 'assembled' returning id`,
    [id, at.toISOString(), by],
  );
  return rows.length === 1;
}

export async function recordAcknowledgement(
  q: Queryable,
  id: string,
  a: { status: BatchStatus; checks: LineCheck[]; at: Date; by: string },
): Promise<boolean> {
  const rows = await q.query(
    `update counterfoil_batches set status = $2, acknowledged_at = $3, acknowledged_by = $4
     where id = $1 and status = 'sent' returning id`,
    [id, a.status, a.at.toISOString(), a.by],
  );
  if (rows.length !== 1) return false;
  await q.query(
    `update counterfoil_lines l set status = v.status, note = v.note
     from (select * from jsonb_to_recordset($2::jsonb) as x("caseId" text, status text, note text)) v
     where l.batch_id = $1 and l.case_id = v."caseId"`,
    [id, json(a.checks)],
  );
  return true;
}

export async function recordFollowUp(
  q: Queryable,
  id: string,
  f: { caseId: string; kind: FollowUpKind; note: string; at: Date; by: string; status: BatchStatus },
): Promise<boolean> {
  const rows = await q.query(
    `insert into counterfoil_follow_ups (batch_id, case_id, kind, note, at, staff_id)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning case_id`,
    [id, f.caseId, f.kind, f.note, f.at.toISOString(), f.by],
  );
  if (rows.length !== 1) return false;
  await q.query(`update counterfoil_batches set status = $2 where id = $1`, [id, f.status]);
  return true;
}

/** Names of staff, for the sheet's signature blocks. */
export async function staffNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; name: string }>(`select id, name from staff where id = any($1)`, [
    ids,
  ]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
