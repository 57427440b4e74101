import { replay, type CaseState } from '../domain/case.ts';
import type { Queryable } from '../store/db.ts';
import { outboxCounts, outboxQueueDrift } from '../store/outbox-store.ts';
import { stalledItems } from '../store/case-store.ts';
import { casePage } from '../store/verify-store.ts';
import { canonicalJson } from '../domain/canonical-json.ts';
import { allKeys, devChainKeys, GENESIS_HASH, type ChainKeys } from '../store/event-chain.ts';
import { checkAgainstAnchors, loadAnchors } from './chain-anchors.ts';
import { chainProblems, formMatchesSignature } from './chain-check.ts';
import type { CheckpointFile } from './checkpoint.ts';

function iso(v: Date | string | null | undefined): string | null {
  return v === null || v === undefined ? null : new Date(v).toISOString();
}

export interface VerifyReport {
  cases: number;
  events: number;
  outbox: { pending: number; failed: number; done: number };
  /** The latest checkpoint the chains were held against, if any. */
  checkpoint: { id: number; takenAt: string } | null;
  problems: string[];
  ok: boolean;
}

export interface VerifyOptions {
  now?: Date;
  batch?: number;
  /** The chain keys (EVENT_CHAIN_KEY and the retired ones); the development key unless given. */
  keys?: ChainKeys;
  /** An exported checkpoint (`onething checkpoint --out`), kept outside the database. */
  checkpointFile?: CheckpointFile;
  /** A store with events and no checkpoint is a problem (production: the server writes the first at start). */
  requireCheckpoint?: boolean;
}

/**
 * Check the store end to end: every case's chain is intact and keyed (HMAC with the chain key),
 * reaches the heads the latest signed checkpoint (and the exported checkpoint file, if given)
 * recorded, and carries the form its applicant signed; every projected column (cases,
 * case_items) equals the replay of its events; every outbox row is settled (none pending, none
 * failed); and no task handed to a department sits undecided past its deadline at `now`.
 */
export async function verifyStore(db: Queryable, options: VerifyOptions = {}): Promise<VerifyReport> {
  const batch = options.batch ?? 500;
  const keys = allKeys(options.keys ?? devChainKeys());
  const anchors = await loadAnchors(db, options.keys ?? devChainKeys(), options.checkpointFile);
  const problems: string[] = [...anchors.problems];
  const seen = new Set<string>();
  let cases = 0;
  let events = 0;
  let after = '';
  for (;;) {
    const { cases: rows, events: log, items } = await casePage(db, after, batch);
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    for (const row of rows) {
      cases++;
      seen.add(row.id);
      const own = log.filter((e) => e.case_id === row.id);
      events += own.length;
      problems.push(
        ...chainProblems(
          row.id,
          own.map((e) => ({ seq: e.seq, event: e.payload, prevHash: e.prev_hash, hash: e.hash })),
          keys,
        ),
        ...checkAgainstAnchors(
          row.id,
          own.map((e) => e.hash),
          anchors.byCase.get(row.id),
        ),
      );
      for (const e of own)
        if (e.type !== e.payload.type || iso(e.at) !== iso(e.payload.at))
          problems.push(`${row.id}: event ${e.seq}'s columns differ from its content`);
      if ((own[own.length - 1]?.hash ?? GENESIS_HASH) !== row.last_hash)
        problems.push(`${row.id}: the case's last hash is not its last event's`);
      let replayed: CaseState | null = null;
      try {
        replayed = replay(
          row.id,
          own.map((e) => e.payload),
        );
      } catch (e) {
        problems.push(`${row.id}: its events do not replay: ${(e as Error).message}`);
      }
      if (replayed && !formMatchesSignature(replayed))
        problems.push(
          `${row.id}: the submitted form differs from the one its applicant signed (form digest)`,
        );
      if (replayed && canonicalJson(replayed) !== canonicalJson(row.state))
        problems.push(`${row.id}: the stored state differs from the replay of its events`);
      if (replayed) {
        const expected = {
          region: replayed.region,
          // The look-up columns hold blind indexes (store/personal-data.ts), so they are compared as such.
          mother_id_number: db.personal.index(replayed.motherIdNumber),
          applicant_id_number: db.personal.index(replayed.applicant.idNumber),
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
  for (const caseId of anchors.byCase.keys())
    if (!seen.has(caseId))
      problems.push(`${caseId}: a checkpoint recorded this case; the store no longer has it`);
  if (!anchors.latest && options.requireCheckpoint && events > 0)
    problems.push(
      'no checkpoint anchors the chains (the server writes one at start; or run onething checkpoint)',
    );
  const outbox = await outboxCounts(db);
  if (outbox.pending) problems.push(`${outbox.pending} outbox messages are still pending`);
  if (outbox.failed) problems.push(`${outbox.failed} outbox messages failed for good`);
  const drift = await outboxQueueDrift(db);
  if (drift.unqueued) problems.push(`${drift.unqueued} pending outbox messages are not queued to be sent`);
  if (drift.settledQueued)
    problems.push(`${drift.settledQueued} outbox messages already settled are still queued to be sent`);
  const checkpoint = anchors.latest && { id: anchors.latest.id, takenAt: anchors.latest.takenAt };
  return { cases, events, outbox, checkpoint, problems, ok: problems.length === 0 };
}
