import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import { simulateEms } from '../../src/departments/ems.ts';
import {
  PermanentError,
  TransientError,
  type DepartmentPort,
  type DepartmentTask,
} from '../../src/departments/port.ts';
import { enqueue } from '../../src/store/outbox-store.ts';
import { backoffMs, OutboxWorker } from '../../src/engine/outbox-worker.ts';
import { smsMemory } from '../../src/engine/sms-log.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb, POSTGRES_URL } from '../support/databases.ts';

const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

/** A department that remembers every call and creates a task once per key, as a real one must. */
function recordingDepartment(behaviour: (key: string, call: number) => void = () => {}) {
  const calls: string[] = [];
  const tasks = new Map<string, DepartmentTask>();
  const port: DepartmentPort = {
    department: 'police',
    async submit(task, key) {
      calls.push(key);
      behaviour(key, calls.filter((k) => k === key).length);
      if (!tasks.has(key)) tasks.set(key, task);
    },
  };
  return { port, calls, tasks };
}

async function withMessages(kind: 'pglite' | 'postgres', n: number, at: Date) {
  const db = await freshDb(kind);
  open.push(db);
  await db.transaction((tx) =>
    enqueue(
      tx,
      Array.from({ length: n }, (_, i) => ({
        kind: 'dispatch' as const,
        topic: 'police',
        idempotencyKey: `C-${i}:hukou-registration:1`,
        caseId: `C-${i}`,
        payload: {
          taskId: `C-${i}:hukou-registration:1`,
          caseId: `C-${i}`,
          item: 'hukou-registration',
          attempt: 1,
          department: 'police',
          region: 'fujian',
          deadline: null,
          fields: {},
        },
      })),
      at,
    ),
  );
  return db;
}

const outboxStatus = async (db: Db) =>
  Object.fromEntries(
    (
      await db.query<{ status: string; n: number }>(
        'select status, count(*)::int as n from outbox group by status',
      )
    ).map((r) => [r.status, r.n]),
  );

for (const kind of DB_KINDS) {
  describe(`outbox on ${kind}`, () => {
    it('a worker that crashes after calling the department but before settling loses nothing and duplicates nothing', async () => {
      const clock = fakeClock(new Date('2026-11-02T09:00:00+08:00'));
      const db = await withMessages(kind, 30, clock.now());
      const dept = recordingDepartment();
      const crashing = new OutboxWorker({
        db,
        clock,
        workerId: 'a',
        departments: { police: dept.port },
        sms: smsMemory(),
        ems: simulateEms(),
        batchSize: 10,
        leaseMs: 60_000,
      });
      // Claim and deliver, then "crash": the settle never happens.
      const claimed = await crashing.claim();
      for (const row of claimed) await dept.port.submit(row.payload as DepartmentTask, row.idempotency_key);
      expect(claimed).toHaveLength(10);

      const survivor = new OutboxWorker({
        db,
        clock,
        workerId: 'b',
        departments: { police: dept.port },
        sms: smsMemory(),
        ems: simulateEms(),
        batchSize: 10,
        leaseMs: 60_000,
      });
      await survivor.drain();
      expect(await outboxStatus(db)).toEqual({ pending: 10, done: 20 }); // the crashed claims wait for their lease
      clock.advance(60_001);
      await survivor.drain();
      expect(await outboxStatus(db)).toEqual({ done: 30 });
      expect(dept.tasks.size).toBe(30);
      // The ten crashed rows were called twice, with the same key each time: no second task.
      expect(dept.calls.length).toBe(40);
      expect(new Set(dept.calls).size).toBe(30);
    });

    it('messages committed but never sent (a crash before any worker ran) are all sent by the next worker', async () => {
      const clock = fakeClock(new Date('2026-11-02T09:00:00+08:00'));
      const db = await withMessages(kind, 25, clock.now());
      const dept = recordingDepartment();
      await new OutboxWorker({
        db,
        clock,
        workerId: 'restarted',
        departments: { police: dept.port },
        sms: smsMemory(),
        ems: simulateEms(),
      }).drain();
      expect(dept.calls.length).toBe(25);
      expect(await outboxStatus(db)).toEqual({ done: 25 });
    });

    it('transient faults are retried with growing backoff until the department takes the task', async () => {
      const clock = fakeClock(new Date('2026-11-02T09:00:00+08:00'));
      const db = await withMessages(kind, 1, clock.now());
      const dept = recordingDepartment((_key, call) => {
        if (call <= 2) throw new TransientError('busy');
      });
      const worker = new OutboxWorker({
        db,
        clock,
        workerId: 'w',
        departments: { police: dept.port },
        sms: smsMemory(),
        ems: simulateEms(),
      });
      expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
      expect(await worker.runOnce()).toMatchObject({ claimed: 0 }); // not due yet
      expect((await worker.nextAvailableAt())!.getTime()).toBe(clock.now().getTime() + backoffMs(1));
      clock.advance(backoffMs(1));
      expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
      clock.advance(backoffMs(2));
      expect(await worker.runOnce()).toMatchObject({ claimed: 1, done: 1 });
      expect((await db.query('select status, attempts, last_error from outbox'))[0]).toEqual({
        status: 'done',
        attempts: 3,
        last_error: null,
      });
    });

    it('a permanent failure is settled as failed with its error, and not retried', async () => {
      const clock = fakeClock(new Date('2026-11-02T09:00:00+08:00'));
      const db = await withMessages(kind, 1, clock.now());
      const dept = recordingDepartment(() => {
        throw new PermanentError('HTTP 422 unknown station');
      });
      const worker = new OutboxWorker({
        db,
        clock,
        workerId: 'w',
        departments: { police: dept.port },
        sms: smsMemory(),
        ems: simulateEms(),
      });
      expect(await worker.runOnce()).toMatchObject({ failed: 1 });
      clock.advance(86_400_000);
      expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
      expect((await db.query('select status, last_error from outbox'))[0]).toEqual({
        status: 'failed',
        last_error: 'HTTP 422 unknown station',
      });
    });
  });
}

describe.skipIf(!POSTGRES_URL)('two worker processes on one PostgreSQL', () => {
  it('never take the same message: every key is delivered exactly once', async () => {
    const db = await withMessages('postgres', 400, new Date('2026-11-30T00:00:00Z'));
    const schema = (await db.query<{ s: string }>('select current_schema() as s'))[0]!.s;
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    const log = join(dir, 'calls.log');
    writeFileSync(log, '');
    const script = fileURLToPath(new URL('../support/outbox-worker-process.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const run = (id: string) =>
      new Promise<number>((resolve, reject) => {
        const p = spawn(process.execPath, [tsx, script, POSTGRES_URL!, schema, log, id], {
          stdio: 'inherit',
        });
        p.on('exit', (code) => resolve(code ?? 1));
        p.on('error', reject);
      });
    expect(await Promise.all([run('one'), run('two')])).toEqual([0, 0]);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const keys = lines.map((l) => l.split(' ')[1]);
    expect(keys.length).toBe(400);
    expect(new Set(keys).size).toBe(400);
    // Both processes did work: the test really ran them side by side.
    expect(new Set(lines.map((l) => l.split(' ')[0]))).toEqual(new Set(['one', 'two']));
    expect(await outboxStatus(db)).toEqual({ done: 400 });
  });
});

describe('the outbox lease', () => {
  it('a worker that runs past half its lease stops and hands the rest back untouched', async () => {
    const clock = fakeClock(new Date('2026-11-02T09:00:00+08:00'));
    const db = await withMessages('pglite', 5, clock.now());
    // Each call takes 20 s of the 60 s lease.
    const slow: DepartmentPort = {
      department: 'police',
      submit: async () => {
        clock.advance(20_000);
      },
    };
    const worker = new OutboxWorker({
      db,
      clock,
      workerId: 'slow',
      departments: { police: slow },
      sms: smsMemory(),
      ems: simulateEms(),
      leaseMs: 60_000,
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 2, done: 2 });
    const rows = await db.query<{ status: string; attempts: number; locked_by: string | null }>(
      `select o.status, q.attempts, q.locked_by from outbox o join outbox_queue q on q.id = o.id order by o.id`,
    );
    expect(rows).toEqual([1, 2, 3].map(() => ({ status: 'pending', attempts: 0, locked_by: null })));
  });
});
