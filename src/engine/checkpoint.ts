import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.ts';
import {
  currentHeads,
  headsAsOf,
  insertCheckpoint,
  latestCheckpoint,
  lockCheckpoints,
  type CheckpointRow,
  type Head,
} from '../store/checkpoint-store.ts';
import type { Db } from '../store/db.ts';
import { GENESIS_HASH, type ChainKey, type ChainKeys } from '../store/event-chain.ts';

/**
 * Chain checkpoints: every case's chain head, anchored in an append-only table and signed with the
 * chain key. Rewriting history changes heads a checkpoint already holds; cutting events off the
 * end leaves a chain shorter than its checkpoint. The latest checkpoint is also exported to a file
 * the operator keeps outside the database, which catches a checkpoint table rewritten as well.
 */

export type CheckpointReason = 'first' | 'periodic' | 'command' | 'new-key';

/** The exported checkpoint: the signed row and every head it covers. */
export interface CheckpointFile {
  format: typeof CHECKPOINT_FORMAT;
  checkpoint: CheckpointRow;
  /** [case id, version, hash], in case id order. */
  heads: [string, number, string][];
}

export const CHECKPOINT_FORMAT = 'onething-chain-checkpoint/1';

/** Case id order by code unit, the same in every database collation. */
const byCase = (a: Head, b: Head) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

export function headsDigest(heads: Head[]): string {
  const h = createHash('sha256');
  for (const x of [...heads].sort(byCase)) h.update(`${x.caseId}\n${x.version}\n${x.hash}\n`);
  return h.digest('hex');
}

function signature(key: ChainKey, c: Omit<CheckpointRow, 'signature'>): string {
  const { id, takenAt, reason, keyId, cases, events, headsDigest, prevSignature } = c;
  return createHmac('sha256', key.secret)
    .update(canonicalJson({ id, takenAt, reason, keyId, cases, events, headsDigest, prevSignature }))
    .digest('hex');
}

/** The key that signed a checkpoint, if it is one of ours and the signature holds; else why not. */
export function checkSignature(keys: ChainKeys, c: CheckpointRow): string | null {
  const key = [keys.current, ...keys.previous].find((k) => k.id === c.keyId);
  if (!key) return `checkpoint ${c.id} is signed by a key this service does not hold (id ${c.keyId})`;
  const expected = Buffer.from(signature(key, c), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(c.signature) ? c.signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? null
    : `checkpoint ${c.id}'s signature does not hold (rewritten without the key)`;
}

export interface CheckpointTaken {
  checkpoint: CheckpointRow;
  /** False when nothing moved since the latest one, which is kept. */
  written: boolean;
  /** How many cases' heads moved (or appeared) since the checkpoint before. */
  moved: number;
}

/**
 * Anchor every case's current head. Only heads that moved are stored; the signed digest covers
 * them all. A periodic checkpoint with nothing moved (and no new key) writes nothing.
 */
export async function takeCheckpoint(
  deps: { db: Db; chain: ChainKeys },
  at: Date,
  reason: CheckpointReason,
): Promise<CheckpointTaken> {
  return deps.db.transaction(async (tx) => {
    await lockCheckpoints(tx);
    const latest = await latestCheckpoint(tx);
    const heads = new Map((latest ? await headsAsOf(tx, latest.id) : []).map((h) => [h.caseId, h]));
    const moved = (await currentHeads(tx)).filter((h) => {
      const known = heads.get(h.caseId);
      return !known || known.version !== h.version || known.hash !== h.hash;
    });
    const key = deps.chain.current;
    if (latest && moved.length === 0 && reason === 'periodic' && latest.keyId === key.id)
      return { checkpoint: latest, written: false, moved: 0 };
    for (const h of moved) heads.set(h.caseId, h);
    const all = [...heads.values()];
    const row = {
      id: (latest?.id ?? 0) + 1,
      takenAt: at.toISOString(),
      reason,
      keyId: key.id,
      cases: all.length,
      events: all.reduce((n, h) => n + h.version, 0),
      headsDigest: headsDigest(all),
      prevSignature: latest?.signature ?? GENESIS_HASH,
    };
    const checkpoint = { ...row, signature: signature(key, row) };
    await insertCheckpoint(tx, checkpoint, moved);
    return { checkpoint, written: true, moved: moved.length };
  });
}

/** Take one unless the latest is younger than `everyMs`: the sweeper's periodic anchor. */
export async function checkpointIfDue(
  deps: { db: Db; chain: ChainKeys },
  at: Date,
  everyMs: number,
): Promise<CheckpointTaken | null> {
  const latest = await latestCheckpoint(deps.db);
  if (latest && at.getTime() - new Date(latest.takenAt).getTime() < everyMs) return null;
  return takeCheckpoint(deps, at, 'periodic');
}

/** The latest checkpoint with every head it covers, to write to a file kept elsewhere. */
export async function exportCheckpoint(db: Db): Promise<CheckpointFile | null> {
  const checkpoint = await latestCheckpoint(db);
  if (!checkpoint) return null;
  const heads = (await headsAsOf(db, checkpoint.id)).sort(byCase);
  return {
    format: CHECKPOINT_FORMAT,
    checkpoint,
    heads: heads.map((h) => [h.caseId, h.version, h.hash]),
  };
}
