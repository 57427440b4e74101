import type { z } from 'zod';
import type { ItemId, Scenario } from '../domain/ids.ts';
import { divisionsName } from '../domain/place-names.ts';
import type { Bilingual } from '../domain/text.ts';
import type { Condition, PredicateCall, PredicateName, PREDICATES } from './predicates.ts';
import type { InsuranceRules } from './schema.ts';

/**
 * A condition as a person reads it, Chinese then English, rendered from the data the evaluator runs:
 * `{ is: 'parent-hukou-within', who: 'at-least-one', divisions: ['62'] }` reads 父母至少一方户籍在甘肃省 /
 * at least one parent's hukou is in Gansu. Each predicate has one phrase in PHRASES; all / any / not
 * join them. Places read as names, items and scenarios by the policy's own names, never by code.
 */

/** How the policy names what a condition mentions, and the terms a predicate reads from it. */
export interface ConditionNames {
  item(id: ItemId): Bilingual;
  scenario(id: Scenario): Bilingual;
  /** The newborn insurance window of the policy's insurance terms; null where they set none. */
  insuranceWindow: Bilingual | null;
}

export function policyNames(policy: {
  items: readonly { id: ItemId; name: Bilingual }[];
  scenarios: readonly { id: Scenario; name: Bilingual }[];
  insurance: InsuranceRules;
}): ConditionNames {
  const ins = policy.insurance;
  return {
    item: (id) => policy.items.find((i) => i.id === id)?.name ?? OTHER_ITEM,
    scenario: (id) => policy.scenarios.find((s) => s.id === id)?.name ?? OTHER_SCENARIO,
    insuranceWindow: ins.stated ? insuranceWindowText(ins.window) : null,
  };
}

/**
 * The newborn insurance window as the evaluator counts it: the Nth day (or the day N months on) still
 * counts. Where the document itself says so (“90天(含)”), its wording.
 */
export function insuranceWindowText(window: Extract<InsuranceRules, { stated: true }>['window']): Bilingual {
  if ('months' in window)
    return {
      zh: `出生后${window.months}个月内（期满当日仍在期限内）`,
      en: `within ${months(window.months)} of the birth, the last day included`,
    };
  const d = window.days;
  return {
    zh: window.saysInclusive ? `出生之日起${d}天（含）内` : `出生之日起${d}天内（第${d}天仍在期限内）`,
    en: `within ${d} days of the birth, the ${ordinal(d)} day included`,
  };
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const OTHER_ITEM: Bilingual = { zh: '本地区未开办的事项', en: 'an item this region does not offer' };
const OTHER_SCENARIO: Bilingual = { zh: '本地区未设的情形', en: 'a scenario this region does not have' };

export function conditionText(condition: Condition, names: ConditionNames): Bilingual {
  return render(condition, names, false);
}

/**
 * The scenarios in which a condition can hold, judging only its `scenario-in` parts: a rule whose
 * `appliesWhen` excludes a scenario does not apply there. No condition: every scenario.
 */
export function scenariosWhere<S extends { id: Scenario }>(
  condition: Condition | undefined,
  scenarios: readonly S[],
): S[] {
  if (!condition) return [...scenarios];
  return scenarios.filter((s) => canHold(condition, s.id) !== false);
}

/** Three-valued: true or false when the scenario decides it, undefined when the family's data does. */
function canHold(c: Condition, scenario: Scenario): boolean | undefined {
  if ('all' in c) {
    const parts = c.all.map((x) => canHold(x, scenario));
    return parts.includes(false) ? false : parts.every((p) => p === true) ? true : undefined;
  }
  if ('any' in c) {
    const parts = c.any.map((x) => canHold(x, scenario));
    return parts.includes(true) ? true : parts.every((p) => p === false) ? false : undefined;
  }
  if ('not' in c) {
    const inner = canHold(c.not, scenario);
    return inner === undefined ? undefined : !inner;
  }
  return c.is === 'scenario-in' ? c.scenarios.includes(scenario) : undefined;
}

function render(c: Condition, names: ConditionNames, nested: boolean): Bilingual {
  if ('all' in c || 'any' in c) {
    const [parts, zhJoin, enJoin] = 'all' in c ? [c.all, '，且', '; and '] : [c.any, '，或', '; or '];
    if (parts.length === 1) return render(parts[0]!, names, nested);
    const texts = parts.map((p) => render(p, names, true));
    const t = { zh: texts.map((x) => x.zh).join(zhJoin), en: texts.map((x) => x.en).join(enJoin) };
    return nested ? { zh: `（${t.zh}）`, en: `(${t.en})` } : t;
  }
  if ('not' in c) return negation(c.not, names);
  return phrase(c, names, false) ?? { zh: '', en: '' };
}

/** `not`: the predicate's own negative where it has one, else the negated parents, else “并非”. */
function negation(inner: Condition, names: ConditionNames): Bilingual {
  if ('is' in inner) {
    const own = phrase(inner, names, true);
    if (own) return own;
  }
  if ('not' in inner) return render(inner.not, names, false);
  const t = render(inner, names, true);
  return { zh: `并非${t.zh}`, en: `it is not the case that ${t.en}` };
}

/**
 * One predicate call. `negated`: the phrase's `not` form, or its text with the parents negated
 * (“父母至少一方” becomes “父母双方均不”); null when neither reads right, so the caller says “并非”.
 */
function phrase(call: PredicateCall, names: ConditionNames, negated: boolean): Bilingual | null {
  const entry = PHRASES[call.is] as Phrase<PredicateName> | undefined;
  if (!entry) return { zh: `（未译条件：${call.is}）`, en: `(condition without a phrase: ${call.is})` };
  const text = typeof entry === 'function' ? entry : entry.text;
  const args = call as never;
  if (!negated) return text(args, { ...names, who: (w) => SUBJECTS[w] });
  if (typeof entry !== 'function' && entry.not) return entry.not(args, { ...names, who: (w) => SUBJECTS[w] });
  let asked = false;
  let negatable = true;
  const t = text(args, {
    ...names,
    who: (w) => {
      asked = true;
      const s = NEGATED_SUBJECTS[w];
      if (!s) negatable = false;
      return s ?? SUBJECTS[w];
    },
  });
  // A phrase that never asked for its parents, or whose parents cannot be negated, is not negated.
  return asked && negatable ? t : null;
}

type PredicateDef = (typeof PREDICATES)[number];
type ArgsOf<N extends PredicateName> = z.input<Extract<PredicateDef, { name: N }>['schema']>;
type Who = ArgsOf<'parent-hukou-within'>['who'];

/** The parents a predicate speaks of, as the subject of its sentence. */
interface Subject {
  zh: string;
  /** Before the verb in Chinese: 均 (both), 均不 (neither), 不 (one named parent, negated). */
  adv: string;
  en: string;
  /** The English possessive: “at least one parent's”. */
  poss: string;
  /** The English verb “to be” for this subject: is, are, is not. */
  be: string;
  plural: boolean;
}

interface PhraseContext extends ConditionNames {
  who(w: Who): Subject;
}

type Phrase<N extends PredicateName> =
  | ((a: ArgsOf<N>, x: PhraseContext) => Bilingual)
  | {
      text: (a: ArgsOf<N>, x: PhraseContext) => Bilingual;
      /** The negative reading, where it is plainer than the parents negated or “并非”. */
      not?: (a: ArgsOf<N>, x: PhraseContext) => Bilingual;
    };

const one = (zh: string, en: string, be = 'is'): Subject => ({
  zh,
  adv: '',
  en,
  poss: `${en}'s`,
  be,
  plural: false,
});

const SUBJECTS: Record<Who, Subject> = {
  both: { zh: '父母双方', adv: '均', en: 'both parents', poss: "both parents'", be: 'are', plural: true },
  'at-least-one': one('父母至少一方', 'at least one parent'),
  'exactly-one': one('父母仅一方', 'exactly one parent'),
  none: { ...one('父母双方', 'neither parent'), adv: '均不' },
  mother: one('母亲', 'the mother'),
  father: one('父亲', 'the father'),
  registering: {
    ...one('新生儿随其落户的一方', 'the parent the baby registers with'),
    poss: "the registering parent's",
  },
  other: one('另一方（新生儿不随其落户的一方）', 'the other parent'),
};

const negatedOne = (s: Subject): Subject => ({ ...s, adv: '不', be: 'is not' });

/** The same parents under `not`; “exactly one” has no plain negative. */
const NEGATED_SUBJECTS: Partial<Record<Who, Subject>> = {
  both: one('父母至多一方', 'at most one parent'),
  'at-least-one': SUBJECTS.none,
  none: SUBJECTS['at-least-one'],
  mother: negatedOne(SUBJECTS.mother),
  father: negatedOne(SUBJECTS.father),
  registering: negatedOne(SUBJECTS.registering),
  other: negatedOne(SUBJECTS.other),
};

type Category = ArgsOf<'parent-category-in'>['categories'][number];
const CATEGORIES: Record<Category, { zh: string; one: string; many: string }> = {
  resident: { zh: '普通居民', one: 'an ordinary resident', many: 'ordinary residents' },
  military: {
    zh: '现役军人',
    one: 'a serving member of the armed forces',
    many: 'serving members of the armed forces',
  },
  student: { zh: '在校学生', one: 'a student', many: 'students' },
  'hk-macau-taiwan': {
    zh: '港澳台居民',
    one: 'a Hong Kong, Macau or Taiwan resident',
    many: 'Hong Kong, Macau or Taiwan residents',
  },
  'overseas-chinese': { zh: '华侨', one: 'an overseas Chinese', many: 'overseas Chinese' },
  foreigner: { zh: '外国人', one: 'a foreigner', many: 'foreigners' },
};

type HouseholdType = ArgsOf<'parent-household-type-in'>['types'][number];
const HOUSEHOLD_TYPES: Record<HouseholdType, Bilingual> = {
  family: { zh: '家庭户', en: 'a family household' },
  collective: { zh: '集体户', en: 'a collective household' },
  'student-collective': { zh: '学生集体户', en: 'a student collective household' },
};

type License = ArgsOf<'e-licenses-held'>['licenses'][number];
const LICENSES: Record<License, Bilingual> = {
  'mother-id-card': { zh: '母亲身份证', en: "the mother's ID card" },
  'father-id-card': { zh: '父亲身份证', en: "the father's ID card" },
  'marriage-certificate': { zh: '结婚证', en: 'the marriage certificate' },
  'hukou-book': { zh: '户口簿', en: 'the hukou book' },
  'birth-certificate': { zh: '出生医学证明', en: 'the birth medical certificate' },
};

const ROLES: Record<ArgsOf<'applicant-role-in'>['roles'][number], Bilingual> = {
  mother: { zh: '母亲', en: 'the mother' },
  father: { zh: '父亲', en: 'the father' },
};

/** ISO 3166-1 alpha-3 codes the policies use; another reads by its code. */
const NATIONALITIES: Record<string, { zh: string; one: string; many: string }> = {
  CHN: { zh: '中国', one: 'a Chinese national', many: 'Chinese nationals' },
};

/** 甲、乙或丙 / a, b or c; 甲、乙、丙 / a, b and c. */
function list(parts: readonly Bilingual[], zhLast: '或' | '、', enJoin: 'or' | 'and'): Bilingual {
  const zh = parts.map((p) => p.zh);
  const en = parts.map((p) => p.en);
  return {
    zh: zh.length > 1 ? `${zh.slice(0, -1).join('、')}${zhLast}${zh.at(-1)}` : (zh[0] ?? ''),
    en: en.length > 1 ? `${en.slice(0, -1).join(', ')} ${enJoin} ${en.at(-1)}` : (en[0] ?? ''),
  };
}

function months(n: number): string {
  return `${n} month${n === 1 ? '' : 's'}`;
}

function quoted(t: Bilingual): Bilingual {
  return { zh: `“${t.zh}”`, en: `“${t.en}”` };
}

/**
 * One phrase per predicate in predicates.ts. A new predicate needs a line here — TypeScript and
 * test/unit/condition-text.test.ts both say so. A phrase reads the predicate's arguments and asks
 * `x.who(a.who)` for the parents it speaks of, so that `not` can negate them; `not:` gives a plainer
 * negative where one exists.
 */
const PHRASES: { [N in PredicateName]: Phrase<N> } = {
  'baby-age-under-months': (a) => ({
    zh: `新生儿未满${a.months}个月`,
    en: `the baby is under ${months(a.months)} old`,
  }),
  'baby-age-within-months': (a) => ({
    zh: `在新生儿出生后${a.months}个月内申请（期满当日仍在期限内）`,
    en: `the application is made within ${months(a.months)} of the birth, the last day included`,
  }),
  'baby-age-within-days': (a) => ({
    zh: `在新生儿出生后${a.days}天内申请（第${a.days}天仍在期限内）`,
    en: `the application is made no more than ${a.days} day${a.days === 1 ? '' : 's'} after the birth`,
  }),
  'within-insurance-window': {
    text: (_, x) =>
      x.insuranceWindow
        ? {
            zh: `在新生儿医保参保期限内申请，即${x.insuranceWindow.zh}`,
            en: `the application falls within the newborn insurance window, ${x.insuranceWindow.en}`,
          }
        : {
            zh: '在新生儿医保参保期限内申请（本地区文件未规定参保期限，此条件不能满足）',
            en: 'the application falls within the newborn insurance window (the documents set none, so this is never met)',
          },
    not: (_, x) => ({
      zh: `已超过新生儿医保参保期限${x.insuranceWindow ? `（${x.insuranceWindow.zh}）` : ''}`,
      en: `the newborn insurance window${x.insuranceWindow ? ` (${x.insuranceWindow.en})` : ''} has passed`,
    }),
  },
  'born-in-institution-within': (a) => {
    const place = divisionsName(a.divisions);
    return a.acceptBroughtIn
      ? {
          zh: `新生儿在${place.zh}的助产机构出生，或在家中、途中出生后及时送往该地助产机构`,
          en: `the baby was born in a midwifery institution in ${place.en}, or born at home or on the way and brought to one there at once`,
        }
      : {
          zh: `新生儿在${place.zh}的助产机构出生`,
          en: `the baby was born in a midwifery institution in ${place.en}`,
        };
  },
  'parent-hukou-within': (a, x) => {
    const s = x.who(a.who);
    const place = divisionsName(a.divisions);
    return { zh: `${s.zh}户籍${s.adv}在${place.zh}`, en: `${s.poss} hukou ${s.be} in ${place.en}` };
  },
  'parent-household-type-in': (a, x) => {
    const s = x.who(a.who);
    const types = list(
      a.types.map((t) => HOUSEHOLD_TYPES[t]),
      '或',
      'or',
    );
    return { zh: `${s.zh}户别${s.adv}是${types.zh}`, en: `${s.poss} hukou ${s.be} in ${types.en}` };
  },
  'parent-category-in': (a, x) => {
    const s = x.who(a.who);
    const cats = list(
      a.categories.map((c) => ({
        zh: CATEGORIES[c].zh,
        en: s.plural ? CATEGORIES[c].many : CATEGORIES[c].one,
      })),
      '或',
      'or',
    );
    return { zh: `${s.zh}${s.adv}属于${cats.zh}`, en: `${s.en} ${s.be} ${cats.en}` };
  },
  'parent-nationality': (a, x) => {
    const s = x.who(a.who);
    const n = NATIONALITIES[a.nationality] ?? {
      zh: `国籍代码${a.nationality}所指国家`,
      one: `a national of ${a.nationality}`,
      many: `nationals of ${a.nationality}`,
    };
    return { zh: `${s.zh}${s.adv}是${n.zh}国籍`, en: `${s.en} ${s.be} ${s.plural ? n.many : n.one}` };
  },
  'registering-parent-direct-relative-of-head': {
    text: () => ({
      zh: '新生儿随其落户的一方是户主本人，或是户主的配偶或直系亲属',
      en: "the parent the baby registers with is the household head, or the head's spouse or direct relative",
    }),
    not: () => ({
      zh: '新生儿随其落户的一方不是户主本人，也不是户主的配偶或直系亲属',
      en: "the parent the baby registers with is neither the household head nor the head's spouse or direct relative",
    }),
  },
  'parents-hukou-same-county-area': {
    text: () => ({
      zh: '父母双方户籍在同一设区市的市辖区或同一县（市）',
      en: "both parents' hukou are in the districts of one city, or in one county",
    }),
    not: () => ({
      zh: '父母双方户籍不在同一设区市的市辖区或同一县（市）',
      en: "the parents' hukou are not in the districts of one city, nor in one county",
    }),
  },
  'parents-same-ethnicity': {
    text: () => ({ zh: '父母双方民族相同', en: 'both parents are of the same ethnic group' }),
    not: () => ({ zh: '父母双方民族不同', en: 'the parents are of different ethnic groups' }),
  },
  'marriage-registered-within': (a) => {
    const place = divisionsName(a.divisions);
    return {
      zh: `父母在${place.zh}办理结婚登记`,
      en: `the parents' marriage was registered in ${place.en}`,
    };
  },
  'marriage-in-force': {
    text: () => ({
      zh: '父母的婚姻登记在册且存续（未离婚）',
      en: "the parents' marriage is on record and still in force",
    }),
  },
  'marriage-on-record': {
    text: () => ({
      zh: '婚姻登记信息中有父母双方的结婚登记',
      en: "the marriage registry holds the parents' marriage",
    }),
    not: () => ({
      zh: '婚姻登记信息中没有父母双方的结婚登记',
      en: "the marriage registry does not hold the parents' marriage",
    }),
  },
  'married-before-birth': {
    text: () => ({
      zh: '新生儿出生时父母是登记在册的夫妻：出生当日或之前已登记结婚，且出生前未离婚（婚内生育）',
      en: 'the parents were married to each other on the day of the birth: registered by then and not divorced before (born in wedlock)',
    }),
    not: () => ({
      zh: '新生儿出生时父母不是登记在册的夫妻（出生后才登记结婚，或出生前已离婚）',
      en: 'the parents were not married to each other on the day of the birth (registered later, or divorced before)',
    }),
  },
  'not-divorced-before-birth': {
    text: () => ({
      zh: '父母的婚姻在新生儿出生前未解除（未离婚）',
      en: "the parents' marriage was not dissolved before the birth",
    }),
    not: () => ({
      zh: '父母在新生儿出生前已离婚',
      en: 'the parents divorced before the birth',
    }),
  },
  'marriage-matches-delivery-record': () => ({
    zh: '结婚登记的夫妻与助产机构分娩信息中的父母一致',
    en: "the couple on the marriage record are the parents on the hospital's delivery record",
  }),
  'delivery-record-found': {
    text: () => ({
      zh: '共享数据中有助产机构上传的母亲分娩信息',
      en: "the hospital's delivery record for the mother is in the shared data",
    }),
    not: () => ({
      zh: '共享数据中没有助产机构上传的母亲分娩信息',
      en: "the hospital's delivery record for the mother is not in the shared data",
    }),
  },
  'mother-maternity-insured-within': (a) => {
    const place = divisionsName(a.divisions);
    return {
      zh: `母亲在${place.zh}参加生育保险`,
      en: `the mother is insured for maternity in ${place.en}`,
    };
  },
  'baby-named': () => ({
    zh: '新生儿已取好姓和名',
    en: 'the baby has a surname and a given name',
  }),
  'baby-surname-of-a-parent': {
    text: () => ({ zh: '新生儿姓氏随父姓或母姓', en: "the baby's surname is the father's or the mother's" }),
    not: () => ({
      zh: '新生儿姓氏既不随父姓也不随母姓',
      en: "the baby's surname is neither the father's nor the mother's",
    }),
  },
  'no-family-household-where-collective': {
    text: () => ({
      zh: '在随其落户一方集体户所在的市区内，家庭没有家庭户',
      en: "the family has no family household in the city area of the registering parent's collective household",
    }),
    not: () => ({
      zh: '在随其落户一方集体户所在的市区内，家庭已有家庭户',
      en: "the family has a family household in the city area of the registering parent's collective household",
    }),
  },
  'no-prior-application': () => ({
    zh: '平台上没有该新生儿的其他在办申请',
    en: 'no other application for this baby is open on the platform',
  }),
  'applicant-role-in': {
    text: (a) => {
      const r = list(
        a.roles.map((x) => ROLES[x]),
        '或',
        'or',
      );
      return { zh: `申请人是${r.zh}`, en: `the applicant is ${r.en}` };
    },
    not: (a) => {
      const r = list(
        a.roles.map((x) => ROLES[x]),
        '或',
        'or',
      );
      return { zh: `申请人不是${r.zh}`, en: `the applicant is not ${r.en}` };
    },
  },
  'mother-authorized-applicant': () => ({
    zh: '母亲已签署授权委托书，委托申请人办理',
    en: "the mother's signed authorization names the applicant",
  }),
  'e-licenses-held': (a) => {
    const l = list(
      a.licenses.map((x) => LICENSES[x]),
      '、',
      'and',
    );
    return { zh: `已领取电子证照：${l.zh}`, en: `the e-licences are claimed: ${l.en}` };
  },
  'holds-full-birth-certificate': () => ({
    zh: '持有正、副页完整（未裁切）的《出生医学证明》',
    en: 'the family holds the birth medical certificate with its counterfoil uncut',
  }),
  'insurance-place-within': (a) => {
    const place = divisionsName(a.divisions);
    return {
      zh: `新生儿参保地（未选择时为随其落户一方的户籍地）在${place.zh}`,
      en: `the baby's insurance place (unless chosen, the registering parent's hukou) is in ${place.en}`,
    };
  },
  'scenario-in': {
    text: (a, x) => {
      const s = list(
        a.scenarios.map((id) => quoted(x.scenario(id))),
        '或',
        'or',
      );
      return { zh: `办理情形为${s.zh}`, en: `the case is in ${s.en}` };
    },
    not: (a, x) => {
      const s = list(
        a.scenarios.map((id) => quoted(x.scenario(id))),
        '或',
        'or',
      );
      return { zh: `办理情形不是${s.zh}`, en: `the case is not in ${s.en}` };
    },
  },
  'item-chosen': {
    text: (a, x) => ({
      zh: `申请人选择办理“${x.item(a.item).zh}”`,
      en: `the applicant chose “${x.item(a.item).en}”`,
    }),
    not: (a, x) => ({
      zh: `申请人未选择办理“${x.item(a.item).zh}”`,
      en: `the applicant did not choose “${x.item(a.item).en}”`,
    }),
  },
  'delivery-chosen': (a, x) => ({
    zh: `“${x.item(a.item).zh}”选择${a.method === 'mail' ? '邮寄' : '自取'}`,
    en: `“${x.item(a.item).en}” is to be ${a.method === 'mail' ? 'mailed' : 'collected in person'}`,
  }),
};

/** The predicates with a phrase; a test compares this with PREDICATES. */
export function hasPhrase(name: string): boolean {
  return Object.hasOwn(PHRASES, name);
}
