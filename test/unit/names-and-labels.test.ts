import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { babyKey } from '../../src/domain/baby.ts';
import { formatInstant } from '../../src/domain/local-date.ts';
import { fieldLabel } from '../../src/domain/labels.ts';
import { babyNameProblem, DEFAULT_NAME_MAX_LENGTH, namePartProblem } from '../../src/domain/person-name.ts';
import { isCleanText } from '../../src/domain/text.ts';
import { DEPARTMENTS } from '../../src/departments/index.ts';
import type { CaseForm } from '../../src/departments/port.ts';
import { buildForm } from '../../src/engine/form.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { run, family } from '../support/harness.ts';
import { parseFacts } from '../../src/policy/facts.ts';
import { sampleFacts } from '../../src/policy/sample-facts.ts';

describe('names the police accept (one rule, app and server)', () => {
  it.each([
    ['李', null],
    ['小宝', null],
    ['𠀀宝', null], // CJK Extension B: outside the Basic Multilingual Plane
    ['阿依古丽·买买提', null], // the middle dot of minority names
    ['〇', null],
    ['', 'empty'],
    ['小宝😀', 'not-chinese'],
    ['Tom', 'not-chinese'],
    ['小宝2', 'not-chinese'],
    ['小 宝', 'not-chinese'],
    ['小.宝', 'not-chinese'],
    ['·小宝', 'misplaced-dot'],
    ['小宝·', 'misplaced-dot'],
    ['阿依··古丽', 'misplaced-dot'],
  ])('%s → %s', (name, problem) => {
    expect(namePartProblem(name)).toBe(problem);
  });

  it('a whole name over the limit is an error naming the given name, never cut short; the limit counts characters, not UTF-16 units', () => {
    expect(
      babyNameProblem('李', '一'.repeat(DEFAULT_NAME_MAX_LENGTH - 1), DEFAULT_NAME_MAX_LENGTH),
    ).toBeNull();
    expect(babyNameProblem('李', '一'.repeat(DEFAULT_NAME_MAX_LENGTH), DEFAULT_NAME_MAX_LENGTH)).toEqual({
      part: 'givenName',
      problem: 'too-long',
    });
    // Twenty rare characters are forty UTF-16 units and still twenty characters.
    expect(
      babyNameProblem('𠀀', '𠀁'.repeat(DEFAULT_NAME_MAX_LENGTH - 1), DEFAULT_NAME_MAX_LENGTH),
    ).toBeNull();
  });

  it('property: any run of Chinese characters within the limit is accepted as typed', () => {
    const han = fc.constantFrom(...'李王张刘陈杨黄赵吴周安然思远子涵若溪晨曦𠀀𠀁𪚥𫠠'.match(/./gu)!);
    fc.assert(
      fc.property(
        fc.array(han, { minLength: 1, maxLength: 10 }),
        (chars) => namePartProblem(chars.join('')) === null,
      ),
    );
  });

  it('property: a name with any letter, digit, emoji or symbol in it is refused', () => {
    const other = fc.constantFrom('a', 'Z', '1', '😀', '!', '-', '_', '@', ' ', '\u0000', 'é', 'ー');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 4 }),
        other,
        fc.string({ maxLength: 4 }),
        (a, bad, b) =>
          namePartProblem(
            `小${a.replace(/[^\p{Script=Han}]/gu, '')}${bad}${b.replace(/[^\p{Script=Han}]/gu, '')}宝`,
          ) !== null,
      ),
    );
  });
});

describe('one baby, one key', () => {
  it('twins differ by birth order; the same baby typed or recorded is one key, to the minute', () => {
    const m = '350583199503081221';
    expect(babyKey(m, '2026-11-30T02:05:10.000Z', 1)).not.toBe(babyKey(m, '2026-11-30T02:05:10.000Z', 2));
    expect(babyKey(m, '2026-11-30T10:05:59+08:00', 1)).toBe(babyKey(m, '2026-11-30T02:05:00.000Z', 1));
  });
});

describe('clean text', () => {
  it.each([
    ['普通文字 and text', true],
    ['tab\tand\nline breaks', true],
    ['𠀀 a surrogate pair', true],
    ['nul\u0000', false],
    ['bell\u0007', false],
    ['lone \uD800 high', false],
    ['lone \uDC00 low', false],
  ])('%j → %s', (s, clean) => expect(isCleanText(s)).toBe(clean));
});

describe('one date and time format everywhere', () => {
  it('Beijing time; a deadline at midnight reads as the end of its day (24:00)', () => {
    expect(formatInstant('2026-12-03T16:00:00.000Z')).toBe('2026-12-03 24:00');
    expect(formatInstant('2026-12-03T16:00:01.000Z')).toBe('2026-12-04 00:00');
    expect(formatInstant(new Date('2026-12-03T01:30:00Z'))).toBe('2026-12-03 09:30');
  });
});

describe('no code names: every field a department receives has a label', () => {
  for (const policy of Object.values(POLICIES)) {
    it(`${policy.region}: each department's task fields read as words`, () => {
      const facts = parseFacts(sampleFacts(policy.region));
      const evaluation = run(policy.region, family(policy.region));
      const form = buildForm(facts, evaluation, {
        contact: { phone: '13900001111', mailingAddress: null },
        uploads: [],
      }) as CaseForm;
      const paths = (v: unknown, prefix = ''): string[] =>
        v === null || typeof v !== 'object' || Array.isArray(v)
          ? [prefix]
          : Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
              paths(x, prefix ? `${prefix}.${k}` : k),
            );
      for (const item of evaluation.plan) {
        const fields = DEPARTMENTS[item.department].taskFields(item.id, form, {
          citizenIdNumber: '1',
          certificateNumber: '1',
        });
        for (const path of paths(fields))
          expect(fieldLabel(path), `${item.department} ${path}`).not.toBeNull();
      }
    });
  }
});
