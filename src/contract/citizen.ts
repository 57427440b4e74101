import { z } from 'zod';
import {
  Bilingual,
  DateInstant,
  DivisionCode,
  IdNumber,
  Instant,
  PremiumYear,
  RegionId,
  Role,
  Sex,
} from './common.ts';

/** What the parents' API answers besides cases and the pre-review (case.ts, evaluation.ts). */

const Person = z.object({
  name: z.string(),
  idNumber: IdNumber,
  phone: z.string().nullable(),
  hukouDivisionCode: DivisionCode.nullable(),
});
export type Person = z.input<typeof Person>;

const InvitationTask = z.enum(['sign', 'face', 'confirm']);

export const Invitation = z.object({
  id: z.string(),
  region: z.string(),
  from: Role,
  babyName: z.string(),
  tasks: z.array(InvitationTask),
  open: z.array(InvitationTask).meta({ description: 'what is still to be done' }),
  createdAt: Instant,
});
export type Invitation = z.input<typeof Invitation>;

export const BirthPlace = z.object({
  kind: z.enum(['institution', 'home', 'en-route']),
  divisionCode: DivisionCode,
  broughtToInstitution: z.boolean(),
  institutionName: z.string().optional(),
});

export const Me = z
  .object({
    person: Person,
    role: Role.nullable(),
    mother: Person.nullable().optional(),
    father: Person.nullable().optional(),
    delivery: z
      .object({
        institutionName: z.string(),
        babies: z.array(
          z.object({ birthOrder: z.number().int(), sex: Sex, bornAt: Instant, birthPlace: BirthPlace }),
        ),
      })
      .nullable(),
    babies: z.array(
      z.object({
        birthOrder: z.number().int(),
        sex: Sex,
        bornAt: Instant,
        caseId: z.string().nullable(),
        draftUpdatedAt: Instant.nullable(),
      }),
    ),
    hasCases: z.boolean(),
    regions: z.array(RegionId),
    authorizationSignedAt: Instant.nullable(),
    fatherConfirmedAt: Instant.nullable(),
    facesVerified: z.array(Role),
    invitations: z.array(Invitation),
  })
  .meta({ id: 'Me', description: 'The logged-in parent and their family as the shared data knows it' });
export type Me = z.input<typeof Me>;

export const StoredUpload = z.object({
  uploadId: z.string(),
  material: z.string(),
  sha256: z.string(),
  mime: z.string(),
  size: z.number().int(),
});

export type StoredUpload = z.input<typeof StoredUpload>;

export const FaceCheck = z.object({ role: Role, verifiedAt: Instant, score: z.number() });

export const Draft = z.object({
  region: z.string(),
  body: z.unknown().meta({ description: "the app's working state, as saved" }),
  updatedAt: Instant,
  byYou: z.boolean(),
});
export type Draft = z.input<typeof Draft>;
export const DraftSaved = z.object({ region: RegionId, updatedAt: Instant });

export const InvitationSent = z.object({
  id: z.string(),
  tasks: z.array(InvitationTask),
  inviteeRole: Role,
  createdAt: Instant,
});

export type InvitationSent = z.input<typeof InvitationSent>;

export const CoSigned = z.object({ invitationId: z.string(), signedAt: Instant });

export const AuthorizationSigned = z.object({
  grantee: z.object({ role: z.literal('father'), name: z.string(), idNumber: IdNumber }),
  letterDigest: z.string(),
  signedAt: Instant,
});

export const FatherConfirmed = z.object({ motherIdNumber: IdNumber, confirmedAt: Instant });

export const Receipt = z.object({
  verifyUrl: z.string(),
  qrSvg: z.string().meta({ description: 'the QR code of verifyUrl, as SVG' }),
  caseId: z.string(),
  submittedAt: Instant,
  formDigest: z.string(),
});
export type Receipt = z.input<typeof Receipt>;

export const SharedFields = z.array(
  z.object({ department: z.string(), item: z.string(), fields: z.array(z.string()) }),
);
export type SharedFields = z.input<typeof SharedFields>;

export const Notification = z.object({
  id: z.number().int(),
  caseId: z.string().nullable().meta({ description: 'null for a notice that comes before any case' }),
  template: z.string(),
  body: z.object({
    title: Bilingual,
    text: Bilingual,
    item: z.string().optional(),
    link: z.string().optional().meta({ description: 'where the notice leads in the app' }),
  }),
  createdAt: DateInstant,
  readAt: DateInstant.nullable(),
});
export type Notification = z.input<typeof Notification>;

export const Access = z.object({
  at: Instant,
  lastAt: Instant,
  times: z.number().int(),
  organisation: Bilingual,
  department: Bilingual.nullable(),
  item: z.string(),
  fields: z.array(Bilingual),
});
export type Access = z.input<typeof Access>;

export const PickupWindow = z.object({ from: Instant, to: Instant });

export const PaymentStarted = z.object({
  orderId: z.string(),
  amountFen: z.number().int(),
  years: z.array(PremiumYear),
  payUrl: z.string(),
});

export type PaymentStarted = z.input<typeof PaymentStarted>;

export const AppliedAtWindow = z.object({
  window: z.object({ organisation: Bilingual, appliedAt: Instant }).nullable(),
});

export type AppliedAtWindow = z.input<typeof AppliedAtWindow>;

export const InvitationOpened = z.object({ opened: z.boolean() });
