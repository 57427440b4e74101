import { fieldError } from '../../domain/error.ts';
import type { RegionId } from '../../domain/ids.ts';
import { DEPARTMENT_LABELS, RATING_LEVELS, SLA_BASIS_LABELS } from '../../domain/labels.ts';
import type { Bilingual } from '../../domain/text.ts';
import { getPolicy } from '../../policies/index.ts';
import { listFollowUps } from '../../store/rating-follow-up-store.ts';
import {
  compliance,
  openWork,
  ratingsVsLateness,
  supplementLoops,
  throughput,
  type ComplianceBy,
  type ComplianceRow,
  type Measure,
} from '../../store/supervision-store.ts';
import type { EngineDeps } from '../deps.ts';
import { regionMeasure, type Period } from './measure.ts';
import { supervisionSettings } from './settings.ts';

/**
 * Every table of the dashboard, defined once: its title, its labelled columns and how its rows are
 * read. The page, the CSV export and the monthly PDF all take them from here, so each shows the
 * same figures under the same words, and none shows a code.
 */
export type Cell = string | number | Bilingual | null;
export type Row = Record<string, Cell>;
export interface Column {
  key: string;
  label: Bilingual;
  /** How a value is written: a time (Beijing), a share (0–1) as a percentage, or as it is. */
  kind?: 'time' | 'percent';
}
/**
 * What the tables of one dashboard share, read once: the region's measure, and the compliance
 * figures four tables split between them. A single table (a CSV) reads its own.
 */
export type Shared = Map<string, Promise<unknown>>;
export interface TableSpec {
  title: Bilingual;
  columns: Column[];
  rows: (deps: EngineDeps, region: RegionId, period: Period, shared?: Shared) => Promise<Row[]>;
}

function once<T>(shared: Shared | undefined, key: string, read: () => Promise<T>): Promise<T> {
  if (!shared) return read();
  if (!shared.has(key)) shared.set(key, read());
  return shared.get(key) as Promise<T>;
}
const measureOf = (deps: EngineDeps, region: RegionId, period: Period, shared?: Shared): Promise<Measure> =>
  once(shared, 'measure', () => regionMeasure(deps, region, period));
async function complianceBy(
  by: ComplianceBy,
  deps: EngineDeps,
  region: RegionId,
  period: Period,
  shared?: Shared,
) {
  const m = await measureOf(deps, region, period, shared);
  // A dashboard reads all four groupings in one pass; a single table (its CSV) only its own.
  const rows = shared
    ? await once(shared, 'compliance', () =>
        compliance(deps.db, m, ['department', 'item', 'organisation', 'week']),
      )
    : await compliance(deps.db, m, [by]);
  return rows.filter((r) => r.by === by);
}

const col = (key: string, zh: string, en: string, kind?: Column['kind']): Column => ({
  key,
  label: { zh, en },
  ...(kind ? { kind } : {}),
});
const UNKNOWN: Bilingual = { zh: '未登记', en: 'Not registered' };

function names(region: RegionId) {
  const policy = getPolicy(region);
  return {
    item: (id: string): Bilingual =>
      policy.items.find((i) => i.id === id)?.name ?? { zh: '事项', en: 'Item' },
    material: (id: string): Bilingual =>
      policy.materials.find((m) => m.id === id)?.name ?? { zh: '材料', en: 'Material' },
    department: (id: string): Bilingual => DEPARTMENT_LABELS[id as keyof typeof DEPARTMENT_LABELS] ?? UNKNOWN,
    organisation: (name: unknown): Bilingual => (name as Bilingual | null) ?? UNKNOWN,
    basis: (b: string | null): Bilingual => SLA_BASIS_LABELS[b ?? 'mixed']!,
  };
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

const COMPLIANCE_COLUMNS = [
  col('basis', '计量依据', 'Measured against'),
  col('decided', '已办结', 'Decided'),
  col('onTime', '按时', 'On time'),
  col('late', '超时', 'Late'),
  col('compliance', '按时率', 'On-time rate', 'percent'),
  col('medianHours', '用时中位数（工作小时）', 'Median (working hours)'),
  col('p90Hours', '90%用时（工作小时）', '90th percentile (working hours)'),
];
const complianceCells = (r: ComplianceRow, basis: (b: string | null) => Bilingual): Row => ({
  basis: basis(r.basis),
  decided: r.decided,
  onTime: r.onTime,
  late: r.late,
  compliance: share(r.onTime, r.measured),
  medianHours: r.medianHours,
  p90Hours: r.p90Hours,
});

// Due-soon work is counted in the working hours left; late work in working days, as a clerk counts it.
const openColumns = (zhLate: string, enLate: string, late: 'hours' | 'days') => [
  col('caseId', '办件编号', 'Case number'),
  col('item', '事项', 'Item'),
  col('department', '部门', 'Department'),
  col('organisation', '经办单位', 'Handled by'),
  col('due', '应办结时间', 'Due', 'time'),
  col('basis', '计量依据', 'Measured against'),
  col(late, zhLate, enLate),
];
async function open(deps: EngineDeps, region: RegionId, view: 'overdue' | 'due-soon') {
  const n = names(region);
  const m = await regionMeasure(deps, region);
  const soon = new Date(m.now.getTime() + supervisionSettings(deps.settings).dueSoonHours * 3_600_000);
  return (await openWork(deps.db, m, view, soon)).map((r) => ({
    caseId: r.caseId,
    item: n.item(r.item),
    department: n.department(r.department),
    organisation: n.organisation(r.organisationName),
    due: r.due.toISOString(),
    basis: n.basis(r.basis),
    ...(view === 'due-soon'
      ? { hours: r.lateHours === null ? null : Math.abs(r.lateHours) }
      : { days: r.lateHours === null ? null : Math.round(r.lateHours / 2.4) / 10 }),
  }));
}

const ratingColumns = (first: Column) => [
  first,
  col('ratings', '评价数', 'Ratings'),
  col('average', '平均分', 'Average score'),
  col('poor', '差评（1–2分）', 'Poor (1–2)'),
  col('late', '其中超时办结', 'Of these decided late'),
  col('poorWhenLate', '超时且差评', 'Late and poor'),
  col('withSupplement', '经补件', 'With a supplement'),
  col('poorWithSupplement', '经补件且差评', 'Supplement and poor'),
];
type RatingRow = Awaited<ReturnType<typeof ratingsVsLateness>>[number];
const ratingCells = (first: Cell, r: RatingRow): Row => ({
  first,
  ratings: r.ratings,
  average: r.average,
  poor: r.poor,
  late: r.late,
  poorWhenLate: r.poorWhenLate,
  withSupplement: r.withSupplement,
  poorWithSupplement: r.poorWithSupplement,
});
const scoreLabel = (s: number | string): Bilingual =>
  RATING_LEVELS.find((l) => l.score === Number(s))?.label ?? { zh: String(s), en: String(s) };

export const TABLES = {
  'compliance-by-department': {
    title: { zh: '按部门的按时办结率', en: 'On-time rate by department' },
    columns: [col('department', '部门', 'Department'), ...COMPLIANCE_COLUMNS],
    rows: async (deps, region, period, shared) => {
      const n = names(region);
      const rows = await complianceBy('department', deps, region, period, shared);
      return rows.map((r) => ({ department: n.department(r.key), ...complianceCells(r, n.basis) }));
    },
  },
  'compliance-by-item': {
    title: { zh: '按事项的按时办结率与用时', en: 'On-time rate and durations by item' },
    columns: [col('item', '事项', 'Item'), ...COMPLIANCE_COLUMNS],
    rows: async (deps, region, period, shared) => {
      const n = names(region);
      const rows = await complianceBy('item', deps, region, period, shared);
      return rows.map((r) => ({ item: n.item(r.key), ...complianceCells(r, n.basis) }));
    },
  },
  'compliance-by-organisation': {
    title: { zh: '按经办单位的按时办结率', en: 'On-time rate by organisation' },
    columns: [col('organisation', '经办单位', 'Organisation'), ...COMPLIANCE_COLUMNS],
    rows: async (deps, region, period, shared) => {
      const n = names(region);
      const rows = await complianceBy('organisation', deps, region, period, shared);
      return rows.map((r) => ({ organisation: n.organisation(r.name), ...complianceCells(r, n.basis) }));
    },
  },
  'compliance-by-week': {
    title: { zh: '按周的按时办结率', en: 'On-time rate by week' },
    columns: [col('week', '周（起始日）', 'Week (from)'), ...COMPLIANCE_COLUMNS],
    rows: async (deps, region, period, shared) => {
      const n = names(region);
      const rows = await complianceBy('week', deps, region, period, shared);
      return rows.map((r) => ({ week: r.key, ...complianceCells(r, n.basis) }));
    },
  },
  throughput: {
    title: { zh: '每周办件量', en: 'Throughput per week' },
    columns: [
      col('week', '周（起始日）', 'Week (from)'),
      col('dispatched', '派发事项', 'Items sent'),
      col('decided', '办结事项', 'Items decided'),
    ],
    rows: async (deps, region, period, shared) =>
      (await throughput(deps.db, await measureOf(deps, region, period, shared))).map((r) => ({ ...r })),
  },
  supplements: {
    title: { zh: '补件情况', en: 'Supplement loops' },
    columns: [
      col('item', '事项', 'Item'),
      col('material', '补件材料', 'Material asked for'),
      col('loops', '补件次数', 'Times asked'),
      col('answered', '已补回', 'Answered'),
      col('medianHours', '补回用时中位数（工作小时）', 'Median to answer (working hours)'),
      col('p90Hours', '补回90%用时（工作小时）', '90th percentile to answer (working hours)'),
    ],
    rows: async (deps, region, period, shared) => {
      const n = names(region);
      const rows = await supplementLoops(deps.db, await measureOf(deps, region, period, shared));
      return rows.map((r) => ({ ...r, item: n.item(r.item), material: n.material(r.material) }));
    },
  },
  'ratings-by-score': {
    title: { zh: '好差评与超时、补件', en: 'Ratings beside lateness and supplements' },
    columns: ratingColumns(col('first', '评价', 'Rating')),
    rows: async (deps, region, period, shared) =>
      (await ratingsVsLateness(deps.db, await measureOf(deps, region, period, shared), 'score'))
        .sort((a, b) => Number(b.key) - Number(a.key))
        .map((r) => ratingCells(scoreLabel(r.key), r)),
  },
  'ratings-by-item': {
    title: { zh: '按事项的好差评', en: 'Ratings by item' },
    columns: ratingColumns(col('first', '事项', 'Item')),
    rows: async (deps, region, period, shared) => {
      const n = names(region);
      const rows = await ratingsVsLateness(deps.db, await measureOf(deps, region, period, shared), 'item');
      return rows.map((r) => ratingCells(n.item(r.key), r));
    },
  },
  'ratings-by-organisation': {
    title: { zh: '按经办单位的好差评', en: 'Ratings by organisation' },
    columns: ratingColumns(col('first', '经办单位', 'Organisation')),
    rows: async (deps, region, period, shared) => {
      const n = names(region);
      const rows = await ratingsVsLateness(
        deps.db,
        await measureOf(deps, region, period, shared),
        'organisation',
      );
      return rows.map((r) => ratingCells(n.organisation(r.name), r));
    },
  },
  'due-soon': {
    title: { zh: '即将到期', en: 'Due soon' },
    columns: openColumns('剩余（工作小时）', 'Left (working hours)', 'hours'),
    rows: (deps, region) => open(deps, region, 'due-soon'),
  },
  overdue: {
    title: { zh: '已超期', en: 'Overdue' },
    columns: openColumns('已超出（工作日）', 'Over by (working days)', 'days'),
    rows: (deps, region) => open(deps, region, 'overdue'),
  },
  'rating-follow-ups': {
    title: { zh: '差评跟进', en: 'Follow-ups of poor ratings' },
    columns: [
      col('caseId', '办件编号', 'Case number'),
      col('item', '事项', 'Item'),
      col('organisation', '经办单位', 'Organisation'),
      col('score', '评价', 'Rating'),
      col('comment', '群众说明', "The family's reason"),
      col('due', '应跟进时间', 'Due', 'time'),
      col('outcome', '跟进结果', 'Outcome'),
      col('outcomeBy', '跟进人', 'By'),
      col('outcomeAt', '跟进时间', 'At', 'time'),
    ],
    rows: async (deps, region, period) => {
      const n = names(region);
      const m = await regionMeasure(deps, region, period);
      return (await listFollowUps(deps.db, { region, from: m.from, to: m.to })).map((f) => ({
        caseId: f.caseId,
        item: n.item(f.item),
        organisation: n.organisation(f.organisationName),
        score: scoreLabel(f.score),
        comment: f.comment,
        due: f.due.toISOString(),
        outcome: f.outcome ?? { zh: '待跟进', en: 'Not yet followed up' },
        outcomeBy: f.outcomeByName,
        outcomeAt: f.outcomeAt?.toISOString() ?? null,
      }));
    },
  },
} satisfies Record<string, TableSpec>;

export type TableId = keyof typeof TABLES;

export function tableSpec(id: string): TableSpec {
  // Own tables only: `constructor` or `toString` is a name in the address, not a table.
  const spec = Object.hasOwn(TABLES, id) ? (TABLES as Record<string, TableSpec>)[id] : undefined;
  if (!spec)
    throw fieldError('NOT_FOUND', 'table', { zh: '没有这张监察报表', en: 'No such supervision table' });
  return spec;
}
