// The supervision dashboard on a store of 100k+ cases: every table of a region's dashboard (set-based
// SQL in working time), one table's CSV export and the monthly PDF report; medians and p95.
// Usage: npx tsx bench/dashboard.ts [--cases 100000] [--region fujian] [--runs 7] [--schema S]
// (DATABASE_URL selects PostgreSQL; with --schema the seeded store is kept in schema S and a later
// run with the same --schema measures it again without seeding.)
// Writes bench/results/dashboard-<store>-<cases>.json; measures, asserts nothing. The store is seeded
// the way bench/queue.ts seeds it (copies of real simulated case states, see bench/README.md).
import { join } from 'node:path';
import { fsBlobStore } from '../src/blobs/fs-blob-store.ts';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fakeClock } from '../src/domain/clock.ts';
import type { RegionId } from '../src/domain/ids.ts';
import { DEFAULT_NAME_MAX_LENGTH } from '../src/domain/person-name.ts';
import { simulateEms } from '../src/departments/ems.ts';
import { simulatePayments } from '../src/departments/payments.ts';
import { createEngine } from '../src/engine/index.ts';
import { storedCalendar } from '../src/engine/operator/calendar.ts';
import { runSimulation } from '../src/engine/simulation.ts';
import { demoOrganisations, demoStaff } from '../src/registries/demo-organisations.ts';
import { simulatedFaceVerifier } from '../src/registries/face-verification.ts';
import { AREAS } from '../src/registries/population.ts';
import { simulatedRegistries } from '../src/registries/simulated-registries.ts';
import { analyzeQueueTables, seedBenchCases, TemplateRecorder } from '../src/store/bench-seed-store.ts';
import { personalDataFromEnv } from '../src/store/personal-data.ts';
import { openDb } from '../src/store/db.ts';
import { devChainKeys } from '../src/store/event-chain.ts';
import { upsertOrganisations, upsertStaff } from '../src/store/staff-store.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    region: { type: 'string', default: 'fujian' },
    templates: { type: 'string', default: '48' },
    runs: { type: 'string', default: '7' },
    schema: { type: 'string' },
  },
});
const region = values.region as RegionId;
const cases = Number(values.cases);
const runs = Number(values.runs);
const store = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const NOW = new Date('2026-12-01T10:00:00+08:00');
const log = (s: string) => console.error(`[dashboard-bench] ${s}`);

const keep = values.schema !== undefined;
const schema = values.schema ?? `bench_${process.pid}`;
async function admin(sql: string) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}
if (process.env.DATABASE_URL && !keep)
  await admin(`drop schema if exists ${schema} cascade; create schema ${schema}`);
if (process.env.DATABASE_URL && keep) await admin(`create schema if not exists ${schema}`);
const db = await openDb({
  url: process.env.DATABASE_URL,
  schema,
  personal: personalDataFromEnv(process.env),
});
const startLoad = loadavg()[0]!;

let t0 = performance.now();
const already = keep ? await storedSeed(db) : null;
const seeded = already ?? (await seed());
const seedSeconds = (performance.now() - t0) / 1000;
log(
  already
    ? `measuring the ${seeded.cases} cases kept in ${schema}`
    : `seeded ${seeded.cases} cases in ${seedSeconds.toFixed(0)} s`,
);

async function storedSeed(q: typeof db) {
  const [r] = await q.query<{ cases: number; items: number }>(
    `select (select count(*) from cases)::int as cases, (select count(*) from case_items)::int as items`,
  );
  return r && r.cases >= cases ? r : null;
}

async function seed() {
  const recorder = new TemplateRecorder(db);
  await runSimulation({
    region,
    cases: Number(values.templates),
    seed: 'dashboard-bench',
    start: new Date('2026-03-02T09:00:00+08:00'),
    db,
    onProgress: () => recorder.record(),
  });
  const seeded = await seedBenchCases(db, {
    templates: await recorder.templates(),
    cases,
    now: NOW,
    seed: 'dashboard-bench',
    prefix: `${region.slice(0, 2).toUpperCase()}D`,
    counties: AREAS[region].divisions,
    institutions: AREAS[region].institutions,
    onProgress: (n) => n % 20_000 === 0 && log(`seeded ${n}`),
  });
  await analyzeQueueTables(db);
  const orgs = demoOrganisations(region);
  await upsertOrganisations(db, orgs);
  await upsertStaff(db, demoStaff(orgs));
  return seeded;
}

const shared = simulatedRegistries();
const engine = createEngine({
  receiptKey: 'bench',
  chain: devChainKeys(),
  publicBaseUrl: () => 'https://onething.invalid',
  departmentModes: () => 'workbench',
  blobs: fsBlobStore(mkdtempSync(join(tmpdir(), 'onething-bench-blobs-'))),
  db,
  clock: fakeClock(NOW),
  calendar: await storedCalendar(db),
  shared,
  faces: simulatedFaceVerifier(async () => true),
  ems: simulateEms(),
  payments: simulatePayments({ notify: async () => {} }),
  settings: { nameMaxLength: DEFAULT_NAME_MAX_LENGTH },
  newCaseId: () => 'unused',
});

const round = (ms: number) => Math.round(ms * 10) / 10;
async function measure(fn: () => Promise<unknown>) {
  await fn(); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(times[0]!), max: round(at(1)), runs };
}

const dashboard = await engine.supervisor.dashboard(region, {});
const month = '2026-11';
const timings = {
  'dashboard · all time': await measure(() => engine.supervisor.dashboard(region, {})),
  'dashboard · last month': await measure(() =>
    engine.supervisor.dashboard(region, { from: '2026-11-01', to: '2026-12-01' }),
  ),
  'csv · compliance by organisation': await measure(() =>
    engine.supervisor.csv(region, 'compliance-by-organisation', {}),
  ),
  'csv · overdue': await measure(() => engine.supervisor.csv(region, 'overdue', {})),
  [`monthly report PDF · ${month}`]: await measure(() => engine.supervisor.monthlyReport(region, month)),
};
const result = {
  measuredAt: new Date().toISOString(),
  machine: { cores: cpus().length, node: process.version, loadAverage: [startLoad, loadavg()[0]] },
  store,
  region,
  cases: seeded.cases,
  items: seeded.items,
  seedSeconds: already ? null : Math.round(seedSeconds),
  tables: dashboard.tables.map((t) => ({ id: t.id, rows: t.rows.length })),
  timings,
  note: 'the engine use case without HTTP; one warm call, then timed calls; the machine may have been shared with other work (see loadAverage)',
};
writeFileSync(
  new URL(`./results/dashboard-${store}-${cases}.json`, import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(JSON.stringify(timings, null, 2));
await db.close();
if (process.env.DATABASE_URL && !keep) await admin(`drop schema if exists ${schema} cascade`);
