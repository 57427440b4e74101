import pMap from 'p-map';
import type { DepartmentId, RegionId } from '../domain/ids.ts';
import { openItemCount, regionOutcomes, settledCaseCount } from '../store/report-store.ts';
import { saveRunState } from '../store/simulator-store.ts';
import { devChainKeys } from '../store/event-chain.ts';
import {
  setUpSimulation,
  type RunState,
  type SimulationOptions,
  type SimulationSetup,
} from './simulation-setup.ts';
import { driveLive } from './simulation-live.ts';
import { deliverSimulated } from './simulated-world.ts';
import { verifyStore, type VerifyReport } from './verify.ts';

const TICK_MS = 5 * 60_000;

export type { SimulationOptions } from './simulation-setup.ts';

export interface SimulationSummary {
  region: RegionId;
  submitted: number;
  accepted: number;
  refused: number;
  refusedBy: Record<string, number>;
  casesCompleted: number;
  casesPartly: number;
  items: { done: number; rejected: number; cancelled: number; open: number };
  supplemented: number;
  slaCompliance: { withDeadline: number; onTime: number; share: number | null };
  overdueItems: number;
  medianHoursByItem: Record<string, number>;
  /** Calls, tasks and faults per simulated department, since this run (or its resumption) began. */
  departmentCalls: Record<string, { calls: number; tasks: number; faults: number }>;
  /** EMS parcels booked (results mailed to families, and families' documents mailed to departments). */
  parcels: number;
  simulatedDays: number;
  /** Whether this run took up where a killed one stopped. */
  resumed: boolean;
  verify: VerifyReport;
}

/**
 * Run synthetic families through the whole service in simulated time: submission, pre-review,
 * dispatch through the outbox to the department simulators, their decisions back through the
 * engine, families answering supplements, uploading, booking the courier and paying, overdue
 * sweeps; then verify the store. Everything a run has in hand is in the store (the simulators'
 * queues, the run's own progress), and case numbers come from the family, so a killed run started
 * again with the same options resumes and ends as it would have.
 */
export async function runSimulation(o: SimulationOptions): Promise<SimulationSummary> {
  const { end, state, departments, parcels, resumed } = await driveSimulation(o);
  return { ...(await summarize(o, end, state, departments)), parcels, resumed };
}

/** The simulation itself, without the summary and the verify (several shards verify once, together). */
export async function driveSimulation(o: SimulationOptions) {
  const s = await setUpSimulation(o);
  if (o.live) await driveLive(s);
  else await driveRounds(s);
  const { clock, state, departments, ems, saved } = s;
  return { end: clock.now(), state, departments, parcels: ems.booked, resumed: saved !== null };
}

/**
 * The rounds: applications, the outbox, the departments' decisions, the families' own steps, then the
 * sweep and the run's saved progress, each waiting for the one before; in simulated time the clock then
 * jumps to the next thing due.
 */
async function driveRounds(s: SimulationSetup) {
  const { o, shard, run, clock, simulated, engine, worker, departments, ems, arrivals, state, concurrency } =
    s;
  for (let round = 0; round < 200_000; round++) {
    const now = clock.now().getTime();
    const arrived: typeof arrivals = [];
    while (arrivals.length && arrivals[0]!.at <= now) arrived.push(arrivals.shift()!);
    await pMap(arrived, s.apply, { concurrency });
    state.nextArrival += arrived.length;
    await worker.drain(1000, o.outboxLanes);
    const delivered = await deliverSimulated(engine, Object.values(departments), ems, clock.now());
    state.counts.supplemented += delivered.filter(
      (d) => d.decision.outcome === 'supplement' && d.result.ok,
    ).length;

    const acting = await s.actingNow(now);
    await pMap(acting, s.act, { concurrency });
    await worker.drain(1000, o.outboxLanes);
    await engine.sweeper.sweepOverdue();
    state.clock = clock.now().toISOString();
    await saveRunState(o.db, run, state, clock.now());
    o.onProgress?.((await settledCaseCount(o.db)) + state.counts.refused, o.cases);

    const next = [
      arrivals[0]?.at,
      ...s.familyActs.values(),
      ...(await Promise.all(Object.values(departments).map((d) => d.nextDueAt()))).map((d) => d?.getTime()),
      (await ems.nextDueAt())?.getTime(),
      (await worker.nextAvailableAt())?.getTime(),
    ].filter((t): t is number => t !== undefined);
    if (!next.length) {
      // A shard done with its own families waits while another's work may still reach them.
      if (shard.count === 1 || !(await openItemCount(o.db, o.region))) break;
      next.push(clock.now().getTime());
    }
    // Wake at the next thing due, in steps of at least five minutes: what falls due inside a
    // step is handled at its end, a delay far below any time limit.
    if (o.realClock) {
      await new Promise((r) =>
        setTimeout(r, Math.min(Math.max(Math.min(...next) - clock.now().getTime(), 0), 20)),
      );
    } else {
      simulated.set(new Date(Math.max(clock.now().getTime() + TICK_MS, Math.min(...next))));
    }
  }
}

async function summarize(
  o: SimulationOptions,
  end: Date,
  state: RunState,
  departments: Record<DepartmentId, { stats: { calls: number; tasks: number; faults: number } }>,
): Promise<Omit<SimulationSummary, 'parcels' | 'resumed'>> {
  const { caseStatus, itemStatus, sla, medians } = await regionOutcomes(o.db, o.region);
  const n = (rows: { status: string; n: number }[], s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  const open = ['waiting', 'dispatched', 'supplement-requested', 'payment-due'].reduce(
    (t, s) => t + n(itemStatus, s),
    0,
  );
  return {
    region: o.region,
    submitted: o.cases,
    accepted: state.counts.accepted,
    refused: state.counts.refused,
    refusedBy: state.refusedBy,
    casesCompleted: n(caseStatus, 'completed'),
    casesPartly: n(caseStatus, 'partly-completed'),
    items: {
      done: n(itemStatus, 'done'),
      rejected: n(itemStatus, 'rejected'),
      cancelled: n(itemStatus, 'cancelled'),
      open,
    },
    supplemented: state.counts.supplemented,
    slaCompliance: {
      withDeadline: sla.total,
      onTime: sla.on_time,
      share: sla.total ? Math.round((sla.on_time / sla.total) * 1000) / 1000 : null,
    },
    overdueItems: sla.overdue,
    medianHoursByItem: Object.fromEntries(medians.map((m) => [m.item, m.hours])),
    departmentCalls: Object.fromEntries(Object.entries(departments).map(([k, v]) => [k, { ...v.stats }])),
    simulatedDays: Math.round(((end.getTime() - o.start.getTime()) / 86_400_000) * 10) / 10,
    verify: await verifyStore(o.db, { now: end, keys: o.chain ?? devChainKeys() }),
  };
}
