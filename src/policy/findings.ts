import { AppError, fieldError } from '../domain/error.ts';
import type { ItemId, ParentRole, Scenario } from '../domain/ids.ts';
import { fieldLabel } from '../domain/labels.ts';
import type { Bilingual } from '../domain/text.ts';
import { citationText } from './citation-text.ts';
import type { Evaluation, Finding } from './evaluation.ts';
import type { Facts } from './facts.ts';
import { evaluateCondition, type PredicateContext } from './predicates.ts';
import type { DeliveryMethod, EligibilityRule, Policy } from './schema.ts';

/**
 * The findings that are not a region's rules but its structure: choices the form could not have
 * offered, the scenario, who may apply, the father's confirmation; and how one rule is judged.
 */

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
export function scenarioOf(policy: Policy, facts: Facts): Evaluation['scenario'] {
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

export function scenarioFinding(policy: Policy, scenario: Scenario): Finding {
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

export function applicantFinding(policy: Policy, facts: Facts): Finding {
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
export function fatherConfirmationFinding(policy: Policy, facts: Facts): Finding {
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

export function judge(rule: EligibilityRule, ctx: PredicateContext): Finding {
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
