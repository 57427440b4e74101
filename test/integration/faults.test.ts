import { afterEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/domain/case-commands.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import type { RegionId } from '../../src/domain/ids.ts';
import { seededRandom } from '../../src/domain/random.ts';
import { simulateAllDepartments } from '../../src/departments/index.ts';
import type { SimulatedDepartment } from '../../src/departments/port.ts';
import type { DecisionResult } from '../../src/engine/department/decide.ts';
import { OutboxWorker } from '../../src/engine/outbox-worker.ts';
import { actOnItem, completeApplication, FACE_PHOTO } from '../../src/engine/simulated-family.ts';
import { smsMemory } from '../../src/engine/sms-log.ts';
import { verifyStore } from '../../src/engine/verify.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { generateFamilies } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { getCase, itemsAwaitingFamily } from '../../src/store/case-store.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb, type DbKind } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';
import { faultyDepartments, type CallRecord } from '../support/faulty-departments.ts';

/**
 * Departments that fail as real ones do, on both stores. Tasks go out through the outbox worker and
 * the production HTTP client to department systems that refuse, drop, and time out after doing the
 * work; decisions come back through the gateway's use case (decideMany) duplicated, reordered,
 * redelivered after a lost acknowledgement, and followed by stale ones. Every case must still end,
 * each department task must be created once however often it is sent, and verify must be clean.
 */
const open: (Db | { close(): Promise<void> })[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

interface Delivery {
  decision: Decision;
  result: DecisionResult;
  /** Why this delivery was made: the department's decision, a repeat of one, or a stale one. */
  as: 'first' | 'repeat' | 'stale';
}

async function faultyWorld(
  kind: DbKind,
  region: RegionId,
  families: number,
  seed: string,
  /** Families whose father's hukou is in another province (the item goes to the cross-province platform). */
  fromElsewhere?: string,
) {
  const db = await freshDb(kind);
  open.push(db);
  const start = new Date('2026-03-02T09:00:00+08:00');
  const clock = fakeClock(start);
  const shared = simulatedRegistries();
  let caseId = '';
  const engine = testEngine({
    db,
    clock,
    shared,
    newCaseId: () => caseId,
    departmentModes: () => 'simulator',
  });
  const sims = simulateAllDepartments({ seed, now: () => clock.now(), transientFaultRate: 0.1 });
  const depts = await faultyDepartments(sims, seed);
  open.push(depts);
  const worker = new OutboxWorker({
    db,
    clock,
    workerId: 'faults',
    departments: depts.ports,
    sms: smsMemory(),
    ems: engine.post.ems,
  });
  const channel = seededRandom(`${seed}:callbacks`);
  const deliveries: Delivery[] = [];
  const firstSeen = new Set<string>();
  const deliver = async (batch: Decision[], stale = false) => {
    if (!batch.length) return;
    const results = await engine.department.decideMany(batch);
    batch.forEach((decision, i) => {
      const key = `${decision.department}:${decision.txnId}`;
      const as = stale ? 'stale' : firstSeen.has(key) ? 'repeat' : 'first';
      firstSeen.add(key);
      deliveries.push({ decision, result: results[i]!, as });
    });
  };
  let late: Decision[] = [];
  // A platform's acceptance ('accepted') held in the network until after its final decision.
  let held: Decision[] = [];

  // The department side of the callbacks: what falls due goes back to the platform, badly.
  const callBack = async (sim: SimulatedDepartment) => {
    const due = await sim.due(clock.now());
    if (!due.length) return;
    const holds = (d: Decision) => d.outcome === 'accepted' && !firstSeen.has(`${d.department}:${d.txnId}`);
    held.push(...due.filter((d) => holds(d) && !held.some((h) => h.txnId === d.txnId)));
    // Duplicates inside one batch, and the batch in reverse.
    const batch = [...due, ...due.filter(() => channel.chance(0.3))].filter((d) => !holds(d)).reverse();
    await deliver(batch);
    const decided = new Set(batch.map((d) => `${d.caseId}:${d.item}`));
    await deliver(held.filter((d) => decided.has(`${d.caseId}:${d.item}`)));
    held = held.filter((d) => !decided.has(`${d.caseId}:${d.item}`));
    // A lost acknowledgement: the department sends those again next time.
    await sim.ack(due.filter(() => !channel.chance(0.3)));
    // A department that changed its mind too late: a supplement request after its final decision.
    for (const d of due) {
      if (d.outcome === 'done' && channel.chance(0.3))
        late.push({
          ...d,
          txnId: `${d.txnId}:late`,
          outcome: 'supplement',
          material: 'community-address',
          message: { zh: '请补充地址', en: 'please add the address' },
        });
    }
  };

  const generated = generateFamilies(region, families, { seed, bornBy: start, refusedShare: 0 });
  if (fromElsewhere)
    for (const f of generated.slice(0, 2)) f.situation.father!.hukou!.divisionCode = fromElsewhere;
  for (const f of generated) shared.load(f.situation);
  for (const [i, f] of generated.entries()) {
    if (POLICIES[region].applicants.fatherConfirms && f.situation.father && f.situation.marriage)
      await engine.parent.confirmFather(f.situation.father.idNumber, FACE_PHOTO);
    const input = await completeApplication(engine, region, {
      applicant: f.applicant,
      motherIdNumber: f.applicant.idNumber,
      baby: f.baby,
      choices: f.choices,
    });
    caseId = `F-${i + 1}`;
    const r = await engine.parent.submit(region, `faults-${i}`, input);
    expect(r.accepted, JSON.stringify(r)).toBe(true);
  }

  let rounds = 0;
  for (; rounds < 5000; rounds++) {
    await worker.drain();
    if (late.length) {
      await deliver(late, true);
      late = [];
    }
    for (const sim of Object.values(sims)) await callBack(sim);
    const parcels = await engine.post.ems.due(clock.now());
    if (parcels.length) {
      await engine.post.track([...parcels, ...parcels.slice(0, 1)]);
      await engine.post.ems.ack(parcels);
    }
    for (const w of await itemsAwaitingFamily(db, region)) {
      const c = await getCase(db, w.caseId);
      await actOnItem(engine, engine.cashier, c, c.items[w.item]!, clock.now());
    }
    await worker.drain();
    await engine.sweeper.sweepOverdue();
    const next = [
      ...(await Promise.all(Object.values(sims).map((s) => s.nextDueAt()))),
      await engine.post.ems.nextDueAt(),
      await worker.nextAvailableAt(),
    ]
      .filter((d): d is Date => d !== null)
      .map((d) => d.getTime());
    if (!next.length && !late.length && !held.length) break;
    clock.set(new Date(Math.max(clock.now().getTime() + 5 * 60_000, Math.min(...next, Infinity))));
  }
  return { db, engine, clock, calls: depts.calls, deliveries, rounds, deliver };
}

const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

for (const kind of DB_KINDS) {
  describe(`department faults on ${kind}`, () => {
    // Anhui's first two fathers are from Jiangsu: their hukou goes through the Delta platform.
    for (const [region, n, elsewhere] of [
      ['anhui', 6, '320102'],
      ['fujian', 6, undefined],
    ] as const) {
      it(`${region}: every case ends, every task is created once however often it is sent, and verify is clean`, async () => {
        const w = await faultyWorld(kind, region, n, `faults-${region}`, elsewhere);
        const { db, calls, deliveries } = w;
        expect(w.rounds).toBeLessThan(5000);

        // Converged: no item open, nothing left to send, nothing given up on.
        const items = await db.query<{ status: string; n: number }>(
          'select status, count(*)::int as n from case_items group by status',
        );
        expect(items.filter((r) => !['done', 'rejected', 'cancelled'].includes(r.status))).toEqual([]);
        const outbox = await db.query<{ kind: string; status: string; n: number }>(
          'select kind, status, count(*)::int as n from outbox group by kind, status',
        );
        expect(outbox.filter((r) => r.status !== 'done')).toEqual([]);

        // The faults did happen, of every kind.
        const faults = countBy(
          calls.filter((c) => c.fault),
          (c) => c.fault!,
        );
        for (const f of ['busy', 'rate-limited', 'dropped', 'timed-out-after-work', 'simulator-fault'])
          expect(faults.get(f)?.length ?? 0, f).toBeGreaterThan(0);

        // Every dispatch was sent, and created exactly one task at its department: calls = tasks + faults.
        const dispatches = await db.query<{ idempotency_key: string; attempts: number }>(
          `select idempotency_key, attempts from outbox where kind = 'dispatch'`,
        );
        const byKey = countBy(calls, (c) => c.key);
        expect([...byKey.keys()].sort()).toEqual(dispatches.map((d) => d.idempotency_key).sort());
        for (const d of dispatches) {
          const mine: CallRecord[] = byKey.get(d.idempotency_key)!;
          const created = mine.reduce((t, c) => t + c.created, 0);
          expect(created, d.idempotency_key).toBe(1);
          // The last call succeeded and nothing was sent after it; every earlier one met a fault.
          expect(mine.at(-1)!.fault, d.idempotency_key).toBeNull();
          expect(mine.slice(0, -1).every((c) => c.fault !== null)).toBe(true);
          expect(mine.length).toBe(d.attempts);
        }
        const tasks = dispatches.length;
        const faulted = calls.filter((c) => c.fault).length;
        expect(calls.length).toBe(tasks + faulted);

        // Callbacks: a repeat is answered as before and changes nothing; a stale one is refused.
        const firsts = new Map(
          deliveries
            .filter((d) => d.as === 'first')
            .map((d) => [`${d.decision.department}:${d.decision.txnId}`, d]),
        );
        const repeats = deliveries.filter((d) => d.as === 'repeat');
        expect(repeats.length).toBeGreaterThan(0);
        for (const r of repeats) {
          const first = firsts.get(`${r.decision.department}:${r.decision.txnId}`)!;
          if (first.result.ok) expect(r.result).toEqual({ ...first.result, replayed: true });
          else expect(r.result).toEqual(first.result);
        }
        const stale = deliveries.filter((d) => d.as === 'stale');
        expect(stale.length).toBeGreaterThan(0);
        for (const s of stale) expect(s.result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
        // Every first delivery was taken, except a platform's acceptance that came after its decision.
        const refused = [...firsts.values()].filter((f) => !f.result.ok);
        for (const f of refused) expect(f.decision.outcome).toBe('accepted');
        if (elsewhere) expect(refused.length).toBeGreaterThan(0);

        // All of it again, in reverse: the store does not change by one event.
        const before = await db.query<{ n: number }>('select count(*)::int as n from case_events');
        await w.deliver(deliveries.map((d) => d.decision).reverse(), true);
        const after = await db.query<{ n: number }>('select count(*)::int as n from case_events');
        expect(after).toEqual(before);

        const report = await verifyStore(db, { now: w.clock.now() });
        expect(report).toMatchObject({ ok: true, problems: [] });
        expect(report.cases).toBe(n);
      }, 180_000);
    }
  });
}
