import { describe, expect, it } from 'vitest';
import { family, ruleTable, run } from '../../support/harness.ts';

describe('Sichuan / Tongchuan (002) — one case per rule', () => {
  ruleTable('sichuan-tongchuan', [
    {
      rule: 'born-in-tongchuan-institution',
      clause: '二(一)1',
      fail: (f) => {
        f.baby.birthPlace.divisionCode = '511703';
      },
    },
    {
      rule: 'registers-in-tongchuan',
      clause: '二(一)2；二(一) 末段',
      pass: (f) => {
        f.mother.hukou!.divisionCode = '511703';
        f.choices.followParent = 'father';
      },
      fail: (f) => {
        f.father!.hukou!.divisionCode = '511703';
        f.choices.insuranceDivisionCode = '511702';
      },
    },
    {
      rule: 'marital-birth',
      clause: '二(一)2',
      fail: (f) => {
        f.marriage = null;
      },
    },
    {
      rule: 'insured-in-tongchuan',
      clause: '二(一)3',
      fail: (f) => {
        f.choices.insuranceDivisionCode = '511703';
      },
    },
    {
      rule: 'baby-named',
      clause: '二(一) 末段',
      fail: (f) => {
        f.baby.surname = '';
        f.baby.givenName = '';
      },
    },
  ]);
});

describe('Sichuan / Tongchuan (002) — joint window, recipient and what the document leaves unsaid', () => {
  it('the two hospital items are handed over on the spot; the rest have no time limit in the document', () => {
    const r = run('sichuan-tongchuan', family('sichuan-tongchuan'));
    expect(r.plan.find((p) => p.id === 'birth-certificate')!.deadline).toMatchObject({
      status: 'scheduled',
      local: '2026-11-20 24:00',
      sla: { unit: 'on-the-spot' },
    });
    for (const id of [
      'hukou-registration',
      'insurance-enrollment',
      'insurance-payment',
      'social-security-card',
    ]) {
      expect(r.plan.find((p) => p.id === id)!.deadline).toMatchObject({ status: 'not-set' });
    }
    expect(r.deadlines).toEqual({ promised: null, legal: null });
  });

  it('premium payment comes after enrollment (二(四)4)', () => {
    const r = run('sichuan-tongchuan', family('sichuan-tongchuan'));
    expect(r.plan.find((p) => p.id === 'insurance-payment')).toMatchObject({
      department: 'tax',
      dependsOn: ['insurance-enrollment'],
      stage: 3,
    });
  });

  it('the recipient is limited to the mother (附件1 证件流转信息)', () => {
    expect(() =>
      run(
        'sichuan-tongchuan',
        family('sichuan-tongchuan', (f) => {
          f.choices.recipient = 'father';
        }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        details: expect.objectContaining({ field: 'choices.recipient' }),
      }),
    );
    expect(
      run(
        'sichuan-tongchuan',
        family('sichuan-tongchuan', (f) => {
          f.choices.recipient = 'mother';
        }),
      ).eligible,
    ).toBe(true);
  });

  it('the social security card is mailed only', () => {
    const r = run('sichuan-tongchuan', family('sichuan-tongchuan'));
    expect(r.plan.find((p) => p.id === 'social-security-card')!.delivery).toMatchObject({
      chosen: 'mail',
      options: [{ kind: 'mail' }],
    });
  });

  it('insurance terms are reported as not stated, with the clause, instead of borrowed from another region', () => {
    const r = run('sichuan-tongchuan', family('sichuan-tongchuan'));
    expect(r.insurance).toMatchObject({ stated: false, citations: [{ file: '002', clause: '附件4 二' }] });
  });
});
