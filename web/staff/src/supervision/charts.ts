import type { Bilingual } from '../../../citizen/src/i18n.tsx';
import type { Cell, DashboardTable } from './types.ts';

type T = (b: Bilingual) => string;
const num = (c: Cell | undefined) => (typeof c === 'number' ? c : null);
const text = (t: T, c: Cell | undefined) => (c && typeof c === 'object' ? t(c) : String(c ?? ''));

/** The on-time rate week by week, in percent. */
export function weeksChart(t: T, weeks: DashboardTable) {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '' : `${v}%`) },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: weeks.rows.map((r) => text(t, r.week)) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t({ zh: '按时办结率', en: 'On-time rate' }),
        type: 'line',
        data: weeks.rows.map((r) =>
          num(r.compliance) === null ? null : Math.round(num(r.compliance)! * 1000) / 10,
        ),
      },
    ],
  };
}

/**
 * Median and 90th-percentile working hours per item, as horizontal bars: item names are long and
 * read better down the side than slanted under the axis.
 */
export function durationsChart(t: T, items: DashboardTable) {
  const rows = [...items.rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 24, bottom: 32, containLabel: true },
    yAxis: {
      type: 'category',
      data: rows.map((r) => text(t, r.item)),
      axisLabel: { width: 130, overflow: 'truncate' },
    },
    // The card's title says the unit; a name under the axis would sit on its figures.
    xAxis: { type: 'value' },
    series: [
      { name: t({ zh: '中位数', en: 'Median' }), type: 'bar', data: rows.map((r) => num(r.medianHours)) },
      {
        name: t({ zh: '90%用时', en: '90th percentile' }),
        type: 'bar',
        data: rows.map((r) => num(r.p90Hours)),
      },
    ],
  };
}

/** Each rating level: how many, how many of them were decided late, how many had a supplement. */
export function ratingsChart(t: T, scores: DashboardTable) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: scores.rows.map((r) => text(t, r.first)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t({ zh: '评价数', en: 'Ratings' }), type: 'bar', data: scores.rows.map((r) => num(r.ratings)) },
      {
        name: t({ zh: '其中超时办结', en: 'Of these decided late' }),
        type: 'bar',
        data: scores.rows.map((r) => num(r.late)),
      },
      {
        name: t({ zh: '其中经补件', en: 'Of these with a supplement' }),
        type: 'bar',
        data: scores.rows.map((r) => num(r.withSupplement)),
      },
    ],
  };
}
