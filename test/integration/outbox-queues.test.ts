import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import { simulateEms } from '../../src/departments/ems.ts';
import { TransientError, type DepartmentPort } from '../../src/departments/port.ts';
import { OutboxWorker } from '../../src/engine/outbox-worker.ts';
import { smsMemory } from '../../src/engine/sms-log.ts';
import type { Db } from '../../src/store/db.ts';
import { enqueue } from '../../src/store/outbox-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

/**
 * A department system that hangs (push mode: until the 15-second timeout) holds up only its own
 * tasks: the worker sends each department's queue beside the others', in order within each.
 */
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const task = (department: 'police' | 'hrss', i: number) => ({
  kind: 'dispatch' as const,
  topic: department,
  idempotencyKey: `Q-${i}:${department}:1`,
  caseId: `Q-${i}`,
  payload: { taskId: `Q-${i}:${department}:1`, caseId: `Q-${i}`, department, region: 'fujian', fields: {} },
});

for (const kind of DB_KINDS) {
  describe(`outbox queues on ${kind}`, () => {
    it("a hanging department does not hold up another's tasks, and each keeps its order", async () => {
      const db = await freshDb(kind);
      open.push(db);
      const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
      // The police rows come first; were they sent one after another, HRSS would wait behind them.
      await db.transaction((tx) =>
        enqueue(
          tx,
          [1, 2, 3].map((i) => task('police', i)).concat([4, 5, 6].map((i) => task('hrss', i))),
          clock.now(),
        ),
      );
      const events: string[] = [];
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const police: DepartmentPort = {
        department: 'police',
        async submit(_t, key) {
          events.push(`police start ${key}`);
          // Hangs until HRSS has had all three, or gives up as a timeout would.
          const waited = await Promise.race([
            released.then(() => true),
            new Promise<boolean>((r) => setTimeout(() => r(false), 3_000)),
          ]);
          if (!waited) throw new TransientError('police push: timed out');
          events.push(`police done ${key}`);
        },
      };
      let hrssCalls = 0;
      const hrss: DepartmentPort = {
        department: 'hrss',
        async submit(_t, key) {
          events.push(`hrss ${key}`);
          if (++hrssCalls === 3) release();
        },
      };
      const result = await new OutboxWorker({
        db,
        clock,
        workerId: 'w',
        departments: { police, hrss },
        sms: smsMemory(),
        ems: simulateEms(),
      }).runOnce();
      expect(result).toEqual({ claimed: 6, done: 6, retried: 0, failed: 0 });
      expect(events).toEqual([
        'police start Q-1:police:1',
        'hrss Q-4:hrss:1',
        'hrss Q-5:hrss:1',
        'hrss Q-6:hrss:1',
        'police done Q-1:police:1',
        'police start Q-2:police:1',
        'police done Q-2:police:1',
        'police start Q-3:police:1',
        'police done Q-3:police:1',
      ]);
    });
  });
}
