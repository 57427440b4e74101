import { applyEvent, type CaseEvent, type CaseState } from '../domain/case.ts';
import { clockRunning, nextFamilyDue } from '../domain/case-commands.ts';
import { maskId } from '../domain/citizen-id.ts';
import { taskPlace } from '../domain/organisation.ts';
import type { ItemId } from '../domain/ids.ts';
import { AppError, fieldError } from '../domain/error.ts';
import type { Queryable } from './db.ts';
import type { PersonalData } from './personal-data.ts';
import { chainHash, GENESIS_HASH, type ChainKey } from './event-chain.ts';
import type { CaseCache } from './case-cache.ts';
import { CASE_PARTS, caseDocument, STORED_APART, type CaseParts } from './case-document.ts';
import { json, valuesList } from './sql.ts';

/**
 * Cases in the store: the event log, and the projections (cases.state, case_items) written in the
 * same transaction as the events. Everything here takes many cases at once, because throughput
 * comes from batching, not from one row per commit.
 */

export interface LoadedCase {
  state: CaseState;
  lastHash: string;
}

export interface NewCaseMeta {
  region: string;
  clientTxnId: string;
  motherIdNumber: string;
  applicantIdNumber: string;
}

export interface CaseAppend {
  caseId: string;
  /** Null for a new case. */
  before: LoadedCase | null;
  events: CaseEvent[];
  create?: NewCaseMeta;
}

/**
 * Lock and load cases; a case that does not exist is simply absent from the map. A document the cache
 * holds at the locked row's version and last hash is taken from there, and only the others are read.
 */
export async function loadCasesForUpdate(
  tx: Queryable,
  ids: string[],
  cache?: CaseCache,
): Promise<Map<string, LoadedCase>> {
  if (ids.length === 0) return new Map();
  // NO KEY UPDATE: a case's key never changes, so rows that only refer to it (an access-log line, an
  // outbox row) are written without waiting for the command on it. FOR UPDATE made those foreign-key
  // checks wait, and two engine processes deadlocked on them.
  const locked = await tx.query<{ id: string; version: number; last_hash: string }>(
    'select id, version, last_hash from cases where id = any($1::text[]) order by id for no key update',
    [ids],
  );
  const loaded = new Map<string, LoadedCase>();
  const unread: string[] = [];
  for (const r of locked) {
    const state = cache?.get(r.id, r.version, r.last_hash);
    if (state) loaded.set(r.id, { state, lastHash: r.last_hash });
    else unread.push(r.id);
  }
  if (unread.length === 0) return loaded;
  // Read once the locks are held, in a statement of its own: one that waited for a lock sees the locked
  // row as the other command left it, but the item rows it reads beside it as they were before (found
  // with two engine processes: a stale item written back over a newer one).
  const rows = await tx.query<CaseParts & { id: string; last_hash: string }>(
    `select c.id, ${CASE_PARTS}, c.last_hash from cases c where c.id = any($1::text[])`,
    [unread],
  );
  for (const r of rows) {
    const state = caseDocument(r);
    cache?.put(r.id, r.last_hash, state);
    loaded.set(r.id, { state, lastHash: r.last_hash });
  }
  return loaded;
}

export async function loadCase(db: Queryable, id: string): Promise<CaseState | null> {
  const [row] = await db.query<CaseParts>(`select ${CASE_PARTS} from cases c where c.id = $1`, [id]);
  return row ? caseDocument(row) : null;
}

export async function getCase(db: Queryable, id: string): Promise<CaseState> {
  const state = await loadCase(db, id);
  if (!state) throw caseNotFound(id);
  return state;
}

/** A case that does not exist, or is not the caller's: the same answer, so existence stays private. */
export function caseNotFound(id: string): AppError {
  return fieldError('NOT_FOUND', 'caseId', { zh: `没有办件 ${id}`, en: `no case ${id}` });
}

export async function loadEvents(
  db: Queryable,
  caseId: string,
): Promise<{ seq: number; event: CaseEvent; prevHash: string; hash: string }[]> {
  const rows = await db.query<{ seq: number; payload: CaseEvent; prev_hash: string; hash: string }>(
    'select seq, payload, prev_hash, hash from case_events where case_id = $1 order by seq',
    [caseId],
  );
  return rows.map((r) => ({ seq: r.seq, event: r.payload, prevHash: r.prev_hash, hash: r.hash }));
}

/** Apply and store events for many cases in one go; returns each case's new state. */
export async function appendEvents(
  tx: Queryable,
  appends: CaseAppend[],
  now: Date,
  key: ChainKey,
  cache?: CaseCache,
): Promise<Map<string, CaseState>> {
  const eventRows: unknown[] = [];
  const newCaseRows: unknown[] = [];
  const updatedCaseRows: unknown[] = [];
  const itemRows: unknown[] = [];
  const ratingRows: unknown[] = [];
  const states = new Map<string, CaseState>();
  let eventCount = 0;
  let itemCount = 0;

  for (const a of appends) {
    if (a.events.length === 0) continue;
    let state: CaseState | null = a.before?.state ?? null;
    let hash = a.before?.lastHash ?? GENESIS_HASH;
    for (const event of a.events) {
      const seq = (state?.version ?? 0) + 1;
      state = applyEvent(state, event, a.caseId);
      const next = chainHash(key, hash, seq, event);
      eventRows.push(a.caseId, seq, event.type, event.at, event, hash, next);
      hash = next;
      eventCount++;
      if (event.type === 'item-rated') {
        const item = state.items[event.item]!;
        ratingRows.push(
          a.caseId,
          event.item,
          state.region,
          item.department,
          event.score,
          event.comment,
          event.at,
        );
      }
    }
    const s = state!;
    states.set(a.caseId, s);
    // Kept before the transaction commits: if it rolls back, the stored case does not end in this
    // hash, and the entry is never used.
    cache?.put(a.caseId, hash, s);
    if (a.before === null) {
      if (!a.create) throw new Error(`new case ${a.caseId} needs its creation data`);
      const lookups = caseLookups(tx.personal, s);
      newCaseRows.push(
        a.caseId,
        s.region,
        a.create.clientTxnId,
        lookups.mother_id_number,
        lookups.applicant_id_number,
        s.status,
        s.overdue,
        s.submittedAt,
        s.promisedDeadline,
        s.version,
        hash,
        json(s, STORED_APART),
        now.toISOString(),
        lookups.baby_key,
        lookups.father_id_number,
        lookups.mother_id_masked,
        nextFamilyDue(s),
        json(s.form),
      );
    } else {
      updatedCaseRows.push(
        a.caseId,
        s.status,
        s.overdue,
        s.promisedDeadline,
        s.version,
        hash,
        json(s, STORED_APART),
        now.toISOString(),
        nextFamilyDue(s),
        // Null keeps the stored form: no event changes it after submission, and not writing it is the point.
        s.form === a.before.state.form ? null : json(s.form),
      );
    }
    // Only the item rows that changed are written: most steps touch one item of six. Events replace
    // the items they change (applyEvent copies), so an item still the same object is unchanged, and
    // only its projection can have moved with the case (a pause, a place).
    const previous = a.before?.state;
    for (const i of Object.values(s.items)) {
      const row = itemRow(s, i);
      const was = previous?.items[i.id];
      if (was === i && sameRow(row, itemRow(previous!, was))) continue;
      itemRows.push(a.caseId, ...row, json(i));
      itemCount++;
    }
  }
  if (states.size === 0) return states;

  if (newCaseRows.length) {
    await tx.query(
      `insert into cases (id, region, client_txn_id, mother_id_number, applicant_id_number, status, overdue, submitted_at,
         promised_deadline, version, last_hash, state, updated_at, baby_key, father_id_number, mother_id_masked, family_due, form)
       values ${valuesList(newCaseRows.length / 18, 18, ['', '', '', '', '', '', 'boolean', 'timestamptz', 'timestamptz', 'integer', '', 'jsonb', 'timestamptz', '', '', '', 'timestamptz', 'jsonb'])}`,
      newCaseRows,
    );
  }
  if (updatedCaseRows.length) {
    await tx.query(
      `update cases set status = v.status, overdue = v.overdue, promised_deadline = v.promised_deadline, version = v.version,
         last_hash = v.last_hash, state = v.state, updated_at = v.updated_at, family_due = v.family_due,
         form = coalesce(v.form, cases.form)
       from (values ${valuesList(updatedCaseRows.length / 10, 10, ['', '', 'boolean', 'timestamptz', 'integer', '', 'jsonb', 'timestamptz', 'timestamptz', 'jsonb'])})
         as v (id, status, overdue, promised_deadline, version, last_hash, state, updated_at, family_due, form)
       where cases.id = v.id`,
      updatedCaseRows,
    );
  }
  await tx.query(
    `insert into case_events (case_id, seq, type, at, payload, prev_hash, hash)
     values ${valuesList(eventCount, 7, ['', 'integer', '', 'timestamptz', 'jsonb', '', ''])}`,
    eventRows,
  );
  if (itemCount)
    await tx.query(
      `insert into case_items (case_id, item, region, department, status, dispatched_at, deadline, decided_at, overdue, holder,
       rating, clock_running, place_county, place_institution, state)
     values ${valuesList(itemCount, 15, ['', '', '', '', '', 'timestamptz', 'timestamptz', 'timestamptz', 'boolean', '', 'smallint', 'boolean', '', '', 'jsonb'])}
     on conflict (case_id, item) do update set status = excluded.status, dispatched_at = excluded.dispatched_at,
       deadline = excluded.deadline, decided_at = excluded.decided_at, overdue = excluded.overdue, holder = excluded.holder,
       rating = excluded.rating, clock_running = excluded.clock_running, place_county = excluded.place_county,
       place_institution = excluded.place_institution, state = excluded.state`,
      itemRows,
    );
  if (ratingRows.length) {
    // Several ratings of one item in one batch: the last one stands.
    const latest = new Map<string, unknown[]>();
    for (let i = 0; i < ratingRows.length; i += 7)
      latest.set(`${ratingRows[i]}\u0000${ratingRows[i + 1]}`, ratingRows.slice(i, i + 7));
    await tx.query(
      `insert into ratings (case_id, item, region, department, score, comment, rated_at)
       values ${valuesList(latest.size, 7, ['', '', '', '', 'smallint', '', 'timestamptz'])}
       on conflict (case_id, item) do update set score = excluded.score, comment = excluded.comment, rated_at = excluded.rated_at`,
      [...latest.values()].flat(),
    );
  }
  return states;
}

/**
 * A case's look-up columns: blind indexes (personal-data.ts) of its people's numbers, of the mask
 * lists show, and of the baby's key. A case from before the baby key has one of its own.
 */
export function caseLookups(personal: PersonalData, s: CaseState) {
  return {
    mother_id_number: personal.index(s.motherIdNumber),
    applicant_id_number: personal.index(s.applicant.idNumber),
    father_id_number: s.fatherIdNumber ? personal.index(s.fatherIdNumber) : null,
    mother_id_masked: personal.index(maskId(s.motherIdNumber), 'masked'),
    baby_key: personal.index(s.babyKey ?? `legacy:${s.id}`, 'baby'),
  };
}

/** An item's case_items columns after the case id, as the engine projects them. */
function itemRow(s: CaseState, i: CaseState['items'][ItemId] & object): unknown[] {
  const place = taskPlace(s, i);
  return [
    i.id,
    s.region,
    i.department,
    i.status,
    i.dispatchedAt,
    i.deadline,
    i.decidedAt,
    i.overdue,
    i.holder,
    i.rating?.score ?? null,
    clockRunning(s, i),
    place.county,
    place.institution,
  ];
}

function sameRow(a: unknown[], b: unknown[]): boolean {
  return a.every((v, k) => v === b[k]);
}

/** Cases with an item or a promise past its deadline and not yet flagged. */
export async function casesDueForOverdue(q: Queryable, at: Date, limit: number): Promise<string[]> {
  const rows = await q.query<{ case_id: string }>(
    `select distinct case_id from case_items where clock_running and not overdue and deadline < $1
     union select id from cases where status = 'in-progress' and not overdue and promised_deadline < $1
     union select id from cases where family_due < $1 limit $2`,
    [at.toISOString(), limit],
  );
  return rows.map((r) => r.case_id);
}

/** Items waiting for the family (a supplement, a payment, a later upload, a pickup to book). */
export async function itemsAwaitingFamily(
  q: Queryable,
  region: string,
): Promise<{ caseId: string; item: ItemId }[]> {
  const rows = await q.query<{ case_id: string; item: ItemId }>(
    `select case_id, item from case_items where region = $1 and holder = 'applicant' order by case_id, item limit 5000`,
    [region],
  );
  return rows.map((r) => ({ caseId: r.case_id, item: r.item }));
}

/**
 * Items whose task a department received (its dispatch was delivered) and that are still undecided
 * after their deadline (or the case's promise) at `now`.
 */
export async function stalledItems(q: Queryable, now: Date) {
  const rows = await q.query<{
    case_id: string;
    item: string;
    department: string;
    deadline: Date;
    dispatched_at: Date;
  }>(
    `select i.case_id, i.item, i.department, coalesce(i.deadline, c.promised_deadline) as deadline, i.dispatched_at
     from case_items i join cases c on c.id = i.case_id
     where i.status = 'dispatched' and i.holder = 'department' and coalesce(i.deadline, c.promised_deadline) < $1
       and exists (select 1 from outbox o where o.kind = 'dispatch' and o.case_id = i.case_id
                   and o.payload->>'item' = i.item and o.status = 'done')
     order by i.case_id, i.item limit 100`,
    [now.toISOString()],
  );
  return rows.map((r) => ({
    caseId: r.case_id,
    item: r.item,
    department: r.department,
    deadline: new Date(r.deadline).toISOString(),
    handedAt: new Date(r.dispatched_at).toISOString(),
  }));
}

/**
 * Cases still in progress, or with a deadline on the family not yet met (it may outlive the items),
 * by id, a page at a time (after `afterId`).
 */
export async function openCaseIds(q: Queryable, afterId: string, limit: number): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select id from cases
     where (status = 'in-progress' or state->'familyDeadlines' @> '[{"metAt": null}]'::jsonb) and id > $1
     order by id limit $2`,
    [afterId, limit],
  );
  return rows.map((r) => r.id);
}
