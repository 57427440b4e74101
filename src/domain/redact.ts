import { maskId } from './citizen-id.ts';

/**
 * Personal data as lists, logs, texts and errors show it (PIPL's minimum necessary): enough for the
 * person concerned to recognise, not enough for anyone else to use.
 */

/** 张* / 欧阳** : the surname's first character, the rest starred (a one-character name is starred whole). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 139****1111: a mobile number's first three and last four digits. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '*'.repeat(phone.length);
}

// An 18-character citizen ID or an 11-digit mobile number inside other text, not part of a longer
// run of digits (a case number or a timestamp).
const CITIZEN_ID_IN_TEXT = /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;

/** Any text bound for a log or an error report, with ID and mobile numbers masked. */
export function redactText(text: string): string {
  return text.replace(CITIZEN_ID_IN_TEXT, maskId).replace(MOBILE_IN_TEXT, maskPhone);
}
