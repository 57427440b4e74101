import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import type { RegionId } from '../../src/domain/ids.ts';
import { createTaxSimulator, SIMULATED_ANNUAL_PREMIUM_FEN } from '../../src/departments/tax.ts';
import type { ApplicationInput } from '../../src/engine/gather-facts.ts';
import { completeApplication, FACE_PHOTO } from '../../src/engine/simulated-family.ts';
import { verifyStore } from '../../src/engine/verify.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { FamilySituationInput } from '../../src/registries/port.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { getCase } from '../../src/store/case-store.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * The family's part after submitting, through the engine on both stores: paying the assessed
 * premium, uploading what an item asks for once it may start, and what verify says of a task a
 * department received and never decided. And the drafts kept while applying.
 */
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function setup(
  kind: 'pglite' | 'postgres',
  region: RegionId,
  choices: ApplicationInput['choices'],
  change?: (f: FamilySituationInput) => void,
) {
  const db = await freshDb(kind);
  open.push(db);
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const shared = simulatedRegistries();
  const f = structuredClone(sampleSituation(region));
  f.baby.bornAt = '2026-11-14T08:00:00+08:00';
  change?.(f);
  shared.load(f);
  const engine = testEngine({ db, clock, shared, newCaseId: () => 'S-1' });
  if (POLICIES[region].applicants.fatherConfirms && f.father)
    await engine.parent.confirmFather(f.father.idNumber, FACE_PHOTO);
  const input = await completeApplication(engine, region, {
    applicant: { role: 'mother', idNumber: f.mother.idNumber },
    motherIdNumber: f.mother.idNumber,
    baby: { surname: '李', givenName: '安然' },
    choices,
  });
  return { db, clock, engine, input, mother: f.mother.idNumber };
}

/** Decide every dispatched item of a department as done, with the outputs it names. */
async function finish(
  engine: ReturnType<typeof testEngine>,
  db: Db,
  items: string[],
  outputs: Record<string, string> = {},
) {
  const state = await getCase(db, 'S-1');
  for (const id of items) {
    const i = state.items[id]!;
    await engine.department.decide({
      txnId: `${id}-${i.attempt}-done`,
      caseId: 'S-1',
      item: i.id,
      department: i.department,
      outcome: 'done',
      outputs,
    });
  }
}

for (const kind of DB_KINDS) {
  describe(`the family's part on ${kind}`, () => {
    it('the premium: assessed by the tax bureau, shown with amount and years, paid through the payment port, confirmed; the item stays open until then', async () => {
      const { db, clock, engine, input, mother } = await setup(kind, 'anhui', { followParent: 'father' });
      await engine.parent.submit('anhui', 'pay-1', input);
      await finish(engine, db, ['birth-certificate', 'vaccination-certificate', 'parenting-guidance'], {
        certificateNumber: 'P1',
      });
      await finish(engine, db, ['hukou-registration'], { citizenIdNumber: '340104202611140024' });
      await finish(engine, db, ['insurance-enrollment'], { insuranceNumber: 'YB1' });
      // The tax bureau's simulator assesses what is due for the years the form carries.
      const tax = createTaxSimulator({
        seed: 1,
        now: () => clock.now(),
        latencyMs: { min: 0, max: 0 },
        transientFaultRate: 0,
      });
      const task = (
        await db.query<{ payload: never }>(
          `select payload from outbox where kind = 'dispatch' and topic = 'tax'`,
        )
      )[0]!.payload;
      await tax.submit(task, 'k');
      const [assessed] = await tax.due(clock.now());
      expect(assessed).toMatchObject({
        outcome: 'payment-due',
        payment: {
          amountFen: SIMULATED_ANNUAL_PREMIUM_FEN,
          years: [{ year: 2026, insuranceYear: 'current' }],
        },
      });
      await engine.department.decide(assessed!);
      let item = (await getCase(db, 'S-1')).items['insurance-payment']!;
      expect(item).toMatchObject({
        status: 'payment-due',
        holder: 'applicant',
        payment: { amountFen: SIMULATED_ANNUAL_PREMIUM_FEN },
        outputs: {},
      });
      const inbox = await engine.parent.notifications(mother);
      expect(inbox.map((n) => n.body.title.zh)).toContain('城乡居民基本医疗保险缴费：请缴费');
      // A repeated assessment (the same txnId) changes nothing.
      expect(await engine.department.decide(assessed!)).toMatchObject({ ok: true, replayed: true });
      // The parent pays; the provider's notice comes twice; the payment is recorded once.
      const order = await engine.parent.startPayment('S-1', 'insurance-payment', mother);
      expect(order).toMatchObject({ amountFen: SIMULATED_ANNUAL_PREMIUM_FEN, years: [{ year: 2026 }] });
      expect((await engine.parent.startPayment('S-1', 'insurance-payment', mother)).orderId).toBe(
        order.orderId,
      );
      const notice = await engine.cashier.pay(order.orderId, clock.now());
      await engine.payments.record(notice);
      item = (await getCase(db, 'S-1')).items['insurance-payment']!;
      expect(item).toMatchObject({
        status: 'dispatched',
        holder: 'department',
        payment: { orderId: order.orderId },
      });
      expect(item.timeline.filter((t) => t.type === 'payment-made')).toHaveLength(1);
      await expect(engine.payments.record(notice)).resolves.toBeUndefined();
      // Another order for an item with nothing due is refused, by field.
      await expect(engine.payments.record({ ...notice, orderId: 'other' })).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { field: 'orderId' },
      });
      // The bureau gets the item back with the payment, and confirms it with a voucher.
      const tasks = await db.query<{ payload: { attempt: number; fields: { payment?: unknown } } }>(
        `select payload from outbox where kind = 'dispatch' and topic = 'tax' order by id`,
      );
      expect(tasks.map((t) => [t.payload.attempt, !!t.payload.fields.payment])).toEqual([
        [1, false],
        [2, true],
      ]);
      await tax.submit(tasks[1]!.payload as never, 'k2');
      const confirmed = (await tax.due(clock.now())).find((d) => d.outcome === 'done')!;
      await engine.department.decide(confirmed);
      item = (await getCase(db, 'S-1')).items['insurance-payment']!;
      expect(item.status).toBe('done');
      expect(item.outputs.paymentReceipt).toMatch(/^SW\d{10}$/);
      await db.query(`update outbox set status = 'done'`); // as the outbox worker would
      await db.query(`delete from outbox_queue`);
      expect((await verifyStore(db, { now: clock.now() })).problems).toEqual([]);
    });

    it('Fujian 附件2 一(七): with the card mailed, the baby’s hukou page is asked for once the registration is done, and the card goes to HRSS only then', async () => {
      const { db, engine, input, mother } = await setup(kind, 'fujian', {
        followParent: 'father',
        delivery: { 'social-security-card': 'mail' },
      });
      const submitted = await engine.parent.submit('fujian', 'later-1', input);
      expect(submitted.accepted).toBe(true);
      let card = (await getCase(db, 'S-1')).items['social-security-card']!;
      expect(card).toMatchObject({ status: 'waiting', laterMaterials: ['baby-hukou-page'] });
      await finish(engine, db, ['birth-certificate'], { certificateNumber: 'Q1' });
      await finish(engine, db, ['hukou-registration'], { citizenIdNumber: '350583202611140024' });
      card = (await getCase(db, 'S-1')).items['social-security-card']!;
      expect(card).toMatchObject({
        status: 'waiting',
        holder: 'applicant',
        pendingMaterials: ['baby-hukou-page'],
      });
      expect((await db.query(`select 1 from outbox where kind = 'dispatch' and topic = 'hrss'`)).length).toBe(
        0,
      );
      await expect(
        engine.parent.supplyMaterials('S-1', 'social-security-card', mother, {}),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'uploads.baby-hukou-page' },
      });
      const upload = await engine.parent.upload(mother, 'baby-hukou-page', FACE_PHOTO);
      const after = await engine.parent.supplyMaterials('S-1', 'social-security-card', mother, {
        'baby-hukou-page': upload.uploadId,
      });
      expect(after.items['social-security-card']).toMatchObject({
        status: 'dispatched',
        holder: 'department',
        suppliedMaterials: [{ material: 'baby-hukou-page' }],
      });
      expect((await db.query(`select 1 from outbox where kind = 'dispatch' and topic = 'hrss'`)).length).toBe(
        1,
      );
    });

    it('verify reports a task a department received and never decided, once past its deadline', async () => {
      const { db, clock, engine, input } = await setup(kind, 'fujian', { followParent: 'father' });
      await engine.parent.submit('fujian', 'stalled-1', input);
      // Handed over: the outbox delivered the dispatches (and the notices) to the departments.
      await db.query(`update outbox set status = 'done'`);
      await db.query(`delete from outbox_queue`);
      expect((await verifyStore(db, { now: clock.now() })).problems).toEqual([]);
      const later = new Date(clock.now().getTime() + 5 * 86_400_000);
      const report = await verifyStore(db, { now: later });
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(
        /S-1: item birth-certificate was handed to midwifery-institution .* still undecided past its deadline/,
      );
    });

    it('drafts: one per baby, kept for either parent, removed when the application is submitted', async () => {
      const { db, engine, input, mother } = await setup(kind, 'gansu-lanzhou', { followParent: 'father' });
      const father = sampleSituation('gansu-lanzhou').father!.idNumber;
      expect(await engine.parent.loadDraft(mother, 1)).toBeNull();
      await engine.parent.saveDraft(mother, 1, 'gansu-lanzhou', {
        step: 3,
        draft: { baby: { givenName: '安然' } },
      });
      await engine.parent.saveDraft(mother, 2, 'gansu-lanzhou', { step: 1 });
      expect(await engine.parent.loadDraft(mother, 1)).toMatchObject({
        region: 'gansu-lanzhou',
        byYou: true,
        body: { step: 3 },
      });
      // The same baby's draft, seen from the father's phone.
      expect(await engine.parent.loadDraft(father, 1)).toMatchObject({ byYou: false, body: { step: 3 } });
      await engine.parent.saveDraft(father, 1, 'gansu-lanzhou', { step: 4 });
      expect((await db.query<{ n: number }>('select count(*)::int as n from drafts'))[0]!.n).toBe(2);
      const invitation = await engine.parent.invite('gansu-lanzhou', input);
      const preview = await engine.parent.preview('gansu-lanzhou', input);
      await engine.parent.coSign(father, invitation.id, FACE_PHOTO);
      await engine.parent.submit('gansu-lanzhou', 'draft-1', {
        ...input,
        signature: { formDigest: preview.formDigest!, imagePng: FACE_PHOTO },
      });
      expect(await engine.parent.loadDraft(mother, 1)).toBeNull();
      expect(await engine.parent.loadDraft(mother, 2)).not.toBeNull();
    });

    it('好差评: five levels; the two lowest need a reason; ratings are kept for supervision', async () => {
      const { db, engine, input, mother } = await setup(kind, 'fujian', { followParent: 'father' });
      await engine.parent.submit('fujian', 'rate-1', input);
      await finish(engine, db, ['birth-certificate'], { certificateNumber: 'Q1' });
      await expect(engine.parent.rate('S-1', 'birth-certificate', mother, 2, '  ')).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'comment' },
        messages: { zh: expect.stringContaining('评价内容：') },
      });
      await engine.parent.rate('S-1', 'birth-certificate', mother, 1, '等了很久');
      await engine.parent.rate('S-1', 'birth-certificate', mother, 4, '后来很快');
      expect(await db.query('select item, department, score, comment from ratings')).toEqual([
        { item: 'birth-certificate', department: 'midwifery-institution', score: 4, comment: '后来很快' },
      ]);
    });
  });
}
