import { describe, expect, it } from 'vitest';
import type { RegionId } from '../../src/domain/ids.ts';
import { policyCopy } from '../../src/engine/supervisor/whatif/policy-copy.ts';
import { POLICIES } from '../../src/policies/index.ts';

/** The what-if's policy copy: checked by the region files' own definePolicy, errors labelled in both languages. */
describe('a policy copy', () => {
  it.each(Object.keys(POLICIES) as RegionId[])(
    '%s: the live policy saved whole is a valid copy of itself',
    (r) => {
      const { policy, changes } = policyCopy(r, JSON.parse(JSON.stringify(POLICIES[r])));
      expect(policy.items).toEqual(POLICIES[r].items);
      expect(policy.rules).toEqual(POLICIES[r].rules);
      expect(changes).toEqual([]);
    },
  );

  it('takes changes by path, stepping into lists by id, and lists them', () => {
    const { policy, changes } = policyCopy('gansu-lanzhou', {
      basedOn: 'gansu-lanzhou',
      set: { 'insurance.window.days': 30, 'items.hukou-registration.sla.value': 5 },
      remove: ['rules.insurance-within-newborn-window'],
    });
    expect(policy.insurance).toMatchObject({ window: { days: 30 } });
    expect(policy.items.find((i) => i.id === 'hukou-registration')!.sla).toMatchObject({ value: 5 });
    expect(policy.rules.some((r) => r.id === 'insurance-within-newborn-window')).toBe(false);
    expect(changes.map((c) => [c.path, c.live, c.copy])).toEqual([
      ['insurance.window.days', 90, 30],
      ['items.hukou-registration.sla.value', 1, 5],
      [
        'rules.insurance-within-newborn-window',
        expect.objectContaining({ scope: 'insurance-enrollment' }),
        null,
      ],
    ]);
    // The live policy is untouched.
    expect(POLICIES['gansu-lanzhou'].insurance).toMatchObject({ window: { days: 90 } });
  });

  it.each([
    [{ basedOn: 'gansu-lanzhou', set: { 'items.no-such-item.sla.value': 2 } }, 'policy', '现行政策中没有'],
    [{ basedOn: 'gansu-lanzhou', set: { 'insurance.window.days': -1 } }, 'policy', '政策副本有误'],
    [{ basedOn: 'zibo' }, 'policy.basedOn', '修改所基于的地区'],
    [{ ...JSON.parse(JSON.stringify(POLICIES.zibo)) }, 'policy.region', '政策副本的地区'],
    [{ basedOn: 'gansu-lanzhou', set: 'everything' }, 'policy', '政策副本'],
  ])('refuses %j, naming the field in Chinese and English', (input, field, zh) => {
    let error: unknown;
    try {
      policyCopy('gansu-lanzhou', input);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { field },
      messages: {
        zh: expect.stringContaining(zh),
        en: expect.stringMatching(/[Pp]olicy copy|region|live policy/),
      },
    });
  });
});
