import type { Queryable } from './db.ts';
import { valuesList } from './sql.ts';

/**
 * The transactional outbox: department dispatches, notifications and parcels commit with the change
 * that causes them; workers claim them in batches with FOR UPDATE SKIP LOCKED under a lease. The
 * outbox keeps every message; what is due or in flight is also in outbox_queue, where the claims
 * and leases are written (migration 0029), and leaves it when settled.
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
    `with kept as (
       insert into outbox (kind, topic, idempotency_key, case_id, payload, available_at, created_at)
       values ${valuesList(messages.length, 7, ['', '', '', '', 'jsonb', 'timestamptz', 'timestamptz'])}
       on conflict (idempotency_key) do nothing
       returning id, available_at)
     insert into outbox_queue (id, available_at) select id, available_at from kept`,
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

/** Claim up to `limit` due rows for `workerId` until `lockedUntil`, longest due first (index outbox_queue_due). */
export async function claimOutbox(
  q: Queryable,
  o: { workerId: string; now: Date; lockedUntil: Date; limit: number },
): Promise<ClaimedRow[]> {
  const rows = await q.query<ClaimedRow>(
    `with claimed as (
       update outbox_queue set locked_by = $1, locked_until = $2, attempts = attempts + 1
       where id in (
         select id from outbox_queue
         where available_at <= $3 and (locked_until is null or locked_until <= $3)
         order by available_at, id limit $4 for update skip locked)
       returning id, attempts)
     -- Each message by its key (offset 0 keeps it a probe): as a join, planned for the batch's limit,
     -- it read the whole outbox while the outbox was young.
     select o.id, o.kind, o.topic, o.idempotency_key, o.payload, c.attempts
     from claimed c cross join lateral (select * from outbox o where o.id = c.id offset 0) o`,
    [o.workerId, o.lockedUntil.toISOString(), o.now.toISOString(), o.limit],
  );
  // RETURNING keeps no order.
  return rows.sort((a, b) => a.id - b.id);
}

/** Hand rows back untouched (not attempted). */
export async function releaseOutbox(q: Queryable, ids: number[], workerId: string): Promise<void> {
  if (!ids.length) return;
  await q.query(
    `update outbox_queue set locked_by = null, locked_until = null, attempts = attempts - 1
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
      `with sent as (delete from outbox_queue where id = any($2::int[]) and locked_by = $3 returning id, attempts)
       update outbox o set status = 'done', settled_at = $1, attempts = sent.attempts, last_error = null
       from sent where o.id = sent.id`,
      [at, s.done, workerId],
    );
  }
  if (s.retry.length) {
    await q.query(
      `with later as (
         update outbox_queue q set available_at = v.at, locked_by = null, locked_until = null
         from (values ${valuesList(s.retry.length, 3, ['int', 'timestamptz', ''])}) as v (id, at, error)
         where q.id = v.id and q.locked_by = $${s.retry.length * 3 + 1}
         returning q.id, q.attempts, v.at, v.error)
       update outbox o set available_at = later.at, last_error = later.error, attempts = later.attempts
       from later where o.id = later.id`,
      [...s.retry.flatMap((r) => [r.id, r.at, r.error]), workerId],
    );
  }
  if (s.failed.length) {
    await q.query(
      `with given_up as (
         delete from outbox_queue q using (values ${valuesList(s.failed.length, 2, ['int', ''])}) as v (id, error)
         where q.id = v.id and q.locked_by = $${s.failed.length * 2 + 2}
         returning q.id, q.attempts, v.error)
       update outbox o set status = 'failed', settled_at = $${s.failed.length * 2 + 1}, last_error = given_up.error,
         attempts = given_up.attempts
       from given_up where o.id = given_up.id`,
      [...s.failed.flatMap((f) => [f.id, f.error]), at, workerId],
    );
  }
}

export async function nextOutboxAt(q: Queryable): Promise<Date | null> {
  const rows = await q.query<{ at: Date | null }>(
    `select min(greatest(available_at, coalesce(locked_until, available_at))) as at from outbox_queue`,
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

/** The outbox and its queue disagreeing: a pending message not queued is never sent, a settled one still queued is sent again. */
export async function outboxQueueDrift(q: Queryable): Promise<{ unqueued: number; settledQueued: number }> {
  const [row] = await q.query<{ unqueued: number; settledQueued: number }>(
    `select
       (select count(*) from outbox o where o.status = 'pending'
          and not exists (select 1 from outbox_queue q where q.id = o.id))::int as unqueued,
       (select count(*) from outbox_queue q join outbox o on o.id = q.id where o.status <> 'pending')::int
         as "settledQueued"`,
  );
  return row!;
}
