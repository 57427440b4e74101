import { describe, expect, it } from 'vitest';
import { isUrban, simulateEms } from '../../src/departments/ems.ts';
import { formatBeijing } from '../../src/domain/local-date.ts';

async function timeline(destination: string, shippedAt: string) {
  const ems = simulateEms();
  await ems.ship(
    {
      parcelId: 'P1',
      caseId: 'C1',
      item: 'birth-certificate',
      direction: 'to-family',
      destination,
      shippedAt,
    },
    'P1:ship',
  );
  await ems.ship(
    {
      parcelId: 'P1',
      caseId: 'C1',
      item: 'birth-certificate',
      direction: 'to-family',
      destination,
      shippedAt,
    },
    'P1:ship',
  );
  return (await ems.due(new Date('2030-01-01T00:00:00Z'))).map(
    (u) => `${u.status} ${formatBeijing(new Date(u.at))}`,
  );
}

describe('EMS terms (000 四(七))', () => {
  it('tells a city district (01–20) from a county or county-level city', () => {
    expect([isUrban('370303'), isUrban('350502'), isUrban('370321'), isUrban('350583')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it.each([
    [
      'a city parcel handed over before noon is collected that day and delivered T+1',
      '370303',
      '2026-11-16T10:00:00+08:00',
      [
        'collected 2026-11-16 14:00',
        'in-transit 2026-11-16 16:00',
        'out-for-delivery 2026-11-17 09:00',
        'delivered 2026-11-17 16:00',
      ],
    ],
    [
      'after noon, it is collected the next morning',
      '370303',
      '2026-11-16T13:00:00+08:00',
      [
        'collected 2026-11-17 10:00',
        'in-transit 2026-11-17 12:00',
        'out-for-delivery 2026-11-18 09:00',
        'delivered 2026-11-18 16:00',
      ],
    ],
    [
      'a rural parcel is collected the next morning and delivered T+2',
      '370321',
      '2026-11-16T10:00:00+08:00',
      [
        'collected 2026-11-17 10:00',
        'in-transit 2026-11-17 12:00',
        'out-for-delivery 2026-11-19 09:00',
        'delivered 2026-11-19 16:00',
      ],
    ],
  ])('%s; a repeated booking adds nothing', async (_name, destination, shippedAt, expected) => {
    expect(await timeline(destination, shippedAt)).toEqual(expected);
  });
});

describe('the police simulator', () => {
  it('issues checksum-valid ID numbers in the registering parent’s division, odd for boys and even for girls', async () => {
    const { createPoliceSimulator } = await import('../../src/departments/police.ts');
    const { isCitizenId, sexOf } = await import('../../src/domain/citizen-id.ts');
    const police = createPoliceSimulator({
      seed: 3,
      now: () => new Date('2026-11-16T02:00:00Z'),
      rejectionRate: 0,
      supplementRate: 0,
      transientFaultRate: 0,
      latencyMs: { min: 0, max: 0 },
    });
    for (const [i, sex] of (['male', 'female', 'male', 'female'] as const).entries()) {
      await police.submit(
        {
          taskId: `C${i}:hukou-registration:1`,
          caseId: `C${i}`,
          item: 'hukou-registration',
          attempt: 1,
          department: 'police',
          region: 'fujian',
          deadline: null,
          fields: {
            baby: { sex, bornAt: '2026-11-10T00:30:00Z' },
            registering: { hukouDivisionCode: '350583' },
          },
        },
        `k${i}`,
      );
    }
    const ids = (await police.due(new Date('2026-11-17T00:00:00Z'))).map((d) => d.outputs!.citizenIdNumber!);
    expect(ids).toHaveLength(4);
    for (const [i, id] of ids.entries()) {
      expect(isCitizenId(id)).toBe(true);
      expect(id.slice(0, 14)).toBe('35058320261110');
      expect(sexOf(id)).toBe(i % 2 === 0 ? 'male' : 'female');
    }
  });
});
