import { caseIdsAfter, hasEvents, latestCheckpoint, rewriteHashes } from '../store/checkpoint-store.ts';
import { loadCasesForUpdate, loadEvents } from '../store/case-store.ts';
import type { Db } from '../store/db.ts';
import { chainHash, GENESIS_HASH, plainChainHash, signedBy, type ChainKeys } from '../store/event-chain.ts';
import { takeCheckpoint, type CheckpointTaken } from './checkpoint.ts';

export interface ChainKeying {
  /** Cases whose plain SHA-256 chain was re-keyed (a store from before migration 0020). */
  rekeyed: number;
  /** Cases left alone because their chain held under neither the key nor plain SHA-256: verify names them. */
  broken: string[];
  /** The checkpoint written: the store's first, or one for a new key; null if none was due. */
  checkpoint: CheckpointTaken | null;
}

/**
 * Run at start, before serving. A store with no checkpoint yet (new, or from before keyed chains)
 * has each case's plain SHA-256 chain checked and, where it holds, re-hashed with the chain key;
 * then its first checkpoint anchors the result. That happens once: from the first checkpoint on an
 * unkeyed hash is a forgery, never re-keyed again. A store whose latest checkpoint was signed by
 * another key (EVENT_CHAIN_KEY rotated) gets a checkpoint under the new key, from which it applies.
 */
export async function keyChainsAtStart(deps: { db: Db; chain: ChainKeys }, at: Date): Promise<ChainKeying> {
  const latest = await latestCheckpoint(deps.db);
  if (latest) {
    const checkpoint =
      latest.keyId === deps.chain.current.id ? null : await takeCheckpoint(deps, at, 'new-key');
    return { rekeyed: 0, broken: [], checkpoint };
  }
  let rekeyed = 0;
  const broken: string[] = [];
  if (await hasEvents(deps.db)) {
    const keys = [deps.chain.current, ...deps.chain.previous];
    let after = '';
    for (;;) {
      const ids = await caseIdsAfter(deps.db, after, 200);
      if (!ids.length) break;
      after = ids[ids.length - 1]!;
      for (const caseId of ids) {
        const outcome = await deps.db.transaction(async (tx) => {
          if (!(await loadCasesForUpdate(tx, [caseId])).size) return 'keyed';
          const events = await loadEvents(tx, caseId);
          if (events.every((e) => signedBy(keys, e.prevHash, e.seq, e.event, e.hash) !== -1)) return 'keyed';
          let plain = GENESIS_HASH;
          for (const e of events) {
            if (e.prevHash !== plain || plainChainHash(plain, e.seq, e.event) !== e.hash) return 'broken';
            plain = e.hash;
          }
          let prev = GENESIS_HASH;
          const hashes = events.map((e) => {
            const hash = chainHash(deps.chain.current, prev, e.seq, e.event);
            const row = { seq: e.seq, prevHash: prev, hash };
            prev = hash;
            return row;
          });
          await rewriteHashes(tx, caseId, hashes);
          return 'rekeyed';
        });
        if (outcome === 'rekeyed') rekeyed++;
        if (outcome === 'broken') broken.push(caseId);
      }
    }
  }
  return { rekeyed, broken, checkpoint: await takeCheckpoint(deps, at, 'first') };
}
