import { z } from 'zod';
import { Facts, type Parent } from '../policy/facts.ts';

/**
 * The shared-data registries the platform queries before any department sees a case (预审):
 * the hukou registry (people), the marriage registry, the hospitals' delivery records, the
 * e-licence library, the medical security registry, and what has been issued for the baby.
 * Each is a port; `simulated-registries.ts` is the built-in source.
 */
export type PersonRecord = Parent;

export interface MarriageRecord {
  registeredOn: string;
  registeredDivisionCode: string;
  husbandIdNumber: string;
  wifeIdNumber: string;
  status: 'in-force' | 'divorced';
  divorcedOn?: string;
}

/** 分娩信息: one delivery, with every baby born in it (twins are two), in birth order. */
export interface DeliveryRecord {
  motherIdNumber: string;
  fatherIdNumber?: string;
  institutionName: string;
  babies: RecordedBaby[];
}

export interface RecordedBaby {
  birthOrder: number;
  sex: 'male' | 'female';
  bornAt: string;
  birthPlace: Facts['baby']['birthPlace'];
}

export type ELicenseKind = Facts['eLicenses'][number];

export interface SharedData {
  person(idNumber: string): Promise<PersonRecord | null>;
  marriageOf(idNumber: string): Promise<MarriageRecord | null>;
  deliveryRecordOf(motherIdNumber: string): Promise<DeliveryRecord | null>;
  /** The licences the family has claimed in the e-licence library. */
  eLicensesOf(motherIdNumber: string): Promise<ELicenseKind[]>;
  maternityInsuranceOf(idNumber: string): Promise<Facts['maternityInsurance']>;
  /** A certificate or a hukou entry already issued for the mother's newborn (by birth order). */
  babyRecordsOf(motherIdNumber: string, birthOrder: number): Promise<Facts['existing']>;
}

/**
 * One family as all the registries together know it: what a demo or a test loads to set up any
 * case. The same shape as the evaluator's facts without the applicant's choices.
 */
export const FamilySituation = Facts.pick({
  baby: true,
  mother: true,
  father: true,
  marriage: true,
  deliveryRecord: true,
  existing: true,
  eLicenses: true,
  maternityInsurance: true,
}).extend({
  /** The other babies of the same delivery (twins, triplets), each with its birth order and time. */
  siblings: z
    .array(
      z.strictObject({
        birthOrder: z.number().int().min(2).max(9),
        sex: z.enum(['male', 'female']),
        bornAt: z.iso.datetime({ offset: true }),
        existing: Facts.shape.existing.optional(),
      }),
    )
    .max(8)
    .default([]),
});
export type FamilySituation = z.infer<typeof FamilySituation>;
export type FamilySituationInput = z.input<typeof FamilySituation>;
