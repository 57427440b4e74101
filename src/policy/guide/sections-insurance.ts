/**
 * The resident medical insurance section. The documents state the newborn's window, late payment, the
 * next year's enrolment and the premium share in region-specific ways (or not at all), so this section
 * has its own file with the month names and percentages only it needs.
 */
import { insuranceWindowText } from '../condition-text.ts';
import { field, heading, prose } from './markdown.ts';
import type { Section } from './section.ts';
import { COVERAGE_AFTER } from './words.ts';

export const insurance: Section = {
  shows: ['insurance'],
  render: ({ policy, cite }) => {
    const ins = policy.insurance;
    const head = heading(2, { zh: '城乡居民医保参保', en: 'Resident medical insurance' });
    if (!ins.stated) return [...head, ...prose(ins.note, `〔${cite(ins.citation)}〕`)];
    const win = insuranceWindowText(ins.window);
    const gap = ins.coverage.afterWindowFrom;
    const after = COVERAGE_AFTER[ins.coverage.afterWindow];
    const n = ins.nextYear;
    const [month, day] = n ? n.bornFrom.split('-').map(Number) : [];
    const s = ins.premiumShare;
    return [
      ...head,
      field(
        { zh: '参保期限', en: 'Newborn window' },
        {
          zh: `${win.zh}参保缴费的，自出生之日起享受待遇〔${cite(ins.citation)}〕`,
          en: `paying ${win.en}: covered from the birth day`,
        },
      ),
      field(
        { zh: '超过期限缴费', en: 'Paying later' },
        gap
          ? {
              zh: `出生满${gap.months}个月后缴费的，${after.zh}；期限届满至满${gap.months}个月之间缴费的，文件未规定〔${cite(ins.coverage.citation)}〕`,
              en: `paying after ${gap.months} months: ${after.en}; between the window's end and ${gap.months} months the documents are silent`,
            }
          : { zh: `${after.zh}〔${cite(ins.coverage.citation)}〕`, en: after.en },
      ),
      ...(n
        ? [
            field(
              { zh: '次年参保', en: 'The next year' },
              {
                zh: `${month}月${day}日至12月31日出生的可办理次年参保${n.requiresCurrent ? '（须与当年一并办理）' : ''}，待遇${n.coverageStart === 'birth-date' ? '自出生之日起' : '自次年1月1日起'}〔${cite(n.citation)}〕`,
                en: `babies born from ${day} ${MONTHS_EN[month! - 1]} to 31 December may enroll for the next year${n.requiresCurrent ? ' together with the current one' : ''}, covered from ${n.coverageStart === 'birth-date' ? 'the birth day' : '1 January of the next year'}`,
              },
            ),
          ]
        : []),
      ...(s
        ? [
            field(
              { zh: '缴费比例', en: 'Share of the premium' },
              {
                zh: `上半年出生的缴纳个人缴费部分的${pct(s.firstHalfBirth)}，下半年出生的缴纳${pct(s.secondHalfBirth)}〔${cite(s.citation)}〕`,
                en: `born January to June: ${pct(s.firstHalfBirth)} of the personal premium; July to December: ${pct(s.secondHalfBirth)}`,
              },
            ),
          ]
        : []),
    ];
  },
};

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
