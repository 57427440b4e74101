/**
 * Calendar dates as a person in China sees them. Every date a person sees is in Asia/Shanghai
 * (DESIGN.md); instants are stored in UTC. China has kept UTC+8 without daylight saving since
 * 1991, so a fixed offset is exact for every date this service handles.
 */
export type LocalDate = string; // 'YYYY-MM-DD'

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parts(date: LocalDate): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function fromUtcMidnight(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function utcMidnight(date: LocalDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day);
}

/** The Beijing calendar date on which an instant falls. */
export function beijingDate(instant: Date): LocalDate {
  return fromUtcMidnight(instant.getTime() + BEIJING_OFFSET_MS);
}

/** 00:00 Beijing time of a date, as an instant. */
export function startOfBeijingDay(date: LocalDate): Date {
  return new Date(utcMidnight(date) - BEIJING_OFFSET_MS);
}

/** 24:00 Beijing time of a date (the next day's 00:00), as an instant. */
export function endOfBeijingDay(date: LocalDate): Date {
  return new Date(utcMidnight(date) + DAY_MS - BEIJING_OFFSET_MS);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** Calendar months; the day is clamped to the month's end (Aug 31 + 6 months = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

/** How a person reads an instant: '2026-11-25 15:30' in Beijing time. */
export function formatBeijing(instant: Date): string {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/**
 * The one way every screen, message and PDF writes an instant: '2026-11-25 15:30', Beijing time.
 * A deadline falls at midnight, the end of its last day, and reads as that day's 24:00
 * ('2026-12-03 24:00', not '2026-12-04 00:00'), as the documents count it.
 */
export function formatInstant(instant: Date | string): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  const text = formatBeijing(at);
  const exactMidnight = (at.getTime() + BEIJING_OFFSET_MS) % 86_400_000 === 0;
  return exactMidnight ? `${addDays(text.slice(0, 10), -1)} 24:00` : text;
}
