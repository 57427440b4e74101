import { replay, type CaseState } from '../domain/case.ts';
import type { Queryable } from '../store/db.ts';
import { outboxCounts } from '../store/outbox-store.ts';
import { stalledItems } from '../store/case-store.ts';
import { casePage } from '../store/verify-store.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import { chainHash, GENESIS_HASH } from '../store/event-chain.ts';

function iso(v: Date | string | null | undefined): string | null {
  return v === null || v === undefined ? null : new Date(v).toISOString();
}

export interface VerifyReport {
  cases: number;
  events: number;
  outbox: { pending: number; failed: number; done: number };
  problems: string[];
  ok: boolean;
}

/**
 * Check the store end to end: every case's hash chain is intact, every projected column (cases,
 * case_items) equals the replay of its events, every outbox row is settled (none pending, none
 * failed), and no task handed to a department sits undecided past its deadline at `now`. Cutting events off the end of a log while rewriting the case row consistently cannot be
 * seen from inside the database; that needs the last hashes kept elsewhere.
 */
export async function verifyStore(
  db: Queryable,
  options: { now?: Date; batch?: number } = {},
): Promise<VerifyReport> {
  const batch = options.batch ?? 500;
  const problems: string[] = [];
  let cases = 0;
  let events = 0;
  let after = '';
  for (;;) {
    const { cases: rows, events: log, items } = await casePage(db, after, batch);
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    for (const row of rows) {
      cases++;
      const own = log.filter((e) => e.case_id === row.id);
      events += own.length;
      let prev = GENESIS_HASH;
      own.forEach((e, i) => {
        if (e.seq !== i + 1) problems.push(`${row.id}: event ${i + 1} is missing (found seq ${e.seq})`);
        if (e.prev_hash !== prev) problems.push(`${row.id}: event ${e.seq} does not link to the one before`);
        if (chainHash(e.prev_hash, e.seq, e.payload) !== e.hash)
          problems.push(`${row.id}: event ${e.seq} was altered (hash mismatch)`);
        if (e.type !== e.payload.type || iso(e.at) !== iso(e.payload.at))
          problems.push(`${row.id}: event ${e.seq}'s columns differ from its content`);
        prev = e.hash;
      });
      if (prev !== row.last_hash) problems.push(`${row.id}: the case's last hash is not its last event's`);
      let replayed: CaseState | null = null;
      try {
        replayed = replay(
          row.id,
          own.map((e) => e.payload),
        );
      } catch (e) {
        problems.push(`${row.id}: its events do not replay: ${(e as Error).message}`);
      }
      if (replayed && canonicalJson(replayed) !== canonicalJson(row.state))
        problems.push(`${row.id}: the stored state differs from the replay of its events`);
      if (replayed) {
        const expected = {
          region: replayed.region,
          mother_id_number: replayed.motherIdNumber,
          applicant_id_number: replayed.applicant.idNumber,
          status: replayed.status,
          overdue: replayed.overdue,
          submitted_at: iso(replayed.submittedAt),
          promised_deadline: iso(replayed.promisedDeadline),
          version: own.length,
        };
        const actual = {
          ...row,
          submitted_at: iso(row.submitted_at),
          promised_deadline: iso(row.promised_deadline),
        };
        for (const [column, value] of Object.entries(expected)) {
          if (actual[column as keyof typeof actual] !== value)
            problems.push(`${row.id}: cases.${column} differs from the replay`);
        }
        const ownItems = items.filter((x) => x.case_id === row.id);
        if (ownItems.length !== Object.keys(replayed.items).length)
          problems.push(
            `${row.id}: case_items has ${ownItems.length} rows, the replay ${Object.keys(replayed.items).length} items`,
          );
        for (const i of ownItems) {
          const r = replayed.items[i.item];
          const same =
            r &&
            i.region === replayed.region &&
            i.department === r.department &&
            i.status === r.status &&
            i.overdue === r.overdue &&
            i.holder === r.holder &&
            iso(i.dispatched_at) === iso(r.dispatchedAt) &&
            iso(i.deadline) === iso(r.deadline) &&
            iso(i.decided_at) === iso(r.decidedAt) &&
            i.rating === (r.rating?.score ?? null);
          if (!same) problems.push(`${row.id}: item ${i.item} in case_items differs from the replay`);
        }
      }
    }
  }
  // A task handed to a department and never decided, past its deadline: lost, or ignored.
  for (const s of await stalledItems(db, options.now ?? new Date(0))) {
    problems.push(
      `${s.caseId}: item ${s.item} was handed to ${s.department} at ${s.handedAt} and is still undecided past its deadline ${s.deadline}`,
    );
  }
  const outbox = await outboxCounts(db);
  if (outbox.pending) problems.push(`${outbox.pending} outbox messages are still pending`);
  if (outbox.failed) problems.push(`${outbox.failed} outbox messages failed for good`);
  return { cases, events, outbox, problems, ok: problems.length === 0 };
}
