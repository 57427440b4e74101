import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../src/policies/index.ts';
import { family, ruleTable, run } from '../../support/harness.ts';

describe('Anhui (004) — one case per rule', () => {
  ruleTable('anhui', [
    {
      rule: 'born-in-anhui-institution',
      clause: '二(三)',
      fail: (f) => {
        f.baby.birthPlace.divisionCode = '320102';
      },
    },
    {
      rule: 'born-in-anhui-institution',
      clause: '二(三)',
      pass: (f) => {
        f.baby.birthPlace = { kind: 'home', divisionCode: '340104', broughtToInstitution: true };
      },
      fail: (f) => {
        f.baby.birthPlace = { kind: 'en-route', divisionCode: '340104', broughtToInstitution: false };
      },
    },
    {
      rule: 'both-parents-anhui-hukou',
      clause: '二(三)',
      fail: (f) => {
        f.mother.hukou!.divisionCode = '320102';
      },
    },
    {
      rule: 'delta-family',
      clause: '一(一)；附件1 业务流程图',
      pass: (f) => {
        f.father!.hukou!.divisionCode = '320102';
      },
      fail: (f) => {
        f.father!.hukou!.divisionCode = '320102';
        f.mother.hukou!.divisionCode = '110105';
      },
    },
    {
      rule: 'same-ethnicity',
      clause: '二(三)',
      fail: (f) => {
        f.father!.ethnicity = '03';
      },
    },
    {
      rule: 'marital-birth',
      clause: '二(三)',
      fail: (f) => {
        f.marriage!.registeredOn = '2026-11-11';
      },
    },
    {
      rule: 'family-household',
      clause: '二(三)',
      fail: (f) => {
        f.father!.hukou!.householdType = 'collective';
      },
    },
    {
      rule: 'marriage-e-license-claimed',
      clause: '二(四)；附1 序号1',
      fail: (f) => {
        f.eLicenses = ['mother-id-card', 'father-id-card'];
      },
    },
    {
      rule: 'delivery-record-shared',
      clause: '附1 序号2；附件2 二 2',
      fail: (f) => {
        f.deliveryRecord = null;
      },
    },
    {
      rule: 'within-30-days-of-delivery',
      clause: '附1 序号2',
      pass: (f) => {
        f.baby.bornAt = '2026-10-21T08:00:00+08:00';
      },
      fail: (f) => {
        f.baby.bornAt = '2026-10-20T08:00:00+08:00';
      },
    },
  ]);
});

describe('Anhui (004) — mandatory items, order, insurance and messages', () => {
  it('the certificate and the registration are always included, whatever is chosen (附件2 二 1)', () => {
    const r = run(
      'anhui',
      family('anhui', (f) => {
        f.choices.items = ['social-security-card'];
      }),
    );
    expect(r.plan.map((p) => [p.id, p.why])).toEqual([
      ['birth-certificate', 'mandatory'],
      ['hukou-registration', 'mandatory'],
      ['social-security-card', 'chosen'],
    ]);
  });

  it('the registration returns the ID number, then the rest runs in parallel (二(四))', () => {
    const r = run('anhui', family('anhui'));
    const after = r.plan.filter((p) => p.dependsOn.includes('hukou-registration')).map((p) => p.id);
    expect(after.sort()).toEqual([
      'insurance-enrollment',
      'maternity-benefit',
      'parenting-guidance',
      'social-security-card',
    ]);
    expect(r.plan.find((p) => p.id === 'insurance-payment')).toMatchObject({
      department: 'tax',
      dependsOn: ['insurance-enrollment'],
    });
  });

  it('the document sets no number of working days, and no deadline is invented', () => {
    const r = run('anhui', family('anhui'));
    expect(r.plan.every((p) => p.deadline.status === 'not-set')).toBe(true);
  });

  it('the father confirms with face verification in his own login (附件2 二 1)', () => {
    expect(POLICIES.anhui.applicants).toMatchObject({
      roles: ['mother'],
      fatherConfirms: true,
      faceVerification: ['father'],
    });
  });

  it('the CDC issues the vaccination certificate (三(二))', () => {
    expect(
      run('anhui', family('anhui')).plan.find((p) => p.id === 'vaccination-certificate')?.department,
    ).toBe('cdc');
  });

  it('September–December births may pay this year and the next; coverage after 3 months starts the day after payment (附3 备注)', () => {
    const both = (paymentDate: string, bornAt = '2026-11-10T08:00:00+08:00') =>
      run(
        'anhui',
        family('anhui', (f) => {
          f.baby.bornAt = bornAt;
          f.choices.insuranceYears = ['current', 'next'];
          f.choices.paymentDate = paymentDate;
        }),
        '2026-12-20T10:00:00+08:00',
      ).insurance;
    expect(both('2026-12-20')).toMatchObject({
      yearsOffered: ['current', 'next'],
      nextYearRequiresCurrent: false,
      paidWithinWindow: true,
      coverage: [
        { insuranceYear: 'current', start: '2026-11-10', end: '2026-12-31' },
        { insuranceYear: 'next', start: '2027-01-01', end: '2027-12-31' },
      ],
    });
    // Born 1 September, paid on day 105: this year from the day after payment, then the next year whole.
    expect(both('2026-12-15', '2026-09-01T08:00:00+08:00')).toMatchObject({
      paidWithinWindow: false,
      coverage: [
        { insuranceYear: 'current', start: '2026-12-16', end: '2026-12-31' },
        { insuranceYear: 'next', start: '2027-01-01', end: '2027-12-31' },
      ],
    });
    // Paid late in the next year: that year is the one bought, listed once.
    expect(both('2027-02-20')).toMatchObject({
      coverage: [{ insuranceYear: 'current', year: 2027, start: '2027-02-21', end: '2027-12-31' }],
    });
    const late = both('2027-02-20');
    expect(late.stated ? late.coverage : []).toHaveLength(1);
    const august = run(
      'anhui',
      family('anhui', (f) => {
        f.baby.bornAt = '2026-08-31T08:00:00+08:00';
      }),
    );
    expect(august.insurance).toMatchObject({ yearsOffered: ['current'] });
  });

  it('carries the SMS template for a completed enrollment (附件2 二 5)', () => {
    expect(POLICIES.anhui.smsTemplates[0]).toMatchObject({
      event: 'insurance-enrolled',
      citation: { file: '004' },
    });
    expect(POLICIES.anhui.smsTemplates[0]!.text.zh).toContain('城乡居民两险缴费');
  });
});

describe('Anhui (004): the father confirms in his own login (附件2 二 1)', () => {
  it('refuses until the father has confirmed with face verification, and says what to do', async () => {
    const { finding } = await import('../../support/harness.ts');
    const without = run(
      'anhui',
      family('anhui', (f) => {
        f.fatherConfirmation = null;
      }),
    );
    expect(without.eligible).toBe(false);
    expect(finding(without, 'father-confirmed')).toMatchObject({
      outcome: 'failed',
      remedy: { kind: 'supplement' },
      citation: POLICIES.anhui.applicants.citation,
    });
    const failedFace = run(
      'anhui',
      family('anhui', (f) => {
        f.fatherConfirmation = { confirmedAt: '2026-11-19T20:00:00+08:00', faceVerified: false };
      }),
    );
    expect(failedFace.eligible).toBe(false);
    expect(finding(run('anhui', family('anhui')), 'father-confirmed').outcome).toBe('passed');
    // Only where the policy asks for it.
    expect(
      run(
        'fujian',
        family('fujian', (f) => {
          f.fatherConfirmation = null;
        }),
      ).findings.map((f) => f.ruleId),
    ).not.toContain('father-confirmed');
  });
});
