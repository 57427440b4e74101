import { afterEach, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import type { RegionId } from '../../src/domain/ids.ts';
import { departmentModes } from '../../src/domain/organisation.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { demoOrganisations, demoStaff } from '../../src/registries/demo-organisations.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { getCase } from '../../src/store/case-store.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * The people who do the work, through the engine on both stores: a clerk sees only the
 * organisation's tasks and only its department's fields, every opening is recorded for the family,
 * and a decision goes through the same command as the gateway, exactly once.
 */
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function setup(
  kind: 'pglite' | 'postgres',
  region: RegionId,
  modes = 'police=workbench,midwifery-institution=workbench',
) {
  const db = await freshDb(kind);
  open.push(db);
  const orgs = demoOrganisations(region);
  await upsertOrganisations(db, orgs);
  await upsertStaff(db, demoStaff(orgs));
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const shared = simulatedRegistries();
  const f = structuredClone(sampleSituation(region));
  f.baby.bornAt = '2026-11-14T08:00:00+08:00';
  shared.load(f);
  let n = 0;
  const engine = testEngine({
    db,
    clock,
    shared,
    newCaseId: () => `W-${++n}`,
    departmentModes: departmentModes(modes),
  });
  const input = await completeApplication(engine, region, {
    applicant: { role: 'mother', idNumber: f.mother.idNumber },
    motherIdNumber: f.mother.idNumber,
    baby: { surname: '李', givenName: '安然' },
    choices: { followParent: 'father' },
  });
  await engine.parent.submit(region, 'w-1', input);
  const hospital = orgs.find((o) => o.institution === f.baby.birthPlace?.institutionName)!;
  const other = orgs.find((o) => o.department === 'midwifery-institution' && o.id !== hospital.id)!;
  const police = orgs.find(
    (o) => o.department === 'police' && o.counties.includes(f.father!.hukou!.divisionCode),
  )!;
  return { db, engine, mother: f.mother.idNumber, hospital, other, police };
}

for (const kind of DB_KINDS) {
  describe(`the department workbench on ${kind}`, () => {
    it('the hospital clerk sees the task in the queue, opens it (recorded for the family) and issues the certificate once', async () => {
      const { db, engine, mother, hospital } = await setup(kind, 'fujian');
      const clerk = `${hospital.id}-clerk`;
      const page = await engine.staff.queue(clerk, 'open', {});
      expect(page.rows.map((r) => r.item).sort()).toEqual([
        'birth-certificate',
        'parenting-guidance',
        'vaccination-certificate',
      ]);
      expect(page.rows[0]).toMatchObject({
        caseId: 'W-1',
        babyName: '李安然',
        mother: expect.stringMatching(/^\d{4}\*{10}\d{3}[\dX]$/),
      });

      const task = await engine.staff.openTask(clerk, 'W-1', 'birth-certificate');
      // Only what the hospital receives: not the registering household, the bank or the insurance choice.
      expect(Object.keys(task.fields).sort()).toEqual([
        'baby',
        'delivery',
        'father',
        'marriage',
        'mother',
        'recipient',
      ]);
      expect(task).toMatchObject({ status: 'dispatched', holder: 'department', supplementsOffered: true });
      const seen = await engine.parent.whoSawMyData('W-1', mother);
      expect(seen).toMatchObject([{ organisation: hospital.name, item: 'birth-certificate' }]);
      expect(seen[0]!.fields.length).toBeGreaterThan(0);
      // Opened again (the page reloads after a decision): recorded, and read by the family as one visit.
      await engine.staff.openTask(clerk, 'W-1', 'birth-certificate');
      expect(await engine.parent.whoSawMyData('W-1', mother)).toMatchObject([{ times: 2 }]);
      expect(await db.query(`select 1 from case_access_log where case_id = 'W-1'`)).toHaveLength(2);

      // The signed form opens in the page, and the family sees that the whole form was read.
      expect(task.documents[0]).toMatchObject({ id: 'form', kind: 'form' });
      const pdf = await engine.staff.document(clerk, 'W-1', 'birth-certificate', 'form');
      expect(pdf.mime).toBe('application/pdf');
      expect(Buffer.isBuffer(pdf.bytes) && pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const afterForm = await engine.parent.whoSawMyData('W-1', mother);
      expect(afterForm.at(-1)!.fields).toEqual([{ zh: '签名的申请表（全部内容）', en: expect.any(String) }]);
      await expect(
        engine.staff.document(clerk, 'W-1', 'birth-certificate', 'f'.repeat(64)),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { field: 'material' } });

      const decision = {
        txnId: 'click-1',
        outcome: 'done' as const,
        outputs: { certificateNumber: 'Q350000123' },
      };
      const first = await engine.staff.decide(clerk, 'W-1', 'birth-certificate', decision);
      const again = await engine.staff.decide(clerk, 'W-1', 'birth-certificate', decision);
      expect(first).toMatchObject({ ok: true, status: 'done', replayed: false });
      expect(again).toMatchObject({ ok: true, status: 'done', replayed: true });
      const done = await db.query(`select 1 from case_events where case_id = 'W-1' and type = 'item-done'`);
      expect(done).toHaveLength(1);
      expect((await engine.staff.queue(clerk, 'done', {})).rows.map((r) => r.item)).toContain(
        'birth-certificate',
      );
    });

    it('a clerk of another organisation cannot open or decide the task: the server refuses it', async () => {
      const { engine, other, police } = await setup(kind, 'fujian');
      for (const clerk of [`${other.id}-clerk`, `${police.id}-clerk`]) {
        await expect(engine.staff.openTask(clerk, 'W-1', 'birth-certificate')).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        await expect(
          engine.staff.decide(clerk, 'W-1', 'birth-certificate', { txnId: 'x', outcome: 'done' }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(engine.staff.document(clerk, 'W-1', 'birth-certificate', 'form')).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
      }
      expect((await engine.staff.queue(`${other.id}-clerk`, 'open', {})).rows).toEqual([]);
    });

    it('the police clerk registers the baby once the certificate is done; the ID number reaches the case', async () => {
      const { db, engine, hospital, police } = await setup(kind, 'fujian');
      await engine.staff.decide(`${hospital.id}-clerk`, 'W-1', 'birth-certificate', {
        txnId: 'c',
        outcome: 'done',
        outputs: { certificateNumber: 'Q350000124' },
      });
      const clerk = `${police.id}-clerk`;
      expect((await engine.staff.queue(clerk, 'open', {})).rows.map((r) => r.item)).toEqual([
        'hukou-registration',
      ]);
      const task = await engine.staff.openTask(clerk, 'W-1', 'hukou-registration');
      expect(task.fields).toMatchObject({ certificateNumber: 'Q350000124' });
      const id = makeCitizenId(police.counties[0]!, '2026-11-14', 12);
      await engine.staff.decide(clerk, 'W-1', 'hukou-registration', {
        txnId: 'r',
        outcome: 'done',
        outputs: { citizenIdNumber: id },
      });
      expect((await getCase(db, 'W-1')).items['hukou-registration']!.outputs).toEqual({
        citizenIdNumber: id,
      });
    });

    it("a department's own system taking its tasks is a read the family sees, logged once an hour; the log is append-only", async () => {
      const { db, engine, mother } = await setup(kind, 'fujian', 'midwifery-institution=gateway');
      const polls = async () => (await engine.department.openTasks('midwifery-institution')).length;
      expect(await polls()).toBeGreaterThan(0);
      await polls(); // a system polling its queue reads the same task again
      // The hospital's three tasks in Fujian, each read once by its system.
      const seen = await engine.parent.whoSawMyData('W-1', mother);
      expect(seen.map((v) => v.item).sort()).toEqual([
        'birth-certificate',
        'parenting-guidance',
        'vaccination-certificate',
      ]);
      for (const v of seen) {
        expect(v).toMatchObject({
          organisation: { zh: '助产机构业务系统', en: "Hospital (midwifery institution)'s own system" },
          times: 1,
        });
        expect(v.fields.map((f) => f.zh)).not.toContain('其他信息');
      }
      await expect(db.query(`update case_access_log set at = now()`)).rejects.toThrow(/append-only/);
      await expect(db.query(`delete from case_access_log`)).rejects.toThrow(/append-only/);
      expect(await db.query(`select 1 from case_access_log`)).toHaveLength(3);
    });

    it('a department its own system or the simulator answers cannot be decided on the workbench', async () => {
      const { engine, hospital } = await setup(kind, 'fujian', 'midwifery-institution=gateway');
      await expect(
        engine.staff.decide(`${hospital.id}-clerk`, 'W-1', 'birth-certificate', {
          txnId: 'g',
          outcome: 'done',
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('000 附件1 7: a Zibo clerk cannot ask for a supplement, and is told to reject with the offline route', async () => {
      const { engine, hospital } = await setup(kind, 'zibo');
      await expect(
        engine.staff.decide(`${hospital.id}-clerk`, 'W-1', 'birth-certificate', {
          txnId: 's',
          outcome: 'supplement',
          material: 'parents-id-cards',
          message: { zh: '照片不清晰', en: 'unreadable' },
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'outcome' } });
    });

    it('queues page by keyset and find a case by its number or the masked ID number', async () => {
      const { engine, hospital, mother } = await setup(kind, 'fujian');
      const clerk = `${hospital.id}-clerk`;
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await engine.staff.queue(clerk, 'open', { limit: 1, ...(cursor ? { cursor } : {}) });
        seen.push(...page.rows.map((r) => r.item));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(seen.sort()).toEqual(['birth-certificate', 'parenting-guidance', 'vaccination-certificate']);
      const masked = `${mother.slice(0, 4)}**********${mother.slice(14)}`;
      expect((await engine.staff.queue(clerk, 'open', { search: masked })).rows).toHaveLength(3);
      expect((await engine.staff.queue(clerk, 'open', { search: 'W-1' })).rows).toHaveLength(3);
      expect((await engine.staff.queue(clerk, 'open', { search: 'W-2' })).rows).toHaveLength(0);
      await expect(engine.staff.queue(clerk, 'open', { cursor: 'not-a-cursor' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'cursor' },
      });
    });
  });
}
