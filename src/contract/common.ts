import { z } from 'zod';
import { Citation } from '../domain/citation.ts';
import { ERROR_CODES } from '../domain/error.ts';
import { DepartmentId, ItemId, ParentRole, RegionId, Scenario } from '../domain/ids.ts';
import { Bilingual } from '../domain/text.ts';

/**
 * The API's contract: the Zod schemas of what every route answers. The routes declare them
 * (`schema.response`), the server serialises every answer through them, the OpenAPI document at
 * `/docs/json` is generated from them, and the web apps take their types from them (`z.input`,
 * the shape on the wire). Nothing here imports server code, so the apps can import it.
 *
 * Schemas with a `meta({ id })` become named components of the document.
 */

export { Bilingual, Citation, DepartmentId, ItemId, ParentRole, RegionId, Scenario };

/** An instant as the server writes it (ISO 8601, UTC or with an offset). */
export const Instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601 instant', examples: ['2026-11-16T02:00:00.000Z'] });

/** An instant the server holds as a Date: the same ISO 8601 text on the wire. */
export const DateInstant = z
  .codec(Instant, z.date(), {
    decode: (s) => new Date(s),
    encode: (d) => d.toISOString(),
  })
  .meta({ description: 'ISO 8601 instant', examples: ['2026-11-16T02:00:00.000Z'] });

export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: 'YYYY-MM-DD (Beijing)', examples: ['2026-11-16'] });

export const IdNumber = z
  .string()
  .meta({ description: '公民身份号码 / citizen ID number', examples: ['350583199503081244'] });

export const DivisionCode = z
  .string()
  .meta({ description: '行政区划代码 (GB/T 2260)', examples: ['350503'] });

export const PostalAddress = z.object({ divisionCode: DivisionCode, detail: z.string() });

export const Sla = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('working-days'), value: z.number(), citation: Citation }),
  z.object({ unit: z.literal('working-hours'), value: z.number(), citation: Citation }),
  z.object({ unit: z.literal('on-the-spot'), citation: Citation }),
]);

/** An item's own time limit as a case keeps it (without the clause). */
export const SlaMeasure = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('working-days'), value: z.number() }),
  z.object({ unit: z.literal('working-hours'), value: z.number() }),
  z.object({ unit: z.literal('on-the-spot') }),
]);

export const CaseStatus = z.enum(['in-progress', 'completed', 'partly-completed']);
export const ItemStatus = z.enum([
  'waiting',
  'dispatched',
  'supplement-requested',
  'payment-due',
  'done',
  'rejected',
  'cancelled',
]);
export const Holder = z.enum(['department', 'applicant', 'post']);
export const InsuranceYear = z.enum(['current', 'next']);
export const PremiumYear = z.object({ year: z.number().int(), insuranceYear: InsuranceYear });

export const FieldIssue = z.object({
  field: z.string().meta({ description: 'dotted path of the field, e.g. body.application.contact.phone' }),
  message: Bilingual,
});

export type FieldIssue = z.input<typeof FieldIssue>;

export const ErrorCode = z.enum([...(Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]), 'INTERNAL']);

/**
 * Every refusal and failure: `{ error: { code, message: { zh, en }, field, issues } }`, the message
 * naming the field by its label in each language. Some errors carry more details (e.g. the case a
 * second application collides with), so `error` may hold further properties.
 */
export const ApiError = z
  .object({
    error: z
      .looseObject({
        code: ErrorCode,
        message: Bilingual,
        field: z.string().optional().meta({ description: 'the field at fault, when one is' }),
        issues: z.array(FieldIssue).optional().meta({ description: 'each bad field, for INVALID_INPUT' }),
      })
      .meta({ description: 'code: see the table in the README; further properties are details' }),
  })
  .meta({
    id: 'Error',
    description: 'The one error shape of every endpoint',
    examples: [
      {
        error: {
          code: 'INVALID_INPUT',
          message: { zh: '手机号码：格式不正确', en: 'Phone number: is not valid' },
          field: 'body.application.contact.phone',
          issues: [
            {
              field: 'body.application.contact.phone',
              message: { zh: '手机号码：格式不正确', en: 'Phone number: is not valid' },
            },
          ],
        },
      },
    ],
  });
export type ApiError = z.input<typeof ApiError>;

/** A working-day deadline as the evaluator plans it. */
export const Deadline = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('scheduled'),
    at: Instant,
    local: z.string(),
    basis: z.enum(['own-limit', 'case-promise']),
    sla: Sla,
    provisional: z
      .literal(true)
      .optional()
      .meta({ description: 'counted on a year with no official holiday arrangement yet' }),
  }),
  z.object({ status: z.literal('not-set'), reason: Bilingual }),
  z.object({ status: z.literal('calendar-not-covered'), year: z.number(), reason: Bilingual }),
]);

/** A deadline counted again with an official holiday arrangement. */
export const DeadlineChange = z.object({ from: z.string().nullable(), to: z.string().nullable() });

export const Role = ParentRole;
export const Sex = z.enum(['male', 'female']);
