import { restsOnProvisional, type Calendar } from '../domain/calendar.ts';
import { AppError } from '../domain/error.ts';
import type { ItemId, Scenario } from '../domain/ids.ts';
import { beijingDate, formatInstant } from '../domain/local-date.ts';
import { deadlineOf } from '../domain/sla-clock.ts';
import type {
  Deadline,
  Evaluation,
  Finding,
  LeftOutItem,
  PlannedItem,
  RequiredMaterial,
} from './evaluation.ts';
import type { Facts } from './facts.ts';
import {
  applicantFinding,
  checkChoices,
  fatherConfirmationFinding,
  judge,
  scenarioFinding,
  scenarioOf,
} from './findings.ts';
import { insuranceTerms, newbornWindowEnds } from './insurance.ts';
import { evaluateCondition, type PredicateContext } from './predicates.ts';
import type { Policy, Sla } from './schema.ts';

/**
 * The evaluator: a region's policy, the facts and an instant in; a decision a parent and a clerk
 * can trust out, every part of it explained by the clause it comes from. Pure: no clock, no I/O.
 */

export interface EvaluateInput {
  policy: Policy;
  facts: Facts;
  /** When the application is (or would be) submitted. */
  at: Date;
  calendar: Calendar;
}

export function evaluate({ policy, facts, at, calendar }: EvaluateInput): Evaluation {
  checkChoices(policy, facts);
  const today = beijingDate(at);
  const birthDate = beijingDate(new Date(facts.baby.bornAt));
  const scenario = scenarioOf(policy, facts);
  const chosen = chosenItems(policy, facts);
  const ctx: PredicateContext = {
    facts,
    today,
    birthDate,
    scenario: scenario.id,
    chosenItems: new Set(chosen.keys()),
    insuranceWindowEnds: policy.insurance.stated ? newbornWindowEnds(policy.insurance, birthDate) : null,
  };

  const findings: Finding[] = [
    scenarioFinding(policy, scenario.id),
    applicantFinding(policy, facts),
    ...(policy.applicants.fatherConfirms ? [fatherConfirmationFinding(policy, facts)] : []),
    ...policy.rules.map((r) => judge(r, ctx)),
  ];
  const caseRefused = findings.some(
    (f) => f.scope === 'case' && f.effect === 'refuse' && f.outcome === 'failed',
  );

  const { planned, services, leftOut } = planItems(policy, chosen, scenario.id, findings);
  const mandatoryLost = (policy.mandatory?.items ?? []).some((m) =>
    leftOut.some((l) => l.id === m && l.reason !== 'scenario'),
  );
  const eligible = !caseRefused && !mandatoryLost && planned.length > 0;

  const plan = eligible ? schedule(policy, planned, chosen, facts, at, calendar) : [];
  const materials = eligible ? requiredMaterials(policy, plan, ctx) : [];
  const paymentDate = facts.choices.paymentDate ?? today;
  return {
    region: policy.region,
    evaluatedAt: at.toISOString(),
    eligible,
    scenario,
    findings,
    plan,
    services: eligible
      ? services.map((id) => {
          const item = policy.items.find((i) => i.id === id)!;
          return { id, name: item.name, department: item.department, citation: item.citation };
        })
      : [],
    leftOut,
    materials,
    deadlines: {
      promised:
        eligible && policy.caseSla.promised
          ? safeDeadline(calendar, at, policy.caseSla.promised, 'own-limit')
          : null,
      legal:
        eligible && policy.caseSla.legal
          ? safeDeadline(calendar, at, policy.caseSla.legal, 'own-limit')
          : null,
    },
    insurance: insuranceTerms(policy.insurance, birthDate, paymentDate, facts.choices.insuranceYears),
  };
}

type Why = PlannedItem['why'];

/** The items asked for, each with why: mandatory, from the package, or chosen one by one. */
function chosenItems(policy: Policy, facts: Facts): Map<ItemId, Why> {
  const out = new Map<ItemId, Why>();
  const c = facts.choices;
  const pkg = policy.packages.find((p) => p.id === c.packageId);
  // Neither a package nor items named: every item the region offers (the fullest service).
  const asked: [ItemId[], Why] = c.items
    ? [c.items, 'chosen']
    : pkg
      ? [pkg.items, 'package']
      : [policy.items.map((i) => i.id), 'chosen'];
  for (const id of policy.mandatory?.items ?? []) out.set(id, 'mandatory');
  for (const id of asked[0]) if (!out.has(id)) out.set(id, asked[1]);
  // What a chosen item depends on is planned too, unless the scenario shows it done.
  const deps = (id: ItemId) => policy.items.find((i) => i.id === id)?.dependsOn ?? [];
  const queue = [...out.keys()];
  while (queue.length) {
    for (const d of deps(queue.shift()!))
      if (!out.has(d)) {
        out.set(d, 'dependency');
        queue.push(d);
      }
  }
  return out;
}

function planItems(policy: Policy, chosen: Map<ItemId, Why>, scenario: Scenario, findings: Finding[]) {
  const skips = new Set(policy.scenarios.find((s) => s.id === scenario)?.skips ?? []);
  const leftOut: LeftOutItem[] = [];
  const planned: ItemId[] = [];
  const services: ItemId[] = [];
  for (const item of topologicalOrder(policy)) {
    if (!chosen.has(item.id)) {
      leftOut.push({ id: item.id, reason: 'not-chosen' });
      continue;
    }
    if (skips.has(item.id)) {
      leftOut.push({ id: item.id, reason: 'scenario' });
      continue;
    }
    const failed = findings.find(
      (f) => f.scope === item.id && f.effect === 'refuse' && f.outcome === 'failed',
    );
    if (failed) {
      leftOut.push({ id: item.id, reason: 'rule', ruleId: failed.ruleId });
      continue;
    }
    const lostDep = item.dependsOn.find((d) => !skips.has(d) && !planned.includes(d));
    if (lostDep) {
      leftOut.push({ id: item.id, reason: 'depends-on-left-out', dependsOn: lostDep });
      continue;
    }
    (item.kind === 'service' ? services : planned).push(item.id);
  }
  return { planned, services, leftOut };
}

/** Items in an order where each comes after everything it depends on; policy order breaks ties. */
export function topologicalOrder(policy: Policy) {
  const done = new Set<ItemId>();
  const order: Policy['items'] = [];
  while (order.length < policy.items.length) {
    const next = policy.items.find((i) => !done.has(i.id) && i.dependsOn.every((d) => done.has(d)));
    if (!next) throw new Error('cyclic dependencies'); // definePolicy() rejects cycles first
    done.add(next.id);
    order.push(next);
  }
  return order;
}

function schedule(
  policy: Policy,
  planned: ItemId[],
  chosen: Map<ItemId, Why>,
  facts: Facts,
  at: Date,
  calendar: Calendar,
): PlannedItem[] {
  const byId = new Map<ItemId, PlannedItem>();
  const finish = new Map<ItemId, Date | null>();
  const registering = facts.choices.followParent === 'mother' ? facts.mother : facts.father;
  const registeringHukou = registering?.hukou?.divisionCode ?? '';
  const promised = policy.caseSla.promised
    ? safeDeadline(calendar, at, policy.caseSla.promised, 'case-promise')
    : null;
  for (const id of planned) {
    const item = policy.items.find((i) => i.id === id)!;
    const deps = item.dependsOn.filter((d) => planned.includes(d));
    const stage = deps.length ? Math.max(...deps.map((d) => byId.get(d)!.stage)) + 1 : 0;
    const depEnds = deps.map((d) => finish.get(d) ?? null);
    let deadline: Deadline;
    if (item.sla && item.clockStarts === 'when-family-ready') {
      deadline = {
        status: 'not-set',
        reason: {
          zh: '时限自您完成本事项所需的选择和材料（如选择银行、上传新生儿户口页）后起算',
          en: 'the time limit starts once you have made the choices and uploaded what this item needs (such as the bank and the baby’s hukou page)',
        },
      };
    } else if (item.sla && depEnds.every((d) => d !== null)) {
      const latestUpstream = depEnds.length ? Math.max(...depEnds.map((d) => d!.getTime())) : at.getTime();
      // An upstream item due at 24:00 may finish in the last instant of that day; for a count of
      // days that day is the triggering day, not the next one. Hours just continue.
      const start = new Date(
        depEnds.length && item.sla.unit !== 'working-hours' ? latestUpstream - 1 : latestUpstream,
      );
      // The chain counted every day from the submission: an upstream provisional day makes this one provisional.
      deadline = safeDeadline(calendar, start, item.sla, 'own-limit', at);
    } else if (promised) {
      deadline = promised; // the case promise bounds every item the documents give no own limit
    } else {
      deadline = {
        status: 'not-set',
        reason: item.sla
          ? {
              zh: '所依赖的事项没有规定办理时限',
              en: 'an item it waits for has no time limit in the documents',
            }
          : { zh: '文件未规定本事项的办理时限', en: 'the documents set no time limit for this item' },
      };
    }
    finish.set(id, deadline.status === 'scheduled' ? new Date(deadline.at) : null);
    const x = policy.crossProvince;
    const province = x?.items.includes(id)
      ? x.provinces.find((p) => registeringHukou.startsWith(p.prefix))
      : null;
    const rule = policy.delivery.find((d) => d.item === id);
    byId.set(id, {
      id,
      name: item.name,
      department: item.department,
      dependsOn: deps,
      stage,
      why: chosen.get(id)!,
      deadline,
      delivery: rule
        ? {
            options: rule.methods,
            chosen:
              facts.choices.delivery?.[id] ?? (rule.methods.length === 1 ? rule.methods[0]!.kind : null),
          }
        : null,
      handOff: x && province ? { platform: x.platform, province } : null,
    });
  }
  return planned.map((id) => byId.get(id)!);
}

function safeDeadline(
  calendar: Calendar,
  from: Date,
  sla: Sla,
  basis: 'own-limit' | 'case-promise',
  countedSince: Date = from,
): Deadline {
  try {
    const at = deadlineOf(calendar, from, sla);
    return {
      status: 'scheduled',
      at: at.toISOString(),
      local: formatInstant(at),
      basis,
      sla,
      // A year without its official arrangement was counted on the statutory holidays alone.
      ...(restsOnProvisional(calendar, countedSince, at) ? { provisional: true as const } : {}),
    };
  } catch (e) {
    if (e instanceof AppError && e.code === 'CALENDAR_NOT_COVERED') {
      return { status: 'calendar-not-covered', year: e.details.year as number, reason: e.messages };
    }
    throw e;
  }
}

function requiredMaterials(policy: Policy, plan: PlannedItem[], ctx: PredicateContext): RequiredMaterial[] {
  const planned = new Set(plan.map((p) => p.id));
  return policy.materials
    .filter((m) => m.forItems.some((i) => planned.has(i)) && (!m.when || evaluateCondition(m.when, ctx)))
    .map((m) => ({
      id: m.id,
      name: m.name,
      forItems: m.forItems.filter((i) => planned.has(i)),
      source:
        m.suppliedWhen && evaluateCondition(m.suppliedWhen, ctx)
          ? 'shared-data'
          : m.uploaded === 'when-item-starts'
            ? 'upload-later'
            : 'upload',
      citation: m.citation,
    }));
}

/** Which birth-certificate pages the hospital hands the family, once the hukou registration ends. */
export function certificatePagesFor(policy: Policy, registration: 'done' | 'failed') {
  const rule = policy.certificateHandover;
  if (!rule) return null;
  const pages = registration === 'done' ? rule.registrationDone : rule.registrationFailed;
  return pages ? { pages, citation: rule.citation } : null;
}

export { checkChoices };
export type * from './evaluation.ts';
