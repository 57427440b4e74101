import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import type { RegionId } from '../../src/domain/ids.ts';
import { departmentModes } from '../../src/domain/organisation.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { demoOrganisations, demoStaff } from '../../src/registries/demo-organisations.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * Supervision on both stores: the figures of a simulated region (Anhui, with no per-item limits,
 * measured against the service standard), escalation once per item per threshold to the holder
 * organisation's staff, a poor rating becoming the head's follow-up, the CSV, and a supervisor of
 * one region refused every other region's endpoint.
 */
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function setup(kind: 'pglite' | 'postgres') {
  const db = await freshDb(kind);
  open.push(db);
  for (const region of ['fujian', 'anhui'] as RegionId[]) {
    const orgs = demoOrganisations(region);
    await upsertOrganisations(db, orgs);
    await upsertStaff(db, demoStaff(orgs));
  }
  await runSimulation({
    region: 'anhui',
    cases: 20,
    seed: 'supervision',
    start: new Date('2026-03-02T09:00:00+08:00'),
    db,
  });
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const shared = simulatedRegistries();
  const f = structuredClone(sampleSituation('fujian'));
  f.baby.bornAt = '2026-11-14T08:00:00+08:00';
  shared.load(f);
  let n = 0;
  const engine = testEngine({
    db,
    clock,
    shared,
    newCaseId: () => `S-${++n}`,
    departmentModes: departmentModes('midwifery-institution=workbench,police=workbench'),
  });
  const input = await completeApplication(engine, 'fujian', {
    applicant: { role: 'mother', idNumber: f.mother.idNumber },
    motherIdNumber: f.mother.idNumber,
    baby: { surname: '李', givenName: '安然' },
    choices: { followParent: 'father' },
  });
  await engine.parent.submit('fujian', 's-1', input);
  const hospital = demoOrganisations('fujian').find(
    (o) => o.institution === f.baby.birthPlace?.institutionName,
  )!;
  const app = await buildApp({
    engine,
    clock,
    identity: identityProvider({ production: false }),
    gatewayKeys: {},
    dev: null,
    paymentKeys: {},
    settings: { nameMaxLength: 20 },
    production: false,
  });
  return { db, engine, clock, app, hospital, mother: f.mother.idNumber };
}

for (const kind of DB_KINDS) {
  describe(`supervision on ${kind}`, () => {
    it('figures, escalation once per threshold, the follow-up of a poor rating, CSV and region scoping', async () => {
      const { db, engine, clock, app, hospital, mother } = await setup(kind);
      await db.query(`update staff set phone = '13800000000' where id = $1`, [`${hospital.id}-head`]);

      // Anhui sets no per-item limit and no promise: every decided item is measured against the
      // department's service standard, and the dashboard says so.
      const anhui = await engine.supervisor.dashboard('anhui', {});
      expect(anhui.measuredAgainst[0]!.zh).toContain('部门服务标准');
      const byItem = anhui.tables.find((t) => t.id === 'compliance-by-item')!;
      const decided = byItem.rows.reduce((s, r) => s + ((r as Record<string, unknown>).decided as number), 0);
      const [{ n }] = (await db.query<{ n: number }>(
        `select count(*)::int as n from case_items where region = 'anhui' and status in ('done', 'rejected')`,
      )) as [{ n: number }];
      expect(decided).toBe(n);
      expect(byItem.rows.every((r) => (r.basis as { zh: string }).zh === '部门服务标准（设置）')).toBe(true);
      expect(byItem.rows.some((r) => typeof r.medianHours === 'number')).toBe(true);

      // The Fujian hospital's 24 working hours pass: due soon, then overdue, then 3 working days over.
      expect(await engine.sweeper.escalate()).toBe(0);
      clock.set(new Date('2026-11-17T12:00:00+08:00'));
      expect(await engine.sweeper.escalate()).toBeGreaterThan(0);
      clock.set(new Date('2026-11-23T12:00:00+08:00'));
      await engine.sweeper.sweepOverdue();
      await engine.sweeper.escalate();
      const again = await engine.sweeper.escalate();
      expect(again).toBe(0);
      const thresholds = await db.query<{ threshold: string; n: number }>(
        `select threshold, count(*)::int as n from supervision_escalations
         where case_id = 'S-1' and item = 'birth-certificate' group by threshold order by threshold`,
      );
      expect(thresholds).toEqual([
        { threshold: 'due-soon', n: 1 },
        { threshold: 'overdue', n: 1 },
        { threshold: 'overdue-3wd', n: 1 },
      ]);
      const clerkInbox = await engine.supervisor.inbox(`${hospital.id}-clerk`);
      const certificate = clerkInbox.messages.filter((m) => m.item === 'birth-certificate');
      expect(certificate.map((m) => m.threshold).sort()).toEqual(['due-soon', 'overdue', 'overdue-3wd']);
      expect(certificate.every((m) => m.sms === 'no-phone')).toBe(true);
      const texts = await db.query<{ n: number }>(
        `select count(*)::int as n from outbox where kind = 'notify' and idempotency_key like 'escalation:S-1:birth-certificate:%'`,
      );
      expect(texts[0]!.n).toBe(3);

      // The overdue table names the holder organisation.
      const overdue = (await engine.supervisor.dashboard('fujian', {})).tables.find(
        (t) => t.id === 'overdue',
      )!;
      const row = overdue.rows.find((r) => r.caseId === 'S-1') as Record<string, unknown>;
      expect(row.organisation).toEqual(hospital.name);

      // A 1 (非常不满意) becomes the head's follow-up; the head records the outcome once.
      await engine.staff.decide(`${hospital.id}-clerk`, 'S-1', 'birth-certificate', {
        outcome: 'done',
        txnId: 't-1',
        outputs: { certificateNumber: 'Q350000001' },
      });
      await engine.parent.rate('S-1', 'birth-certificate', mother, 1, '等了一周');
      expect(await engine.sweeper.ratingFollowUps()).toBe(1);
      expect(await engine.sweeper.ratingFollowUps()).toBe(0);
      const head = await engine.supervisor.inbox(`${hospital.id}-head`);
      expect(head.followUps).toHaveLength(1);
      await expect(
        engine.supervisor.recordFollowUp(`${hospital.id}-clerk`, 'S-1', 'birth-certificate', '已致电'),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await engine.supervisor.recordFollowUp(`${hospital.id}-head`, 'S-1', 'birth-certificate', '已致电道歉');
      const ratings = (await engine.supervisor.dashboard('fujian', {})).tables.find(
        (t) => t.id === 'ratings-by-score',
      )!;
      expect(ratings.rows).toEqual([
        expect.objectContaining({ ratings: 1, poor: 1, late: 1, poorWhenLate: 1 }),
      ]);

      // CSV with a byte-order mark and labels; a supervisor of Anhui reads nothing of Fujian.
      const anhuiOnly = { authorization: 'Bearer dev-supervisor:anhui' };
      const csv = await app.inject({
        url: '/api/supervision/regions/anhui/tables/compliance-by-item.csv',
        headers: anhuiOnly,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.body).toContain('部门服务标准（设置）');
      // The table alone (one grouping) has the rows the dashboard (all four in one pass) shows.
      expect(csv.body.trim().split('\r\n')).toHaveLength(byItem.rows.length + 1);
      for (const url of [
        '/api/supervision/regions/fujian/overview',
        '/api/supervision/regions/fujian/overdue',
        '/api/supervision/regions/fujian/dashboard',
        '/api/supervision/regions/fujian/tables/overdue.csv',
        '/api/supervision/regions/fujian/reports/2026-11.pdf',
      ]) {
        const r = await app.inject({ url, headers: anhuiOnly });
        expect(r.statusCode, url).toBe(404);
        expect(r.body).not.toContain('S-1');
      }
      const pdf = await app.inject({
        url: '/api/supervision/regions/fujian/reports/2026-11.pdf',
        headers: { authorization: 'Bearer dev-supervisor:fujian' },
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      await app.close();
    }, 180_000);

    it('an item sent back for a supplement and dispatched again is escalated again against its new deadline', async () => {
      const { engine, clock, hospital, mother, db, app } = await setup(kind);
      const overdue = () =>
        db.query<{ due: Date }>(
          `select due from supervision_escalations
           where case_id = 'S-1' and item = 'birth-certificate' and threshold = 'overdue' order by due`,
        );
      clock.set(new Date('2026-11-17T12:00:00+08:00'));
      await engine.sweeper.escalate();
      expect(await overdue()).toHaveLength(1);
      await engine.staff.decide(`${hospital.id}-clerk`, 'S-1', 'birth-certificate', {
        txnId: 'ask',
        outcome: 'supplement',
        material: 'parents-id-cards',
        message: { zh: '照片不清晰', en: 'The photo is unreadable' },
      });
      // Two days with the family: the paused clock moves the deadline on by as much.
      clock.set(new Date('2026-11-19T12:00:00+08:00'));
      await engine.parent.answerSupplement('S-1', 'birth-certificate', mother, '已重新上传');
      clock.set(new Date('2026-11-27T12:00:00+08:00'));
      await engine.sweeper.escalate();
      const both = await overdue();
      expect(both).toHaveLength(2);
      expect(both[1]!.due.getTime()).toBeGreaterThan(both[0]!.due.getTime());
      await app.close();
    }, 180_000);
  });
}
