import type { LocalDate } from '../../domain/local-date.ts';
import { MARGIN, cell, createPdf, dateText, flow, title, type Pdf, type Run } from '../pdf/layout.ts';
import { gridRow } from '../pdf/form-grid.ts';
import type { JointItem } from './items.ts';
import { UNITS, jointFormSections, vertical, type FormRow } from './joint-application-form-grid.ts';

/**
 * 达州市通川区"新生儿出生一件事"联办申请表 (002 附件1), as the paper the mother signs at the
 * hospital's joint window: the attachment's grid (joint-application-form-grid.ts), filled from the data; a value
 * not given leaves its cell blank to write in by hand, so `{}` prints a blank form. ID numbers print
 * in full: this is the official form the departments register from.
 */
export const JOINT_FORM_TITLE = '达州市通川区“新生儿出生一件事”联办申请表';

type Maybe<T> = T | null | undefined;

export interface JointFormParent {
  name?: Maybe<string>;
  /** 居民身份证 number, printed in full. */
  idNumber?: Maybe<string>;
  birthDate?: Maybe<LocalDate>;
  nationality?: Maybe<string>;
  ethnicity?: Maybe<string>;
  /** 籍贯. */
  nativePlace?: Maybe<string>;
  hukouAddress?: Maybe<string>;
  homeAddress?: Maybe<string>;
}

export interface JointApplicationFormData {
  caseId?: Maybe<string>;
  baby?: {
    name?: Maybe<string>;
    sex?: Maybe<'male' | 'female'>;
    /** The instant of birth, printed in Beijing time. */
    bornAt?: Maybe<Date | string>;
    gestationalWeeks?: Maybe<number>;
    weightGrams?: Maybe<number>;
    lengthCm?: Maybe<number>;
    midwife?: Maybe<string>;
    /** 出生地点: 四川省, then the city (市/州) and county (县/市/区), e.g. 达州市, 通川区. */
    birthCity?: Maybe<string>;
    birthCounty?: Maybe<string>;
    /** 分娩助产机构. */
    institution?: Maybe<string>;
  };
  mother?: JointFormParent;
  father?: JointFormParent;
  /** 需办理事项 ticked. */
  items?: readonly JointItem[];
  registration?: {
    /** 婴儿户口随父亲 / 母亲申报. */
    follows?: Maybe<'father' | 'mother'>;
    /** 拟落户地. */
    place?: Maybe<string>;
    householdHead?: { name?: Maybe<string>; idNumber?: Maybe<string>; relation?: Maybe<string> };
    /** 婴儿籍贯 (随父). */
    babyNativePlace?: Maybe<string>;
    babyEthnicity?: Maybe<string>;
    ethnicityFollows?: Maybe<'father' | 'mother'>;
  };
  /** 参保地: city (市/州), county (县/市/区), township (乡镇/街道), village (村/社区). */
  insurance?: {
    city?: Maybe<string>;
    county?: Maybe<string>;
    township?: Maybe<string>;
    village?: Maybe<string>;
  };
  card?: {
    /** 发卡地 (市/州). */
    city?: Maybe<string>;
    bank?: Maybe<string>;
    /** 申请人与婴儿监护关系; absent, it follows from the baby's sex (the applicant is the mother). */
    guardianRelation?: Maybe<'mother-daughter' | 'mother-son'>;
  };
  documentFlow?: {
    /** 申请材料是否需邮寄拟落户地县级政务服务中心专窗: true 是（跨区域）, false 否（县城区内）. */
    mailToOtherCounty?: Maybe<boolean>;
    /** 办理后证件（除社会保障卡）领取方式. */
    resultsBy?: Maybe<'mail' | 'pickup'>;
    cardByMail?: Maybe<boolean>;
    mailingAddress?: Maybe<string>;
    /** 收件人 (限母亲). */
    recipient?: Maybe<string>;
    phone?: Maybe<string>;
  };
  commitment?: {
    motherPhone?: Maybe<string>;
    fatherPhone?: Maybe<string>;
    appliedOn?: Maybe<LocalDate>;
    motherSignaturePng?: Maybe<Buffer>;
    fatherSignaturePng?: Maybe<Buffer>;
  };
}

const COMMITMENT =
  '本人核对以上填写内容正确无误并承诺以上申报信息及所提交的证明材料均真实有效，若被查证在办理出生医学证明、户口登记、医保参保登记办理过程中存在隐瞒事实、弄虚作假行为的，本人愿意承担法律责任，接受相关部门处理，直至注销以上办理结果。《出生医学证明》一经签发，证件上信息原则上不予变更。';
const NOTE =
  '注：此表由婴儿母亲在四川政务服务网在线填写，并提出申请。在助产机构提交纸质材料时，申请人现场签字确认。';

const SECTION_W = 46;

/** A section: its name in a column down the left, its rows to the right; returns the y below it. */
function section(doc: Pdf, y: number, name: string, rows: FormRow[]): number {
  const unit = (doc.page.width - 2 * MARGIN - SECTION_W) / UNITS;
  const h = rows.reduce((s, r) => s + r.h, 0);
  cell(doc, { x: MARGIN, y, w: SECTION_W, h }, name, {
    label: true,
    oneLine: false,
    size: 9.5,
    leading: 0.2,
  });
  let top = y;
  for (const r of rows) {
    if (r.cells.reduce((s, c) => s + c.span, 0) !== UNITS)
      throw new Error(`${name}: a row does not fill the grid`);
    top = gridRow(doc, MARGIN + SECTION_W, top, unit, r.h, r.cells);
  }
  return top;
}

export function renderJointApplicationForm(d: JointApplicationFormData): Promise<Buffer> {
  const { doc, bytes } = createPdf({ title: JOINT_FORM_TITLE, ...(d.caseId ? { subject: d.caseId } : {}) });
  const c = d.commitment ?? {};
  let y = title(doc, JOINT_FORM_TITLE, MARGIN, 15) + 4;
  if (d.caseId)
    flow(doc, `办件编号：${d.caseId}`, MARGIN, y - 2, doc.page.width - 2 * MARGIN, {
      size: 8,
      align: 'right',
    });
  y += 12;

  for (const s of jointFormSections(d)) y = section(doc, y, s.name, s.rows);
  y = commitment(doc, y, c);
  flow(doc, NOTE, MARGIN, y + 5, doc.page.width - 2 * MARGIN, { size: 8.5 });
  doc.end();
  return bytes;
}

const SIGNATURE: [number, number] = [110, 30];

/** 承诺签名: the promise, then the mother's and the father's signature lines and the date. */
function commitment(doc: Pdf, y: number, c: NonNullable<JointApplicationFormData['commitment']>): number {
  const x = MARGIN + SECTION_W;
  const w = doc.page.width - MARGIN - x;
  const size = 9;
  const pad = 6;
  const lineH = SIGNATURE[1];
  const signers: [string, Maybe<Buffer>, Maybe<string>][] = [
    ['申请人（婴儿母亲）签名：', c.motherSignaturePng, c.motherPhone],
    ['（婴儿父亲）签名：', c.fatherSignaturePng, c.fatherPhone],
  ];
  const h = 156;
  cell(doc, { x: MARGIN, y, w: SECTION_W, h }, vertical('承诺签名'), {
    label: true,
    size: 9.5,
    leading: 0.2,
  });
  doc.rect(x, y, w, h).stroke();
  let top = y + pad + flow(doc, COMMITMENT, x + pad, y + pad, w - 2 * pad, { size, leading: 0.35 }) + 10;
  // Each signer's line: the label right-aligned, then the signature (or the line to sign on) and the phone,
  // all on one baseline; the signature's height sets the line's.
  const strut: Run = { gap: 0, height: lineH };
  for (const [label, png, phone] of signers) {
    flow(doc, [label, strut], x + pad, top, 170, { size, align: 'right' });
    const signature: Run = png
      ? { image: png, width: SIGNATURE[0], height: lineH, underline: true }
      : { field: null, width: SIGNATURE[0] };
    flow(
      doc,
      [strut, signature, { gap: 30 }, '联系电话：', { field: phone, width: 100 }],
      x + pad + 172,
      top,
      300,
      {
        size,
      },
    );
    top += lineH + 8;
  }
  flow(doc, ['申请日期：', dateText(c.appliedOn)], x + pad + 172 + SIGNATURE[0] + 30, top + 4, 200, { size });
  return y + h;
}
