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
      /** What the family must know before paying: a gap in the documents, a year left uncovered. */
      warnings: { text: Bilingual; citation: Citation }[];
      citations: Citation[];
    }
  | { stated: false; note: Bilingual; citations: Citation[] };

/** The last day on which paying still covers the baby from the birth day. */
export function newbornWindowEnds(rules: InsuranceRules & { stated: true }, birthDate: LocalDate): LocalDate {
  return 'days' in rules.window
    ? addDays(birthDate, rules.window.days)
    : addMonths(birthDate, rules.window.months);
}

export function insuranceTerms(
  rules: InsuranceRules,
  birthDate: LocalDate,
  paymentDate: LocalDate,
  chosen: InsuranceYear[] | undefined,
): InsuranceTerms {
  if (!rules.stated) return { stated: false, note: rules.note, citations: [rules.citation] };

  const windowEnds = newbornWindowEnds(rules, birthDate);
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
  const warnings: { text: Bilingual; citation: Citation }[] = [];
  const lateFrom = rules.coverage.afterWindowFrom
    ? addMonths(birthDate, rules.coverage.afterWindowFrom.months)
    : windowEnds;
  const start = paidWithinWindow
    ? birthDate
    : rules.coverage.afterWindow === 'payment-date'
      ? paymentDate
      : addDays(paymentDate, 1);
  if (!paidWithinWindow && rules.coverage.afterWindow === 'unstated') {
    warnings.push({
      text: {
        zh: '缴费晚于新生儿参保期限，文件未规定此时的待遇起算日，请向参保地医保经办机构咨询',
        en: 'payment falls after the newborn window; the documents do not say when coverage then starts, so ask the local medical security office',
      },
      citation: rules.coverage.citation,
    });
  } else if (rules.coverage.afterWindowFrom && paymentDate > windowEnds && paymentDate <= lateFrom) {
    warnings.push({
      text: {
        zh: `缴费日在新生儿参保期限（${windowEnds}止）之后、出生满${rules.coverage.afterWindowFrom!.months}个月（${lateFrom}）之前，文件未规定此时的待遇起算日，请在期限内缴费或向参保地医保经办机构咨询`,
        en: `the payment falls after the newborn window (ending ${windowEnds}) but before ${rules.coverage.afterWindowFrom!.months} months from birth (${lateFrom}); the documents do not say when coverage then starts, so pay within the window or ask the local medical security office`,
      },
      citation: rules.coverage.citation,
    });
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
    const birthYearCovered = coverage.some((c) => c.start <= birthDate || c.year === birth.year);
    if (years.length > 0 && !birthYearCovered && rules.nextYear) {
      warnings.push({
        text: {
          zh: `只选择了次年参保：出生当年（${birthDate}至${birth.year}-12-31）不在保障范围内；如需出生当年的医保待遇，请同时选择当年`,
          en: `only the next year is chosen: the birth year (${birthDate} to ${birth.year}-12-31) is not covered; to be covered from birth, choose the current year too`,
        },
        citation: rules.nextYear.citation,
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
    warnings,
    citations,
  };
}
