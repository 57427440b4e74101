import { afterEach, describe, expect, it } from 'vitest';
import type { YearArrangement } from '../../src/calendar/official-calendar.ts';
import type { Decision } from '../../src/domain/case-commands.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import type { ItemId } from '../../src/domain/ids.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { calendarStatus, loadArrangements, storedCalendar } from '../../src/engine/operator/calendar.ts';
import { verifyStore } from '../../src/engine/verify.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { loadEvents } from '../../src/store/case-store.ts';
import type { Db } from '../../src/store/db.ts';
import { buildApp } from '../../src/http/app.ts';
import { sign } from '../../src/http/gateway-signature.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';
import { devChainKeys } from '../../src/store/event-chain.ts';

/**
 * Deadlines across 1 January 2027, when the State Council had not yet published 2027's holiday
 * arrangement: counted on the provisional calendar and marked so, then counted again when the
 * arrangement is loaded, with the change in the case's history.
 */

/** A made-up 2027 notice for the test: New Year's Day runs to Monday 4 January. */
const NOTICE_2027: YearArrangement = {
  year: 2027,
  source: '测试用通知（非真实）',
  holidays: [
    { name: '元旦', dates: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'] },
    { name: '春节', dates: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'] },
  ],
  workdays: [{ name: '春节', date: '2027-02-20' }],
};

const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

/** The Gansu sample family, its baby born three days before, applying at `at` on the store's calendar. */
async function gansuFamily(kind: 'pglite' | 'postgres', at: string) {
  const db = await freshDb(kind);
  open.push(db);
  const clock = fakeClock(new Date(at));
  const shared = simulatedRegistries();
  const f = structuredClone(sampleSituation('gansu-lanzhou'));
  f.baby.bornAt = new Date(new Date(at).getTime() - 3 * 86_400_000).toISOString();
  shared.load(f);
  const engine = testEngine({
    db,
    clock,
    shared,
    calendar: await storedCalendar(db),
    newCaseId: () => 'G-1',
  });
  const input = await completeApplication(engine, 'gansu-lanzhou', {
    applicant: { role: 'mother', idNumber: f.mother.idNumber },
    motherIdNumber: f.mother.idNumber,
    baby: { surname: '王', givenName: '一诺' },
    choices: { followParent: 'father' },
  });
  return { db, clock, engine, input, mother: f.mother.idNumber };
}

function decision(
  item: ItemId,
  department: Decision['department'],
  outcome: Decision['outcome'],
  extra = {},
) {
  return { txnId: `G-1-${item}-${outcome}`, caseId: 'G-1', item, department, outcome, ...extra } as Decision;
}

for (const kind of DB_KINDS) {
  describe(`deadlines across 1 January 2027 on ${kind}`, () => {
    it('a case submitted on 2026-12-20 in Gansu shows provisional deadlines in 2027 instead of "not covered"; loading the official 2027 arrangement counts them again and records it', async () => {
      const { db, clock, engine, input, mother } = await gansuFamily(kind, '2026-12-20T10:00:00+08:00');

      // The 71-working-day legal limit: 9 working days left in 2026, then 20 in January (1 January
      // off), 18 in February (5 and 8 February off), 23 in March, and Thursday 1 April.
      const submitted = await engine.parent.submit('gansu-lanzhou', 'txn-1', input);
      expect(submitted).toMatchObject({ accepted: true, caseId: 'G-1' });
      const legal = submitted.evaluation!.deadlines.legal!;
      expect(legal).toMatchObject({ status: 'scheduled', provisional: true });
      expect(legal.status === 'scheduled' && legal.local).toBe('2027-04-01 24:00');
      expect(submitted.evaluation!.deadlines.promised).not.toHaveProperty('provisional'); // 23 December

      // The hospital issues the certificate on the last day of 2026; the registration starts then.
      // One working day after Thursday 31 December: Friday is New Year's Day, then the weekend.
      clock.set(new Date('2026-12-31T10:00:00+08:00'));
      await engine.department.decide(decision('birth-certificate', 'midwifery-institution', 'done'));
      const state = await engine.parent.myCase('G-1', mother);
      expect(state.items['hukou-registration']).toMatchObject({
        status: 'dispatched',
        deadline: new Date('2027-01-04T24:00:00+08:00').toISOString(),
        deadlineProvisional: true,
      });
      expect(state.items['birth-certificate']).toMatchObject({ deadlineProvisional: false });
      expect(state.promisedDeadlineProvisional).toBe(false);

      const provisional = new Date('2027-01-04T24:00:00+08:00').toISOString();
      const listed = (await engine.parent.myCases(mother))[0]!;
      expect(listed.items.find((i) => i.item === 'hukou-registration')).toMatchObject({
        deadline: provisional,
        deadlineProvisional: true,
      });

      // The State Council publishes 2027: Monday 4 January is a holiday too. Counted again from the
      // dispatch on 31 December, the working day is Tuesday 5 January. (Pauses: deadline-recount.test.ts.)
      clock.set(new Date('2027-01-03T09:00:00+08:00'));
      const report = await loadArrangements({ db, clock, chain: devChainKeys() }, NOTICE_2027);
      expect(report).toMatchObject({
        years: [{ year: 2027, source: NOTICE_2027.source }],
        casesRecounted: 1,
        deadlinesChanged: 1,
        notRecounted: [],
      });
      const official = new Date('2027-01-05T24:00:00+08:00').toISOString();
      const recounted = (await loadEvents(db, 'G-1'))
        .map((e) => e.event)
        .filter((e) => e.type === 'deadline-recomputed');
      expect(recounted).toEqual([
        {
          type: 'deadline-recomputed',
          at: '2027-01-03T01:00:00.000Z',
          item: 'hukou-registration',
          years: [2027],
          source: NOTICE_2027.source,
          deadline: { from: provisional, to: official },
        },
      ]);

      // What the parent reads: the new deadline, no longer provisional, the step in the timeline and a notice.
      const calendar = await storedCalendar(db);
      expect(calendar.isProvisional(2027)).toBe(false);
      const after = await testEngine({
        db,
        clock,
        shared: simulatedRegistries(),
        calendar,
        newCaseId: () => 'x',
      }).parent.myCase('G-1', mother);
      const hukou = after.items['hukou-registration']!;
      expect(hukou).toMatchObject({ status: 'dispatched', deadline: official, deadlineProvisional: false });
      expect(hukou.timeline.at(-1)).toMatchObject({
        type: 'deadline-recomputed',
        recomputed: { source: NOTICE_2027.source, deadline: { from: provisional, to: official } },
      });
      const notices = await db.query<{ template: string; body: { text: { zh: string; en: string } } }>(
        `select template, body from notifications where case_id = 'G-1' and template = 'deadline-recomputed'`,
      );
      expect(notices).toHaveLength(1);
      expect(notices[0]!.body.text.zh).toContain(NOTICE_2027.source);
      expect(notices[0]!.body.text.en).toContain('2027 holiday arrangement');
      const [item] = await db.query<{ deadline: Date }>(
        `select deadline from case_items where case_id = 'G-1' and item = 'hukou-registration'`,
      );
      expect(new Date(item!.deadline).toISOString()).toBe(official);
      const verified = await verifyStore(db, { now: clock.now() });
      // The hash chain and the projections hold; nothing here runs the outbox, so its messages wait.
      expect(verified.problems.filter((p) => !/outbox messages are still pending/.test(p))).toEqual([]);

      // The store keeps the arrangement: the status says 2027 is official, and a second load changes nothing.
      const status = await calendarStatus(db);
      expect(status.official).toContainEqual({ year: 2027, source: NOTICE_2027.source });
      expect(status.provisional).toEqual([2028, 2029]);
      expect(status.loaded).toEqual([
        { year: 2027, source: NOTICE_2027.source, loadedAt: '2027-01-03T01:00:00.000Z' },
      ]);
      expect(await loadArrangements({ db, clock, chain: devChainKeys() }, NOTICE_2027)).toMatchObject({
        deadlinesChanged: 0,
      });
    });

    it('the citizen API and the department gateway carry the provisional flag beside each deadline', async () => {
      const { clock, engine, input, mother } = await gansuFamily(kind, '2026-12-20T10:00:00+08:00');
      await engine.parent.submit('gansu-lanzhou', 'txn-1', input);
      clock.set(new Date('2026-12-31T10:00:00+08:00'));
      await engine.department.decide(decision('birth-certificate', 'midwifery-institution', 'done'));
      const app = await buildApp({
        engine,
        clock,
        identity: identityProvider({ production: false }),
        gatewayKeys: { police: 'k-police' },
        dev: { registries: simulatedRegistries(), payments: engine.cashier },
        paymentKeys: {},
        settings: { nameMaxLength: 20 },
        production: false,
      });
      try {
        const c = await app.inject({
          method: 'GET',
          url: '/api/citizen/cases/G-1',
          headers: { authorization: `Bearer dev:${mother}` },
        });
        expect(c.statusCode).toBe(200);
        expect(c.json().items['hukou-registration']).toMatchObject({
          deadline: new Date('2027-01-04T24:00:00+08:00').toISOString(),
          deadlineProvisional: true,
        });
        expect(c.json()).toMatchObject({ promisedDeadlineProvisional: false });
        const at = String(clock.now().getTime());
        const tasks = await app.inject({
          method: 'GET',
          url: '/api/gateway/tasks',
          headers: {
            'x-department': 'police',
            'x-timestamp': at,
            'x-nonce': 'calendar-test-nonce-1',
            'x-signature': sign('k-police', 'GET', '/api/gateway/tasks', at, 'calendar-test-nonce-1', ''),
          },
        });
        expect(tasks.statusCode, tasks.body).toBe(200);
        expect(tasks.json()).toEqual([
          expect.objectContaining({
            deadline: new Date('2027-01-04T24:00:00+08:00').toISOString(),
            deadlineProvisional: true,
          }),
        ]);
      } finally {
        await app.close();
      }
    });

    it('an item dispatched in 2027 after the load counts with the official arrangement from the start', async () => {
      const { db, clock, input, mother } = await gansuFamily(kind, '2026-12-20T10:00:00+08:00');
      await loadArrangements({ db, clock, chain: devChainKeys() }, NOTICE_2027);
      // A server started after the load builds its calendar from the store.
      const engine = testEngine({
        db,
        clock,
        shared: (() => {
          const s = simulatedRegistries();
          const f = structuredClone(sampleSituation('gansu-lanzhou'));
          f.baby.bornAt = new Date(
            new Date('2026-12-20T10:00:00+08:00').getTime() - 3 * 86_400_000,
          ).toISOString();
          s.load(f);
          return s;
        })(),
        calendar: await storedCalendar(db),
        newCaseId: () => 'G-1',
      });
      await engine.parent.submit('gansu-lanzhou', 'txn-1', input);
      clock.set(new Date('2026-12-31T10:00:00+08:00'));
      await engine.department.decide(decision('birth-certificate', 'midwifery-institution', 'done'));
      expect((await engine.parent.myCase('G-1', mother)).items['hukou-registration']).toMatchObject({
        deadline: new Date('2027-01-05T24:00:00+08:00').toISOString(),
        deadlineProvisional: false,
      });
    });
  });
}
