import { expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import type { RegionId } from '../../src/domain/ids.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { evaluate, type Evaluation, type Finding } from '../../src/policy/evaluate.ts';
import { parseFacts, type FactsInput } from '../../src/policy/facts.ts';
import { sampleFacts, SAMPLE_SUBMITTED_AT } from '../../src/policy/sample-facts.ts';

export const calendar = officialCalendar();

export type Mutation = (f: Required<Pick<FactsInput, 'choices' | 'baby' | 'mother'>> & FactsInput) => void;

/** The region's sample family, changed by `mutate`. */
export function family(region: RegionId, mutate?: Mutation): FactsInput {
  const f = structuredClone(sampleFacts(region)) as Parameters<Mutation>[0];
  mutate?.(f);
  return f;
}

export function run(region: RegionId, facts: FactsInput, at: string = SAMPLE_SUBMITTED_AT): Evaluation {
  return evaluate({ policy: POLICIES[region], facts: parseFacts(facts), at: new Date(at), calendar });
}

export function finding(result: Evaluation, ruleId: string): Finding {
  const f = result.findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`no finding ${ruleId}`);
  return f;
}

/** Another valid citizen ID number, for "someone else" in a record. */
export const strangerId = makeCitizenId('110105', '1990-01-01', 155);

export interface RuleCase {
  rule: string;
  /** The clause the test is named after; it must be the rule's own citation. */
  clause: string;
  /** A family for which the rule holds (default: the sample family). */
  pass?: Mutation;
  passAt?: string;
  /** The rule is expected not to apply to the `pass` family. */
  passIsNotApplicable?: boolean;
  fail: Mutation;
  failAt?: string;
}

/**
 * One test per rule and direction. A failing case must name its clause, give a reason and a
 * remedy, and have the effect the rule's scope says: refuse the case, leave the item out, or only
 * advise. A passing case must pass (or not apply) and leave the family eligible.
 */
export function ruleTable(region: RegionId, cases: RuleCase[]) {
  const policy = POLICIES[region];
  for (const c of cases) {
    const rule = policy.rules.find((r) => r.id === c.rule);
    const name = `${rule?.citation.file} ${c.clause} · ${c.rule}`;
    it(`${name}: holds`, () => {
      expect(rule, `rule ${c.rule} exists`).toBeDefined();
      expect(`${rule!.citation.clause}`).toBe(c.clause);
      const result = run(region, family(region, c.pass), c.passAt);
      expect(finding(result, c.rule).outcome).toBe(c.passIsNotApplicable ? 'not-applicable' : 'passed');
      expect(
        result.findings
          .filter((f) => f.outcome === 'failed' && f.effect === 'refuse' && f.scope === 'case')
          .map((f) => f.ruleId),
      ).toEqual([]);
      expect(result.eligible).toBe(true);
    });
    it(`${name}: fails, with reason, clause and remedy`, () => {
      const result = run(region, family(region, c.fail), c.failAt);
      const f = finding(result, c.rule);
      expect(f.outcome).toBe('failed');
      expect(f.reason?.zh).toBeTruthy();
      expect(f.reason?.en).toBeTruthy();
      expect(f.remedy?.text.zh).toBeTruthy();
      expect(f.citation).toEqual(rule!.citation);
      if (rule!.effect === 'advise') {
        expect(result.eligible).toBe(true);
      } else if (rule!.scope === 'case') {
        expect(result.eligible).toBe(false);
        expect(result.plan).toEqual([]);
      } else {
        expect(result.plan.map((p) => p.id)).not.toContain(rule!.scope);
        expect(result.leftOut).toContainEqual(
          expect.objectContaining({ id: rule!.scope, reason: 'rule', ruleId: c.rule }),
        );
      }
    });
  }
  it('every rule of the policy has a case in this table', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(
      expect.arrayContaining(policy.rules.map((r) => r.id).sort()),
    );
    expect(new Set(cases.map((c) => c.rule)).size).toBe(policy.rules.length);
  });
}
