import { formatBeijing } from '../../domain/local-date.ts';
import type { GridCell } from '../pdf/form-grid.ts';
import { blank, dateText, type Run } from '../pdf/layout.ts';
import type { JointItem } from './items.ts';
import type { JointApplicationFormData, JointFormParent } from './joint-application-form.ts';

/**
 * The grid of 002 附件1, section by section and row by row, on 24 units across: what each cell
 * prints, in the attachment's words, given the form's data. A value not given leaves its cell blank.
 */
export const UNITS = 24;
export interface FormRow {
  h: number;
  cells: GridCell[];
}
export interface FormSection {
  name: string;
  rows: FormRow[];
}

type Maybe<T> = T | null | undefined;
const ROW = 24;

/** 附件1's wording of each item, in its order. */
const FORM_ITEMS: { id: JointItem; label: string }[] = [
  { id: 'birth-certificate', label: '《出生医学证明》签发' },
  { id: 'vaccination-certificate', label: '预防接种证办理' },
  { id: 'hukou-registration', label: '户口登记' },
  { id: 'insurance-enrollment', label: '城乡居民医保参保登记' },
  { id: 'social-security-card', label: '社会保障卡申领' },
];

const CARD_NOTICE =
  '申领须知：1.为确保新生儿的社会保障卡正常使用，请监护人收到社会保障卡后及时携带监护人本人有效身份证，新生儿户口簿、出生医学证明、社会保障卡，到开户银行社会保障卡服务网点办理社会保障卡启用（激活）；2.按照人社部开展实时同步申领电子社会保障卡工作要求，在办理社会保障卡的同时，已同步为您生成电子社会保障卡，并发放至发卡银行APP和电子社会保障卡支付小程序.您也可以在四川人社APP或其他电子社会保障卡服务渠道申领和使用电子社会保障卡。';

const text = (v: Maybe<string | number>): string => (v === null || v === undefined ? '' : String(v));
/** A value followed by its unit (39 周), or the unit alone in a blank cell. */
const withUnit = (v: Maybe<number>, unit: string): string =>
  v === null || v === undefined ? `${blank(2)}${unit}` : `${v} ${unit}`;
/** Place parts: the names when known, each unit after a blank when not (四川省, blank, 市（州）…). */
const place = (parts: [Maybe<string>, string][]): string =>
  parts.map(([v, unit]) => (v ? v : `${blank(3)}${unit}`)).join('');

function birthTime(bornAt: Maybe<Date | string>): string {
  if (!bornAt) return `${blank(3)}年${blank(2)}月${blank(2)}日${blank(2)}时${blank(2)}分`;
  // Beijing wall-clock time; a birth at midnight is 0时, not the day before's 24时 of a deadline.
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(formatBeijing(new Date(bornAt)))!;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  return `${y}年${mo}月${d}日${h}时${mi}分`;
}

function parentRows(p: JointFormParent | undefined, who: '母亲' | '父亲'): FormRow[] {
  return [
    {
      h: ROW,
      cells: [
        { span: 3, text: `${who}姓名`, label: true },
        { span: 3, text: text(p?.name) },
        { span: 3, text: '证件类型', label: true },
        { span: 4, text: '居民身份证' },
        { span: 3, text: '证件号码', label: true },
        { span: 8, text: text(p?.idNumber) },
      ],
    },
    {
      h: ROW,
      cells: [
        { span: 3, text: '出生日期', label: true },
        { span: 4, text: p?.birthDate ? dateText(p.birthDate) : '' },
        { span: 2, text: '国籍', label: true },
        { span: 3, text: text(p?.nationality) },
        { span: 2, text: '民族', label: true },
        { span: 3, text: text(p?.ethnicity) },
        { span: 2, text: '籍贯', label: true },
        { span: 5, text: text(p?.nativePlace) },
      ],
    },
    {
      h: ROW + 4,
      cells: [
        { span: 3, text: '户籍地址', label: true },
        { span: 9, text: text(p?.hukouAddress) },
        { span: 3, text: '居住地址', label: true },
        { span: 9, text: text(p?.homeAddress) },
      ],
    },
  ];
}

/** The sections above the signatures, in the attachment's order. */
export function jointFormSections(d: JointApplicationFormData): FormSection[] {
  const b = d.baby ?? {};
  const r = d.registration ?? {};
  const ins = d.insurance ?? {};
  const card = d.card ?? {};
  const f = d.documentFlow ?? {};
  const chosen = new Set(d.items ?? []);
  const relation =
    card.guardianRelation !== undefined
      ? card.guardianRelation
      : b.sex === 'female'
        ? 'mother-daughter'
        : b.sex === 'male'
          ? 'mother-son'
          : null;
  const is = <T>(value: Maybe<T>, expected: T) => value === expected;

  const follows: Run[] = [
    '经父母双方协商一致申请将婴儿户口随（',
    { check: is(r.follows, 'father'), label: '父亲' },
    { gap: 6 },
    { check: is(r.follows, 'mother'), label: '母亲' },
    '）申报',
  ];
  const ethnicity: Run[] = [
    '婴儿民族（随',
    { check: is(r.ethnicityFollows, 'father'), label: '父亲' },
    '或',
    { check: is(r.ethnicityFollows, 'mother'), label: '母亲' },
    '）',
  ];

  return [
    {
      name: vertical('基本信息'),
      rows: [
        {
          h: ROW,
          cells: [
            { span: 3, text: '婴儿姓名', label: true },
            { span: 3, text: text(b.name) },
            { span: 2, text: '性别', label: true },
            { span: 2, text: b.sex ? (b.sex === 'male' ? '男' : '女') : '' },
            { span: 3, text: '出生时间', label: true },
            { span: 11, text: birthTime(b.bornAt) },
          ],
        },
        {
          h: ROW,
          cells: [
            { span: 3, text: '出生孕周', label: true },
            {
              span: 3,
              text: withUnit(b.gestationalWeeks, '周'),
              style: { align: 'right' },
            },
            { span: 3, text: '出生体重', label: true },
            { span: 3, text: withUnit(b.weightGrams, '克'), style: { align: 'right' } },
            { span: 3, text: '出生身长', label: true },
            { span: 3, text: withUnit(b.lengthCm, '厘米'), style: { align: 'right' } },
            { span: 3, text: '接生员', label: true },
            { span: 3, text: text(b.midwife) },
          ],
        },
        {
          h: ROW + 4,
          cells: [
            { span: 3, text: '出生地点', label: true },
            {
              span: 9,
              text: place([
                ['四川省', ''],
                [b.birthCity, '市（州）'],
                [b.birthCounty, '县（市、区）'],
              ]),
            },
            { span: 4, text: '分娩助产机构', label: true },
            { span: 8, text: text(b.institution) },
          ],
        },
        ...parentRows(d.mother, '母亲'),
        ...parentRows(d.father, '父亲'),
      ],
    },

    {
      name: '需办理事项',
      rows: [
        {
          h: ROW + 6,
          cells: [{ span: UNITS, text: checks(FORM_ITEMS.map((i) => [i.label, chosen.has(i.id)])) }],
        },
      ],
    },

    {
      name: vertical('户口登记'),
      rows: [
        {
          h: ROW,
          cells: [
            { span: 16, text: follows },
            { span: 3, text: '拟落户地', label: true },
            { span: 5, text: text(r.place) },
          ],
        },
        {
          h: ROW,
          cells: [
            { span: 3, text: '户主姓名', label: true },
            { span: 3, text: text(r.householdHead?.name) },
            { span: 4, text: '户主身份证号码', label: true },
            { span: 7, text: text(r.householdHead?.idNumber) },
            { span: 3, text: '与户主关系', label: true },
            { span: 4, text: text(r.householdHead?.relation) },
          ],
        },
        {
          h: ROW,
          cells: [
            { span: 4, text: '婴儿籍贯（随父）', label: true },
            { span: 6, text: text(r.babyNativePlace) },
            { span: 9, text: ethnicity, label: true },
            { span: 5, text: text(r.babyEthnicity) },
          ],
        },
      ],
    },

    {
      name: '城乡居民基本医疗保险参保登记',
      rows: [
        {
          h: 44,
          cells: [
            {
              span: UNITS,
              text: `参保地：${place([
                [ins.city, '市（州）'],
                [ins.county, '县（市、区）'],
                [ins.township, '乡镇（街道）'],
                [ins.village, '村（社区）'],
              ])}`,
            },
          ],
        },
      ],
    },

    {
      name: '社会保障卡申领',
      rows: [
        {
          h: ROW,
          cells: [
            { span: 3, text: '发卡地', label: true },
            { span: 6, text: card.city ? card.city : `${blank(3)}市（州）` },
            { span: 3, text: '开户银行', label: true },
            { span: 12, text: text(card.bank) },
          ],
        },
        {
          h: ROW,
          cells: [
            { span: 6, text: '申请人与婴儿监护关系', label: true },
            {
              span: 18,
              text: checks([
                ['母女', relation === 'mother-daughter'],
                ['母子', relation === 'mother-son'],
              ]),
            },
          ],
        },
        {
          h: 46,
          cells: [{ span: UNITS, text: CARD_NOTICE, style: { size: 7.5, leading: 0.3, align: 'left' } }],
        },
      ],
    },

    {
      name: '证件流转信息',
      rows: [
        {
          h: ROW,
          cells: [
            {
              span: UNITS,
              text: [
                '申请材料是否需邮寄拟落户地县级政务服务中心专窗：',
                { check: is(f.mailToOtherCounty, true), label: '是（跨区域办理）' },
                { gap: 10 },
                { check: is(f.mailToOtherCounty, false), label: '否（县城区内办理）' },
              ],
            },
          ],
        },
        {
          h: ROW,
          cells: [
            {
              span: UNITS,
              text: [
                '办理后证件（除社会保障卡）领取方式：',
                { check: is(f.resultsBy, 'mail'), label: '邮寄' },
                { gap: 10 },
                { check: is(f.resultsBy, 'pickup'), label: '自行领取（县级政务服务中心专窗）' },
              ],
            },
          ],
        },
        {
          h: ROW,
          cells: [
            { span: UNITS, text: ['《社会保障卡》发卡：', { check: is(f.cardByMail, true), label: '邮寄' }] },
          ],
        },
        {
          h: ROW + 6,
          cells: [
            { span: 3, text: '邮寄地址', label: true },
            { span: 9, text: text(f.mailingAddress) },
            { span: 4, text: '收件人（限母亲）', label: true },
            { span: 3, text: text(f.recipient) },
            { span: 2, text: '电话', label: true },
            { span: 3, text: text(f.phone) },
          ],
        },
      ],
    },
  ];
}

/** Tick boxes in a row, each with its label. */
function checks(options: [string, boolean][]): Run[] {
  return options.flatMap(([label, check], i) => [...(i ? [{ gap: 12 }] : []), { check, label }]);
}

/** A section name read downwards, one character a line. */
export const vertical = (s: string) => [...s].join('\n');
