import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { AppError } from '../../src/domain/error.ts';

/**
 * The official arrangements, written down from the State Council General Office notices
 * (国办发明电) for 2024, 2025 and 2026, not from the package under test.
 */
const ARRANGEMENTS: Record<number, { holidays: string[]; workdays: string[] }> = {
  2024: {
    holidays: [
      '2024-01-01',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
      '2024-04-04',
      '2024-04-05',
      '2024-04-06',
      '2024-05-01',
      '2024-05-02',
      '2024-05-03',
      '2024-05-04',
      '2024-05-05',
      '2024-06-10',
      '2024-09-15',
      '2024-09-16',
      '2024-09-17',
      '2024-10-01',
      '2024-10-02',
      '2024-10-03',
      '2024-10-04',
      '2024-10-05',
      '2024-10-06',
      '2024-10-07',
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  2025: {
    holidays: [
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
      '2025-04-04',
      '2025-04-05',
      '2025-04-06',
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
      '2025-05-05',
      '2025-05-31',
      '2025-06-01',
      '2025-06-02',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const calendar = officialCalendar();

describe('official calendar, 2024–2026', () => {
  for (const [year, { holidays, workdays }] of Object.entries(ARRANGEMENTS)) {
    it.each(holidays)(`${year}: %s is an official holiday`, (d) =>
      expect(calendar.isWorkingDay(d)).toBe(false),
    );
    it.each(workdays)(`${year}: %s is an adjusted working day (调休上班)`, (d) =>
      expect(calendar.isWorkingDay(d)).toBe(true),
    );

    it(`${year}: every other day follows the week`, () => {
      const special = new Set([...holidays, ...workdays]);
      for (let t = Date.UTC(Number(year), 0, 1); t < Date.UTC(Number(year) + 1, 0, 1); t += 86_400_000) {
        const d = new Date(t).toISOString().slice(0, 10);
        if (special.has(d)) continue;
        const dow = new Date(t).getUTCDay();
        expect(calendar.isWorkingDay(d), d).toBe(dow !== 0 && dow !== 6);
      }
    });
  }

  it('names the holiday behind a day', () => {
    expect(calendar.describe('2026-02-17')).toMatchObject({
      working: false,
      name: expect.stringContaining('春节'),
    });
    expect(calendar.describe('2026-02-28')).toMatchObject({
      working: true,
      name: expect.stringContaining('春节'),
    });
  });
});

describe('coverage', () => {
  it('answers a year with no official arrangement provisionally, and one beyond that not at all', () => {
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.isProvisional(2026)).toBe(false);
    expect(calendar.isProvisional(2027)).toBe(true);
    expect(calendar.describe('2027-01-01')).toMatchObject({ working: false, provisional: true });
    const err = (() => {
      try {
        calendar.isWorkingDay('2029-01-01');
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('CALENDAR_NOT_COVERED');
    expect(err.details).toMatchObject({ year: 2029 });
    expect(err.messages.zh).toContain('2029');
  });

  it('a year added from a State Council notice is used, and replaces the package for that year', () => {
    const extended = officialCalendar([
      {
        year: 2027,
        source: 'test notice',
        holidays: [{ name: '元旦', dates: ['2027-01-01'] }],
        workdays: [{ name: '春节', date: '2027-02-06' }],
      },
    ]);
    expect(extended.covers(2027)).toBe(true);
    expect(extended.isProvisional(2027)).toBe(false);
    expect(extended.coveredYears().to).toBe(2029); // two provisional years past the last official one
    expect(extended.isWorkingDay('2027-01-01')).toBe(false);
    expect(extended.isWorkingDay('2027-02-06')).toBe(true); // a Saturday made a working day
    expect(extended.isWorkingDay('2027-01-04')).toBe(true);
    const replaced = officialCalendar([{ year: 2026, source: 'test', holidays: [], workdays: [] }]);
    expect(replaced.isWorkingDay('2026-10-08')).toBe(true);
    expect(replaced.isWorkingDay('2026-10-01')).toBe(true);
  });

  it('rejects dates that do not exist, naming them', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(/2026-02-30/);
    expect(() => calendar.isWorkingDay('2026-13-01')).toThrow(AppError);
  });
});
