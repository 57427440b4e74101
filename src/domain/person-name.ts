import type { Bilingual } from './text.ts';

/**
 * Names the police will register: Chinese characters, including rare characters outside the
 * Basic Multilingual Plane (生僻字, CJK Extension B and later, which JavaScript sees as surrogate
 * pairs), and the middle dot "·" that joins the parts of many ethnic-minority names. No emoji,
 * Latin letters, digits or other symbols. A name is never cut short: one over the limit is an error.
 * The same rule runs in the parents' app and on the server.
 */

/** The default limit on a whole name (surname and given name), in characters. Minority names
 * such as “阿卜杜热合曼·买买提艾力” run to a dozen characters and more; 20 leaves room. */
export const DEFAULT_NAME_MAX_LENGTH = 20;

export const NAME_DOT = '·';

const HAN = /^\p{Script=Han}$/u;

export type NameProblem = 'empty' | 'not-chinese' | 'misplaced-dot' | 'too-long';

/** Counted in characters as a person sees them, not in UTF-16 units. */
export function nameLength(name: string): number {
  return [...name].length;
}

/** What is wrong with one part of a name (a surname or a given name), if anything. */
export function namePartProblem(part: string): NameProblem | null {
  const chars = [...part];
  if (chars.length === 0) return 'empty';
  if (chars.some((c) => c !== NAME_DOT && !HAN.test(c))) return 'not-chinese';
  if (chars[0] === NAME_DOT || chars[chars.length - 1] === NAME_DOT || part.includes(NAME_DOT + NAME_DOT)) {
    return 'misplaced-dot';
  }
  return null;
}

/** The first problem of a surname and given name together, with the part it concerns. */
export function babyNameProblem(
  surname: string,
  givenName: string,
  maxLength: number,
): { part: 'surname' | 'givenName'; problem: NameProblem } | null {
  const s = namePartProblem(surname);
  if (s) return { part: 'surname', problem: s };
  const g = namePartProblem(givenName);
  if (g) return { part: 'givenName', problem: g };
  if (nameLength(surname) + nameLength(givenName) > maxLength)
    return { part: 'givenName', problem: 'too-long' };
  return null;
}

export function nameProblemText(problem: NameProblem, maxLength: number): Bilingual {
  switch (problem) {
    case 'empty':
      return { zh: '请填写', en: 'is required' };
    case 'not-chinese':
      return {
        zh: '只能填写汉字（含生僻字）和少数民族姓名间隔号“·”，不能含字母、数字、表情或其他符号',
        en: 'may hold only Chinese characters (rare ones included) and the middle dot “·” of minority names; no letters, digits, emoji or other symbols',
      };
    case 'misplaced-dot':
      return {
        zh: '间隔号“·”只能用在两个字之间，且不能连用',
        en: 'the middle dot “·” goes only between two characters, never twice in a row',
      };
    case 'too-long':
      return {
        zh: `姓名合计不能超过 ${maxLength} 个字`,
        en: `the whole name may have at most ${maxLength} characters`,
      };
  }
}
