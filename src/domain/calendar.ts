import type { LocalDate } from './local-date.ts';

/**
 * The working-day calendar the domain needs (port). The official State Council calendar is the
 * adapter in src/calendar/official-calendar.ts; tests may pass any other.
 * Asking about a year it does not cover throws AppError CALENDAR_NOT_COVERED, never guesses.
 */
export interface Calendar {
  isWorkingDay(date: LocalDate): boolean;
  /** The holiday's name when the date is an official holiday or adjusted working day. */
  describe(date: LocalDate): { working: boolean; name?: string };
  covers(year: number): boolean;
  coveredYears(): { from: number; to: number };
}
