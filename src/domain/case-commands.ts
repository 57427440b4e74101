import {
  applyEvent,
  dependentsOf,
  readyItems,
  type CaseEvent,
  type CaseState,
  type CaseSubmission,
  type ItemState,
} from './case.ts';
import type { Calendar } from './calendar.ts';
import { AppError } from './error.ts';
import type { DepartmentId, ItemId } from './ids.ts';
import { DEPARTMENT_NAMES } from './names.ts';
import { deadlineOf, extendByWorkingTime, workingTimeBetween } from './sla-clock.ts';
import type { Bilingual } from './text.ts';

/**
 * Commands as pure functions: the current state, the instant and the calendar in; the events
 * that record what happened out. The engine stores them; the reducer derives the state.
 */

export interface Decision {
  /** The department's own transaction id; a replay returns the stored answer. */
  txnId: string;
  caseId: string;
  item: ItemId;
  department: DepartmentId;
  outcome: 'done' | 'rejected' | 'supplement';
  outputs?: Record<string, string>;
  reason?: Bilingual;
  /** For a supplement: the material or field, and what to do. */
  material?: string;
  message?: Bilingual;
}

export function submit(caseId: string, s: CaseSubmission, at: Date, calendar: Calendar): CaseEvent[] {
  const submitted: CaseEvent = { type: 'case-submitted', at: at.toISOString(), ...s };
  return [submitted, ...dispatchReady(applyEvent(null, submitted, caseId), at, calendar)];
}

/** Dispatch every item whose prerequisites are done, with its deadline computed now. */
export function dispatchReady(state: CaseState, at: Date, calendar: Calendar): CaseEvent[] {
  return readyItems(state).flatMap((item): CaseEvent[] => {
    const dispatched: CaseEvent = {
      type: 'item-dispatched',
      at: at.toISOString(),
      item: item.id,
      attempt: item.attempt + 1,
      deadline: itemDeadline(state, item, at, calendar),
    };
    if (!item.inboundParcel) return [dispatched];
    // Two-way EMS: the post collects the family's documents for the department; the clock waits.
    return [
      dispatched,
      {
        type: 'parcel-shipped',
        at: at.toISOString(),
        item: item.id,
        parcelId: `${state.id}-${item.id}-in`,
        direction: 'to-department',
        destination: state.homeDivisionCode,
      },
    ];
  });
}

/**
 * The item's own limit from now, else the case's promise. A year the calendar does not cover
 * leaves the deadline empty rather than wrong; supervision lists such items (deadline null).
 */
function itemDeadline(state: CaseState, item: ItemState, at: Date, calendar: Calendar): string | null {
  if (!item.sla) return state.promisedDeadline;
  try {
    return deadlineOf(calendar, at, item.sla).toISOString();
  } catch (e) {
    if (e instanceof AppError && e.code === 'CALENDAR_NOT_COVERED') return null;
    throw e;
  }
}

export function decide(state: CaseState, d: Decision, at: Date, calendar: Calendar): CaseEvent[] {
  const item = state.items[d.item];
  if (!item || item.department !== d.department) {
    throw new AppError(
      'NOT_FOUND',
      {
        zh: `item：办件 ${state.id} 没有交给该部门的事项 ${d.item}`,
        en: `item: case ${state.id} has no item ${d.item} for this department`,
      },
      { field: 'item' },
    );
  }
  const when = at.toISOString();
  switch (d.outcome) {
    case 'done': {
      const done: CaseEvent = {
        type: 'item-done',
        at: when,
        item: d.item,
        txnId: d.txnId,
        outputs: d.outputs ?? {},
      };
      const mailed: CaseEvent[] =
        item.delivery === 'mail'
          ? [
              {
                type: 'parcel-shipped',
                at: when,
                item: d.item,
                parcelId: `${state.id}-${d.item}-out`,
                direction: 'to-family',
                destination: state.homeDivisionCode,
              },
            ]
          : [];
      return [done, ...mailed, ...dispatchReady(applyEvent(state, done, state.id), at, calendar)];
    }
    case 'rejected': {
      const reason = d.reason ?? { zh: '部门未通过审核', en: 'the department did not approve it' };
      const rejected: CaseEvent = { type: 'item-rejected', at: when, item: d.item, txnId: d.txnId, reason };
      return [rejected, ...cancelDependents(applyEvent(state, rejected, state.id), d.item, when)];
    }
    case 'supplement':
      if (!d.material || !d.message) {
        throw new AppError(
          'INVALID_INPUT',
          {
            zh: 'material：补件须写明所缺材料或字段及说明',
            en: 'material: a supplement request names the material or field, and says what to do',
          },
          { field: 'material' },
        );
      }
      return [
        {
          type: 'supplement-requested',
          at: when,
          item: d.item,
          txnId: d.txnId,
          material: d.material,
          message: d.message,
        },
      ];
  }
}

/** Everything waiting on a rejected item is cancelled, and the parent is told where to go instead. */
function cancelDependents(state: CaseState, rejected: ItemId, at: string): CaseEvent[] {
  return dependentsOf(state, rejected)
    .filter((i) => i.status === 'waiting')
    .map((i) => ({
      type: 'item-cancelled' as const,
      at,
      item: i.id,
      because: rejected,
      offline: {
        zh: `所依赖的事项未通过，本事项已取消；请持相关材料到${DEPARTMENT_NAMES[i.department].zh}线下办理`,
        en: `an item it depends on was not approved, so this item is cancelled; apply at the ${DEPARTMENT_NAMES[i.department].en} offline`,
      },
    }));
}

/** The parent answered: the clock resumes, moved on by the working time the item was paused. */
export function answerSupplement(
  state: CaseState,
  item: ItemId,
  note: string,
  at: Date,
  calendar: Calendar,
): CaseEvent[] {
  const i = state.items[item];
  if (!i?.supplement) {
    throw new AppError(
      'CONFLICT',
      { zh: `item：事项 ${item} 没有待补的材料`, en: `item: ${item} has no open supplement request` },
      { field: 'item' },
    );
  }
  let deadline = i.deadline;
  if (deadline) {
    try {
      const paused = workingTimeBetween(calendar, new Date(i.supplement.requestedAt), at);
      deadline = extendByWorkingTime(calendar, new Date(deadline), paused).toISOString();
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CALENDAR_NOT_COVERED')) throw e;
      deadline = null;
    }
  }
  return [{ type: 'supplement-answered', at: at.toISOString(), item, note, deadline }];
}

export function rate(state: CaseState, item: ItemId, score: number, comment: string, at: Date): CaseEvent[] {
  const i = state.items[item];
  if (!i || (i.status !== 'done' && i.status !== 'rejected')) {
    throw new AppError(
      'CONFLICT',
      {
        zh: `item：事项 ${item} 尚未办结，不能评价`,
        en: `item: ${item} is not finished and cannot be rated yet`,
      },
      { field: 'item' },
    );
  }
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw new AppError(
      'INVALID_INPUT',
      { zh: 'score：评分应为1到5的整数', en: 'score: must be a whole number from 1 to 5' },
      { field: 'score' },
    );
  }
  return [{ type: 'item-rated', at: at.toISOString(), item, score, comment }];
}

export interface TrackingUpdate {
  caseId: string;
  item: ItemId;
  parcelId: string;
  status: 'collected' | 'in-transit' | 'delivered';
  at: string;
  note: string;
}

/**
 * A parcel's progress. When the family's parcel reaches the department, the item's clock resumes,
 * moved on by the working time it spent in the post (寄件时间不纳入计时范畴). A status already
 * recorded is not recorded twice.
 */
export function track(state: CaseState, u: TrackingUpdate, calendar: Calendar): CaseEvent[] {
  const item = state.items[u.item];
  const parcel = item?.parcels.find((p) => p.id === u.parcelId);
  if (!item || !parcel)
    throw new AppError(
      'NOT_FOUND',
      { zh: `parcelId：没有邮件 ${u.parcelId}`, en: `parcelId: no parcel ${u.parcelId}` },
      { field: 'parcelId' },
    );
  if (parcel.tracking.some((t) => t.status === u.status)) return [];
  const event: CaseEvent = {
    type: 'parcel-tracked',
    at: u.at,
    item: u.item,
    parcelId: u.parcelId,
    status: u.status,
    note: u.note,
  };
  // Only an item still waiting on the department resumes; a decided item keeps its record.
  if (
    parcel.direction === 'to-department' &&
    u.status === 'delivered' &&
    item.status === 'dispatched' &&
    item.deadline
  ) {
    try {
      const inTransit = workingTimeBetween(calendar, new Date(parcel.tracking[0]!.at), new Date(u.at));
      event.deadline = extendByWorkingTime(calendar, new Date(item.deadline), inTransit).toISOString();
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CALENDAR_NOT_COVERED')) throw e;
      event.deadline = null;
    }
  }
  return [event];
}

/** Overdue items and cases, each flagged once. Paused items (with the parent or the post) are judged when they resume. */
export function markOverdue(state: CaseState, at: Date): CaseEvent[] {
  const when = at.toISOString();
  const events: CaseEvent[] = Object.values(state.items)
    .filter(
      (i) =>
        i.status === 'dispatched' &&
        i.holder === 'department' &&
        !i.overdue &&
        i.deadline !== null &&
        new Date(i.deadline) < at,
    )
    .map((i) => ({ type: 'item-overdue' as const, at: when, item: i.id }));
  if (
    !state.overdue &&
    state.status === 'in-progress' &&
    state.promisedDeadline &&
    new Date(state.promisedDeadline) < at
  ) {
    events.push({ type: 'case-overdue', at: when });
  }
  return events;
}
