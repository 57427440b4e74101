import type { Citation } from '../domain/citation.ts';
import type { DepartmentId, ItemId, RegionId, Scenario } from '../domain/ids.ts';
import type { Bilingual } from '../domain/text.ts';
import type { InsuranceTerms } from './insurance.ts';
import type { DeliveryMethod, Remedy, Sla } from './schema.ts';

/** What the evaluator decides (evaluate.ts), as types the findings and the plan share. */

export type Outcome = 'passed' | 'failed' | 'not-applicable';

export interface Finding {
  ruleId: string;
  scope: 'case' | ItemId;
  effect: 'refuse' | 'advise';
  outcome: Outcome;
  requirement: Bilingual;
  /** Present when failed: why, and what the parent can do instead. */
  reason?: Bilingual;
  remedy?: Remedy;
  citation: Citation;
}

export type Deadline =
  /**
   * `basis` says which limit applied: the item's own, or the case promise that bounds it.
   * `provisional`: some day counted lies in a year with no official arrangement yet (calendar.ts).
   */
  | {
      status: 'scheduled';
      at: string;
      local: string;
      basis: 'own-limit' | 'case-promise';
      sla: Sla;
      provisional?: true;
    }
  | { status: 'not-set'; reason: Bilingual }
  | { status: 'calendar-not-covered'; year: number; reason: Bilingual };

export interface PlannedItem {
  id: ItemId;
  name: Bilingual;
  department: DepartmentId;
  /** Planned items this one waits for. */
  dependsOn: ItemId[];
  /** 0 for items that start at submission; n for items n steps down the DAG. */
  stage: number;
  why: 'mandatory' | 'package' | 'chosen' | 'dependency';
  /** The latest it may be finished, if every item before it uses its whole time limit. */
  deadline: Deadline;
  delivery: { options: DeliveryMethod[]; chosen: DeliveryMethod['kind'] | null } | null;
  /** Handed to another province's platform (跨省通办), where the registering parent's hukou is. */
  handOff: { platform: Bilingual; province: { prefix: string; name: Bilingual } } | null;
}

export interface LeftOutItem {
  id: ItemId;
  reason: 'not-chosen' | 'scenario' | 'rule' | 'depends-on-left-out';
  ruleId?: string;
  dependsOn?: ItemId;
}

export interface RequiredMaterial {
  id: string;
  name: Bilingual;
  forItems: ItemId[];
  /** 'upload-later': uploaded once the item may start, because it cannot exist before. */
  source: 'upload' | 'upload-later' | 'shared-data';
  citation: Citation;
}

/** A 服务事项 the family may use along the way: no task, no deadline. */
export interface AvailableService {
  id: ItemId;
  name: Bilingual;
  department: DepartmentId;
  citation: Citation;
}

export interface Evaluation {
  region: RegionId;
  evaluatedAt: string;
  eligible: boolean;
  scenario: {
    id: Scenario;
    detectedFromRegistries: boolean;
    declared: Scenario | null;
    name: Bilingual | null;
  };
  findings: Finding[];
  plan: PlannedItem[];
  services: AvailableService[];
  leftOut: LeftOutItem[];
  materials: RequiredMaterial[];
  deadlines: { promised: Deadline | null; legal: Deadline | null };
  insurance: InsuranceTerms;
}
