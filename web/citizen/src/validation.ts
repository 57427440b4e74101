import { citizenIdProblem } from '../../../src/domain/citizen-id.ts';
import type { Bilingual } from './i18n.tsx';

/** The same checks the server makes, shown as the parent types (the server still checks). */
export function idNumberError(value: string): Bilingual | null {
  if (!value) return { zh: '请填写身份证号', en: 'Enter the ID number' };
  switch (citizenIdProblem(value.toUpperCase())) {
    case null: return null;
    case 'checksum': return { zh: '身份证号校验位错误，请核对', en: 'The ID number check character is wrong; please check it' };
    case 'birth-date': return { zh: '身份证号中的出生日期无效', en: 'The birth date inside the ID number is not a real date' };
    case 'province': return { zh: '身份证号前两位不是有效的省份代码', en: 'The first two digits are not a province code' };
    default: return { zh: '身份证号应为18位，末位可为X', en: 'An ID number has 18 characters; the last may be X' };
  }
}

export function phoneError(value: string): Bilingual | null {
  return /^1\d{10}$/.test(value) ? null : { zh: '请填写11位手机号码', en: 'Enter an 11-digit mobile number' };
}

export function nameError(value: string, what: Bilingual): Bilingual | null {
  if (!value.trim()) return { zh: `请填写${what.zh}`, en: `Enter ${what.en}` };
  return /^[\u4e00-\u9fa5·]{1,10}$/.test(value.trim()) ? null : { zh: `${what.zh}应为汉字`, en: `${what.en} must be written in Chinese characters` };
}

/** A birth moment typed when there is no delivery record: not in the future, and a real date. */
export function bornAtError(value: string, now: Date): Bilingual | null {
  const at = new Date(value);
  if (!value || Number.isNaN(at.getTime())) return { zh: '请填写出生日期和时间', en: 'Enter the date and time of birth' };
  return at > now ? { zh: '出生时间不能晚于现在', en: 'The birth cannot be in the future' } : null;
}
