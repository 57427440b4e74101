import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Calendar } from '../domain/calendar.ts';
import { AppError } from '../domain/error.ts';
import { dayOfWeek, isLocalDate, parts, type LocalDate } from '../domain/local-date.ts';
import arrangementsFile from './arrangements.json' with { type: 'json' };

/**
 * Working days by the State Council's official calendar: weekends are rest days unless a notice
 * makes them working days (调休), and the listed holidays are rest days even on weekdays.
 * A date in a year no notice covers is an error, never a guess: chinese-days answers plain
 * weekdays for such years, which would silently put deadlines on public holidays.
 */

export const YearArrangement = z.object({
  year: z.number().int().min(2000).max(2100),
  source: z.string().min(1),
  holidays: z.array(z.object({ name: z.string().min(1), dates: z.array(z.string().refine(isLocalDate)) })),
  workdays: z.array(z.object({ name: z.string().min(1), date: z.string().refine(isLocalDate) })),
});
export type YearArrangement = z.infer<typeof YearArrangement>;

interface DayTable {
  holidays: Map<LocalDate, string>;
  workdays: Map<LocalDate, string>;
  years: Set<number>;
}

function packageTable(): DayTable {
  // The package's own data file: the same table its functions use, and the only way to learn
  // which years it really covers.
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const table: DayTable = { holidays: new Map(), workdays: new Map(), years: new Set() };
  for (const [date, name] of Object.entries(data.holidays)) {
    table.holidays.set(date, name);
    table.years.add(parts(date).year);
  }
  for (const [date, name] of Object.entries(data.workdays)) table.workdays.set(date, name);
  return table;
}

export function officialCalendar(extraYears: YearArrangement[] = defaultArrangements()): Calendar {
  const table = packageTable();
  for (const y of extraYears) {
    for (const map of [table.holidays, table.workdays]) {
      for (const date of [...map.keys()]) if (parts(date).year === y.year) map.delete(date);
    }
    for (const h of y.holidays) for (const d of h.dates) table.holidays.set(d, h.name);
    for (const w of y.workdays) table.workdays.set(w.date, w.name);
    table.years.add(y.year);
  }
  const sorted = [...table.years].sort((a, b) => a - b);
  const from = sorted[0]!;
  const to = sorted[sorted.length - 1]!;

  const check = (date: LocalDate) => {
    if (!isLocalDate(date)) {
      throw new AppError(
        'INVALID_INPUT',
        { zh: `日期无效：${date}`, en: `not a valid date: ${date}` },
        { field: 'date' },
      );
    }
    const { year } = parts(date);
    if (!table.years.has(year)) {
      throw new AppError(
        'CALENDAR_NOT_COVERED',
        {
          zh: `${year}年的法定节假日安排尚未收录，无法计算工作日；请在 src/calendar/arrangements.json 中补充国务院办公厅的通知`,
          en: `the official holiday arrangement for ${year} is not loaded, so working days cannot be counted; add the State Council notice to src/calendar/arrangements.json`,
        },
        { year, covered: { from, to } },
      );
    }
  };

  const describe = (date: LocalDate) => {
    check(date);
    const workName = table.workdays.get(date);
    if (workName) return { working: true, name: workName };
    const holidayName = table.holidays.get(date);
    if (holidayName) return { working: false, name: holidayName };
    const dow = dayOfWeek(date);
    return { working: dow !== 0 && dow !== 6 };
  };

  return {
    describe,
    isWorkingDay: (date) => describe(date).working,
    covers: (year) => table.years.has(year),
    coveredYears: () => ({ from, to }),
  };
}

function defaultArrangements(): YearArrangement[] {
  return z.object({ years: z.array(YearArrangement) }).parse(arrangementsFile).years;
}
