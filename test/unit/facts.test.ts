/* eslint-disable @typescript-eslint/no-explicit-any -- these tests write input the types forbid, on purpose */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/error.ts';
import { fieldLabel } from '../../src/domain/labels.ts';
import { parseFacts } from '../../src/policy/facts.ts';
import { sampleFacts } from '../../src/policy/sample-facts.ts';

function errorOf(input: unknown): AppError {
  try {
    parseFacts(input);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('facts: bad input gets a clear error naming the field, in Chinese and English', () => {
  it.each([
    [
      'a wrong ID check character',
      (f: Record<string, any>) => {
        f.mother.idNumber = f.mother.idNumber.slice(0, 17) + (f.mother.idNumber[17] === '1' ? '2' : '1');
      },
      'mother.idNumber',
      /校验位/,
      /check character/,
    ],
    [
      'an unknown division',
      (f: Record<string, any>) => {
        f.baby.birthPlace.divisionCode = '990101';
      },
      'baby.birthPlace.divisionCode',
      /行政区划/,
      /division code/,
    ],
    [
      'a date that does not exist',
      (f: Record<string, any>) => {
        f.marriage.registeredOn = '2023-02-29';
      },
      'marriage.registeredOn',
      /日期/,
      /real date/,
    ],
    [
      'an instant without an offset',
      (f: Record<string, any>) => {
        f.baby.bornAt = '2026-11-10 08:30';
      },
      'baby.bornAt',
      /格式/,
      /format/,
    ],
    [
      'a missing field',
      (f: Record<string, any>) => {
        delete f.choices.followParent;
      },
      'choices.followParent',
      /必填/,
      /required/,
    ],
    [
      'an unknown field (a typo is never silently dropped)',
      (f: Record<string, any>) => {
        f.choices.folowParent = 'father';
      },
      'choices',
      /未知字段/,
      /unknown fields/,
    ],
    [
      'an ethnic group code out of GB 3304',
      (f: Record<string, any>) => {
        f.father.ethnicity = '57';
      },
      'father.ethnicity',
      /民族/,
      /ethnic/,
    ],
  ])('%s', (_name, mutate, field, zh, en) => {
    const f = structuredClone(sampleFacts('fujian')) as Record<string, any>;
    mutate(f);
    const e = errorOf(f);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.httpStatus).toBe(400);
    const issue = e.details.issues!.find((i) => i.field === field);
    expect(issue, JSON.stringify(e.details.issues)).toBeDefined();
    expect(issue!.message.zh).toMatch(zh);
    expect(issue!.message.en).toMatch(en);
    // The field is named by its label, never by its code name.
    expect(issue!.message.zh.startsWith(`${fieldLabel(field)!.zh}：`)).toBe(true);
    expect(issue!.message.en.startsWith(`${fieldLabel(field)!.en}: `)).toBe(true);
    expect(issue!.message.zh).not.toContain(field);
  });

  it('accepts the samples of every region', () => {
    for (const r of ['zibo', 'gansu-lanzhou', 'sichuan-tongchuan', 'fujian', 'anhui'] as const)
      expect(() => parseFacts(sampleFacts(r))).not.toThrow();
  });
});
