import type { z } from 'zod';
import type { Citation as CitationSchema, ParentRole } from '../../../src/contract/common.ts';
import type {
  AppliedAtWindow,
  Invitation,
  InvitationSent,
  Me,
  PaymentStarted,
  Person,
  SharedFields,
  StoredUpload,
} from '../../../src/contract/citizen.ts';
import type { CaseItem, CaseView, ItemStatus, Parcel, Recount } from '../../../src/contract/case.ts';
import type {
  CaseForm,
  Deadline,
  DeliveryMethod,
  Evaluation,
  Finding,
  Preview,
  SubmitResult,
} from '../../../src/contract/evaluation.ts';
import type { AppConfig, Policy, RegionSummary } from '../../../src/contract/public.ts';

/**
 * What the server sends, as the app uses it: the types of the schemas the routes declare and the
 * server serialises through (src/contract/), so the app and the OpenAPI document cannot disagree.
 */
export type Role = z.input<typeof ParentRole>;
export type Citation = z.input<typeof CitationSchema>;
export type Baby = Me['babies'][number];
/** The case's form is the one form the family signed (the schema keeps it open for older cases). */
export type CaseState = Omit<CaseView, 'form'> & { form: z.input<typeof CaseForm> };
export type {
  CaseItem,
  Deadline,
  DeliveryMethod,
  Evaluation,
  Finding,
  Invitation,
  ItemStatus,
  Me,
  Parcel,
  Person,
};
export type { Policy, Preview, Recount };
export type { AppConfig, AppliedAtWindow, InvitationSent, PaymentStarted, RegionSummary, SharedFields };
export type { StoredUpload, SubmitResult };
