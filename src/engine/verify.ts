import { replay, type CaseEvent, type CaseState } from '../domain/case.ts';
import type { Queryable } from '../store/db.ts';
import { canonicalJson, chainHash, GENESIS_HASH } from '../store/event-chain.ts';

export interface VerifyReport {
  cases: number;
  events: number;
  outbox: { pending: number; failed: number; done: number };
  problems: string[];
  ok: boolean;
}

/**
 * Check the store end to end: every case's hash chain is intact, every projection equals the
 * replay of its events, and every outbox row is settled (none pending, none failed).
 */
export async function verifyStore(db: Queryable, batch = 500): Promise<VerifyReport> {
  const problems: string[] = [];
  let cases = 0;
  let events = 0;
  let after = '';
  for (;;) {
    const rows = await db.query<{ id: string; state: CaseState; last_hash: string; version: number }>(
      'select id, state, last_hash, version from cases where id > $1 order by id limit $2', [after, batch]);
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    const log = await db.query<{ case_id: string; seq: number; payload: CaseEvent; prev_hash: string; hash: string }>(
      'select case_id, seq, payload, prev_hash, hash from case_events where case_id = any($1::text[]) order by case_id, seq', [rows.map((r) => r.id)]);
    const items = await db.query<{ case_id: string; item: string; status: string; deadline: Date | null }>(
      'select case_id, item, status, deadline from case_items where case_id = any($1::text[])', [rows.map((r) => r.id)]);
    for (const row of rows) {
      cases++;
      const own = log.filter((e) => e.case_id === row.id);
      events += own.length;
      let prev = GENESIS_HASH;
      own.forEach((e, i) => {
        if (e.seq !== i + 1) problems.push(`${row.id}: event ${i + 1} is missing (found seq ${e.seq})`);
        if (e.prev_hash !== prev) problems.push(`${row.id}: event ${e.seq} does not link to the one before`);
        if (chainHash(e.prev_hash, e.seq, e.payload) !== e.hash) problems.push(`${row.id}: event ${e.seq} was altered (hash mismatch)`);
        prev = e.hash;
      });
      if (prev !== row.last_hash) problems.push(`${row.id}: the case's last hash is not its last event's`);
      let replayed: CaseState | null = null;
      try {
        replayed = replay(row.id, own.map((e) => e.payload));
      } catch (e) {
        problems.push(`${row.id}: its events do not replay: ${(e as Error).message}`);
      }
      if (replayed && canonicalJson(replayed) !== canonicalJson(row.state)) problems.push(`${row.id}: the stored state differs from the replay of its events`);
      if (replayed) {
        for (const i of items.filter((x) => x.case_id === row.id)) {
          const r = replayed.items[i.item];
          const deadline = i.deadline ? new Date(i.deadline).toISOString() : null;
          if (!r || r.status !== i.status || r.deadline !== deadline) problems.push(`${row.id}: item ${i.item} in case_items differs from the replay`);
        }
      }
    }
  }
  const ob = await db.query<{ status: string; n: number }>('select status, count(*)::int as n from outbox group by status');
  const count = (s: string) => ob.find((r) => r.status === s)?.n ?? 0;
  const outbox = { pending: count('pending'), failed: count('failed'), done: count('done') };
  if (outbox.pending) problems.push(`${outbox.pending} outbox messages are still pending`);
  if (outbox.failed) problems.push(`${outbox.failed} outbox messages failed for good`);
  return { cases, events, outbox, problems, ok: problems.length === 0 };
}
