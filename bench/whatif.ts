// The policy what-if on a simulated year of a province: a few dozen families through the whole
// engine, their cases and decided facts copied across a year, then the region's cases replayed under
// a copy of its policy (a shorter insurance window and a longer hukou limit), timed.
// Usage: npx tsx bench/whatif.ts [--region gansu-lanzhou] [--cases 100000] [--templates 200]
//        (DATABASE_URL selects PostgreSQL, in a private schema dropped after)
// Writes bench/results/whatif-<store>-<cases>.json; measures, asserts nothing.
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RegionId } from '../src/domain/ids.ts';
import { storedCalendar } from '../src/engine/operator/calendar.ts';
import { runSimulation } from '../src/engine/simulation.ts';
import { whatIf } from '../src/engine/supervisor/whatif/index.ts';
import { personalDataFromEnv } from '../src/store/personal-data.ts';
import { openDb } from '../src/store/db.ts';
import { multiplyDecidedFacts } from '../src/store/whatif-bench-store.ts';

const { values } = parseArgs({
  options: {
    region: { type: 'string', default: 'gansu-lanzhou' },
    cases: { type: 'string', default: '100000' },
    templates: { type: 'string', default: '200' },
  },
});
const region = values.region as RegionId;
const store = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const log = (s: string) => console.error(`[whatif-bench] ${s}`);
const schema = `bench_whatif_${process.pid}`;
async function admin(sql: string) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}
if (process.env.DATABASE_URL) await admin(`create schema ${schema}`);
const db = await openDb({
  url: process.env.DATABASE_URL,
  schema,
  personal: personalDataFromEnv(process.env),
});
const startLoad = loadavg()[0]!;

try {
  let t0 = performance.now();
  const sim = await runSimulation({
    region,
    cases: Number(values.templates),
    seed: 'whatif-bench',
    start: new Date('2026-01-05T09:00:00+08:00'),
    db,
  });
  const simSeconds = (performance.now() - t0) / 1000;
  log(`${sim.accepted} real cases in ${simSeconds.toFixed(1)} s`);

  // Copies across a year: the region's accepted cases times `copies`, one step of days apart.
  const copies = Math.max(1, Math.round(Number(values.cases) / sim.accepted) - 1);
  t0 = performance.now();
  const copied = await multiplyDecidedFacts(db, { region, copies, stepDays: 365 / copies });
  const seedSeconds = (performance.now() - t0) / 1000;
  log(`copied ${copied} decided facts in ${seedSeconds.toFixed(1)} s`);

  const change = {
    basedOn: region,
    set: { 'insurance.window.days': 10, 'items.hukou-registration.sla.value': 2 },
  };
  const calendar = await storedCalendar(db);
  const memoryBefore = process.memoryUsage().rss;
  t0 = performance.now();
  const report = await whatIf({ db, calendar }, { region, copy: change, since: '2026-01-01' });
  const seconds = (performance.now() - t0) / 1000;
  log(`replayed ${report.replayed} cases in ${seconds.toFixed(1)} s`);

  const result = {
    store,
    region,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadAverageAtStart: startLoad },
    simulated: { families: Number(values.templates), accepted: sim.accepted, seconds: simSeconds },
    seeded: { decidedFacts: copied + sim.accepted, seconds: seedSeconds, spreadDays: 365 },
    change,
    whatIf: {
      seconds,
      replayed: report.replayed,
      casesPerSecond: Math.round(report.replayed / seconds),
      familiesAffected: report.families.length,
      deadlinesMoved: report.deadlines.map((d) => ({ item: d.item, moved: d.moved, compared: d.compared })),
      loadRows: report.load.length,
      rssGrowthMiB: Math.round((process.memoryUsage().rss - memoryBefore) / 2 ** 20),
    },
  };
  const file = `bench/results/whatif-${store}-${result.seeded.decidedFacts}.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${file}`);
} finally {
  await db.close();
  if (process.env.DATABASE_URL) await admin(`drop schema ${schema} cascade`);
}
