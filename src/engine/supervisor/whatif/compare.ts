import type { Calendar } from '../../../domain/calendar.ts';
import type { Citation } from '../../../domain/citation.ts';
import type { DepartmentId, ItemId } from '../../../domain/ids.ts';
import { addDays, beijingDate, dayOfWeek } from '../../../domain/local-date.ts';
import type { Bilingual } from '../../../domain/text.ts';
import type { Evaluation, Finding, Outcome } from '../../../policy/evaluation.ts';

/**
 * What one family's two evaluations (the live policy and the copy) disagree on. Pure: the
 * replay (replay.ts) feeds it pairs and adds the results up.
 */

export interface RuleDifference {
  ruleId: string;
  scope: 'case' | ItemId;
  requirement: Bilingual;
  /** The outcome under the live policy and under the copy; null where the policy has no such rule. */
  live: Outcome | null;
  copy: Outcome | null;
  citation: Citation;
}

export interface FamilyDifference {
  caseId: string;
  submittedAt: string;
  /** 'refused': accepted today, refused under the copy; 'accepted': the reverse; else items differ. */
  change: 'refused' | 'accepted' | 'items';
  itemsAdded: ItemId[];
  itemsDropped: ItemId[];
  rules: RuleDifference[];
}

export function familyDifference(
  caseId: string,
  submittedAt: Date,
  live: Evaluation,
  copy: Evaluation,
): FamilyDifference | null {
  const before = new Set(live.plan.map((p) => p.id));
  const after = new Set(copy.plan.map((p) => p.id));
  const itemsAdded = [...after].filter((i) => !before.has(i));
  const itemsDropped = [...before].filter((i) => !after.has(i));
  if (live.eligible === copy.eligible && !itemsAdded.length && !itemsDropped.length) return null;
  return {
    caseId,
    submittedAt: submittedAt.toISOString(),
    change: live.eligible === copy.eligible ? 'items' : copy.eligible ? 'accepted' : 'refused',
    itemsAdded,
    itemsDropped,
    rules: ruleDifferences(live.findings, copy.findings),
  };
}

/** Findings whose outcome differs, matched by rule id: the rules that made the difference. */
export function ruleDifferences(live: Finding[], copy: Finding[]): RuleDifference[] {
  const byId = (fs: Finding[]) => new Map(fs.map((f) => [f.ruleId, f]));
  const l = byId(live);
  const c = byId(copy);
  const out: RuleDifference[] = [];
  for (const id of new Set([...l.keys(), ...c.keys()])) {
    const a = l.get(id);
    const b = c.get(id);
    if (a?.outcome === b?.outcome) continue;
    const f = (b ?? a)!;
    out.push({
      ruleId: id,
      scope: f.scope,
      requirement: f.requirement,
      live: a?.outcome ?? null,
      copy: b?.outcome ?? null,
      citation: f.citation,
    });
  }
  return out;
}

/** Per item planned under both: how far its deadline moves, in working days (later is positive). */
export function deadlineShifts(
  calendar: Calendar,
  live: Evaluation,
  copy: Evaluation,
): { item: ItemId; department: DepartmentId; days: number }[] {
  const out: { item: ItemId; department: DepartmentId; days: number }[] = [];
  for (const p of live.plan) {
    const q = copy.plan.find((x) => x.id === p.id);
    if (p.deadline.status !== 'scheduled' || q?.deadline.status !== 'scheduled') continue;
    out.push({
      item: p.id,
      department: p.department,
      days: workingDaysBetween(calendar, new Date(p.deadline.at), new Date(q.deadline.at)),
    });
  }
  return out;
}

/** Working days from one deadline's day to another's, signed; a deadline at 24:00 belongs to that day. */
export function workingDaysBetween(calendar: Calendar, from: Date, to: Date): number {
  const a = beijingDate(new Date(from.getTime() - 1));
  const b = beijingDate(new Date(to.getTime() - 1));
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  return sign * n;
}

/** The Monday (Beijing date) of the week an instant falls in: the week a department receives work. */
export function weekOf(at: Date): string {
  const day = beijingDate(at);
  return addDays(day, -((dayOfWeek(day) + 6) % 7));
}
