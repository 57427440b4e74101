import { z } from 'zod';
import {
  Bilingual,
  CaseStatus,
  DeadlineChange,
  DepartmentId,
  DivisionCode,
  Holder,
  IdNumber,
  Instant,
  ItemId,
  ItemStatus,
  PostalAddress,
  PremiumYear,
  RegionId,
  Role,
  Scenario,
  SlaMeasure,
} from './common.ts';

/** A case (办件) as its parents read it: every item with its state, timeline, holder and deadline. */

const ParcelStatus = z.enum([
  'awaiting-booking',
  'booked',
  'shipped',
  'collected',
  'in-transit',
  'out-for-delivery',
  'delivered',
]);

export const Parcel = z.object({
  id: z.string(),
  direction: z.enum(['to-department', 'to-family']),
  status: ParcelStatus,
  destination: DivisionCode,
  waybill: z.string().optional(),
  pickup: z.object({ address: PostalAddress, window: z.object({ from: Instant, to: Instant }) }).optional(),
  tracking: z.array(z.object({ at: Instant, status: ParcelStatus, note: z.string() })),
});

export const CaseEventType = z.enum([
  'case-submitted',
  'case-overdue',
  'family-deadline-set',
  'family-deadline-met',
  'family-deadline-overdue',
  'family-deadline-recomputed',
  'promise-recomputed',
  'item-dispatched',
  'item-done',
  'item-rejected',
  'hand-off-accepted',
  'supplement-requested',
  'supplement-answered',
  'materials-requested',
  'materials-supplied',
  'payment-requested',
  'payment-made',
  'item-cancelled',
  'item-overdue',
  'deadline-recomputed',
  'item-rated',
  'pickup-requested',
  'pickup-booked',
  'parcel-shipped',
  'parcel-tracked',
]);

/** A deadline counted again once the State Council published a year's holiday arrangement. */
export const Recount = z.object({
  years: z.array(z.number().int()),
  source: z.string(),
  deadline: DeadlineChange.optional(),
  plannedDeadline: DeadlineChange.optional(),
});

export const TimelineEntry = z.object({ at: Instant, type: CaseEventType, recomputed: Recount.optional() });

export const CaseItem = z.object({
  id: ItemId,
  department: DepartmentId,
  dependsOn: z.array(ItemId),
  sla: SlaMeasure.nullable(),
  delivery: z.enum(['mail', 'pickup']).nullable(),
  inboundParcel: z.boolean(),
  plannedDeadline: Instant.nullable().optional(),
  laterMaterials: z.array(z.string()).optional(),
  handOff: z.object({ platform: Bilingual, province: z.string(), provinceName: Bilingual }).optional(),
  status: ItemStatus,
  attempt: z.number().int(),
  dispatchedAt: Instant.nullable(),
  deadline: Instant.nullable(),
  decidedAt: Instant.nullable(),
  overdue: z.boolean(),
  outputs: z.record(z.string(), z.string()),
  reason: Bilingual.nullable(),
  supplement: z.object({ material: z.string(), message: Bilingual, requestedAt: Instant }).nullable(),
  supplements: z.number().int(),
  rating: z.object({ score: z.number().int(), comment: z.string() }).nullable(),
  parcels: z.array(Parcel),
  holder: Holder.nullable(),
  timeline: z.array(TimelineEntry),
  pendingMaterials: z.array(z.string()).optional(),
  suppliedMaterials: z.array(z.object({ material: z.string(), sha256: z.string() })).optional(),
  remoteCaseId: z.string().optional(),
  payment: z
    .object({
      amountFen: z.number().int(),
      years: z.array(PremiumYear),
      requestedAt: Instant,
      orderId: z.string().optional(),
      paidAt: Instant.optional(),
    })
    .optional(),
  deadlineProvisional: z.boolean(),
  plannedDeadlineProvisional: z.boolean(),
});

const Period = z.union([
  z.object({ unit: z.literal('working-days'), value: z.number() }),
  z.object({ months: z.number() }),
]);

export const CaseView = z
  .object({
    id: z.string(),
    region: RegionId,
    scenario: Scenario,
    applicant: z.object({ role: Role, idNumber: IdNumber }),
    motherIdNumber: IdNumber,
    fatherIdNumber: IdNumber.nullable().optional(),
    babyKey: z.string().optional(),
    babyName: z.string(),
    homeDivisionCode: DivisionCode,
    promisedDeadline: Instant.nullable(),
    promisedDeadlineProvisional: z.boolean(),
    promiseRecomputed: z
      .object({
        years: z.array(z.number().int()),
        source: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        at: Instant,
      })
      .optional(),
    terms: z
      .object({
        supplements: z.boolean(),
        pausesFor: z.array(z.enum(['mail', 'supplement'])),
        familyDeadlines: z.array(
          z.object({
            id: z.string(),
            task: Bilingual,
            after: ItemId,
            opensAfter: Period.optional(),
            within: Period,
          }),
        ),
        services: z.array(z.object({ id: ItemId, name: Bilingual, department: DepartmentId })),
      })
      .optional(),
    form: z
      .record(z.string(), z.unknown())
      .meta({ description: 'the one form as fixed at submission (see CaseForm)' }),
    signature: z
      .object({
        signerIdNumber: IdNumber,
        formDigest: z.string(),
        imageSha256: z.string(),
        signedAt: Instant,
        coSigners: z.array(z.object({ role: Role, idNumber: IdNumber, imageSha256: z.string() })).optional(),
      })
      .nullable(),
    submittedAt: Instant,
    overdue: z.boolean(),
    status: CaseStatus,
    version: z.number().int().meta({ description: 'grows with every change; the live view follows it' }),
    items: z.record(z.string(), CaseItem).meta({ description: 'by item id' }),
    familyDeadlines: z
      .array(
        z.object({
          id: z.string(),
          task: Bilingual,
          setAt: Instant,
          opensAt: Instant.nullable(),
          due: Instant.nullable(),
          metAt: Instant.nullable(),
          overdue: z.boolean(),
          dueProvisional: z.boolean(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Case', description: 'A case (办件) with every item' });
export type CaseView = z.input<typeof CaseView>;
export type CaseItem = z.input<typeof CaseItem>;
export type Parcel = z.input<typeof Parcel>;
export type Recount = z.input<typeof Recount>;
export type ItemStatus = z.input<typeof ItemStatus>;

export const CaseSummary = z.object({
  caseId: z.string(),
  region: RegionId,
  status: CaseStatus,
  overdue: z.boolean(),
  babyName: z.string(),
  submittedAt: Instant,
  promisedDeadline: Instant.nullable(),
  promisedDeadlineProvisional: z.boolean(),
  items: z.array(
    z.object({
      item: ItemId,
      status: ItemStatus,
      holder: Holder.nullable(),
      deadline: Instant.nullable(),
      deadlineProvisional: z.boolean(),
      overdue: z.boolean(),
    }),
  ),
});
export type CaseSummary = z.input<typeof CaseSummary>;
