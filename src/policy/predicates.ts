import { z } from 'zod';
import { isWithin, sameCountyLevelArea } from '../domain/division.ts';
import { ItemId, ParentRole, Scenario } from '../domain/ids.ts';
import { addMonths, daysBetween, type LocalDate } from '../domain/local-date.ts';
import { HouseholdType, ParentCategory, RelationToHead, type Facts, type Parent } from './facts.ts';

/**
 * The named predicates a region's rules are composed from. A policy file never holds code: it
 * writes `{ is: 'parent-hukou-within', who: 'at-least-one', divisions: ['3703'] }`, and this table
 * says what that means. Each predicate is total: missing data (no father, no hukou, no marriage
 * record) makes it false, never throws.
 */

export interface PredicateContext {
  facts: Facts;
  /** The Beijing date the application is evaluated on. */
  today: LocalDate;
  birthDate: LocalDate;
  scenario: Scenario;
  chosenItems: ReadonlySet<ItemId>;
  /** The last day of the newborn insurance window the policy's insurance terms set, if any. */
  insuranceWindowEnds: LocalDate | null;
}

/** Which parents a parent predicate speaks of; `registering` is the one the baby's hukou follows. */
const Who = z.enum([
  'both',
  'at-least-one',
  'exactly-one',
  'none',
  'mother',
  'father',
  'registering',
  'other',
]);
type Who = z.infer<typeof Who>;
const Divisions = z.array(z.string().regex(/^\d{2,6}$/)).min(1);

const DIRECT_RELATIVES: ReadonlySet<z.infer<typeof RelationToHead>> = new Set([
  // The baby joins the household as the head's child or grandchild only through these relations.
  'self',
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
]);

function parentsOf(facts: Facts): {
  mother: Parent;
  father: Parent | null;
  registering: Parent | null;
  other: Parent | null;
} {
  const follow = facts.choices.followParent;
  return {
    mother: facts.mother,
    father: facts.father,
    registering: follow === 'mother' ? facts.mother : facts.father,
    other: follow === 'mother' ? facts.father : facts.mother,
  };
}

/** Apply a test to the parents named by `who`. A missing parent never satisfies a test. */
function quantify(facts: Facts, who: Who, test: (p: Parent) => boolean): boolean {
  const p = parentsOf(facts);
  const ok = (x: Parent | null) => x !== null && test(x);
  const count = [p.mother, p.father].filter(ok).length;
  switch (who) {
    case 'both':
      return count === 2;
    case 'at-least-one':
      return count >= 1;
    case 'exactly-one':
      return count === 1;
    case 'none':
      return count === 0;
    case 'mother':
      return ok(p.mother);
    case 'father':
      return ok(p.father);
    case 'registering':
      return ok(p.registering);
    case 'other':
      return ok(p.other);
  }
}

function marriageOfParents(facts: Facts) {
  const m = facts.marriage;
  if (!m || !facts.father) return null;
  const matches = m.wifeIdNumber === facts.mother.idNumber && m.husbandIdNumber === facts.father.idNumber;
  return matches ? m : null;
}

/** A divorce on record without its date is taken as before the birth: nothing shows otherwise. */
function divorcedBefore(m: NonNullable<Facts['marriage']>, birthDate: LocalDate): boolean {
  return m.status === 'divorced' && (m.divorcedOn === undefined || m.divorcedOn < birthDate);
}

function definePredicate<const Name extends string, Shape extends z.ZodRawShape>(
  name: Name,
  args: Shape,
  summary: string,
  test: (ctx: PredicateContext, args: z.infer<z.ZodObject<Shape>>) => boolean,
) {
  return { name, schema: z.strictObject({ is: z.literal(name), ...args }), summary, test };
}

export const PREDICATES = [
  definePredicate(
    'baby-age-under-months',
    { months: z.number().int().positive() },
    'the baby has not yet reached N months of age on the day of application (未满N个月)',
    (c, a) => c.today < addMonths(c.birthDate, a.months),
  ),

  definePredicate(
    'baby-age-within-months',
    { months: z.number().int().positive() },
    'the application falls within N months of the birth, the last day counted (N个月内; 民法典 第一千二百五十九条 counts the end)',
    (c, a) => c.today <= addMonths(c.birthDate, a.months),
  ),

  definePredicate(
    'baby-age-within-days',
    { days: z.number().int().positive() },
    'no more than N days have passed since the birth day (N天(含)内)',
    (c, a) => daysBetween(c.birthDate, c.today) <= a.days,
  ),

  definePredicate(
    'within-insurance-window',
    {},
    "the application falls within the newborn insurance window the region's insurance terms set",
    (c) => c.insuranceWindowEnds !== null && c.today <= c.insuranceWindowEnds,
  ),

  definePredicate(
    'born-in-institution-within',
    { divisions: Divisions, acceptBroughtIn: z.boolean().default(false) },
    'born in a midwifery institution in the area (optionally: born at home or en route and brought to one at once)',
    (c, a) => {
      const place = c.facts.baby.birthPlace;
      const atInstitution = place.kind === 'institution' || (a.acceptBroughtIn && place.broughtToInstitution);
      return atInstitution && isWithin(place.divisionCode, a.divisions);
    },
  ),

  definePredicate(
    'parent-hukou-within',
    { who: Who, divisions: Divisions },
    "the named parents' hukou lies in the area",
    (c, a) =>
      quantify(c.facts, a.who, (p) => p.hukou !== null && isWithin(p.hukou.divisionCode, a.divisions)),
  ),

  definePredicate(
    'parent-household-type-in',
    { who: Who, types: z.array(HouseholdType).min(1) },
    "the named parents' household is of one of these types",
    (c, a) => quantify(c.facts, a.who, (p) => p.hukou !== null && a.types.includes(p.hukou.householdType)),
  ),

  definePredicate(
    'parent-category-in',
    { who: Who, categories: z.array(ParentCategory).min(1) },
    'the named parents belong to one of these categories (military, student, …)',
    (c, a) => quantify(c.facts, a.who, (p) => a.categories.includes(p.category)),
  ),

  definePredicate(
    'parent-nationality',
    { who: Who, nationality: z.string().regex(/^[A-Z]{3}$/) },
    'the named parents hold this nationality',
    (c, a) => quantify(c.facts, a.who, (p) => p.nationality === a.nationality),
  ),

  definePredicate(
    'registering-parent-direct-relative-of-head',
    {},
    "the registering parent is the household head or the head's direct relative",
    (c) => {
      const p = parentsOf(c.facts).registering;
      return p?.hukou != null && DIRECT_RELATIVES.has(p.hukou.relationToHead);
    },
  ),

  definePredicate(
    'parents-hukou-same-county-area',
    {},
    "both parents' hukou lie in one city's districts or one county (同一设区市市辖区或者同一县（市）)",
    (c) => {
      const { mother, father } = c.facts;
      return !!(
        mother.hukou &&
        father?.hukou &&
        sameCountyLevelArea(mother.hukou.divisionCode, father.hukou.divisionCode)
      );
    },
  ),

  definePredicate(
    'parents-same-ethnicity',
    {},
    'mother and father are of the same ethnic group',
    (c) => c.facts.father !== null && c.facts.mother.ethnicity === c.facts.father.ethnicity,
  ),

  definePredicate(
    'marriage-registered-within',
    { divisions: Divisions },
    "the parents' marriage was registered in the area",
    (c, a) => {
      const m = marriageOfParents(c.facts);
      return m !== null && isWithin(m.registeredDivisionCode, a.divisions);
    },
  ),

  definePredicate(
    'marriage-in-force',
    {},
    "the parents' marriage is on record and still in force (存续)",
    (c) => marriageOfParents(c.facts)?.status === 'in-force',
  ),

  definePredicate(
    'marriage-on-record',
    {},
    'the marriage registry holds a marriage between this mother and this father',
    (c) => marriageOfParents(c.facts) !== null,
  ),

  definePredicate(
    'married-before-birth',
    {},
    'the parents were married to each other on the day of birth: registered by then and not divorced before (婚生 / 婚内生育)',
    (c) => {
      const m = marriageOfParents(c.facts);
      return m !== null && m.registeredOn <= c.birthDate && !divorcedBefore(m, c.birthDate);
    },
  ),

  definePredicate(
    'not-divorced-before-birth',
    {},
    'the marriage on record was not dissolved before the birth (出生前父母离异)',
    (c) => {
      const m = marriageOfParents(c.facts);
      return m !== null && !divorcedBefore(m, c.birthDate);
    },
  ),

  definePredicate(
    'marriage-matches-delivery-record',
    {},
    'the parents on the marriage record are the parents on the delivery record (出生医学证明)',
    (c) => {
      const d = c.facts.deliveryRecord;
      const m = c.facts.marriage;
      if (!d || !m) return false;
      return (
        m.wifeIdNumber === d.motherIdNumber &&
        (d.fatherIdNumber === undefined || m.husbandIdNumber === d.fatherIdNumber)
      );
    },
  ),

  definePredicate(
    'delivery-record-found',
    {},
    "the hospital's delivery record for the mother is in the shared data",
    (c) =>
      c.facts.deliveryRecord !== null && c.facts.deliveryRecord.motherIdNumber === c.facts.mother.idNumber,
  ),

  definePredicate(
    'mother-maternity-insured-within',
    { divisions: Divisions },
    'the mother is insured for maternity in the area, as the medical security registry reports',
    (c, a) =>
      c.facts.maternityInsurance !== null &&
      isWithin(c.facts.maternityInsurance.insuredDivisionCode, a.divisions),
  ),

  definePredicate(
    'baby-named',
    {},
    'the baby has a surname and a given name',
    (c) => c.facts.baby.surname.trim() !== '' && c.facts.baby.givenName.trim() !== '',
  ),

  definePredicate(
    'baby-surname-of-a-parent',
    {},
    "the baby's surname is the father's or the mother's (姓氏随父或随母)",
    (c) => {
      const surname = c.facts.baby.surname.trim();
      const parents = [c.facts.mother, c.facts.father].filter((p): p is Parent => p !== null);
      return surname !== '' && parents.some((p) => p.name.startsWith(surname));
    },
  ),

  definePredicate(
    'no-family-household-where-collective',
    {},
    "the family has no family household in the city area of the registering parent's collective household (在集体户的市区内无家庭户)",
    (c) => !c.facts.familyHouseholdInCollectiveArea,
  ),

  definePredicate(
    'no-prior-application',
    {},
    'no other application for this baby is open on the platform',
    (c) => !c.facts.priorApplication,
  ),

  definePredicate(
    'applicant-role-in',
    { roles: z.array(ParentRole).min(1) },
    'the applicant is one of these parents',
    (c, a) => a.roles.includes(c.facts.applicant.role),
  ),

  definePredicate(
    'mother-authorized-applicant',
    {},
    "the mother's signed authorization names the applicant",
    (c) => c.facts.motherAuthorization?.grantee === c.facts.applicant.role,
  ),

  definePredicate(
    'e-licenses-held',
    {
      licenses: z
        .array(
          z.enum([
            'mother-id-card',
            'father-id-card',
            'marriage-certificate',
            'hukou-book',
            'birth-certificate',
          ]),
        )
        .min(1),
    },
    'these electronic licences are already claimed in the shared data',
    (c, a) => a.licenses.every((l) => c.facts.eLicenses.includes(l)),
  ),

  definePredicate(
    'holds-full-birth-certificate',
    {},
    'the family holds the birth certificate with its counterfoil uncut (正、副页完全版)',
    (c) => c.facts.existing.birthCertificate?.hasCounterfoil === true,
  ),

  definePredicate(
    'insurance-place-within',
    { divisions: Divisions },
    "the baby's chosen insurance place (by default the registering parent's hukou) lies in the area",
    (c, a) => {
      const chosen =
        c.facts.choices.insuranceDivisionCode ?? parentsOf(c.facts).registering?.hukou?.divisionCode;
      return chosen !== undefined && isWithin(chosen, a.divisions);
    },
  ),

  definePredicate(
    'scenario-in',
    { scenarios: z.array(Scenario).min(1) },
    'the case is in one of these scenarios',
    (c, a) => a.scenarios.includes(c.scenario),
  ),

  definePredicate('item-chosen', { item: ItemId }, 'the applicant chose this item', (c, a) =>
    c.chosenItems.has(a.item),
  ),

  definePredicate(
    'delivery-chosen',
    { item: ItemId, method: z.enum(['mail', 'pickup']) },
    'the applicant chose to receive this item this way',
    (c, a) => c.facts.choices.delivery?.[a.item] === a.method,
  ),
] as const;

type PredicateDef = (typeof PREDICATES)[number];
export type PredicateName = PredicateDef['name'];
export type PredicateCall = z.input<PredicateDef['schema']>;

/**
 * A condition: a predicate call, or all / any / not of conditions. Rules, materials and item
 * filters all speak this one small language.
 */
export type Condition = PredicateCall | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const predicateCall = z.discriminatedUnion(
  'is',
  PREDICATES.map((p) => p.schema) as unknown as [PredicateDef['schema'], ...PredicateDef['schema'][]],
);

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    predicateCall,
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
) as z.ZodType<Condition>;

const BY_NAME = new Map<string, PredicateDef>(PREDICATES.map((p) => [p.name, p]));

export function evaluateCondition(condition: Condition, ctx: PredicateContext): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, ctx));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, ctx));
  if ('not' in condition) return !evaluateCondition(condition.not, ctx);
  const def = BY_NAME.get(condition.is);
  if (!def) throw new Error(`unknown predicate ${condition.is}`); // definePolicy() rejects this first
  // definePolicy() has parsed every condition already (filling argument defaults), so the hot
  // path does not parse again.
  return (def.test as (c: PredicateContext, a: never) => boolean)(ctx, condition as never);
}

export function predicateSummary(name: string): string | undefined {
  return BY_NAME.get(name)?.summary;
}
