import type { ItemId } from '../domain/ids.ts';
import type { Bilingual } from '../domain/text.ts';
import { postIdempotent } from './port.ts';
import { memoryQueue, type SimulatorQueue } from './simulator-queue.ts';

/**
 * The payment port: how a family pays the resident insurance premium the tax bureau assessed.
 * The platform opens an order with the provider (a bank or the tax bureau's own channel), sends the
 * parent to its cashier, and learns of the payment from the provider's notice, which the engine
 * records and hands to the tax bureau to confirm. The built-in simulator is a cashier the parent
 * drives from the app (development only).
 */
export interface PaymentOrder {
  /** Unique per item and attempt: opening the same order twice opens it once. */
  orderId: string;
  caseId: string;
  item: ItemId;
  amountFen: number;
  description: Bilingual;
  payerIdNumber: string;
}

export interface PaymentNotice {
  orderId: string;
  caseId: string;
  item: ItemId;
  amountFen: number;
  paidAt: string;
}

export interface PaymentPort {
  /** Opens the order (idempotent by its id) and gives the cashier's address for the parent. */
  openOrder(order: PaymentOrder): Promise<{ payUrl: string }>;
}

export function httpPaymentClient(options: {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}): PaymentPort {
  const base = options.baseUrl.replace(/\/$/, '');
  return {
    async openOrder(order) {
      await postIdempotent('payments', `${base}/orders`, order, order.orderId, options.token, options.fetch);
      return { payUrl: `${base}/cashier/${encodeURIComponent(order.orderId)}` };
    },
  };
}

export interface SimulatedPayments extends PaymentPort {
  /** The order as the cashier shows it, if open. */
  order(orderId: string): Promise<(PaymentOrder & { paidAt: string | null }) | null>;
  /** The parent pays at the simulated cashier: the order is paid and the platform notified. */
  pay(orderId: string, at: Date): Promise<PaymentNotice>;
}

/** A cashier inside the app (`#/pay/<order>`), paying whatever it is asked, for trying the service. */
export function simulatePayments(o: {
  notify: (notice: PaymentNotice) => Promise<void>;
  queue?: SimulatorQueue<PaymentOrder & { paidAt: string | null }>;
}): SimulatedPayments {
  // Orders are kept, not scheduled: they fall due only when paid.
  const orders = o.queue ?? memoryQueue<PaymentOrder & { paidAt: string | null }>();
  const NEVER = new Date('9999-12-31T00:00:00Z');
  return {
    async openOrder(order) {
      await orders.add(order.orderId, NEVER, { ...order, paidAt: null });
      return { payUrl: `/#/pay/${encodeURIComponent(order.orderId)}` };
    },
    order: (orderId) => orders.get(orderId),
    async pay(orderId, at) {
      const order = await orders.get(orderId);
      if (!order) throw new Error(`no payment order ${orderId}`);
      const notice = {
        orderId,
        caseId: order.caseId,
        item: order.item,
        amountFen: order.amountFen,
        paidAt: order.paidAt ?? at.toISOString(),
      };
      // The provider notifies until the platform has it; the order stays paid either way.
      await o.notify(notice);
      await orders.ack([orderId]);
      await orders.add(orderId, NEVER, { ...order, paidAt: notice.paidAt });
      return notice;
    },
  };
}
