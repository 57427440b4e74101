import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/error.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { citations, definePolicy } from '../../src/policy/define-policy.ts';
import type { PolicyInput } from '../../src/policy/schema.ts';

const c = { file: '000', clause: '一' } as const;
const text = { zh: '条件', en: 'condition' };

function minimal(): PolicyInput {
  return {
    region: 'zibo',
    shortName: { zh: '淄博', en: 'Zibo' },
    name: text,
    sources: [{ file: '000', title: 't' }],
    divisions: ['3703'],
    channel: { description: text, citation: c },
    items: [
      { id: 'birth-certificate', name: text, department: 'midwifery-institution', citation: c },
      {
        id: 'hukou-registration',
        name: text,
        department: 'police',
        dependsOn: ['birth-certificate'],
        citation: c,
      },
    ],
    scenarios: [{ id: 'full', name: text, citation: c }],
    applicants: { roles: ['mother'], citation: c },
    supplements: { offered: false, citation: c },
    rules: [
      {
        id: 'named',
        scope: 'case',
        require: { is: 'baby-named' },
        requirement: text,
        refusal: text,
        remedy: { kind: 'apply-offline', text },
        citation: c,
      },
    ],
    insurance: { stated: false, note: text, citation: c },
    notices: [{ text, citation: c }],
  };
}

function problemsOf(mutate: (p: PolicyInput & Record<string, unknown>) => void): string {
  const p = structuredClone(minimal()) as PolicyInput & Record<string, unknown>;
  mutate(p);
  try {
    definePolicy(p);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('INVALID_POLICY');
    return JSON.stringify((e as AppError).details.issues);
  }
  return 'accepted';
}

describe('definePolicy()', () => {
  it('accepts a minimal consistent policy and freezes it', () => {
    const p = definePolicy(minimal());
    expect(Object.isFrozen(p) && Object.isFrozen(p.items[0])).toBe(true);
  });

  it('each number in one place: a text quoting {{figure}} takes the number from where the rules set it', () => {
    const withFigure = (days: number) => {
      const p = minimal();
      p.rules[0]!.require = { is: 'baby-age-within-days', days };
      p.rules[0]!.id = 'within-days';
      p.figures = { 'window-days': 'rules.within-days.require.days' };
      p.notices = [
        { text: { zh: '出生{{window-days}}天内申请', en: 'apply within {{window-days}} days' }, citation: c },
      ];
      return definePolicy(p);
    };
    expect(withFigure(90).notices[0]!.text).toEqual({ zh: '出生90天内申请', en: 'apply within 90 days' });
    expect(withFigure(60).notices[0]!.text.zh).toBe('出生60天内申请');
    expect(withFigure(60).figures).toEqual({ 'window-days': 60 });
  });

  it.each([
    [
      'a figure whose path leads to no number',
      (p: PolicyInput) => {
        p.figures = { days: 'insurance.window.days' };
      },
      /figures\.days.*insurance\.window\.days/,
    ],
    [
      'a text quoting a figure that is not defined',
      (p: PolicyInput) => {
        p.notices = [{ text: { zh: '{{nothing}}天', en: 'x' }, citation: c }];
      },
      /notices\[0\]\.text\.zh/,
    ],
    [
      'a service with a time limit',
      (p: PolicyInput) => {
        p.items[0] = { ...p.items[0]!, kind: 'service', sla: { unit: 'on-the-spot', citation: c } };
      },
      /items\[0\]/,
    ],
    [
      'a dependency on an item not offered',
      (p: PolicyInput) => {
        p.items[1]!.dependsOn = ['social-security-card'];
      },
      /items\[1\]\.dependsOn\[0\].*social-security-card/,
    ],
    [
      'a dependency cycle',
      (p: PolicyInput) => {
        p.items[0]!.dependsOn = ['hukou-registration'];
      },
      /cycle/,
    ],
    [
      'a package without what its items depend on',
      (p: PolicyInput) => {
        p.packages = [{ id: 'p', name: text, items: ['hukou-registration'], citation: c }];
      },
      /packages\[0\].*birth-certificate/,
    ],
    [
      'a rule scoped to an item not offered',
      (p: PolicyInput) => {
        p.rules[0]!.scope = 'maternity-benefit';
      },
      /rules\[0\]\.scope/,
    ],
    [
      'two rules with one id',
      (p: PolicyInput) => {
        p.rules.push(structuredClone(p.rules[0]!));
      },
      /named/,
    ],
    [
      'a citation of a file that is not a source',
      (p: PolicyInput) => {
        p.rules[0]!.citation = { file: '003', clause: 'x' };
      },
      /rules\[0\]\.citation.*003/,
    ],
    [
      'a personal mobile as a hotline',
      (p: PolicyInput) => {
        p.hotlines = [{ name: text, number: '18193176060', citation: c }];
      },
      /hotlines\[0\]/,
    ],
    [
      'no full scenario',
      (p: PolicyInput) => {
        p.scenarios = [{ id: 'has-hukou-book', name: text, citation: c }];
      },
      /full/,
    ],
    [
      'a material for an item not offered',
      (p: PolicyInput) => {
        p.materials = [{ id: 'm', name: text, forItems: ['social-security-card'], citation: c }];
      },
      /materials\[0\]/,
    ],
  ])('rejects %s, naming where', (_name, mutate, pattern) => {
    expect(problemsOf(mutate as never)).toMatch(pattern);
  });

  it.each([
    [
      'a rule without a citation',
      (p: Record<string, unknown>) => {
        delete (p.rules as Record<string, unknown>[])[0]!.citation;
      },
      /rules.*citation/,
    ],
    [
      'a rule without a remedy',
      (p: Record<string, unknown>) => {
        delete (p.rules as Record<string, unknown>[])[0]!.remedy;
      },
      /remedy/,
    ],
    [
      'an unknown predicate',
      (p: Record<string, unknown>) => {
        (p.rules as Record<string, unknown>[])[0]!.require = { is: 'parent-is-nice' };
      },
      /require/,
    ],
    [
      'a predicate with wrong arguments',
      (p: Record<string, unknown>) => {
        (p.rules as Record<string, unknown>[])[0]!.require = { is: 'baby-age-under-months', months: -1 };
      },
      /require/,
    ],
    [
      'a reason without English',
      (p: Record<string, unknown>) => {
        (p.rules as Record<string, unknown>[])[0]!.refusal = { zh: '原因' };
      },
      /refusal\.en/,
    ],
  ])('rejects %s in the schema', (_name, mutate, pattern) => {
    expect(problemsOf(mutate)).toMatch(pattern);
  });
});

describe('the five shipped policies', () => {
  for (const policy of Object.values(POLICIES)) {
    it(`${policy.region}: every citation points into its own seed document, with a clause`, () => {
      const all = citations(policy);
      expect(all.length).toBeGreaterThan(20);
      for (const cite of all) {
        expect(
          policy.sources.map((s) => s.file),
          cite.path,
        ).toContain(cite.file);
        expect(cite.clause.trim(), cite.path).not.toBe('');
      }
    });

    it(`${policy.region}: every refusal says why and what to do instead, in Chinese and English`, () => {
      for (const r of policy.rules) {
        expect(r.refusal.zh && r.refusal.en && r.remedy.text.zh && r.remedy.text.en, r.id).toBeTruthy();
      }
    });

    it(`${policy.region}: no hotline is a personal mobile number`, () => {
      for (const h of policy.hotlines) expect(h.number).not.toMatch(/(^|\D)1[3-9]\d{9}($|\D)/);
    });
  }
});
