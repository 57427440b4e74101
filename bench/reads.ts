// Reads under load: a parent's case status (GET /api/citizen/cases/{id}/status, with its login) and the
// whole case (GET /api/citizen/cases/{id}) at a fixed rate,
// driven by autocannon against the real server (`onething start` on PostgreSQL), while a replay writes
// on the same PostgreSQL server; beside it, a hello-world Fastify server measured the same way in the
// same run, the least any Node HTTP answer costs here.
// Usage: DATABASE_URL=postgres://… npx tsx bench/reads.ts [--rate 1000] [--seconds 20] [--cases 300]
//          [--load-cases 3000] [--out bench/results/reads-postgres]
// Writes <out>.json and <out>.md; measures, asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { driveSimulation } from '../src/engine/simulation.ts';
import { systemClock } from '../src/system-clock.ts';
import { getCase } from '../src/store/case-store.ts';
import { openDb } from '../src/store/db.ts';
import { personalDataFromEnv } from '../src/store/personal-data.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    cases: { type: 'string', default: '300' },
    'load-cases': { type: 'string', default: '3000' },
    out: { type: 'string', default: 'bench/results/reads-postgres' },
  },
});
const SERVER = process.env.DATABASE_URL;
if (!SERVER) throw new Error('DATABASE_URL must name the PostgreSQL server to measure');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const rate = Number(values.rate);
const seconds = Number(values.seconds);

const database = `bench_reads_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(SERVER);
  u.pathname = `/${database}`;
  return u.toString();
})();
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query(`create database ${database}`);
const children: ChildProcess[] = [];
const workDir = mkdtempSync(join(tmpdir(), 'onething-reads-'));

try {
  // The cases to read: settled families of a replay, each read with its applicant's login.
  const db = await openDb({ url: dbUrl, personal: personalDataFromEnv(process.env) });
  await driveSimulation({
    region: 'anhui',
    cases: Number(values.cases),
    seed: 'reads',
    start: new Date(),
    realClock: systemClock,
    emsCompress: 100_000,
    db,
    concurrency: 8,
    live: true,
    arrivalWindowMs: 0,
    familyDelayMs: { min: 0, max: 0 },
    simulatorQueues: 'memory',
    departments: { latencyMs: { min: 0, max: 0 }, transientFaultRate: 0 },
  });
  const ids = (await db.query<{ id: string }>('select id from cases order by id')).map((r) => r.id);
  const readers = await Promise.all(
    ids.map(async (id) => ({ id, login: (await getCase(db, id)).applicant.idNumber })),
  );
  await db.close();

  const server = await listening(
    spawn(process.execPath, [join(ROOT, 'bin/onething.js'), 'start', '--port', '0'], {
      cwd: workDir,
      env: { ...process.env, DATABASE_URL: dbUrl, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
    /http:\/\/127\.0\.0\.1:(\d+)/,
  );
  const hello = await listening(
    spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Fastify from 'fastify'; const app = Fastify(); app.get('/', async () => ({ hello: 'world' }));
         console.log('http://127.0.0.1:' + (await app.listen({ port: 0, host: '127.0.0.1' })).split(':').pop());`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    ),
    /http:\/\/127\.0\.0\.1:(\d+)/,
  );

  // The write load: a replay on the same PostgreSQL server (its own schema), for the whole measurement
  // (--load-cases 0: none, the reads alone).
  const loadCases = Number(values['load-cases']);
  const load = loadCases
    ? spawn(
        process.execPath,
        [
          ...['--import', 'tsx', 'bench/replay.ts', '--cases', String(loadCases), '--floor-seconds', '0'],
          // Its figures are not a result: written aside, not over the replay's own in bench/results.
          ...['--out', join(mkdtempSync(join(tmpdir(), 'onething-reads-load-')), 'replay')],
        ],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: SERVER }, stdio: ['ignore', 'ignore', 'inherit'] },
      )
    : null;
  if (load) children.push(load);
  // Let the replay get past its start-up and into its writing.
  if (load) await new Promise((r) => setTimeout(r, 5000));

  const helloResult = await measure(`http://127.0.0.1:${hello}/`, () => ({}));
  const read = (suffix: string) => {
    let n = 0;
    return () => {
      const r = readers[n++ % readers.length]!;
      return {
        path: `/api/citizen/cases/${r.id}${suffix}`,
        headers: { authorization: `Bearer dev:${r.login}` },
      };
    };
  };
  const caseResult = await measure(`http://127.0.0.1:${server}/`, read(''));
  const statusResult = await measure(`http://127.0.0.1:${server}/`, read('/status'));
  const loadStillRunning = load !== null && load.exitCode === null;
  // Let the load replay finish, so it drops its own schema (killed, its engine process would run on).
  if (load && load.exitCode === null) await new Promise((r) => load.once('exit', r));

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cores: cpus().length, node: process.version },
    targetRate: rate,
    seconds,
    casesRead: readers.length,
    writeLoad: load ? `bench/replay.ts --cases ${loadCases} on the same PostgreSQL server` : 'none',
    writeLoadRanThroughout: loadStillRunning,
    // The whole case (the case page) and the status poll (the projections only).
    wholeCase: caseResult,
    caseStatus: statusResult,
    helloWorld: helloResult,
  };
  writeFileSync(`${values.out}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    `${values.out}.md`,
    [
      `# Reads under load (${result.measuredAt.slice(0, 10)}, ${result.machine.cores} cores, ${rate} req/s asked for ${seconds} s)`,
      '',
      `Write load: ${result.writeLoad}${!load ? '' : loadStillRunning ? ', running throughout' : ', which ended before the reads did'}.`,
      '',
      '| endpoint | req/s delivered | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | non-2xx | bytes per answer |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...[
        ['GET /api/citizen/cases/{id}/status', statusResult],
        ['GET /api/citizen/cases/{id}', caseResult],
        ['hello world (Fastify)', helloResult],
      ].map(
        ([name, r]) =>
          `| ${name as string} | ${(r as Measured).rps} | ${(r as Measured).p50} | ${(r as Measured).p90} | ${(r as Measured).p99} | ${(r as Measured).p999} | ${(r as Measured).max} | ${(r as Measured).errors} | ${(r as Measured).non2xx} | ${(r as Measured).bytesPerAnswer} |`,
      ),
      '',
    ].join('\n'),
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
  rmSync(workDir, { recursive: true, force: true });
}

type Measured = Awaited<ReturnType<typeof measure>>;

/** autocannon at the fixed rate: latency percentiles of what was delivered. */
async function measure(url: string, next: () => { path?: string; headers?: Record<string, string> }) {
  const r = await autocannon({
    url,
    connections: 32,
    duration: seconds,
    overallRate: rate,
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    p999: r.latency.p99_9,
    max: r.latency.max,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytesPerAnswer: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

/** Wait for a child's line naming its port. */
function listening(p: ChildProcess, pattern: RegExp): Promise<string> {
  children.push(p);
  return new Promise((resolve, reject) => {
    let text = '';
    p.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      const m = pattern.exec(text);
      if (m) resolve(m[1]!);
    });
    p.on('exit', (code) => reject(new Error(`exited with ${code} before listening: ${text.slice(-500)}`)));
  });
}
