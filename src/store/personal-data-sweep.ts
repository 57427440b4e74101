import { maskId } from '../domain/citizen-id.ts';
import type { Queryable } from './db.ts';
import { json } from './sql.ts';

/**
 * Every place personal data sits in the store, for the two passes that touch it all: converting a
 * store from before migration 0025, and re-sealing everything under a new PERSONAL_DATA_KEY
 * (`onething personal-data reseal`). Rows are addressed by ctid, so no table needs a key of its own.
 */

/** JSON documents whose personal fields are sealed (by field name: personal-data.ts). */
const DOCUMENTS: [table: string, column: string][] = [
  ['cases', 'state'],
  ['cases', 'form'],
  ['case_items', 'state'],
  ['case_events', 'payload'],
  ['outbox', 'payload'],
  ['inbound_decisions', 'response'],
  ['notifications', 'body'],
  ['drafts', 'body'],
  ['invitations', 'application'],
  ['invitations', 'people'],
  ['simulator_queue', 'payload'],
  ['simulation_runs', 'state'],
  ['counterfoil_lines', 'details'],
  ['window_authorizations', 'letter'],
  ['window_signing_sessions', 'summary'],
  ['staff_inbox', 'body'],
  ['decided_facts', 'facts'],
];

/** Document columns added by migrations after 0025 (0030: the case document in parts). */
const ADDED_AFTER_0025 = new Set(['cases.form', 'case_items.state']);

/** Text columns holding one sealed value each. */
const SEALED: [table: string, column: string][] = [
  ['case_signatures', 'signer'],
  ['co_signatures', 'signer'],
  ['face_verifications', 'person'],
  ['drafts', 'owner'],
  ['window_signing_sessions', 'mother_id_number'],
  ['window_signatures', 'signer_id_number'],
  ['staff', 'phone'],
];

/** Look-up columns that hold a blind index (the kind keeps one use's index from matching another's). */
const INDEXED: [table: string, column: string, kind: string][] = [
  ['cases', 'mother_id_number', 'id'],
  ['cases', 'applicant_id_number', 'id'],
  ['cases', 'father_id_number', 'id'],
  ['cases', 'baby_key', 'baby'],
  ['notifications', 'recipient_id_number', 'id'],
  ['case_signatures', 'signer_id_number', 'id'],
  ['authorizations', 'mother_id_number', 'id'],
  ['authorizations', 'grantee_id_number', 'id'],
  ['father_confirmations', 'mother_id_number', 'id'],
  ['father_confirmations', 'father_id_number', 'id'],
  ['uploads', 'owner_id_number', 'id'],
  ['face_verifications', 'mother_id_number', 'id'],
  ['face_verifications', 'person_id_number', 'id'],
  ['drafts', 'mother_id_number', 'id'],
  ['drafts', 'owner_id_number', 'id'],
  ['invitations', 'mother_id_number', 'id'],
  ['invitations', 'inviter_id_number', 'id'],
  ['invitations', 'invitee_id_number', 'id'],
  ['co_signatures', 'mother_id_number', 'id'],
  ['co_signatures', 'signer_id_number', 'id'],
  ['window_authorizations', 'mother_id_number', 'id'],
  ['proactive_invitations', 'mother_id_number', 'id'],
  ['proactive_invitations', 'baby_key', 'baby'],
  ['staff', 'login_id_number', 'id'],
];

/** Read every row's value of a column and write back what `change` makes of it. */
async function rewrite(
  tx: Queryable,
  table: string,
  column: string,
  change: (value: unknown) => unknown,
): Promise<number> {
  const rows = await tx.query<{ at: string; value: unknown }>(
    `select ctid::text as at, ${column} as value from ${table} where ${column} is not null`,
  );
  for (const r of rows)
    await tx.query(`update ${table} set ${column} = $1 where ctid = $2::tid`, [change(r.value), r.at]);
  return rows.length;
}

/**
 * Migration 0025's conversion: the sealed copies filled from the plain columns, the masked index
 * computed, every document and sealed column sealed, then the look-up columns replaced by their
 * blind index. Runs once, inside the migration's transaction.
 */
export async function sealPlainRows(tx: Queryable): Promise<void> {
  await tx.query('update case_signatures set signer = signer_id_number');
  await tx.query('update co_signatures set signer = signer_id_number');
  await tx.query('update face_verifications set person = person_id_number');
  await tx.query('update drafts set owner = owner_id_number');
  await tx.query(
    `update invitations set people = jsonb_build_object('motherIdNumber', mother_id_number,
       'inviterIdNumber', inviter_id_number, 'inviteeIdNumber', invitee_id_number)`,
  );
  const mothers = await tx.query<{ id: string; mother: string }>(
    'select id, mother_id_number as mother from cases',
  );
  for (const m of mothers)
    await tx.query('update cases set mother_id_masked = $1 where id = $2', [
      tx.personal.index(maskId(m.mother), 'masked'),
      m.id,
    ]);
  // Columns later migrations add are not there yet when 0025's conversion runs; 0030 moves what it sealed.
  await resealAll(
    tx,
    DOCUMENTS.filter(([table, column]) => !ADDED_AFTER_0025.has(`${table}.${column}`)),
  );
  for (const [table, column, kind] of INDEXED)
    await rewrite(tx, table, column, (v) => tx.personal.index(String(v), kind));
}

/**
 * Every document and sealed column written again: the store's query boundary opens each value with
 * whichever configured key sealed it and seals it with the current one. After this a retired key can
 * be dropped from PERSONAL_DATA_PREVIOUS_KEYS.
 */
export async function resealAll(tx: Queryable, documents = DOCUMENTS): Promise<number> {
  let rows = 0;
  for (const [table, column] of documents) rows += await rewrite(tx, table, column, (v) => json(v));
  for (const [table, column] of SEALED)
    rows += await rewrite(tx, table, column, (v) => tx.personal.seal(tx.personal.open(String(v))));
  return rows;
}
