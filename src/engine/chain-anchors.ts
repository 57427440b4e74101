import { z } from 'zod';
import { fieldError } from '../domain/error.ts';
import { checkpoints, headsAsOf, type CheckpointRow } from '../store/checkpoint-store.ts';
import type { Queryable } from '../store/db.ts';
import { GENESIS_HASH, type ChainKeys } from '../store/event-chain.ts';
import { CHECKPOINT_FORMAT, checkSignature, headsDigest, type CheckpointFile } from './checkpoint.ts';

/**
 * What `onething verify` holds each case's chain against: the heads the latest checkpoint in the
 * store recorded and, given with --checkpoint FILE, the heads of an exported checkpoint. Both
 * must be signed with a chain key, and the stored checkpoints must follow one another unbroken.
 */

export interface Anchor {
  version: number;
  hash: string;
  /** Where the head was recorded, for the report: "checkpoint 12" or "the checkpoint file (12)". */
  source: string;
}

export interface Anchors {
  problems: string[];
  byCase: Map<string, Anchor[]>;
  latest: CheckpointRow | null;
}

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const CheckpointFileSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  checkpoint: z.object({
    id: z.number().int().positive(),
    takenAt: z.string(),
    reason: z.string(),
    keyId: z.string(),
    cases: z.number().int(),
    events: z.number().int(),
    headsDigest: Hex64,
    prevSignature: Hex64,
    signature: Hex64,
  }),
  heads: z.array(z.tuple([z.string(), z.number().int().positive(), Hex64])),
});

export function parseCheckpointFile(json: unknown): CheckpointFile {
  const parsed = CheckpointFileSchema.safeParse(json);
  if (!parsed.success)
    throw fieldError('INVALID_INPUT', 'checkpoint', {
      zh: '不是 onething checkpoint 导出的检查点文件',
      en: 'not a checkpoint file exported by onething checkpoint',
    });
  return parsed.data as CheckpointFile;
}

export async function loadAnchors(q: Queryable, keys: ChainKeys, file?: CheckpointFile): Promise<Anchors> {
  const problems: string[] = [];
  const byCase = new Map<string, Anchor[]>();
  const add = (caseId: string, a: Anchor) => byCase.set(caseId, [...(byCase.get(caseId) ?? []), a]);

  const stored = await checkpoints(q);
  stored.forEach((c, i) => {
    if (c.id !== i + 1) problems.push(`checkpoint ${i + 1} is missing (found ${c.id})`);
    if (c.prevSignature !== (stored[i - 1]?.signature ?? GENESIS_HASH))
      problems.push(`checkpoint ${c.id} does not follow the one before`);
    const bad = checkSignature(keys, c);
    if (bad) problems.push(bad);
  });
  const latest = stored[stored.length - 1] ?? null;
  if (latest) {
    const heads = await headsAsOf(q, latest.id);
    if (headsDigest(heads) !== latest.headsDigest || heads.length !== latest.cases)
      problems.push(`checkpoint ${latest.id}'s recorded heads differ from its signed digest`);
    for (const h of heads)
      add(h.caseId, { version: h.version, hash: h.hash, source: `checkpoint ${latest.id}` });
  }

  if (file) {
    const c = file.checkpoint;
    const source = `the checkpoint file (checkpoint ${c.id} of ${c.takenAt})`;
    const bad = checkSignature(keys, c);
    if (bad) problems.push(`${source}: ${bad}`);
    const heads = file.heads.map(([caseId, version, hash]) => ({ caseId, version, hash }));
    if (headsDigest(heads) !== c.headsDigest || heads.length !== c.cases)
      problems.push(`${source}: its heads differ from its signed digest`);
    const same = stored.find((s) => s.id === c.id);
    if (!same || same.signature !== c.signature)
      problems.push(
        `${source}: the store's checkpoint table no longer holds this checkpoint (rewritten or cut short)`,
      );
    for (const h of heads) add(h.caseId, { version: h.version, hash: h.hash, source });
  }
  return { problems, byCase, latest };
}

/** A case's chain (hash at each seq, from 1) against its anchors. */
export function checkAgainstAnchors(caseId: string, hashes: string[], anchors: Anchor[] = []): string[] {
  return anchors
    .filter((a) => hashes[a.version - 1] !== a.hash)
    .map((a) =>
      hashes.length < a.version
        ? `${caseId}: ${a.source} recorded ${a.version} events, the store holds ${hashes.length} (events removed)`
        : `${caseId}: event ${a.version} differs from the head ${a.source} recorded (history rewritten)`,
    );
}
