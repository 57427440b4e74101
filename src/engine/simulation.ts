import { officialCalendar } from '../calendar/official-calendar.ts';
import type { Decision } from '../domain/case-commands.ts';
import { fakeClock } from '../domain/clock.ts';
import type { DepartmentId, ItemId, ParentRole, RegionId } from '../domain/ids.ts';
import { seededRandom } from '../domain/random.ts';
import { simulateAllDepartments } from '../departments/index.ts';
import { simulateEms } from '../departments/ems.ts';
import type { SimulatorOptions } from '../departments/port.ts';
import { POLICIES } from '../policies/index.ts';
import { generateFamilies } from '../registries/population.ts';
import { simulatedFaceVerifier } from '../registries/face-verification.ts';
import { simulatedRegistries } from '../registries/simulated-registries.ts';
import type { Db } from '../store/db.ts';
import { getCase } from '../store/case-store.ts';
import { regionOutcomes, settledCaseCount } from '../store/report-store.ts';
import { createEngine, type Engine } from './index.ts';
import type { ApplicationInput } from './gather-facts.ts';
import { OutboxWorker } from './outbox-worker.ts';
import { smsMemory } from './sms-log.ts';
import { verifyStore, type VerifyReport } from './verify.ts';

const TICK_MS = 5 * 60_000;
/** A 1×1 PNG standing in for a face photo: the simulated verifier checks its form, not a face. */
const FACE_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * What a parent does after the pre-review lists what is missing: upload each material (a scan,
 * here the same small image), verify faces, give a phone and a mailing address in the region.
 */
export async function completeApplication(
  engine: Engine,
  region: RegionId,
  input: ApplicationInput,
): Promise<ApplicationInput> {
  const { missing, form } = await engine.parent.preview(region, input);
  if (!missing.length) return input;
  const done: ApplicationInput = { ...input, uploads: { ...input.uploads }, contact: { ...input.contact } };
  for (const { field } of missing) {
    const [kind, key] = field.split('.') as [string, string];
    if (kind === 'uploads')
      done.uploads![key] = (
        await engine.parent.upload(input.applicant.idNumber, key, 'image/png', FACE_PHOTO)
      ).uploadId;
    if (kind === 'faces')
      await engine.parent.verifyFace(input.applicant.idNumber, key as ParentRole, FACE_PHOTO);
    if (field === 'contact.phone')
      done.contact!.phone = `139${input.applicant.idNumber.slice(10, 18).replace(/X/i, '0')}`;
    if (field === 'contact.mailingAddress') {
      // The registering parent's hukou lies in the region, so it is a deliverable address there.
      done.contact!.mailingAddress = {
        divisionCode: form?.registering.hukouDivisionCode ?? POLICIES[region].divisions[0]!.padEnd(6, '0'),
        detail: '幸福路 1 号',
      };
    }
  }
  return done;
}

export interface SimulationOptions {
  region: RegionId;
  cases: number;
  seed: number | string;
  /** When the first application arrives; families are born in the 20 days before. */
  start: Date;
  db: Db;
  departments?: Partial<Omit<SimulatorOptions, 'seed' | 'now'>>;
  onProgress?: (settled: number, total: number) => void;
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
  departmentCalls: Record<string, { calls: number; tasks: number; faults: number }>;
  /** EMS parcels booked (results mailed to families, and families' documents mailed to departments). */
  parcels: number;
  simulatedDays: number;
  verify: VerifyReport;
}

/**
 * Run synthetic families through the whole service in simulated time: submission, pre-review,
 * dispatch through the outbox to the department simulators, their decisions back through the
 * engine, supplements answered by the parents, overdue sweeps; then verify the store.
 */
export async function runSimulation(o: SimulationOptions): Promise<SimulationSummary> {
  const clock = fakeClock(o.start);
  const calendar = officialCalendar();
  const random = seededRandom(`${o.seed}:driver`);
  const shared = simulatedRegistries();
  const departments = simulateAllDepartments({ ...o.departments, seed: o.seed, now: () => clock.now() });
  let caseNo = 0;
  const engine = createEngine({
    receiptKey: 'simulation',
    db: o.db,
    clock,
    calendar,
    shared,
    faces: simulatedFaceVerifier(async (id) => (await shared.person(id)) !== null),
    newCaseId: () =>
      `${o.region.toUpperCase().slice(0, 2)}${String(o.seed).replace(/\W/g, '')}-${String(++caseNo).padStart(6, '0')}`,
  });
  const ems = simulateEms();
  const worker = new OutboxWorker({
    db: o.db,
    clock,
    workerId: 'simulator',
    departments,
    sms: smsMemory(),
    ems,
  });

  const families = generateFamilies(o.region, o.cases, { seed: o.seed, bornBy: o.start });
  for (const f of families) shared.load(f.situation);
  // Applications arrive over the first three days.
  const arrivals = families
    .map((f, i) => ({ f, i, at: o.start.getTime() + random.int(0, 3 * 86_400_000) }))
    .sort((a, b) => a.at - b.at);
  const answers: { at: number; caseId: string; item: ItemId; by: string }[] = [];
  const summaryCounts = { accepted: 0, refused: 0, supplemented: 0 };
  const refusedBy: Record<string, number> = {};
  const openCases = new Set<string>();

  for (let round = 0; round < 200_000; round++) {
    const now = clock.now().getTime();
    while (arrivals.length && arrivals[0]!.at <= now) {
      const { f, i } = arrivals.shift()!;
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
      const r = await engine.parent.submit(o.region, `sim-${o.seed}-${i}`, input);
      if (r.accepted) {
        summaryCounts.accepted++;
        openCases.add(r.caseId);
      } else {
        summaryCounts.refused++;
        for (const finding of r.evaluation.findings.filter(
          (x) => x.outcome === 'failed' && x.effect === 'refuse' && x.scope === 'case',
        )) {
          refusedBy[finding.ruleId] = (refusedBy[finding.ruleId] ?? 0) + 1;
        }
      }
    }
    await worker.drain();

    const due: Decision[] = Object.values(departments).flatMap((d) => d.due(clock.now()));
    for (let k = 0; k < due.length; k += 200) {
      const batch = due.slice(k, k + 200);
      const results = await engine.department.decideMany(batch);
      batch.forEach((d, j) => {
        if (d.outcome === 'supplement' && results[j]!.ok) {
          summaryCounts.supplemented++;
          // The parent answers between two hours and two days later.
          answers.push({
            at: clock.now().getTime() + random.int(2 * 3600_000, 48 * 3600_000),
            caseId: d.caseId,
            item: d.item,
            by: '',
          });
        }
      });
    }
    await engine.post.track(ems.due(clock.now()));
    answers.sort((a, b) => a.at - b.at);
    while (answers.length && answers[0]!.at <= clock.now().getTime()) {
      const a = answers.shift()!;
      const state = await getCase(o.db, a.caseId);
      await engine.parent.answerSupplement(
        a.caseId,
        a.item,
        state.applicant.idNumber,
        '已补充上传 / uploaded',
      );
    }
    await worker.drain();
    await engine.sweeper.sweepOverdue();

    if (o.onProgress) {
      o.onProgress((await settledCaseCount(o.db)) + summaryCounts.refused, o.cases);
    }

    const next = [
      arrivals[0]?.at,
      answers[0]?.at,
      ...Object.values(departments).map((d) => d.nextDueAt()?.getTime()),
      ems.nextDueAt()?.getTime(),
      (await worker.nextAvailableAt())?.getTime(),
    ].filter((t): t is number => t !== undefined);
    if (!next.length) break;
    // Wake at the next thing due, in steps of at least five minutes: what falls due inside a
    // step is handled at its end, a delay far below any time limit.
    clock.set(new Date(Math.max(clock.now().getTime() + TICK_MS, Math.min(...next))));
  }

  return { ...(await summarize(o, clock.now(), summaryCounts, refusedBy, departments)), parcels: ems.booked };
}

async function summarize(
  o: SimulationOptions,
  end: Date,
  counts: { accepted: number; refused: number; supplemented: number },
  refusedBy: Record<string, number>,
  departments: Record<DepartmentId, { stats: { calls: number; tasks: number; faults: number } }>,
): Promise<Omit<SimulationSummary, 'parcels'>> {
  const { caseStatus, itemStatus, sla, medians } = await regionOutcomes(o.db, o.region);
  const n = (rows: { status: string; n: number }[], s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return {
    region: o.region,
    submitted: o.cases,
    accepted: counts.accepted,
    refused: counts.refused,
    refusedBy,
    casesCompleted: n(caseStatus, 'completed'),
    casesPartly: n(caseStatus, 'partly-completed'),
    items: {
      done: n(itemStatus, 'done'),
      rejected: n(itemStatus, 'rejected'),
      cancelled: n(itemStatus, 'cancelled'),
      open: n(itemStatus, 'waiting') + n(itemStatus, 'dispatched') + n(itemStatus, 'supplement-requested'),
    },
    supplemented: counts.supplemented,
    slaCompliance: {
      withDeadline: sla.total,
      onTime: sla.on_time,
      share: sla.total ? Math.round((sla.on_time / sla.total) * 1000) / 1000 : null,
    },
    overdueItems: sla.overdue,
    medianHoursByItem: Object.fromEntries(medians.map((m) => [m.item, m.hours])),
    departmentCalls: Object.fromEntries(Object.entries(departments).map(([k, v]) => [k, { ...v.stats }])),
    simulatedDays: Math.round(((end.getTime() - o.start.getTime()) / 86_400_000) * 10) / 10,
    verify: await verifyStore(o.db),
  };
}
