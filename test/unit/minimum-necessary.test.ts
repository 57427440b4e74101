import { describe, expect, it } from 'vitest';
import type { ItemState } from '../../src/domain/case.ts';
import { DEPARTMENTS } from '../../src/departments/index.ts';
import { minimumNecessary, RECEIVES } from '../../src/departments/minimum-necessary.ts';
import type { CaseForm } from '../../src/departments/port.ts';
import { POLICIES } from '../../src/policies/index.ts';

/** A form with everything a family may give: both phones, mailing, a card bank, a paid premium. */
const form: CaseForm = {
  baby: {
    name: '林晨曦',
    sex: 'female',
    bornAt: '2026-11-14T00:00:00Z',
    birthPlace: { divisionCode: '350503', institutionName: '泉州市妇幼保健院' },
  },
  babyEthnicity: '01',
  mother: { name: '陈静', idNumber: '350503199501010025', phone: '13900001111' },
  father: { name: '林强', idNumber: '350503199301010016', phone: '13800002222' },
  registering: {
    role: 'mother',
    name: '陈静',
    idNumber: '350503199501010025',
    hukouDivisionCode: '350503',
    householdType: 'urban',
  },
  marriage: { registeredOn: '2020-05-20', registeredDivisionCode: '350503' },
  insuranceYears: ['current', 'next'],
  insuranceDivisionCode: '350503',
  premium: { years: [{ year: 2026, insuranceYear: 'current' }], shareOfBirthYear: 1 },
  cardBank: 'icbc',
  delivery: { 'birth-certificate': { kind: 'mail' }, 'hukou-registration': { kind: 'pickup' } },
  recipient: { name: '陈静', phone: '13900001111', divisionCode: '350503', detail: '人民路 8 号' },
  contact: { phone: '13900001111', mailingAddress: { divisionCode: '350503', detail: '人民路 8 号' } },
  uploads: [{ material: 'marriage-certificate', sha256: 'ab', mime: 'image/png' }],
};
const outputs = { certificateNumber: 'Q350000001', citizenIdNumber: '350503202611140028' };
const paid = { payment: { orderId: 'P-1', amountFen: 40_000, paidAt: '2026-11-20T00:00:00Z' } } as ItemState;

describe('department tasks carry only what the department is listed to receive (PIPL art. 6)', () => {
  const items = Object.values(POLICIES).flatMap((p) => p.items.map((i) => [p.region, i.id, i.department]));

  it.each(items)('%s %s: what the %s adapter cuts from the form is all on its list', (_r, item, dep) => {
    const department = dep as keyof typeof RECEIVES;
    const built = DEPARTMENTS[department].taskFields(item as never, form, outputs, paid);
    expect(minimumNecessary(department, built).dropped).toEqual([]);
  });

  it('what is not listed does not leave: no phone to the police, no ID number to the vaccination clinic', () => {
    const police = minimumNecessary('police', {
      otherParent: { name: '林强', idNumber: '350503199301010016', phone: '13800002222' },
      uploads: form.uploads,
    });
    expect(police.kept).toEqual({ otherParent: { name: '林强', idNumber: '350503199301010016' } });
    expect(police.dropped).toEqual(['otherParent.phone', 'uploads']);
    const cdc = DEPARTMENTS.cdc.taskFields('vaccination-certificate' as never, form, outputs);
    expect(JSON.stringify(minimumNecessary('cdc', cdc).kept)).not.toMatch(/350503\d{11}[\dX]/);
  });

  it('every department that decides an item has a purpose and a list', () => {
    for (const [, , department] of items)
      expect(RECEIVES[department as keyof typeof RECEIVES]?.purpose.zh).toBeTruthy();
  });
});
