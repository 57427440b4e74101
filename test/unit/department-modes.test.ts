import { describe, expect, it } from 'vitest';
import { departmentModes } from '../../src/domain/organisation.ts';

describe('who answers each department of each region', () => {
  it('a region-prefixed entry wins; anything unnamed is simulated', () => {
    const modeOf = departmentModes(
      'police=workbench, midwifery-institution=workbench, fujian:police=gateway',
    );
    expect(modeOf('zibo', 'police')).toBe('workbench');
    expect(modeOf('fujian', 'police')).toBe('gateway');
    expect(modeOf('fujian', 'midwifery-institution')).toBe('workbench');
    expect(modeOf('anhui', 'hrss')).toBe('simulator');
  });
  it.each(['police=human', 'prison=workbench', 'mars:police=workbench', 'police'])(
    '“%s” is refused, naming the setting in both languages',
    (config) => {
      expect(() => departmentModes(config)).toThrow(
        expect.objectContaining({
          code: 'INVALID_INPUT',
          messages: expect.objectContaining({ zh: expect.stringContaining('DEPARTMENT_MODES') }),
        }),
      );
    },
  );
});
