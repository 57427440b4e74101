import { z } from 'zod';
import { Condition } from '../policy/predicates.ts';
import { PolicyInput } from '../policy/schema.ts';
import { FamilySituation } from '../registries/port.ts';
import {
  Bilingual,
  CaseStatus,
  DateInstant,
  DepartmentId,
  IdNumber,
  Instant,
  ItemId,
  RegionId,
} from './common.ts';

/** Public endpoints, logging in, the department gateway, payment notices and the development API. */

// A rule's condition nests conditions: as a named component the document can refer to itself.
if (!z.globalRegistry.has(Condition)) z.globalRegistry.add(Condition, { id: 'Condition' });

export const RegionSummary = z.object({
  region: RegionId,
  name: Bilingual,
  shortName: Bilingual,
  divisions: z.array(z.string()).meta({ description: 'GB/T 2260 prefixes of the region' }),
});
export type RegionSummary = z.input<typeof RegionSummary>;

/** A region's policy as served: the figures the texts quote resolved to numbers. */
export const Policy = PolicyInput.extend({ figures: z.record(z.string(), z.number()) }).meta({
  id: 'Policy',
  description: 'A region’s policy as data, with the clause behind every rule',
});
export type Policy = z.output<typeof Policy>;

export const AppConfig = z.object({ nameMaxLength: z.number().int() });
export type AppConfig = z.input<typeof AppConfig>;

export const LoginConfig = z.object({
  providers: z.array(z.enum(['dev', 'oidc'])),
  oidcLoginUrl: z.string().nullable(),
});
export type LoginConfig = z.input<typeof LoginConfig>;

export const ReceiptCheck = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    caseId: z.string(),
    region: RegionId,
    submittedAt: Instant,
    status: CaseStatus,
  }),
  z.object({ valid: z.literal(false), message: Bilingual }),
]);

/** A task as a department system receives it: only the fields that department needs. */
export const DepartmentTask = z
  .object({
    taskId: z.string().meta({ description: '`${caseId}:${item}:${attempt}`', examples: ['F-1:police:1'] }),
    caseId: z.string(),
    item: ItemId,
    attempt: z.number().int(),
    department: DepartmentId,
    region: RegionId,
    deadline: Instant.nullable(),
    fields: z
      .record(z.string(), z.unknown())
      .meta({ description: "only this department's fields; a task handed to another province adds handOff" }),
  })
  .meta({ id: 'DepartmentTask' });

export const OpenTask = z.object({
  task: DepartmentTask,
  claimedAt: DateInstant.nullable(),
  deadline: Instant.nullable(),
  deadlineProvisional: z.boolean(),
});

export const Claimed = z.object({ taskId: z.string(), claimed: z.boolean() });

export const PaymentRecorded = z.object({ orderId: z.string(), recorded: z.boolean() });

export const FamilyLoaded = z.object({
  motherIdNumber: IdNumber,
  login: z.string().meta({ description: 'the Authorization header to use as the mother' }),
});

export const DemoParents = z.array(
  z.object({
    region: RegionId,
    hasDeliveryRecord: z.boolean(),
    babies: z.number().int(),
    mother: z.object({ name: z.string(), idNumber: IdNumber }),
    father: z.object({ name: z.string(), idNumber: IdNumber }).nullable(),
  }),
);
export type DemoParents = z.input<typeof DemoParents>;

export const SampleFamily = FamilySituation;

export const PaymentOrder = z.object({
  orderId: z.string(),
  caseId: z.string(),
  item: ItemId,
  amountFen: z.number().int(),
  description: Bilingual,
  payerIdNumber: IdNumber,
  paidAt: Instant.nullable(),
});
export type PaymentOrder = z.input<typeof PaymentOrder>;

export const PaymentNotice = z.object({
  orderId: z.string(),
  caseId: z.string(),
  item: ItemId,
  amountFen: z.number().int(),
  paidAt: Instant,
});
