import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { CaseForm } from '../departments/port.ts';
import { DEPARTMENT_LABELS } from '../domain/labels.ts';
import { formatInstant } from '../domain/local-date.ts';
import { placeName } from './place-names.ts';
import type { Policy } from '../policy/schema.ts';

/**
 * 一表申请: the application form as a PDF with Chinese text, for the applicant to review before
 * signing and to keep afterwards. It prints the form's SHA-256 digest, which the signature binds:
 * any later change to the form gives another digest. Noto Sans SC (OFL) is embedded as a subset.
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

export interface FormDocument {
  policy: Policy;
  form: CaseForm;
  formDigest: string;
  /** Each item's own deadline from the plan the family signs; null where only the promise bounds it. */
  items: { id: string; department: keyof typeof DEPARTMENT_LABELS; deadline: string | null }[];
  promisedDeadline?: string | null;
  caseId?: string;
  /** The applicant's signature first, then the other parent's where the region asks both to sign. */
  signatures?: { label: string; imagePng: Buffer; signedAt: string }[];
}

export function renderApplicationForm(d: FormDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `${d.policy.name.zh}申请表`, Subject: d.formDigest },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = d.form;
  const itemName = (id: string) => d.policy.items.find((i) => i.id === id)?.name.zh ?? id;
  const section = (title: string) => doc.moveDown(0.6).fontSize(12).text(title).moveDown(0.2).fontSize(10);
  const line = (label: string, value: unknown) =>
    doc.text(`${label}：${value === null || value === undefined || value === '' ? '—' : String(value)}`);

  doc.font(FONT).fontSize(16).text(`${d.policy.name.zh}申请表`, { align: 'center' });
  doc.fontSize(9).text(d.policy.name.en, { align: 'center' });
  if (d.caseId) doc.text(`办件编号 Case ${d.caseId}`, { align: 'center' });

  section('新生儿信息 Baby');
  line('姓名', f.baby.name);
  line('性别', f.baby.sex === 'male' ? '男' : '女');
  line('出生时间', `${formatInstant(f.baby.bornAt)}（北京时间）`);
  line(
    '出生地点',
    `${placeName(f.baby.birthPlace.divisionCode)} ${f.baby.birthPlace.institutionName ?? ''}`.trim(),
  );

  section('父母信息 Parents');
  line('母亲', `${f.mother.name}  身份证号 ${f.mother.idNumber}`);
  line('父亲', f.father ? `${f.father.name}  身份证号 ${f.father.idNumber}` : null);
  const marriage = f.marriage as { registeredOn?: string } | null | undefined;
  line('结婚登记日期', marriage?.registeredOn);

  section('户口登记 Registration');
  line('随父/随母落户', f.registering.role === 'mother' ? '随母' : '随父');
  line('落户地', placeName(f.registering.hukouDivisionCode));
  const contact = f.contact as
    { phone: string | null; mailingAddress: { divisionCode: string; detail: string } | null } | undefined;
  line('联系电话', contact?.phone);

  section('办理事项 Items');
  for (const i of d.items) {
    const due = i.deadline ? `  最迟 ${formatInstant(i.deadline)}` : '';
    doc.text(`• ${itemName(i.id)}  ${DEPARTMENT_LABELS[i.department].zh}${due}`);
  }
  // One promise for the whole case, said once; or, with no limit anywhere, that there is none.
  if (d.promisedDeadline) doc.text(`整体承诺：${formatInstant(d.promisedDeadline)} 前全部办结`);
  else if (!d.items.some((i) => i.deadline)) doc.text('本地区文件未规定各事项的办理时限');

  const premium = f.premium as { years: { year: number }[] } | null | undefined;
  if (premium?.years.length) {
    section('医保参保 Insurance');
    line('参保年度', premium.years.map((y) => `${y.year} 年度`).join('、'));
  }

  section('送达方式 Delivery');
  const delivery = (f.delivery ?? {}) as Record<string, string>;
  const entries = Object.entries(delivery);
  if (!entries.length) doc.text('—');
  for (const [item, method] of entries)
    doc.text(`• ${itemName(item)}：${method === 'mail' ? '邮寄' : '自取'}`);
  // A recipient and an address only when something is mailed.
  if (entries.some(([, method]) => method === 'mail')) {
    line('收件人', f.recipient === 'father' ? '父亲' : '母亲');
    const a = contact?.mailingAddress;
    line('收件地址', a ? `${placeName(a.divisionCode)} ${a.detail}` : null);
  }

  section('承诺 Commitment');
  doc.text(
    '本人核对以上填写内容正确无误，并承诺申报信息及所提交的材料真实有效；如有隐瞒或虚假，愿意承担法律责任。',
  );
  doc.moveDown(0.5).fontSize(8).text(`表单摘要 Form digest (SHA-256)：${d.formDigest}`);
  if (d.signatures?.length) {
    for (const s of d.signatures) {
      doc
        .moveDown(0.5)
        .fontSize(10)
        .text(`${s.label}（${formatInstant(new Date(s.signedAt))}）：`);
      doc.image(s.imagePng, { fit: [200, 80] });
    }
  } else {
    doc.moveDown(0.5).fontSize(10).text('申请人签名 Signature：（待签名 / to be signed）');
  }
  doc.end();
  return done;
}
