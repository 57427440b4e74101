import type { Bilingual } from './i18n.tsx';

/** What the server sends, as the app uses it (see /docs for the full schemas). */
export type Role = 'mother' | 'father';
export interface Citation {
  file: string;
  clause: string;
}

export interface Person {
  name: string;
  idNumber: string;
  phone: string | null;
  hukouDivisionCode: string | null;
}
export interface Baby {
  birthOrder: number;
  sex: 'male' | 'female';
  bornAt: string;
  caseId: string | null;
  draftUpdatedAt: string | null;
}
export interface Invitation {
  id: string;
  region: string;
  from: Role;
  babyName: string;
  tasks: ('sign' | 'face' | 'confirm')[];
  open: ('sign' | 'face' | 'confirm')[];
  createdAt: string;
}
export interface Me {
  person: Person;
  role: Role | null;
  mother: Person | null;
  father: Person | null;
  delivery: {
    institutionName: string;
    babies: {
      birthOrder: number;
      sex: 'male' | 'female';
      bornAt: string;
      birthPlace: { divisionCode: string; kind: string };
    }[];
  } | null;
  babies: Baby[];
  hasCases: boolean;
  regions: string[];
  authorizationSignedAt: string | null;
  fatherConfirmedAt: string | null;
  facesVerified: Role[];
  invitations: Invitation[];
}

export interface DeliveryMethod {
  kind: 'mail' | 'pickup';
  fee?: string;
  twoWay?: boolean;
  place?: Bilingual;
  note?: Bilingual;
}
export interface Policy {
  region: string;
  name: Bilingual;
  shortName: Bilingual;
  sources: { file: string; title: string; number?: string }[];
  channel: { description: Bilingual; citation: Citation };
  items: {
    id: string;
    name: Bilingual;
    department: string;
    sla?: { unit: string; value?: number };
    citation: Citation;
  }[];
  packages: { id: string; name: Bilingual; items: string[]; citation: Citation }[];
  mandatory?: { items: string[]; citation: Citation };
  materials: { id: string; name: Bilingual; citation: Citation }[];
  applicants: {
    roles: Role[];
    authorizationRequired: Role[];
    fatherConfirms: boolean;
    faceVerification: Role[];
    citation: Citation;
  };
  formFields: { id: string; label: Bilingual; prefill: string[]; hint?: Bilingual; citation: Citation }[];
  recipient?: { allowed: Role[]; mailWithin?: string[]; citation: Citation };
  insurance: { stated: boolean; nextYear?: { bornFrom: string; citation: Citation } };
  caseSla: { promised?: { unit: string; value?: number; citation: Citation } };
  notices: { text: Bilingual; scenarios?: string[]; citation: Citation }[];
  hotlines: { name: Bilingual; number: string; topic: string }[];
}

export interface Finding {
  ruleId: string;
  scope: string;
  effect: 'refuse' | 'advise';
  outcome: 'passed' | 'failed' | 'not-applicable';
  requirement: Bilingual;
  reason?: Bilingual;
  remedy?: { kind: string; text: Bilingual };
  citation: Citation;
}
export type Deadline =
  /** `provisional`: counted on a year with no official holiday arrangement yet. */
  | {
      status: 'scheduled';
      at: string;
      local: string;
      basis: 'own-limit' | 'case-promise';
      provisional?: true;
    }
  | { status: 'not-set' | 'calendar-not-covered'; reason: Bilingual };
export interface Evaluation {
  eligible: boolean;
  scenario: { id: string; name: Bilingual | null; detectedFromRegistries: boolean };
  findings: Finding[];
  plan: {
    id: string;
    name: Bilingual;
    department: string;
    why: string;
    deadline: Deadline;
    delivery: { options: DeliveryMethod[]; chosen: 'mail' | 'pickup' | null } | null;
  }[];
  services: { id: string; name: Bilingual }[];
  leftOut: { id: string; reason: string; ruleId?: string }[];
  materials: {
    id: string;
    name: Bilingual;
    source: 'upload' | 'upload-later' | 'shared-data';
    citation: Citation;
  }[];
  deadlines: { promised: Deadline | null; legal: Deadline | null };
  insurance:
    | {
        stated: true;
        yearsOffered: ('current' | 'next')[];
        nextYearRequiresCurrent: boolean;
        windowEnds: string;
        paidWithinWindow: boolean;
        coverage: { insuranceYear: 'current' | 'next'; year: number; start: string; end: string }[];
        /** A gap in the documents, or a birth year left uncovered: shown before paying. */
        warnings: { text: Bilingual }[];
      }
    | { stated: false; note: Bilingual };
}
export interface Preview {
  evaluation: Evaluation;
  form:
    | (Record<string, unknown> & {
        baby: {
          name: string;
          sex: string;
          bornAt: string;
          birthPlace: { divisionCode: string; institutionName?: string };
        };
        mother: { name: string; idNumber: string; phone?: string };
        father: { name: string; idNumber: string } | null;
        registering: { role: Role; name: string; hukouDivisionCode: string | null };
        marriage: { registeredOn: string } | null;
        contact: { phone: string | null; mailingAddress: { divisionCode: string; detail: string } | null };
      })
    | null;
  formDigest: string | null;
  missing: { field: string; message: Bilingual }[];
  /** Who signs besides the applicant, each in their own login. */
  coSigners: { role: Role; name: string; signedAt: string | null }[];
}

export type ItemStatus =
  'waiting' | 'dispatched' | 'supplement-requested' | 'payment-due' | 'done' | 'rejected' | 'cancelled';
export interface Parcel {
  id: string;
  direction: 'to-department' | 'to-family';
  status: string;
  destination: string;
  waybill?: string;
  pickup?: { address: { divisionCode: string; detail: string }; window: { from: string; to: string } };
  tracking: { at: string; status: string; note: string }[];
}
/** A deadline counted again once the State Council published a year's holiday arrangement. */
export interface Recount {
  years: number[];
  source: string;
  deadline?: { from: string | null; to: string | null };
  plannedDeadline?: { from: string | null; to: string | null };
}
export interface CaseItem {
  id: string;
  department: string;
  status: ItemStatus;
  holder: 'department' | 'applicant' | 'post' | null;
  dispatchedAt: string | null;
  deadline: string | null;
  plannedDeadline?: string | null;
  /** The deadline rests on a year with no official holiday arrangement yet (暂定). */
  deadlineProvisional?: boolean;
  plannedDeadlineProvisional?: boolean;
  sla: { unit: string; value?: number } | null;
  decidedAt: string | null;
  overdue: boolean;
  outputs: Record<string, string>;
  reason: Bilingual | null;
  supplement: { material: string; message: Bilingual; requestedAt: string } | null;
  rating: { score: number; comment: string } | null;
  parcels: Parcel[];
  timeline: { at: string; type: string; recomputed?: Recount }[];
  pendingMaterials?: string[];
  /** Handed to another province's platform (跨省通办), and its case number there once accepted. */
  handOff?: { platform: Bilingual; province: string; provinceName: Bilingual };
  remoteCaseId?: string;
  payment?: {
    amountFen: number;
    years: { year: number; insuranceYear: 'current' | 'next' }[];
    paidAt?: string;
  };
}
export interface CaseState {
  id: string;
  region: string;
  status: 'in-progress' | 'completed' | 'partly-completed';
  overdue: boolean;
  babyName: string;
  submittedAt: string;
  promisedDeadline: string | null;
  promisedDeadlineProvisional?: boolean;
  promiseRecomputed?: { at: string; source: string; from: string | null; to: string | null };
  version: number;
  homeDivisionCode: string;
  applicant: { role: Role; idNumber: string };
  form: Record<string, unknown> & {
    contact?: { phone: string | null; mailingAddress: { divisionCode: string; detail: string } | null };
    insuranceYears?: string[];
  };
  items: Record<string, CaseItem>;
  /** Deadlines on the family itself, started when an item is done. */
  familyDeadlines?: {
    id: string;
    task: Bilingual;
    opensAt: string | null;
    due: string | null;
    metAt: string | null;
    overdue: boolean;
    dueProvisional?: boolean;
  }[];
  terms?: { services: { id: string; name: Bilingual; department: string }[] };
}
