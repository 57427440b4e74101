import type { Clock } from '../domain/clock.ts';
import type { DepartmentId } from '../domain/ids.ts';
import type { EmsPort, Shipment } from '../departments/ems.ts';
import { PermanentError, type DepartmentPort, type DepartmentTask } from '../departments/port.ts';
import type { Db } from '../store/db.ts';
import { valuesList } from '../store/sql.ts';

/** Where notifications leave the platform (SMS gateway); the dev adapter writes to a log. */
export interface SmsPort {
  send(
    message: {
      to: string;
      template: string;
      title: { zh: string; en: string };
      text: { zh: string; en: string };
    },
    idempotencyKey: string,
  ): Promise<void>;
}

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  workerId: string;
  departments: Partial<Record<DepartmentId, DepartmentPort>>;
  sms: SmsPort;
  ems: EmsPort;
  batchSize?: number;
  /** A claim not settled within this time is taken as crashed and claimed again. */
  leaseMs?: number;
  maxAttempts?: number;
}

interface ClaimedRow {
  id: number;
  kind: 'dispatch' | 'notify' | 'ship';
  topic: string;
  idempotency_key: string;
  payload: unknown;
  attempts: number;
}

export interface RunResult {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

/** Retry delay after the nth failed attempt: 5 s doubling, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * The outbox worker. It claims a batch with FOR UPDATE SKIP LOCKED under a lease, so several
 * workers (in one process or many, on one PostgreSQL) never take the same row. Every call carries
 * the row's idempotency key: a worker that crashes after the call but before settling lets the
 * lease expire, the row is claimed again, and the repeated call creates nothing new.
 */
export class OutboxWorker {
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;

  constructor(private readonly deps: WorkerDeps) {
    this.batchSize = deps.batchSize ?? 200;
    this.leaseMs = deps.leaseMs ?? 60_000;
    this.maxAttempts = deps.maxAttempts ?? 10;
  }

  async claim(): Promise<ClaimedRow[]> {
    const now = this.deps.clock.now();
    // RETURNING keeps no order; deliver oldest first.
    return (
      await this.deps.db.query<ClaimedRow>(
        `update outbox set locked_by = $1, locked_until = $2, attempts = attempts + 1
       where id in (
         select id from outbox
         where status = 'pending' and available_at <= $3 and (locked_until is null or locked_until <= $3)
         order by id limit $4 for update skip locked)
       returning id, kind, topic, idempotency_key, payload, attempts`,
        [
          this.deps.workerId,
          new Date(now.getTime() + this.leaseMs).toISOString(),
          now.toISOString(),
          this.batchSize,
        ],
      )
    ).sort((a, b) => a.id - b.id);
  }

  /** Claim, deliver and settle one batch. */
  async runOnce(): Promise<RunResult> {
    const claimedAt = this.deps.clock.now().getTime();
    const rows = await this.claim();
    const done: number[] = [];
    const retry: { id: number; at: string; error: string }[] = [];
    const failed: { id: number; error: string }[] = [];
    const unsent: number[] = [];
    for (const row of rows) {
      // Past half the lease, stop: the rest go back untouched rather than risk another worker
      // taking them while this one still sends (their keys would make that harmless, but wasteful).
      if (this.deps.clock.now().getTime() - claimedAt > this.leaseMs / 2) {
        unsent.push(row.id);
        continue;
      }
      try {
        await this.deliver(row);
        done.push(row.id);
      } catch (e) {
        const message = (e as Error).message.slice(0, 1000);
        if (e instanceof PermanentError || row.attempts >= this.maxAttempts)
          failed.push({ id: row.id, error: message });
        else
          retry.push({
            id: row.id,
            at: new Date(this.deps.clock.now().getTime() + backoffMs(row.attempts)).toISOString(),
            error: message,
          });
      }
    }
    await this.settle(done, retry, failed);
    if (unsent.length) {
      await this.deps.db.query(
        `update outbox set locked_by = null, locked_until = null, attempts = attempts - 1 where id = any($1::int[]) and locked_by = $2`,
        [unsent, this.deps.workerId],
      );
    }
    return {
      claimed: rows.length - unsent.length,
      done: done.length,
      retried: retry.length,
      failed: failed.length,
    };
  }

  /** Run batches until nothing is due. */
  async drain(maxBatches = 1000): Promise<RunResult> {
    const total: RunResult = { claimed: 0, done: 0, retried: 0, failed: 0 };
    for (let i = 0; i < maxBatches; i++) {
      const r = await this.runOnce();
      if (r.claimed === 0) break;
      for (const k of Object.keys(total) as (keyof RunResult)[]) total[k] += r[k];
    }
    return total;
  }

  async nextAvailableAt(): Promise<Date | null> {
    const rows = await this.deps.db.query<{ at: Date | null }>(
      `select min(greatest(available_at, coalesce(locked_until, available_at))) as at from outbox where status = 'pending'`,
    );
    return rows[0]?.at ? new Date(rows[0].at) : null;
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    if (row.kind === 'notify')
      return this.deps.sms.send(row.payload as Parameters<SmsPort['send']>[0], row.idempotency_key);
    if (row.kind === 'ship') return this.deps.ems.ship(row.payload as Shipment, row.idempotency_key);
    const port = this.deps.departments[row.topic as DepartmentId];
    if (!port) throw new PermanentError(`no adapter for department ${row.topic}`);
    return port.submit(row.payload as DepartmentTask, row.idempotency_key);
  }

  /** Settle only rows this worker still holds: a row re-claimed after a lapsed lease is not ours. */
  private async settle(
    done: number[],
    retry: { id: number; at: string; error: string }[],
    failed: { id: number; error: string }[],
  ): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const me = this.deps.workerId;
    if (done.length) {
      await this.deps.db.query(
        `update outbox set status = 'done', settled_at = $1, locked_by = null, locked_until = null, last_error = null
         where id = any($2::int[]) and locked_by = $3`,
        [now, done, me],
      );
    }
    if (retry.length) {
      await this.deps.db.query(
        `update outbox o set available_at = v.at, last_error = v.error, locked_by = null, locked_until = null
         from (values ${valuesList(retry.length, 3, ['int', 'timestamptz', ''])}) as v (id, at, error)
         where o.id = v.id and o.locked_by = $${retry.length * 3 + 1}`,
        [...retry.flatMap((r) => [r.id, r.at, r.error]), me],
      );
    }
    if (failed.length) {
      await this.deps.db.query(
        `update outbox o set status = 'failed', settled_at = $${failed.length * 2 + 1}, last_error = v.error, locked_by = null, locked_until = null
         from (values ${valuesList(failed.length, 2, ['int', ''])}) as v (id, error)
         where o.id = v.id and o.locked_by = $${failed.length * 2 + 2}`,
        [...failed.flatMap((f) => [f.id, f.error]), now, me],
      );
    }
  }
}
