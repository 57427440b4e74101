import type { Facts } from '../policy/facts.ts';
import type { Evaluation } from '../policy/evaluate.ts';
import type { PremiumYear } from '../domain/case.ts';
import { beijingDate } from '../domain/local-date.ts';
import type { CaseForm } from '../departments/port.ts';

/**
 * The one form (一表申请), fixed at submission from the shared data and the applicant's choices.
 * Each department's task is cut from it, so no department asks the family again.
 */
export interface FormExtras {
  contact: { phone: string | null; mailingAddress: { divisionCode: string; detail: string } | null };
  /** The uploaded materials, by content hash: the signature covers exactly these files. */
  uploads: { material: string; sha256: string; mime: string }[];
}

export function buildForm(facts: Facts, evaluation: Evaluation, extras: FormExtras): CaseForm {
  const registering = facts.choices.followParent === 'mother' ? facts.mother : facts.father;
  return {
    baby: {
      name: `${facts.baby.surname}${facts.baby.givenName}`,
      sex: facts.baby.sex,
      bornAt: facts.baby.bornAt,
      birthPlace: facts.baby.birthPlace,
    },
    mother: {
      name: facts.mother.name,
      idNumber: facts.mother.idNumber,
      ...(facts.mother.phone ? { phone: facts.mother.phone } : {}),
    },
    father: facts.father && {
      name: facts.father.name,
      idNumber: facts.father.idNumber,
      ...(facts.father.phone ? { phone: facts.father.phone } : {}),
    },
    registering: {
      role: facts.choices.followParent,
      name: registering?.name ?? '',
      idNumber: registering?.idNumber ?? '',
      hukouDivisionCode: registering?.hukou?.divisionCode ?? null,
      householdType: registering?.hukou?.householdType ?? null,
    },
    marriage: facts.marriage && {
      registeredOn: facts.marriage.registeredOn,
      registeredDivisionCode: facts.marriage.registeredDivisionCode,
    },
    existingCertificateNumber: facts.existing.birthCertificate?.number,
    insuranceYears: facts.choices.insuranceYears ?? ['current'],
    premium: premiumOf(facts, evaluation),
    insuranceDivisionCode: facts.choices.insuranceDivisionCode ?? registering?.hukou?.divisionCode ?? null,
    delivery: Object.fromEntries(
      evaluation.plan.filter((p) => p.delivery?.chosen).map((p) => [p.id, p.delivery!.chosen]),
    ),
    recipient: facts.choices.recipient ?? facts.applicant.role,
    contact: extras.contact,
    uploads: extras.uploads,
  };
}

/**
 * The insurance years the premium pays for, as the policy's terms give them, and the share of the
 * birth year's premium a late-year birth pays (Zibo). The tax bureau assesses the amount from these.
 */
function premiumOf(facts: Facts, evaluation: Evaluation): { years: PremiumYear[]; shareOfBirthYear: number } {
  const ins = evaluation.insurance;
  const birthYear = Number(beijingDate(new Date(facts.baby.bornAt)).slice(0, 4));
  const years: PremiumYear[] =
    ins.stated && ins.coverage.length
      ? ins.coverage.map((c) => ({ year: c.year, insuranceYear: c.insuranceYear }))
      : (facts.choices.insuranceYears ?? ['current']).map((y) => ({
          year: birthYear + (y === 'next' ? 1 : 0),
          insuranceYear: y,
        }));
  return { years, shareOfBirthYear: ins.stated ? (ins.premiumShare ?? 1) : 1 };
}
