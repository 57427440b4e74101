import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../../src/policies/index.ts';
import { certificatePagesFor } from '../../../src/policy/evaluate.ts';
import { family, finding, ruleTable, run, strangerId } from '../../support/harness.ts';

describe('Fujian 2.0 (003) — one case per rule', () => {
  ruleTable('fujian', [
    {
      rule: 'surname-of-a-parent',
      clause: '附件1 二(一)',
      fail: (f) => {
        f.baby.surname = '赵';
      },
    },
    {
      rule: 'collective-only-without-family-household',
      clause: '附件4 一',
      pass: (f) => {
        f.father!.hukou!.householdType = 'collective';
        f.mother.hukou!.divisionCode = '350102';
      },
      fail: (f) => {
        f.father!.hukou!.householdType = 'collective';
        f.familyHouseholdInCollectiveArea = true;
      },
    },
    {
      rule: 'born-in-fujian-institution',
      clause: '附件1 二(一)',
      fail: (f) => {
        f.baby.birthPlace.divisionCode = '330102';
      },
    },
    {
      rule: 'under-one-year',
      clause: '附件1 二(一)；附件4 一',
      pass: (f) => {
        f.baby.bornAt = '2025-11-21T08:00:00+08:00';
      },
      fail: (f) => {
        f.baby.bornAt = '2025-11-20T08:00:00+08:00';
      },
    },
    {
      rule: 'one-parent-fujian-hukou',
      clause: '附件1 二(一)；附件2 一(二)',
      pass: (f) => {
        f.father!.hukou!.divisionCode = '330102';
        f.choices.followParent = 'mother';
      },
      fail: (f) => {
        f.father!.hukou!.divisionCode = '330102';
        f.mother.hukou!.divisionCode = '330102';
      },
    },
    {
      rule: 'both-chinese-nationals',
      clause: '附件2 一(二)',
      fail: (f) => {
        f.father!.nationality = 'SGP';
      },
    },
    {
      rule: 'no-foreign-or-hmt-parent',
      clause: '附件2 一(一)',
      fail: (f) => {
        f.mother.category = 'hk-macau-taiwan';
      },
    },
    {
      rule: 'marriage-registered-in-fujian',
      clause: '附件2 一(二)',
      fail: (f) => {
        f.marriage!.registeredDivisionCode = '330102';
      },
    },
    {
      rule: 'marital-birth',
      clause: '附件1 二(一)；附件2 一(二)',
      fail: (f) => {
        f.marriage = null;
      },
    },
    {
      rule: 'follow-the-local-parent',
      clause: '附件2 一(二)；附件4 一',
      pass: (f) => {
        f.father!.hukou!.divisionCode = '330102';
        f.choices.followParent = 'mother';
      },
      fail: (f) => {
        f.father!.hukou!.divisionCode = '330102';
        f.choices.followParent = 'father';
      },
    },
    {
      rule: 'follow-the-local-parent',
      clause: '附件2 一(二)；附件4 一',
      passIsNotApplicable: true,
      fail: (f) => {
        f.mother.hukou!.divisionCode = '330102';
        f.choices.followParent = 'mother';
      },
    },
    {
      rule: 'family-or-collective-household',
      clause: '附件1 二(一)',
      pass: (f) => {
        f.father!.hukou!.householdType = 'collective';
        f.father!.hukou!.divisionCode = '350503';
      },
      fail: (f) => {
        f.father!.hukou = null;
        f.father!.category = 'overseas-chinese';
      },
    },
    {
      rule: 'family-household-first',
      clause: '附件2 一(四)；附件4 一',
      pass: (f) => {
        f.father!.hukou!.householdType = 'collective';
        f.choices.followParent = 'mother';
      },
      fail: (f) => {
        f.father!.hukou!.householdType = 'collective';
        f.choices.followParent = 'father';
      },
    },
    {
      rule: 'family-household-first',
      clause: '附件2 一(四)；附件4 一',
      passIsNotApplicable: true,
      // Different counties: the family may choose the collective household.
      pass: (f) => {
        f.father!.hukou!.householdType = 'collective';
        f.father!.hukou!.divisionCode = '350503';
        f.choices.followParent = 'father';
      },
      fail: (f) => {
        f.father!.hukou!.householdType = 'collective';
        f.father!.hukou!.divisionCode = '350502';
        f.mother.hukou!.divisionCode = '350503';
      },
    },
    {
      rule: 'delivery-record-matches',
      clause: '附件1 三(一)2',
      fail: (f) => {
        f.deliveryRecord = null;
      },
    },
    {
      rule: 'delivery-record-matches',
      clause: '附件1 三(一)2',
      passIsNotApplicable: true,
      pass: (f) => {
        f.deliveryRecord = null;
        f.existing = { birthCertificate: { number: 'P350000001', hasCounterfoil: true }, babyHukou: null };
      },
      fail: (f) => {
        f.deliveryRecord!.motherIdNumber = strangerId;
      },
    },
    {
      rule: 'holds-full-certificate',
      clause: '附件2 二(一)；附件1 三(二)1',
      pass: (f) => {
        f.existing = { birthCertificate: { number: 'P350000001', hasCounterfoil: true }, babyHukou: null };
      },
      fail: (f) => {
        f.choices.scenario = 'has-birth-certificate';
      },
    },
    {
      rule: 'maternity-insured-locally',
      clause: '附件1 三(一)4',
      fail: (f) => {
        f.maternityInsurance = { insuredDivisionCode: '330102', consecutiveMonths: 30 };
      },
    },
    {
      rule: 'maternity-insured-locally',
      clause: '附件1 三(一)4',
      fail: (f) => {
        f.maternityInsurance = null;
      },
    },
    {
      rule: 'insurance-within-one-year',
      clause: '附件2 一(五)',
      fail: (f) => {
        f.baby.bornAt = '2025-10-01T08:00:00+08:00';
      },
    },
  ]);
});

describe('Fujian 2.0 (003) — scenarios, applicants, hours and the counterfoil', () => {
  it('scenario 2 (certificate held) skips the hospital items and starts at the registration', () => {
    const r = run(
      'fujian',
      family('fujian', (f) => {
        f.existing = { birthCertificate: { number: 'P350000001', hasCounterfoil: true }, babyHukou: null };
      }),
    );
    expect(r.scenario).toMatchObject({ id: 'has-birth-certificate', detectedFromRegistries: true });
    expect(r.plan.map((p) => [p.id, p.stage])).toEqual([
      ['hukou-registration', 0],
      ['maternity-benefit', 1],
      ['insurance-enrollment', 1],
      ['social-security-card', 1],
    ]);
    expect(r.leftOut.filter((l) => l.reason === 'scenario').map((l) => l.id)).toEqual([
      'birth-certificate',
      'vaccination-certificate',
      'parenting-guidance',
    ]);
    expect(r.materials.map((m) => m.id)).toContain('full-birth-certificate');
  });

  it('scenario 3 (hukou book held) leaves only medical security and the card, and drops the registration rules', () => {
    const r = run(
      'fujian',
      family('fujian', (f) => {
        f.existing = {
          birthCertificate: { number: 'P350000001', hasCounterfoil: false },
          babyHukou: { idNumber: strangerId },
        };
        f.father!.hukou!.divisionCode = '330102'; // a non-local father is no obstacle once the baby is registered
      }),
    );
    expect(r.scenario.id).toBe('has-hukou-book');
    expect(r.eligible).toBe(true);
    expect(r.plan.map((p) => p.id)).toEqual([
      'maternity-benefit',
      'insurance-enrollment',
      'social-security-card',
    ]);
    expect(r.plan.every((p) => p.stage === 0)).toBe(true);
    expect(finding(r, 'follow-the-local-parent').outcome).toBe('not-applicable');
    // 附件2 三(一): ID cards, marriage certificate and hukou book photos are still needed.
    expect(r.materials.map((m) => m.id)).toEqual([
      'parents-id-cards',
      'marriage-certificate',
      'hukou-book-photos',
    ]);
  });

  it('附件2 一(七): the baby’s hukou page is asked for only when the card is mailed, and only after the registration', () => {
    const mailed = run(
      'fujian',
      family('fujian', (f) => void (f.choices.delivery = { 'social-security-card': 'mail' })),
    );
    expect(mailed.materials.find((m) => m.id === 'baby-hukou-page')).toMatchObject({
      source: 'upload-later',
    });
    const collected = run(
      'fujian',
      family('fujian', (f) => void (f.choices.delivery = { 'social-security-card': 'pickup' })),
    );
    expect(collected.materials.map((m) => m.id)).not.toContain('baby-hukou-page');
  });

  it('the registries decide the scenario over what the applicant declares', () => {
    const r = run(
      'fujian',
      family('fujian', (f) => {
        f.choices.scenario = 'full';
        f.existing = { birthCertificate: null, babyHukou: { idNumber: strangerId } };
      }),
    );
    expect(r.scenario).toMatchObject({
      id: 'has-hukou-book',
      declared: 'full',
      detectedFromRegistries: true,
    });
  });

  it.each([
    ['the mother applies', 'mother', null, 'passed'],
    [
      'the father with her authorization',
      'father',
      { grantee: 'father', signedAt: '2026-11-19T20:00:00+08:00' },
      'passed',
    ],
    ['the father without it', 'father', null, 'failed'],
  ] as const)('applicant: %s (附件2 一(三))', (_n, role, authorization, outcome) => {
    const r = run(
      'fujian',
      family('fujian', (f) => {
        f.applicant = { role };
        f.motherAuthorization = authorization;
      }),
    );
    expect(finding(r, 'applicant-allowed')).toMatchObject({ outcome, citation: { file: '003' } });
    expect(r.eligible).toBe(outcome === 'passed');
    if (outcome === 'passed' && role === 'father')
      expect(r.materials.map((m) => m.id)).toContain('authorization-letter');
  });

  it('24 working hours per department, counted only through working days; the card’s 72 start when the family is ready (附件1 四)', () => {
    // Friday 10:00 → Monday 10:00 (the weekend does not count) → Tuesday 10:00 → …
    const r = run('fujian', family('fujian'));
    const due = Object.fromEntries(
      r.plan.map((p) => [p.id, p.deadline.status === 'scheduled' ? p.deadline.local : p.deadline.status]),
    );
    expect(due).toEqual({
      'birth-certificate': '2026-11-23 10:00',
      'vaccination-certificate': '2026-11-23 10:00',
      'parenting-guidance': '2026-11-23 10:00',
      'hukou-registration': '2026-11-24 10:00',
      'maternity-benefit': '2026-11-25 10:00',
      'insurance-enrollment': '2026-11-25 10:00',
      'social-security-card': 'not-set',
    });
  });

  it('supplement and mailing time are excluded from the clock (附件1 四(五))', () => {
    expect(POLICIES.fujian.slaPauses).toEqual({
      excludes: ['supplement', 'mail'],
      citation: { file: '003', clause: '附件1 四(五)' },
    });
  });

  it('the family gets the main page only when the online registration succeeds, the uncut certificate otherwise (附件1 三(一)2)', () => {
    expect(certificatePagesFor(POLICIES.fujian, 'done')?.pages).toBe('main-page');
    expect(certificatePagesFor(POLICIES.fujian, 'failed')?.pages).toBe('main-and-counterfoil');
    expect(certificatePagesFor(POLICIES.zibo, 'done')).toBeNull();
  });

  it.each([
    ['paid on day 90: covered from birth', '2027-02-08', '2026-11-10', true],
    ['paid on day 91: from the day after payment', '2027-02-09', '2027-02-10', false],
  ])('90-day coverage rule, %s (附件2 一(五))', (_n, paymentDate, start, within) => {
    const r = run(
      'fujian',
      family('fujian', (f) => {
        f.choices.paymentDate = paymentDate;
      }),
    );
    expect(r.insurance).toMatchObject({
      paidWithinWindow: within,
      coverage: [{ start, end: `${start.slice(0, 4)}-12-31` }],
    });
  });
});
