import { sameCountyLevelArea } from '../domain/division.ts';
import { fieldError } from '../domain/error.ts';
import type { ParentRole } from '../domain/ids.ts';
import { parseFacts, type Facts, type FactsInput } from '../policy/facts.ts';
import type { DeliveryRecord, MarriageRecord, SharedData } from '../registries/port.ts';

/** What the applicant sends; everything else comes from the shared data. */
export interface ApplicationInput {
  applicant: { role: ParentRole; idNumber: string };
  motherIdNumber: string;
  baby: {
    surname: string;
    givenName: string;
    /** Which baby of the delivery: 1 unless twins or more. */
    birthOrder?: number;
    sex?: 'male' | 'female';
    bornAt?: string;
    birthPlace?: FactsInput['baby']['birthPlace'];
  };
  choices: FactsInput['choices'];
  motherAuthorization?: FactsInput['motherAuthorization'];
  /** A phone if the registry has none, and where to mail what is mailed. */
  contact?: { phone?: string; mailingAddress?: { divisionCode: string; detail: string } };
  /** Material id → upload id, for the materials the shared data cannot supply. */
  uploads?: Record<string, string>;
  /** The handwritten signature over the digest of the form the applicant reviewed. */
  signature?: { formDigest: string; imagePng: Buffer; others?: { role: ParentRole; imagePng: Buffer }[] };
}

/** A person's family as the registries know it: whether they are the mother or the father, and both parents. */
export async function familyOf(shared: SharedData, idNumber: string) {
  const person = await shared.person(idNumber);
  if (!person) return null;
  const marriage = await shared.marriageOf(idNumber);
  const isHusband = marriage?.husbandIdNumber === idNumber;
  const ownDelivery = isHusband ? null : await shared.deliveryRecordOf(idNumber);
  const motherId = isHusband
    ? marriage.wifeIdNumber
    : marriage?.wifeIdNumber === idNumber || ownDelivery
      ? idNumber
      : null;
  const mother = motherId ? await shared.person(motherId) : null;
  if (!mother) return { person, role: null, mother: null, father: null };
  const delivery =
    mother.idNumber === idNumber ? ownDelivery : await shared.deliveryRecordOf(mother.idNumber);
  const fatherId = fatherIdOf(mother.idNumber, marriage, delivery);
  const father = fatherId ? await shared.person(fatherId) : null;
  const role: ParentRole = mother.idNumber === idNumber ? 'mother' : 'father';
  return { person, role, mother, father, delivery };
}

/** The baby's father: the mother's husband, or else the father the hospital recorded. */
function fatherIdOf(
  motherId: string,
  marriage: MarriageRecord | null,
  delivery: DeliveryRecord | null | undefined,
): string | undefined {
  return marriage?.wifeIdNumber === motherId ? marriage.husbandIdNumber : delivery?.fatherIdNumber;
}

/**
 * 智能预审: assemble the evaluator's facts from the registries. Only what no registry holds is
 * taken from the applicant (the baby's name, the choices, and birth facts if the hospital's
 * delivery record is missing).
 */
/** What the platform's own store knows about the family. */
export interface PlatformRecords {
  /** A case this baby (the mother's, born at that instant, in that order) already has. */
  priorApplication(bornAt: string, birthOrder: number): Promise<boolean>;
  /** The mother's signed authorization for this applicant, if she gave one. */
  authorization(
    motherIdNumber: string,
    applicantIdNumber: string,
  ): Promise<FactsInput['motherAuthorization']>;
  /** The father's face-verified confirmation, if he gave one. */
  fatherConfirmation(
    motherIdNumber: string,
    fatherIdNumber: string,
  ): Promise<FactsInput['fatherConfirmation']>;
}

export async function gatherFacts(
  shared: SharedData,
  input: ApplicationInput,
  records: PlatformRecords,
): Promise<Facts> {
  // Every lookup is made whether or not the mother is known, and an unknown mother reads exactly as
  // a family the applicant is not part of: the pre-review must not tell a logged-in person whether
  // an ID number is registered, nor anything about a stranger's family (how many babies, say).
  const birthOrder = input.baby.birthOrder ?? 1;
  const motherId = input.motherIdNumber.toUpperCase();
  const [mother, marriage, delivery, eLicenses, maternityInsurance, existing] = await Promise.all([
    shared.person(motherId),
    shared.marriageOf(motherId),
    shared.deliveryRecordOf(motherId),
    shared.eLicensesOf(motherId),
    shared.maternityInsuranceOf(motherId),
    shared.babyRecordsOf(motherId, birthOrder),
  ]);
  const fatherId = mother ? fatherIdOf(mother.idNumber, marriage, delivery) : undefined;
  const father = fatherId ? await shared.person(fatherId) : null;
  // The applicant is the mother or the father as the registries know them, never a third person:
  // otherwise anyone could apply for, and then read, another family's case.
  const parent = input.applicant.role === 'mother' ? mother : father;
  if (!mother || parent?.idNumber !== input.applicant.idNumber) throw notYourFamily();
  const recorded = delivery?.babies.find((b) => b.birthOrder === birthOrder);
  if (delivery && !recorded) {
    throw fieldError('INVALID_INPUT', 'baby.birthOrder', {
      zh: `医院分娩信息中只有 ${delivery.babies.length} 名新生儿，请核对出生顺序`,
      en: `the hospital's delivery record has ${delivery.babies.length} baby(ies); check the birth order`,
    });
  }
  const bornAt = recorded?.bornAt ?? input.baby.bornAt;
  const sex = recorded?.sex ?? input.baby.sex;
  const birthPlace = recorded?.birthPlace ?? input.baby.birthPlace;
  const facts: FactsInput = {
    applicant: { role: input.applicant.role },
    // Only what the mother signed in her own login counts (or what a trusted integration passes in).
    motherAuthorization:
      input.motherAuthorization ??
      (input.applicant.role === 'mother'
        ? null
        : await records.authorization(mother.idNumber, input.applicant.idNumber)),
    baby: {
      surname: input.baby.surname,
      givenName: input.baby.givenName,
      sex: sex!,
      bornAt: bornAt!,
      birthPlace: birthPlace!,
      birthOrder,
    },
    mother,
    father,
    marriage,
    deliveryRecord: delivery && {
      motherIdNumber: delivery.motherIdNumber,
      institutionName: delivery.institutionName,
      ...(delivery.fatherIdNumber ? { fatherIdNumber: delivery.fatherIdNumber } : {}),
    },
    existing,
    eLicenses,
    maternityInsurance,
    familyHouseholdInCollectiveArea: familyHouseholdNearCollective(
      mother,
      father,
      input.choices.followParent,
    ),
    priorApplication: bornAt ? await records.priorApplication(bornAt, birthOrder) : false,
    fatherConfirmation: father ? await records.fatherConfirmation(mother.idNumber, father.idNumber) : null,
    choices: input.choices,
  };
  // Without a delivery record the birth facts must be typed; the schema names what is missing.
  return parseFacts(facts);
}

/**
 * The one answer for "no such mother" and "not your family": the same code, field and words, so the
 * two cannot be told apart (see gatherFacts).
 */
export function notYourFamily() {
  return fieldError('NOT_FOUND', 'motherIdNumber', {
    zh: '共享数据中没有查到您是这位母亲所生新生儿的父亲或母亲；请核对母亲身份证号，并由新生儿的父亲或母亲本人登录申请',
    en: "the shared data shows no baby of this mother's whose mother or father you are; check the number — the baby's mother or father must log in and apply",
  });
}

/**
 * Whether the other parent's family household lies in the city area of the registering parent's
 * collective household (003 附件4 一). The registry port answers for the parents only, so a
 * family household of other relatives is not seen here.
 */
function familyHouseholdNearCollective(
  mother: FactsInput['mother'],
  father: FactsInput['father'],
  follow: ParentRole | undefined,
): boolean {
  const [registering, other] = follow === 'mother' ? [mother, father] : [father, mother];
  const r = registering?.hukou;
  const o = other?.hukou;
  return (
    !!r &&
    !!o &&
    r.householdType !== 'family' &&
    o.householdType === 'family' &&
    sameCountyLevelArea(r.divisionCode, o.divisionCode)
  );
}
