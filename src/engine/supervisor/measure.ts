import { DEPARTMENTS } from '../../departments/index.ts';
import type { Calendar } from '../../domain/calendar.ts';
import { fieldError } from '../../domain/error.ts';
import type { RegionId } from '../../domain/ids.ts';
import { addDays, beijingDate, isLocalDate, parts, startOfBeijingDay } from '../../domain/local-date.ts';
import { getPolicy } from '../../policies/index.ts';
import { firstDispatch, type Measure, type WorkingDays } from '../../store/supervision-store.ts';
import type { EngineDeps } from '../deps.ts';
import { supervisionSettings } from './settings.ts';

/** Days past today the calendar reaches, so promises and standards not yet due can be placed. */
const AHEAD_DAYS = 120;

/** The calendar the store counts working time with: each day, working or not, and working days before. */
export function workingDays(calendar: Calendar, from: string, to: string): WorkingDays {
  const { from: first, to: last } = calendar.coveredYears();
  let day = parts(from).year < first ? `${first}-01-01` : from;
  const end = parts(to).year > last ? `${last}-12-31` : to;
  const out: WorkingDays = { first: day, cum: [], working: [], workdays: [] };
  for (; day <= end; day = addDays(day, 1)) {
    const working = calendar.isWorkingDay(day);
    out.cum.push(out.workdays.length);
    out.working.push(working);
    if (working) out.workdays.push(day);
  }
  return out;
}

/** A period of whole Beijing days [from, to], as the query string gives it. */
export interface Period {
  from?: string;
  to?: string;
}

export function periodBounds(period: Period): { from: Date | null; to: Date | null } {
  for (const key of ['from', 'to'] as const) {
    const v = period[key];
    if (v !== undefined && !isLocalDate(v))
      throw fieldError('INVALID_INPUT', key, {
        zh: `${key === 'from' ? '起始日期' : '截止日期'}应为 YYYY-MM-DD`,
        en: `${key === 'from' ? 'From' : 'To'} should be a date, YYYY-MM-DD`,
      });
  }
  return {
    from: period.from ? startOfBeijingDay(period.from) : null,
    to: period.to ? startOfBeijingDay(addDays(period.to, 1)) : null,
  };
}

/** Everything a supervision query of a region needs: its calendar, its standards, now and the period. */
export async function regionMeasure(
  deps: EngineDeps,
  region: RegionId,
  period: Period = {},
): Promise<Measure> {
  const now = deps.clock.now();
  const { from, to } = periodBounds(period);
  const first = await firstDispatch(deps.db, region);
  const start = beijingDate(first ?? from ?? now);
  const end = addDays(beijingDate(to && to > now ? to : now), AHEAD_DAYS);
  const days = supervisionSettings(deps.settings).serviceStandardDays;
  return {
    region,
    calendar: workingDays(deps.calendar, addDays(start, -1), end),
    standards: Object.keys(DEPARTMENTS).flatMap((department) => {
      const n = days[department as keyof typeof days] ?? days.default;
      return n === undefined ? [] : [{ department, days: n }];
    }),
    now,
    from,
    to,
  };
}

/**
 * Which deadline a region's items are measured against, said on the dashboard: the policy's
 * per-item limits, the case promise, or (neither) the departments' service standards.
 */
export function regionBasis(region: RegionId) {
  const policy = getPolicy(region);
  const limited = policy.items.filter((i) => i.sla).map((i) => i.id);
  return {
    itemLimits: limited,
    casePromise: policy.caseSla.promised ?? null,
    unlimitedItems: policy.items.filter((i) => !i.sla).map((i) => i.id),
  };
}
