import { describe, expect, it } from 'vitest';
import type { RegionId } from '../../../src/domain/ids.ts';
import { POLICIES } from '../../../src/policies/index.ts';
import { certificatePagesFor } from '../../../src/policy/evaluate.ts';
import { family, finding, run } from '../../support/harness.ts';

/**
 * Readings the second clause-by-clause review corrected (issue 9). Each test is named after the
 * clause it holds the policy to; each failed against the policy files before they were fixed.
 */

const DIVORCED_BEFORE_BIRTH = (f: ReturnType<typeof family>) => {
  f.marriage = { ...f.marriage!, status: 'divorced', divorcedOn: '2026-06-01' };
};
const DIVORCED_AFTER_BIRTH = (f: ReturnType<typeof family>) => {
  f.marriage = { ...f.marriage!, status: 'divorced', divorcedOn: '2026-11-15' };
};

describe('born in wedlock: a couple divorced before the birth is refused', () => {
  const table: [RegionId, string][] = [
    ['gansu-lanzhou', '001 二 3 婚内本市生育'],
    ['sichuan-tongchuan', '002 二(一)2 非婚生育除外'],
    ['fujian', '003 附件2 一(二) 暂不支持单亲母亲和未婚公民'],
    ['anhui', '004 二(三) 婚内生育'],
    ['zibo', '000 二 2 婚姻关系为存续状态的婚生新生儿'],
  ];
  for (const [region, clause] of table) {
    it(`${clause}: divorced before the birth is refused, divorced after it is not`, () => {
      expect(finding(run(region, family(region, DIVORCED_BEFORE_BIRTH)), 'marital-birth').outcome).toBe(
        'failed',
      );
      expect(finding(run(region, family(region, DIVORCED_AFTER_BIRTH)), 'marital-birth').outcome).toBe(
        'passed',
      );
    });
  }
});

describe('Sichuan (002): the mother applies; the authorization letter is for the hospital', () => {
  const sichuan = POLICIES['sichuan-tongchuan'];
  it('002 附件1 注 此表由婴儿母亲在线填写并提出申请: only the mother applies', () => {
    expect(sichuan.applicants.roles).toEqual(['mother']);
    expect(sichuan.applicants.authorizationRequired).toEqual([]);
    const byFather = run(
      'sichuan-tongchuan',
      family('sichuan-tongchuan', (f) => {
        f.applicant = { role: 'father' };
      }),
    );
    expect(finding(byFather, 'applicant-allowed').outcome).toBe('failed');
  });
  it('002 附件3 授权委托书: the mother authorizes the hospital, handed in at its joint window', () => {
    const letter = sichuan.materials.find((m) => m.citation.clause.includes('附件3'));
    expect(letter?.name.zh).toMatch(/委托.*医院|医院.*委托/);
    expect(run('sichuan-tongchuan', family('sichuan-tongchuan')).materials.map((m) => m.id)).toContain(
      letter!.id,
    );
  });
  it('002 附件2 4: no notice promises the counterfoil back to the family', () => {
    for (const n of sichuan.notices) expect(n.text.zh).not.toMatch(/副页[^。]*(寄|领取|返还)/);
    expect(sichuan.certificateHandover).toBeUndefined();
  });
  it('002 附件1 基本信息: no refusal of parents without a resident ID card (the document has none)', () => {
    expect(sichuan.rules.map((r) => r.id)).not.toContain('parents-hold-resident-id');
    const result = run(
      'sichuan-tongchuan',
      family('sichuan-tongchuan', (f) => {
        f.father!.category = 'overseas-chinese';
      }),
    );
    expect(result.eligible).toBe(true);
  });
  it('002 附件1 证件流转信息 vs 二(一) 末段: the cross-district checkbox is reported to the policy officer', () => {
    const q = sichuan.questions.find((x) => x.kind === 'contradiction');
    expect(q).toBeDefined();
    expect(q!.citations.map((c) => c.clause).join(' ')).toMatch(/附件1/);
    expect(q!.citations.map((c) => c.clause).join(' ')).toMatch(/二\(一\)/);
  });
});

describe('Anhui (004): insurance years, the gap between 90 days and 3 months, the certificate pages', () => {
  const anhui = POLICIES.anhui;
  const bornSeptember = (f: ReturnType<typeof family>) => {
    f.baby.bornAt = '2026-09-10T08:00:00+08:00';
  };
  it('004 附3 备注2 本年和次年: choosing next year alone warns that the birth year is not covered', () => {
    const nextOnly = run(
      'anhui',
      family('anhui', (f) => {
        bornSeptember(f);
        f.choices.insuranceYears = ['next'];
      }),
    );
    const ins = nextOnly.insurance;
    expect(ins.stated && ins.warnings.map((w) => w.text.zh).join()).toMatch(/出生当年.*不在保障/);
    const both = run(
      'anhui',
      family('anhui', (f) => {
        bornSeptember(f);
        f.choices.insuranceYears = ['current', 'next'];
      }),
    );
    expect(both.insurance.stated && both.insurance.warnings).toEqual([]);
  });
  it('004 附3 备注1 出生90天内 / 超过3个月: a payment between the two is reported, not decided', () => {
    // Born 10 Sep: day 90 is 9 Dec, three months end on 10 Dec; a payment on 10 Dec falls between.
    const between = run(
      'anhui',
      family('anhui', (f) => {
        bornSeptember(f);
        f.choices.paymentDate = '2026-12-10';
      }),
    );
    const ins = between.insurance;
    expect(ins.stated && ins.coverage).toEqual([]);
    expect(ins.stated && ins.warnings.map((w) => w.text.zh).join()).toMatch(/未规定/);
    const after = run(
      'anhui',
      family('anhui', (f) => {
        bornSeptember(f);
        f.choices.paymentDate = '2026-12-11';
      }),
    );
    expect(after.insurance.stated && after.insurance.coverage[0]?.start).toBe('2026-12-12');
    expect(anhui.questions.some((q) => q.kind === 'gap' && q.citations[0]!.clause.includes('附3 备注'))).toBe(
      true,
    );
  });
  it('004 附件2 二 2: a failed registration decides nothing about the certificate pages', () => {
    expect(certificatePagesFor(anhui, 'failed')).toBeNull();
    expect(certificatePagesFor(anhui, 'done')?.pages).toBe('main-page');
  });
});

describe('cross-province hand-off (004 一(一) 与长三角无缝对接；附件1 业务流程图)', () => {
  it('a baby born in Anhui who registers with a Jiangsu father: the registration and what follows go to Jiangsu', () => {
    const r = run(
      'anhui',
      family('anhui', (f) => {
        f.father!.hukou!.divisionCode = '320102';
      }),
    );
    expect(r.eligible).toBe(true);
    const handed = r.plan
      .filter((p) => p.handOff)
      .map((p) => p.id)
      .sort();
    expect(handed).toEqual([
      'hukou-registration',
      'insurance-enrollment',
      'insurance-payment',
      'social-security-card',
    ]);
    expect(r.plan.find((p) => p.id === 'hukou-registration')!.handOff!.province.name.zh).toBe('江苏省');
    expect(r.plan.find((p) => p.id === 'birth-certificate')!.handOff).toBeNull();
  });
  it('an Anhui family is not handed anywhere', () => {
    expect(run('anhui', family('anhui')).plan.every((p) => p.handOff === null)).toBe(true);
  });
});

describe('Fujian (003)', () => {
  const fujian = POLICIES.fujian;
  it('003 附件1 四(四)；附件2 一(七): the card’s 72 hours start when the bank is chosen and the hukou page is in', () => {
    const card = fujian.items.find((i) => i.id === 'social-security-card')!;
    expect(card.clockStarts).toBe('when-family-ready');
    const plan = run('fujian', family('fujian')).plan.find((p) => p.id === 'social-security-card')!;
    expect(plan.deadline.status).toBe('not-set');
    expect(plan.deadline.status === 'not-set' && plan.deadline.reason.zh).toMatch(/户口|银行/);
  });
  it('003 附件4 一: a collective household only when the family has no family household in that city', () => {
    const collective = (hasFamilyHousehold: boolean) =>
      family('fujian', (f) => {
        f.father!.hukou!.householdType = 'collective';
        f.mother.hukou!.divisionCode = '350102';
        f.familyHouseholdInCollectiveArea = hasFamilyHousehold;
      });
    const rule = 'collective-only-without-family-household';
    expect(finding(run('fujian', collective(false)), rule).outcome).toBe('passed');
    expect(finding(run('fujian', collective(true)), rule).outcome).toBe('failed');
    expect(run('fujian', collective(true)).eligible).toBe(false);
  });
  it('003 附件1 二(一) 姓氏随父或随母: the surname follows the father or the mother', () => {
    const rule = 'surname-of-a-parent';
    expect(finding(run('fujian', family('fujian')), rule).outcome).toBe('passed');
    const mothers = family('fujian', (f) => {
      f.baby.surname = '王';
    });
    expect(finding(run('fujian', mothers), rule).outcome).toBe('passed');
    const neither = family('fujian', (f) => {
      f.baby.surname = '赵';
    });
    expect(finding(run('fujian', neither), rule).outcome).toBe('failed');
  });
  it('003 附件1 三(二)1: a family the registries show with a cut certificate is not told to choose the full process', () => {
    const cut = run(
      'fujian',
      family('fujian', (f) => {
        f.existing = { birthCertificate: { number: 'Q350000001', hasCounterfoil: false }, babyHukou: null };
      }),
    );
    const f = finding(cut, 'holds-full-certificate');
    expect(f.outcome).toBe('failed');
    expect(cut.scenario.detectedFromRegistries).toBe(true);
    expect(f.remedy!.kind).not.toBe('choose-other-scenario');
    expect(f.remedy!.text.zh).not.toMatch(/全流程/);
  });
  it('003 附件3 用户填写: the grantee’s fields are typed by the applicant, not prefilled', () => {
    const grantee = fujian.formFields.find((x) => x.id === 'grantee')!;
    expect(grantee.prefill).toEqual([]);
  });
});

describe('Gansu (001)', () => {
  it('001 三(二)1 应当符合: registration within one month is a requirement, without an invented remedy', () => {
    const rule = POLICIES['gansu-lanzhou'].rules.find((r) => r.id === 'register-within-one-month')!;
    expect(rule.effect).toBe('refuse');
    expect(rule.remedy.kind).toBe('apply-offline');
    const late = run('gansu-lanzhou', family('gansu-lanzhou'), '2026-12-11T10:00:00+08:00');
    expect(finding(late, 'register-within-one-month').outcome).toBe('failed');
    expect(late.plan.map((p) => p.id)).not.toContain('hukou-registration');
  });
  it('001 附件1 服务事项: vaccination, parenting guidance and maternity reimbursement are services, not tasks', () => {
    const result = run('gansu-lanzhou', family('gansu-lanzhou'));
    const services = ['vaccination-certificate', 'parenting-guidance', 'maternity-benefit'];
    for (const s of services) expect(result.plan.map((p) => p.id)).not.toContain(s);
    expect(result.services.map((s) => s.id).sort()).toEqual([...services].sort());
    expect(result.services.every((s) => !('deadline' in s))).toBe(true);
  });
  it('001 附件1 服务事项 生育医疗费用报销: maternity reimbursement needs the mother’s insurance', () => {
    const uninsured = run(
      'gansu-lanzhou',
      family('gansu-lanzhou', (f) => {
        f.maternityInsurance = null;
      }),
    );
    expect(uninsured.services.map((s) => s.id)).not.toContain('maternity-benefit');
    expect(uninsured.eligible).toBe(true);
  });
  it('001 附件1 必须现场办理原因说明: the visit to the police station within 3 working days is the family’s deadline', () => {
    const visit = POLICIES['gansu-lanzhou'].familyDeadlines[0]!;
    expect(visit.after).toBe('hukou-registration');
    expect(visit.within).toMatchObject({ unit: 'working-days', value: 3 });
  });
});

describe('Zibo (000)', () => {
  const zibo = POLICIES.zibo;
  it('000 附件1 7 不合格会被驳回转线下办理: no supplements; a failed material is rejected to offline handling', () => {
    expect(zibo.supplements.offered).toBe(false);
  });
  it('000 一 4个工作日内告知原因: refused applicants are told why within 4 working days', () => {
    expect(zibo.caseSla.refusalNotice).toMatchObject({ unit: 'working-days', value: 4 });
  });
  it('000 附件1 6 参保登记完成后3个工作日至6个月内: the premium is paid in that window', () => {
    const premium = zibo.familyDeadlines.find((d) => d.after === 'insurance-enrollment');
    expect(premium).toMatchObject({ opensAfter: { unit: 'working-days', value: 3 }, within: { months: 6 } });
  });
});

describe('supplements and their clock pause are each region’s policy', () => {
  it('003 附件4 三 and 附件1 四(五): Fujian offers supplements and pauses its clock for them and for the post', () => {
    expect(POLICIES.fujian.supplements.offered).toBe(true);
    expect(POLICIES.fujian.slaPauses?.excludes).toEqual(expect.arrayContaining(['supplement', 'mail']));
  });
  it('every region states whether it offers supplements, with a clause', () => {
    for (const p of Object.values(POLICIES)) expect(p.supplements.citation.clause).toBeTruthy();
  });
});

describe('each number in one place', () => {
  it('001 附件1 受理条件 三: Gansu’s notices take the 90 days from the insurance rule', () => {
    const g = POLICIES['gansu-lanzhou'];
    const windowDays = g.insurance.stated && 'days' in g.insurance.window ? g.insurance.window.days : 0;
    const mentioning = g.notices.filter((n) => n.text.zh.includes(`${windowDays}天`));
    expect(mentioning.length).toBeGreaterThan(0);
    expect(g.figures?.['newborn-window-days']).toBe(windowDays);
  });
});
