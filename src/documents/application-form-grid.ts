import type { CaseForm } from '../departments/port.ts';
import { DEPARTMENT_LABELS, FIELD_LABELS, FIELD_VALUE_LABELS } from '../domain/labels.ts';
import { formatInstant } from '../domain/local-date.ts';
import type { Policy } from '../policy/schema.ts';
import { UNITS, type FormRow, type FormSection, type GridCell } from './pdf/form-grid.ts';
import type { Run } from './pdf/layout.ts';
import { placeName } from './place-names.ts';

/**
 * What the one form (一表申请, engine/form.ts) prints, section by section and row by row on the
 * grid's 24 units: every field the shared data filled and the applicant gave or confirmed, under
 * the label the app shows for it (domain/labels.ts), places by name, coded values in words, choices as
 * ticked boxes. The signatures and the digest they bind are drawn by application-form.ts.
 */
export interface FormItem {
  id: string;
  department: keyof typeof DEPARTMENT_LABELS;
  /** The item's own deadline from the plan the family signs; null where only the promise bounds it. */
  deadline: string | null;
}

type Address = { divisionCode: string; detail: string };
/** The parts of the form engine/form.ts writes that CaseForm leaves untyped. */
interface FormRest {
  baby: CaseForm['baby'] & { birthPlace: { kind?: string; broughtToInstitution?: boolean } };
  marriage?: { registeredOn?: string; registeredDivisionCode?: string } | null;
  existingCertificateNumber?: string | null;
  insuranceYears?: string[];
  insuranceDivisionCode?: string | null;
  delivery?: Record<string, string>;
  recipient?: string;
  contact?: { phone: string | null; mailingAddress: Address | null };
  uploads?: { material: string }[];
}

const label = (text: string, span: number): GridCell => ({ span, text, label: true });
const value = (text: Run[] | string | null | undefined, span: number): GridCell => ({
  span,
  text: text ?? '',
});
const zh = (path: string) => FIELD_LABELS[path]!.zh;
const word = (code: string | null | undefined) => (code ? (FIELD_VALUE_LABELS[code]?.zh ?? code) : '');
/** A place as a form writes it: the names run together (福建省泉州市南安市), never the code. */
export const place = (code: string | null | undefined) => placeName(code).replaceAll(' ', '');
/** What has no value on this form (no father recorded, nothing uploaded): a dash, not a blank to fill. */
const NONE = '—';

/** Tick boxes in a row, the chosen one ticked. */
function choice(options: [string, boolean][]): Run[] {
  return options.flatMap(([text, check], i) => [...(i ? [{ gap: 10 }] : []), { check, label: text }]);
}

function babyRows(f: CaseForm & FormRest): FormRow[] {
  const b = f.baby;
  const kind = b.birthPlace.kind ?? 'institution';
  const rows: FormRow[] = [
    {
      cells: [
        label('姓名', 3),
        value(b.name, 4),
        label('性别', 3),
        value(
          choice([
            ['男', b.sex === 'male'],
            ['女', b.sex === 'female'],
          ]),
          4,
        ),
        label('出生时间', 3),
        value(`${formatInstant(b.bornAt)}（北京时间）`, 7),
      ],
    },
    {
      cells: [
        label('出生地点', 3),
        value(place(b.birthPlace.divisionCode), 7),
        label('分娩地点', 3),
        value(
          choice(['institution', 'home', 'en-route'].map((k) => [word(k), k === kind] as [string, boolean])),
          11,
        ),
      ],
    },
    {
      cells: [
        label('助产机构', 3),
        value(
          (b.birthPlace.institutionName ?? NONE) +
            (b.birthPlace.broughtToInstitution ? `（${zh('baby.birthPlace.broughtToInstitution')}）` : ''),
          11,
        ),
        label('已有出生医学证明编号', 6),
        value(f.existingCertificateNumber ?? '无', 4),
      ],
    },
  ];
  return rows;
}

function parentRow(p: CaseForm['mother'] | null, who: '母亲' | '父亲'): FormRow {
  return {
    cells: [
      label(`${who}姓名`, 3),
      value(p?.name ?? NONE, 4),
      label('身份证号码', 3),
      value(p?.idNumber ?? NONE, 7),
      label('手机号码', 3),
      value(p ? (p.phone ?? '') : NONE, 4),
    ],
  };
}

function parentRows(f: CaseForm & FormRest): FormRow[] {
  return [
    parentRow(f.mother, '母亲'),
    parentRow(f.father, '父亲'),
    {
      cells: [
        label(zh('marriage.registeredOn'), 3),
        value(f.marriage?.registeredOn ?? '无', 7),
        label(zh('marriage.registeredDivisionCode'), 3),
        value(f.marriage ? place(f.marriage.registeredDivisionCode) : '无', 11),
      ],
    },
  ];
}

function registrationRows(f: CaseForm & FormRest): FormRow[] {
  const r = f.registering;
  return [
    {
      cells: [
        label('落户方式', 3),
        value(
          choice([
            ['随父', r.role === 'father'],
            ['随母', r.role === 'mother'],
          ]),
          4,
        ),
        label(zh('registering.hukouDivisionCode'), 3),
        value(place(r.hukouDivisionCode), 14),
      ],
    },
    {
      cells: [
        label('落户方姓名', 3),
        value(r.name, 4),
        label('落户方身份证号码', 4),
        value(r.idNumber, 6),
        label(zh('registering.householdType'), 3),
        value(word(r.householdType), 4),
      ],
    },
  ];
}

function insuranceRows(f: CaseForm & FormRest): FormRow[] {
  const years = f.premium?.years ?? [];
  const share = f.premium?.shareOfBirthYear ?? 1;
  const rows: FormRow[] = [
    {
      cells: [
        label(zh('insuranceDivisionCode'), 3),
        value(place(f.insuranceDivisionCode), 7),
        label(zh('insuranceYears'), 3),
        value(years.map((y) => `${y.year} 年度（${word(y.insuranceYear)}）`).join('、') || NONE, 11),
      ],
    },
  ];
  // A late-year birth pays a share of the birth year's premium (Zibo): printed where it applies.
  if (share < 1)
    rows.push({
      cells: [label('出生当年保费', 3), value(`按全年保费的 ${Math.round(share * 100)}% 缴纳`, 21)],
    });
  return rows;
}

function itemRows(policy: Policy, f: CaseForm & FormRest, items: FormItem[], promised?: string | null) {
  const delivery = f.delivery ?? {};
  const head = (text: string, span: number): GridCell => ({ span, text, label: true });
  const rows: FormRow[] = [
    {
      header: true,
      cells: [
        head('序号', 2),
        head('申办事项', 8),
        head('承办部门', 7),
        head('办理时限（最迟）', 4),
        head('领取方式', 3),
      ],
    },
    ...items.map((item, n) => ({
      cells: [
        { span: 2, text: String(n + 1), style: { align: 'center' as const } },
        value(policy.items.find((i) => i.id === item.id)?.name.zh ?? item.id, 8),
        value(DEPARTMENT_LABELS[item.department].zh, 7),
        {
          span: 4,
          text: item.deadline ? formatInstant(item.deadline) : NONE,
          style: { align: 'center' as const },
        },
        { span: 3, text: word(delivery[item.id]) || NONE, style: { align: 'center' as const } },
      ],
    })),
  ];
  // One promise for the whole case, said once; or, with no limit anywhere, that there is none.
  const promise = promised
    ? `整体承诺：${formatInstant(promised)} 前全部办结`
    : items.some((i) => i.deadline)
      ? null
      : '本地区文件未规定各事项的办理时限';
  if (promise) rows.push({ cells: [value(promise, UNITS)] });
  return rows;
}

function contactRows(f: CaseForm & FormRest): FormRow[] {
  const contact = f.contact;
  const mailed = Object.values(f.delivery ?? {}).includes('mail');
  const address = contact?.mailingAddress;
  const phone = contact?.phone ?? '';
  if (!mailed)
    return [
      {
        cells: [
          label('联系电话', 3),
          value(phone, 4),
          label('收件地址', 3),
          value(address ? `${place(address.divisionCode)}${address.detail}` : '无需邮寄（全部自取）', 14),
        ],
      },
    ];
  const recipient = f.recipient === 'father' ? f.father : f.mother;
  return [
    {
      cells: [
        label('联系电话', 3),
        value(phone, 4),
        label(zh('recipient'), 3),
        value(recipient ? `${recipient.name}（${word(f.recipient)}）` : word(f.recipient), 7),
        label('收件人电话', 3),
        value(recipient?.phone ?? phone, 4),
      ],
    },
    {
      cells: [
        label(zh('contact.mailingAddress'), 3),
        value(address ? `${place(address.divisionCode)}${address.detail}` : '', 21),
      ],
    },
  ];
}

function uploadRows(policy: Policy, f: CaseForm & FormRest): FormRow[] {
  const names = (f.uploads ?? []).map(
    (u) => policy.materials.find((m) => m.id === u.material)?.name.zh ?? u.material,
  );
  return [
    {
      cells: [
        label('上传材料', 3),
        value(names.length ? names.map((n, i) => `${i + 1}. ${n}`).join('；') : '无', 21),
      ],
    },
  ];
}

/** The sections above the commitment and signatures, in the order a clerk reads them. */
export function formSections(
  policy: Policy,
  form: CaseForm,
  items: FormItem[],
  promisedDeadline?: string | null,
): FormSection[] {
  const f = form as CaseForm & FormRest;
  return [
    { name: '新生儿信息', rows: babyRows(f) },
    { name: '父母信息', rows: parentRows(f) },
    { name: '户口登记', rows: registrationRows(f) },
    { name: '医保参保', rows: insuranceRows(f) },
    { name: '申办事项', rows: itemRows(policy, f, items, promisedDeadline) },
    { name: '联系邮寄', rows: contactRows(f) },
    { name: '申请材料', rows: uploadRows(policy, f) },
  ];
}
