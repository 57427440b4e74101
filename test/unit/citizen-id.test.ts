import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateOf,
  checkCharacter,
  citizenIdProblem,
  isCitizenId,
  makeCitizenId,
  sexOf,
} from '../../src/domain/citizen-id.ts';

describe('GB 11643-1999 citizen ID numbers', () => {
  it.each([
    ['11010519491231002X', 'the standard’s own example, check character X'],
    ['440524188001010014', 'the standard’s second example'],
  ])('%s is valid (%s)', (id) => {
    expect(citizenIdProblem(id)).toBeNull();
  });

  it.each([
    ['110105194912310021', 'checksum'],
    ['440524188001010015', 'checksum'],
    ['11010519491231002x', 'format'],
    ['1101051949123100', 'format'],
    ['99010519491231002X', 'province'],
    ['110105194902300027', 'birth-date'],
  ])('%s is rejected: %s', (id, problem) => {
    expect(citizenIdProblem(id)).toBe(problem);
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });

  it('reads the birth date and sex', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(sexOf('11010519491231002X')).toBe('female');
    expect(sexOf('440524188001010014')).toBe('male');
  });

  it('every composed number is valid, and changing any one digit breaks it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('370303', '620102', '511702', '350583', '340104'),
        fc.date({ min: new Date('1950-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 16 }),
        (division, birth, seq, pos) => {
          const id = makeCitizenId(division, birth.toISOString().slice(0, 10), seq);
          expect(isCitizenId(id)).toBe(true);
          const digit = Number(id[pos]);
          const changed = id.slice(0, pos) + String((digit + 1) % 10) + id.slice(pos + 1);
          expect(isCitizenId(changed)).toBe(false);
        },
      ),
    );
  });
});
