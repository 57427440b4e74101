// Throughput of the whole engine: synthetic families through every department in simulated time.
// Usage: npx tsx bench/simulate.ts [--region fujian] [--cases 1000] (DATABASE_URL selects PostgreSQL)
// Writes bench/results/simulate-<store>-<region>-<cases>.json; measures, asserts nothing.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runSimulation } from '../src/engine/simulation.ts';
import type { RegionId } from '../src/domain/ids.ts';
import { personalDataFromEnv } from '../src/store/personal-data.ts';
import { openDb } from '../src/store/db.ts';
import { walPosition } from '../src/store/floor-bench-store.ts';
import { countingDb } from './counting-db.ts';

const { values } = parseArgs({
  options: { region: { type: 'string', default: 'fujian' }, cases: { type: 'string', default: '1000' } },
});
const region = values.region as RegionId;
const cases = Number(values.cases);
const store = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const schema = `bench_${process.pid}`;
if (process.env.DATABASE_URL) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  await c.end();
}
const opened = await openDb({
  url: process.env.DATABASE_URL,
  schema,
  personal: personalDataFromEnv(process.env),
});
const { db, statements } = countingDb(opened);
const walBefore = store === 'postgres' ? await walPosition(opened) : null;
const started = performance.now();
const summary = await runSimulation({
  region,
  cases,
  seed: 'bench',
  start: new Date('2026-03-02T09:00:00+08:00'),
  db,
});
const seconds = (performance.now() - started) / 1000;
const events = summary.verify.events;
const result = {
  measuredAt: new Date().toISOString(),
  machine: { cores: (await import('node:os')).cpus().length, node: process.version },
  store,
  region,
  cases,
  seconds: Math.round(seconds * 10) / 10,
  casesPerSecond: Math.round((cases / seconds) * 10) / 10,
  eventsPerSecond: Math.round(events / seconds),
  events,
  items: summary.items,
  // The process's peak resident memory (kernel figure, KiB).
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  verifyOk: summary.verify.ok,
  statementsPerCase: Math.round(statements() / cases),
  // The server's whole write-ahead log over the run (PostgreSQL only): keep the server to this bench.
  walBytesPerCase:
    walBefore === null ? null : Math.round(Number((await walPosition(opened)) - walBefore) / cases),
  note: 'includes the final verify (replay of every case); the simulated clock wakes at most every 5 simulated minutes',
};
writeFileSync(
  `bench/results/simulate-${store}-${region}-${cases}.json`,
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(JSON.stringify(result, null, 2));
await opened.close();
if (process.env.DATABASE_URL) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query(`drop schema ${schema} cascade`);
  await c.end();
}
