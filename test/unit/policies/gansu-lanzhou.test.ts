import { describe, expect, it } from 'vitest';
import { family, finding, ruleTable, run } from '../../support/harness.ts';

describe('Gansu / Lanzhou (001) — one case per rule', () => {
  ruleTable('gansu-lanzhou', [
    {
      rule: 'mother-insured-for-maternity',
      clause: '二 6；附件1 服务事项',
      fail: (f) => {
        f.maternityInsurance = null;
      },
    },
    {
      rule: 'born-in-gansu-institution',
      clause: '三(一)1',
      fail: (f) => {
        f.baby.birthPlace.divisionCode = '610102';
      },
    },
    {
      rule: 'under-one-year',
      clause: '二 3',
      pass: (f) => {
        f.baby.bornAt = '2025-11-21T08:00:00+08:00';
      },
      fail: (f) => {
        f.baby.bornAt = '2025-11-20T08:00:00+08:00';
      },
    },
    {
      rule: 'one-parent-gansu-hukou',
      clause: '附件1 适用对象说明',
      pass: (f) => {
        f.mother.hukou!.divisionCode = '610102';
      },
      fail: (f) => {
        f.mother.hukou!.divisionCode = '610102';
        f.father!.hukou!.divisionCode = '610103';
      },
    },
    {
      rule: 'register-where-parent-lives',
      clause: '三(二)1',
      pass: (f) => {
        f.mother.hukou!.divisionCode = '610102';
        f.choices.followParent = 'father';
      },
      fail: (f) => {
        f.mother.hukou!.divisionCode = '610102';
        f.choices.followParent = 'mother';
      },
    },
    {
      rule: 'family-household',
      clause: '附件1 适用对象说明',
      fail: (f) => {
        f.father!.hukou!.householdType = 'collective';
      },
    },
    {
      rule: 'student-collective-registers-with-spouse',
      clause: '三(二)2',
      pass: (f) => {
        f.father!.hukou!.householdType = 'student-collective';
        f.choices.followParent = 'mother';
      },
      fail: (f) => {
        f.father!.hukou!.householdType = 'student-collective';
        f.choices.followParent = 'father';
      },
    },
    {
      rule: 'student-collective-registers-with-spouse',
      clause: '三(二)2',
      passIsNotApplicable: true,
      fail: (f) => {
        f.mother.hukou!.householdType = 'student-collective';
        f.choices.followParent = 'mother';
      },
    },
    {
      rule: 'military-registers-with-civilian',
      clause: '三(二)3',
      pass: (f) => {
        f.father!.category = 'military';
        f.choices.followParent = 'mother';
      },
      fail: (f) => {
        f.father!.category = 'military';
        f.choices.followParent = 'father';
      },
    },
    {
      rule: 'marital-birth',
      clause: '二 3',
      fail: (f) => {
        f.marriage = null;
      },
    },
    {
      rule: 'register-within-one-month',
      clause: '三(二)1',
      pass: (f) => {
        f.baby.bornAt = '2026-10-20T08:00:00+08:00';
      },
      fail: (f) => {
        f.baby.bornAt = '2026-10-19T08:00:00+08:00';
      },
    },
    {
      rule: 'insurance-within-newborn-window',
      clause: '附件1 受理条件 三',
      pass: (f) => {
        f.baby.bornAt = '2026-08-22T08:00:00+08:00';
      },
      fail: (f) => {
        f.baby.bornAt = '2026-08-21T08:00:00+08:00';
      },
    },
  ]);
});

describe('Gansu / Lanzhou (001) — order, time limits, materials and insurance', () => {
  it('certificate, then registration, then enrollment and the card in parallel (三)', () => {
    const r = run('gansu-lanzhou', family('gansu-lanzhou'));
    const stage = Object.fromEntries(r.plan.map((p) => [p.id, p.stage]));
    expect(stage).toMatchObject({
      'birth-certificate': 0,
      'hukou-registration': 1,
      'social-security-card': 2,
      'insurance-enrollment': 2,
    });
    const order = r.plan.map((p) => p.id);
    expect(order.indexOf('birth-certificate')).toBeLessThan(order.indexOf('hukou-registration'));
    expect(order.indexOf('hukou-registration')).toBeLessThan(order.indexOf('social-security-card'));
  });

  it('one working day per department chains to the 3-day promise; the 71-day legal limit reaches 2027, counted provisionally and marked so', () => {
    const r = run('gansu-lanzhou', family('gansu-lanzhou'));
    expect(r.deadlines.promised).toMatchObject({ status: 'scheduled', local: '2026-11-25 24:00' });
    const hukou = r.plan.find((p) => p.id === 'hukou-registration')!.deadline;
    const card = r.plan.find((p) => p.id === 'social-security-card')!.deadline;
    expect([hukou, card]).toMatchObject([
      { local: '2026-11-24 24:00', basis: 'own-limit' },
      { local: '2026-11-25 24:00' },
    ]);
    expect(r.deadlines.legal).toMatchObject({ status: 'scheduled', provisional: true });
    expect(r.deadlines.promised).not.toHaveProperty('provisional');
  });

  it('asked in early 2026, the 71-working-day legal limit is a date', () => {
    const r = run(
      'gansu-lanzhou',
      family('gansu-lanzhou', (f) => {
        f.baby.bornAt = '2026-01-05T08:00:00+08:00';
      }),
      '2026-01-06T09:00:00+08:00',
    );
    expect(r.deadlines.legal).toMatchObject({ status: 'scheduled' });
  });

  it('the ethnicity confirmation is required only when the parents differ (附件3 序号4)', () => {
    const same = run('gansu-lanzhou', family('gansu-lanzhou'));
    expect(same.materials.map((m) => m.id)).not.toContain('ethnicity-confirmation');
    const differ = run(
      'gansu-lanzhou',
      family('gansu-lanzhou', (f) => {
        f.father!.ethnicity = '03';
      }),
    );
    expect(differ.materials.find((m) => m.id === 'ethnicity-confirmation')).toMatchObject({
      source: 'upload',
      forItems: ['hukou-registration'],
    });
  });

  it('October–December births may enroll for the next year, covered from birth to its end (附件1 受理条件 三 (2))', () => {
    const late = run(
      'gansu-lanzhou',
      family('gansu-lanzhou', (f) => {
        f.choices.insuranceYears = ['next'];
      }),
    );
    expect(late.insurance).toMatchObject({
      yearsOffered: ['current', 'next'],
      coverage: [{ insuranceYear: 'next', year: 2027, start: '2026-11-10', end: '2027-12-31' }],
    });
    const september = run(
      'gansu-lanzhou',
      family('gansu-lanzhou', (f) => {
        f.baby.bornAt = '2026-09-30T08:00:00+08:00';
        f.choices.insuranceYears = ['next'];
      }),
    );
    expect(september.insurance).toMatchObject({ yearsOffered: ['current'], coverage: [] });
  });

  it('after 90 days the documents do not say when coverage starts, and the result says so', () => {
    const r = run(
      'gansu-lanzhou',
      family('gansu-lanzhou', (f) => {
        f.choices.paymentDate = '2027-02-09';
      }),
    );
    expect(r.insurance).toMatchObject({ paidWithinWindow: false, coverage: [] });
    expect(r.insurance.stated && r.insurance.warnings[0]?.text.en).toMatch(/do not say/);
  });

  it('001 三(二)1: past one month the registration is left out, and with it what waits for it', () => {
    const r = run(
      'gansu-lanzhou',
      family('gansu-lanzhou', (f) => {
        f.baby.bornAt = '2026-09-20T08:00:00+08:00';
      }),
    );
    expect(r.eligible).toBe(true);
    expect(finding(r, 'register-within-one-month')).toMatchObject({ outcome: 'failed', effect: 'refuse' });
    expect(r.plan.map((p) => p.id)).toEqual(['birth-certificate']);
  });
});
