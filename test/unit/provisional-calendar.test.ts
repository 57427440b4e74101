import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  officialCalendar,
  parseArrangements,
  PROVISIONAL_YEARS_AHEAD,
  type YearArrangement,
} from '../../src/calendar/official-calendar.ts';
import { statutoryHolidays } from '../../src/calendar/statutory-holidays.ts';
import { restsOnProvisional } from '../../src/domain/calendar.ts';
import { AppError } from '../../src/domain/error.ts';
import { addDays, formatInstant } from '../../src/domain/local-date.ts';
import { addWorkingDays, addWorkingHours } from '../../src/domain/sla-clock.ts';

/** The package's own table of official rest days, 2004–2026. */
const packageHolidays = new Set(
  Object.keys(
    (createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: object }).holidays,
  ),
);
const days = (year: number, id: string) => statutoryHolidays(year).find((h) => h.id === id)!.dates;
const calendar = officialCalendar();
const at = (s: string) => new Date(s);

describe('the statutory holidays of 《全国年节及纪念日放假办法》 (国务院令第795号)', () => {
  it.each([2025, 2026])(
    '%i, the first years under the 2024 revision: every statutory day is an official holiday in the published arrangement',
    (year) => {
      const all = statutoryHolidays(year).flatMap((h) => h.dates);
      expect(all).toHaveLength(13);
      expect(all.filter((d) => !packageHolidays.has(d))).toEqual([]);
    },
  );

  // The lunar festivals and Qingming have been one-day holidays since 2008, and the first two days
  // of the lunar year always: 19 years of official arrangements check the lunar conversion. (The
  // package leaves out some weekend days inside a holiday, such as Saturday 2012-06-23, so this asks
  // whether the official calendar gives the day off, not whether the package lists it.)
  it.each(Array.from({ length: 19 }, (_, i) => 2008 + i))(
    '%i: 清明, 端午, 中秋 and the first two days of the lunar year are official days off',
    (year) => {
      const checked = [
        ...days(year, 'qingming'),
        ...days(year, 'dragon-boat'),
        ...days(year, 'mid-autumn'),
        ...days(year, 'spring-festival').slice(1, 3),
      ];
      expect(checked.filter((d) => calendar.isWorkingDay(d))).toEqual([]);
    },
  );

  it('2027: the Spring Festival holiday is the lunar New Year’s Eve and the first three days (5–8 February)', () => {
    const spring = days(2027, 'spring-festival');
    expect(spring).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    // By the package's own lunar calendar: 6 February is 正月初一, the day before ends the old year.
    expect(chineseDays.getLunarDate('2027-02-06')).toMatchObject({ lunarMon: 1, lunarDay: 1 });
    expect(chineseDays.getLunarDate('2027-02-05').lunarYear).toBe(2026);
    expect(chineseDays.getLunarDate(addDays(spring[0]!, -1)).lunarDay).toBeLessThan(30);
  });

  it('2027: New Year 1 Jan, 清明 5 Apr, Labour Day 1–2 May, 端午 9 Jun, 中秋 15 Sep, National Day 1–3 Oct', () => {
    expect(Object.fromEntries(statutoryHolidays(2027).map((h) => [h.id, h.dates]))).toEqual({
      'new-year': ['2027-01-01'],
      'spring-festival': ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
      qingming: ['2027-04-05'],
      'labour-day': ['2027-05-01', '2027-05-02'],
      'dragon-boat': ['2027-06-09'],
      'mid-autumn': ['2027-09-15'],
      'national-day': ['2027-10-01', '2027-10-02', '2027-10-03'],
    });
    expect(chineseDays.getLunarDate('2027-06-09')).toMatchObject({ lunarMon: 5, lunarDay: 5 });
    expect(chineseDays.getLunarDate('2027-09-15')).toMatchObject({ lunarMon: 8, lunarDay: 15 });
  });

  it('is the same in every time zone the server might run in', () => {
    const script = `import('./src/calendar/statutory-holidays.ts').then((m) => console.log(JSON.stringify([2027, 2030, 2033].map(m.statutoryHolidays))))`;
    const expected = JSON.stringify([2027, 2030, 2033].map(statutoryHolidays));
    for (const TZ of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
        env: { ...process.env, TZ },
        encoding: 'utf8',
      });
      expect(r.stdout.trim(), `${TZ}: ${r.stderr}`).toBe(expected);
    }
  });
});

describe('the provisional calendar, for years without an official arrangement', () => {
  it(`reaches ${PROVISIONAL_YEARS_AHEAD} years past the last official one (2026): 2027 and 2028`, () => {
    expect(calendar.isProvisional(2026)).toBe(false);
    expect(calendar.isProvisional(2027)).toBe(true);
    expect(calendar.isProvisional(2028)).toBe(true);
    expect(calendar.covers(2028)).toBe(true);
    expect(calendar.covers(2029)).toBe(false);
    expect(calendar.coveredYears()).toEqual({ from: 2004, to: 2028 });
  });

  it('2027 has only weekends and the 13 statutory days off, and no weekend is worked', () => {
    const off = new Set(statutoryHolidays(2027).flatMap((h) => h.dates));
    for (let d = '2027-01-01'; d < '2028-01-01'; d = addDays(d, 1)) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      const described = calendar.describe(d);
      expect(described.provisional, d).toBe(true);
      expect(described.working, d).toBe(!off.has(d) && dow !== 0 && dow !== 6);
    }
    expect(calendar.describe('2027-02-05')).toEqual({ working: false, name: '春节', provisional: true });
    expect(calendar.describe('2026-12-31')).toEqual({ working: true });
  });

  it('counts working days across New Year 2027: from Thursday 31 December, 1 day is Monday 4 January', () => {
    expect(formatInstant(addWorkingDays(calendar, at('2026-12-31T10:00:00+08:00'), 1))).toBe(
      '2027-01-04 24:00',
    );
    expect(formatInstant(addWorkingHours(calendar, at('2027-02-04T10:00:00+08:00'), 24))).toBe(
      '2027-02-09 10:00',
    );
  });

  it('a deadline rests on it when any day counted lies in a provisional year, not when it ends at 24:00 on 31 December', () => {
    expect(restsOnProvisional(calendar, '2026-12-30T02:00:00Z', '2026-12-31T16:00:00Z')).toBe(false);
    expect(restsOnProvisional(calendar, '2026-12-31T02:00:00Z', '2027-01-04T16:00:00Z')).toBe(true);
    expect(restsOnProvisional(calendar, '2027-03-01T02:00:00Z', '2027-03-02T16:00:00Z')).toBe(true);
  });

  it('beyond its reach a count fails loudly, naming the field and the command that loads the year', () => {
    const err = (() => {
      try {
        calendar.isWorkingDay('2029-01-02');
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('CALENDAR_NOT_COVERED');
    expect(err.details).toMatchObject({ year: 2029, field: 'deadline', covered: { from: 2004, to: 2028 } });
    expect(err.messages.zh).toMatch(/^办理时限：2029年/);
    expect(err.messages.zh).toContain('onething calendar load');
    expect(err.messages.en).toMatch(/^Time limit: .*2029.*onething calendar load FILE\.json/);
    expect(err.messages.zh).not.toContain('arrangements.json');
  });

  it('an official arrangement replaces it for its year, and the reach moves on', () => {
    const with2027 = officialCalendar([fixture2027]);
    expect(with2027.isProvisional(2027)).toBe(false);
    expect(with2027.describe('2027-01-04')).toEqual({ working: false, name: '元旦' });
    expect(with2027.describe('2027-02-20')).toEqual({ working: true, name: '春节' }); // a Saturday worked
    expect(with2027.isProvisional(2029)).toBe(true);
    expect(with2027.coverage()).toMatchObject({
      official: expect.arrayContaining([{ year: 2027, source: fixture2027.source }]),
      provisional: [2028, 2029],
    });
  });
});

const fixture2027: YearArrangement = {
  year: 2027,
  source: '测试用通知（非真实）',
  holidays: [
    { name: '元旦', dates: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'] },
    { name: '春节', dates: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'] },
  ],
  workdays: [{ name: '春节', date: '2027-02-20' }],
};

describe('an arrangement file as an operator hands it in', () => {
  const problem = (input: unknown) => {
    try {
      parseArrangements(input);
    } catch (e) {
      return e as AppError;
    }
    throw new Error('accepted');
  };

  it('takes one year, or several as arrangements.json lists them, and warns of statutory days not given off', () => {
    const one = parseArrangements(fixture2027);
    expect(one.years).toEqual([fixture2027]);
    expect(one.warnings).toContain(
      '2027 清明节 / Qingming Festival: 2027-04-05 is a statutory holiday the file does not give off',
    );
    expect(one.warnings.join('\n')).not.toContain('春节'); // all four days are given off
    expect(parseArrangements({ years: [fixture2027] }).years).toHaveLength(1);
  });

  it('names a bad date by its label, in both languages', () => {
    const e = problem({ ...fixture2027, holidays: [{ name: '元旦', dates: ['2027-02-30'] }] });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.messages.zh).toContain('放假日期：应为有效日期');
    expect(e.messages.en).toContain('Days off: must be a real date');
    expect(e.details.field).toBe('arrangement.holidays.0.dates.0');
  });

  it('refuses a date outside its year, a worked weekday and a day both off and worked', () => {
    const e = problem({
      ...fixture2027,
      holidays: [{ name: '元旦', dates: ['2028-01-01'] }],
      workdays: [
        { name: '春节', date: '2027-02-10' },
        { name: '春节', date: '2027-02-06' },
      ],
    });
    expect(e.details.issues?.map((i) => i.field)).toEqual([
      'arrangement.holidays.0.dates.0',
      'arrangement.workdays.0.date',
    ]);
    expect(e.messages.zh).toContain('放假日期：2028-01-01 不在2027年内');
    expect(e.messages.en).toContain('Weekend day worked: 2027-02-10 is not a Saturday or Sunday');
    const both = problem({ ...fixture2027, workdays: [{ name: '春节', date: '2027-02-06' }] });
    expect(both.messages.en).toContain('2027-02-06 is also listed as a holiday');
  });

  it('lets a notice start the New Year holiday in the December before (as the 2019 notice did)', () => {
    expect(() =>
      parseArrangements({ ...fixture2027, workdays: [{ name: '元旦', date: '2026-12-27' }] }),
    ).not.toThrow();
  });

  it('asks for the notice it comes from', () => {
    const e = problem({ ...fixture2027, source: ' ' });
    expect(e.messages.zh).toContain('通知文号');
    expect(e.messages.en).toContain('Notice number');
  });
});
