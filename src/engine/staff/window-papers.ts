import type { CaseForm } from '../../departments/port.ts';
import { birthDateOf } from '../../domain/citizen-id.ts';
import { ETHNIC_GROUPS } from '../../domain/ethnicity.ts';
import type { ItemId, RegionId } from '../../domain/ids.ts';
import { beijingDate, type LocalDate } from '../../domain/local-date.ts';
import { placeName } from '../../domain/place-names.ts';
import {
  JOINT_ITEMS,
  RECEIPT_MATERIALS,
  renderAuthorizationLetter,
  renderJointApplicationForm,
  renderMaterialsReceipt,
  type JointFormParent,
  type JointItem,
} from '../../documents/tongchuan/index.ts';
import type { PersonRecord, SharedData } from '../../registries/port.ts';
import { getPolicy } from '../../policies/index.ts';
import type { Policy } from '../../policy/schema.ts';

/**
 * The papers of a region's own joint window, filled from the form and the registries. Tongchuan's
 * window is in the hospital (002 二(四)2): the mother authorizes the hospital with 附件3, signs the
 * form of 附件1 there, and is given the receipt of 附件2. A region without papers of its own uses
 * the general application form, and its window is only the fallback where the mother applies herself.
 * Which region's window has papers of its own is policy data (`jointWindow`); the papers themselves
 * are here, by the name the policy gives them.
 */
export interface JointWindowPapers extends PaperSet {
  /** The materials of the policy the window produces itself: the signed letter, and the form's paper. */
  letterMaterial: string;
  formMaterial: string;
}

interface PaperSet {
  /** The items the letter and the form list: the plan's, of those the window handles. */
  items: (plan: readonly ItemId[]) => JointItem[];
  letter: (letter: WindowLetter, signature?: { imagePng: Buffer; signedOn: LocalDate }) => Promise<Buffer>;
  form: (shared: SharedData, form: CaseForm, o: FormPaperOptions) => Promise<Buffer>;
  receipt: (form: CaseForm, o: { caseId: string; date: LocalDate }) => Promise<Buffer>;
}

/** The letter as the mother signs it (002 附件3): what the window fills in, kept whole with her signature. */
export interface WindowLetter {
  grantor: { name: string; idNumber: string };
  delivery: { date: LocalDate; hospital: string };
  baby: { name: string; sex: 'male' | 'female'; birthOrder: number };
  grantee: { organisationId: string; hospital: string };
  items: JointItem[];
  /** From the day she signs; 附件3 leaves the end blank and the document names none, so neither do we. */
  period: { from: LocalDate };
}

export interface FormPaperOptions {
  items: readonly ItemId[];
  caseId?: string;
  appliedOn?: LocalDate;
  signatures?: { mother?: Buffer; father?: Buffer };
}

const tongchuan: PaperSet = {
  items: (plan) => JOINT_ITEMS.filter((i) => plan.includes(i)),
  letter: (l, signature) =>
    renderAuthorizationLetter({
      grantor: l.grantor,
      delivery: l.delivery,
      baby: { name: l.baby.name, sex: l.baby.sex },
      grantee: { hospital: l.grantee.hospital },
      items: l.items,
      period: { from: l.period.from, to: null },
      ...(signature ? { grantorSignature: signature } : {}),
    }),
  form: async (shared, form, o) => {
    const [mother, father] = await Promise.all([
      shared.person(form.mother.idNumber),
      form.father ? shared.person(form.father.idNumber) : null,
    ]);
    const [, birthCity, birthCounty] = placeName(form.baby.birthPlace.divisionCode).split(' ');
    const registering = form.registering.role === 'mother' ? mother : father;
    const insurance = placeName(stringOf(form.insuranceDivisionCode)).split(' ');
    const delivery = (form.delivery ?? {}) as Record<string, string>;
    const contact = form.contact as CaseFormContact | undefined;
    const address = contact?.mailingAddress;
    return renderJointApplicationForm({
      ...(o.caseId ? { caseId: o.caseId } : {}),
      baby: {
        name: form.baby.name,
        sex: form.baby.sex === 'male' ? 'male' : 'female',
        bornAt: form.baby.bornAt,
        birthCity,
        birthCounty,
        institution: form.baby.birthPlace.institutionName ?? null,
      },
      mother: parentOf(form.mother.idNumber, form.mother.name, mother),
      ...(form.father ? { father: parentOf(form.father.idNumber, form.father.name, father) } : {}),
      items: tongchuan.items(o.items),
      registration: {
        follows: form.registering.role === 'mother' ? 'mother' : 'father',
        place: compact(form.registering.hukouDivisionCode),
        // The registry says who heads the household only when it is the registering parent.
        householdHead:
          registering?.hukou?.relationToHead === 'self'
            ? {
                name: form.registering.name,
                idNumber: form.registering.idNumber,
                relation: form.baby.sex === 'male' ? '子' : '女',
              }
            : {},
      },
      insurance: { city: insurance[1] ?? null, county: insurance[2] ?? null },
      card: { city: insurance[1] ?? null },
      documentFlow: {
        // 002's eligibility clause keeps registration in the district (see the policy's question).
        mailToOtherCounty: false,
        resultsBy: delivery['hukou-registration'] === 'mail' ? 'mail' : 'pickup',
        cardByMail: delivery['social-security-card'] === 'mail',
        mailingAddress: address ? `${compact(address.divisionCode)}${address.detail}` : null,
        recipient: form.mother.name,
        phone: contact?.phone ?? form.mother.phone ?? null,
      },
      commitment: {
        motherPhone: form.mother.phone ?? contact?.phone ?? null,
        fatherPhone: form.father?.phone ?? null,
        appliedOn: o.appliedOn ?? null,
        motherSignaturePng: o.signatures?.mother ?? null,
        fatherSignaturePng: o.signatures?.father ?? null,
      },
    });
  },
  receipt: (form, o) => {
    const given = new Set(((form.uploads ?? []) as { material: string }[]).map((u) => u.material));
    return renderMaterialsReceipt({
      caseId: o.caseId,
      applicant: form.mother.name,
      baby: form.baby.name,
      received: RECEIPT_MATERIALS.filter((m) => given.has(m.id)).map((m) => m.id),
      date: o.date,
    });
  },
};

const PAPERS: Record<NonNullable<Policy['jointWindow']>['papers'], PaperSet> = {
  'tongchuan-2023': tongchuan,
};

/** The region's own window papers, or null where the general application form serves. */
export function windowPapersOf(region: RegionId): JointWindowPapers | null {
  const w = getPolicy(region).jointWindow;
  return w ? { letterMaterial: w.letterMaterial, formMaterial: w.formMaterial, ...PAPERS[w.papers] } : null;
}

export const beijingDay = (at: Date | string): LocalDate => beijingDate(new Date(at));

interface CaseFormContact {
  phone: string | null;
  mailingAddress: { divisionCode: string; detail: string } | null;
}

const stringOf = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** A division as an address line writes it: 四川省达州市通川区. */
const compact = (code: string | null | undefined) => placeName(code).replaceAll(' ', '');

function parentOf(idNumber: string, name: string, p: PersonRecord | null): JointFormParent {
  return {
    name,
    idNumber,
    birthDate: birthDateOf(idNumber),
    nationality: p?.nationality === 'CHN' ? '中国' : null,
    ethnicity: p ? (ETHNIC_GROUPS[p.ethnicity] ?? null) : null,
    // The registry holds the hukou's division, not its street, nor 籍贯 or where the family lives.
    hukouAddress: compact(p?.hukou?.divisionCode),
  };
}
