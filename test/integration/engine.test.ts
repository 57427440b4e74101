import { afterEach, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { fakeClock, type FakeClock } from '../../src/domain/clock.ts';
import type { Decision } from '../../src/domain/case-commands.ts';
import type { ItemId, RegionId } from '../../src/domain/ids.ts';
import { testEngine } from '../support/engine.ts';
import { POLICIES } from '../../src/policies/index.ts';
import type { ApplicationInput } from '../../src/engine/gather-facts.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { verifyStore } from '../../src/engine/verify.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { FamilySituationInput } from '../../src/registries/port.ts';
import { simulatedFaceVerifier } from '../../src/registries/face-verification.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { getCase, loadEvents } from '../../src/store/case-store.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb, POSTGRES_URL } from '../support/databases.ts';

const calendar = officialCalendar();
const PNG_1x1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

/** A family loaded into the registries, an engine on a fresh database and a clock we move. */
async function setup(
  kind: 'pglite' | 'postgres',
  region: RegionId,
  at: string,
  change?: (f: FamilySituationInput) => void,
  choices: ApplicationInput['choices'] = { followParent: 'father' },
) {
  const db = await freshDb(kind);
  open.push(db);
  const clock: FakeClock = fakeClock(new Date(at));
  const shared = simulatedRegistries();
  const f = structuredClone(sampleSituation(region));
  f.baby.bornAt = new Date(new Date(at).getTime() - 3 * 86_400_000).toISOString();
  change?.(f);
  shared.load(f);
  let n = 0;
  const engine = testEngine({
    db,
    clock,
    calendar,
    shared,
    faces: simulatedFaceVerifier(async (id) => (await shared.person(id)) !== null),
    newCaseId: () => `T-${++n}`,
  });
  // Where the region asks for it (Anhui), the father confirms with a face photo first.
  if (POLICIES[region].applicants.fatherConfirms && f.father && f.marriage)
    await engine.parent.confirmFather(f.father.idNumber, Buffer.from(PNG_1x1, 'base64'));
  // The parent adds what the pre-review asks for (uploads, phone, address, face checks).
  const input = await completeApplication(engine, region, {
    applicant: { role: 'mother', idNumber: f.mother.idNumber },
    motherIdNumber: f.mother.idNumber,
    baby: { surname: '李', givenName: '安然' },
    choices,
  });
  return { db, clock, engine, input, mother: f.mother.idNumber };
}

function decision(
  caseId: string,
  item: ItemId,
  department: Decision['department'],
  outcome: Decision['outcome'],
  extra: Partial<Decision> = {},
): Decision {
  return {
    txnId: `${caseId}-${item}-${outcome}-${extra.txnId ?? 1}`,
    caseId,
    item,
    department,
    outcome,
    ...extra,
  };
}

for (const kind of DB_KINDS) {
  describe(`case engine on ${kind}`, () => {
    it('a submission creates the case, dispatches the items that can start and notifies the parent; a repeat changes nothing', async () => {
      const { db, engine, input } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00');
      const first = await engine.parent.submit('fujian', 'txn-1', input);
      expect(first).toMatchObject({ accepted: true, caseId: 'T-1', duplicate: false });
      const state = await getCase(db, 'T-1');
      expect(
        Object.values(state.items)
          .filter((i) => i.status === 'dispatched')
          .map((i) => i.id)
          .sort(),
      ).toEqual(['birth-certificate', 'parenting-guidance', 'vaccination-certificate']);
      expect(state.items['hukou-registration']).toMatchObject({ status: 'waiting', holder: null });
      // 24 working hours from Tuesday 10:00.
      expect(state.items['birth-certificate']!.deadline).toBe(
        new Date('2026-09-30T10:00:00+08:00').toISOString(),
      );

      const outbox = await db.query<{ topic: string; payload: { fields: Record<string, unknown> } }>(
        `select topic, payload from outbox where kind = 'dispatch'`,
      );
      expect(outbox.map((o) => o.topic)).toEqual([
        'midwifery-institution',
        'midwifery-institution',
        'midwifery-institution',
      ]);
      expect(Object.keys(outbox[0]!.payload.fields).sort()).toEqual([
        'baby',
        'delivery',
        'father',
        'marriage',
        'mother',
        'recipient',
      ]);
      expect((await db.query(`select template from notifications`)).map((r) => r.template)).toEqual([
        'case-accepted',
      ]);

      const again = await engine.parent.submit('fujian', 'txn-1', input);
      expect(again).toMatchObject({ accepted: true, caseId: 'T-1', duplicate: true });
      expect((await db.query('select count(*)::int as n from cases'))[0]).toEqual({ n: 1 });
    });

    it('a family the pre-review refuses gets the findings and no case', async () => {
      const { db, engine, input } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00', (f) => {
        f.marriage = null;
      });
      const r = await engine.parent.submit('fujian', 'txn-2', input);
      expect(r.accepted).toBe(false);
      if (!r.accepted)
        expect(r.evaluation.findings.find((f) => f.ruleId === 'marital-birth')?.outcome).toBe('failed');
      expect((await db.query('select count(*)::int as n from cases'))[0]).toEqual({ n: 0 });
    });

    it('one baby, one case: a second application, in any region, is refused with a link to the first', async () => {
      const { engine, input } = await setup(kind, 'zibo', '2026-09-29T10:00:00+08:00');
      const first = await engine.parent.submit('zibo', 'first', input);
      expect(first).toMatchObject({ accepted: true, caseId: 'T-1' });
      const second = { code: 'CONFLICT', details: { field: 'baby', existingCaseId: 'T-1' } };
      await expect(engine.parent.submit('zibo', 'second', input)).rejects.toMatchObject(second);
      await expect(engine.parent.preview('zibo', input)).rejects.toMatchObject(second);
      await expect(engine.parent.preview('fujian', input)).rejects.toMatchObject(second);
      await expect(engine.parent.submit('zibo', 'second', input)).rejects.toMatchObject({
        messages: { zh: expect.stringContaining('这名新生儿已有办件 T-1') },
      });
    });

    it('twins are two babies: each gets a case of its own, and neither a second', async () => {
      const { engine, input, db } = await setup(kind, 'zibo', '2026-09-29T10:00:00+08:00', (f) => {
        f.siblings = [
          {
            birthOrder: 2,
            sex: 'female',
            bornAt: new Date(new Date(f.baby.bornAt).getTime() + 9 * 60_000).toISOString(),
          },
        ];
      });
      const one = await engine.parent.submit('zibo', 'twin-1', input);
      const twoInput = await completeApplication(engine, 'zibo', {
        ...input,
        baby: { ...input.baby, givenName: '安宁', birthOrder: 2 },
      });
      const two = await engine.parent.submit('zibo', 'twin-2', twoInput);
      expect([one.accepted, two.accepted]).toEqual([true, true]);
      await expect(engine.parent.submit('zibo', 'twin-2-again', twoInput)).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(
        engine.parent.preview('zibo', { ...input, baby: { ...input.baby, birthOrder: 3 } }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'baby.birthOrder' } });
      const babies = await db.query<{ baby_key: string }>(
        `select state->>'babyKey' as baby_key from cases order by id`,
      );
      expect(babies.map((b) => b.baby_key.split('/')[2])).toEqual(['1', '2']);
    });

    it('done items unlock their dependents, with the deadline counted from then, across National Day; outputs flow downstream', async () => {
      const { db, clock, engine, input } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00');
      await engine.parent.submit('fujian', 'txn-3', input);
      clock.set(new Date('2026-09-30T15:00:00+08:00'));
      await engine.department.decide(
        decision('T-1', 'birth-certificate', 'midwifery-institution', 'done', {
          outputs: { certificateNumber: 'Q350000001' },
        }),
      );
      let state = await getCase(db, 'T-1');
      // 24 working hours from Wednesday 15:00: 9 h that day, then 1–7 October are holidays.
      expect(state.items['hukou-registration']).toMatchObject({
        status: 'dispatched',
        deadline: new Date('2026-10-08T15:00:00+08:00').toISOString(),
      });
      const police = await db.query<{ payload: { fields: { certificateNumber: string } } }>(
        `select payload from outbox where topic = 'police'`,
      );
      expect(police[0]!.payload.fields.certificateNumber).toBe('Q350000001');

      clock.set(new Date('2026-10-08T09:00:00+08:00'));
      await engine.department.decide(
        decision('T-1', 'hukou-registration', 'police', 'done', {
          outputs: { citizenIdNumber: '350583202609260012' },
        }),
      );
      state = await getCase(db, 'T-1');
      expect(
        ['maternity-benefit', 'insurance-enrollment', 'social-security-card'].map(
          (i) => state.items[i]!.status,
        ),
      ).toEqual(['dispatched', 'dispatched', 'dispatched']);
      const ms = await db.query<{
        payload: { item: string; fields: { baby?: { citizenIdNumber: string } } };
      }>(`select payload from outbox where topic = 'medical-security'`);
      expect(
        ms.find((m) => m.payload.item === 'insurance-enrollment')!.payload.fields.baby!.citizenIdNumber,
      ).toBe('350583202609260012');
      // The maternity task carries the mother and the delivery only.
      expect(
        Object.keys(ms.find((m) => m.payload.item === 'maternity-benefit')!.payload.fields).sort(),
      ).toEqual(['delivery', 'mother']);
      expect((await verifyStore(db)).problems.filter((p) => !p.includes('outbox'))).toEqual([]);
    });

    it('a decision received twice is applied once and answered the same', async () => {
      const { db, engine, input } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00');
      await engine.parent.submit('fujian', 'txn-4', input);
      const d = decision('T-1', 'birth-certificate', 'midwifery-institution', 'done', {
        outputs: { certificateNumber: 'Q1' },
      });
      const first = await engine.department.decide(d);
      const events = (await loadEvents(db, 'T-1')).length;
      const second = await engine.department.decide(d);
      expect(first).toMatchObject({ ok: true, replayed: false });
      expect(second).toMatchObject({ ok: true, replayed: true, status: 'done' });
      expect((await loadEvents(db, 'T-1')).length).toBe(events);
      // The same id from the same department for another item is refused, not taken as a replay.
      const reused = await engine.department.decide({
        ...decision('T-1', 'vaccination-certificate', 'midwifery-institution', 'done'),
        txnId: d.txnId,
      });
      expect(reused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'txnId' } });
      expect((await getCase(db, 'T-1')).items['vaccination-certificate']!.status).toBe('dispatched');
      // Another department may use the same id for its own item.
      await engine.department.decide(
        decision('T-1', 'vaccination-certificate', 'midwifery-institution', 'done'),
      );
      await engine.department.decide(decision('T-1', 'parenting-guidance', 'midwifery-institution', 'done'));
      const police = await engine.department.decide({
        ...decision('T-1', 'hukou-registration', 'police', 'done'),
        txnId: d.txnId,
      });
      expect(police).toMatchObject({ ok: true, replayed: false });
    });

    it('a client transaction id belongs to its applicant', async () => {
      const { db, engine, input } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00');
      await engine.parent.submit('fujian', 'shared-id', input);
      // Someone else's case with the same client id is not "the same submission".
      const other = db.personal.index('11010519491231002X');
      await db.query(
        `update cases set applicant_id_number = $1, mother_id_number = $1, baby_key = 'another baby'`,
        [other],
      );
      const mine = await engine.parent.submit('fujian', 'shared-id', input);
      expect(mine).toMatchObject({ accepted: true, duplicate: false, caseId: 'T-2' });
    });

    it('a decision from the wrong department, or for an item not dispatched, is refused alone', async () => {
      const { db, engine, input } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00');
      await engine.parent.submit('fujian', 'txn-5', input);
      const [wrong, early, fine] = await engine.department.decideMany([
        decision('T-1', 'birth-certificate', 'police', 'done'),
        decision('T-1', 'hukou-registration', 'police', 'done'),
        decision('T-1', 'vaccination-certificate', 'midwifery-institution', 'done'),
      ]);
      expect(wrong).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(fine).toMatchObject({ ok: true });
      expect((await getCase(db, 'T-1')).items['vaccination-certificate']!.status).toBe('done');
    });

    it('a rejected registration cancels what waits on it and tells the parent where to go instead', async () => {
      const { db, engine, input } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00');
      await engine.parent.submit('fujian', 'txn-6', input);
      await engine.department.decideMany(
        ['birth-certificate', 'vaccination-certificate', 'parenting-guidance'].map((i) =>
          decision('T-1', i as ItemId, 'midwifery-institution', 'done'),
        ),
      );
      await engine.department.decide(
        decision('T-1', 'hukou-registration', 'police', 'rejected', {
          reason: { zh: '不符合落户条件', en: 'not eligible for registration' },
        }),
      );
      const state = await getCase(db, 'T-1');
      expect(state.items['hukou-registration']).toMatchObject({
        status: 'rejected',
        reason: { zh: '不符合落户条件' },
      });
      for (const i of ['maternity-benefit', 'insurance-enrollment', 'social-security-card']) {
        expect(state.items[i]).toMatchObject({
          status: 'cancelled',
          reason: { zh: expect.stringContaining('线下办理') },
        });
      }
      expect(state.status).toBe('partly-completed');
      const templates = (
        await db.query<{ template: string }>('select template from notifications order by id')
      ).map((r) => r.template);
      expect(templates).toEqual(expect.arrayContaining(['item-rejected', 'item-cancelled']));
    });

    it('a supplement pauses the clock: the paused working time is added back, across the holiday and an adjusted working Saturday', async () => {
      const { db, clock, engine, input, mother } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00');
      await engine.parent.submit('fujian', 'txn-7', input);
      clock.set(new Date('2026-09-30T15:00:00+08:00'));
      await engine.department.decide(decision('T-1', 'birth-certificate', 'midwifery-institution', 'done'));
      clock.set(new Date('2026-09-30T16:00:00+08:00'));
      await engine.department.decide(
        decision('T-1', 'hukou-registration', 'police', 'supplement', {
          material: 'hukou-book-photos',
          message: { zh: '请补充户主页', en: "add the head's page" },
        }),
      );
      expect((await getCase(db, 'T-1')).items['hukou-registration']).toMatchObject({
        status: 'supplement-requested',
        holder: 'applicant',
      });

      clock.set(new Date('2026-10-09T10:00:00+08:00'));
      const state = await engine.parent.answerSupplement('T-1', 'hukou-registration', mother, '已上传');
      // Paused: 8 h on 30 Sep + 24 h on 8 Oct + 10 h on 9 Oct = 42 working hours, added to 8 Oct 15:00:
      // 9 h that day, 24 h on the 9th, 9 h on Saturday 10 Oct (a working day in 2026).
      expect(state.items['hukou-registration']).toMatchObject({
        status: 'dispatched',
        holder: 'department',
        deadline: new Date('2026-10-10T09:00:00+08:00').toISOString(),
      });
      const tasks = await db.query<{ idempotency_key: string; payload: { attempt: number } }>(
        `select idempotency_key, payload from outbox where topic = 'police' order by id`,
      );
      expect(tasks.map((t) => [t.idempotency_key, t.payload.attempt])).toEqual([
        ['T-1:hukou-registration:1', 1],
        ['T-1:hukou-registration:2', 2],
      ]);
    });

    it('the sweep flags an overdue item once, and the case once its promise has passed', async () => {
      const { db, clock, engine, input } = await setup(kind, 'zibo', '2026-11-16T10:00:00+08:00');
      await engine.parent.submit('zibo', 'txn-8', input);
      clock.set(new Date('2026-11-18T00:00:01+08:00'));
      expect(await engine.sweeper.sweepOverdue()).toBe(1);
      expect(await engine.sweeper.sweepOverdue()).toBe(0);
      expect((await getCase(db, 'T-1')).items['birth-certificate']!.overdue).toBe(true);
      clock.set(new Date('2026-11-21T00:00:01+08:00'));
      await engine.sweeper.sweepOverdue();
      const state = await getCase(db, 'T-1');
      expect(state.overdue).toBe(true);
      expect(
        Object.values(state.items)
          .filter((i) => i.overdue)
          .map((i) => i.id)
          .sort(),
      ).toEqual(['birth-certificate', 'vaccination-certificate']);
    });

    it('000 附件1 7 不合格会被驳回转线下办理: in Zibo a supplement request rejects the item to offline handling', async () => {
      const { db, engine, input } = await setup(kind, 'zibo', '2026-11-16T10:00:00+08:00');
      await engine.parent.submit('zibo', 'no-supplement', input);
      const r = await engine.department.decide(
        decision('T-1', 'birth-certificate', 'midwifery-institution', 'supplement', {
          material: 'parents-id-cards',
          message: { zh: '身份证照片不清晰', en: 'the ID card photo is not legible' },
        }),
      );
      expect(r).toMatchObject({ ok: true, status: 'rejected' });
      const state = await getCase(db, 'T-1');
      expect(state.items['birth-certificate']).toMatchObject({
        status: 'rejected',
        supplements: 0,
        reason: { zh: expect.stringMatching(/身份证照片不清晰.*线下办理/) },
      });
      expect(state.items['hukou-registration']!.status).toBe('cancelled');
    });

    it('002 二(四)3: Sichuan offers supplements but no clause stops its clock, so an item waiting for one still falls overdue', async () => {
      const { db, clock, engine, input } = await setup(
        kind,
        'sichuan-tongchuan',
        '2026-11-16T10:00:00+08:00',
      );
      await engine.parent.submit('sichuan-tongchuan', 'no-pause', input);
      await engine.department.decide(
        decision('T-1', 'birth-certificate', 'midwifery-institution', 'supplement', {
          material: 'marriage-certificate',
          message: { zh: '请出示结婚证原件', en: 'show the original marriage certificate' },
        }),
      );
      expect((await getCase(db, 'T-1')).items['birth-certificate']!.status).toBe('supplement-requested');
      clock.set(new Date('2026-11-17T00:00:01+08:00')); // past "当场" (24:00 of the day)
      expect(await engine.sweeper.sweepOverdue()).toBeGreaterThan(0);
      expect((await getCase(db, 'T-1')).items['birth-certificate']!.overdue).toBe(true);
    });

    it('001 附件1 必须现场办理原因说明: the registration starts the family’s 3 working days to visit the police station; overdue once, then done', async () => {
      const { db, clock, engine, input, mother } = await setup(
        kind,
        'gansu-lanzhou',
        '2026-11-17T10:00:00+08:00',
      );
      await engine.parent.submit('gansu-lanzhou', 'visit', input);
      let state = await getCase(db, 'T-1');
      // 附件1 服务事项: vaccination, guidance and reimbursement are shown, never dispatched.
      expect(Object.keys(state.items)).not.toContain('vaccination-certificate');
      expect(state.terms!.services.map((x) => x.id).sort()).toEqual([
        'maternity-benefit',
        'parenting-guidance',
        'vaccination-certificate',
      ]);
      await engine.department.decide(decision('T-1', 'birth-certificate', 'midwifery-institution', 'done'));
      clock.set(new Date('2026-11-18T10:00:00+08:00'));
      await engine.department.decide(decision('T-1', 'hukou-registration', 'police', 'done'));
      state = await getCase(db, 'T-1');
      expect(state.familyDeadlines).toMatchObject([
        {
          id: 'police-station-visit',
          due: new Date('2026-11-23T24:00:00+08:00').toISOString(),
          metAt: null,
          overdue: false,
        },
      ]);
      const inbox = await db.query<{ template: string }>('select template from notifications order by id');
      expect(inbox.map((r) => r.template)).toContain('family-deadline');
      clock.set(new Date('2026-11-24T08:00:00+08:00'));
      await engine.sweeper.sweepOverdue();
      await engine.sweeper.sweepOverdue();
      state = await getCase(db, 'T-1');
      expect(state.familyDeadlines![0]!.overdue).toBe(true);
      const overdueNotices = await db.query(
        `select 1 from notifications where template = 'family-deadline-overdue'`,
      );
      expect(overdueNotices).toHaveLength(1);
      const done = await engine.parent.meetFamilyDeadline('T-1', 'police-station-visit', mother);
      expect(done.familyDeadlines![0]!.metAt).toBe(new Date('2026-11-24T08:00:00+08:00').toISOString());
      await expect(engine.parent.meetFamilyDeadline('T-1', 'no-such-task', mother)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        messages: { zh: expect.stringContaining('家庭待办') },
      });
    });

    it('the parent rates a finished item; nobody else can, and the score is 1–5', async () => {
      const { db, engine, input, mother } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00');
      await engine.parent.submit('fujian', 'txn-9', input);
      await engine.department.decide(decision('T-1', 'birth-certificate', 'midwifery-institution', 'done'));
      await expect(engine.parent.rate('T-1', 'hukou-registration', mother, 5, '')).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(
        engine.parent.rate('T-1', 'birth-certificate', '11010519491231002X', 5, ''),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(engine.parent.rate('T-1', 'birth-certificate', mother, 6, '')).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'score' },
      });
      const state = await engine.parent.rate('T-1', 'birth-certificate', mother, 5, '很快');
      expect(state.items['birth-certificate']!.rating).toEqual({ score: 5, comment: '很快' });
      expect((await db.query(`select rating from case_items where item = 'birth-certificate'`))[0]).toEqual({
        rating: 5,
      });
    });

    it("two-way EMS: the family's hukou book is in the post, the police clock waits, then resumes moved on by the transit time", async () => {
      const { db, clock, engine, input } = await setup(
        kind,
        'fujian',
        '2026-11-16T09:00:00+08:00',
        undefined,
        { followParent: 'father', delivery: { 'hukou-registration': 'mail', 'birth-certificate': 'mail' } },
      );
      await engine.parent.submit('fujian', 'txn-11', input);
      clock.set(new Date('2026-11-16T10:00:00+08:00'));
      await engine.department.decide(decision('T-1', 'birth-certificate', 'midwifery-institution', 'done'));
      let state = await getCase(db, 'T-1');
      // The certificate is mailed to the family; the hukou book travels to the police.
      expect(state.items['birth-certificate']!.parcels).toMatchObject([
        { direction: 'to-family', status: 'shipped' },
      ]);
      // The police get the task only once the family's documents reach them, not before.
      expect(await db.query(`select 1 from outbox where topic = 'police'`)).toHaveLength(0);
      // The family first books the courier: until then the item waits for the family.
      expect(state.items['hukou-registration']).toMatchObject({
        status: 'dispatched',
        holder: 'applicant',
        deadline: new Date('2026-11-17T10:00:00+08:00').toISOString(),
        parcels: [{ direction: 'to-department', status: 'awaiting-booking' }],
      });
      const [window] = await engine.parent.pickupWindows(
        'T-1',
        'hukou-registration',
        input.applicant.idNumber,
      );
      expect(window).toEqual({ from: '2026-11-16T06:00:00.000Z', to: '2026-11-16T10:00:00.000Z' }); // today 14:00–18:00
      const address = { divisionCode: '350583', detail: '溪州路 8 号' };
      await expect(
        engine.parent.bookPickup('T-1', 'hukou-registration', input.applicant.idNumber, {
          address,
          window: { from: '2026-11-16T01:00:00.000Z', to: '2026-11-16T02:00:00.000Z' },
        }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'pickup.window' } });
      state = await engine.parent.bookPickup('T-1', 'hukou-registration', input.applicant.idNumber, {
        address,
        window: window!,
      });
      expect(state.items['hukou-registration']).toMatchObject({
        holder: 'post',
        parcels: [{ status: 'booked', pickup: { address, window } }],
      });
      expect((await db.query(`select count(*)::int as n from outbox where kind = 'ship'`))[0]).toEqual({
        n: 2,
      });

      // Past the original deadline while in the post: not overdue, the clock is paused.
      clock.set(new Date('2026-11-18T12:00:00+08:00'));
      await engine.sweeper.sweepOverdue();
      const swept = await getCase(db, 'T-1');
      expect(swept.items['hukou-registration']!.overdue).toBe(false);
      expect(swept.items['vaccination-certificate']!.overdue).toBe(true); // not paused, really late

      // Collected Tuesday 10:00 … delivered to the station Wednesday 16:00 (rural Nan'an: T+2 from Monday's booking).
      await engine.post.track([
        {
          caseId: 'T-1',
          item: 'hukou-registration',
          parcelId: 'T-1-hukou-registration-in',
          status: 'collected',
          at: '2026-11-17T10:00:00+08:00',
          note: '',
        },
        {
          caseId: 'T-1',
          item: 'hukou-registration',
          parcelId: 'T-1-hukou-registration-in',
          status: 'delivered',
          at: '2026-11-18T16:00:00+08:00',
          note: '',
        },
        {
          caseId: 'T-1',
          item: 'birth-certificate',
          parcelId: 'T-1-birth-certificate-out',
          status: 'delivered',
          at: '2026-11-18T16:00:00+08:00',
          note: '',
        },
      ]);
      state = await getCase(db, 'T-1');
      expect(await db.query(`select 1 from outbox where topic = 'police'`)).toHaveLength(1);
      // In the post from Monday 10:00 to Wednesday 16:00: 54 working hours, added to Tuesday 10:00.
      expect(state.items['hukou-registration']).toMatchObject({
        holder: 'department',
        deadline: new Date('2026-11-19T16:00:00+08:00').toISOString(),
      });
      expect(state.items['hukou-registration']!.parcels[0]!.tracking.map((t) => t.status)).toEqual([
        'awaiting-booking',
        'booked',
        'collected',
        'delivered',
      ]);
      expect(
        await db.query<{ template: string }>(
          `select template from notifications where template = 'parcel-delivered'`,
        ),
      ).toHaveLength(1);
      // A repeated tracking update changes nothing.
      const events = (await loadEvents(db, 'T-1')).length;
      await engine.post.track([
        {
          caseId: 'T-1',
          item: 'birth-certificate',
          parcelId: 'T-1-birth-certificate-out',
          status: 'delivered',
          at: '2026-11-18T16:00:00+08:00',
          note: '',
        },
      ]);
      expect((await loadEvents(db, 'T-1')).length).toBe(events);
    });

    it('the registries decide the scenario: a baby already registered goes straight to medical security and the card (Fujian 情形三)', async () => {
      const { db, engine, input } = await setup(kind, 'fujian', '2026-09-29T10:00:00+08:00', (f) => {
        f.existing = {
          birthCertificate: { number: 'Q1', hasCounterfoil: false },
          babyHukou: { idNumber: makeCitizenId('350583', '2026-09-26', 12) },
        };
      });
      const r = await engine.parent.submit('fujian', 'txn-10', input);
      expect(r).toMatchObject({ accepted: true });
      const state = await getCase(db, 'T-1');
      expect(state.scenario).toBe('has-hukou-book');
      expect(Object.keys(state.items).sort()).toEqual([
        'insurance-enrollment',
        'maternity-benefit',
        'social-security-card',
      ]);
      expect(Object.values(state.items).every((i) => i.status === 'dispatched')).toBe(true);
    });
  });
}

for (const kind of DB_KINDS) {
  describe(`case engine on ${kind}: messages and late parcels`, () => {
    it('a done enrollment sends both the "done" notice and the region’s SMS template (Anhui 附件2 二 5)', async () => {
      const { db, engine, input } = await setup(kind, 'anhui', '2026-09-29T10:00:00+08:00');
      await engine.parent.submit('anhui', 'sms-1', input);
      await engine.department.decide(decision('T-1', 'birth-certificate', 'midwifery-institution', 'done'));
      await engine.department.decide(
        decision('T-1', 'hukou-registration', 'police', 'done', {
          outputs: { citizenIdNumber: makeCitizenId('340104', '2026-09-26', 13) },
        }),
      );
      await engine.department.decide(decision('T-1', 'insurance-enrollment', 'medical-security', 'done'));
      const sms = await db.query<{ payload: { to: string; template: string; text: { zh: string } } }>(
        `select payload from outbox where kind = 'notify' and payload->>'item' = 'insurance-enrollment'`,
      );
      expect(sms.map((s) => s.payload.template).sort()).toEqual(['insurance-enrolled', 'item-done']);
      // To the mobile the form holds, never to an ID number; the name as the template's {name}, masked.
      const [{ phone } = { phone: '' }] = await db.query<{ phone: string }>(
        `select form->'contact'->>'phone' as phone from cases`,
      );
      expect(phone).toMatch(/^1\d{10}$/);
      expect(sms.every((s) => s.payload.to === phone)).toBe(true);
      const text = sms.find((s) => s.payload.template === 'insurance-enrolled')!.payload.text.zh;
      expect(text).toContain('王*先生（女士）');
      expect(text).not.toContain('王芳');
    });

    it('004 一(一)；附件1: a Jiangsu father’s baby born in Anhui — the registration goes to Jiangsu through the Delta platform, which accepts it under its own number and decides', async () => {
      const { db, engine, input } = await setup(kind, 'anhui', '2026-09-29T10:00:00+08:00', (f) => {
        f.father!.hukou!.divisionCode = '320102';
      });
      const submitted = await engine.parent.submit('anhui', 'delta-1', input);
      expect(submitted.accepted).toBe(true);
      await engine.department.decide(decision('T-1', 'birth-certificate', 'midwifery-institution', 'done'));
      const tasks = await db.query<{
        topic: string;
        payload: { department: string; fields: { handOff?: unknown } };
      }>(
        `select topic, payload from outbox where kind = 'dispatch' and payload->>'item' = 'hukou-registration'`,
      );
      expect(tasks).toMatchObject([
        {
          topic: 'cross-province-platform',
          payload: {
            department: 'cross-province-platform',
            fields: { handOff: { province: '32', department: 'police' } },
          },
        },
      ]);
      // Anhui's police do not decide it; the platform does.
      expect(
        await engine.department.decide(decision('T-1', 'hukou-registration', 'police', 'done')),
      ).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      await engine.department.decide(
        decision('T-1', 'hukou-registration', 'cross-province-platform', 'accepted', {
          remoteCaseId: 'JS0001',
        }),
      );
      let state = await getCase(db, 'T-1');
      expect(state.items['hukou-registration']).toMatchObject({
        status: 'dispatched',
        remoteCaseId: 'JS0001',
      });
      await engine.department.decide(
        decision('T-1', 'hukou-registration', 'cross-province-platform', 'done', {
          outputs: { citizenIdNumber: makeCitizenId('320102', '2026-09-26', 13) },
        }),
      );
      state = await getCase(db, 'T-1');
      expect(state.items['hukou-registration']!.status).toBe('done');
      expect(state.items['insurance-enrollment']).toMatchObject({
        status: 'dispatched',
        handOff: { province: '32', provinceName: { zh: '江苏省' } },
      });
      const inbox = await db.query<{ template: string }>('select template from notifications');
      expect(inbox.map((r) => r.template)).toContain('hand-off-accepted');
      // 'accepted' belongs to a handed-off item only.
      expect(
        await engine.department.decide(
          decision('T-1', 'birth-certificate', 'midwifery-institution', 'accepted', { remoteCaseId: 'X' }),
        ),
      ).toMatchObject({ ok: false });
    });

    it('the father confirms with a face photo in his login; a bad photo or a stranger is refused (Anhui)', async () => {
      const db = await freshDb(kind);
      open.push(db);
      const shared = simulatedRegistries();
      const s = structuredClone(sampleSituation('anhui'));
      s.baby.bornAt = '2026-11-13T08:00:00+08:00';
      shared.load(s);
      const engine = testEngine({
        db,
        clock: fakeClock(new Date('2026-11-16T10:00:00+08:00')),
        calendar,
        shared,
        faces: simulatedFaceVerifier(async (id) => (await shared.person(id)) !== null),
        newCaseId: () => 'F-1',
      });
      const input: ApplicationInput = {
        applicant: { role: 'mother', idNumber: s.mother.idNumber },
        motherIdNumber: s.mother.idNumber,
        baby: { surname: '李', givenName: '安' },
        choices: { followParent: 'father' },
      };
      const before = await engine.parent.submit('anhui', 'confirm-1', input);
      expect(before.accepted).toBe(false);
      await expect(
        engine.parent.confirmFather(s.father!.idNumber, Buffer.from('not a photo')),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED', details: { field: 'face' } });
      await expect(
        engine.parent.confirmFather('11010519491231002X', Buffer.from(PNG_1x1, 'base64')),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(
        await engine.parent.confirmFather(s.father!.idNumber, Buffer.from(PNG_1x1, 'base64')),
      ).toMatchObject({
        motherIdNumber: s.mother.idNumber,
      });
      expect(
        await engine.parent.submit('anhui', 'confirm-2', await completeApplication(engine, 'anhui', input)),
      ).toMatchObject({ accepted: true, caseId: 'F-1' });
    });

    it('where both parents sign (Gansu 001 附件2), the other parent signs the same form in their own login', async () => {
      const { db, engine, input } = await setup(kind, 'gansu-lanzhou', '2026-11-16T10:00:00+08:00');
      const father = sampleSituation('gansu-lanzhou').father!;
      const preview = await engine.parent.preview('gansu-lanzhou', input);
      expect(preview.coSigners).toEqual([{ role: 'father', name: father.name, signedAt: null }]);
      expect(preview.missing.map((m) => m.field)).toEqual(['signature.others']);
      const png = Buffer.from(PNG_1x1, 'base64');
      const signature = { formDigest: preview.formDigest!, imagePng: png };
      await expect(
        engine.parent.submit('gansu-lanzhou', 'cosign-1', { ...input, signature }),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'signature.others' },
        messages: { zh: expect.stringContaining('父亲') },
      });
      // The mother invites him; he signs in his login, and only he can.
      const invitation = await engine.parent.invite('gansu-lanzhou', input);
      expect(invitation).toMatchObject({ tasks: ['sign'], inviteeRole: 'father' });
      expect(await engine.parent.invitations(father.idNumber)).toMatchObject([
        { id: invitation.id, open: ['sign'] },
      ]);
      await expect(engine.parent.coSign(input.applicant.idNumber, invitation.id, png)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const pdf = await engine.parent.invitationPdf(father.idNumber, invitation.id);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await engine.parent.coSign(father.idNumber, invitation.id, png);
      expect(await engine.parent.invitations(father.idNumber)).toEqual([]);
      expect((await engine.parent.preview('gansu-lanzhou', input)).coSigners).toEqual([
        { role: 'father', name: father.name, signedAt: expect.any(String) },
      ]);
      // A form changed after he signed needs his signature again.
      const changed = { ...input, baby: { ...input.baby, givenName: '安康' } };
      expect((await engine.parent.preview('gansu-lanzhou', changed)).coSigners[0]!.signedAt).toBeNull();
      expect((await db.query('select count(*)::int as n from cases'))[0]).toEqual({ n: 0 });
      const r = await engine.parent.submit('gansu-lanzhou', 'cosign-3', { ...input, signature });
      expect(r.accepted).toBe(true);
      const state = await getCase(db, 'T-1');
      expect(state.signature?.coSigners).toEqual([
        { role: 'father', idNumber: father.idNumber, imageSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]);
      expect((await db.query('select count(*)::int as n from case_signatures'))[0]).toEqual({ n: 2 });
    });

    it('a parcel that arrives after the department decided changes neither the deadline nor the holder', async () => {
      const { db, clock, engine, input } = await setup(
        kind,
        'fujian',
        '2026-11-16T09:00:00+08:00',
        undefined,
        { followParent: 'father', delivery: { 'hukou-registration': 'mail' } },
      );
      await engine.parent.submit('fujian', 'late-1', input);
      await engine.department.decide(decision('T-1', 'birth-certificate', 'midwifery-institution', 'done'));
      clock.set(new Date('2026-11-18T10:00:00+08:00'));
      await engine.department.decide(decision('T-1', 'hukou-registration', 'police', 'done'));
      const before = (await getCase(db, 'T-1')).items['hukou-registration']!;
      await engine.post.track([
        {
          caseId: 'T-1',
          item: 'hukou-registration',
          parcelId: 'T-1-hukou-registration-in',
          status: 'delivered',
          at: '2026-11-18T16:00:00+08:00',
          note: '',
        },
      ]);
      const after = (await getCase(db, 'T-1')).items['hukou-registration']!;
      expect(after).toMatchObject({ status: 'done', holder: null, deadline: before.deadline });
      expect(after.parcels[0]!.status).toBe('delivered');
    });
  });
}

describe.skipIf(!POSTGRES_URL)('two servers on one PostgreSQL', () => {
  it('submitting the same baby twice at once on two servers makes one case; the other is refused with a link to it', async () => {
    const { db, engine, input } = await setup('postgres', 'zibo', '2026-09-29T10:00:00+08:00');
    const otherDb = (db as Db & { second: () => Db }).second();
    try {
      let n = 100;
      const shared = simulatedRegistries();
      const s = structuredClone(sampleSituation('zibo'));
      s.baby.bornAt = new Date(
        new Date('2026-09-29T10:00:00+08:00').getTime() - 3 * 86_400_000,
      ).toISOString();
      shared.load(s);
      const otherEngine = testEngine({
        db: otherDb,
        clock: fakeClock(new Date('2026-09-29T10:00:00+08:00')),
        calendar,
        shared,
        faces: simulatedFaceVerifier(async (id) => (await shared.person(id)) !== null),
        newCaseId: () => `U-${++n}`,
      });
      const results = await Promise.allSettled([
        engine.parent.submit('zibo', 'race-a', input),
        otherEngine.parent.submit('zibo', 'race-b', input),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled' && r.value.accepted)).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'CONFLICT', details: { field: 'baby' } });
      expect((await db.query('select count(*)::int as n from cases'))[0]).toEqual({ n: 1 });
    } finally {
      await otherDb.close();
    }
  });
});
