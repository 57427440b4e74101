import { AppError, fieldError } from '../../../domain/error.ts';
import type { DepartmentId, ItemId, RegionId } from '../../../domain/ids.ts';
import { DEPARTMENT_LABELS } from '../../../domain/labels.ts';
import { beijingDate } from '../../../domain/local-date.ts';
import type { Bilingual } from '../../../domain/text.ts';
import { getPolicy } from '../../../policies/index.ts';
import { evaluate, type Evaluation } from '../../../policy/evaluate.ts';
import type { Policy } from '../../../policy/schema.ts';
import { casesWithoutFacts, decidedFactsPage, type DecidedFacts } from '../../../store/whatif-store.ts';
import type { EngineDeps } from '../../deps.ts';
import { deadlineShifts, familyDifference, weekOf, type FamilyDifference } from './compare.ts';
import { policyCopy, type PolicyChange } from './policy-copy.ts';

export { policyCopy, type PolicyChange } from './policy-copy.ts';
export type { FamilyDifference, RuleDifference } from './compare.ts';

/**
 * 政策推演: replay the facts a region's cases were decided on (decided_facts, kept at submission)
 * under the live policy and under an officer's copy, with the same evaluate() at the same instant
 * each case was submitted. It only reads: no case, event or projection changes.
 */

const PAGE = 1000;

export interface WhatIfReport {
  region: RegionId;
  /** The Beijing date replayed from. */
  since: string;
  /** What the copy changes, where it was written as changes to the live policy. */
  changes: PolicyChange[];
  /** Cases replayed, and cases since the date accepted before their facts were kept (not replayed). */
  replayed: number;
  withoutFacts: number;
  refused: number;
  accepted: number;
  itemsChanged: number;
  /** The families affected, in submission order; at most `familyLimit` of them (the counts above are all). */
  families: FamilyDifference[];
  familiesListed: 'all' | number;
  /** Cases one of the two policies could not evaluate (a choice the copy no longer offers, say). */
  failed: { caseId: string; message: Bilingual }[];
  deadlines: DeadlineMove[];
  load: LoadRow[];
  items: Record<string, Bilingual>;
  departments: Record<string, Bilingual>;
}

export interface DeadlineMove {
  item: ItemId;
  department: DepartmentId;
  compared: number;
  moved: number;
  /** Working days of shift (copy − live) → how many cases. */
  distribution: { days: number; cases: number }[];
  min: number;
  median: number;
  max: number;
}

export interface LoadRow {
  department: DepartmentId;
  /** The Monday of the week the cases were submitted (Beijing date). */
  week: string;
  live: number;
  copy: number;
}

export async function whatIf(
  deps: Pick<EngineDeps, 'db' | 'calendar'>,
  o: { region: RegionId; copy: unknown; since: string; familyLimit?: number },
): Promise<WhatIfReport> {
  const live = getPolicy(o.region);
  const { policy: copy, changes } = policyCopy(o.region, o.copy);
  const since = sinceDate(o.since);
  const families: FamilyDifference[] = [];
  const counts = { refused: 0, accepted: 0, items: 0 };
  const limit = o.familyLimit ?? Infinity;
  const failed: WhatIfReport['failed'] = [];
  const shifts = new Map<string, { item: ItemId; department: DepartmentId; days: number[] }>();
  const load = new Map<string, LoadRow>();
  let replayed = 0;

  let after: DecidedFacts['cursor'] | null = null;
  for (;;) {
    const page = await decidedFactsPage(deps.db, o.region, since, after, PAGE);
    for (const row of page) {
      const run = (policy: Policy) =>
        evaluate({ policy, facts: row.facts, at: row.submittedAt, calendar: deps.calendar });
      let a: Evaluation;
      let b: Evaluation;
      try {
        a = run(live);
        b = run(copy);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        failed.push({ caseId: row.caseId, message: e.messages });
        continue;
      }
      replayed++;
      const d = familyDifference(row.caseId, row.submittedAt, a, b);
      if (d) {
        counts[d.change]++;
        if (families.length < limit) families.push(d);
      }
      for (const s of deadlineShifts(deps.calendar, a, b)) {
        const entry = shifts.get(s.item) ?? { item: s.item, department: s.department, days: [] };
        entry.days.push(s.days);
        shifts.set(s.item, entry);
      }
      const week = weekOf(row.submittedAt);
      for (const [side, e] of [
        ['live', a],
        ['copy', b],
      ] as const) {
        for (const p of e.plan) {
          const key = `${p.department}/${week}`;
          const r = load.get(key) ?? { department: p.department, week, live: 0, copy: 0 };
          r[side]++;
          load.set(key, r);
        }
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.cursor;
  }

  const items = Object.fromEntries(
    [...live.items, ...copy.items].map((i) => [i.id, i.name] as [string, Bilingual]),
  );
  const departments = Object.fromEntries(
    [...live.items, ...copy.items].map((i) => [i.department, DEPARTMENT_LABELS[i.department]]),
  );
  return {
    region: o.region,
    since: beijingDate(since),
    changes,
    replayed,
    withoutFacts: await casesWithoutFacts(deps.db, o.region, since),
    refused: counts.refused,
    accepted: counts.accepted,
    itemsChanged: counts.items,
    families,
    familiesListed:
      counts.refused + counts.accepted + counts.items > families.length ? families.length : 'all',
    failed,
    deadlines: [...shifts.values()].map(summarizeShifts),
    load: [...load.values()].sort(
      (x, y) => x.week.localeCompare(y.week) || x.department.localeCompare(y.department),
    ),
    items,
    departments,
  };
}

function summarizeShifts(s: { item: ItemId; department: DepartmentId; days: number[] }): DeadlineMove {
  const sorted = [...s.days].sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const d of sorted) counts.set(d, (counts.get(d) ?? 0) + 1);
  return {
    item: s.item,
    department: s.department,
    compared: sorted.length,
    moved: sorted.filter((d) => d !== 0).length,
    distribution: [...counts].map(([days, cases]) => ({ days, cases })),
    min: sorted[0] ?? 0,
    median: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/** A Beijing date (2026-01-01) or an instant with its offset. */
function sinceDate(s: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00+08:00`) : new Date(s);
  if (Number.isNaN(d.getTime())) {
    throw fieldError('INVALID_INPUT', 'since', {
      zh: '应为日期（年-月-日）',
      en: 'must be a date written YYYY-MM-DD',
    });
  }
  return d;
}
