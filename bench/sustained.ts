// Sustained load with departments that behave like real ones: applications arrive at a steady rate on the
// wall clock, departments answer after a log-normal latency (200 ms median), 2 % of calls fail and are
// retried, 0.1 % are carried out but their answer is lost (the platform retries; nothing is created twice).
// For each department step, the platform's overhead is its end-to-end time (dispatched → decision applied)
// minus the department's own time. Then verify and the audit: nothing lost, nothing done twice.
// Usage: [DATABASE_URL=postgres://…] npx tsx bench/sustained.ts [--rate 20] [--seconds 60] [--median-ms 200]
//          [--sigma 0.6] [--fault-rate 0.02] [--timeout-rate 0.001] [--driver live]
//          [--out bench/results/sustained-…]
// Writes <out>.json and <out>.md; measures, asserts nothing.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { CaseEvent } from '../src/domain/case.ts';
import { driveSimulation } from '../src/engine/simulation.ts';
import { verifyStore } from '../src/engine/verify.ts';
import { systemClock } from '../src/system-clock.ts';
import { loadEvents } from '../src/store/case-store.ts';
import { openDb } from '../src/store/db.ts';
import { personalDataFromEnv } from '../src/store/personal-data.ts';
import { deliveryAudit } from '../src/store/reliability-store.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    'median-ms': { type: 'string', default: '200' },
    sigma: { type: 'string', default: '0.6' },
    'fault-rate': { type: 'string', default: '0.02' },
    'timeout-rate': { type: 'string', default: '0.001' },
    // live: the parties side by side, as a server runs them; rounds: each waiting for the one before.
    driver: { type: 'string', default: 'live' },
    out: { type: 'string' },
  },
});
const url = process.env.DATABASE_URL;
const store = url ? 'postgres' : 'pglite';
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const cases = Math.round(rate * seconds);
const out = values.out ?? `bench/results/sustained-${store}-${rate}`;

const schema = `bench_sustained_${process.pid}`;
const admin = url ? new pg.Client({ connectionString: url }) : null;
await admin?.connect();
await admin?.query(`create schema ${schema}`);
const db = await openDb({ url, schema, personal: personalDataFromEnv(process.env) });
try {
  // The department's own time for each task, keyed by the transaction id its decision carries.
  const departmentMs = new Map<string, number>();
  const started = performance.now();
  const run = await driveSimulation({
    region: 'anhui',
    cases,
    seed: 'sustained',
    start: new Date(),
    realClock: systemClock,
    // The post's two days pass in two seconds; its steps are not department steps.
    emsCompress: 100_000,
    db,
    concurrency: 8,
    live: values.driver === 'live',
    arrivalWindowMs: seconds * 1000,
    familyDelayMs: { min: 0, max: 0 },
    simulatorQueues: 'memory',
    departments: {
      latencyLogNormal: { medianMs: Number(values['median-ms']), sigma: Number(values.sigma) },
      transientFaultRate: Number(values['fault-rate']),
      timeoutRate: Number(values['timeout-rate']),
      onTask: (task, receivedAt, answerAt) =>
        departmentMs.set(`${task.department}-${task.taskId}`, answerAt.getTime() - receivedAt.getTime()),
    },
  });
  const runSeconds = (performance.now() - started) / 1000;

  // Each decision against its dispatch: end to end, the department's part, and what remains (ours).
  const overhead: number[] = [];
  const endToEnd: number[] = [];
  const department: number[] = [];
  const ids = (await db.query<{ id: string }>('select id from cases order by id')).map((r) => r.id);
  for (const id of ids) {
    const dispatched = new Map<string, number>();
    for (const { event } of await loadEvents(db, id)) {
      const e = event as CaseEvent & { item?: string; attempt?: number; txnId?: string };
      if (e.type === 'item-dispatched') dispatched.set(`${e.item}:${e.attempt}`, Date.parse(e.at));
      if (e.type !== 'item-done' && e.type !== 'item-rejected' && e.type !== 'supplement-requested') continue;
      const own = departmentMs.get(e.txnId!);
      const attempt = e.txnId!.split(':').at(-1);
      const from = dispatched.get(`${e.item}:${attempt}`);
      if (own === undefined || from === undefined) continue;
      const total = Date.parse(e.at) - from;
      endToEnd.push(total);
      department.push(own);
      overhead.push(total - own);
    }
  }
  const verify = await verifyStore(db, { now: new Date() });
  const audit = await deliveryAudit(db);
  const tasks = Object.values(run.departments).reduce((t, d) => t + d.stats.tasks, 0);
  const faults = Object.values(run.departments).reduce((t, d) => t + d.stats.faults, 0);

  const result = {
    measuredAt: new Date().toISOString(),
    store,
    casesPerSecondAsked: rate,
    seconds,
    cases,
    runSeconds: Math.round(runSeconds * 10) / 10,
    driver: values.driver,
    departments: {
      latency: `log-normal, median ${values['median-ms']} ms, sigma ${values.sigma}`,
      faultRate: Number(values['fault-rate']),
      timeoutRate: Number(values['timeout-rate']),
    },
    steps: overhead.length,
    // Milliseconds: the platform's own part of each department step, then the whole, then the department's.
    overheadMs: percentiles(overhead),
    endToEndMs: percentiles(endToEnd),
    departmentMs: percentiles(department),
    faultsAndTimeouts: faults,
    verifyOk: verify.ok,
    // Nothing lost: no item left open. Nothing twice: every task created once at its department, no item decided twice.
    openItems: audit.openItems,
    tasksCreated: tasks,
    dispatchRows: audit.dispatches.rows,
    callsIncludingRetries: audit.dispatches.calls,
    itemsDecidedTwice: audit.itemsDecidedTwice,
    noneLostOrDuplicated:
      verify.ok && audit.openItems === 0 && audit.itemsDecidedTwice === 0 && tasks === audit.dispatches.rows,
  };
  writeFileSync(`${out}.json`, `${JSON.stringify(result, null, 2)}\n`);
  const p = (x: ReturnType<typeof percentiles>) => `${x.p50} / ${x.p90} / ${x.p99} / ${x.max}`;
  writeFileSync(
    `${out}.md`,
    [
      `# Sustained load: ${rate} cases/s for ${seconds} s on ${store} (${result.measuredAt.slice(0, 10)})`,
      '',
      `Departments: ${result.departments.latency}, ${result.departments.faultRate * 100} % faults, ${result.departments.timeoutRate * 100} % timeouts. ${result.steps} department steps.`,
      '',
      '| ms | p50 / p90 / p99 / max |',
      '| --- | --- |',
      `| platform overhead | ${p(result.overheadMs)} |`,
      `| end to end | ${p(result.endToEndMs)} |`,
      `| the department's own time | ${p(result.departmentMs)} |`,
      '',
      `Verify ${verify.ok ? 'clean' : 'NOT clean'}; ${audit.openItems} items open; ${tasks} tasks created for ${audit.dispatches.rows} dispatches (${audit.dispatches.calls} calls with the retries); ${audit.itemsDecidedTwice} items decided twice.`,
      '',
    ].join('\n'),
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await db.close();
  await admin?.query(`drop schema ${schema} cascade`);
  await admin?.end();
}

function percentiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : null);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: s.at(-1) ?? null };
}
