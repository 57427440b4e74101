import type { DepartmentId } from '../domain/ids.ts';
import type { Bilingual } from '../domain/text.ts';

/**
 * What each department receives of a case, and for what: the minimum necessary of PIPL (《中华人民共和国
 * 个人信息保护法》第六条: 限于实现处理目的的最小范围). Each adapter cuts its task from the form; this list is
 * the one place a reviewer reads, and the engine sends nothing it does not name (minimumNecessary).
 * `true` is the whole value; an object lists the parts that go.
 */
type Allowed = true | { readonly [field: string]: Allowed };

export interface Receives {
  purpose: Bilingual;
  fields: Record<string, Allowed>;
}

const person = { name: true, idNumber: true } as const;
const contact = { name: true, phone: true } as const;
const insuredBaby = { name: true, sex: true, bornAt: true, citizenIdNumber: true } as const;

export const RECEIVES: Record<Exclude<DepartmentId, 'cross-province-platform'>, Receives> = {
  'midwifery-institution': {
    purpose: { zh: '签发出生医学证明', en: 'to issue the birth medical certificate' },
    // The parents' names and numbers are printed on the certificate; marriage and mailing where it is mailed.
    fields: { mother: person, father: person, baby: true, marriage: true, delivery: true, recipient: true },
  },
  cdc: {
    purpose: { zh: '建立预防接种证并预约首针', en: 'to open the vaccination record and book the first dose' },
    fields: { baby: { name: true, sex: true, bornAt: true, institution: true }, contact },
  },
  'health-commission': {
    purpose: { zh: '登记母婴健康指导', en: 'to register the family for maternal and infant guidance' },
    fields: { baby: { name: true, bornAt: true }, contact },
  },
  police: {
    purpose: { zh: '出生登记（户口）', en: 'to register the birth in the hukou' },
    // The other parent by name and number only: the household register records no phone.
    fields: {
      baby: { name: true, sex: true, bornAt: true, birthPlace: true, ethnicity: true },
      certificateNumber: true,
      registering: true,
      otherParent: person,
      marriage: true,
      delivery: true,
    },
  },
  'medical-security': {
    purpose: {
      zh: '城乡居民医保参保登记；生育津贴与医疗费报销',
      en: "the baby's resident medical insurance; the maternity benefit",
    },
    fields: {
      mother: person,
      delivery: { bornAt: true, institution: true },
      baby: insuredBaby,
      guardian: { name: true, idNumber: true, phone: true },
      insuranceYears: true,
      insuranceDivisionCode: true,
    },
  },
  tax: {
    purpose: { zh: '核定并征收医保费', en: 'to assess and collect the insurance premium' },
    fields: {
      insured: { name: true, citizenIdNumber: true, insuranceNumber: true },
      payer: contact,
      insuranceYears: true,
      premium: true,
      payment: true,
    },
  },
  hrss: {
    purpose: { zh: '制发社会保障卡', en: 'to issue the social security card' },
    fields: {
      baby: insuredBaby,
      guardian: { name: true, idNumber: true, phone: true },
      bank: true,
      delivery: true,
      recipient: true,
    },
  },
};

/**
 * A task's fields cut to what the department is listed to receive, and the paths dropped. An item
 * handed to another province's platform carries what its own department would receive.
 */
export function minimumNecessary(
  department: DepartmentId,
  fields: Record<string, unknown>,
): { kept: Record<string, unknown>; dropped: string[] } {
  if (department === 'cross-province-platform') return { kept: {}, dropped: Object.keys(fields) };
  const dropped: string[] = [];
  const cut = (value: unknown, allowed: Allowed, path: string): unknown => {
    if (allowed === true || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const here = path ? `${path}.${k}` : k;
      const rule = allowed[k];
      if (rule === undefined) dropped.push(here);
      else kept[k] = cut(v, rule, here);
    }
    return kept;
  };
  const kept = cut(fields, RECEIVES[department].fields, '') as Record<string, unknown>;
  return { kept, dropped };
}
