import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Calendar, DayDescription } from '../domain/calendar.ts';
import { AppError, fieldError, type FieldIssue } from '../domain/error.ts';
import { dayOfWeek, isLocalDate, parts, type LocalDate } from '../domain/local-date.ts';
import { invalidInput } from '../policy/facts.ts';
import arrangementsFile from './arrangements.json' with { type: 'json' };
import { STATUTORY_RULES_FROM, statutoryHolidays } from './statutory-holidays.ts';

/**
 * Working days by the State Council's official calendar: weekends are rest days unless a notice
 * makes them working days (调休), and the listed holidays are rest days even on weekdays.
 *
 * A year no notice covers yet is counted on a provisional calendar: the weekends and the 13
 * statutory days of 国务院令第795号 (statutory-holidays.ts), no days swapped, every answer marked
 * provisional. It reaches PROVISIONAL_YEARS_AHEAD years past the last official year. Beyond that a
 * date is an error, never a guess: chinese-days answers plain weekdays for years it lacks.
 */

/**
 * The General Office publishes a year's arrangement in the autumn before it (2025's on 12 November
 * 2024), so at any moment at most the coming year lacks one. A second year absorbs a late notice
 * and the longest chain of limits and pauses a case can reach. Further out, a missing year means
 * nobody is keeping the calendar, and deadlines stop with CALENDAR_NOT_COVERED, loudly.
 */
export const PROVISIONAL_YEARS_AHEAD = 2;

const LocalDateText = z.string().refine(isLocalDate, { message: 'local-date' });

/** One year's official arrangement, as its notice (国办发明电〔…〕…号) states it. Dates are Beijing dates. */
export const YearArrangement = z.object({
  year: z.number().int().min(2000).max(2100),
  /** The notice's title or number, e.g. 国办发明电〔2026〕7号; shown in each case's history. */
  source: z.string().trim().min(1).max(200),
  holidays: z.array(z.object({ name: z.string().min(1).max(50), dates: z.array(LocalDateText).min(1) })),
  workdays: z.array(z.object({ name: z.string().min(1).max(50), date: LocalDateText })),
});
export type YearArrangement = z.infer<typeof YearArrangement>;

/** A file with one year's arrangement, or several as in arrangements.json (`{ "years": [...] }`). */
const ArrangementFile = z.union([YearArrangement, z.object({ years: z.array(YearArrangement).min(1) })]);

/** Which years the calendar knows, and from where. */
export interface CalendarCoverage {
  official: { year: number; source: string }[];
  provisional: number[];
  /** Years outside both are CALENDAR_NOT_COVERED. */
  covered: { from: number; to: number };
}

export interface OfficialCalendar extends Calendar {
  coverage(): CalendarCoverage;
}

interface DayTable {
  holidays: Map<LocalDate, string>;
  workdays: Map<LocalDate, string>;
  /** Official years and where each comes from. */
  years: Map<number, string>;
}

function packageTable(): DayTable {
  // The package's own data file: the same table its functions use, and the only way to learn
  // which years it really covers.
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const { version } = require('chinese-days/package.json') as { version: string };
  const table: DayTable = { holidays: new Map(), workdays: new Map(), years: new Map() };
  for (const [date, name] of Object.entries(data.holidays)) {
    table.holidays.set(date, name);
    table.years.set(parts(date).year, `chinese-days ${version}`);
  }
  for (const [date, name] of Object.entries(data.workdays)) table.workdays.set(date, name);
  return table;
}

/**
 * The calendar from the package, then the arrangements given (built in, then loaded into the
 * store); a later arrangement for a year replaces an earlier one, and any arrangement replaces
 * what the package says about its year.
 */
export function officialCalendar(extraYears: YearArrangement[] = builtInArrangements()): OfficialCalendar {
  const table = packageTable();
  const latest = new Map(extraYears.map((y) => [y.year, y]));
  for (const y of latest.values()) {
    for (const map of [table.holidays, table.workdays]) {
      for (const date of [...map.keys()]) if (parts(date).year === y.year) map.delete(date);
    }
    for (const h of y.holidays) for (const d of h.dates) table.holidays.set(d, h.name);
    for (const w of y.workdays) table.workdays.set(w.date, w.name);
    table.years.set(y.year, y.source);
  }
  const official = [...table.years.keys()].sort((a, b) => a - b);
  const from = official[0]!;
  const to = official[official.length - 1]! + PROVISIONAL_YEARS_AHEAD;
  const isProvisional = (year: number) =>
    !table.years.has(year) && year >= STATUTORY_RULES_FROM && year <= to;

  const provisionalDays = new Map<number, Map<LocalDate, string>>();
  const statutoryDays = (year: number) => {
    let days = provisionalDays.get(year);
    if (!days) {
      days = new Map();
      for (const h of statutoryHolidays(year)) for (const d of h.dates) days.set(d, h.zh);
      provisionalDays.set(year, days);
    }
    return days;
  };

  const check = (date: LocalDate) => {
    if (!isLocalDate(date)) {
      throw new AppError(
        'INVALID_INPUT',
        { zh: `日期无效：${date}`, en: `not a valid date: ${date}` },
        { field: 'date' },
      );
    }
    const { year } = parts(date);
    if (!table.years.has(year) && !isProvisional(year)) throw notCovered(year, from, to);
    return year;
  };

  const describe = (date: LocalDate): DayDescription => {
    const year = check(date);
    const weekday = dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6;
    if (isProvisional(year)) {
      // A date a later notice already placed (a worked weekend in the December before) stays as placed.
      const placed = table.workdays.get(date) ?? table.holidays.get(date);
      if (placed) return { working: table.workdays.has(date), name: placed };
      const holiday = statutoryDays(year).get(date);
      return holiday
        ? { working: false, name: holiday, provisional: true }
        : { working: weekday, provisional: true };
    }
    const workName = table.workdays.get(date);
    if (workName) return { working: true, name: workName };
    const holidayName = table.holidays.get(date);
    if (holidayName) return { working: false, name: holidayName };
    return { working: weekday };
  };

  return {
    describe,
    isWorkingDay: (date) => describe(date).working,
    covers: (year) => table.years.has(year) || isProvisional(year),
    isProvisional,
    coveredYears: () => ({ from, to }),
    coverage: () => ({
      official: official.map((year) => ({ year, source: table.years.get(year)! })),
      provisional: Array.from(
        { length: Math.max(0, to - STATUTORY_RULES_FROM + 1) },
        (_, i) => i + STATUTORY_RULES_FROM,
      ).filter(isProvisional),
      covered: { from, to },
    }),
  };
}

function notCovered(year: number, from: number, to: number): AppError {
  return fieldError(
    'CALENDAR_NOT_COVERED',
    'deadline',
    {
      zh: `${year}年的节假日安排尚未载入，且超出暂定日历的范围（至${to}年），无法计算工作日；国务院办公厅公布该年安排后，请运维人员用 onething calendar load 文件.json 载入`,
      en: `the holiday arrangement for ${year} is not loaded and lies beyond the provisional calendar (which reaches ${to}), so working days cannot be counted; once the State Council General Office publishes it, an operator loads it with onething calendar load FILE.json`,
    },
    { year, covered: { from, to } },
  );
}

/** The arrangements shipped in src/calendar/arrangements.json. */
export function builtInArrangements(): YearArrangement[] {
  return z.object({ years: z.array(YearArrangement) }).parse(arrangementsFile).years;
}

/**
 * An arrangement file as an operator hands it in, checked beyond its shape: every date lies in its
 * year (or the December before, where a notice starts the New Year holiday early), no date is both
 * a holiday and a working day, and a worked day is a Saturday or Sunday (weekdays are worked anyway).
 * Errors name the field by its label; `warnings` lists statutory days the notice does not give off,
 * which is lawful only by a later revision of the 办法 and is more likely a typing error.
 */
export function parseArrangements(input: unknown): { years: YearArrangement[]; warnings: string[] } {
  const parsed = ArrangementFile.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    // A union reports each branch; the single-year shape is the one people write.
    const single = YearArrangement.safeParse(input, { reportInput: true });
    throw invalidInput(single.success ? parsed.error : single.error, 'arrangement');
  }
  const years = 'years' in parsed.data ? parsed.data.years : [parsed.data];
  const issues: FieldIssue[] = [];
  const warnings: string[] = [];
  const seen = new Set<number>();
  for (const [index, y] of years.entries()) {
    const at = years.length > 1 ? `arrangement.years.${index}` : 'arrangement';
    if (seen.has(y.year))
      issues.push(issue(`${at}.year`, { zh: `${y.year}年重复`, en: `${y.year} appears twice` }));
    seen.add(y.year);
    const inYear = (d: LocalDate) =>
      parts(d).year === y.year || (d >= `${y.year - 1}-12-01` && d < `${y.year}-01-01`);
    const off = new Set<LocalDate>();
    y.holidays.forEach((h, i) =>
      h.dates.forEach((d, j) => {
        off.add(d);
        if (!inYear(d)) issues.push(issue(`${at}.holidays.${i}.dates.${j}`, outsideYear(d, y.year)));
      }),
    );
    y.workdays.forEach((w, i) => {
      const field = `${at}.workdays.${i}.date`;
      if (!inYear(w.date)) issues.push(issue(field, outsideYear(w.date, y.year)));
      else if (off.has(w.date))
        issues.push(
          issue(field, { zh: `${w.date} 同时列为放假日期`, en: `${w.date} is also listed as a holiday` }),
        );
      else if (dayOfWeek(w.date) !== 0 && dayOfWeek(w.date) !== 6)
        issues.push(
          issue(field, {
            zh: `${w.date} 不是周六或周日，本来就是工作日`,
            en: `${w.date} is not a Saturday or Sunday, so it is a working day anyway`,
          }),
        );
    });
    if (y.year >= STATUTORY_RULES_FROM) {
      for (const h of statutoryHolidays(y.year)) {
        const missing = h.dates.filter((d) => !off.has(d));
        if (missing.length)
          warnings.push(
            `${y.year} ${h.zh} / ${h.en}: ${missing.join(', ')} ${missing.length > 1 ? 'are statutory holidays' : 'is a statutory holiday'} the file does not give off`,
          );
      }
    }
  }
  if (issues.length) {
    throw new AppError(
      'INVALID_INPUT',
      {
        zh: `节假日安排有误：${issues.map((i) => i.message.zh).join('；')}`,
        en: `The holiday arrangement is invalid: ${issues.map((i) => i.message.en).join('; ')}`,
      },
      { field: issues[0]!.field, issues },
    );
  }
  return { years, warnings };
}

function issue(field: string, text: { zh: string; en: string }): FieldIssue {
  const e = fieldError('INVALID_INPUT', field, text);
  return { field, message: e.messages };
}

function outsideYear(date: LocalDate, year: number) {
  return { zh: `${date} 不在${year}年内`, en: `${date} is not in ${year}` };
}
