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

export interface DeliveryRecord {
  motherIdNumber: string;
  fatherIdNumber?: string;
  institutionName: string;
  baby: { sex: 'male' | 'female'; bornAt: string; birthPlace: Facts['baby']['birthPlace'] };
}

export type ELicenseKind = Facts['eLicenses'][number];

export interface SharedData {
  person(idNumber: string): Promise<PersonRecord | null>;
  marriageOf(idNumber: string): Promise<MarriageRecord | null>;
  deliveryRecordOf(motherIdNumber: string): Promise<DeliveryRecord | null>;
  /** The licences the family has claimed in the e-licence library. */
  eLicensesOf(motherIdNumber: string): Promise<ELicenseKind[]>;
  maternityInsuranceOf(idNumber: string): Promise<Facts['maternityInsurance']>;
  /** A certificate or a hukou entry already issued for the mother's newborn. */
  babyRecordsOf(motherIdNumber: string): Promise<Facts['existing']>;
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
});
export type FamilySituation = z.infer<typeof FamilySituation>;
export type FamilySituationInput = z.input<typeof FamilySituation>;
