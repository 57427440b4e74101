import type { Queryable } from './db.ts';

/** The append-only chain checkpoints (migration 0020): the SQL behind engine/checkpoint.ts. */

export interface CheckpointRow {
  id: number;
  takenAt: string;
  reason: string;
  keyId: string;
  cases: number;
  events: number;
  headsDigest: string;
  prevSignature: string;
  signature: string;
}

export interface Head {
  caseId: string;
  version: number;
  hash: string;
}

interface RawCheckpoint {
  id: string | number;
  taken_at: Date | string;
  reason: string;
  key_id: string;
  cases: number;
  events: string | number;
  heads_digest: string;
  prev_signature: string;
  signature: string;
}

const COLUMNS = 'id, taken_at, reason, key_id, cases, events, heads_digest, prev_signature, signature';

const fromRaw = (r: RawCheckpoint): CheckpointRow => ({
  id: Number(r.id),
  takenAt: new Date(r.taken_at).toISOString(),
  reason: r.reason,
  keyId: r.key_id,
  cases: r.cases,
  events: Number(r.events),
  headsDigest: r.heads_digest,
  prevSignature: r.prev_signature,
  signature: r.signature,
});

/** One checkpoint writer at a time, across processes. */
export async function lockCheckpoints(tx: Queryable): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(20261202)');
}

export async function checkpoints(q: Queryable): Promise<CheckpointRow[]> {
  const rows = await q.query<RawCheckpoint>(`select ${COLUMNS} from chain_checkpoints order by id`);
  return rows.map(fromRaw);
}

export async function latestCheckpoint(q: Queryable): Promise<CheckpointRow | null> {
  const rows = await q.query<RawCheckpoint>(
    `select ${COLUMNS} from chain_checkpoints order by id desc limit 1`,
  );
  return rows[0] ? fromRaw(rows[0]) : null;
}

/** Every case's head as checkpoint `id` recorded it: its latest head row at or before `id`. */
export async function headsAsOf(q: Queryable, id: number): Promise<Head[]> {
  const rows = await q.query<{ case_id: string; version: number; hash: string }>(
    `select distinct on (case_id) case_id, version, hash from chain_checkpoint_heads
     where checkpoint_id <= $1 order by case_id, checkpoint_id desc`,
    [id],
  );
  return rows.map((r) => ({ caseId: r.case_id, version: r.version, hash: r.hash }));
}

/** Every case's head now, as the cases table holds it (one statement, so one consistent snapshot). */
export async function currentHeads(q: Queryable): Promise<Head[]> {
  const rows = await q.query<{ id: string; version: number; last_hash: string }>(
    'select id, version, last_hash from cases',
  );
  return rows.map((r) => ({ caseId: r.id, version: r.version, hash: r.last_hash }));
}

export async function insertCheckpoint(tx: Queryable, c: CheckpointRow, moved: Head[]): Promise<void> {
  await tx.query(`insert into chain_checkpoints (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
    c.id,
    c.takenAt,
    c.reason,
    c.keyId,
    c.cases,
    c.events,
    c.headsDigest,
    c.prevSignature,
    c.signature,
  ]);
  // In slices: far below PostgreSQL's parameter limit however many cases moved.
  for (let i = 0; i < moved.length; i += 5000) {
    const slice = moved.slice(i, i + 5000);
    await tx.query(
      `insert into chain_checkpoint_heads (checkpoint_id, case_id, version, hash)
       select $1, * from unnest($2::text[], $3::integer[], $4::text[])`,
      [c.id, slice.map((h) => h.caseId), slice.map((h) => h.version), slice.map((h) => h.hash)],
    );
  }
}

/** Events of one case, oldest first, with their stored hashes: for re-keying an old store. */
export async function caseIdsAfter(q: Queryable, after: string, limit: number): Promise<string[]> {
  const rows = await q.query<{ id: string }>('select id from cases where id > $1 order by id limit $2', [
    after,
    limit,
  ]);
  return rows.map((r) => r.id);
}

/** Rewrite one case's hashes (re-keying an old store): events, then the case's last hash. */
export async function rewriteHashes(
  tx: Queryable,
  caseId: string,
  hashes: { seq: number; prevHash: string; hash: string }[],
): Promise<void> {
  if (!hashes.length) return;
  await tx.query(
    `update case_events e set prev_hash = v.prev_hash, hash = v.hash
     from unnest($2::integer[], $3::text[], $4::text[]) as v (seq, prev_hash, hash)
     where e.case_id = $1 and e.seq = v.seq`,
    [caseId, hashes.map((h) => h.seq), hashes.map((h) => h.prevHash), hashes.map((h) => h.hash)],
  );
  await tx.query('update cases set last_hash = $2 where id = $1', [caseId, hashes[hashes.length - 1]!.hash]);
}

/** Whether any event exists: a store with none has nothing to re-key. */
export async function hasEvents(q: Queryable): Promise<boolean> {
  return (await q.query('select 1 from case_events limit 1')).length > 0;
}
