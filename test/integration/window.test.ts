import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import type { RegionId } from '../../src/domain/ids.ts';
import { maskId } from '../../src/domain/citizen-id.ts';
import { FACE_PHOTO } from '../../src/engine/simulated-family.ts';
import type { WindowApplication } from '../../src/engine/staff/window.ts';
import { demoOrganisations, demoStaff } from '../../src/registries/demo-organisations.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { FamilySituationInput } from '../../src/registries/port.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';
import { firstPagePng, pdfImages, pdfText } from '../support/pdf.ts';
import { signaturePng } from '../support/signature-png.ts';

/**
 * 联办窗口 through the engine, on both stores: a hospital clerk applies for a mother who gave birth
 * there; she signs the letter (Tongchuan 002 附件3) and the form on the counter tablet, the father
 * too; the case goes through the parent's own submit, once however often it is sent; the papers
 * are filled from the case; a mother of another hospital is not found.
 */
const PAPERS = fileURLToPath(new URL('../../test-results/window/', import.meta.url));
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function setup(kind: 'pglite' | 'postgres', region: RegionId) {
  const db = await freshDb(kind);
  open.push(db);
  const orgs = [...new Set<RegionId>([region, 'fujian'])].flatMap((r) => demoOrganisations(r));
  await upsertOrganisations(db, orgs);
  await upsertStaff(db, demoStaff(orgs));
  const shared = simulatedRegistries();
  const load = (change?: (f: FamilySituationInput) => void) => {
    const f = structuredClone(sampleSituation(region));
    f.baby.bornAt = '2026-11-14T08:00:00+08:00';
    change?.(f);
    shared.load(f);
    return f;
  };
  const f = load();
  let n = 0;
  const engine = testEngine({
    db,
    clock: fakeClock(new Date('2026-11-16T10:00:00+08:00')),
    shared,
    newCaseId: () => `WIN-${++n}`,
  });
  const hospital = orgs.find(
    (o) => o.region === region && o.institution === f.deliveryRecord?.institutionName,
  )!;
  const application: WindowApplication = {
    motherIdNumber: f.mother.idNumber,
    baby: { surname: '李', givenName: '川川' },
    choices: { followParent: 'father' },
    contact: {
      mailingAddress: { divisionCode: f.mother.hukou!.divisionCode, detail: '朝阳路 88 号 2 单元 301' },
    },
    uploads: {},
  };
  return { db, engine, f, load, clerk: `${hospital.id}-clerk`, hospital, application };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** The clerk scans what the mother handed over: each material the pre-review still lists. */
async function scan({ engine, clerk, application, f }: Setup): Promise<WindowApplication> {
  const p = await engine.staff.window.preview(clerk, application);
  const uploads: Record<string, string> = {};
  for (const m of p.missing.filter((x) => x.field.startsWith('uploads.'))) {
    const material = m.field.slice('uploads.'.length);
    uploads[material] = (await engine.parent.upload(f.mother.idNumber, material, FACE_PHOTO)).uploadId;
  }
  return { ...application, uploads };
}

/** The letter where the region has one, then the form, signed on the tablet by the mother and the father. */
async function signAtCounter(s: Setup, a: WindowApplication) {
  const w = s.engine.staff.window;
  if ((await w.lookUp(s.clerk, a.motherIdNumber)).letter) {
    const letter = await w.startSigning(s.clerk, 'letter', a);
    expect(letter.signers).toEqual(['mother']);
    // The screens show the letter with the ID number masked; the printed letter has it whole (below).
    const grantor = (letter.summary as { letter: { grantor: { name: string; idNumber: string } } }).letter
      .grantor;
    expect(grantor.idNumber).toBe(maskId(a.motherIdNumber));
    expect((await w.sign(s.clerk, letter.id, 'mother', signaturePng(240, 72, 1))).complete).toBe(true);
  }
  const form = await w.startSigning(s.clerk, 'form', a, { fatherPresent: true });
  await w.sign(s.clerk, form.id, 'mother', signaturePng(240, 72, 2));
  const done = await w.sign(s.clerk, form.id, 'father', signaturePng(240, 72, 3));
  return { form, done };
}

function keep(name: string, pdf: Buffer) {
  mkdirSync(PAPERS, { recursive: true });
  writeFileSync(`${PAPERS}${name}.pdf`, pdf);
  writeFileSync(`${PAPERS}${name}.png`, firstPagePng(pdf, 110).png);
}

for (const kind of DB_KINDS) {
  describe(`the hospital joint window on ${kind}`, () => {
    it('Tongchuan: the clerk applies for the mother; letter and form signed on the tablet; sent twice, one case; the mother follows it', async () => {
      const s = await setup(kind, 'sichuan-tongchuan');
      const w = s.engine.staff.window;
      const family = await w.lookUp(s.clerk, s.f.mother.idNumber);
      expect(family).toMatchObject({ letter: true, babies: [{ birthOrder: 1, caseId: null }] });

      // The letter and the form are the window's own papers: the clerk scans only what the family brought.
      const before = await w.preview(s.clerk, s.application);
      expect(before.form).not.toBeNull();
      expect(before.missing.map((m) => m.field).sort()).toEqual([
        'uploads.birth-certificate-pages',
        'uploads.hukou-book',
        'uploads.marriage-certificate',
        'uploads.parents-id-cards',
      ]);
      expect(before.produced).toEqual([
        { material: 'authorization-letter', ready: false },
        { material: 'application-form', ready: false },
      ]);

      const a = await scan(s);
      const { form, done } = await signAtCounter(s, a);
      expect(form.signers).toEqual(['mother', 'father']);
      expect(done).toMatchObject({ complete: true, expired: false });
      expect((await w.preview(s.clerk, a)).produced[0]).toEqual({
        material: 'authorization-letter',
        ready: true,
      });

      const first = await w.submit(s.clerk, 'queued-0001', a, form.id);
      const again = await w.submit(s.clerk, 'queued-0001', a, form.id);
      expect(first).toMatchObject({ accepted: true, duplicate: false });
      expect(again).toMatchObject({
        accepted: true,
        duplicate: true,
        caseId: (first as { caseId: string }).caseId,
      });
      const caseId = (first as { caseId: string }).caseId;
      expect(await s.db.query('select id from cases')).toHaveLength(1);

      // The mother's own app: her case, and where it was applied for.
      const mine = await s.engine.parent.myCases(s.f.mother.idNumber);
      expect(mine.map((c) => c.caseId)).toEqual([caseId]);
      const state = await s.engine.parent.myCase(caseId, s.f.mother.idNumber);
      expect(state.applicant).toEqual({ role: 'mother', idNumber: s.f.mother.idNumber });
      expect(state.signature?.coSigners).toMatchObject([{ role: 'father', idNumber: s.f.father!.idNumber }]);
      expect(await w.appliedAt(caseId, s.f.mother.idNumber)).toEqual({
        window: { organisation: s.hospital.name, appliedAt: expect.any(String) },
      });
      expect(await w.appliedAt(caseId, s.f.father!.idNumber)).toMatchObject({
        window: { organisation: s.hospital.name },
      });
      await expect(w.appliedAt(caseId, '110101199001011237')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await w.lookUp(s.clerk, s.f.mother.idNumber)).babies[0]!.caseId).toBe(caseId);

      // The three papers, filled from the case (and kept under test-results/window/ to look at).
      const formPdf = await w.paper(s.clerk, caseId, 'form');
      const letterPdf = await w.paper(s.clerk, caseId, 'authorization');
      const receiptPdf = await w.paper(s.clerk, caseId, 'receipt');
      keep(`${kind}-form`, formPdf);
      keep(`${kind}-authorization`, letterPdf);
      keep(`${kind}-receipt`, receiptPdf);
      // Each paper printed is a read the mother sees, by the hospital's name.
      const seen = await s.engine.parent.whoSawMyData(caseId, s.f.mother.idNumber);
      expect(seen.filter((v) => v.item === 'window').map((v) => v.fields[0]!.zh)).toEqual([
        '签名的申请表（全部内容）',
        '签名的授权委托书',
        '收件回执',
      ]);
      expect(seen.every((v) => v.organisation.zh === s.hospital.name.zh)).toBe(true);
      const formText = pdfText(formPdf);
      expect(formText).toContain('达州市通川区“新生儿出生一件事”联办申请表');
      expect(formText).toContain(`办件编号：${caseId}`);
      expect(formText).toContain(`婴儿姓名李川川性别女出生时间2026年11月14日8时0分`);
      expect(formText).toContain('出生地点四川省达州市通川区分娩助产机构通川区助产机构（示例）');
      expect(formText).toContain(
        `母亲姓名${s.f.mother.name}证件类型居民身份证证件号码${s.f.mother.idNumber}`,
      );
      expect(formText).toContain(`父亲姓名${s.f.father!.name}`);
      expect(formText).toContain('随（✓父亲母亲）申报');
      expect(formText).toContain('邮寄地址四川省达州市通川区朝阳路88号2单元301');
      expect(formText).toContain('申请日期：2026年11月16日');
      expect(pdfImages(formPdf)).toBe(2);
      const letterText = pdfText(letterPdf);
      expect(letterText).toContain(
        `兹有委托人${s.f.mother.name}，身份证号码${s.f.mother.idNumber}，于2026年11月14日在通川区助产机构（示例）分娩。分娩的新生儿姓名李川川，性别女。现受权委托医院通川区助产机构（示例）办理以下事项：`,
      );
      expect(letterText).toContain('委托期限从2026年11月16日起');
      expect(pdfImages(letterPdf)).toBe(1);
      const receiptText = pdfText(receiptPdf);
      expect(receiptText).toContain(`办件编号：${caseId}`);
      expect(receiptText).toContain(`申请人：${s.f.mother.name}新生儿：李川川`);
      // Every material of 附件2 reached the case: the four scans, the signed letter and the form's paper.
      expect(receiptText).toContain('共收取6项');
      for (const pdf of [formPdf, letterPdf, receiptPdf])
        expect(firstPagePng(pdf).png.length).toBeGreaterThan(20_000);
    });

    it('Tongchuan, the father not at the counter: invited, he signs the same form in his own login; one case, his co-signature recorded', async () => {
      const s = await setup(kind, 'sichuan-tongchuan');
      const w = s.engine.staff.window;
      const father = s.f.father!.idNumber;
      const a = await scan(s);
      const letter = await w.startSigning(s.clerk, 'letter', a);
      await w.sign(s.clerk, letter.id, 'mother', signaturePng(240, 72, 1));
      const form = await w.startSigning(s.clerk, 'form', a, { fatherPresent: false });
      expect(form).toMatchObject({ signers: ['mother'], ownLogin: [{ role: 'father', invitedAt: null }] });
      const signed = await w.sign(s.clerk, form.id, 'mother', signaturePng(240, 72, 2));
      expect(signed).toMatchObject({ complete: true, ready: false });
      await expect(w.submit(s.clerk, 'away-0001', a, form.id)).rejects.toMatchObject({
        details: { field: 'signature.others' },
      });

      // Invited for exactly the form the mother signed (its paper included); asked twice, sent once.
      const invited = await w.inviteToSign(s.clerk, form.id, a);
      expect(invited.ownLogin).toEqual([{ role: 'father', invitedAt: expect.any(String), signedAt: null }]);
      await w.inviteToSign(s.clerk, form.id, a);
      const [inv, ...more] = await s.engine.parent.invitations(father);
      expect(more).toEqual([]);
      expect(inv).toMatchObject({ from: 'mother', babyName: '李川川', open: ['sign'] });
      await expect(w.inviteToSign('fujian-hospital-1-clerk', form.id, a)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });

      await s.engine.parent.coSign(father, inv!.id, signaturePng(240, 72, 3));
      const now = await w.signingSession(s.clerk, form.id);
      expect(now).toMatchObject({
        ready: true,
        ownLogin: [{ role: 'father', signedAt: expect.any(String) }],
      });
      await expect(w.inviteToSign(s.clerk, form.id, a)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('Invitation'),
      });

      const first = await w.submit(s.clerk, 'away-0002', a, form.id);
      expect(first).toMatchObject({ accepted: true, duplicate: false });
      expect(await w.submit(s.clerk, 'away-0002', a, form.id)).toMatchObject({ duplicate: true });
      expect(await s.db.query('select id from cases')).toHaveLength(1);
      const caseId = (first as { caseId: string }).caseId;
      const state = await s.engine.parent.myCase(caseId, s.f.mother.idNumber);
      expect(state.signature?.coSigners).toMatchObject([{ role: 'father', idNumber: father }]);
      // 附件1 carries both signatures: hers from the tablet, his from his own login.
      expect(pdfImages(await w.paper(s.clerk, caseId, 'form'))).toBe(2);
    });

    it('only a mother who gave birth in this hospital: another hospital’s mother, or another region’s clerk, is not found', async () => {
      const s = await setup(kind, 'sichuan-tongchuan');
      const elsewhere = s.load((f) => {
        f.mother.idNumber = makeCitizenId('511702', '1992-01-01', 122);
        f.marriage!.wifeIdNumber = f.mother.idNumber;
        f.father!.idNumber = makeCitizenId('511702', '1990-01-01', 121);
        f.marriage!.husbandIdNumber = f.father!.idNumber;
        f.deliveryRecord = {
          ...f.deliveryRecord!,
          motherIdNumber: f.mother.idNumber,
          institutionName: '达州市中心医院',
        };
      });
      const w = s.engine.staff.window;
      await expect(w.lookUp(s.clerk, elsewhere.mother.idNumber)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { field: 'motherIdNumber' },
      });
      await expect(
        w.preview(s.clerk, { ...s.application, motherIdNumber: elsewhere.mother.idNumber }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(w.lookUp('fujian-hospital-1-clerk', s.f.mother.idNumber)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      // A police clerk has no window at all.
      await expect(
        w.lookUp('sichuan-tongchuan-police-511702-clerk', s.f.mother.idNumber),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('a tablet session signs only what it was opened for, by whom it names, and only before it expires', async () => {
      const s = await setup(kind, 'sichuan-tongchuan');
      const w = s.engine.staff.window;
      const a = await scan(s);
      const letter = await w.startSigning(s.clerk, 'letter', a);
      await expect(w.sign(s.clerk, letter.id, 'father', signaturePng())).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(w.signingSession('fujian-hospital-1-clerk', letter.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      // The form cannot be sent before the mother signs it on the tablet.
      await w.sign(s.clerk, letter.id, 'mother', signaturePng());
      const form = await w.startSigning(s.clerk, 'form', a);
      expect(form.signers).toEqual(['mother']);
      await expect(w.submit(s.clerk, 'too-early-1', a, form.id)).rejects.toMatchObject({ code: 'CONFLICT' });
      const late = testEngine({
        db: s.db,
        clock: fakeClock(new Date('2026-11-16T10:11:00+08:00')),
        shared: simulatedRegistries(),
        newCaseId: () => 'LATE',
      });
      await expect(late.staff.window.sign(s.clerk, form.id, 'mother', signaturePng())).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { field: 'signingSession' },
      });
    });

    it('elsewhere the window is the fallback: no letter, the mother signs the general form herself', async () => {
      const s = await setup(kind, 'fujian');
      const w = s.engine.staff.window;
      expect((await w.lookUp(s.clerk, s.f.mother.idNumber)).letter).toBe(false);
      const a = await scan(s);
      await expect(w.startSigning(s.clerk, 'letter', a)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const form = await w.startSigning(s.clerk, 'form', a);
      await w.sign(s.clerk, form.id, 'mother', signaturePng());
      const r = await w.submit(s.clerk, 'fallback-0001', a, form.id);
      expect(r).toMatchObject({ accepted: true, duplicate: false });
      const caseId = (r as { caseId: string }).caseId;
      const pdf = await w.paper(s.clerk, caseId, 'form');
      keep(`${kind}-fujian-general-form`, pdf);
      expect(pdfText(pdf)).toContain(`办件编号Case${caseId}`);
      await expect(w.paper(s.clerk, caseId, 'authorization')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // Another hospital's clerk prints nothing of it.
      await expect(w.paper('fujian-hospital-2-clerk', caseId, 'form')).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect((await s.engine.parent.myCases(s.f.mother.idNumber)).map((c) => c.caseId)).toEqual([caseId]);
    });
  });
}
