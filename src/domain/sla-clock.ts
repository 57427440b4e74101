import type { Calendar } from './calendar.ts';
import { addDays, addMonths, beijingDate, endOfBeijingDay, startOfBeijingDay } from './local-date.ts';

/**
 * SLA arithmetic, the same everywhere (DESIGN.md "Time is an input"):
 * - N working days leave out the day of the triggering event (民法典 第二百零一条) and end at
 *   24:00 Beijing time on the Nth working day after it.
 * - N working hours (Fujian's 24 h / 72 h) run only through working days.
 * - "On the spot" (当场) ends at 24:00 of the day it was asked for.
 * Pauses for supplements and mailing are the engine's business: it moves the start, not the rule.
 */
export type SlaMeasure =
  | { unit: 'working-days'; value: number }
  | { unit: 'working-hours'; value: number }
  | { unit: 'on-the-spot' };

const HOUR_MS = 3600_000;
/** A ceiling on how far a count may walk, so a broken calendar cannot loop forever. */
const MAX_DAYS_WALKED = 800;

export function addWorkingDays(calendar: Calendar, from: Date, n: number): Date {
  let day = beijingDate(from);
  let counted = 0;
  for (let walked = 0; counted < n; walked++) {
    if (walked > MAX_DAYS_WALKED) throw new RangeError(`no ${n} working days within ${MAX_DAYS_WALKED} days`);
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) counted++;
  }
  return endOfBeijingDay(day);
}

export function addWorkingHours(calendar: Calendar, from: Date, hours: number): Date {
  let remaining = hours * HOUR_MS;
  let cursor = from;
  for (let walked = 0; ; walked++) {
    if (walked > MAX_DAYS_WALKED)
      throw new RangeError(`no ${hours} working hours within ${MAX_DAYS_WALKED} days`);
    const day = beijingDate(cursor);
    const dayEnd = endOfBeijingDay(day);
    if (calendar.isWorkingDay(day)) {
      const available = dayEnd.getTime() - cursor.getTime();
      if (remaining <= available) return new Date(cursor.getTime() + remaining);
      remaining -= available;
    }
    cursor = startOfBeijingDay(addDays(day, 1));
  }
}

/** A span the documents give in working days or in calendar months (N个月内). */
export type Period = { unit: 'working-days'; value: number } | { months: number };

/** The end of a period started at `from`: 24:00 Beijing time on its last day. */
export function periodEnd(calendar: Calendar, from: Date, period: Period): Date {
  return 'months' in period
    ? endOfBeijingDay(addMonths(beijingDate(from), period.months))
    : addWorkingDays(calendar, from, period.value);
}

export function deadlineOf(calendar: Calendar, from: Date, measure: SlaMeasure): Date {
  switch (measure.unit) {
    case 'working-days':
      return addWorkingDays(calendar, from, measure.value);
    case 'working-hours':
      return addWorkingHours(calendar, from, measure.value);
    case 'on-the-spot':
      return endOfBeijingDay(beijingDate(from));
  }
}

/**
 * Working time between two instants, in milliseconds: only the parts of working days count.
 * A supplement or a parcel in transit pauses an item's clock for exactly this long.
 */
export function workingTimeBetween(calendar: Calendar, from: Date, to: Date): number {
  let total = 0;
  let cursor = from;
  for (let walked = 0; cursor < to; walked++) {
    if (walked > MAX_DAYS_WALKED) throw new RangeError(`pause longer than ${MAX_DAYS_WALKED} days`);
    const day = beijingDate(cursor);
    const dayEnd = endOfBeijingDay(day);
    const stop = dayEnd < to ? dayEnd : to;
    if (calendar.isWorkingDay(day)) total += stop.getTime() - cursor.getTime();
    cursor = stop;
  }
  return total;
}

/** A deadline moved later by a pause: the paused working time is added back in working time. */
export function extendByWorkingTime(calendar: Calendar, deadline: Date, pausedMs: number): Date {
  return pausedMs <= 0 ? deadline : addWorkingHours(calendar, deadline, pausedMs / HOUR_MS);
}
