import type { DepartmentId, ItemId, ParentRole, RegionId, Scenario } from './ids.ts';
import type { Period, SlaMeasure } from './sla-clock.ts';
import type { Bilingual } from './text.ts';

/**
 * What happens to a case, as events. Events carry every computed value (deadlines included), so
 * replaying them needs no calendar, no policy and no clock. Fields added later are optional, so
 * cases recorded before them replay to exactly the state they had.
 */

export interface PlannedCaseItem {
  id: ItemId;
  department: DepartmentId;
  dependsOn: ItemId[];
  sla: SlaMeasure | null;
  delivery: 'mail' | 'pickup' | null;
  /** The family mails something to the department first (two-way EMS); the clock waits for it. */
  inboundParcel: boolean;
  /** The latest it may finish by the plan the family signed (the evaluator's worst case). */
  plannedDeadline?: string | null;
  /** Materials the family uploads only once what this item waits for is done (Fujian's baby hukou page). */
  laterMaterials?: string[];
  /** Handed to another province's platform (跨省通办): its department there decides. */
  handOff?: { platform: Bilingual; province: string; provinceName: Bilingual };
}

export type ParcelDirection = 'to-department' | 'to-family';
export type ParcelStatus =
  'awaiting-booking' | 'booked' | 'shipped' | 'collected' | 'in-transit' | 'out-for-delivery' | 'delivered';

export interface PostalAddress {
  divisionCode: string;
  detail: string;
}

export interface Parcel {
  id: string;
  direction: ParcelDirection;
  status: ParcelStatus;
  /** GB/T 2260 code of where it goes: districts are urban (T+1), counties rural (T+2). */
  destination: string;
  /** The carrier's waybill number (运单号), once the carrier has one. */
  waybill?: string;
  /** Where and when the post collects the family's parcel (two-way EMS). */
  pickup?: { address: PostalAddress; window: { from: string; to: string } };
  tracking: { at: string; status: ParcelStatus; note: string }[];
}

/** One insurance year a premium pays for. */
export interface PremiumYear {
  year: number;
  insuranceYear: 'current' | 'next';
}

/** A deadline on the family that starts when an item is done (Gansu's police visit, Zibo's premium). */
export interface FamilyDeadlineTerm {
  id: string;
  task: Bilingual;
  after: ItemId;
  opensAfter?: Period;
  within: Period;
}

/**
 * The region's terms the case keeps from its submission, so a later change of policy does not
 * rewrite an open case. Absent on cases recorded before them: those keep the old behaviour
 * (supplements offered, both pauses).
 */
export interface CaseTerms {
  /** A department may send an item back for a supplement; if not, such a request rejects it to offline handling. */
  supplements: boolean;
  /** What does not count toward an item's time limit. */
  pausesFor: ('supplement' | 'mail')[];
  familyDeadlines: FamilyDeadlineTerm[];
  /** Services the family may use along the way (服务事项): shown, never dispatched. */
  services: { id: ItemId; name: Bilingual; department: DepartmentId }[];
}

/** What a submission records about the case; the state keeps all of it but the planned items. */
export interface CaseSubmission {
  region: RegionId;
  scenario: Scenario;
  applicant: { role: ParentRole; idNumber: string };
  motherIdNumber: string;
  /** Both parents may follow the case; the father as the registries know him. */
  fatherIdNumber?: string | null;
  /** One baby, one case: the mother, the birth instant and the birth order (see domain/baby.ts). */
  babyKey?: string;
  babyName: string;
  /** Where the family lives (GB/T 2260): parcels to the family go here. */
  homeDivisionCode: string;
  items: PlannedCaseItem[];
  promisedDeadline: string | null;
  terms?: CaseTerms;
  /** What each department will receive, fixed at submission (the one form). */
  form: Record<string, unknown>;
  /** The applicant's signature over the form's digest; null when the case came through an integration without one. */
  signature: {
    signerIdNumber: string;
    formDigest: string;
    imageSha256: string;
    signedAt: string;
    /** The other parent's signature on the same form, where the region asks both to sign. */
    coSigners?: { role: ParentRole; idNumber: string; imageSha256: string }[];
  } | null;
}

type ItemEvent<T extends string, F = object> = { type: T; at: string; item: ItemId } & F;

/** A deadline before and after it was counted again. */
export interface DeadlineChange {
  from: string | null;
  to: string | null;
}

/** Which official arrangement a recount used: its years and its notice (国办发明电〔…〕…号). */
export interface ArrangementRef {
  years: number[];
  source: string;
}

export type CaseEvent =
  | ({ type: 'case-submitted'; at: string } & CaseSubmission)
  | { type: 'case-overdue'; at: string }
  /** An item is done and with it a deadline on the family starts (`opensAt`: not before). */
  | {
      type: 'family-deadline-set';
      at: string;
      id: string;
      task: Bilingual;
      opensAt: string | null;
      due: string | null;
    }
  /** The parent says the family has done it. */
  | { type: 'family-deadline-met'; at: string; id: string }
  | { type: 'family-deadline-overdue'; at: string; id: string }
  /** The official arrangement of a year was loaded: a deadline on the family counted again with it. */
  | ({ type: 'family-deadline-recomputed'; at: string; id: string } & ArrangementRef & {
        due?: DeadlineChange;
        opensAt?: DeadlineChange;
      })
  /** The official arrangement of a year was loaded: the case's promise counted again with it. */
  | ({ type: 'promise-recomputed'; at: string } & ArrangementRef & DeadlineChange)
  | ItemEvent<'item-dispatched', { deadline: string | null; attempt: number }>
  | ItemEvent<'item-done', { txnId: string; outputs: Record<string, string> }>
  | ItemEvent<'item-rejected', { txnId: string; reason: Bilingual }>
  /** The other province's platform took the item over, under its own case number. */
  | ItemEvent<'hand-off-accepted', { txnId: string; remoteCaseId: string }>
  | ItemEvent<'supplement-requested', { txnId: string; material: string; message: Bilingual }>
  | ItemEvent<'supplement-answered', { note: string; deadline: string | null }>
  /** The platform asks the family for materials that can exist only now, before the department gets the item. */
  | ItemEvent<'materials-requested', { materials: string[] }>
  | ItemEvent<'materials-supplied', { uploads: { material: string; sha256: string }[] }>
  /** The tax bureau assessed the premium; the family pays through the payment port. */
  | ItemEvent<'payment-requested', { txnId: string; amountFen: number; years: PremiumYear[] }>
  /** The payment provider confirmed the payment; the clock resumes (`deadline` moved by the time it waited). */
  | ItemEvent<'payment-made', { orderId: string; amountFen: number; paidAt: string; deadline: string | null }>
  | ItemEvent<'item-cancelled', { because: ItemId; offline: Bilingual }>
  | ItemEvent<'item-overdue'>
  /**
   * The official arrangement of a year was loaded: the item's deadlines counted again with it, from
   * the moment its clock started and with the same pauses. Only what changed is given.
   */
  | ItemEvent<
      'deadline-recomputed',
      ArrangementRef & { deadline?: DeadlineChange; plannedDeadline?: DeadlineChange }
    >
  | ItemEvent<'item-rated', { score: number; comment: string }>
  /** Two-way EMS: the family is to book the post's pickup of its documents for the department. */
  | ItemEvent<'pickup-requested', { parcelId: string; destination: string }>
  | ItemEvent<
      'pickup-booked',
      { parcelId: string; address: PostalAddress; window: { from: string; to: string } }
    >
  | ItemEvent<'parcel-shipped', { parcelId: string; direction: ParcelDirection; destination: string }>
  /** A delivered inbound parcel resumes the item's clock: `deadline` is the moved deadline. */
  | ItemEvent<
      'parcel-tracked',
      { parcelId: string; status: ParcelStatus; note: string; waybill?: string; deadline?: string | null }
    >;

export type CaseEventType = CaseEvent['type'];
