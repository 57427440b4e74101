import {
  applyEvent,
  dependentsOf,
  readyItems,
  type CaseEvent,
  type CaseState,
  type ItemState,
} from './case.ts';
import type { CaseSubmission, PlannedCaseItem, PremiumYear } from './case-events.ts';
import { countedOrNull, type Calendar } from './calendar.ts';
import { fieldError } from './error.ts';
import type { DepartmentId, ItemId } from './ids.ts';
import { DEPARTMENT_LABELS } from './labels.ts';
import { deadlineOf, extendByWorkingTime, periodEnd, workingTimeBetween, type Period } from './sla-clock.ts';
import type { Bilingual } from './text.ts';

/**
 * Commands as pure functions: the current state, the instant and the calendar in; the events
 * that record what happened out. The engine stores them; the reducer derives the state. What the
 * family does on a case is in family-commands.ts.
 */

export interface Decision {
  /** The department's own transaction id; a replay returns the stored answer. */
  txnId: string;
  caseId: string;
  item: ItemId;
  department: DepartmentId;
  /**
   * 'payment-due': the tax bureau assessed the premium, which the family now pays.
   * 'accepted': another province's platform took a handed-off item over (`remoteCaseId`).
   */
  outcome: 'done' | 'rejected' | 'supplement' | 'payment-due' | 'accepted';
  remoteCaseId?: string;
  outputs?: Record<string, string>;
  reason?: Bilingual;
  /** For a supplement: the material or field, and what to do. */
  material?: string;
  message?: Bilingual;
  /** For 'payment-due': the amount in fen (分) and the insurance years it pays for. */
  payment?: { amountFen: number; years: PremiumYear[] };
}

export function submit(caseId: string, s: CaseSubmission, at: Date, calendar: Calendar): CaseEvent[] {
  const submitted: CaseEvent = { type: 'case-submitted', at: at.toISOString(), ...s };
  return [submitted, ...dispatchReady(applyEvent(null, submitted, caseId), at, calendar)];
}

/**
 * Start every item whose prerequisites are done: dispatch it with its deadline computed now, or
 * first ask the family for the materials that could not exist before (then it waits for them).
 */
export function dispatchReady(state: CaseState, at: Date, calendar: Calendar): CaseEvent[] {
  const when = at.toISOString();
  return readyItems(state).flatMap((item): CaseEvent[] => {
    if (item.laterMaterials?.length && !item.suppliedMaterials) {
      if (item.pendingMaterials) return []; // asked already; the family has not uploaded yet
      return [{ type: 'materials-requested', at: when, item: item.id, materials: item.laterMaterials }];
    }
    const dispatched: CaseEvent = {
      type: 'item-dispatched',
      at: when,
      item: item.id,
      attempt: item.attempt + 1,
      deadline: itemDeadline(state, item, at, calendar),
    };
    if (!item.inboundParcel) return [dispatched];
    // Two-way EMS: the family books the post's pickup of its documents; the clock waits meanwhile.
    const parcelId = `${state.id}-${item.id}-in`;
    return [
      dispatched,
      { type: 'pickup-requested', at: when, item: item.id, parcelId, destination: state.homeDivisionCode },
    ];
  });
}

/**
 * The item's own limit from now, else the case's promise. A year the calendar does not cover
 * leaves the deadline empty rather than wrong; supervision lists such items (deadline null).
 */
function itemDeadline(state: CaseState, item: ItemState, at: Date, calendar: Calendar): string | null {
  const sla = item.sla;
  return sla ? countedOrNull(() => deadlineOf(calendar, at, sla)) : state.promisedDeadline;
}

/**
 * A deadline moved on by the working time an item waited for the family or the post (补件时间和
 * 寄件时间不计入时限). Null when the calendar does not cover the years it reaches.
 */
export function resumedDeadline(
  calendar: Calendar,
  deadline: string | null,
  pausedAt: string,
  resumedAt: Date,
): string | null {
  if (!deadline) return deadline;
  return countedOrNull(() =>
    extendByWorkingTime(
      calendar,
      new Date(deadline),
      workingTimeBetween(calendar, new Date(pausedAt), resumedAt),
    ),
  );
}

export function decide(state: CaseState, d: Decision, at: Date, calendar: Calendar): CaseEvent[] {
  const item = state.items[d.item];
  if (!item || decidedBy(item) !== d.department) {
    throw fieldError(
      'NOT_FOUND',
      'item',
      {
        zh: `办件 ${state.id} 没有交给该部门的这一事项`,
        en: `case ${state.id} has no such item for this department`,
      },
      { item: d.item },
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
      return [
        done,
        ...mailed,
        ...familyDeadlinesStarted(state, d.item, at, calendar),
        ...dispatchReady(applyEvent(state, done, state.id), at, calendar),
      ];
    }
    case 'rejected': {
      const reason = d.reason ?? { zh: '部门未通过审核', en: 'the department did not approve it' };
      const rejected: CaseEvent = { type: 'item-rejected', at: when, item: d.item, txnId: d.txnId, reason };
      return [rejected, ...cancelDependents(applyEvent(state, rejected, state.id), d.item, when)];
    }
    case 'supplement':
      if (!d.material || !d.message) {
        throw fieldError('INVALID_INPUT', 'material', {
          zh: '补件须写明所缺材料或字段及说明',
          en: 'a supplement request names the material or field, and says what to do',
        });
      }
      if (state.terms && !state.terms.supplements) {
        // The region has no supplement step (Zibo 附件1 7 "不合格会被驳回转线下办理").
        const reason = {
          zh: `材料审核未通过：${d.message.zh}。本地区不设补件，请按原渠道或线下办理`,
          en: `the materials did not pass review: ${d.message.en}. This region has no supplement step; apply through the usual channels or offline`,
        };
        const rejected: CaseEvent = { type: 'item-rejected', at: when, item: d.item, txnId: d.txnId, reason };
        return [rejected, ...cancelDependents(applyEvent(state, rejected, state.id), d.item, when)];
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
    case 'accepted':
      if (!item.handOff || !d.remoteCaseId) {
        throw fieldError('INVALID_INPUT', 'remoteCaseId', {
          zh: '只有跨省移交的事项才有对方平台的受理，并须写明对方办件编号',
          en: 'only a handed-off item is accepted by another platform, and it names the case number there',
        });
      }
      return [
        { type: 'hand-off-accepted', at: when, item: d.item, txnId: d.txnId, remoteCaseId: d.remoteCaseId },
      ];
    case 'payment-due':
      if (!d.payment || !d.payment.years.length || !(d.payment.amountFen > 0)) {
        throw fieldError('INVALID_INPUT', 'payment', {
          zh: '须写明应缴金额（分）和所缴的参保年度',
          en: 'give the amount due in fen and the insurance years it pays for',
        });
      }
      return [{ type: 'payment-requested', at: when, item: d.item, txnId: d.txnId, ...d.payment }];
  }
}

/** Who answers for an item: its department, or the cross-province platform it was handed to. */
export function decidedBy(item: PlannedCaseItem): DepartmentId {
  return item.handOff ? 'cross-province-platform' : item.department;
}

/** Does this kind of wait stop the item's clock in this case's region? Old cases: always. */
export function pauses(state: CaseState, kind: 'supplement' | 'mail'): boolean {
  return state.terms ? state.terms.pausesFor.includes(kind) : true;
}

/**
 * Whether the item's time limit is running now. It waits with the family or the post without its
 * clock running only where the region says so (Fujian 附件1 四(五)); a premium due always stops it.
 */
export function clockRunning(state: CaseState, i: ItemState): boolean {
  if (i.status === 'dispatched')
    return i.holder === 'department' || (i.holder !== null && !pauses(state, 'mail'));
  return i.status === 'supplement-requested' && !pauses(state, 'supplement');
}

/** The earliest deadline on the family still open and not yet flagged, for the sweeper. */
export function nextFamilyDue(state: CaseState): string | null {
  const open = (state.familyDeadlines ?? [])
    .filter((f) => !f.metAt && !f.overdue && f.due)
    .map((f) => f.due!);
  return open.sort()[0] ?? null;
}

/** The family's own deadlines that start when this item is done. */
function familyDeadlinesStarted(state: CaseState, item: ItemId, at: Date, calendar: Calendar): CaseEvent[] {
  return (state.terms?.familyDeadlines ?? [])
    .filter((f) => f.after === item)
    .map((f) => {
      const count = (p: Period) => countedOrNull(() => periodEnd(calendar, at, p));
      return {
        type: 'family-deadline-set' as const,
        at: at.toISOString(),
        id: f.id,
        task: f.task,
        opensAt: f.opensAfter ? count(f.opensAfter) : null,
        due: count(f.within),
      };
    });
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
        zh: `所依赖的事项未通过，本事项已取消；请持相关材料到${DEPARTMENT_LABELS[i.department].zh}线下办理`,
        en: `an item it depends on was not approved, so this item is cancelled; apply offline at the ${DEPARTMENT_LABELS[i.department].en}`,
      },
    }));
}

export interface TrackingUpdate {
  caseId: string;
  item: ItemId;
  parcelId: string;
  status: 'collected' | 'in-transit' | 'out-for-delivery' | 'delivered';
  at: string;
  note: string;
  /** The carrier's waybill number (运单号), given when it collects the parcel. */
  waybill?: string;
}

/**
 * A parcel's progress. When the family's parcel reaches the department, the item's clock resumes,
 * moved on by the working time it spent with the family and in the post (寄件时间不纳入计时范畴).
 * A status already recorded is not recorded twice.
 */
export function track(state: CaseState, u: TrackingUpdate, calendar: Calendar): CaseEvent[] {
  const item = state.items[u.item];
  const parcel = item?.parcels.find((p) => p.id === u.parcelId);
  if (!item || !parcel)
    throw fieldError('NOT_FOUND', 'parcelId', { zh: '没有这个邮件', en: 'no such parcel' });
  if (parcel.tracking.some((t) => t.status === u.status)) return [];
  const event: CaseEvent = {
    type: 'parcel-tracked',
    at: u.at,
    item: u.item,
    parcelId: u.parcelId,
    status: u.status,
    note: u.note,
    ...(u.waybill ? { waybill: u.waybill } : {}),
  };
  // Only an item still waiting on the department resumes; a decided item keeps its record.
  if (
    parcel.direction === 'to-department' &&
    u.status === 'delivered' &&
    item.status === 'dispatched' &&
    item.deadline &&
    pauses(state, 'mail')
  ) {
    event.deadline = resumedDeadline(calendar, item.deadline, parcel.tracking[0]!.at, new Date(u.at));
  }
  return [event];
}

/** Overdue items and cases, each flagged once. Paused items (with the parent or the post) are judged when they resume. */
export function markOverdue(state: CaseState, at: Date): CaseEvent[] {
  const when = at.toISOString();
  const events: CaseEvent[] = Object.values(state.items)
    .filter((i) => clockRunning(state, i) && !i.overdue && i.deadline !== null && new Date(i.deadline) < at)
    .map((i) => ({ type: 'item-overdue' as const, at: when, item: i.id }));
  for (const f of state.familyDeadlines ?? [])
    if (!f.metAt && !f.overdue && f.due && new Date(f.due) < at)
      events.push({ type: 'family-deadline-overdue', at: when, id: f.id });
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
