import type { Calendar } from '../domain/calendar.ts';
import type { Citation } from '../domain/citation.ts';
import { AppError, fieldError } from '../domain/error.ts';
import { fieldLabel } from '../domain/labels.ts';
import { citationText } from './citation-text.ts';
import type { DepartmentId, ItemId, ParentRole, RegionId, Scenario } from '../domain/ids.ts';
import { beijingDate } from '../domain/local-date.ts';
import { deadlineOf } from '../domain/sla-clock.ts';
import { formatInstant } from '../domain/local-date.ts';
import type { Bilingual } from '../domain/text.ts';
import type { Facts } from './facts.ts';
import { insuranceTerms, type InsuranceTerms } from './insurance.ts';
import { evaluateCondition, type PredicateContext } from './predicates.ts';
import type { DeliveryMethod, EligibilityRule, Policy, Remedy, Sla } from './schema.ts';

/**
 * The evaluator: a region's policy, the facts and an instant in; a decision a parent and a clerk
 * can trust out, every part of it explained by the clause it comes from. Pure: no clock, no I/O.
 */

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
  /** `basis` says which limit applied: the item's own, or the case promise that bounds it. */
  | { status: 'scheduled'; at: string; local: string; basis: 'own-limit' | 'case-promise'; sla: Sla }
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
  leftOut: LeftOutItem[];
  materials: RequiredMaterial[];
  deadlines: { promised: Deadline | null; legal: Deadline | null };
  insurance: InsuranceTerms;
}

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

  const { planned, leftOut } = planItems(policy, chosen, scenario.id, findings);
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

/**
 * Choices the form could not have offered are bad input, reported by field before anything is
 * decided. Facts that pass the schema and this check never make the evaluator throw.
 */
export function checkChoices(policy: Policy, facts: Facts): void {
  const c = facts.choices;
  const bad = (field: string, text: Bilingual, label?: Bilingual) => {
    const e = fieldError('INVALID_INPUT', field, text, {}, label ?? fieldLabel(field));
    throw new AppError('INVALID_INPUT', e.messages, {
      ...e.details,
      issues: [{ field, message: e.messages }],
    });
  };
  const offered = policy.items.map((i) => i.id);
  if (c.packageId !== undefined && !policy.packages.some((p) => p.id === c.packageId)) {
    const names = policy.packages.map((p) => p.name);
    bad('choices.packageId', {
      zh: `本地区没有这个套餐，可选：${names.map((n) => n.zh).join('、') || '无'}`,
      en: `this region has no such package; choose one of: ${names.map((n) => n.en).join(', ') || 'none'}`,
    });
  }
  c.items?.forEach((it, i) => {
    if (!offered.includes(it)) {
      bad(`choices.items[${i}]`, { zh: '本地区不办理这一事项', en: 'this region does not offer this item' });
    }
  });
  for (const [item, method] of Object.entries(c.delivery ?? {}) as [ItemId, DeliveryMethod['kind']][]) {
    const rule = policy.delivery.find((d) => d.item === item);
    if (!rule || !rule.methods.some((m) => m.kind === method)) {
      const name = policy.items.find((i) => i.id === item)?.name ?? { zh: '该事项', en: 'This item' };
      bad(
        `choices.delivery.${item}`,
        {
          zh: `本地区不提供“${method === 'mail' ? '邮寄' : '自取'}”`,
          en: `cannot be ${method === 'mail' ? 'mailed' : 'picked up'} in this region`,
        },
        { zh: `${name.zh}的领取方式`, en: `How “${name.en}” is received` },
      );
    }
  }
  if (c.recipient !== undefined && policy.recipient && !policy.recipient.allowed.includes(c.recipient)) {
    const cited = citationText(policy, policy.recipient.citation);
    bad('choices.recipient', {
      zh: `收件人限${policy.recipient.allowed.map(roleZh).join('或')}（${cited}）`,
      en: `the recipient must be the ${policy.recipient.allowed.join(' or ')} (${cited})`,
    });
  }
}

function roleZh(r: ParentRole): string {
  return r === 'mother' ? '母亲' : '父亲';
}

/**
 * What the registries show decides the scenario: a baby already in a hukou book or already
 * holding a certificate cannot go through those steps again. Otherwise the applicant's
 * declaration stands (Fujian: 申请人确认已持有…出生医学证明, 003 附件1 三(二)1).
 */
function scenarioOf(policy: Policy, facts: Facts): Evaluation['scenario'] {
  const detected: Scenario | null = facts.existing.babyHukou
    ? 'has-hukou-book'
    : facts.existing.birthCertificate
      ? 'has-birth-certificate'
      : null;
  const id = detected ?? facts.choices.scenario ?? 'full';
  return {
    id,
    detectedFromRegistries: detected !== null,
    declared: facts.choices.scenario ?? null,
    name: policy.scenarios.find((s) => s.id === id)?.name ?? null,
  };
}

function scenarioFinding(policy: Policy, scenario: Scenario): Finding {
  const full = policy.scenarios.find((s) => s.id === 'full')!;
  const offered = policy.scenarios.some((s) => s.id === scenario);
  const names = policy.scenarios.map((s) => s.name);
  return {
    ruleId: 'scenario-offered',
    scope: 'case',
    effect: 'refuse',
    outcome: offered ? 'passed' : 'failed',
    requirement: {
      zh: `办理情形为本地区提供的情形之一：${names.map((n) => n.zh).join('、')}`,
      en: `the case is one of the scenarios this region offers: ${names.map((n) => n.en).join(', ')}`,
    },
    ...(offered
      ? {}
      : {
          reason: {
            zh:
              scenario === 'has-hukou-book'
                ? '共享数据显示新生儿已经登记户口，本地区“一件事”只提供全流程办理'
                : '共享数据显示已签发出生医学证明，本地区“一件事”只提供全流程办理',
            en:
              scenario === 'has-hukou-book'
                ? 'the shared data shows the baby already has a hukou entry; this region offers only the full process'
                : 'the shared data shows a birth certificate was already issued; this region offers only the full process',
          },
          remedy: {
            kind: 'apply-offline' as const,
            text: {
              zh: '其余事项请按原渠道分别向各部门线下办理',
              en: 'apply for the remaining items at each department through the usual offline channels',
            },
          },
        }),
    citation: full.citation,
  };
}

function applicantFinding(policy: Policy, facts: Facts): Finding {
  const a = policy.applicants;
  const role = facts.applicant.role;
  const roleAllowed = a.roles.includes(role);
  const needsLetter = a.authorizationRequired.includes(role);
  const hasLetter = facts.motherAuthorization?.grantee === role;
  const passed = roleAllowed && (!needsLetter || hasLetter);
  const requirement: Bilingual = {
    zh: `申请人为新生儿${a.roles.map(roleZh).join('或')}${a.authorizationRequired.length ? `（${a.authorizationRequired.map(roleZh).join('、')}须持母亲授权委托书）` : ''}`,
    en: `the applicant is the baby's ${a.roles.join(' or ')}${a.authorizationRequired.length ? ` (the ${a.authorizationRequired.join(', ')} only with the mother's signed authorization)` : ''}`,
  };
  let failure: Pick<Finding, 'reason' | 'remedy'> = {};
  if (!roleAllowed) {
    failure = {
      reason: {
        zh: `本地区由新生儿${a.roles.map(roleZh).join('或')}提出申请`,
        en: `in this region the ${a.roles.join(' or ')} applies`,
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: `请由新生儿${a.roles.map(roleZh).join('或')}登录申请`,
          en: `have the baby's ${a.roles.join(' or ')} log in and apply`,
        },
      },
    };
  } else if (!passed) {
    failure = {
      reason: {
        zh: '父亲申请须先取得母亲签署的授权委托书',
        en: "the father may apply only with the mother's signed authorization",
      },
      remedy: {
        kind: 'supplement',
        text: {
          zh: '请母亲登录后签署授权委托书，或由母亲本人申请',
          en: 'ask the mother to sign the authorization in her own login, or have her apply herself',
        },
      },
    };
  }
  return {
    ruleId: 'applicant-allowed',
    scope: 'case',
    effect: 'refuse',
    outcome: passed ? 'passed' : 'failed',
    requirement,
    ...failure,
    citation: a.citation,
  };
}

/** Where the policy says so, the father confirms in his own login with face verification. */
function fatherConfirmationFinding(policy: Policy, facts: Facts): Finding {
  const passed = facts.fatherConfirmation?.faceVerified === true;
  return {
    ruleId: 'father-confirmed',
    scope: 'case',
    effect: 'refuse',
    outcome: passed ? 'passed' : 'failed',
    requirement: {
      zh: '婴儿父亲在本人账号内进行人脸识别授权确认',
      en: 'the father confirms in his own login, with face verification',
    },
    ...(passed
      ? {}
      : {
          reason: {
            zh: '尚未收到婴儿父亲的人脸识别确认',
            en: "the father's face-verified confirmation has not been received",
          },
          remedy: {
            kind: 'supplement' as const,
            text: {
              zh: '请婴儿父亲登录本平台，完成人脸识别确认后再提交',
              en: 'ask the father to log in and confirm with face verification, then submit',
            },
          },
        }),
    citation: policy.applicants.citation,
  };
}

function judge(rule: EligibilityRule, ctx: PredicateContext): Finding {
  const base = {
    ruleId: rule.id,
    scope: rule.scope,
    effect: rule.effect,
    requirement: rule.requirement,
    citation: rule.citation,
  };
  if (rule.scope !== 'case' && !ctx.chosenItems.has(rule.scope))
    return { ...base, outcome: 'not-applicable' };
  if (rule.appliesWhen && !evaluateCondition(rule.appliesWhen, ctx))
    return { ...base, outcome: 'not-applicable' };
  if (evaluateCondition(rule.require, ctx)) return { ...base, outcome: 'passed' };
  return { ...base, outcome: 'failed', reason: rule.refusal, remedy: rule.remedy };
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
    planned.push(item.id);
  }
  return { planned, leftOut };
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
  const promised = policy.caseSla.promised
    ? safeDeadline(calendar, at, policy.caseSla.promised, 'case-promise')
    : null;
  for (const id of planned) {
    const item = policy.items.find((i) => i.id === id)!;
    const deps = item.dependsOn.filter((d) => planned.includes(d));
    const stage = deps.length ? Math.max(...deps.map((d) => byId.get(d)!.stage)) + 1 : 0;
    const depEnds = deps.map((d) => finish.get(d) ?? null);
    let deadline: Deadline;
    if (item.sla && depEnds.every((d) => d !== null)) {
      const latestUpstream = depEnds.length ? Math.max(...depEnds.map((d) => d!.getTime())) : at.getTime();
      // An upstream item due at 24:00 may finish in the last instant of that day; for a count of
      // days that day is the triggering day, not the next one. Hours just continue.
      const start = new Date(
        depEnds.length && item.sla.unit !== 'working-hours' ? latestUpstream - 1 : latestUpstream,
      );
      deadline = safeDeadline(calendar, start, item.sla, 'own-limit');
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
    });
  }
  return planned.map((id) => byId.get(id)!);
}

function safeDeadline(
  calendar: Calendar,
  from: Date,
  sla: Sla,
  basis: 'own-limit' | 'case-promise',
): Deadline {
  try {
    const at = deadlineOf(calendar, from, sla);
    return { status: 'scheduled', at: at.toISOString(), local: formatInstant(at), basis, sla };
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
  return {
    pages: registration === 'done' ? rule.registrationDone : rule.registrationFailed,
    citation: rule.citation,
  };
}
