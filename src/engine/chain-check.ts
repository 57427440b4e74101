import { digestOf } from '../domain/canonical-json.ts';
import type { CaseEvent, CaseState } from '../domain/case.ts';
import { GENESIS_HASH, plainChainHash, signedBy, type ChainKey } from '../store/event-chain.ts';

export interface StoredEvent {
  seq: number;
  event: CaseEvent;
  prevHash: string;
  hash: string;
}

/**
 * One case's event chain against the chain keys (current first, then the retired ones): every
 * event in sequence, linked to the one before, its hash an HMAC under one of the keys, and no
 * event signed with a retired key after one signed with a newer key (a key applies from the
 * checkpoint it was introduced at on).
 */
export function chainProblems(caseId: string, events: StoredEvent[], keys: ChainKey[]): string[] {
  const problems: string[] = [];
  let prev = GENESIS_HASH;
  let newest = Infinity;
  events.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`${caseId}: event ${i + 1} is missing (found seq ${e.seq})`);
    if (e.prevHash !== prev) problems.push(`${caseId}: event ${e.seq} does not link to the one before`);
    const by = signedBy(keys, e.prevHash, e.seq, e.event, e.hash);
    if (by === -1)
      problems.push(
        plainChainHash(e.prevHash, e.seq, e.event) === e.hash
          ? `${caseId}: event ${e.seq} was altered: its hash is plain SHA-256, not keyed (recomputed without the key)`
          : `${caseId}: event ${e.seq} was altered (hash mismatch)`,
      );
    else if (by > newest)
      problems.push(`${caseId}: event ${e.seq} is signed with a retired key after a newer one`);
    else newest = by;
    prev = e.hash;
  });
  return problems;
}

/** Whether the form a state carries is the one its applicant signed (true when nobody signed). */
export function formMatchesSignature(state: CaseState): boolean {
  return !state.signature || digestOf(state.form) === state.signature.formDigest;
}
