import { z } from 'zod';
import {
  Bilingual,
  Citation,
  DateInstant,
  DepartmentId,
  ItemId,
  LocalDate,
  RegionId,
  Sla,
} from './common.ts';

/** 办件监察: the supervisor's overview, dashboard, what-if, efficiency table and funnel. */

export const SupervisorMe = z.object({ regions: z.array(RegionId) });
export type SupervisorMe = z.input<typeof SupervisorMe>;

export const Overview = z.object({
  region: z.string(),
  cases: z.array(z.object({ status: z.string(), n: z.number().int(), overdue: z.number().int() })),
  items: z.array(
    z.object({
      item: z.string(),
      department: z.string(),
      total: z.number().int(),
      done: z.number().int(),
      rejected: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
      decidedWithDeadline: z.number().int(),
      decidedOnTime: z.number().int(),
      averageRating: z.number().nullable(),
      ratings: z.number().int(),
    }),
  ),
});

export const OverdueItems = z.array(
  z.object({
    caseId: z.string(),
    item: z.string(),
    department: z.string(),
    status: z.string(),
    deadline: DateInstant.nullable(),
    dispatchedAt: DateInstant.nullable(),
    deadlineProvisional: z.boolean(),
  }),
);

export const Cell = z.union([z.string(), z.number(), Bilingual]).nullable();
export type Cell = z.input<typeof Cell>;

export const DashboardTable = z.object({
  id: z.enum([
    'due-soon',
    'overdue',
    'supplements',
    'compliance-by-department',
    'compliance-by-item',
    'compliance-by-organisation',
    'compliance-by-week',
    'throughput',
    'ratings-by-score',
    'ratings-by-item',
    'ratings-by-organisation',
    'rating-follow-ups',
  ]),
  title: Bilingual,
  columns: z.array(
    z.object({ key: z.string(), label: Bilingual, kind: z.enum(['time', 'percent']).optional() }),
  ),
  rows: z.array(z.record(z.string(), Cell)).meta({ description: "each row's cells by column key" }),
});
export type DashboardTable = z.input<typeof DashboardTable>;

export const Dashboard = z.object({
  region: RegionId,
  period: z.object({ from: LocalDate.optional(), to: LocalDate.optional() }),
  measuredAgainst: z.array(Bilingual),
  tables: z.array(DashboardTable),
});
export type Dashboard = z.input<typeof Dashboard>;

const Outcome = z.enum(['passed', 'failed', 'not-applicable']);

export const WhatIfReport = z.object({
  region: RegionId,
  since: LocalDate,
  changes: z.array(
    z.object({
      path: z.string(),
      live: z.unknown().meta({ description: 'the live policy’s value' }),
      copy: z.unknown().meta({ description: 'the copy’s value' }),
    }),
  ),
  replayed: z.number().int(),
  withoutFacts: z.number().int(),
  refused: z.number().int(),
  accepted: z.number().int(),
  itemsChanged: z.number().int(),
  families: z.array(
    z.object({
      caseId: z.string(),
      submittedAt: z.string(),
      change: z.enum(['items', 'refused', 'accepted']),
      itemsAdded: z.array(ItemId),
      itemsDropped: z.array(ItemId),
      rules: z.array(
        z.object({
          ruleId: z.string(),
          scope: z.union([z.literal('case'), ItemId]),
          requirement: Bilingual,
          live: Outcome.nullable(),
          copy: Outcome.nullable(),
          citation: Citation,
        }),
      ),
    }),
  ),
  familiesListed: z.union([z.number().int(), z.literal('all')]),
  failed: z.array(z.object({ caseId: z.string(), message: Bilingual })),
  deadlines: z.array(
    z.object({
      item: ItemId,
      department: DepartmentId,
      compared: z.number().int(),
      moved: z.number().int(),
      distribution: z.array(z.object({ days: z.number(), cases: z.number().int() })),
      min: z.number(),
      median: z.number(),
      max: z.number(),
    }),
  ),
  load: z.array(
    z.object({ department: DepartmentId, week: z.string(), live: z.number().int(), copy: z.number().int() }),
  ),
  items: z.record(z.string(), Bilingual),
  departments: z.record(z.string(), Bilingual),
});
export type WhatIfReport = z.input<typeof WhatIfReport>;

export const EfficiencyTable = z.object({
  region: RegionId,
  name: Bilingual,
  since: z.string(),
  finishedCases: z.number().int(),
  legal: Sla.nullable(),
  promised: Sla.nullable(),
  withinPromise: z.number().nullable(),
  metrics: z.array(
    z.object({
      metric: z.enum(['working-days', 'materials', 'trips', 'steps']),
      stated: z.object({ separately: z.number(), jointly: z.number(), citation: Citation }).nullable(),
      achieved: z.object({ mean: z.number(), median: z.number(), p90: z.number() }).nullable(),
    }),
  ),
});
export type EfficiencyTable = z.input<typeof EfficiencyTable>;

export const Funnel = z.object({
  region: RegionId,
  since: z.string(),
  invited: z.number().int(),
  opened: z.number().int(),
  applied: z.number().int(),
  finished: z.number().int(),
  birthToApplication: z.object({
    medianDays: z.number().nullable(),
    p90Days: z.number().nullable(),
    spans: z.array(
      z.object({ fromDays: z.number(), toDays: z.number().nullable(), applied: z.number().int() }),
    ),
  }),
});
export type Funnel = z.input<typeof Funnel>;
