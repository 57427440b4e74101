import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pMap from 'p-map';
import type { BlobStore } from '../blobs/port.ts';
import { fsBlobStore } from '../blobs/fs-blob-store.ts';
import { fakeClock, type Clock } from '../domain/clock.ts';
import type { DepartmentId, RegionId } from '../domain/ids.ts';
import { DEFAULT_NAME_MAX_LENGTH } from '../domain/person-name.ts';
import { seededRandom } from '../domain/random.ts';
import { simulateAllDepartments } from '../departments/index.ts';
import { simulateEms } from '../departments/ems.ts';
import { simulatePayments } from '../departments/payments.ts';
import type { SimulatorOptions } from '../departments/port.ts';
import { memoryQueue } from '../departments/simulator-queue.ts';
import { POLICIES } from '../policies/index.ts';
import { generateFamilies } from '../registries/population.ts';
import { simulatedFaceVerifier } from '../registries/face-verification.ts';
import { simulatedRegistries } from '../registries/simulated-registries.ts';
import { findCaseIdByClientTxn, getCase, itemsAwaitingFamily } from '../store/case-store.ts';
import type { Db } from '../store/db.ts';
import { devChainKeys, type ChainKeys } from '../store/event-chain.ts';
import { openItemCount, regionOutcomes, settledCaseCount } from '../store/report-store.ts';
import { loadRunState, saveRunState, storedQueue } from '../store/simulator-store.ts';
import { createEngine } from './index.ts';
import { OutboxWorker, type SmsPort } from './outbox-worker.ts';
import { actOnItem, completeApplication, FACE_PHOTO } from './simulated-family.ts';
import { deliverSimulated } from './simulated-world.ts';
import { smsMemory } from './sms-log.ts';
import { verifyStore, type VerifyReport } from './verify.ts';
import { storedCalendar } from './operator/calendar.ts';

const TICK_MS = 5 * 60_000;

export interface SimulationOptions {
  region: RegionId;
  cases: number;
  seed: number | string;
  /** When the first application arrives; families are born in the 20 days before. */
  start: Date;
  db: Db;
  departments?: Partial<Omit<SimulatorOptions, 'seed' | 'now'>>;
  onProgress?: (settled: number, total: number) => void;
  /** The event chain's keys; the development key unless given (`onething simulate` passes EVENT_CHAIN_KEY's). */
  chain?: ChainKeys;
  /** Where the simulated families' uploads go; a fresh temporary directory unless given. */
  blobs?: BlobStore;
  /** Where the texts go; kept in memory unless given. */
  sms?: SmsPort;
  /** Over how long the applications arrive; three days unless given (0: all at once, a backlog). */
  arrivalWindowMs?: number;
  /** How many families apply or act at the same time (each its own transactions); one unless given. */
  concurrency?: number;
  /** How long a family takes to act when an item waits for it; two hours to two days unless given. */
  familyDelayMs?: { min: number; max: number };
  /**
   * Where the simulated departments keep what they accepted: the store (the default, so a killed
   * run resumes) or memory (a benchmark measuring the platform alone, not the departments' own systems).
   */
  simulatorQueues?: 'store' | 'memory';
  /**
   * This process's share of the families (those whose number modulo `count` is `index`), for several
   * processes driving one store: each applies and acts for its own families, and every process's
   * outbox worker takes whatever work is due, whoever's case it is.
   */
  shard?: { index: number; count: number };
  /**
   * Run in this clock's time (the wall clock), waiting between rounds instead of jumping ahead: what
   * several processes sharing one store need, since their outbox leases must mean the same time to
   * all. The post's days are then compressed by `emsCompress`. Simulated time unless given.
   */
  realClock?: Clock;
  emsCompress?: number;
  /** Outbox batches sent at once (OutboxWorker.drain); one unless given, which keeps a seeded run's order. */
  outboxLanes?: number;
}

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

/** What a run keeps in the store after every round, so a killed run resumes where it stopped. */
interface RunState {
  clock: string;
  nextArrival: number;
  counts: { accepted: number; refused: number; supplemented: number };
  refusedBy: Record<string, number>;
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
  const shard = o.shard ?? { index: 0, count: 1 };
  if (shard.count > 1 && !o.realClock)
    throw new Error('shards share one store only in real time (realClock)');
  const run = `${o.region}:${o.seed}:${o.cases}:${o.start.toISOString()}${shard.count > 1 ? `:${shard.index}/${shard.count}` : ''}`;
  const saved = await loadRunState<RunState>(o.db, run);
  const simulated = fakeClock(saved ? new Date(saved.clock) : o.start);
  const clock: Clock = o.realClock ?? simulated;
  const random = seededRandom(`${o.seed}:driver:${saved?.clock ?? ''}`);
  const shared = simulatedRegistries();
  const queue = <T>(name: string) =>
    o.simulatorQueues === 'memory' ? memoryQueue<T>() : storedQueue<T>(o.db, `${run}/${name}`);
  const departments = simulateAllDepartments(
    { ...o.departments, seed: o.seed, now: () => clock.now() },
    (d) => queue(d),
  );
  const ems = simulateEms({ queue: queue('ems'), compress: o.emsCompress });
  const payments = simulatePayments({ notify: (n) => engine.payments.record(n), queue: queue('payments') });
  // Case numbers come from the family, so a resumed run gives each the number it had.
  const caseIds = new Map<string, string>();
  const engine = createEngine({
    receiptKey: 'simulation',
    chain: o.chain ?? devChainKeys(),
    blobs: o.blobs ?? fsBlobStore(mkdtempSync(join(tmpdir(), 'onething-sim-blobs-'))),
    publicBaseUrl: () => 'https://onething.invalid',
    // Every department is simulated here.
    departmentModes: () => 'simulator',
    db: o.db,
    clock,
    calendar: await storedCalendar(o.db),
    shared,
    faces: simulatedFaceVerifier(async (id) => (await shared.person(id)) !== null),
    ems,
    payments,
    settings: { nameMaxLength: DEFAULT_NAME_MAX_LENGTH },
    newCaseId: (clientTxnId) => caseIds.get(clientTxnId)!,
  });
  const worker = new OutboxWorker({
    db: o.db,
    clock,
    workerId: `simulator-${shard.index}`,
    departments,
    sms: o.sms ?? smsMemory(),
    ems,
  });

  const all = generateFamilies(o.region, o.cases, { seed: o.seed, bornBy: o.start });
  for (const f of all) shared.load(f.situation);
  const families = all.filter((_, i) => i % shard.count === shard.index);
  // Each delivery record arrives with its family: the mothers are invited (once per baby, so a resumed run adds none).
  await engine.parent.deliveryRecordsArrived(
    families.filter((f) => f.situation.deliveryRecord).map((f) => f.situation.mother.idNumber),
  );
  // Applications arrive over the window (three days unless given), in an order fixed by the seed.
  const arrivalRandom = seededRandom(`${o.seed}:arrivals`);
  const arrivals = all
    .map((f, i) => ({
      f,
      i,
      at: o.start.getTime() + arrivalRandom.int(0, o.arrivalWindowMs ?? 3 * 86_400_000),
    }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .filter((a) => a.i % shard.count === shard.index)
    .slice(saved?.nextArrival ?? 0);
  const state: RunState = saved ?? {
    clock: o.start.toISOString(),
    nextArrival: 0,
    counts: { accepted: 0, refused: 0, supplemented: 0 },
    refusedBy: {},
  };
  // When each waiting family acts: by default between two hours and two days after it is asked.
  const familyDelay = o.familyDelayMs ?? { min: 2 * 3600_000, max: 48 * 3600_000 };
  const concurrency = o.concurrency ?? 1;
  const familyActs = new Map<string, number>();
  const prefix = `${o.region.toUpperCase().slice(0, 2)}${String(o.seed).replace(/\W/g, '')}`;
  const ours = (caseId: string) =>
    (Number(caseId.slice(prefix.length + 1)) - 1) % shard.count === shard.index;

  for (let round = 0; round < 200_000; round++) {
    const now = clock.now().getTime();
    const arrived: typeof arrivals = [];
    while (arrivals.length && arrivals[0]!.at <= now) arrived.push(arrivals.shift()!);
    await pMap(
      arrived,
      async ({ f, i }) => {
        const clientTxnId = `sim-${o.seed}-${i}`;
        caseIds.set(clientTxnId, `${prefix}-${String(i + 1).padStart(6, '0')}`);
        // Killed after this family's case was stored but before the run saved its progress: the case
        // stands (applying again would be refused as a second case for the baby), only its count was lost.
        if (await findCaseIdByClientTxn(o.db, f.applicant.idNumber, clientTxnId)) {
          state.counts.accepted++;
          return;
        }
        // Where the region asks for it, the father confirms first (with a face photo) in his login.
        if (POLICIES[o.region].applicants.fatherConfirms && f.situation.father && f.situation.marriage) {
          await engine.parent.confirmFather(f.situation.father.idNumber, FACE_PHOTO);
        }
        const input = await completeApplication(engine, o.region, {
          applicant: f.applicant,
          motherIdNumber: f.applicant.idNumber,
          baby: f.baby,
          choices: f.choices,
        });
        const r = await engine.parent.submit(o.region, clientTxnId, input);
        if (r.accepted && !r.duplicate) state.counts.accepted++;
        if (!r.accepted) {
          state.counts.refused++;
          for (const f of r.evaluation.findings) {
            if (f.outcome === 'failed' && f.effect === 'refuse' && f.scope === 'case')
              state.refusedBy[f.ruleId] = (state.refusedBy[f.ruleId] ?? 0) + 1;
          }
        }
      },
      { concurrency },
    );
    state.nextArrival += arrived.length;
    await worker.drain(1000, o.outboxLanes);
    const delivered = await deliverSimulated(engine, Object.values(departments), ems, clock.now());
    state.counts.supplemented += delivered.filter(
      (d) => d.decision.outcome === 'supplement' && d.result.ok,
    ).length;

    const waiting = (await itemsAwaitingFamily(o.db, o.region)).filter((w) => ours(w.caseId));
    const keys = new Set(waiting.map((w) => `${w.caseId}:${w.item}`));
    for (const key of familyActs.keys()) if (!keys.has(key)) familyActs.delete(key);
    const acting = waiting.filter((w) => {
      const key = `${w.caseId}:${w.item}`;
      if (!familyActs.has(key)) familyActs.set(key, now + random.int(familyDelay.min, familyDelay.max));
      return familyActs.get(key)! <= now;
    });
    await pMap(
      acting,
      async (w) => {
        const c = await getCase(o.db, w.caseId);
        await actOnItem(engine, payments, c, c.items[w.item]!, clock.now());
        familyActs.delete(`${w.caseId}:${w.item}`);
      },
      { concurrency },
    );
    await worker.drain(1000, o.outboxLanes);
    await engine.sweeper.sweepOverdue();
    state.clock = clock.now().toISOString();
    await saveRunState(o.db, run, state, clock.now());
    o.onProgress?.((await settledCaseCount(o.db)) + state.counts.refused, o.cases);

    const next = [
      arrivals[0]?.at,
      ...familyActs.values(),
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

  return { end: clock.now(), state, departments, parcels: ems.booked, resumed: saved !== null };
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
