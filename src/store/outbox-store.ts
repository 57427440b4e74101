import type { Queryable } from './db.ts';
import { valuesList } from './sql.ts';

/**
 * The transactional outbox: department dispatches, notifications and parcels commit with the change
 * that causes them; workers claim them in batches with FOR UPDATE SKIP LOCKED under a lease.
 */
export interface OutboxMessage {
  kind: 'dispatch' | 'notify' | 'ship';
  topic: string;
  idempotencyKey: string;
  caseId: string | null;
  payload: unknown;
}

export interface ClaimedRow {
  id: number;
  kind: OutboxMessage['kind'];
  topic: string;
  idempotency_key: string;
  payload: unknown;
  attempts: number;
}

export async function enqueue(q: Queryable, messages: OutboxMessage[], at: Date): Promise<void> {
  if (!messages.length) return;
  await q.query(
    `insert into outbox (kind, topic, idempotency_key, case_id, payload, available_at, created_at)
     values ${valuesList(messages.length, 7, ['', '', '', '', 'jsonb', 'timestamptz', 'timestamptz'])}
     on conflict (idempotency_key) do nothing`,
    messages.flatMap((m) => [
      m.kind,
      m.topic,
      m.idempotencyKey,
      m.caseId,
      m.payload,
      at.toISOString(),
      at.toISOString(),
    ]),
  );
}

/** Claim up to `limit` due rows for `workerId` until `lockedUntil`, longest due first (index outbox_due). */
export async function claimOutbox(
  q: Queryable,
  o: { workerId: string; now: Date; lockedUntil: Date; limit: number },
): Promise<ClaimedRow[]> {
  const rows = await q.query<ClaimedRow>(
    `update outbox set locked_by = $1, locked_until = $2, attempts = attempts + 1
     where id in (
       select id from outbox
       where status = 'pending' and available_at <= $3 and (locked_until is null or locked_until <= $3)
       order by available_at, id limit $4 for update skip locked)
     returning id, kind, topic, idempotency_key, payload, attempts`,
    [o.workerId, o.lockedUntil.toISOString(), o.now.toISOString(), o.limit],
  );
  // RETURNING keeps no order.
  return rows.sort((a, b) => a.id - b.id);
}

/** Hand rows back untouched (not attempted). */
export async function releaseOutbox(q: Queryable, ids: number[], workerId: string): Promise<void> {
  if (!ids.length) return;
  await q.query(
    `update outbox set locked_by = null, locked_until = null, attempts = attempts - 1
     where id = any($1::int[]) and locked_by = $2`,
    [ids, workerId],
  );
}

/** Settle only rows this worker still holds: a row re-claimed after a lapsed lease is not ours. */
export async function settleOutbox(
  q: Queryable,
  workerId: string,
  now: Date,
  s: {
    done: number[];
    retry: { id: number; at: string; error: string }[];
    failed: { id: number; error: string }[];
  },
): Promise<void> {
  const at = now.toISOString();
  if (s.done.length) {
    await q.query(
      `update outbox set status = 'done', settled_at = $1, locked_by = null, locked_until = null, last_error = null
       where id = any($2::int[]) and locked_by = $3`,
      [at, s.done, workerId],
    );
  }
  if (s.retry.length) {
    await q.query(
      `update outbox o set available_at = v.at, last_error = v.error, locked_by = null, locked_until = null
       from (values ${valuesList(s.retry.length, 3, ['int', 'timestamptz', ''])}) as v (id, at, error)
       where o.id = v.id and o.locked_by = $${s.retry.length * 3 + 1}`,
      [...s.retry.flatMap((r) => [r.id, r.at, r.error]), workerId],
    );
  }
  if (s.failed.length) {
    await q.query(
      `update outbox o set status = 'failed', settled_at = $${s.failed.length * 2 + 1}, last_error = v.error,
         locked_by = null, locked_until = null
       from (values ${valuesList(s.failed.length, 2, ['int', ''])}) as v (id, error)
       where o.id = v.id and o.locked_by = $${s.failed.length * 2 + 2}`,
      [...s.failed.flatMap((f) => [f.id, f.error]), at, workerId],
    );
  }
}

export async function nextOutboxAt(q: Queryable): Promise<Date | null> {
  const rows = await q.query<{ at: Date | null }>(
    `select min(greatest(available_at, coalesce(locked_until, available_at))) as at from outbox where status = 'pending'`,
  );
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

/** Every department task cut from a case, oldest first. */
export async function dispatchesOf(q: Queryable, caseId: string) {
  return q.query<{ topic: string; payload: { item: string; fields: Record<string, unknown> } }>(
    `select topic, payload from outbox where kind = 'dispatch' and case_id = $1 order by id`,
    [caseId],
  );
}

export async function outboxCounts(q: Queryable): Promise<{ pending: number; failed: number; done: number }> {
  const rows = await q.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from outbox group by status',
  );
  const count = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { pending: count('pending'), failed: count('failed'), done: count('done') };
}
