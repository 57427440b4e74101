import { applyEvent, type CaseEvent, type CaseState, type ItemState } from './case.ts';
import type { PostalAddress } from './case-events.ts';
import { dispatchReady, pauses, resumedDeadline } from './case-commands.ts';
import type { Calendar } from './calendar.ts';
import { fieldError } from './error.ts';
import type { ItemId } from './ids.ts';
import { RATING_REASON_AT_OR_BELOW } from './labels.ts';

/** What the family does on a submitted case, as pure commands (see case-commands.ts). */

function itemOf(state: CaseState, item: ItemId): ItemState {
  const i = state.items[item];
  if (!i)
    throw fieldError('NOT_FOUND', 'item', { zh: '本办件没有这一事项', en: 'the case has no such item' });
  return i;
}

/** The parent answered: the clock resumes, moved on by the working time the item was paused. */
export function answerSupplement(
  state: CaseState,
  item: ItemId,
  note: string,
  at: Date,
  calendar: Calendar,
): CaseEvent[] {
  const i = itemOf(state, item);
  if (!i.supplement) {
    throw fieldError('CONFLICT', 'item', {
      zh: '这一事项没有待补的材料',
      en: 'this item has no open supplement request',
    });
  }
  // Where the region stops the clock for supplements (补件时间不纳入计时), it resumes moved on.
  const deadline = pauses(state, 'supplement')
    ? resumedDeadline(calendar, i.deadline, i.supplement.requestedAt, at)
    : i.deadline;
  return [{ type: 'supplement-answered', at: at.toISOString(), item, note, deadline }];
}

/** The later materials an item asked for are uploaded: the item goes to its department now. */
export function supplyMaterials(
  state: CaseState,
  item: ItemId,
  uploads: { material: string; sha256: string }[],
  at: Date,
  calendar: Calendar,
): CaseEvent[] {
  const i = itemOf(state, item);
  const pending = i.pendingMaterials ?? [];
  if (i.status !== 'waiting' || !pending.length) {
    throw fieldError('CONFLICT', 'materials', {
      zh: '这一事项现在不需要上传材料',
      en: 'this item asks for no materials now',
    });
  }
  const missing = pending.find((m) => !uploads.some((u) => u.material === m));
  if (missing) {
    throw fieldError(
      'INVALID_INPUT',
      `uploads.${missing}`,
      { zh: '请先上传', en: 'upload it first' },
      {},
      null,
    );
  }
  const supplied: CaseEvent = {
    type: 'materials-supplied',
    at: at.toISOString(),
    item,
    uploads: uploads.filter((u) => pending.includes(u.material)),
  };
  return [supplied, ...dispatchReady(applyEvent(state, supplied, state.id), at, calendar)];
}

/**
 * The payment provider confirmed the family's payment of the assessed premium: the tax bureau
 * gets the item back to confirm it, its clock moved on by the time it waited for the family.
 */
export function recordPayment(
  state: CaseState,
  item: ItemId,
  p: { orderId: string; amountFen: number; paidAt: Date },
  calendar: Calendar,
): CaseEvent[] {
  const i = itemOf(state, item);
  if (i.status !== 'payment-due' || !i.payment) {
    if (i.payment?.orderId === p.orderId) return []; // the provider told us twice
    throw fieldError('CONFLICT', 'orderId', {
      zh: '这一事项现在不需要缴费',
      en: 'this item has no payment due now',
    });
  }
  if (p.amountFen !== i.payment.amountFen) {
    throw fieldError('CONFLICT', 'orderId', {
      zh: `支付金额与应缴金额不符（应缴 ${(i.payment.amountFen / 100).toFixed(2)} 元）`,
      en: `the amount paid differs from the amount due (${(i.payment.amountFen / 100).toFixed(2)} yuan)`,
    });
  }
  const deadline = resumedDeadline(calendar, i.deadline, i.payment.requestedAt, p.paidAt);
  return [
    {
      type: 'payment-made',
      at: p.paidAt.toISOString(),
      item,
      orderId: p.orderId,
      amountFen: p.amountFen,
      paidAt: p.paidAt.toISOString(),
      deadline,
    },
  ];
}

/** The family books the post's pickup of its documents for the department (two-way EMS). */
export function bookPickup(
  state: CaseState,
  item: ItemId,
  booking: { address: PostalAddress; window: { from: string; to: string } },
  at: Date,
): CaseEvent[] {
  const i = itemOf(state, item);
  const parcel = i.parcels.find((p) => p.direction === 'to-department' && p.status === 'awaiting-booking');
  if (!parcel || i.status !== 'dispatched') {
    throw fieldError('CONFLICT', 'pickup', {
      zh: '这一事项现在不需要预约取件',
      en: 'this item needs no pickup now',
    });
  }
  if (new Date(booking.window.from) < at || new Date(booking.window.to) <= new Date(booking.window.from)) {
    throw fieldError('INVALID_INPUT', 'pickup.window', {
      zh: '请选择今后的取件时间段',
      en: 'choose a pickup time in the future',
    });
  }
  return [{ type: 'pickup-booked', at: at.toISOString(), item, parcelId: parcel.id, ...booking }];
}

/** 好差评: five levels; the two lowest need a reason, so a bad rating can be followed up. */
export function rate(state: CaseState, item: ItemId, score: number, comment: string, at: Date): CaseEvent[] {
  const i = itemOf(state, item);
  if (i.status !== 'done' && i.status !== 'rejected') {
    throw fieldError('CONFLICT', 'item', {
      zh: '这一事项尚未办结，不能评价',
      en: 'this item is not finished and cannot be rated yet',
    });
  }
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw fieldError('INVALID_INPUT', 'score', { zh: '请选择满意程度', en: 'choose how satisfied you are' });
  }
  if (score <= RATING_REASON_AT_OR_BELOW && !comment.trim()) {
    throw fieldError('INVALID_INPUT', 'comment', {
      zh: '选择“不满意”或“非常不满意”时，请写明原因',
      en: 'say why when you are dissatisfied',
    });
  }
  return [{ type: 'item-rated', at: at.toISOString(), item, score, comment: comment.trim() }];
}

/** The parent says the family has done what a family deadline asked (the police visit, the premium). */
export function meetFamilyDeadline(state: CaseState, id: string, at: Date): CaseEvent[] {
  const f = state.familyDeadlines?.find((d) => d.id === id);
  if (!f)
    throw fieldError(
      'NOT_FOUND',
      'deadline',
      { zh: '本办件没有这项待办', en: 'the case has no such task for the family' },
      {},
      { zh: '家庭待办', en: 'Your task' },
    );
  if (f.metAt) return [];
  return [{ type: 'family-deadline-met', at: at.toISOString(), id }];
}
