import { isLocalDate, type LocalDate } from './local-date.ts';
import { isProvinceCode } from './division.ts';
import type { Bilingual } from './text.ts';

/**
 * 公民身份号码, GB 11643-1999: six digits of the registering division (GB/T 2260), eight of the
 * birth date, three of sequence (odd for men, even for women) and one ISO 7064 MOD 11-2 check
 * character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need the first 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type CitizenIdProblem = 'format' | 'province' | 'birth-date' | 'checksum';

/** Why an ID number is not valid, or null when it is. */
export function citizenIdProblem(id: string): CitizenIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!isProvinceCode(id.slice(0, 2))) return 'province';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isLocalDate(birth)) return 'birth-date';
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return 'checksum';
  return null;
}

/** What each problem means to the person typing the number; the API and the app say the same. */
export const CITIZEN_ID_PROBLEMS: Record<CitizenIdProblem, Bilingual> = {
  format: {
    zh: '公民身份号码应为18位，前17位为数字，末位为数字或X',
    en: 'a citizen ID number has 18 characters: 17 digits, then a digit or X',
  },
  province: {
    zh: '公民身份号码前两位不是有效的省级行政区划代码',
    en: 'the first two digits of the citizen ID number are not a province code',
  },
  'birth-date': {
    zh: '公民身份号码中的出生日期无效',
    en: 'the birth date inside the citizen ID number is not a real date',
  },
  checksum: {
    zh: '公民身份号码校验位错误，请核对',
    en: 'the citizen ID number check character is wrong; please check the number',
  },
};

export function isCitizenId(id: string): boolean {
  return citizenIdProblem(id) === null;
}

export function birthDateOf(id: string): LocalDate {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function sexOf(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Compose a valid number; the simulators and tests use this to make synthetic people. */
export function makeCitizenId(divisionCode: string, birth: LocalDate, sequence: number): string {
  const first17 = `${divisionCode}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** 3505**********1234: the first four and last four characters of an ID number. */
export function maskId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : id;
}
