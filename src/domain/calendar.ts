import { AppError } from './error.ts';
import { beijingDate, parts, type LocalDate } from './local-date.ts';

/** What the calendar says about a day. */
export interface DayDescription {
  working: boolean;
  /** The holiday's name when the date is an official holiday or adjusted working day. */
  name?: string;
  /** The year has no official arrangement yet: the answer comes from the statutory holidays alone. */
  provisional?: true;
}

/**
 * The working-day calendar the domain needs (port). The official State Council calendar is the
 * adapter in src/calendar/official-calendar.ts; tests may pass any other.
 * A year without an official arrangement may be answered provisionally (and says so); asking about
 * a year it cannot answer at all throws AppError CALENDAR_NOT_COVERED, never guesses.
 */
export interface Calendar {
  isWorkingDay(date: LocalDate): boolean;
  describe(date: LocalDate): DayDescription;
  /** Official or provisional: a year whose days can be counted. */
  covers(year: number): boolean;
  /** Counted from the statutory holidays alone, until the year's official arrangement is loaded. */
  isProvisional(year: number): boolean;
  coveredYears(): { from: number; to: number };
}

/**
 * Whether a deadline counted from `from` to `to` rests on a provisional year: any day the count
 * walked lies in one. A deadline at 24:00 belongs to the day that ends then, not the next.
 */
export function restsOnProvisional(calendar: Calendar, from: Date | string, to: Date | string): boolean {
  const first = parts(beijingDate(new Date(from))).year;
  const last = parts(beijingDate(new Date(new Date(to).getTime() - 1))).year;
  for (let year = first; year <= last; year++) if (calendar.isProvisional(year)) return true;
  return false;
}

/**
 * A count as an instant's ISO string, or null where it reaches a year the calendar cannot answer:
 * the deadline is then left empty rather than wrong (supervision lists such items).
 */
export function countedOrNull(count: () => Date): string | null {
  try {
    return count().toISOString();
  } catch (e) {
    if (e instanceof AppError && e.code === 'CALENDAR_NOT_COVERED') return null;
    throw e;
  }
}
