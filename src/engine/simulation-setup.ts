import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlobStore } from '../blobs/port.ts';
import { fsBlobStore } from '../blobs/fs-blob-store.ts';
import { fakeClock, type Clock } from '../domain/clock.ts';
import type { ItemId, RegionId } from '../domain/ids.ts';
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
import { findCaseIdByClientTxn } from '../store/case-lookup-store.ts';
import { getCase, itemsAwaitingFamily } from '../store/case-store.ts';
import type { Db } from '../store/db.ts';
import { devChainKeys, type ChainKeys } from '../store/event-chain.ts';
import { loadRunState, storedQueue } from '../store/simulator-store.ts';
import { createEngine } from './index.ts';
import { OutboxWorker, type SmsPort } from './outbox-worker.ts';
import { actOnItem, completeApplication, FACE_PHOTO } from './simulated-family.ts';
import { smsMemory } from './sms-log.ts';
import { storedCalendar } from './operator/calendar.ts';

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
  /**
   * Drive the parties side by side, as a server runs (simulation-live.ts): the applications, the outbox,
   * the departments, the families and the sweeper each in their own loop, instead of in rounds that
   * wait for each other. Needs `realClock`; a live run does not save its progress to resume.
   */
  live?: boolean;
}

/** What a run keeps in the store after every round, so a killed run resumes where it stopped. */
export interface RunState {
  clock: string;
  nextArrival: number;
  counts: { accepted: number; refused: number; supplemented: number };
  refusedBy: Record<string, number>;
}

/**
 * What both drivers share (simulation.ts's rounds, simulation-live.ts's loops): the engine with its
 * outbox worker and simulated departments, the families and when each applies, and what a family does.
 */
export async function setUpSimulation(o: SimulationOptions) {
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
  type Arrival = (typeof arrivals)[number];
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

  /** One family applies (its father confirming first where the region asks) and the outcome is counted. */
  const apply = async ({ f, i }: Arrival) => {
    const clientTxnId = `sim-${o.seed}-${i}`;
    caseIds.set(clientTxnId, `${prefix}-${String(i + 1).padStart(6, '0')}`);
    // Killed after this family's case was stored but before the run saved its progress: the case
    // stands (applying again would be refused as a second case for the baby), only its count was lost.
    // A live run does not resume, so it need not look.
    if (!o.live && (await findCaseIdByClientTxn(o.db, f.applicant.idNumber, clientTxnId))) {
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
  };

  /**
   * Of this process's families' items that wait for them, those whose family acts now: each family acts
   * a random delay after it is first seen waiting (forgotten once the item no longer waits).
   */
  const actingNow = async (now: number) => {
    const waiting = (await itemsAwaitingFamily(o.db, o.region)).filter((w) => ours(w.caseId));
    const keys = new Set(waiting.map((w) => `${w.caseId}:${w.item}`));
    for (const key of familyActs.keys()) if (!keys.has(key)) familyActs.delete(key);
    const acting = waiting.filter((w) => {
      const key = `${w.caseId}:${w.item}`;
      if (!familyActs.has(key)) familyActs.set(key, now + random.int(familyDelay.min, familyDelay.max));
      return familyActs.get(key)! <= now;
    });
    return acting;
  };
  const act = async (w: { caseId: string; item: ItemId }) => {
    const c = await getCase(o.db, w.caseId);
    await actOnItem(engine, payments, c, c.items[w.item]!, clock.now());
    familyActs.delete(`${w.caseId}:${w.item}`);
  };

  return {
    o,
    shard,
    run,
    saved,
    clock,
    simulated,
    engine,
    worker,
    departments,
    ems,
    arrivals,
    state,
    concurrency,
    familyActs,
    apply,
    actingNow,
    act,
  };
}

export type SimulationSetup = Awaited<ReturnType<typeof setUpSimulation>>;
