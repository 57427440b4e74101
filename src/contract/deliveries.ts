import { z } from 'zod';
import { Bilingual } from '../domain/text.ts';

/**
 * What supervision reads of department tasks not yet taken by a department's system (push mode):
 * the route declares it (http/routes/deliveries.ts), the supervision app takes its types from it.
 */
const Instant = z.string().meta({ description: 'ISO 8601 instant', examples: ['2026-11-16T02:00:00.000Z'] });

export const Delivery = z
  .object({
    taskId: z.string().meta({ examples: ['C1A2B3:hukou-registration:1'] }),
    caseId: z.string(),
    item: z.string(),
    itemName: Bilingual,
    department: z.string(),
    departmentName: Bilingual,
    mode: z
      .string()
      .meta({ description: "who answers the department in the region now: 'push', 'gateway'…" }),
    attempts: z.number().int().meta({ description: 'attempts made (since the last re-send)' }),
    nextAttemptAt: Instant.nullable().meta({ description: 'when the next attempt is due; null when dead' }),
    lastError: z
      .string()
      .nullable()
      .meta({ examples: ['police push: HTTP 503 busy'] }),
    lastErrorSummary: Bilingual.nullable().meta({ description: 'what the last error means, in words' }),
    createdAt: Instant,
    deadAt: Instant.nullable().meta({ description: 'when its attempts ran out (dead letter)' }),
    resends: z.number().int().meta({ description: 'how often a supervisor re-sent it' }),
  })
  .meta({ id: 'Delivery', description: 'A department task whose delivery is failing' });
export type Delivery = z.input<typeof Delivery>;

export const Deliveries = z.object({ retrying: z.array(Delivery), dead: z.array(Delivery) });
export type Deliveries = z.input<typeof Deliveries>;
