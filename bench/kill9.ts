// kill -9 and two processes on one PostgreSQL: `onething simulate` is killed with SIGKILL at random
// moments and started again each time, then left to finish; separately, two simulate processes run
// the same simulation on one database at once. The store is then audited for lost cases, tasks sent
// or decided twice, and `onething verify`.
// Usage: npx tsx bench/kill9.ts [--region fujian] [--cases 100] [--kills 10]
//   DATABASE_URL names the PostgreSQL server (default: the one `bash .ci/postgres.sh` starts); the bench
//   makes its own databases there and drops them after.
// Writes bench/results/kill9-<region>-<cases>.json; measures, asserts nothing.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seededRandom } from '../src/domain/random.ts';
import { openPostgres } from '../src/store/db.ts';
import { deliveryAudit, type DeliveryAudit } from '../src/store/reliability-store.ts';

const { values } = parseArgs({
  options: {
    region: { type: 'string', default: 'fujian' },
    cases: { type: 'string', default: '100' },
    kills: { type: 'string', default: '10' },
  },
});
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/postgres';
const BIN = fileURLToPath(new URL('../bin/onething.js', import.meta.url));
const random = seededRandom(`kill9:${Date.now()}`);
// Faults off: every repeated call in the store is then one a kill caused (the fault tests cover faults).
const SIM = ['simulate', '--region', values.region!, '--cases', values.cases!, '--seed', 'kill9'];
const SIM_ARGS = [...SIM, '--fault-rate', '0', '--json'];
const ENV = { ...process.env, EVENT_CHAIN_KEY: 'bench-kill9-chain-key', NODE_ENV: 'development' };

const dbUrl = (name: string) => {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
};
async function admin(sql: string) {
  const c = new pg.Client({ connectionString: SERVER });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

interface Run {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
  lastProgress: string | null;
}
/** One CLI process; `killAfterMs` sends SIGKILL then, if it is still running. */
function cli(args: string[], url: string, killAfterMs?: number): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...ENV, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      const lastProgress = [...stderr.matchAll(/progress (\d+%) \S+/g)].at(-1)?.[0] ?? null;
      resolve({ code, ms: Date.now() - started, stdout, stderr, lastProgress });
    }),
  );
}

async function audit(url: string): Promise<DeliveryAudit> {
  const db = openPostgres(url, { max: 1 });
  try {
    return await deliveryAudit(db);
  } finally {
    await db.close();
  }
}

async function verify(url: string) {
  const r = await cli(['verify'], url);
  const report = JSON.parse(r.stdout) as { ok: boolean; problems: string[]; cases: number; events: number };
  return {
    exitCode: r.code,
    ok: report.ok,
    problems: report.problems,
    cases: report.cases,
    events: report.events,
  };
}

const summaryOf = (run: Run) => {
  const s = JSON.parse(run.stdout) as { items: unknown; verify: { ok: boolean } };
  return { items: s.items, verifyOk: s.verify.ok };
};

/** What the audit says against the uninterrupted run's cases. */
function judge(a: DeliveryAudit, reference: DeliveryAudit) {
  const have = new Set(a.caseIds);
  const expected = new Set(reference.caseIds);
  return {
    cases: a.caseIds.length,
    casesLost: reference.caseIds.filter((id) => !have.has(id)).length,
    casesExtra: a.caseIds.filter((id) => !expected.has(id)).length,
    itemsOpen: a.openItems,
    outboxNotDone: a.outbox.filter((o) => o.status !== 'done').reduce((t, o) => t + o.rows, 0),
    simulatorQueueLeft: a.simulatorQueue,
    departmentTasks: a.dispatches.rows,
    departmentCalls: a.dispatches.calls,
    // A kill between a call and its settlement: the task goes again with the same idempotency key.
    callsRepeatedWithSameKey: a.dispatches.calls - a.dispatches.rows,
    itemsDecidedTwice: a.itemsDecidedTwice,
  };
}

const started = Date.now();
const tag = `${process.pid}`;
const names = { reference: `kill9_ref_${tag}`, killed: `kill9_kill_${tag}`, two: `kill9_two_${tag}` };
for (const n of Object.values(names)) await admin(`create database ${n}`);
try {
  // 1. The same simulation, uninterrupted: which cases it makes.
  const referenceRun = await cli(SIM_ARGS, dbUrl(names.reference));
  if (referenceRun.code !== 0) throw new Error(`reference run failed: ${referenceRun.stderr}`);
  const reference = await audit(dbUrl(names.reference));

  // 2. Killed with SIGKILL at random moments, started again each time, then left to finish.
  const kills: { afterMs: number; killed: boolean; exitCode: number | null; lastProgress: string | null }[] =
    [];
  let finalRun: Run | null = null;
  const wanted = Number(values.kills);
  while (kills.filter((k) => k.killed).length < wanted) {
    // Node and tsx take about two seconds to start on this machine; kill within the next six.
    const afterMs = random.int(2_000, 8_000);
    const r = await cli(SIM_ARGS, dbUrl(names.killed), afterMs);
    kills.push({ afterMs, killed: r.code === null, exitCode: r.code, lastProgress: r.lastProgress });
    if (r.code !== null) {
      finalRun = r;
      break;
    }
  }
  finalRun ??= await cli(SIM_ARGS, dbUrl(names.killed));
  const killedAudit = await audit(dbUrl(names.killed));

  // 3. Two processes on one database at once, each started again if it stops, until both finish.
  const twoExits: { process: number; exitCode: number | null; error: string | null }[] = [];
  const runUntilDone = async (p: number) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = await cli(SIM_ARGS, dbUrl(names.two));
      twoExits.push({
        process: p,
        exitCode: r.code,
        error: r.code === 0 ? null : r.stdout.slice(0, 600) || r.stderr.slice(-600),
      });
      if (r.code === 0) return r;
    }
    return null;
  };
  const both = await Promise.all([runUntilDone(1), runUntilDone(2)]);
  const twoAudit = await audit(dbUrl(names.two));

  const result = {
    measuredAt: new Date().toISOString(),
    machine: { cores: cpus().length, node: process.version },
    store: 'postgres',
    command: `npx tsx bench/kill9.ts --region ${values.region} --cases ${values.cases} --kills ${values.kills}`,
    simulate: `onething ${SIM_ARGS.join(' ')}`,
    reference: {
      seconds: Math.round(referenceRun.ms / 100) / 10,
      ...summaryOf(referenceRun),
      ...judge(reference, reference),
    },
    kill9: {
      kills: kills.filter((k) => k.killed).length,
      runs: kills.length + (kills.at(-1)?.killed === false ? 0 : 1),
      schedule: kills,
      finalExitCode: finalRun.code,
      ...(finalRun.code === 0 ? summaryOf(finalRun) : { error: finalRun.stdout || finalRun.stderr }),
      ...judge(killedAudit, reference),
      verify: await verify(dbUrl(names.killed)),
    },
    twoProcesses: {
      exits: twoExits,
      bothFinished: both.every((r) => r !== null),
      ...judge(twoAudit, reference),
      verify: await verify(dbUrl(names.two)),
    },
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const file = `bench/results/kill9-${values.region}-${values.cases}.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`written to ${file}`);
} finally {
  for (const n of Object.values(names)) await admin(`drop database if exists ${n} with (force)`);
}
