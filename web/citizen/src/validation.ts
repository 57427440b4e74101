import { CITIZEN_ID_PROBLEMS, citizenIdProblem } from '../../../src/domain/citizen-id.ts';
import { nameLength, namePartProblem, nameProblemText } from '../../../src/domain/person-name.ts';
import type { Bilingual } from './i18n.tsx';

/** The same checks the server makes, shown as the parent types (the server still checks). */
export function idNumberError(value: string): Bilingual | null {
  if (!value) return { zh: '请填写身份证号', en: 'Enter the ID number' };
  const problem = citizenIdProblem(value.toUpperCase());
  return problem && CITIZEN_ID_PROBLEMS[problem];
}

export function phoneError(value: string): Bilingual | null {
  return /^1\d{10}$/.test(value) ? null : { zh: '请填写11位手机号码', en: 'Enter an 11-digit mobile number' };
}

/** The name rule the police follow, the same one the server applies (src/domain/person-name.ts). */
export function namePartError(value: string, maxLength: number, whole: string): Bilingual | null {
  const problem = namePartProblem(value.trim());
  if (problem) return nameProblemText(problem, maxLength);
  return nameLength(whole) > maxLength ? nameProblemText('too-long', maxLength) : null;
}

/** A birth moment typed when there is no delivery record: not in the future, and a real date. */
export function bornAtError(value: string, now: Date): Bilingual | null {
  const at = new Date(value);
  if (!value || Number.isNaN(at.getTime()))
    return { zh: '请填写出生日期和时间', en: 'Enter the date and time of birth' };
  return at > now ? { zh: '出生时间不能晚于现在', en: 'The birth cannot be in the future' } : null;
}
