import type { LocalDate } from '../../domain/local-date.ts';
import { MARGIN, createPdf, dateFields, flow, title, type Pdf, type Run } from '../pdf/layout.ts';
import { JOINT_ITEMS, type JointItem } from './items.ts';

/**
 * 达州市通川区"新生儿出生一件事"联办授权委托书 (002 附件3): the mother (委托人) authorizes the
 * hospital of the delivery to handle the listed items for her baby. The attachment's wording, its
 * blanks underlined and filled from the data where known; the signature lines take a PNG when given.
 */
export const AUTHORIZATION_LETTER_TITLE = '达州市通川区“新生儿出生一件事”联办授权委托书';

type Maybe<T> = T | null | undefined;
export interface SignatureBlock {
  imagePng?: Maybe<Buffer>;
  signedOn?: Maybe<LocalDate>;
}

export interface AuthorizationLetterData {
  /** 委托人: the mother. */
  grantor?: { name?: Maybe<string>; idNumber?: Maybe<string> };
  /** 于…年…月…日在…医院分娩. */
  delivery?: { date?: Maybe<LocalDate>; hospital?: Maybe<string> };
  baby?: { name?: Maybe<string>; sex?: Maybe<'male' | 'female'> };
  /** 受委托人: the hospital that handles the items. */
  grantee?: { hospital?: Maybe<string> };
  /** The items ticked as authorized; all five of 附件3 when absent. */
  items?: readonly JointItem[];
  period?: { from?: Maybe<LocalDate>; to?: Maybe<LocalDate> };
  grantorSignature?: SignatureBlock;
  granteeSignature?: SignatureBlock;
}

/** 附件3's wording of each item, in its order. */
const LETTER_ITEMS: { id: JointItem; label: string }[] = [
  { id: 'vaccination-certificate', label: '预防接种单' },
  { id: 'birth-certificate', label: '出生医学证明' },
  { id: 'hukou-registration', label: '新生儿户口登记' },
  { id: 'insurance-enrollment', label: '城乡居民医疗保险参保登记' },
  { id: 'social-security-card', label: '社保卡申领' },
];

const SIZE = 13;
const INDENT = '\u3000\u3000';

export function renderAuthorizationLetter(d: AuthorizationLetterData): Promise<Buffer> {
  const { doc, bytes } = createPdf({ title: AUTHORIZATION_LETTER_TITLE });
  const width = doc.page.width - 2 * MARGIN - 24;
  const x = MARGIN + 12;
  const body = { size: SIZE, leading: 0.9 };
  const chosen = new Set(d.items ?? JOINT_ITEMS);
  const hospital = d.delivery?.hospital;
  const sex = d.baby?.sex ? (d.baby.sex === 'male' ? '男' : '女') : null;

  let y = title(doc, AUTHORIZATION_LETTER_TITLE, MARGIN + 30, 17) + 36;
  const paragraph = (runs: Run[], after = 14) => {
    y += flow(doc, runs, x, y, width, body) + after;
  };
  paragraph([
    `${INDENT}兹有委托人`,
    { field: d.grantor?.name, width: 80 },
    '，身份证号码',
    { field: d.grantor?.idNumber, width: 170 },
    '，于',
    dateFields(d.delivery?.date, SIZE),
    '在',
    { field: hospital, width: 110 },
    // "在____医院分娩": a filled blank is the institution's full name (医院, 保健院, 助产机构…), so the
    // printed 医院 stays only around an empty blank.
    hospital ? '分娩。' : '医院分娩。',
    '分娩的新生儿姓名',
    { field: d.baby?.name, width: 80 },
    '，性别',
    { field: sex, width: 40 },
    '。现受权委托医院',
    { field: d.grantee?.hospital, width: 120 },
    '办理以下事项：',
  ]);
  for (const item of LETTER_ITEMS) paragraph([INDENT, { check: chosen.has(item.id), label: item.label }], 6);
  y += 8;
  paragraph([`${INDENT}凡在上述委托权利内，由受委托人行为所造成的法律后果，委托人均予以承认。`]);
  paragraph([
    `${INDENT}委托期限从`,
    dateFields(d.period?.from, SIZE),
    '起，至',
    dateFields(d.period?.to, SIZE),
    '止。',
  ]);

  y += 30;
  y = signature(doc, y, '委托人签字：', d.grantorSignature) + 24;
  signature(doc, y, '受委托人签字：', d.granteeSignature);
  doc.end();
  return bytes;
}

const SIGNATURE: [number, number] = [130, 40];

/** A signature line in the right half of the page, its date below; returns the y below the date. */
function signature(doc: Pdf, y: number, label: string, s: SignatureBlock | undefined): number {
  const x = doc.page.width / 2 - 20;
  const width = doc.page.width - MARGIN - x;
  const line: Run = s?.imagePng
    ? { image: s.imagePng, width: SIGNATURE[0], height: SIGNATURE[1], underline: true }
    : { field: null, width: SIGNATURE[0] };
  y += flow(doc, [{ gap: 0, height: SIGNATURE[1] }, label, line], x, y, width, { size: SIZE }) + 14;
  return y + flow(doc, [dateFields(s?.signedOn, SIZE)], x, y, width, { size: SIZE, align: 'right' });
}
