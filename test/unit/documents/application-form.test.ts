import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseForm } from '../../../src/departments/port.ts';
import type { RegionId } from '../../../src/domain/ids.ts';
import { renderApplicationForm, type FormDocument } from '../../../src/documents/application-form.ts';
import { getPolicy, POLICIES } from '../../../src/policies/index.ts';
import { firstPagePng, pdfImages, pdfPages, pdfText } from '../../support/pdf.ts';
import { signaturePng } from '../../support/signature-png.ts';

/** A county of each region, where the family lives and registers, with its name as a form prints it. */
const COUNTIES: Record<RegionId, [code: string, name: string]> = {
  zibo: ['370303', '山东省淄博市张店区'],
  'gansu-lanzhou': ['620102', '甘肃省兰州市城关区'],
  'sichuan-tongchuan': ['511702', '四川省达州市通川区'],
  fujian: ['350503', '福建省泉州市丰泽区'],
  anhui: ['340104', '安徽省合肥市蜀山区'],
};
const ADDRESS =
  '东海街道丰海路 88 号泉州市第一医院东院区家属楼 3 幢 2 单元 1502 室（请工作日送达，电话联系后放门卫室）';

/** A family's form as engine/form.ts fixes it at submission, in the region's own places and items. */
function documentFor(region: RegionId, o: { mailed?: boolean; items?: number } = {}): FormDocument {
  const policy = getPolicy(region);
  const [county] = COUNTIES[region];
  const id = (tail: string) => `${county}${tail}`;
  const form: CaseForm = {
    baby: {
      name: '黄思萱',
      sex: 'female',
      bornAt: '2026-02-18T15:23:00.000Z',
      // engine/form.ts copies the whole birth place, its kind included, which CaseForm leaves untyped.
      birthPlace: { kind: 'institution', divisionCode: county, institutionName: '市第一医院' } as {
        divisionCode: string;
      },
    },
    mother: { name: '徐雨怡', idNumber: id('199111220006'), phone: '13910000000' },
    father: { name: '黄宇雨', idNumber: id('199301140018'), phone: '13810000000' },
    registering: {
      role: 'father',
      name: '黄宇雨',
      idNumber: id('199301140018'),
      hukouDivisionCode: county,
      householdType: 'family',
    },
    marriage: { registeredOn: '2023-09-29', registeredDivisionCode: county },
    existingCertificateNumber: null,
    insuranceYears: ['current', 'next'],
    premium: {
      years: [
        { year: 2026, insuranceYear: 'current' },
        { year: 2027, insuranceYear: 'next' },
      ],
      shareOfBirthYear: 1,
    },
    insuranceDivisionCode: county,
    delivery: Object.fromEntries(
      policy.items.slice(0, 3).map((i, n) => [i.id, o.mailed !== false && n !== 1 ? 'mail' : 'pickup']),
    ),
    recipient: 'mother',
    contact: {
      phone: '13910000000',
      mailingAddress: o.mailed === false ? null : { divisionCode: county, detail: ADDRESS },
    },
    uploads: policy.materials
      .slice(0, 2)
      .map((m) => ({ material: m.id, sha256: 'ab'.repeat(32), mime: 'image/png' })),
  };
  const count = o.items ?? policy.items.length;
  const items = Array.from({ length: count }, (_, n) => policy.items[n % policy.items.length]!).map(
    (i, n) => ({
      id: i.id,
      department: i.department,
      deadline: n % 2 ? null : '2026-03-04T16:00:00.000Z',
    }),
  );
  return { policy, form, formDigest: 'c0ffee'.padEnd(64, '0'), items, promisedDeadline: null };
}

const signed = (d: FormDocument): FormDocument => ({
  ...d,
  caseId: 'H-1',
  signatures: d.policy.applicants.signatures.map((_, n) => ({
    label: n ? '父亲签名' : '申请人（母亲）签名',
    imagePng: signaturePng(240, 72, n + 1),
    signedAt: '2026-03-02T01:12:00.000Z',
  })),
});

const pageText = (pdf: Buffer, page: number) =>
  execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), '-', '-'], { input: pdf })
    .toString('utf8')
    .replace(/\s+/g, '');

/**
 * Of the pixel rows between the top margin and the footer on page 1, the share with any ink: a grid's
 * vertical rules ink every row it spans, so a page left ~40 % empty scores ~0.6.
 */
function inkedShare(pdf: Buffer): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '36', '-f', '1', '-l', '1', '-'], { input: pdf });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const top = Math.round(height * (36 / 842));
  const bottom = Math.round(height * ((842 - 36 - 18) / 842));
  let inked = 0;
  for (let y = top; y < bottom; y++)
    if (pixels.subarray(y * width, (y + 1) * width).some((v) => v < 160)) inked++;
  return inked / (bottom - top);
}

const hasQpdf = spawnSync('sh', ['-c', 'command -v qpdf']).status === 0;

describe('the application form (一表申请) as a government form', () => {
  for (const region of Object.keys(POLICIES) as RegionId[]) {
    it(`${region}: one well-used page of boxed fields, places by name, phone, address and footer`, async () => {
      const d = signed(documentFor(region));
      const pdf = await renderApplicationForm(d);
      const png = firstPagePng(pdf, 60);
      expect(png.png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(Math.abs(png.width - 496)).toBeLessThanOrEqual(1);
      expect(Math.abs(png.height - 702)).toBeLessThanOrEqual(1);
      expect(pdfPages(pdf)).toBe(1);
      expect(inkedShare(pdf)).toBeGreaterThan(0.9);

      const sut = pdfText(pdf);
      const sections = [
        '新生儿信息',
        '父母信息',
        '户口登记',
        '医保参保',
        '申办事项',
        '联系邮寄',
        '申请材料',
        '承诺签名',
      ];
      const at = sections.map((s) => sut.indexOf(s));
      expect(at.filter((i) => i < 0)).toEqual([]);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      for (const text of [
        `${d.policy.name.zh}申请表`,
        '姓名黄思萱',
        '出生地点',
        '母亲姓名徐雨怡',
        '手机号码13910000000',
        '结婚登记日期2023-09-29结婚登记地',
        '户别家庭户',
        '参保年度2026年度（当年）、2027年度（次年）',
        '联系电话13910000000',
        '收件人徐雨怡（母亲）',
        `收件地址${COUNTIES[region][1]}${ADDRESS.replace(/\s+/g, '')}`,
        `1.${d.policy.materials[0]!.name.zh}`,
        '表单摘要（SHA-256）c0ffee',
        '办件编号CaseH-1',
        '第1页共1页/page1of1',
      ])
        expect(sut).toContain(text);
      // Places by name, never by code: the code is only the first six digits of the ID numbers.
      expect(sut).toContain(`出生地点${COUNTIES[region][1]}`);
      expect(sut.replace(/\d{17}[\dX]/g, '')).not.toContain(COUNTIES[region][0]);
      expect(pdfImages(pdf)).toBe(d.signatures!.length);
    });
  }

  it('is a tagged PDF 1.7 in Chinese: headings, tables of header and data cells; qpdf finds no error', async () => {
    const pdf = await renderApplicationForm(signed(documentFor('fujian')));
    const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toContain('福建省“新生儿出生一件事”2.0版集成套餐服务申请表');
    const tree = execFileSync('pdfinfo', ['-struct-text', '-'], { input: pdf }).toString('utf8');
    expect(tree).toMatch(/H1 \(block\)\s+"福建省/);
    expect(tree).toMatch(/H2 \(block\)\s+"新生儿信息"/);
    expect(tree).toMatch(/TH:\s+\/Scope \/Row\s+"收件地址"\s+TD\s+"福建省泉州市丰泽区/);
    expect(tree).toMatch(/TH:\s+\/Scope \/Column\s+"申办事项"/);
    // The page footer is a pagination artifact, outside the structure.
    expect(tree).not.toContain('第 1 页');
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(zh-CN\)/);
    if (hasQpdf) {
      const file = join(mkdtempSync(join(tmpdir(), 'form-')), 'form.pdf');
      writeFileSync(file, pdf);
      const check = spawnSync('qpdf', ['--check', file]);
      expect(check.stdout.toString()).toContain('No syntax or stream encoding errors found');
      expect(check.status).toBe(0);
    }
  });

  it('the draft has an empty box for each signature and its date, in the region’s order', async () => {
    const pdf = await renderApplicationForm(documentFor('gansu-lanzhou'));
    const sut = pdfText(pdf);
    expect(sut).toContain('草稿（待签名）');
    expect(sut).toMatch(/父亲签名签名时间年月日母亲签名签名时间年月日表单摘要/);
    expect(sut).toContain('第1页共1页/page1of1');
    expect(sut).not.toContain('办件编号Case');
    expect(pdfImages(pdf)).toBe(0);
  });

  it('with nothing mailed, there is no recipient; the phone stays', async () => {
    const sut = pdfText(await renderApplicationForm(documentFor('zibo', { mailed: false })));
    expect(sut).toContain('联系电话13910000000收件地址无需邮寄（全部自取）');
    expect(sut).not.toContain('收件人');
  });

  it('a list too long for one page runs on, its column headings repeated, each page numbered', async () => {
    const pdf = await renderApplicationForm(signed(documentFor('anhui', { items: 40 })));
    expect(pdfPages(pdf)).toBe(2);
    const first = pageText(pdf, 1);
    const second = pageText(pdf, 2);
    expect(first).toContain('第1页共2页/page1of2');
    expect(second).toContain('序号申办事项承办部门办理时限（最迟）领取方式');
    expect(second).toContain('第2页共2页/page2of2');
    expect(second).toContain('办件编号CaseH-1');
    expect(second).toContain('承诺签名');
  });
});
