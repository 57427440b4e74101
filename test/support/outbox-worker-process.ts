// A separate OS process running an outbox worker against a shared PostgreSQL schema, for the
// "two servers on one database" test. Every department call is appended to a file, one line each.
import { appendFileSync } from 'node:fs';
import { fakeClock } from '../../src/domain/clock.ts';
import { OutboxWorker } from '../../src/engine/outbox-worker.ts';
import type { DepartmentPort } from '../../src/departments/port.ts';
import { openPostgres } from '../../src/store/db.ts';

const [url, schema, logFile, workerId] = process.argv.slice(2) as [string, string, string, string];
const db = openPostgres(url, { schema, max: 2 });
const clock = fakeClock(new Date('2026-12-01T00:00:00Z'));
const recorder: DepartmentPort = {
  department: 'police',
  async submit(_task, key) {
    appendFileSync(logFile, `${workerId} ${key}\n`);
    await new Promise((r) => setTimeout(r, 1));
  },
};
const worker = new OutboxWorker({
  db,
  clock,
  workerId,
  departments: { police: recorder },
  sms: { send: async () => {} },
  ems: { ship: async () => {}, pickupWindows: async () => [] },
  batchSize: 20,
  leaseMs: 600_000,
});
for (let idle = 0; idle < 3;) {
  const r = await worker.runOnce();
  idle = r.claimed === 0 ? idle + 1 : 0;
}
await db.close();
