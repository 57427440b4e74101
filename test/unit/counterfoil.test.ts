import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import type { CaseState, ItemState } from '../../src/domain/case.ts';
import {
  acknowledgement,
  counterfoilOf,
  countyFor,
  followUp,
  forwardable,
  hopsOf,
  monthlyDue,
  pendingGroups,
  routeDepartments,
  type Counterfoil,
} from '../../src/domain/counterfoil.ts';
import { AppError } from '../../src/domain/error.ts';
import { getPolicy } from '../../src/policies/index.ts';

const calendar = officialCalendar();
/** The Chinese message of the error `f` throws. */
function zh(f: () => unknown): string | null {
  try {
    f();
  } catch (e) {
    return (e as AppError).messages.zh;
  }
  return null;
}
const zibo = getPolicy('zibo').counterfoilTransfer!;
const fujian = getPolicy('fujian').counterfoilTransfer!;
const anhui = getPolicy('anhui').counterfoilTransfer!;

function item(status: ItemState['status'], decidedAt: string | null, outputs = {}): ItemState {
  return { status, decidedAt, outputs } as unknown as ItemState;
}

function caseWith(items: Record<string, ItemState>, id = 'C-1'): CaseState {
  return {
    id,
    babyName: '王小明',
    items,
    form: {
      baby: {
        name: '王小明',
        sex: 'male',
        bornAt: '2025-09-02T23:30:00.000Z',
        birthPlace: { kind: 'institution', divisionCode: '370303', institutionName: '淄博市妇幼保健院' },
      },
      mother: { name: '李秀兰' },
      registering: { hukouDivisionCode: '370305' },
    },
  } as unknown as CaseState;
}

const issued = item('done', '2025-09-04T02:00:00.000Z', { certificateNumber: 'Q370000001' });

function foil(n: number, readyAt: string, registeringCounty = '370303'): Counterfoil {
  return {
    caseId: `C-${n}`,
    certificateNumber: `Q37${String(n).padStart(7, '0')}`,
    issuedAt: readyAt,
    readyAt,
    institution: '淄博市妇幼保健院',
    birthCounty: '370303',
    registeringCounty,
    babyName: '王小明',
    sex: 'male',
    birthDate: '2025-09-01',
    motherName: '李秀兰',
  };
}

describe('the counterfoil route (副页移交)', () => {
  it('reads each region’s route: Zibo to the registering county’s police, Fujian through the county health bureau, Anhui to the archives', () => {
    expect(hopsOf(zibo).map((h) => [h.sender, h.receiver])).toEqual([
      [
        { kind: 'department', department: 'midwifery-institution', county: 'birth' },
        { kind: 'department', department: 'police', county: 'registering' },
      ],
    ]);
    expect(hopsOf(fujian).map((h) => h.receiver)).toEqual([
      { kind: 'department', department: 'health-commission', county: 'birth' },
      { kind: 'department', department: 'police', county: 'sender' },
    ]);
    expect(hopsOf(anhui).map((h) => h.receiver)).toEqual([{ kind: 'off-platform', county: 'birth' }]);
    expect(routeDepartments(fujian)).toEqual(['midwifery-institution', 'health-commission', 'police']);
    expect(getPolicy('gansu-lanzhou').counterfoilTransfer).toBeUndefined();
    expect(hopsOf(fujian).map((h) => [h.from.zh, h.to.zh])).toEqual([
      ['助产机构', '县（市、区）卫生健康行政部门'],
      ['县（市、区）卫生健康行政部门', '同级公安机关'],
    ]);
  });

  it('000 四(一): a month’s batch is due before the 10th, up to 7 days later when a holiday falls in the window', () => {
    const schedule = { byDay: 10, holidayDelayDays: 7 };
    expect(monthlyDue(schedule, '2025-07', calendar)).toEqual({
      date: '2025-08-09',
      delayedBy: 0,
      holiday: null,
      provisional: false,
    });
    // National Day, 1–8 October 2025: eight rest days, capped at seven.
    expect(monthlyDue(schedule, '2025-09', calendar)).toMatchObject({
      date: '2025-10-16',
      delayedBy: 7,
      holiday: '国庆节',
    });
    // Labour Day, 1–5 May 2025.
    expect(monthlyDue(schedule, '2025-04', calendar)).toMatchObject({ date: '2025-05-14', delayedBy: 5 });
    // December's batch is due in January of the next year (New Year's Day, 1–3 January 2026).
    expect(monthlyDue(schedule, '2025-12', calendar)).toMatchObject({ date: '2026-01-12', delayedBy: 3 });
    expect(monthlyDue({ byDay: 10, holidayDelayDays: 0 }, '2025-09', calendar).date).toBe('2025-10-09');
  });
});

describe('which counterfoils travel', () => {
  it('a certificate issued for a case whose registration goes through the platform', () => {
    const c = counterfoilOf(
      caseWith({ 'birth-certificate': issued, 'hukou-registration': item('dispatched', null) }),
      undefined,
    );
    expect(c).toEqual({
      caseId: 'C-1',
      certificateNumber: 'Q370000001',
      issuedAt: '2025-09-04T02:00:00.000Z',
      readyAt: '2025-09-04T02:00:00.000Z',
      institution: '淄博市妇幼保健院',
      birthCounty: '370303',
      registeringCounty: '370305',
      babyName: '王小明',
      sex: 'male',
      // Born 07:30 on 3 September, Beijing time.
      birthDate: '2025-09-03',
      motherName: '李秀兰',
    });
  });

  it('not a certificate not yet issued, nor one whose registration is not on the platform', () => {
    const registration = item('dispatched', null);
    expect(
      counterfoilOf(
        caseWith({ 'birth-certificate': item('dispatched', null), 'hukou-registration': registration }),
        undefined,
      ),
    ).toBeNull();
    expect(counterfoilOf(caseWith({ 'birth-certificate': issued }), undefined)).toBeNull();
    expect(
      counterfoilOf(
        caseWith({ 'birth-certificate': issued, 'hukou-registration': item('cancelled', null) }),
        undefined,
      ),
    ).toBeNull();
  });

  it('003 附件1 三(一)2、3: where a failed registration gives the family the counterfoil, it travels once the registration is done', () => {
    const handover = getPolicy('fujian').certificateHandover;
    const pending = caseWith({ 'birth-certificate': issued, 'hukou-registration': item('dispatched', null) });
    expect(counterfoilOf(pending, handover)).toBeNull();
    const failed = caseWith({
      'birth-certificate': issued,
      'hukou-registration': item('rejected', '2025-09-05T02:00:00.000Z'),
    });
    expect(counterfoilOf(failed, handover)).toBeNull();
    const done = caseWith({
      'birth-certificate': issued,
      'hukou-registration': item('done', '2025-09-30T18:00:00.000Z'),
    });
    // Registered at 02:00 on 1 October Beijing time: it belongs to October.
    expect(counterfoilOf(done, handover)).toMatchObject({ readyAt: '2025-09-30T18:00:00.000Z' });
  });
});

describe('grouping a hop’s counterfoils', () => {
  it('000 四(一): Zibo sorts last month’s by registering county; the running month waits; a month past its due day is overdue', () => {
    const items = [
      foil(1, '2025-08-31T16:30:00.000Z'), // 00:30 on 1 September in Beijing
      foil(2, '2025-09-10T02:00:00.000Z', '370305'),
      foil(3, '2025-09-20T02:00:00.000Z'),
      foil(4, '2025-10-03T02:00:00.000Z'),
    ].map((c) => ({ counterfoil: c, county: countyFor(hopsOf(zibo)[0]!.receiver, c, null) }));
    const groups = pendingGroups(zibo, 0, items, '2025-10-12', calendar);
    expect(
      groups.map((g) => ({
        county: g.county,
        month: g.month,
        ready: g.ready,
        overdue: g.overdue,
        due: g.due?.date,
        ids: g.counterfoils.map((c) => c.caseId),
      })),
    ).toEqual([
      {
        county: '370303',
        month: '2025-09',
        ready: true,
        overdue: false,
        due: '2025-10-16',
        ids: ['C-1', 'C-3'],
      },
      { county: '370305', month: '2025-09', ready: true, overdue: false, due: '2025-10-16', ids: ['C-2'] },
      { county: '370303', month: '2025-10', ready: false, overdue: false, due: '2025-11-09', ids: ['C-4'] },
    ]);
    expect(groups[0]!.period).toEqual({ from: '2025-09-01', to: '2025-09-30' });
    expect(pendingGroups(zibo, 0, items, '2025-10-17', calendar)[0]!.overdue).toBe(true);
  });

  it('003 附件1 三(一)2: Fujian sends whenever the hospital assembles, by the county of the birth, the period what it holds', () => {
    const hop = hopsOf(fujian)[0]!;
    const items = [foil(1, '2025-09-03T02:00:00.000Z'), foil(2, '2025-10-20T02:00:00.000Z', '350583')].map(
      (c) => ({ counterfoil: c, county: countyFor(hop.receiver, c, null) }),
    );
    const [group, ...rest] = pendingGroups(fujian, 0, items, '2025-10-21', calendar);
    expect(rest).toEqual([]);
    expect(group).toMatchObject({
      county: '370303',
      month: null,
      due: null,
      ready: true,
      period: { from: '2025-09-03', to: '2025-10-20' },
    });
    // The second hop goes to the police of the bureau's own county.
    expect(
      countyFor(hopsOf(fujian)[1]!.receiver, foil(3, '2025-10-20T02:00:00.000Z', '350583'), '350502'),
    ).toBe('350502');
  });
});

describe('a batch acknowledged line by line', () => {
  const batch = { status: 'sent' as const, lines: [{ caseId: 'A' }, { caseId: 'B' }, { caseId: 'C' }] };

  it('every line received: acknowledged', () => {
    const r = acknowledgement(
      batch,
      ['C', 'A', 'B'].map((caseId) => ({ caseId, status: 'received' as const })),
    );
    expect(r.status).toBe('acknowledged');
    expect(r.checks.map((c) => c.caseId)).toEqual(['A', 'B', 'C']);
  });

  it('one missing: acknowledged with discrepancies; a mismatch must say what does not match', () => {
    const r = acknowledgement(batch, [
      { caseId: 'A', status: 'received' },
      { caseId: 'B', status: 'missing', note: ' ' },
      { caseId: 'C', status: 'mismatched', note: '母亲姓名与副页不符' },
    ]);
    expect(r.status).toBe('acknowledged-with-discrepancies');
    expect(r.checks[1]).toEqual({ caseId: 'B', status: 'missing', note: null });
    const err = (() => {
      try {
        acknowledgement(batch, [
          { caseId: 'A', status: 'received' },
          { caseId: 'B', status: 'received' },
          { caseId: 'C', status: 'mismatched' },
        ]);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err?.messages.zh).toBe('核对说明：标为“不一致”的，请写明哪里不一致');
  });

  it('refuses a partial check, a line from elsewhere, and a batch not sent or already acknowledged', () => {
    expect(zh(() => acknowledgement(batch, [{ caseId: 'A', status: 'received' }]))).toMatch(
      /还有 2 份未核对/,
    );
    expect(
      zh(() =>
        acknowledgement(batch, [
          { caseId: 'A', status: 'received' },
          { caseId: 'A', status: 'received' },
        ]),
      ),
    ).toMatch(/重复/);
    expect(zh(() => acknowledgement(batch, [{ caseId: 'Z', status: 'received' }]))).toMatch(/不属于本批次/);
    expect(zh(() => acknowledgement({ ...batch, status: 'assembled' }, []))).toMatch(/尚未送出/);
    expect(zh(() => acknowledgement({ ...batch, status: 'acknowledged' }, []))).toMatch(/已经确认接收/);
  });

  it('each discrepancy followed up with a note; the last one resolves the batch', () => {
    const lines = [
      { caseId: 'A', status: 'received' as const, followedUp: false },
      { caseId: 'B', status: 'missing' as const, followedUp: false },
      { caseId: 'C', status: 'mismatched' as const, followedUp: false },
    ];
    const open = { status: 'acknowledged-with-discrepancies' as const, lines };
    expect(followUp(open, 'B', '已找到并补送').status).toBe('acknowledged-with-discrepancies');
    expect(
      followUp({ ...open, lines: [lines[0]!, { ...lines[1]!, followedUp: true }, lines[2]!] }, 'C', '已更正')
        .status,
    ).toBe('discrepancies-resolved');
    expect(zh(() => followUp(open, 'A', '无'))).toMatch(/没有待跟进的差异/);
    expect(zh(() => followUp(open, 'B', '  '))).toMatch(/请写明如何处理/);
    expect(zh(() => followUp({ ...open, lines: [{ ...lines[1]!, followedUp: true }] }, 'B', 'x'))).toMatch(
      /已经跟进/,
    );
  });

  it('what goes on to the next hop: what arrived, and a missing one found and handed over again', () => {
    expect(forwardable({ status: 'received', followUp: null })).toBe(true);
    expect(forwardable({ status: 'mismatched', followUp: null })).toBe(true);
    expect(forwardable({ status: 'missing', followUp: null })).toBe(false);
    expect(forwardable({ status: 'missing', followUp: 'explained' })).toBe(false);
    expect(forwardable({ status: 'missing', followUp: 'resent' })).toBe(true);
    expect(forwardable({ status: 'pending', followUp: null })).toBe(false);
  });
});
