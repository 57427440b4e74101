import type { CaseForm } from '../departments/port.ts';
import { formatInstant } from '../domain/local-date.ts';
import type { Policy } from '../policy/schema.ts';
import { formSections, type FormItem } from './application-form-grid.ts';
import { FOOTER_H, pageFooters } from './pdf/footer.ts';
import { drawSections, note, sectionsHeight, UNITS, type FormRow, type GridCell } from './pdf/form-grid.ts';
import { MARGIN, createPdf, dateText, flow, measure, type Pdf } from './pdf/layout.ts';
import { structureRoot, tagged, type Struct } from './pdf/tagged.ts';

/**
 * 一表申请: the application form as a government form, for the applicant to review before signing
 * and for the family and every department to read afterwards. A grid of boxed fields by section
 * (application-form-grid.ts), the commitment with a box for each signature and its date, and the
 * form's SHA-256 digest, which the signatures bind: any later change to the form gives another
 * digest. Every page's footer names the case and the page. A tagged PDF in Chinese, its text
 * extractable (Noto Sans SC, OFL, embedded as a subset).
 */
export interface FormDocument {
  policy: Policy;
  form: CaseForm;
  formDigest: string;
  items: FormItem[];
  promisedDeadline?: string | null;
  caseId?: string;
  /** The applicant's signature first, then the other parent's where the region asks both to sign. */
  signatures?: { label: string; imagePng: Buffer; signedAt: string }[];
}

const COMMITMENT =
  '本人核对以上填写内容正确无误，并承诺申报信息及所提交的材料真实有效；如有隐瞒或虚假，愿意承担法律责任。';
const NOTE =
  '注：本表由申请人在线填写，平台根据共享数据（分娩、户籍、婚姻登记等信息）预填，各承办部门据此办理，不再重复收取。' +
  '签名对上列表单摘要有效；表单内容有任何改动，摘要随之改变，须重新签名。';
const SIGNATURE_H = 42;

/** Who signs the draft, in the region's order (policy.applicants.signatures). */
const SIGNER_LABELS = { applicant: '申请人签名', mother: '母亲签名', father: '父亲签名' } as const;

/** Rows are as tall as the page allows, within these bounds; beyond, the form runs onto a second page. */
const ROW_MIN = 22;
const ROW_MAX = 30;
const NOTE_SIZE = 7.5;

export function renderApplicationForm(d: FormDocument): Promise<Buffer> {
  const title = `${d.policy.name.zh}申请表`;
  const { doc, bytes } = createPdf({ title, subject: d.formDigest }, 'portrait', { tagged: true });
  const root = structureRoot(doc);
  const bottom = doc.page.height - MARGIN - FOOTER_H;
  const width = doc.page.width - 2 * MARGIN;
  const sections = [
    ...formSections(d.policy, d.form, d.items, d.promisedDeadline),
    { name: '承诺签名', rows: commitmentRows(d) },
  ];

  let y = heading(doc, root, d, title);
  // The page well used: the rows share out the room the grid leaves, as far as ROW_MAX.
  const noteH = 5 + measure(doc, NOTE, width, { size: NOTE_SIZE, leading: 0.35 });
  const room = bottom - y - noteH;
  let rowH = ROW_MAX;
  while (rowH > ROW_MIN && sectionsHeight(doc, sections, rowH) > room) rowH--;
  const newPage = () => {
    doc.addPage();
    return MARGIN;
  };
  y = drawSections(doc, root, sections, y, { bottom, newPage, rowH });
  if (y + noteH > bottom) y = newPage();
  note(doc, root, NOTE, y + 5, NOTE_SIZE);
  root.end();

  const footer = d.caseId ? `办件编号 Case ${d.caseId}` : '草稿，提交后生成办件编号 / Draft';
  pageFooters(doc, `${footer}\u3000${title}`, { english: true, tagged: true });
  doc.end();
  return bytes;
}

/** The title; under it, whether this is a draft, the programme's English name, and the case number. */
function heading(doc: Pdf, root: Struct, d: FormDocument, title: string): number {
  const width = doc.page.width - 2 * MARGIN;
  let y = MARGIN;
  tagged(doc, root, 'H1', () => {
    y += flow(doc, title, MARGIN, y, width, { size: 16, bold: true, align: 'center', leading: 0.3 });
  });
  y += 2;
  tagged(doc, root, 'P', () => {
    y += flow(doc, d.policy.name.en, MARGIN, y, width, { size: 8, align: 'center' });
  });
  y += 4;
  tagged(doc, root, 'P', () => {
    flow(doc, d.signatures?.length ? '已签名' : '草稿（待签名）', MARGIN, y, width / 3, { size: 8.5 });
    if (d.caseId)
      flow(doc, `办件编号：${d.caseId}`, MARGIN + width / 3, y, (width * 2) / 3, {
        size: 8.5,
        align: 'right',
      });
  });
  return y + 15;
}

/** The commitment, a box for each signature and its time, and the digest the signatures bind. */
function commitmentRows(d: FormDocument): FormRow[] {
  const signers = d.signatures?.length
    ? d.signatures.map((s) => ({ label: s.label, png: s.imagePng as Buffer | null, at: s.signedAt }))
    : d.policy.applicants.signatures.map((role) => ({
        label: SIGNER_LABELS[role],
        png: null,
        at: null as string | null,
      }));
  const signatureRow = (s: (typeof signers)[number]): FormRow => {
    const box: GridCell = s.png
      ? { span: 8, text: [{ image: s.png, width: 130, height: SIGNATURE_H - 8 }], style: { align: 'center' } }
      : { span: 8, text: '' };
    return {
      h: SIGNATURE_H,
      cells: [
        { span: 4, text: s.label, label: true },
        box,
        { span: 3, text: '签名时间', label: true },
        { span: 9, text: s.at ? formatInstant(s.at) : dateText(null), style: { align: 'center' } },
      ],
    };
  };
  return [
    { cells: [{ span: UNITS, text: COMMITMENT, style: { size: 9.5, pad: 6 } }] },
    ...signers.map(signatureRow),
    {
      cells: [
        { span: 5, text: '表单摘要（SHA-256）', label: true },
        { span: 19, text: d.formDigest, style: { size: 7.5, align: 'center' } },
      ],
    },
  ];
}
