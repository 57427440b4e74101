import { describe, expect, it } from 'vitest';
import { officialCalendar, type YearArrangement } from '../../src/calendar/official-calendar.ts';
import { applyEvent, replay, type CaseEvent, type CaseState } from '../../src/domain/case.ts';
import { decide, markOverdue, submit } from '../../src/domain/case-commands.ts';
import type { CaseSubmission } from '../../src/domain/case-events.ts';
import { recountDeadlines, type Recount } from '../../src/domain/deadline-recount.ts';
import { answerSupplement } from '../../src/domain/family-commands.ts';
import { deadlineOf } from '../../src/domain/sla-clock.ts';

/**
 * Counting a case's deadlines again when a year's official arrangement replaces the provisional
 * one: from where each clock started, with the pauses it had, and never over what cannot be traced.
 */

const provisional = officialCalendar();
const NOTICE: YearArrangement = {
  year: 2027,
  source: '测试用通知（非真实）',
  holidays: [{ name: '元旦', dates: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'] }],
  workdays: [],
};
const official = officialCalendar([NOTICE]);
const ONE_DAY = { unit: 'working-days', value: 1 } as const;
const PROMISE = { unit: 'working-days', value: 3 } as const;
const iso = (s: string) => new Date(s).toISOString();
const SUBMITTED = new Date('2026-12-31T10:00:00+08:00');

/** A case of two one-day items, B after A, with a three-day promise, submitted on 31 December 2026. */
function submission(): CaseSubmission {
  const a = deadlineOf(provisional, SUBMITTED, ONE_DAY);
  const b = deadlineOf(provisional, new Date(a.getTime() - 1), ONE_DAY);
  return {
    region: 'gansu-lanzhou',
    scenario: 'full',
    applicant: { role: 'mother', idNumber: 'M' },
    motherIdNumber: 'M',
    babyName: '王一诺',
    homeDivisionCode: '620102',
    items: [
      {
        id: 'birth-certificate',
        department: 'midwifery-institution',
        dependsOn: [],
        sla: ONE_DAY,
        delivery: null,
        inboundParcel: false,
        plannedDeadline: a.toISOString(),
      },
      {
        id: 'hukou-registration',
        department: 'police',
        dependsOn: ['birth-certificate'],
        sla: ONE_DAY,
        delivery: null,
        inboundParcel: false,
        plannedDeadline: b.toISOString(),
      },
    ],
    promisedDeadline: deadlineOf(provisional, SUBMITTED, PROMISE).toISOString(),
    form: {},
    signature: null,
  };
}

class Log {
  events: CaseEvent[] = [];
  state!: CaseState;
  constructor(s: CaseSubmission) {
    this.add(submit('C', s, SUBMITTED, provisional));
  }
  add(events: CaseEvent[]) {
    this.events.push(...events);
    this.state = replay('C', this.events);
    return this;
  }
}

const recount = (at: string, before = [provisional]): Recount => ({
  at: new Date(at),
  years: [2027],
  source: NOTICE.source,
  calendar: official,
  before,
  promise: PROMISE,
});

/** The police ask for a supplement at 15:00 on 31 December; the family answers on Saturday 2 January. */
function withSupplement() {
  const log = new Log(submission());
  log.add(
    decide(
      log.state,
      {
        txnId: 't1',
        caseId: 'C',
        item: 'birth-certificate',
        department: 'midwifery-institution',
        outcome: 'supplement',
        material: 'x',
        message: { zh: '补', en: 'add' },
      },
      new Date('2026-12-31T15:00:00+08:00'),
      provisional,
    ),
  );
  log.add(
    answerSupplement(log.state, 'birth-certificate', '', new Date('2027-01-02T10:00:00+08:00'), provisional),
  );
  return log;
}

describe('counting deadlines again with an official arrangement', () => {
  it('a deadline on the family (Gansu’s police visit) is counted again from when the registration was done, even after the case is complete', () => {
    const s = submission();
    s.items = [{ ...s.items[0]!, id: 'hukou-registration', department: 'police' }];
    s.terms = {
      supplements: false,
      pausesFor: [],
      services: [],
      familyDeadlines: [
        {
          id: 'visit',
          task: { zh: '到派出所', en: 'visit' },
          after: 'hukou-registration',
          within: { unit: 'working-days', value: 3 },
        },
      ],
    };
    const log = new Log(s);
    log.add(
      decide(
        log.state,
        { txnId: 'd', caseId: 'C', item: 'hukou-registration', department: 'police', outcome: 'done' },
        new Date('2026-12-31T15:00:00+08:00'),
        provisional,
      ),
    );
    expect(log.state.status).toBe('completed');
    // Provisionally: 4, 5 and 6 January.
    expect(log.state.familyDeadlines![0]!.due).toBe(iso('2027-01-06T24:00:00+08:00'));
    const { events } = recountDeadlines(log.state, log.events, recount('2027-01-03T09:00:00+08:00'));
    expect(events).toEqual([
      expect.objectContaining({
        type: 'family-deadline-recomputed',
        id: 'visit',
        due: { from: iso('2027-01-06T24:00:00+08:00'), to: iso('2027-01-07T24:00:00+08:00') },
      }),
    ]);
    expect(log.add(events).state.familyDeadlines![0]!.due).toBe(iso('2027-01-07T24:00:00+08:00'));
  });

  it('an item’s deadline is counted from its dispatch, and the working time it waited for the family is added back as before', () => {
    const log = withSupplement();
    // Provisionally: Monday 4 January, plus the 9 working hours left of the 31st after 15:00.
    expect(log.state.items['birth-certificate']!.deadline).toBe(iso('2027-01-05T09:00:00+08:00'));
    const { events, notRecounted } = recountDeadlines(
      log.state,
      log.events,
      recount('2027-01-03T09:00:00+08:00'),
    );
    expect(notRecounted).toEqual([]);
    expect(events).toContainEqual({
      type: 'deadline-recomputed',
      at: iso('2027-01-03T09:00:00+08:00'),
      item: 'birth-certificate',
      years: [2027],
      source: NOTICE.source,
      // Officially 4 January is off: Tuesday 5 January, plus the same 9 hours.
      deadline: { from: iso('2027-01-05T09:00:00+08:00'), to: iso('2027-01-06T09:00:00+08:00') },
      plannedDeadline: { from: iso('2027-01-04T24:00:00+08:00'), to: iso('2027-01-05T24:00:00+08:00') },
    });
  });

  it('the plan and the promise are counted again down the chain from the submission', () => {
    const log = new Log(submission());
    const { events } = recountDeadlines(log.state, log.events, recount('2027-01-03T09:00:00+08:00'));
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'promise-recomputed',
        from: iso('2027-01-06T24:00:00+08:00'),
        to: iso('2027-01-07T24:00:00+08:00'),
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'deadline-recomputed',
        item: 'hukou-registration',
        plannedDeadline: { from: iso('2027-01-05T24:00:00+08:00'), to: iso('2027-01-06T24:00:00+08:00') },
      }),
    );
    expect(
      events.find((e) => e.type === 'deadline-recomputed' && e.item === 'hukou-registration'),
    ).not.toHaveProperty('deadline');
    // Applied, the case reads the new values, and counting once more changes nothing.
    const after = log.add(events);
    expect(after.state.promisedDeadline).toBe(iso('2027-01-07T24:00:00+08:00'));
    expect(after.state.promiseRecomputed).toMatchObject({ source: NOTICE.source, years: [2027] });
    expect(
      recountDeadlines(after.state, after.events, recount('2027-01-03T10:00:00+08:00', [official])).events,
    ).toEqual([]);
  });

  it('a wait that did not move the deadline when it happened (a region that does not pause) does not move it now', () => {
    const log = withSupplement();
    const answered = log.events.at(-1)! as Extract<CaseEvent, { type: 'supplement-answered' }>;
    const unpaused = new Log(submission()).add(
      log.events.slice(2, -1).concat({ ...answered, deadline: iso('2027-01-04T24:00:00+08:00') }),
    );
    const { events } = recountDeadlines(
      unpaused.state,
      unpaused.events,
      recount('2027-01-03T09:00:00+08:00'),
    );
    expect(
      events.find((e) => e.type === 'deadline-recomputed' && e.item === 'birth-certificate'),
    ).toMatchObject({
      deadline: { from: iso('2027-01-04T24:00:00+08:00'), to: iso('2027-01-05T24:00:00+08:00') },
    });
  });

  it('an item flagged overdue on the provisional count is not overdue if the official one puts it later than now', () => {
    const log = withSupplement();
    log.add(markOverdue(log.state, new Date('2027-01-05T10:00:00+08:00')));
    expect(log.state.items['birth-certificate']!.overdue).toBe(true);
    const { events } = recountDeadlines(log.state, log.events, recount('2027-01-05T12:00:00+08:00'));
    log.add(events);
    expect(log.state.items['birth-certificate']).toMatchObject({
      overdue: false,
      deadline: iso('2027-01-06T09:00:00+08:00'),
    });
  });

  it('a stored deadline no calendar gives back from its inputs is left as it is and reported', () => {
    const s = submission();
    s.promisedDeadline = iso('2027-01-20T24:00:00+08:00'); // say, the policy's promise changed since
    s.items[1]!.plannedDeadline = iso('2027-01-21T24:00:00+08:00');
    const log = new Log(s);
    const { events, notRecounted } = recountDeadlines(
      log.state,
      log.events,
      recount('2027-01-03T09:00:00+08:00'),
    );
    expect(notRecounted).toEqual([
      { item: null, field: 'promisedDeadline', stored: s.promisedDeadline },
      { item: 'hukou-registration', field: 'plannedDeadline', stored: s.items[1]!.plannedDeadline },
    ]);
    expect(events.map((e) => (e.type === 'deadline-recomputed' ? e.item : e.type))).toEqual([
      'birth-certificate',
    ]);
  });

  it('only open items of open cases change', () => {
    const log = new Log(submission());
    log.add(
      decide(
        log.state,
        {
          txnId: 't1',
          caseId: 'C',
          item: 'birth-certificate',
          department: 'midwifery-institution',
          outcome: 'done',
        },
        new Date('2027-01-04T10:00:00+08:00'),
        provisional,
      ),
    );
    const { events } = recountDeadlines(log.state, log.events, recount('2027-01-04T11:00:00+08:00'));
    expect(events.some((e) => e.type === 'deadline-recomputed' && e.item === 'birth-certificate')).toBe(
      false,
    );
    const closed = applyEvent(
      log.state,
      {
        type: 'item-rejected',
        at: iso('2027-01-04T12:00:00+08:00'),
        item: 'hukou-registration',
        txnId: 't2',
        reason: { zh: '否', en: 'no' },
      },
      'C',
    );
    expect(recountDeadlines(closed, log.events, recount('2027-01-04T13:00:00+08:00')).events).toEqual([]);
  });
});
