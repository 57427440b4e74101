// The province replay: synthetic families through the real engine as fast as it goes, against the raw
// PostgreSQL floor measured on the same server in the same run. The departments answer at once (instant
// simulators kept in memory: their own systems are not the platform's cost), families act as soon as
// something waits for them, and every application arrives at the start, as after a long holiday.
// Several engine processes may share the store (--processes), each applying for its own families while
// every process's outbox worker takes whatever is due.
// Usage: [DATABASE_URL=postgres://…] npx tsx bench/replay.ts [--region anhui] [--cases 2000]
//          [--concurrency 8] [--processes 1] [--outbox-lanes 2] [--driver live] [--floor-seconds 10]
//          [--cpu-prof DIR]
//          [--out bench/results/replay-…]
// Without DATABASE_URL it replays on the embedded PGlite (one process, a temporary directory).
// Writes <out>.json and <out>.md; measures, asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { RegionId } from '../src/domain/ids.ts';
import { driveSimulation, type SimulationOptions } from '../src/engine/simulation.ts';
import { verifyStore } from '../src/engine/verify.ts';
import { systemClock } from '../src/system-clock.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { holdWal, walByRelation, walPosition } from '../src/store/floor-bench-store.ts';
import { personalDataFromEnv } from '../src/store/personal-data.ts';
import { deliveryAudit } from '../src/store/reliability-store.ts';
import { countingDb, topStatements, type StatementProfile } from './counting-db.ts';
import { floorTable, measureFloor, type Floor } from './floor-measure.ts';

const { values } = parseArgs({
  options: {
    region: { type: 'string', default: 'anhui' },
    cases: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    // live: the parties side by side, as a server runs them; rounds: each waiting for the one before
    // (src/engine/simulation-live.ts says why the replay runs live).
    driver: { type: 'string', default: 'live' },
    // Outbox batches each process sends at once.
    'outbox-lanes': { type: 'string', default: '2' },
    processes: { type: 'string', default: '1' },
    'floor-seconds': { type: 'string', default: '10' },
    out: { type: 'string' },
    // A directory for each engine process's CPU profile (node --cpu-prof), to see where its time goes.
    'cpu-prof': { type: 'string' },
    // A child process's share (set by the parent, not by hand).
    shard: { type: 'string' },
    schema: { type: 'string' },
  },
});
const region = values.region as RegionId;
const cases = Number(values.cases);
const concurrency = Number(values.concurrency);
const url = process.env.DATABASE_URL;
// Anhui's births in a year (2023), the replay's target volume, and the five minutes it should take.
const YEAR_CASES = 378_000;
const TARGET_SECONDS = 300;

const simulation = (db: Db, shard: { index: number; count: number }): SimulationOptions => ({
  region,
  cases,
  seed: 'replay',
  // The wall clock: several processes' outbox leases must mean the same time to all.
  start: new Date(),
  realClock: systemClock,
  // The post's two days pass in about two seconds.
  emsCompress: 100_000,
  db,
  concurrency,
  outboxLanes: Number(values['outbox-lanes']),
  live: values.driver === 'live',
  shard,
  arrivalWindowMs: 0,
  familyDelayMs: { min: 0, max: 0 },
  simulatorQueues: 'memory',
  departments: { latencyMs: { min: 0, max: 0 }, transientFaultRate: 0 },
});

interface ShardResult {
  seconds: number;
  statements: number;
  peakRssMiB: number;
  departmentTasks: number;
  /** The process's own CPU time (user and system), ms. */
  cpuMs: number;
  profile: StatementProfile;
}

/** One process's part: drive its families and report what it sent. */
async function runShard(db: Db, shard: { index: number; count: number }): Promise<ShardResult> {
  const counted = countingDb(db);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const run = await driveSimulation(simulation(counted.db, shard));
  return {
    seconds: (performance.now() - started) / 1000,
    statements: counted.statements(),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    departmentTasks: Object.values(run.departments).reduce((t, d) => t + d.stats.tasks, 0),
    cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu)),
    profile: counted.profile(),
  };
}

if (values.shard) {
  const [index, count] = values.shard.split('/').map(Number) as [number, number];
  const db = await openDb({ url, schema: values.schema, personal: personalDataFromEnv(process.env) });
  console.log(JSON.stringify(await runShard(db, { index, count })));
  await db.close();
  process.exit(0);
}

const processes = url ? Number(values.processes) : 1;
const store = url ? 'postgres' : 'pglite';
const out = values.out ?? `bench/results/replay-${store}-${region}-${cases}-p${processes}`;

/** A child running one shard on the same schema; its last line of output is its result. */
function child(index: number, schema: string): Promise<ShardResult> {
  const script = fileURLToPath(import.meta.url);
  const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [];
  const args = [...profile, '--import', 'tsx', script, ...['--region', region, '--cases', String(cases)]];
  args.push('--outbox-lanes', values['outbox-lanes']!, '--driver', values.driver!);
  args.push('--concurrency', String(concurrency), '--shard', `${index}/${processes}`, '--schema', schema);
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    p.stdout.on('data', (d: Buffer) => (text += d.toString()));
    p.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(text.trim().split('\n').at(-1)!) as ShardResult)
        : reject(new Error(`shard ${index} exited with ${code}`)),
    );
  });
}

// --floor-seconds 0: no floor (a replay run as background load, bench/reads.ts).
const floor: Floor | null =
  url && Number(values['floor-seconds']) > 0
    ? await measureFloor(url, { clients: 16, seconds: Number(values['floor-seconds']), batch: 100 })
    : null;

const schema = `bench_replay_${process.pid}`;
const admin = url ? new pg.Client({ connectionString: url }) : null;
await admin?.connect();
await admin?.query(`create schema ${schema}`);
const dataDir = url ? undefined : mkdtempSync(join(tmpdir(), 'onething-replay-'));
// Opened (and migrated) before the shards start, so they do not race to create the tables.
const db = await openDb({ url, schema, dataDir, personal: personalDataFromEnv(process.env) });
try {
  const releaseWal = url ? await holdWal(url) : null;
  const walBefore = url ? await walPosition(db) : null;
  const machineBefore = machineCpuMs();
  const started = performance.now();
  const shards = url
    ? await settled(Array.from({ length: processes }, (_, i) => child(i, schema)))
    : [await runShard(db, { index: 0, count: 1 })];
  const replaySeconds = (performance.now() - started) / 1000;
  const machineMs = machineCpuMs() - machineBefore;
  const walAfter = url ? await walPosition(db) : null;
  const walBytes = walBefore === null || walAfter === null ? null : Number(walAfter - walBefore);
  const walShares =
    walBefore === null || walAfter === null ? null : await walByRelation(db, walBefore, walAfter);
  await releaseWal?.();

  const verifyStarted = performance.now();
  const verify = await verifyStore(db, { now: new Date() });
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  const audit = await deliveryAudit(db);
  const events = verify.events;
  const departmentTasks = shards.reduce((t, s) => t + s.departmentTasks, 0);
  const stepsPerSecond = events / replaySeconds;
  const casesPerSecond = cases / replaySeconds;
  const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cores: cpus().length, node: process.version },
    store,
    region,
    cases,
    processes,
    concurrencyPerProcess: concurrency,
    driver: values.driver,
    // Seconds from the first application to the last step settled (the final verify is apart).
    replaySeconds: round(replaySeconds),
    casesPerSecond: round(casesPerSecond),
    // A step is one event appended: the floor's unit (a row updated and an event inserted).
    stepsPerSecond: Math.round(stepsPerSecond),
    // Steps per second against the floor's one step per transaction, on the same server in this run.
    ratioToFloor: floor ? round(stepsPerSecond / floor.single.stepsPerSecond, 3) : null,
    ratioToBatchedFloor: floor ? round(stepsPerSecond / floor.batched.stepsPerSecond, 4) : null,
    yearCases: YEAR_CASES,
    yearSecondsAtThisRate: Math.round(YEAR_CASES / casesPerSecond),
    targetYearSeconds: TARGET_SECONDS,
    events,
    departmentTasks,
    statementsPerCase: round(shards.reduce((t, s) => t + s.statements, 0) / cases),
    walBytesPerCase: walBytes === null ? null : Math.round(walBytes / cases),
    // Where that WAL goes: by table, index and TOAST, per case (or why it could not be read).
    walByRelation:
      walShares === null
        ? null
        : 'unavailable' in walShares
          ? walShares
          : walShares.shares.map((w) => ({
              relation: w.relation,
              kbPerCase: round(w.bytes / cases / 1000),
              recordsPerCase: round(w.records / cases),
            })),
    peakRssMiB: Math.max(...shards.map((s) => s.peakRssMiB)),
    // Where the CPU goes, per case: the engine processes' own time, and the whole machine's (the
    // engine, PostgreSQL and anything else running), steadier figures than the wall time on a shared machine.
    engineCpuMsPerCase: round(shards.reduce((t, s) => t + s.cpuMs, 0) / cases, 2),
    machineCpuMsPerCase: round(machineMs / cases, 2),
    machineCpuBusyShare: round(machineMs / (replaySeconds * 1000 * cpus().length), 2),
    verifySeconds: round(verifySeconds),
    verifyOk: verify.ok,
    verifyProblems: verify.problems.slice(0, 5),
    // No double processing: every department task was called exactly once, and no item decided twice.
    noDoubleProcessing:
      audit.dispatches.rowsCalledMoreThanOnce === 0 &&
      audit.itemsDecidedTwice === 0 &&
      departmentTasks === audit.dispatches.rows,
    // Nothing lost: every item of every case decided (done, rejected or cancelled) when the replay ended.
    openItems: audit.openItems,
    audit: {
      dispatches: audit.dispatches,
      itemsDecidedTwice: audit.itemsDecidedTwice,
      open: audit.openItems,
    },
    shards: shards.map(({ profile: _p, ...s }) => ({ ...s, seconds: round(s.seconds) })),
    // The statements sent most often, per case, with the time spent waiting on them (summed over
    // concurrent callers, so more than the wall time).
    statements: topStatements(
      shards.map((s) => s.profile),
      cases,
    ),
    floor,
  };
  writeFileSync(`${out}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${out}.md`, markdown(result, floor));
  console.log(JSON.stringify({ ...result, floor: undefined, statements: undefined }, null, 2));
} finally {
  await db.close();
  await admin?.query(`drop schema ${schema} cascade`);
  await admin?.end();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** Every shard's result; a failure is thrown only once all have stopped (the schema is dropped after). */
async function settled<T>(runs: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(runs);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** CPU time all cores have spent busy since boot, ms. */
function machineCpuMs(): number {
  return cpus().reduce((t, c) => t + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}

function markdown(r: Record<string, unknown>, f: Floor | null): string {
  const row = (k: string, v: unknown) => `| ${k} | ${v ?? '—'} |`;
  return [
    `# Replay: ${r.cases} ${r.region} families on ${r.store} (${String(r.measuredAt).slice(0, 10)}, ${r.processes} process(es) × ${r.concurrencyPerProcess} at once, ${r.driver} driver)`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    row('replay seconds', r.replaySeconds),
    row('cases/s', r.casesPerSecond),
    row('steps (events)/s', r.stepsPerSecond),
    row('ratio to the single-step floor', r.ratioToFloor),
    row('ratio to the batched floor', r.ratioToBatchedFloor),
    row(`a year (${YEAR_CASES} cases) at this rate, s`, r.yearSecondsAtThisRate),
    row('statements per case', r.statementsPerCase),
    row('WAL bytes per case', r.walBytesPerCase),
    row('peak RSS per process, MiB', r.peakRssMiB),
    row('engine CPU ms per case', r.engineCpuMsPerCase),
    row('machine CPU ms per case (engine, PostgreSQL, all)', r.machineCpuMsPerCase),
    row('machine busy share', r.machineCpuBusyShare),
    row('verify seconds (after the replay)', r.verifySeconds),
    row('verify clean', r.verifyOk),
    row('no double processing', r.noDoubleProcessing),
    row('items left open', r.openItems),
    '',
    ...(f ? ['## The floor, same server, same run', '', ...floorTable(f), ''] : []),
    ...(Array.isArray(r.walByRelation)
      ? [
          '## Where the WAL goes (pg_walinspect)',
          '',
          '| KB per case | records per case | relation |',
          '| ---: | ---: | --- |',
          ...(r.walByRelation as { relation: string; kbPerCase: number; recordsPerCase: number }[]).map(
            (w) => `| ${w.kbPerCase} | ${w.recordsPerCase} | ${w.relation} |`,
          ),
          '',
        ]
      : []),
    '## The statements sent most often',
    '',
    '| per case | ms waited (all callers) | statement |',
    '| ---: | ---: | --- |',
    ...(r.statements as { perCase: number; ms: number; sql: string }[]).map(
      (s) => `| ${s.perCase} | ${s.ms} | \`${s.sql.replace(/\|/g, '\\|')}\` |`,
    ),
    '',
  ].join('\n');
}
