import { z } from 'zod';
import { TimelineEntry } from './case.ts';
import {
  Bilingual,
  DateInstant,
  DepartmentId,
  DivisionCode,
  Holder,
  IdNumber,
  Instant,
  ItemId,
  ItemStatus,
  LocalDate,
  RegionId,
  Role,
  Sex,
} from './common.ts';
import { Preview } from './evaluation.ts';

/** The department workbench: the clerk, queues, tasks, the joint window, counterfoils and the inbox. */

export const StaffRole = z.enum(['clerk', 'head']);

export const StaffMe = z.object({
  staff: z.object({
    id: z.string(),
    name: z.string(),
    organisationId: z.string(),
    role: StaffRole,
    loginIdNumber: IdNumber.nullable().optional(),
  }),
  organisation: z.object({
    id: z.string(),
    region: RegionId,
    department: DepartmentId,
    name: Bilingual,
    counties: z.array(DivisionCode),
    institution: z.string().nullable(),
  }),
});
export type StaffMe = z.input<typeof StaffMe>;

export const QueuePage = z.object({
  rows: z.array(
    z.object({
      caseId: z.string(),
      item: z.string(),
      status: z.string(),
      holder: z.string().nullable(),
      babyName: z.string(),
      mother: z.string().meta({ description: "the mother's masked ID number" }),
      overdue: z.boolean(),
      deadline: Instant.nullable(),
      deadlineProvisional: z.boolean(),
    }),
  ),
  next: z.string().nullable().meta({ description: 'the cursor of the next page, or null at the end' }),
});
export type QueuePage = z.input<typeof QueuePage>;

export const Task = z.object({
  caseId: z.string(),
  item: ItemId,
  itemName: Bilingual.nullable(),
  babyName: z.string(),
  fields: z.record(z.string(), z.unknown()).meta({ description: "only this department's fields" }),
  status: ItemStatus,
  holder: Holder.nullable(),
  deadline: Instant.nullable(),
  deadlineProvisional: z.boolean(),
  overdue: z.boolean(),
  supplement: z.object({ material: z.string(), message: Bilingual, requestedAt: Instant }).nullable(),
  outputs: z.record(z.string(), z.string()),
  timeline: z.array(TimelineEntry),
  supplementsOffered: z.boolean(),
  materials: z.array(z.object({ id: z.string(), name: Bilingual })),
  documents: z.array(
    z.object({ id: z.string(), kind: z.enum(['form', 'upload']), name: Bilingual, mime: z.string() }),
  ),
});
export type Task = z.input<typeof Task>;

export const DecisionAnswer = z.object({
  txnId: z.string(),
  ok: z.literal(true),
  caseId: z.string(),
  item: ItemId,
  status: z.string(),
  replayed: z.boolean().meta({ description: 'this txnId was decided before: nothing changed this time' }),
});

export const WindowFamily = z.object({
  region: RegionId,
  hospital: Bilingual,
  mother: z.object({ name: z.string(), idNumber: IdNumber, phone: z.string().nullable() }),
  father: z.object({ name: z.string() }).nullable(),
  hukouDivisionCode: DivisionCode.nullable(),
  babies: z.array(
    z.object({
      birthOrder: z.number().int(),
      sex: Sex,
      bornAt: Instant,
      caseId: z.string().nullable(),
      letterSignedAt: Instant.nullable(),
    }),
  ),
  letter: z.boolean().meta({ description: 'the region has the mother sign a letter of authorization' }),
});
export type WindowFamily = z.input<typeof WindowFamily>;

export const WindowPreview = Preview.extend({
  produced: z.array(z.object({ material: z.string(), ready: z.boolean() })),
  letterSignedAt: Instant.nullable(),
}).meta({ id: 'WindowPreview' });
export type WindowPreview = z.input<typeof WindowPreview>;

/**
 * What the counter tablet shows the signers in large type: the letter of authorization, or the form,
 * as the engine writes it (src/engine/staff/window-signing.ts). The session's schema below still
 * declares it an open record, because the stored session types it as one; the tablet reads it
 * through SigningSessionView.
 */
export const SigningSummary = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('letter'),
    letter: z.object({
      grantor: z.object({ name: z.string(), idNumber: IdNumber }),
      delivery: z.object({ date: LocalDate, hospital: z.string() }),
      baby: z.object({ name: z.string(), sex: Sex, birthOrder: z.number().int() }),
      grantee: z.object({ organisationId: z.string(), hospital: z.string() }),
      items: z.array(ItemId),
      period: z.object({ from: LocalDate }),
    }),
  }),
  z.object({
    kind: z.literal('form'),
    form: z.object({
      baby: z.object({ name: z.string(), sex: z.string(), bornAt: z.string() }),
      institution: z.string().nullable(),
      mother: z.string(),
      father: z.string().nullable(),
      registering: Role,
      hukouDivisionCode: DivisionCode.nullable(),
      delivery: z.record(z.string(), z.unknown()).meta({ description: "the region's delivery fields" }),
      phone: z.string().nullable(),
      mailingAddress: z.object({ divisionCode: DivisionCode, detail: z.string() }).nullable(),
    }),
    items: z.array(ItemId),
  }),
]);
export type SigningSummary = z.input<typeof SigningSummary>;

export const SigningSession = z.object({
  id: z.string(),
  purpose: z.enum(['letter', 'form']),
  summary: z.record(z.string(), z.unknown()).meta({ description: 'what the tablet shows the signers' }),
  signers: z.array(Role),
  signed: z.array(z.object({ role: Role, signedAt: Instant })),
  complete: z.boolean(),
  ownLogin: z.array(z.object({ role: Role, invitedAt: Instant.nullable(), signedAt: Instant.nullable() })),
  ready: z.boolean(),
  expiresAt: Instant,
  expired: z.boolean(),
});
export type SigningSession = z.input<typeof SigningSession>;
/** A signing session with its summary in the shape the engine writes (see SigningSummary). */
export type SigningSessionView = Omit<SigningSession, 'summary'> & { summary: SigningSummary };

const CounterfoilLine = z.object({
  caseId: z.string(),
  certificateNumber: z.string(),
  babyName: z.string(),
  sex: Sex,
  birthDate: LocalDate,
  motherName: z.string(),
  registeringCounty: Bilingual.nullable(),
  institution: z.string().nullable(),
  issuedAt: Instant,
});
export type CounterfoilLine = z.input<typeof CounterfoilLine>;

const BatchStatus = z.enum([
  'assembled',
  'sent',
  'acknowledged',
  'acknowledged-with-discrepancies',
  'discrepancies-resolved',
]);
const BatchHead = z.object({
  id: z.string(),
  hop: z.number().int(),
  sender: Bilingual,
  receiver: Bilingual,
  receiverOnPlatform: z.boolean(),
  county: Bilingual.nullable(),
  month: z.string().nullable(),
  period: z.object({ from: LocalDate, to: LocalDate }),
  due: LocalDate.nullable(),
  status: BatchStatus,
  assembledAt: DateInstant,
  sentAt: DateInstant.nullable(),
  acknowledgedAt: DateInstant.nullable(),
  discrepancies: z.number().int(),
  openDiscrepancies: z.number().int(),
  role: z.enum(['sender', 'receiver']),
  mayAcknowledge: z.boolean(),
});
export const BatchSummary = BatchHead.extend({ lines: z.number().int() });
export type BatchSummary = z.input<typeof BatchSummary>;

export const Batch = BatchHead.extend({
  lines: z.array(
    CounterfoilLine.extend({
      status: z.enum(['pending', 'received', 'missing', 'mismatched']),
      note: z.string().nullable(),
      followUp: z
        .object({
          kind: z.enum(['resent', 'corrected', 'explained']),
          note: z.string(),
          at: DateInstant,
          staffName: z.string(),
        })
        .nullable(),
    }),
  ),
});
export type Batch = z.input<typeof Batch>;

export const CounterfoilOverview = z.object({
  terms: z
    .object({
      route: z.array(Bilingual),
      schedule: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('monthly'), byDay: z.number().int(), holidayDelayDays: z.number().int() }),
        z.object({ kind: z.literal('periodic'), note: Bilingual }),
      ]),
      record: Bilingual.nullable(),
      signedByBoth: z.boolean(),
      citation: z.string(),
    })
    .nullable()
    .meta({ description: 'null where the region has no counterfoil route' }),
  sends: z.boolean(),
  receives: z.boolean(),
  pending: z.array(
    z.object({
      hop: z.number().int(),
      county: DivisionCode.nullable(),
      countyName: Bilingual.nullable(),
      month: z.string().nullable(),
      period: z.object({ from: LocalDate, to: LocalDate }),
      due: z
        .object({
          date: LocalDate,
          delayedBy: z.number().int(),
          holiday: z.string().nullable(),
          provisional: z.boolean(),
        })
        .nullable(),
      ready: z.boolean(),
      overdue: z.boolean(),
      receiver: Bilingual.nullable(),
      lines: z.array(CounterfoilLine),
    }),
  ),
  outgoing: z.array(BatchSummary),
  incoming: z.array(BatchSummary),
});
export type CounterfoilOverview = z.input<typeof CounterfoilOverview>;

export const Inbox = z.object({
  role: StaffRole,
  messages: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['escalation', 'rating-follow-up']),
      caseId: z.string(),
      item: z.string(),
      threshold: z.string().nullable(),
      body: z.object({ title: Bilingual, text: Bilingual }),
      sms: z.enum(['queued', 'no-phone']),
      createdAt: DateInstant,
      readAt: DateInstant.nullable(),
    }),
  ),
  followUps: z.array(
    z.object({
      caseId: z.string(),
      item: z.string(),
      itemName: Bilingual,
      score: z.number().int(),
      scoreLabel: Bilingual,
      comment: z.string(),
      ratedAt: DateInstant,
      due: DateInstant,
      overdue: z.boolean(),
      outcome: z.string().nullable(),
      outcomeByName: z.string().nullable(),
      outcomeAt: DateInstant.nullable(),
    }),
  ),
});
export type Inbox = z.input<typeof Inbox>;

export const Ok = z.object({ ok: z.boolean() });

export const DemoStaff = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    role: z.string(),
    organisation: Bilingual,
    department: z.string(),
    region: z.string(),
  }),
);
export type DemoStaff = z.input<typeof DemoStaff>;
