import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { addWorkingDays, addWorkingHours, deadlineOf } from '../../src/domain/sla-clock.ts';
import { formatInstant } from '../../src/domain/local-date.ts';

const calendar = officialCalendar();
const at = (s: string) => new Date(s);
const local = (d: Date) => formatInstant(d);

describe('N working days: leave out the triggering day, end at 24:00 Beijing of the Nth (民法典 第二百零一条)', () => {
  it.each([
    ['an ordinary Monday, 1 day', '2026-11-16T09:00:00+08:00', 1, '2026-11-17 24:00'],
    ['late on Monday is still Monday', '2026-11-16T23:59:00+08:00', 1, '2026-11-17 24:00'],
    ['16:30 UTC on Monday is Tuesday in Beijing', '2026-11-16T16:30:00Z', 1, '2026-11-18 24:00'],
    ['a Friday skips the weekend', '2026-11-20T10:00:00+08:00', 1, '2026-11-23 24:00'],
    ['a Saturday counts from Monday', '2026-11-21T10:00:00+08:00', 1, '2026-11-23 24:00'],
    ['across National Day 2026 (Oct 1–7 off)', '2026-09-30T10:00:00+08:00', 1, '2026-10-08 24:00'],
    ['the Saturday Oct 10 2026 is a working day', '2026-10-09T10:00:00+08:00', 1, '2026-10-10 24:00'],
    [
      'across the 2026 Spring Festival (Feb 15–23 off, Feb 14 worked)',
      '2026-02-13T10:00:00+08:00',
      1,
      '2026-02-14 24:00',
    ],
    ['Spring Festival eve to the first day back', '2026-02-14T10:00:00+08:00', 1, '2026-02-24 24:00'],
    [
      '4 days over the 2025 Dragon Boat weekend (May 31–Jun 2 off)',
      '2025-05-29T10:00:00+08:00',
      4,
      '2025-06-05 24:00',
    ],
    [
      '3 days from New Year 2026 (Jan 1–3 off, Sunday Jan 4 worked)',
      '2025-12-31T10:00:00+08:00',
      3,
      '2026-01-06 24:00',
    ],
  ])('%s', (_name, from, n, expected) => {
    expect(local(addWorkingDays(calendar, at(from), n))).toBe(expected);
  });

  it('a count into 2027 uses the provisional calendar (statutory holidays only): New Year’s Day is off', () => {
    expect(local(addWorkingDays(calendar, at('2026-12-30T10:00:00+08:00'), 3))).toBe('2027-01-05 24:00');
  });

  it('a count that runs beyond the provisional calendar fails loudly', () => {
    expect(() => addWorkingDays(calendar, at('2028-12-29T10:00:00+08:00'), 3)).toThrow(/2029/);
  });
});

describe('N working hours run only through working days', () => {
  it.each([
    ['inside one working day', '2026-11-17T09:00:00+08:00', 8, '2026-11-17 17:00'],
    ['24 h from Friday 10:00 resume Monday', '2026-11-20T10:00:00+08:00', 24, '2026-11-23 10:00'],
    ['from a Saturday, the clock starts Monday 00:00', '2026-11-21T15:00:00+08:00', 24, '2026-11-23 24:00'],
    ['72 h from Wednesday 14:00', '2026-11-18T14:00:00+08:00', 72, '2026-11-23 14:00'],
    ['through the 2026 National Day week', '2026-09-30T20:00:00+08:00', 24, '2026-10-08 20:00'],
    ['onto an adjusted working Saturday (2026-02-28)', '2026-02-27T10:00:00+08:00', 24, '2026-02-28 10:00'],
  ])('%s', (_name, from, hours, expected) => {
    expect(local(addWorkingHours(calendar, at(from), hours))).toBe(expected);
  });
});

describe('on the spot (当场)', () => {
  it('ends at 24:00 of the same Beijing day', () => {
    expect(local(deadlineOf(calendar, at('2026-11-21T10:00:00+08:00'), { unit: 'on-the-spot' }))).toBe(
      '2026-11-21 24:00',
    );
  });
});

describe('formatInstant', () => {
  it('writes midnight as the previous day 24:00 and any other time as it is', () => {
    expect(formatInstant(at('2026-11-24T00:00:00+08:00'))).toBe('2026-11-23 24:00');
    expect(formatInstant(at('2026-11-24T09:30:00+08:00'))).toBe('2026-11-24 09:30');
  });
});
