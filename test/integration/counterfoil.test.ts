import { afterEach, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { fakeClock, type FakeClock } from '../../src/domain/clock.ts';
import type { RegionId } from '../../src/domain/ids.ts';
import type { LocalDate } from '../../src/domain/local-date.ts';
import { completeApplication, FACE_PHOTO } from '../../src/engine/simulated-family.ts';
import { demoOrganisations, demoStaff } from '../../src/registries/demo-organisations.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { FamilySituationInput } from '../../src/registries/port.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';
import { firstPagePng, pdfText } from '../support/pdf.ts';

/**
 * Counterfoil batches through the engine on both stores: the hospital's due batches come from the
 * certificates it issued, a receiver acknowledges only what is addressed to it, line by line, and
 * the sender follows each discrepancy up. Fujian's counterfoils go on from the health bureau to the
 * police; Anhui's archives are off the platform.
 */
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function world(kind: 'pglite' | 'postgres', region: RegionId, start: string) {
  const db = await freshDb(kind);
  open.push(db);
  const orgs = demoOrganisations(region);
  await upsertOrganisations(db, orgs);
  await upsertStaff(db, demoStaff(orgs));
  const clock: FakeClock = fakeClock(new Date(start));
  const shared = simulatedRegistries();
  let n = 0;
  const engine = testEngine({ db, clock, shared, newCaseId: () => `K-${++n}` });
  let families = 0;
  /** A new family (its own ID numbers) born at `bornAt`, applying now; the case id. */
  const apply = async (bornAt: string, change?: (f: FamilySituationInput) => void) => {
    const f = structuredClone(sampleSituation(region));
    const serial = ++families;
    const renumber = (id: string) =>
      makeCitizenId(
        id.slice(0, 6),
        `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` as LocalDate,
        (Number(id.slice(14, 17)) + 2 * serial) % 1000,
      );
    const [mother, father] = [renumber(f.mother.idNumber), renumber(f.father!.idNumber)];
    Object.assign(f.marriage!, { wifeIdNumber: mother, husbandIdNumber: father });
    Object.assign(f.deliveryRecord!, { motherIdNumber: mother, fatherIdNumber: father });
    f.mother.idNumber = mother;
    f.father!.idNumber = father;
    f.baby.bornAt = bornAt;
    change?.(f);
    shared.load(f);
    // Anhui 附件2 二 1: the father confirms in his own login first.
    if (region === 'anhui') await engine.parent.confirmFather(father, FACE_PHOTO);
    const input = await completeApplication(engine, region, {
      applicant: { role: 'mother', idNumber: mother },
      motherIdNumber: mother,
      baby: { surname: '李', givenName: ['安然', '子涵', '思远', '若溪'][serial % 4]! },
      choices: { followParent: 'father' },
    });
    const result = await engine.parent.submit(region, `k-${serial}`, input);
    if (!result.accepted)
      throw new Error(
        `not accepted: ${JSON.stringify(result.evaluation.findings.filter((x) => x.outcome === 'failed'))}`,
      );
    return result.caseId;
  };
  const hospitalOf = (institution: string) =>
    orgs.find((o) => o.department === 'midwifery-institution' && o.institution === institution)!;
  return { db, clock, engine, orgs, apply, hospitalOf };
}

const at = (s: string) => new Date(`${s}+08:00`);

for (const kind of DB_KINDS) {
  describe(`counterfoil batches on ${kind}`, () => {
    it('000 四(一): Zibo’s hospital sends last month’s counterfoils by registering county; the police acknowledge one missing; the hospital follows it up', async () => {
      const { clock, engine, apply, hospitalOf } = await world(kind, 'zibo', '2026-09-20T10:00:00+08:00');
      const hospital = `${hospitalOf('淄博市妇幼保健院').id}-clerk`;
      const issue = (caseId: string, number: string) =>
        engine.staff.decide(hospital, caseId, 'birth-certificate', {
          txnId: `c-${caseId}`,
          outcome: 'done',
          outputs: { certificateNumber: number },
        });
      const zhangdian = [await apply('2026-09-18T08:00:00+08:00'), await apply('2026-09-18T09:00:00+08:00')];
      const zhoucun = await apply('2026-09-18T10:00:00+08:00', (f) => {
        f.father!.hukou!.divisionCode = '370306';
      });
      await issue(zhangdian[0]!, 'Q370000101');
      await issue(zhangdian[1]!, 'Q370000102');
      await issue(zhoucun, 'Q370000103');
      clock.set(at('2026-10-02T10:00:00'));
      const october = await apply('2026-09-30T08:00:00+08:00');
      await issue(october, 'Q370000104');
      clock.set(at('2026-10-12T09:00:00'));

      const overview = await engine.staff.counterfoil.overview(hospital);
      expect(overview.terms?.citation).toBe(
        '《淄博市新生儿出生“一件事”集成服务实施细则》（淄卫办发〔2021〕9号）四(一)',
      );
      expect(
        overview.pending.map((g) => ({
          county: g.countyName?.zh,
          month: g.month,
          due: g.due?.date,
          delayedBy: g.due?.delayedBy,
          ready: g.ready,
          receiver: g.receiver?.zh,
          lines: g.lines.map((l) => l.certificateNumber),
        })),
      ).toEqual([
        {
          county: '淄博市张店区',
          month: '2026-09',
          // Before the 10th, a week later for National Day.
          due: '2026-10-16',
          delayedBy: 7,
          ready: true,
          receiver: '淄博市张店区公安派出所',
          lines: ['Q370000101', 'Q370000102'],
        },
        {
          county: '淄博市周村区',
          month: '2026-09',
          due: '2026-10-16',
          delayedBy: 7,
          ready: true,
          receiver: '淄博市周村区公安派出所',
          lines: ['Q370000103'],
        },
        {
          county: '淄博市张店区',
          month: '2026-10',
          due: '2026-11-09',
          delayedBy: 0,
          ready: false,
          receiver: '淄博市张店区公安派出所',
          lines: ['Q370000104'],
        },
      ]);
      await expect(
        engine.staff.counterfoil.assemble(hospital, { hop: 0, county: '370303', month: '2026-10' }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });

      const batch = await engine.staff.counterfoil.assemble(hospital, {
        hop: 0,
        county: '370303',
        month: '2026-09',
      });
      expect(batch).toMatchObject({
        status: 'assembled',
        role: 'sender',
        due: '2026-10-16',
        lines: [{}, {}],
      });
      // The same counterfoils cannot go into a second batch.
      await expect(
        engine.staff.counterfoil.assemble(hospital, { hop: 0, county: '370303', month: '2026-09' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const police = 'zibo-police-370303-clerk';
      // Not the receiver's yet while the hospital is still assembling it.
      await expect(engine.staff.counterfoil.batch(police, batch.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await engine.staff.counterfoil.send(hospital, batch.id);
      await expect(engine.staff.counterfoil.send(hospital, batch.id)).rejects.toMatchObject({
        code: 'CONFLICT',
      });

      // Another county's police, and the hospital itself, cannot acknowledge it.
      for (const stranger of ['zibo-police-370306-clerk', hospital])
        await expect(engine.staff.counterfoil.acknowledge(stranger, batch.id, [])).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
      expect((await engine.staff.counterfoil.overview('zibo-police-370306-clerk')).incoming).toEqual([]);
      const incoming = (await engine.staff.counterfoil.overview(police)).incoming;
      expect(incoming).toMatchObject([{ id: batch.id, status: 'sent', mayAcknowledge: true, lines: 2 }]);

      const [first, second] = batch.lines.map((l) => l.caseId) as [string, string];
      const acknowledged = await engine.staff.counterfoil.acknowledge(police, batch.id, [
        { caseId: first, status: 'received' },
        { caseId: second, status: 'missing', note: '信封内未见此份' },
      ]);
      expect(acknowledged).toMatchObject({ status: 'acknowledged-with-discrepancies', openDiscrepancies: 1 });
      await expect(
        engine.staff.counterfoil.acknowledge(police, batch.id, [
          { caseId: first, status: 'received' },
          { caseId: second, status: 'received' },
        ]),
      ).rejects.toMatchObject({ code: 'CONFLICT' });

      const sent = (await engine.staff.counterfoil.overview(hospital)).outgoing;
      expect(sent).toMatchObject([{ id: batch.id, discrepancies: 1, openDiscrepancies: 1 }]);
      // Only the sender follows up.
      await expect(
        engine.staff.counterfoil.followUp(police, batch.id, second, { kind: 'resent', note: '已补送' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const resolved = await engine.staff.counterfoil.followUp(hospital, batch.id, second, {
        kind: 'resent',
        note: '在档案柜中找到，已于10月13日补送',
      });
      expect(resolved).toMatchObject({ status: 'discrepancies-resolved', openDiscrepancies: 0 });
      expect(resolved.lines[1]).toMatchObject({
        status: 'missing',
        note: '信封内未见此份',
        followUp: { kind: 'resent', note: '在档案柜中找到，已于10月13日补送' },
      });

      const pdf = await engine.staff.counterfoil.sheet(police, batch.id);
      const text = pdfText(pdf);
      expect(text).toContain('《出生医学证明》副页（户口联）移交记录表');
      expect(text).toContain('移交单位淄博市妇幼保健院接收单位淄博市张店区公安派出所移交时间2026年10月12日');
      expect(text).toContain('批次期间2026年9月1日至2026年9月30日县（市、区）淄博市张店区份数2份');
      expect(text).toContain('Q370000101');
      expect(text).toContain('缺失：信封内未见此份');
      expect(text).toContain('本批共2份；接收确认1份；缺失1份；不一致0份。');
      expect(text).toContain(
        '依据：《淄博市新生儿出生“一件事”集成服务实施细则》（淄卫办发〔2021〕9号）四(一)',
      );
      expect(firstPagePng(pdf).png.length).toBeGreaterThan(20_000);
    });

    it('003 附件1 三(一)2: Fujian’s counterfoils go once registered, to the county health bureau, which hands them on to the police', async () => {
      const { engine, apply, hospitalOf } = await world(kind, 'fujian', '2026-11-16T10:00:00+08:00');
      const hospital = `${hospitalOf('南安市助产机构（示例）').id}-clerk`;
      const caseId = await apply('2026-11-14T08:00:00+08:00');
      await engine.staff.decide(hospital, caseId, 'birth-certificate', {
        txnId: 'c',
        outcome: 'done',
        outputs: { certificateNumber: 'Q350000201' },
      });
      // Not cut until the registration succeeds.
      expect((await engine.staff.counterfoil.overview(hospital)).pending).toEqual([]);
      await engine.staff.decide('fujian-police-350583-clerk', caseId, 'hukou-registration', {
        txnId: 'r',
        outcome: 'done',
        outputs: { citizenIdNumber: makeCitizenId('350583', '2026-11-14', 12) },
      });
      const [group] = (await engine.staff.counterfoil.overview(hospital)).pending;
      expect(group).toMatchObject({ hop: 0, county: '350583', month: null, due: null, ready: true });
      expect(group!.receiver?.zh).toBe('南安市卫生健康部门');

      const first = await engine.staff.counterfoil.assemble(hospital, {
        hop: 0,
        county: '350583',
        month: null,
      });
      await engine.staff.counterfoil.send(hospital, first.id);
      const bureau = 'fujian-health-commission-350583-clerk';
      await engine.staff.counterfoil.acknowledge(bureau, first.id, [{ caseId, status: 'received' }]);

      const onward = (await engine.staff.counterfoil.overview(bureau)).pending;
      expect(onward).toMatchObject([
        { hop: 1, county: '350583', lines: [{ certificateNumber: 'Q350000201' }] },
      ]);
      expect(onward[0]!.receiver?.zh).toBe('南安市公安派出所');
      const second = await engine.staff.counterfoil.assemble(bureau, {
        hop: 1,
        county: '350583',
        month: null,
      });
      await engine.staff.counterfoil.send(bureau, second.id);
      const police = 'fujian-police-350583-clerk';
      const done = await engine.staff.counterfoil.acknowledge(police, second.id, [
        { caseId, status: 'received' },
      ]);
      expect(done).toMatchObject({ status: 'acknowledged', hop: 1 });
      // A hospital does not send the second hop, and nothing waits there any more.
      expect((await engine.staff.counterfoil.overview(bureau)).pending).toEqual([]);
      const text = pdfText(await engine.staff.counterfoil.sheet(police, second.id));
      expect(text).toContain('移交单位南安市卫生健康部门接收单位南安市公安派出所');
      expect(text).toContain('流转路线助产机构→南安市卫生健康部门→南安市公安派出所');
      expect(text).toContain('南安市助产机构（示例）✓已接收');
      expect(text).toContain('依据：《关于做好福建省“新生儿出生一件事”集成套餐服务应用优化升级的通知》');
    });

    it('004 附件2 二 2: Anhui’s counterfoils go to the archives, off the platform; the hospital records the signed sheet', async () => {
      const { engine, apply, orgs } = await world(kind, 'anhui', '2026-11-16T10:00:00+08:00');
      const { id, institution } = orgs.find((o) => o.department === 'midwifery-institution')!;
      const hospital = `${id}-clerk`;
      const caseId = await apply('2026-11-14T08:00:00+08:00', (f) => {
        f.baby.birthPlace!.institutionName = institution!;
        f.deliveryRecord!.institutionName = institution!;
      });
      await engine.staff.decide(hospital, caseId, 'birth-certificate', {
        txnId: 'c',
        outcome: 'done',
        outputs: { certificateNumber: 'Q340000301' },
      });
      const [group] = (await engine.staff.counterfoil.overview(hospital)).pending;
      expect(group!.receiver?.zh).toBe('合肥市蜀山区国家综合档案馆');
      const batch = await engine.staff.counterfoil.assemble(hospital, {
        hop: 0,
        county: group!.county,
        month: null,
      });
      const sent = await engine.staff.counterfoil.send(hospital, batch.id);
      expect(sent).toMatchObject({ receiverOnPlatform: false, mayAcknowledge: true });
      const recorded = await engine.staff.counterfoil.acknowledge(hospital, batch.id, [
        { caseId, status: 'mismatched', note: '副页母亲姓名有涂改' },
      ]);
      expect(recorded).toMatchObject({ status: 'acknowledged-with-discrepancies' });
      const text = pdfText(await engine.staff.counterfoil.sheet(hospital, batch.id));
      expect(text).toContain('接收单位合肥市蜀山区国家综合档案馆');
      expect(text).toContain('不一致：副页母亲姓名有涂改');
      // The archives sign on paper: the hospital clerk is not printed as the receiver.
      expect(text).toContain('接收人签字：日期：');
    });

    it('over HTTP: the sheet is a PDF, a bad check is refused naming its field, a stranger gets 404; two clerks assembling at once make one batch', async () => {
      const { engine, clock, apply, hospitalOf } = await world(kind, 'fujian', '2026-11-16T10:00:00+08:00');
      const hospital = `${hospitalOf('南安市助产机构（示例）').id}-clerk`;
      const caseId = await apply('2026-11-14T08:00:00+08:00');
      await engine.staff.decide(hospital, caseId, 'birth-certificate', {
        txnId: 'c',
        outcome: 'done',
        outputs: { certificateNumber: 'Q350000401' },
      });
      await engine.staff.decide('fujian-police-350583-clerk', caseId, 'hukou-registration', {
        txnId: 'r',
        outcome: 'done',
        outputs: { citizenIdNumber: makeCitizenId('350583', '2026-11-14', 14) },
      });
      const group = { hop: 0, county: '350583', month: null };
      const both = await Promise.allSettled([
        engine.staff.counterfoil.assemble(hospital, group),
        engine.staff.counterfoil.assemble(hospital, group),
      ]);
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(['NOT_FOUND', 'CONFLICT']).toContain(refused.reason.code);
      const { id } = (both.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: string }>)
        .value;

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
      try {
        const as = (staffId: string) => ({ authorization: `Bearer dev-staff:${staffId}` });
        const base = '/api/staff/counterfoil';
        expect((await app.inject({ method: 'GET', url: base })).statusCode).toBe(401);
        const sheet = await app.inject({
          method: 'GET',
          url: `${base}/batches/${id}/sheet.pdf`,
          headers: as(hospital),
        });
        expect(sheet.headers['content-type']).toBe('application/pdf');
        expect(sheet.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        const send = await app.inject({
          method: 'POST',
          url: `${base}/batches/${id}/send`,
          headers: as(hospital),
        });
        expect(send.json()).toMatchObject({ status: 'sent' });
        const bureau = as('fujian-health-commission-350583-clerk');
        const bad = await app.inject({
          method: 'POST',
          url: `${base}/batches/${id}/acknowledgement`,
          headers: bureau,
          payload: { lines: [{ caseId, status: 'lost' }] },
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.message.zh).toContain('核对结果：');
        const stranger = as('fujian-health-commission-350502-clerk');
        const hidden = await app.inject({ method: 'GET', url: `${base}/batches/${id}`, headers: stranger });
        expect(hidden.statusCode).toBe(404);
        expect(hidden.json().error.message.zh).toBe(`副页批次：本单位没有第 ${id} 批副页`);
        const ok = await app.inject({
          method: 'POST',
          url: `${base}/batches/${id}/acknowledgement`,
          headers: bureau,
          payload: { lines: [{ caseId, status: 'mismatched' }] },
        });
        expect(ok.statusCode).toBe(400);
        expect(ok.json().error.message.zh).toBe('核对说明：标为“不一致”的，请写明哪里不一致');
      } finally {
        await app.close();
      }
    });

    it('Gansu has no counterfoil transfer in its documents: nothing to send', async () => {
      const { engine, orgs } = await world(kind, 'gansu-lanzhou', '2026-11-16T10:00:00+08:00');
      const hospital = orgs.find((o) => o.department === 'midwifery-institution')!;
      expect(await engine.staff.counterfoil.overview(`${hospital.id}-clerk`)).toEqual({
        terms: null,
        sends: false,
        receives: false,
        pending: [],
        outgoing: [],
        incoming: [],
      });
    });
  });
}
