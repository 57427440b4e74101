import { describe, expect, it } from 'vitest';
import { family, finding, ruleTable, run, strangerId, type Mutation } from '../../support/harness.ts';

describe('Zibo (000) — one case per rule', () => {
  ruleTable('zibo', [
    {
      rule: 'born-in-zibo-institution',
      clause: '二 2',
      fail: (f) => {
        f.baby.birthPlace.divisionCode = '370102';
      },
    },
    {
      rule: 'born-in-zibo-institution',
      clause: '二 2',
      fail: (f) => {
        f.baby.birthPlace.kind = 'home';
      },
    },
    {
      rule: 'within-six-months',
      clause: '二 2',
      pass: (f) => {
        f.baby.bornAt = '2026-05-20T09:00:00+08:00';
      },
      passAt: '2026-11-20T10:00:00+08:00',
      fail: (f) => {
        f.baby.bornAt = '2026-05-20T09:00:00+08:00';
      },
      failAt: '2026-11-21T10:00:00+08:00',
    },
    {
      rule: 'one-parent-zibo-hukou',
      clause: '二 2',
      pass: (f) => {
        f.mother.hukou!.divisionCode = '370102';
      },
      fail: (f) => {
        f.mother.hukou!.divisionCode = '370102';
        f.father!.hukou!.divisionCode = '370102';
      },
    },
    {
      rule: 'register-with-zibo-parent',
      clause: '二 2',
      pass: (f) => {
        f.mother.hukou!.divisionCode = '370102';
        f.choices.followParent = 'father';
      },
      fail: (f) => {
        f.mother.hukou!.divisionCode = '370102';
        f.choices.followParent = 'mother';
      },
    },
    {
      rule: 'married-in-shandong',
      clause: '二 2',
      fail: (f) => {
        f.marriage!.registeredDivisionCode = '320102';
      },
    },
    {
      rule: 'marriage-in-force',
      clause: '二 2',
      fail: (f) => {
        f.marriage!.status = 'divorced';
        f.marriage!.divorcedOn = '2026-11-15';
      },
    },
    {
      rule: 'baby-named',
      clause: '二 2',
      fail: (f) => {
        f.baby.givenName = '';
      },
    },
    {
      rule: 'no-duplicate-application',
      clause: '二 2',
      fail: (f) => {
        f.priorApplication = true;
      },
    },
    {
      rule: 'head-is-direct-relative',
      clause: '二 6(1)',
      fail: (f) => {
        f.father!.hukou!.relationToHead = 'sibling';
      },
    },
    {
      rule: 'head-is-direct-relative',
      clause: '二 6(1)',
      passIsNotApplicable: true,
      pass: (f) => {
        f.father!.hukou!.householdType = 'collective';
        f.father!.hukou!.relationToHead = 'other';
      },
      fail: (f) => {
        f.father!.hukou!.relationToHead = 'other';
      },
    },
    {
      rule: 'marriage-matches-birth-record',
      clause: '二 6(2)',
      fail: (f) => {
        f.deliveryRecord!.fatherIdNumber = strangerId;
      },
    },
    ...(['military', 'student', 'hk-macau-taiwan', 'overseas-chinese', 'foreigner'] as const).map(
      (category) => ({
        rule: 'no-special-category-parent',
        clause: '二 6(3)',
        fail: ((f) => {
          f.father!.category = category;
        }) as Mutation,
      }),
    ),
    {
      rule: 'marital-birth',
      clause: '二 6(4)',
      fail: (f) => {
        f.marriage!.registeredOn = '2026-11-15';
      },
    },
    {
      rule: 'not-divorced-before-birth',
      clause: '二 6(4)',
      fail: (f) => {
        f.marriage!.status = 'divorced';
        f.marriage!.divorcedOn = '2026-10-01';
      },
    },
  ]);
});

describe('Zibo (000) — plan, time limits, delivery and insurance', () => {
  it('package one plans the certificate, vaccination and registration only, in dependency order (附件1 1)', () => {
    const r = run(
      'zibo',
      family('zibo', (f) => {
        f.choices.packageId = 'package-1';
      }),
    );
    expect(r.plan.map((p) => [p.id, p.stage, p.why])).toEqual([
      ['birth-certificate', 0, 'package'],
      ['vaccination-certificate', 0, 'package'],
      ['hukou-registration', 1, 'package'],
    ]);
    expect(r.leftOut.map((l) => l.reason)).toEqual(['not-chosen', 'not-chosen']);
  });

  it('every item ends within the 4-working-day promise; items with no own limit take the promise (一, 四)', () => {
    // Submitted Friday 2026-11-20: 4 working days end Thursday 2026-11-26 24:00.
    const r = run('zibo', family('zibo'));
    expect(r.deadlines.promised).toMatchObject({ status: 'scheduled', local: '2026-11-26 24:00' });
    const due = Object.fromEntries(
      r.plan.map((p) => [p.id, p.deadline.status === 'scheduled' ? p.deadline.local : p.deadline.status]),
    );
    expect(due).toEqual({
      'birth-certificate': '2026-11-23 24:00',
      'vaccination-certificate': '2026-11-26 24:00',
      'hukou-registration': '2026-11-24 24:00',
      'social-security-card': '2026-11-25 24:00',
      'insurance-enrollment': '2026-11-26 24:00',
    });
    for (const id of ['insurance-enrollment', 'vaccination-certificate'])
      expect(r.plan.find((p) => p.id === id)!.deadline).toMatchObject({ basis: 'case-promise' });
  });

  it('the marriage certificate is not uploaded when the registry has the marriage (附件1 6)', () => {
    const r = run('zibo', family('zibo'));
    expect(r.materials.map((m) => [m.id, m.source])).toEqual([
      ['mother-id-card', 'upload'],
      ['father-id-card', 'upload'],
      ['marriage-certificate', 'shared-data'],
    ]);
  });

  it('mail is free and only within Shandong, to the father or the mother (附件1 6)', () => {
    const r = run(
      'zibo',
      family('zibo', (f) => {
        f.choices.delivery = { 'hukou-registration': 'pickup' };
      }),
    );
    expect(r.plan.find((p) => p.id === 'hukou-registration')!.delivery?.chosen).toBe('pickup');
    expect(r.plan.find((p) => p.id === 'birth-certificate')!.delivery).toMatchObject({
      chosen: 'mail',
      options: [{ kind: 'mail', fee: 'free' }],
    });
    expect(() =>
      run(
        'zibo',
        family('zibo', (f) => {
          f.choices.delivery = { 'birth-certificate': 'pickup' };
        }),
      ),
    ).toThrow(/is received: cannot be picked up in this region/);
  });

  it.each([
    ['born in the first half: the full personal premium', '2026-03-10T08:00:00+08:00', 1],
    ['born in the second half: half of it', '2026-07-01T08:00:00+08:00', 0.5],
  ])('premium share, %s (附件1 须知 4)', (_name, bornAt, share) => {
    const r = run(
      'zibo',
      family('zibo', (f) => {
        f.baby.bornAt = bornAt;
      }),
      '2026-07-02T10:00:00+08:00',
    );
    expect(r.insurance).toMatchObject({ stated: true, premiumShare: share });
  });

  it('paid within six months: covered from birth; later: from the day of back-payment (二 4)', () => {
    const within = run(
      'zibo',
      family('zibo', (f) => {
        f.choices.paymentDate = '2027-05-10';
      }),
    );
    expect(within.insurance).toMatchObject({
      paidWithinWindow: true,
      coverage: [{ start: '2026-11-10', end: '2026-12-31' }],
    });
    const after = run(
      'zibo',
      family('zibo', (f) => {
        f.choices.paymentDate = '2027-05-11';
      }),
    );
    expect(after.insurance).toMatchObject({
      paidWithinWindow: false,
      coverage: [{ start: '2027-05-11', end: '2027-12-31' }],
    });
  });

  it('a family already registered is refused with the scenario clause: Zibo offers only the full process', () => {
    const r = run(
      'zibo',
      family('zibo', (f) => {
        f.existing = { birthCertificate: null, babyHukou: { idNumber: strangerId } };
      }),
    );
    expect(r.scenario).toMatchObject({ id: 'has-hukou-book', detectedFromRegistries: true });
    expect(finding(r, 'scenario-offered')).toMatchObject({
      outcome: 'failed',
      citation: { file: '000', clause: '一' },
      remedy: { kind: 'apply-offline' },
    });
    expect(r.eligible).toBe(false);
  });

  it('only the mother applies (附件1 4)', () => {
    const r = run(
      'zibo',
      family('zibo', (f) => {
        f.applicant = { role: 'father' };
      }),
    );
    expect(finding(r, 'applicant-allowed')).toMatchObject({
      outcome: 'failed',
      remedy: { kind: 'choose-other-parent' },
    });
  });
});
