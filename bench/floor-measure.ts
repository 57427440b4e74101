// The floor's measurement, shared by bench/floor.ts and the replay (which measures it in the same run).
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { openPostgres, type Db } from '../src/store/db.ts';
import { floorBatch, floorStep, prepareFloorTables, walPosition } from '../src/store/floor-bench-store.ts';

export interface FloorRun {
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

async function runMode(db: Db, mode: FloorRun['mode'], clients: number, seconds: number, batch: number) {
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

export type Floor = Awaited<ReturnType<typeof measureFloor>>;

/** Both modes on the server `url` names, in a private schema dropped after. */
export async function measureFloor(url: string, o: { clients: number; seconds: number; batch: number }) {
  const schema = `bench_floor_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const settings = await admin.query<{ name: string; setting: string }>(
    `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'wal_sync_method', 'server_version')`,
  );
  const db = openPostgres(url, { schema, max: o.clients });
  try {
    const loadBefore = loadavg()[0]!;
    const single = await runMode(db, 'single', o.clients, o.seconds, o.batch);
    const batched = await runMode(db, 'batched', o.clients, o.seconds, o.batch);
    return {
      measuredAt: new Date().toISOString(),
      machine: {
        cores: cpus().length,
        node: process.version,
        loadBefore: Math.round(loadBefore * 100) / 100,
      },
      postgres: Object.fromEntries(settings.rows.map((r) => [r.name, r.setting])),
      single,
      batched,
    };
  } finally {
    await db.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

/** The floor as a Markdown table. */
export function floorTable(f: Floor): string[] {
  return [
    `PostgreSQL ${f.postgres.server_version}, fsync ${f.postgres.fsync}, synchronous_commit ${f.postgres.synchronous_commit}. One step: a task row updated and an event row appended.`,
    '',
    '| mode | clients | steps per transaction | steps/s | transactions/s | WAL bytes per step |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...[f.single, f.batched].map(
      (r) =>
        `| ${r.mode} | ${r.clients} | ${r.stepsPerTransaction} | ${r.stepsPerSecond} | ${r.transactionsPerSecond} | ${r.walBytesPerStep} |`,
    ),
  ];
}
