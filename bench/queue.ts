// The department workbench's queues on a store of 100k+ cases: a busy county police station and a
// busy hospital's clerk, each view's first page and 20th page (keyset cursor), searches by case
// number and masked ID, and opening a task; medians and p95 over repeated runs, with the plans.
// Usage: npx tsx bench/queue.ts [--cases 100000] [--region fujian] [--runs 25] (DATABASE_URL selects PostgreSQL)
// Writes bench/results/queue-<store>-<cases>.json and -plans.txt; measures, asserts nothing.
import { join } from 'node:path';
import { fsBlobStore } from '../src/blobs/fs-blob-store.ts';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fakeClock } from '../src/domain/clock.ts';
import type { RegionId } from '../src/domain/ids.ts';
import type { Organisation } from '../src/domain/organisation.ts';
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
import {
  analyzeQueueTables,
  busiestPlaces,
  explainAnalyze,
  queueVolumes,
  seedBenchCases,
  tableSizes,
  TemplateRecorder,
} from '../src/store/bench-seed-store.ts';
import { personalDataFromEnv } from '../src/store/personal-data.ts';
import { openDb, type Db, type Queryable } from '../src/store/db.ts';
import { devChainKeys } from '../src/store/event-chain.ts';
import { upsertOrganisations, upsertStaff, type QueueView } from '../src/store/staff-store.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    region: { type: 'string', default: 'fujian' },
    templates: { type: 'string', default: '48' },
    runs: { type: 'string', default: '25' },
  },
});
const region = values.region as RegionId;
const cases = Number(values.cases);
const runs = Number(values.runs);
const store = process.env.DATABASE_URL ? 'postgres' : 'pglite';
// The instant the seeded store stands at: the clerks' clock.
const NOW = new Date('2026-12-01T10:00:00+08:00');
const VIEWS: QueueView[] = ['open', 'due-soon', 'overdue', 'waiting-for-family', 'done'];
const log = (s: string) => console.error(`[queue-bench] ${s}`);

const schema = `bench_${process.pid}`;
async function admin(sql: string) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}
if (process.env.DATABASE_URL) await admin(`drop schema if exists ${schema} cascade; create schema ${schema}`);
const raw = await openDb({
  url: process.env.DATABASE_URL,
  schema,
  personal: personalDataFromEnv(process.env),
});
const startLoad = loadavg()[0]!;

// 1. A few dozen real cases through the whole engine, every state they pass through recorded.
let t0 = performance.now();
const recorder = new TemplateRecorder(raw);
const sim = await runSimulation({
  region,
  cases: Number(values.templates),
  seed: 'queue-bench',
  start: new Date('2026-03-02T09:00:00+08:00'),
  db: raw,
  onProgress: () => recorder.record(),
});
const templates = await recorder.templates();
const simSeconds = (performance.now() - t0) / 1000;
log(`${sim.accepted} real cases, ${templates.length} recorded states in ${simSeconds.toFixed(1)} s`);

// 2. Multiply them to the size asked for.
t0 = performance.now();
const seeded = await seedBenchCases(raw, {
  templates,
  cases,
  now: NOW,
  seed: 'queue-bench',
  prefix: `${region.slice(0, 2).toUpperCase()}Q`,
  counties: AREAS[region].divisions,
  institutions: AREAS[region].institutions,
  onProgress: (n) => n % 10_000 === 0 && log(`seeded ${n}`),
});
await analyzeQueueTables(raw);
const seedSeconds = (performance.now() - t0) / 1000;
log(`seeded ${seeded.cases} cases, ${seeded.items} items in ${seedSeconds.toFixed(1)} s`);

const orgs = demoOrganisations(region);
await upsertOrganisations(raw, orgs);
await upsertStaff(raw, demoStaff(orgs));

// Every statement the engine sends, so the measured calls' SQL can be explained afterwards.
const statements: { sql: string; params: unknown[] }[] = [];
const capturing = (q: Queryable): Queryable => ({
  personal: q.personal,
  query: (sql, params) => (statements.push({ sql, params: params ?? [] }), q.query(sql, params)),
});
const db: Db = {
  ...raw,
  query: capturing(raw).query,
  transaction: (fn) => raw.transaction((tx) => fn(capturing(tx))),
};
const shared = simulatedRegistries();
const payments = simulatePayments({ notify: (n) => engine.payments.record(n) });
const engine = createEngine({
  receiptKey: 'bench',
  chain: devChainKeys(),
  publicBaseUrl: () => 'https://onething.invalid',
  departmentModes: () => 'workbench',
  blobs: fsBlobStore(mkdtempSync(join(tmpdir(), 'onething-bench-blobs-'))),
  db,
  clock: fakeClock(NOW),
  calendar: await storedCalendar(raw),
  shared,
  faces: simulatedFaceVerifier(async (id) => (await shared.person(id)) !== null),
  ems: simulateEms(),
  payments,
  settings: { nameMaxLength: DEFAULT_NAME_MAX_LENGTH },
  newCaseId: () => 'unused',
});

type Timing = { median: number; p95: number; min: number; max: number; runs: number; rows?: number };
const round = (ms: number) => Math.round(ms * 100) / 100;
async function measure(fn: () => Promise<unknown>): Promise<{ timing: Timing; last: typeof statements }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    statements.length = 0;
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!;
  return {
    timing: {
      median: round(at(0.5)),
      p95: round(at(0.95)),
      min: round(ms[0]!),
      max: round(ms.at(-1)!),
      runs,
    },
    last: [...statements],
  };
}

const plans: string[] = [];
const explained = new Set<string>();
async function explain(label: string, last: typeof statements) {
  for (const s of last) {
    // The queue, task and case reads; the staff lookup and the access-log writes are not the question.
    if (!/^\s*select/i.test(s.sql) || !/case_items|outbox|from cases/.test(s.sql)) continue;
    const key = `${s.sql}\u0000${JSON.stringify(s.params)}`;
    if (explained.has(key)) continue;
    explained.add(key);
    const plan = await explainAnalyze(raw, s.sql, s.params);
    plans.push(
      `=== ${label}\n${s.sql.replace(/\s+/g, ' ').trim()}\n-- params: ${JSON.stringify(s.params)}\n${plan}\n`,
    );
  }
}

async function benchOrganisation(org: Organisation) {
  const clerk = `${org.id}-clerk`;
  const result: Record<string, Timing | string> = {};
  const rowsInView: Record<string, number> = {};
  const samples: Record<string, { caseId: string; item: string; mother: string } | undefined> = {};
  const time = async (name: string, fn: () => Promise<{ rows: unknown[] }>) => {
    const { timing, last } = await measure(fn);
    result[name] = { ...timing, rows: (await fn()).rows.length };
    await explain(`${org.id} · ${name}`, last);
    log(`${org.id} ${name}: median ${timing.median} ms, p95 ${timing.p95} ms`);
  };
  for (const view of VIEWS) {
    // The whole view in one call, to say how full it is.
    rowsInView[view] = (await engine.staff.queue(clerk, view, { limit: 1_000_000 })).rows.length;
    await time(`first page · ${view}`, () => engine.staff.queue(clerk, view, {}));
    // Page 20 by the cursor of page 19, as a clerk paging on would ask for it.
    let cursor: string | undefined;
    let pages = 0;
    for (; pages < 19; pages++) {
      const page = await engine.staff.queue(clerk, view, { cursor });
      if (!page.next) break;
      cursor = page.next;
      if (pages === 9) samples[view] = page.rows[17];
    }
    samples[view] ??= (await engine.staff.queue(clerk, view, {})).rows.at(-1);
    if (pages === 19) await time(`page 20 · ${view}`, () => engine.staff.queue(clerk, view, { cursor }));
    else result[`page 20 · ${view}`] = `the view has ${pages + 1} page(s) of 50`;
  }
  for (const view of ['open', 'done'] as const) {
    const s = samples[view];
    if (!s) continue;
    await time(`search case number · ${view}`, () => engine.staff.queue(clerk, view, { search: s.caseId }));
    await time(`search masked ID · ${view}`, () => engine.staff.queue(clerk, view, { search: s.mother }));
  }
  const task = samples.open;
  if (task) {
    await time('open task', async () => {
      await engine.staff.openTask(clerk, task.caseId, task.item as never);
      return { rows: [task] };
    });
  }
  return { organisation: org.id, name: org.name.zh, counties: org.counties, rowsInView, timings: result };
}

const [county] = await busiestPlaces(raw, region, 'police');
const [hospital] = await busiestPlaces(raw, region, 'midwifery-institution');
const police = orgs.find((o) => o.department === 'police' && o.counties.includes(county!.county))!;
const clerkHospital = orgs.find((o) => o.institution === hospital!.institution)!;
const measured = {
  police: await benchOrganisation(police),
  hospital: await benchOrganisation(clerkHospital),
};

const version = (await raw.query<{ v: string }>('select version() as v'))[0]!.v;
const slow = Object.values(measured).flatMap((m) =>
  Object.entries(m.timings)
    .filter(([, t]) => typeof t !== 'string' && t.median > 50)
    .map(([name]) => `${m.organisation} · ${name}`),
);
const seqScans = plans
  .filter((p) => /Seq Scan on (cases|case_items|outbox)\b/.test(p))
  .map((p) => p.split('\n')[0]!.slice(4));
const result = {
  measuredAt: new Date().toISOString(),
  machine: { cores: cpus().length, node: process.version, loadAverage: [startLoad, loadavg()[0]] },
  store,
  server: version,
  region,
  cases,
  seeding: {
    realCases: sim.accepted,
    recordedStates: templates.length,
    simulationSeconds: Math.round(simSeconds * 10) / 10,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    items: seeded.items,
    dispatches: seeded.dispatches,
    tables: await tableSizes(raw),
    volumes: await queueVolumes(raw, region),
  },
  clock: NOW.toISOString(),
  pageSize: 50,
  measured,
  slow,
  seqScans,
  note:
    'times are the engine use case (staff lookup, the queue query, the masking) without HTTP; warm cache, one run first ' +
    'unmeasured; the plans beside this file are EXPLAIN (ANALYZE, BUFFERS) of the last measured run',
};
const base = `bench/results/queue-${store}-${cases}`;
writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${base}-plans.txt`, plans.join('\n'));
console.log(JSON.stringify({ slow, seqScans, measured }, null, 2));
await raw.close();
if (process.env.DATABASE_URL) await admin(`drop schema ${schema} cascade`);
