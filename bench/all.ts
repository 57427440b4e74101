// `npm run bench`: the throughput benchmarks in one run, each writing its own JSON and Markdown, then
// bench/results/summary.json and summary.md with the figures side by side:
// - the replay on PostgreSQL with 1, 2 and 4 engine processes (each against the floor it measured);
// - the same replay's tenth on the embedded PGlite, and its ratio to PostgreSQL;
// - reads at a fixed rate under a replay's write load, beside hello-world;
// - sustained load with realistic departments (log-normal latency, faults, timeouts): the platform's overhead.
// Usage: DATABASE_URL=postgres://… npm run bench [-- --cases 5000 --seconds 20 --sustained-rate 20
//          --sustained-seconds 60 --out bench/results]
// Without DATABASE_URL, the PostgreSQL started by `bash .ci/postgres.sh` is used.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '5000' },
    region: { type: 'string', default: 'anhui' },
    seconds: { type: 'string', default: '20' },
    'floor-seconds': { type: 'string', default: '10' },
    processes: { type: 'string', default: '1,2,4' },
    // Families each replay process keeps applying at once: the backlog the group commit takes from.
    concurrency: { type: 'string', default: '32' },
    'sustained-rate': { type: 'string', default: '20' },
    'sustained-seconds': { type: 'string', default: '60' },
    out: { type: 'string', default: 'bench/results' },
  },
});
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres';
const cases = Number(values.cases);
const out = values.out!;
mkdirSync(out, { recursive: true });
// What the summary keeps of each replay.
const REPLAY_FIGURES = [
  'store',
  'driver',
  'processes',
  'cases',
  'replaySeconds',
  'casesPerSecond',
  'stepsPerSecond',
  'ratioToFloor',
  'ratioToBatchedFloor',
  'yearSecondsAtThisRate',
  'statementsPerCase',
  'walBytesPerCase',
  'peakRssMiB',
  'engineCpuMsPerCase',
  'machineCpuBusyShare',
  'verifyOk',
  'noDoubleProcessing',
  'openItems',
] as const;

/** One bench script as a child process (its own memory figures), returning the JSON it wrote. */
function run(script: string, args: string[], file: string, env: NodeJS.ProcessEnv) {
  console.error(`bench: ${script} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args, '--out', file], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${script} exited with ${r.status}`);
  return JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Record<string, unknown>;
}

const postgres = { ...process.env, DATABASE_URL };
const embedded = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));
const common = [
  ...['--region', values.region!, '--floor-seconds', values['floor-seconds']!],
  ...['--concurrency', values.concurrency!],
];
const replays = values
  .processes!.split(',')
  .map(Number)
  .map((p) =>
    run(
      'bench/replay.ts',
      [...common, '--cases', String(cases), '--processes', String(p)],
      join(out, `replay-postgres-${values.region}-${cases}-p${p}`),
      postgres,
    ),
  );
// The same replay driven in rounds, each party waiting for the one before (the driver until 4 December):
// what the live driver changes, measured in the same run.
const rounds = run(
  'bench/replay.ts',
  [...common, '--cases', String(cases), '--driver', 'rounds'],
  join(out, `replay-postgres-${values.region}-${cases}-p1-rounds`),
  postgres,
);
const tenth = Math.max(1, Math.round(cases / 10));
const pglite = run(
  'bench/replay.ts',
  [...common, '--cases', String(tenth)],
  join(out, `replay-pglite-${values.region}-${tenth}`),
  embedded,
);
const reads = run(
  'bench/reads.ts',
  ['--seconds', values.seconds!, '--load-cases', String(cases)],
  join(out, 'reads-postgres'),
  postgres,
);
const sustained = run(
  'bench/sustained.ts',
  ['--rate', values['sustained-rate']!, '--seconds', values['sustained-seconds']!],
  join(out, `sustained-postgres-${values['sustained-rate']}`),
  postgres,
);

const single = replays[0]!;
const summary = {
  measuredAt: new Date().toISOString(),
  region: values.region,
  // The headline: the one-process replay on PostgreSQL, and the year it implies.
  replaySeconds: single.replaySeconds,
  ratioToFloor: single.ratioToFloor,
  yearSecondsAtThisRate: single.yearSecondsAtThisRate,
  targetYearSeconds: single.targetYearSeconds,
  targetMet: (single.yearSecondsAtThisRate as number) <= (single.targetYearSeconds as number),
  replays: replays.map((r) => pick(r, REPLAY_FIGURES)),
  rounds: {
    ...pick(rounds, REPLAY_FIGURES),
    liveOverRounds:
      Math.round(((single.casesPerSecond as number) / (rounds.casesPerSecond as number)) * 100) / 100,
  },
  pglite: {
    ...pick(pglite, REPLAY_FIGURES),
    casesPerSecondRatioToPostgres:
      Math.round(((pglite.casesPerSecond as number) / (single.casesPerSecond as number)) * 100) / 100,
  },
  reads: pick(reads, ['targetRate', 'writeLoad', 'caseStatus', 'wholeCase', 'helloWorld']),
  sustained: pick(sustained, [
    'casesPerSecondAsked',
    'seconds',
    'departments',
    'steps',
    'overheadMs',
    'endToEndMs',
    'departmentMs',
    'noneLostOrDuplicated',
  ]),
};
writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
writeFileSync(join(out, 'summary.md'), markdown());
console.log(markdown());

function pick(r: Record<string, unknown>, keys: readonly string[]) {
  return Object.fromEntries(keys.map((k) => [k, r[k]]));
}

function markdown(): string {
  const floor = single.floor as { single: { stepsPerSecond: number }; batched: { stepsPerSecond: number } };
  type Read = { rps: number; p50: number; p99: number; bytesPerAnswer: number };
  const r = reads as { caseStatus: Read; wholeCase: Read; helloWorld: Read; writeLoad: string };
  return [
    `# Throughput summary (${summary.measuredAt.slice(0, 10)}, \`npm run bench\`)`,
    '',
    `The floor on this PostgreSQL: ${floor.single.stepsPerSecond} steps/s one per transaction, ${floor.batched.stepsPerSecond} batched.`,
    '',
    '| replay | cases | seconds | cases/s | steps/s | ratio to floor | year (378k) at this rate, s | statements/case | WAL bytes/case | peak RSS MiB | verify | no double processing | items left open |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: |',
    ...[...replays, rounds, pglite].map(
      (x) =>
        `| ${x.store}, ${x.processes} process(es), ${x.driver} | ${x.cases} | ${x.replaySeconds} | ${x.casesPerSecond} | ${x.stepsPerSecond} | ${x.ratioToFloor ?? '—'} | ${x.yearSecondsAtThisRate} | ${x.statementsPerCase} | ${x.walBytesPerCase ?? '—'} | ${x.peakRssMiB} | ${x.verifyOk ? 'clean' : 'PROBLEMS'} | ${x.noDoubleProcessing ? 'yes' : 'NO'} | ${x.openItems} |`,
    ),
    '',
    `Target: Anhui's year in ${summary.targetYearSeconds} s. ${summary.targetMet ? 'Met.' : `Not met: ${summary.yearSecondsAtThisRate} s at the one-process rate (bench/README.md says what limits it).`} PGlite runs at ${summary.pglite.casesPerSecondRatioToPostgres}× PostgreSQL's cases/s. The live driver runs at ${summary.rounds.liveOverRounds}× the rounds driver's cases/s.`,
    '',
    `Reads at ${reads.targetRate} req/s asked, under ${r.writeLoad}:`,
    '',
    '| endpoint | req/s | p50 ms | p99 ms | bytes per answer |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...(
      [
        ['case status', r.caseStatus],
        ['whole case', r.wholeCase],
        ['hello world', r.helloWorld],
      ] as const
    ).map(([name, x]) => `| ${name} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.bytesPerAnswer} |`),
    '',
    `Sustained: ${sustained.casesPerSecondAsked} cases/s for ${sustained.seconds} s, departments ${(sustained.departments as { latency: string }).latency}, ${sustained.steps} department steps; nothing lost or done twice: ${sustained.noneLostOrDuplicated ? 'yes' : 'NO'}.`,
    '',
    '| ms | p50 | p90 | p99 | max |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...(
      [
        ['platform overhead', sustained.overheadMs],
        ['end to end', sustained.endToEndMs],
        ["the department's own time", sustained.departmentMs],
      ] as [string, Record<string, number>][]
    ).map(([name, x]) => `| ${name} | ${x.p50} | ${x.p90} | ${x.p99} | ${x.max} |`),
    '',
  ].join('\n');
}
