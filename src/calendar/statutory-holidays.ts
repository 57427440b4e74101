import chineseDays from 'chinese-days';
import { addDays, type LocalDate } from '../domain/local-date.ts';

/**
 * The statutory public holidays of 《全国年节及纪念日放假办法》 as revised in 2024 (国务院令第795号,
 * in force from 1 January 2025): 13 days a year. The State Council General Office turns them into
 * each year's arrangement (with bridging days and weekends worked, 调休); until it publishes one,
 * these days and the weekends are all the calendar can honestly say (official-calendar.ts).
 */

/** The first year the 2024 revision governs; earlier years had other holidays (no New Year's Eve, 3 days in May before 2008). */
export const STATUTORY_RULES_FROM = 2025;

export interface StatutoryHoliday {
  id:
    | 'new-year'
    | 'spring-festival'
    | 'qingming'
    | 'labour-day'
    | 'dragon-boat'
    | 'mid-autumn'
    | 'national-day';
  zh: string;
  en: string;
  dates: LocalDate[];
}

/** 第二条 全体公民放假的节日, in the order the article lists them. */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const lunarNewYear = solarFromLunar(year, 1, 1);
  return [
    { id: 'new-year', zh: '元旦', en: "New Year's Day", dates: [date(year, 1, 1)] },
    {
      // 农历除夕、正月初一至初三: the eve is the day before the first day, whether the 29th or the 30th.
      id: 'spring-festival',
      zh: '春节',
      en: 'Spring Festival',
      dates: [-1, 0, 1, 2].map((d) => addDays(lunarNewYear, d)),
    },
    { id: 'qingming', zh: '清明节', en: 'Qingming Festival', dates: [qingming(year)] },
    { id: 'labour-day', zh: '劳动节', en: 'Labour Day', dates: [date(year, 5, 1), date(year, 5, 2)] },
    { id: 'dragon-boat', zh: '端午节', en: 'Dragon Boat Festival', dates: [solarFromLunar(year, 5, 5)] },
    { id: 'mid-autumn', zh: '中秋节', en: 'Mid-Autumn Festival', dates: [solarFromLunar(year, 8, 15)] },
    {
      id: 'national-day',
      zh: '国庆节',
      en: 'National Day',
      dates: [date(year, 10, 1), date(year, 10, 2), date(year, 10, 3)],
    },
  ];
}

function date(year: number, month: number, day: number): LocalDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A day of a (non-leap) lunar month as a Beijing date, by chinese-days' own lunar table. The
 * package reads a 'YYYY-MM-DD' string as UTC midnight but the parts of a Date in local time, so
 * west of Greenwich a string would land a day early; a local Date gives the same answer everywhere.
 */
function solarFromLunar(lunarYear: number, month: number, day: number): LocalDate {
  return chineseDays.getSolarDateFromLunar(new Date(lunarYear, month - 1, day)).date;
}

/**
 * 清明: the day of the pure-brightness solar term (4 or 5 April), by chinese-days' solar-term
 * formula. The package formats that day from UTC midnight in local time, so west of Greenwich it
 * answers the day before; the true day is the one whose UTC midnight reads as the answer locally.
 */
function qingming(year: number): LocalDate {
  const answer = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  const [y, m, d] = answer.split('-').map(Number) as [number, number, number];
  for (const shift of [0, 1]) {
    const candidate = new Date(Date.UTC(y, m - 1, d + shift));
    if (candidate.getFullYear() === y && candidate.getMonth() === m - 1 && candidate.getDate() === d)
      return candidate.toISOString().slice(0, 10);
  }
  throw new Error(`chinese-days gave no usable date for 清明 ${year}: ${answer}`);
}
