import { addDays, addMonths, daysBetween, parts, type LocalDate } from '../domain/local-date.ts';
import type { Bilingual } from '../domain/text.ts';
import type { Citation } from '../domain/citation.ts';
import type { InsuranceRules } from './schema.ts';

/**
 * The resident medical insurance terms for one baby: which insurance years may be chosen, the
 * window in which paying gives coverage from the birth day, the premium share, and the coverage
 * a given payment date buys.
 */
export type InsuranceYear = 'current' | 'next';

export interface CoveragePeriod {
  insuranceYear: InsuranceYear;
  year: number;
  start: LocalDate;
  end: LocalDate;
  basis: 'paid-within-window' | 'paid-after-window';
}

export type InsuranceTerms =
  | {
      stated: true;
      yearsOffered: InsuranceYear[];
      nextYearRequiresCurrent: boolean;
      windowEnds: LocalDate;
      premiumShare: number | null;
      paymentDate: LocalDate;
      paidWithinWindow: boolean;
      /** Empty when the documents do not say what a payment after the window buys. */
      coverage: CoveragePeriod[];
      note?: Bilingual;
      citations: Citation[];
    }
  | { stated: false; note: Bilingual; citations: Citation[] };

export function insuranceTerms(
  rules: InsuranceRules,
  birthDate: LocalDate,
  paymentDate: LocalDate,
  chosen: InsuranceYear[] | undefined,
): InsuranceTerms {
  if (!rules.stated) return { stated: false, note: rules.note, citations: [rules.citation] };

  const windowEnds =
    'days' in rules.window
      ? addDays(birthDate, rules.window.days)
      : addMonths(birthDate, rules.window.months);
  const birth = parts(birthDate);
  const nextOffered = rules.nextYear !== undefined && birthDate.slice(5) >= rules.nextYear.bornFrom;
  const yearsOffered: InsuranceYear[] = nextOffered ? ['current', 'next'] : ['current'];
  const years = (chosen ?? ['current']).filter((y) => yearsOffered.includes(y));
  const paidWithinWindow = paymentDate <= windowEnds && daysBetween(birthDate, paymentDate) >= 0;
  const citations = [
    rules.citation,
    rules.coverage.citation,
    ...(rules.nextYear ? [rules.nextYear.citation] : []),
    ...(rules.premiumShare ? [rules.premiumShare.citation] : []),
  ];

  const premiumShare = rules.premiumShare
    ? birth.month <= 6
      ? rules.premiumShare.firstHalfBirth
      : rules.premiumShare.secondHalfBirth
    : null;

  const coverage: CoveragePeriod[] = [];
  let note: Bilingual | undefined;
  const start = paidWithinWindow
    ? birthDate
    : rules.coverage.afterWindow === 'payment-date'
      ? paymentDate
      : addDays(paymentDate, 1);
  if (!paidWithinWindow && rules.coverage.afterWindow === 'unstated') {
    note = {
      zh: '缴费晚于新生儿参保期限，文件未规定此时的待遇起算日，请向参保地医保经办机构咨询',
      en: 'payment falls after the newborn window; the documents do not say when coverage then starts, so ask the local medical security office',
    };
  } else {
    // Within the window "当年" is the birth year, covered from the birth day. After it, the year is
    // the payment's (保期为投保日至缴费当年度12月31日, 003 附件2 一(五)).
    const basis = paidWithinWindow ? 'paid-within-window' : 'paid-after-window';
    const currentYear = paidWithinWindow ? birth.year : parts(paymentDate).year;
    if (years.includes('current')) {
      coverage.push({
        insuranceYear: 'current',
        year: currentYear,
        start,
        end: `${currentYear}-12-31`,
        basis,
      });
    }
    const nextYear = birth.year + 1;
    // A late payment made in the next year already buys that year as "current".
    if (years.includes('next') && !(years.includes('current') && currentYear >= nextYear)) {
      const nextStart =
        rules.nextYear!.coverageStart === 'birth-date'
          ? start
          : `${nextYear}-01-01` > start
            ? `${nextYear}-01-01`
            : start;
      coverage.push({
        insuranceYear: 'next',
        year: nextYear,
        start: nextStart,
        end: `${nextYear}-12-31`,
        basis,
      });
    }
  }
  return {
    stated: true,
    yearsOffered,
    nextYearRequiresCurrent: rules.nextYear?.requiresCurrent ?? false,
    windowEnds,
    premiumShare,
    paymentDate,
    paidWithinWindow,
    coverage,
    ...(note ? { note } : {}),
    citations,
  };
}
