import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import type { LocalDate } from '../../src/domain/local-date.ts';
import { maskName, maskPhone, redactText } from '../../src/domain/redact.ts';

const citizenId = fc
  .tuple(
    fc.constantFrom('110105', '350503', '340104', '620102', '510107'),
    fc.date({ min: new Date('1950-01-01'), max: new Date('2026-11-30'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([division, d, n]) => makeCitizenId(division, d.toISOString().slice(0, 10) as LocalDate, n));
const mobile = fc.stringMatching(/^1[3-9][0-9]{9}$/);

describe('personal data in logs, texts and errors', () => {
  it('masks every ID and mobile number inside any text', () => {
    fc.assert(
      fc.property(fc.string(), citizenId, fc.string(), mobile, fc.string(), (a, id, b, phone, c) => {
        const out = redactText(`${a} ${id} ${b}:${phone}\n${c}`);
        expect(out).not.toContain(id);
        expect(out).not.toContain(phone);
        expect(out).toContain(`${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`);
        expect(out).toContain(maskPhone(phone));
      }),
    );
  });

  it('leaves longer runs of digits alone: case numbers, timestamps, amounts', () => {
    expect(redactText('T-1 1733456789012345678 at 20261201103000123')).toBe(
      'T-1 1733456789012345678 at 20261201103000123',
    );
    expect(redactText('duplicate key (mother_id_number)=(35050319900101002X)')).toBe(
      'duplicate key (mother_id_number)=(3505**********002X)',
    );
  });

  it('a name keeps its first character', () => {
    expect(maskName('王芳')).toBe('王*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('𠀋一')).toBe('𠀋*');
    expect(maskName('李')).toBe('*');
    expect(maskPhone('13900001111')).toBe('139****1111');
  });
});
