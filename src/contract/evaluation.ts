import { z } from 'zod';
import {
  Bilingual,
  Citation,
  Deadline,
  DepartmentId,
  DivisionCode,
  IdNumber,
  Instant,
  InsuranceYear,
  ItemId,
  LocalDate,
  PremiumYear,
  RegionId,
  Role,
  Scenario,
} from './common.ts';

/** The pre-review (智能预审): the evaluator's decision, the one form and what is still missing. */

export const Finding = z.object({
  ruleId: z.string(),
  scope: z.union([z.literal('case'), ItemId]),
  effect: z.enum(['refuse', 'advise']),
  outcome: z.enum(['passed', 'failed', 'not-applicable']),
  requirement: Bilingual,
  reason: Bilingual.optional(),
  remedy: z
    .object({
      kind: z.enum([
        'contact',
        'apply-offline',
        'supplement',
        'choose-other-parent',
        'correct-registry',
        'claim-e-license',
        'choose-other-scenario',
      ]),
      text: Bilingual,
    })
    .optional(),
  citation: Citation,
});

export const DeliveryMethod = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('mail'),
    fee: z.enum(['free', 'paid-by-applicant', 'unstated']),
    twoWay: z.boolean(),
    note: Bilingual.optional(),
  }),
  z.object({ kind: z.literal('pickup'), place: Bilingual }),
]);

export const PlannedItem = z.object({
  id: ItemId,
  name: Bilingual,
  department: DepartmentId,
  dependsOn: z.array(ItemId),
  stage: z.number().int(),
  why: z.enum(['mandatory', 'package', 'chosen', 'dependency']),
  deadline: Deadline,
  delivery: z
    .object({ options: z.array(DeliveryMethod), chosen: z.enum(['mail', 'pickup']).nullable() })
    .nullable(),
  handOff: z
    .object({ platform: Bilingual, province: z.object({ prefix: z.string(), name: Bilingual }) })
    .nullable(),
});

export const InsuranceTerms = z.discriminatedUnion('stated', [
  z.object({
    stated: z.literal(true),
    yearsOffered: z.array(InsuranceYear),
    nextYearRequiresCurrent: z.boolean(),
    windowEnds: LocalDate,
    premiumShare: z.number().nullable(),
    paymentDate: LocalDate,
    paidWithinWindow: z.boolean(),
    coverage: z.array(
      z.object({
        insuranceYear: InsuranceYear,
        year: z.number().int(),
        start: LocalDate,
        end: LocalDate,
        basis: z.enum(['paid-within-window', 'paid-after-window']),
      }),
    ),
    warnings: z.array(z.object({ text: Bilingual, citation: Citation })),
    citations: z.array(Citation),
  }),
  z.object({ stated: z.literal(false), note: Bilingual, citations: z.array(Citation) }),
]);

export const Evaluation = z
  .object({
    region: RegionId,
    evaluatedAt: Instant,
    eligible: z.boolean(),
    scenario: z.object({
      id: Scenario,
      detectedFromRegistries: z.boolean(),
      declared: Scenario.nullable(),
      name: Bilingual.nullable(),
    }),
    findings: z.array(Finding),
    plan: z.array(PlannedItem),
    services: z.array(
      z.object({ id: ItemId, name: Bilingual, department: DepartmentId, citation: Citation }),
    ),
    leftOut: z.array(
      z.object({
        id: ItemId,
        reason: z.enum(['scenario', 'not-chosen', 'rule', 'depends-on-left-out']),
        ruleId: z.string().optional(),
        dependsOn: ItemId.optional(),
      }),
    ),
    materials: z.array(
      z.object({
        id: z.string(),
        name: Bilingual,
        forItems: z.array(ItemId),
        source: z.enum(['upload', 'upload-later', 'shared-data']),
        citation: Citation,
      }),
    ),
    deadlines: z.object({ promised: Deadline.nullable(), legal: Deadline.nullable() }),
    insurance: InsuranceTerms,
  })
  .meta({ id: 'Evaluation', description: 'What the region’s policy decides for this family, by clause' });

/** The one form every department reads from; regions add fields of their own. */
export const CaseForm = z
  .looseObject({
    baby: z.object({
      name: z.string(),
      sex: z.string(),
      bornAt: z.string(),
      birthPlace: z.looseObject({ divisionCode: DivisionCode, institutionName: z.string().optional() }),
    }),
    mother: z.looseObject({ name: z.string(), idNumber: IdNumber, phone: z.string().optional() }),
    father: z.looseObject({ name: z.string(), idNumber: IdNumber, phone: z.string().optional() }).nullable(),
    premium: z
      .object({ years: z.array(PremiumYear), shareOfBirthYear: z.number() })
      .nullable()
      .optional(),
    registering: z.looseObject({
      role: z.string(),
      name: z.string(),
      idNumber: IdNumber,
      hukouDivisionCode: DivisionCode.nullable(),
      householdType: z.string().nullable(),
    }),
    marriage: z
      .object({ registeredOn: LocalDate, registeredDivisionCode: DivisionCode })
      .nullable()
      .optional(),
    insuranceYears: z.array(InsuranceYear).optional(),
    contact: z
      .object({
        phone: z.string().nullable(),
        mailingAddress: z.object({ divisionCode: DivisionCode, detail: z.string() }).nullable(),
      })
      .optional(),
  })
  .meta({ id: 'CaseForm', description: 'The one form (一表申请); further fields depend on the region' });

export const Preview = z
  .object({
    evaluation: Evaluation,
    form: CaseForm.nullable().meta({ description: 'null when the family is refused' }),
    formDigest: z
      .string()
      .nullable()
      .meta({ description: 'SHA-256 of the form, which the applicant signs', examples: ['0'.repeat(64)] }),
    missing: z.array(z.object({ field: z.string(), message: Bilingual })),
    coSigners: z.array(z.object({ role: Role, name: z.string(), signedAt: Instant.nullable() })),
  })
  .meta({ id: 'Preview' });
export type Preview = z.input<typeof Preview>;
export type Evaluation = z.input<typeof Evaluation>;
export type Finding = z.input<typeof Finding>;
export type Deadline = z.input<typeof Deadline>;
export type DeliveryMethod = z.input<typeof DeliveryMethod>;

export const SubmitResult = z
  .discriminatedUnion('accepted', [
    z.object({
      accepted: z.literal(true),
      caseId: z.string(),
      duplicate: z.boolean().meta({ description: 'the same clientTxnId was submitted before' }),
      evaluation: Evaluation.nullable(),
    }),
    z.object({ accepted: z.literal(false), evaluation: Evaluation }),
  ])
  .meta({ id: 'SubmitResult' });
export type SubmitResult = z.input<typeof SubmitResult>;
