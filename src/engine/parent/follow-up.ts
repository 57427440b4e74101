import type { CaseState } from '../../domain/case.ts';
import { fieldError } from '../../domain/error.ts';
import * as commands from '../../domain/family-commands.ts';
import type { PostalAddress } from '../../domain/case-events.ts';
import type { ItemId } from '../../domain/ids.ts';
import type { PaymentNotice } from '../../departments/payments.ts';
import { getPolicy } from '../../policies/index.ts';
import { loadCasesForUpdate } from '../../store/case-store.ts';
import { findUploads } from '../../store/upload-store.ts';
import { commit, mutateOwnCase } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';
import { dispatchNumber } from '../messages.ts';
import { myCase } from './cases.ts';

/**
 * What a parent does on a case after submitting: answer a supplement request, upload what an item
 * asks for once it may start, book the post's pickup, pay the premium, rate an item.
 */

export async function answerSupplement(
  deps: EngineDeps,
  caseId: string,
  item: ItemId,
  by: string,
  note: string,
) {
  const at = deps.clock.now();
  return mutateOwnCase(deps, at, caseId, by, (state) =>
    commands.answerSupplement(state, item, note, at, deps.calendar),
  );
}

/** The parent says the family has done what one of its deadlines asks (the police visit, the premium). */
export async function meetFamilyDeadline(deps: EngineDeps, caseId: string, deadline: string, by: string) {
  const at = deps.clock.now();
  return mutateOwnCase(deps, at, caseId, by, (state) => commands.meetFamilyDeadline(state, deadline, at));
}

export async function rate(
  deps: EngineDeps,
  caseId: string,
  item: ItemId,
  by: string,
  score: number,
  comment: string,
) {
  const at = deps.clock.now();
  return mutateOwnCase(deps, at, caseId, by, (state) => commands.rate(state, item, score, comment, at));
}

/** The later materials an item asked for (material id → upload id); the item then goes to its department. */
export async function supplyMaterials(
  deps: EngineDeps,
  caseId: string,
  item: ItemId,
  by: string,
  uploads: Record<string, string>,
): Promise<CaseState> {
  const stored = await findUploads(deps.db, by, Object.values(uploads));
  const matched = Object.entries(uploads).flatMap(([material, id]) =>
    stored.filter((u) => u.id === id && u.material === material).map((u) => ({ material, sha256: u.sha256 })),
  );
  const lost = Object.keys(uploads).find((m) => !matched.some((u) => u.material === m));
  if (lost) {
    const state = await myCase(deps, caseId, by);
    const name = getPolicy(state.region).materials.find((m) => m.id === lost)?.name ?? null;
    throw fieldError(
      'INVALID_INPUT',
      `uploads.${lost}`,
      { zh: '没有找到您上传的这个文件，请重新上传', en: 'no such upload of yours; upload the file again' },
      {},
      name,
    );
  }
  const at = deps.clock.now();
  return mutateOwnCase(deps, at, caseId, by, (state) =>
    commands.supplyMaterials(state, item, matched, at, deps.calendar),
  );
}

/** The times the post can come for the family's parcel. */
export async function pickupWindows(deps: EngineDeps, caseId: string, item: ItemId, by: string) {
  await myCase(deps, caseId, by);
  return deps.ems.pickupWindows(deps.clock.now());
}

export async function bookPickup(
  deps: EngineDeps,
  caseId: string,
  item: ItemId,
  by: string,
  booking: { address: PostalAddress; window: { from: string; to: string } },
): Promise<CaseState> {
  const offered = await deps.ems.pickupWindows(deps.clock.now());
  if (!offered.some((w) => w.from === booking.window.from && w.to === booking.window.to)) {
    throw fieldError('INVALID_INPUT', 'pickup.window', {
      zh: '请从可选的取件时间段中选择',
      en: 'choose one of the pickup times offered',
    });
  }
  const at = deps.clock.now();
  return mutateOwnCase(deps, at, caseId, by, (state) => commands.bookPickup(state, item, booking, at));
}

/**
 * The parent goes to pay the premium the tax bureau assessed: an order with the payment provider
 * for exactly that amount, and the cashier's address. Opening it again opens the same order.
 */
export async function startPayment(deps: EngineDeps, caseId: string, item: ItemId, by: string) {
  const state = await myCase(deps, caseId, by);
  const i = state.items[item];
  if (!i || i.status !== 'payment-due' || !i.payment) {
    throw fieldError('CONFLICT', 'item', {
      zh: '这一事项现在不需要缴费',
      en: 'this item has no payment due now',
    });
  }
  const years = i.payment.years.map((y) => y.year);
  const orderId = `${caseId}-${item}-P${dispatchNumber(i)}`;
  const { payUrl } = await deps.payments.openOrder({
    orderId,
    caseId,
    item,
    amountFen: i.payment.amountFen,
    description: {
      zh: `城乡居民医保费（${years.join('、')} 年度）`,
      en: `Resident medical insurance premium (${years.join(', ')})`,
    },
    payerIdNumber: by,
  });
  return { orderId, amountFen: i.payment.amountFen, years: i.payment.years, payUrl };
}

/**
 * The payment provider's notice that the family paid. Recorded once; a repeated notice changes
 * nothing. The tax bureau then gets the item back to confirm the payment with its voucher.
 */
export async function recordPayment(deps: EngineDeps, notice: PaymentNotice): Promise<void> {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const loaded = (await loadCasesForUpdate(tx, [notice.caseId], deps.caseCache)).get(notice.caseId);
    if (!loaded)
      throw fieldError('NOT_FOUND', 'orderId', { zh: '没有这个缴费订单', en: 'no such payment order' });
    const events = commands.recordPayment(
      loaded.state,
      notice.item,
      { orderId: notice.orderId, amountFen: notice.amountFen, paidAt: new Date(notice.paidAt) },
      deps.calendar,
    );
    await commit(tx, [{ caseId: notice.caseId, before: loaded, events }], at, deps);
  });
}
