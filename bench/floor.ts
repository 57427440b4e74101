// The floor: what raw PostgreSQL allows on this machine for the engine's unit of work, one step (a
// task row updated and an event appended). Measured one step per transaction and in batches, with
// N clients, on the server DATABASE_URL names (durable: fsync and synchronous_commit as configured).
// Usage: DATABASE_URL=postgres://… npx tsx bench/floor.ts [--clients 16] [--seconds 20] [--batch 100]
// Writes bench/results/floor-postgres.json and .md; measures, asserts nothing.
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres, type Db } from '../src/store/db.ts';
import { floorBatch, floorStep, prepareFloorTables, walPosition } from '../src/store/floor-bench-store.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '20' },
    batch: { type: 'string', default: '100' },
    out: { type: 'string', default: 'bench/results/floor-postgres' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name the PostgreSQL server to measure');

interface FloorRun {
  mode: 'single' | 'batched';
  clients: number;
  stepsPerTransaction: number;
  seconds: number;
  steps: number;
  stepsPerSecond: number;
  transactionsPerSecond: number;
  walBytesPerStep: number;
}

// About the size of a real decision event (item, outcome, outputs, transaction id, time).
const PAYLOAD = JSON.stringify({
  type: 'item-decided',
  item: 'hukou-registration',
  outcome: 'done',
  outputs: { citizenIdNumber: 'pd1.0000000.' + 'x'.repeat(64), registeredAt: '2026-03-02T09:00:00+08:00' },
  txnId: 'police:0000000:done',
  decidedBy: 'police-350583',
  at: '2026-03-02T09:00:00+08:00',
});

async function run(db: Db, mode: FloorRun['mode'], clients: number, seconds: number, batch: number) {
  const perTx = mode === 'single' ? 1 : batch;
  const tasks = clients * perTx * 64;
  await prepareFloorTables(db, tasks);
  const walBefore = await walPosition(db);
  const until = performance.now() + seconds * 1000;
  let steps = 0;
  const started = performance.now();
  // Each client works its own slice of tasks, so clients never wait on each other's rows.
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let round = 0; performance.now() < until; round++) {
        const first = (c * 64 + (round % 64)) * perTx + 1;
        const at = new Date().toISOString();
        if (mode === 'single') await floorStep(db, first, at, PAYLOAD);
        else
          await floorBatch(
            db,
            Array.from({ length: perTx }, (_, i) => first + i),
            at,
            PAYLOAD,
          );
        steps += perTx;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const wal = Number((await walPosition(db)) - walBefore);
  return {
    mode,
    clients,
    stepsPerTransaction: perTx,
    seconds: Math.round(elapsed * 10) / 10,
    steps,
    stepsPerSecond: Math.round(steps / elapsed),
    transactionsPerSecond: Math.round(steps / perTx / elapsed),
    walBytesPerStep: Math.round(wal / steps),
  } satisfies FloorRun;
}

const schema = `bench_floor_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema ${schema}`);
const settings = await admin.query<{ name: string; setting: string }>(
  `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'wal_sync_method', 'server_version')`,
);
const clients = Number(values.clients);
const db = openPostgres(url, { schema, max: clients });
try {
  const loadBefore = loadavg()[0]!;
  const single = await run(db, 'single', clients, Number(values.seconds), Number(values.batch));
  const batched = await run(db, 'batched', clients, Number(values.seconds), Number(values.batch));
  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cores: cpus().length, node: process.version, loadBefore: Math.round(loadBefore * 100) / 100 },
    postgres: Object.fromEntries(settings.rows.map((r) => [r.name, r.setting])),
    single,
    batched,
  };
  writeFileSync(`${values.out}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    `${values.out}.md`,
    [
      `# The PostgreSQL floor (${result.measuredAt.slice(0, 10)}, ${result.machine.cores} cores, load ${result.machine.loadBefore} before)`,
      '',
      `PostgreSQL ${result.postgres.server_version}, fsync ${result.postgres.fsync}, synchronous_commit ${result.postgres.synchronous_commit}. One step: a task row updated and an event row appended.`,
      '',
      '| mode | clients | steps per transaction | steps/s | transactions/s | WAL bytes per step |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...[single, batched].map(
        (r) =>
          `| ${r.mode} | ${r.clients} | ${r.stepsPerTransaction} | ${r.stepsPerSecond} | ${r.transactionsPerSecond} | ${r.walBytesPerStep} |`,
      ),
      '',
    ].join('\n'),
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await db.close();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
