/**
 * What a section is and what it reads the policy through: the Guide names places, items, scenarios and
 * conditions the way the evaluator knows them, and cites by title, 文号 and clause. Each section declares
 * the policy fields it shows, which is how the guide's test finds a schema field no section renders.
 */
import type { Citation } from '../../domain/citation.ts';
import type { ItemId, Scenario } from '../../domain/ids.ts';
import type { Bilingual } from '../../domain/text.ts';
import { citationText } from '../citation-text.ts';
import { conditionText, policyNames, scenariosWhere, type ConditionNames } from '../condition-text.ts';
import type { Condition } from '../predicates.ts';
import type { Policy } from '../schema.ts';
import { joined } from './markdown.ts';

/** What every section reads the policy through. */
export interface Guide {
  policy: Policy;
  /** 《title》（文号）clause. */
  cite(c: Citation): string;
  names: ConditionNames;
  items(ids: readonly ItemId[]): Bilingual;
  condition(c: Condition): Bilingual;
}

export interface Section {
  /**
   * The policy fields this section shows: a field, or for a field holding objects (or a list of
   * them) each of their fields, as 'items.kind'.
   */
  shows: readonly string[];
  render(g: Guide): string[];
}

export function guideOf(policy: Policy): Guide {
  const names = policyNames(policy);
  return {
    policy,
    cite: (c) => citationText(policy, c),
    names,
    items: (ids) => joined(ids.map(names.item), '、', ', '),
    condition: (c) => conditionText(c, names),
  };
}

/** 'items', 'name', 'kind' → 'items.name', 'items.kind'. */
export function of(field: string, ...subfields: string[]): string[] {
  return subfields.map((f) => `${field}.${f}`);
}

export function scenarioNames(g: Guide, ids: readonly Scenario[]): Bilingual {
  return joined(ids.map(g.names.scenario), '、', '; ');
}

/** Where a condition can hold: every scenario, or those its `scenario-in` parts leave. */
export function scenariosOf(g: Guide, condition: Condition | undefined): Bilingual {
  const where = scenariosWhere(condition, g.policy.scenarios);
  if (where.length === g.policy.scenarios.length)
    return g.policy.scenarios.length === 1
      ? g.policy.scenarios[0]!.name
      : { zh: '全部情形', en: 'every scenario' };
  if (where.length === 0) return { zh: '无（任何情形均不适用）', en: 'none: no scenario' };
  return scenarioNames(
    g,
    where.map((s) => s.id),
  );
}
