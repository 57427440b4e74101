import type { Clock } from '../domain/clock.ts';
import type { DepartmentId } from '../domain/ids.ts';
import type { EmsPort, Shipment } from '../departments/ems.ts';
import { redactText } from '../domain/redact.ts';
import { PermanentError, type DepartmentPort, type DepartmentTask } from '../departments/port.ts';
import type { Db } from '../store/db.ts';
import { logSystemReads } from '../store/staff-store.ts';
import {
  claimOutbox,
  nextOutboxAt,
  releaseOutbox,
  settleOutbox,
  type ClaimedRow,
} from '../store/outbox-store.ts';

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

export interface RunResult {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

/**
 * Retry delay after the nth failed attempt: a quarter second once (most faults are a moment's: a busy
 * answer, a dropped connection, and with the 5 s a first retry used to wait, 2 % of faults put 5 s on the
 * p99 of every department step: bench/sustained.ts), then 5 s doubling, at most an hour.
 */
export function backoffMs(attempts: number): number {
  if (attempts <= 1) return 250;
  return Math.min(5_000 * 2 ** (attempts - 2), 3_600_000);
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

  claim(): Promise<ClaimedRow[]> {
    const now = this.deps.clock.now();
    const lockedUntil = new Date(now.getTime() + this.leaseMs);
    return claimOutbox(this.deps.db, {
      workerId: this.deps.workerId,
      now,
      lockedUntil,
      limit: this.batchSize,
    });
  }

  /** Claim, deliver and settle one batch. */
  async runOnce(): Promise<RunResult> {
    const { clock, db, workerId } = this.deps;
    const claimedAt = clock.now().getTime();
    const rows = await this.claim();
    const done: number[] = [];
    const retry: { id: number; at: string; error: string }[] = [];
    const failed: { id: number; error: string }[] = [];
    const unsent: number[] = [];
    const delivered: DepartmentTask[] = [];
    // One queue per department, one for the texts and one for the post, side by side: an endpoint
    // that hangs until its timeout holds up its own tasks only. Each queue keeps its order.
    const queues = new Map<string, ClaimedRow[]>();
    for (const row of rows) {
      const key = row.kind === 'dispatch' ? `dispatch:${row.topic}` : row.kind;
      const queue = queues.get(key);
      if (queue) queue.push(row);
      else queues.set(key, [row]);
    }
    const sendQueue = async (queue: ClaimedRow[]) => {
      for (const row of queue) {
        // Past half the lease, stop: the rest go back untouched rather than risk another worker
        // taking them while this one still sends (their keys would make that harmless, but wasteful).
        if (clock.now().getTime() - claimedAt > this.leaseMs / 2) {
          unsent.push(row.id);
          continue;
        }
        try {
          await this.deliver(row);
          done.push(row.id);
          if (row.kind === 'dispatch') delivered.push(row.payload as DepartmentTask);
        } catch (e) {
          // Kept in the outbox row and shown to supervisors: a partner's error text may echo the task.
          const error = redactText((e as Error).message).slice(0, 1000);
          if (e instanceof PermanentError || row.attempts >= this.maxAttempts)
            failed.push({ id: row.id, error });
          else {
            const at = new Date(clock.now().getTime() + backoffMs(row.attempts)).toISOString();
            retry.push({ id: row.id, at, error });
          }
        }
      }
    };
    await Promise.all([...queues.values()].map(sendQueue));
    await settleOutbox(db, workerId, clock.now(), { done, retry, failed });
    // A task handed to a department's system is a read of the family's data (the access log).
    for (const department of new Set(delivered.map((t) => t.department))) {
      const reads = delivered
        .filter((t) => t.department === department)
        .map((t) => ({ caseId: t.caseId, item: t.item, fields: Object.keys(t.fields) }));
      await logSystemReads(db, department, reads, clock.now());
    }
    await releaseOutbox(db, unsent, workerId);
    return {
      claimed: rows.length - unsent.length,
      done: done.length,
      retried: retry.length,
      failed: failed.length,
    };
  }

  /**
   * Run batches until nothing is due. `lanes` batches at once: while one waits on the database or a
   * department, another is claimed and sent (the claims skip each other's rows).
   */
  async drain(maxBatches = 1000, lanes = 1): Promise<RunResult> {
    const total: RunResult = { claimed: 0, done: 0, retried: 0, failed: 0 };
    let started = 0;
    const lane = async () => {
      while (started < maxBatches) {
        started++;
        const r = await this.runOnce();
        if (r.claimed === 0) return;
        for (const k of Object.keys(total) as (keyof RunResult)[]) total[k] += r[k];
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    return total;
  }

  nextAvailableAt(): Promise<Date | null> {
    return nextOutboxAt(this.deps.db);
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    if (row.kind === 'notify') {
      return this.deps.sms.send(row.payload as Parameters<SmsPort['send']>[0], row.idempotency_key);
    }
    if (row.kind === 'ship') return this.deps.ems.ship(row.payload as Shipment, row.idempotency_key);
    const port = this.deps.departments[row.topic as DepartmentId];
    if (!port) throw new PermanentError(`no adapter for department ${row.topic}`);
    return port.submit(row.payload as DepartmentTask, row.idempotency_key);
  }
}
