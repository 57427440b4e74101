import type { TrackingUpdate } from '../domain/case-commands.ts';
import type { ItemId } from '../domain/ids.ts';
import { addDays, beijingDate, startOfBeijingDay } from '../domain/local-date.ts';
import { createHash } from 'node:crypto';
import type { PostalAddress } from '../domain/case-events.ts';
import { postIdempotent } from './port.ts';
import { memoryQueue, type SimulatorQueue } from './simulator-queue.ts';

/**
 * EMS (中国邮政速递物流): parcels between families and departments, with tracking. The simulator
 * follows the terms in 000 四(七): a city sender's parcels handed over before 12:00 are collected
 * that day, later ones (and all rural senders') the next morning; delivery takes T+1 in a city
 * district, T+2 elsewhere. GB/T 2260 numbers a city's districts 01–20. A family's parcel for a
 * department (two-way EMS) is collected at the address and in the window the family booked.
 */
export interface Shipment {
  parcelId: string;
  caseId: string;
  item: ItemId;
  direction: 'to-department' | 'to-family';
  destination: string;
  shippedAt: string;
  /** The family's parcel: where and when the courier collects it (上门取件). */
  pickup?: { address: PostalAddress; window: { from: string; to: string } };
}

export interface EmsPort {
  /** Idempotent by key: the same parcel is never booked twice. */
  ship(shipment: Shipment, idempotencyKey: string): Promise<void>;
  /** The pickup times the post offers from `from` on. */
  pickupWindows(from: Date): Promise<{ from: string; to: string }[]>;
}

/** Morning and afternoon collection rounds on the next three days, as EMS offers for 上门取件. */
export function standardPickupWindows(from: Date): { from: string; to: string }[] {
  const windows: { from: string; to: string }[] = [];
  for (let d = 0; d < 4 && windows.length < 6; d++) {
    const day = startOfBeijingDay(addDays(beijingDate(from), d)).getTime();
    for (const [start, end] of [
      [9, 12],
      [14, 18],
    ] as const) {
      // At least an hour's notice for the courier.
      if (day + start * HOUR >= from.getTime() + HOUR && windows.length < 6) {
        windows.push({
          from: new Date(day + start * HOUR).toISOString(),
          to: new Date(day + end * HOUR).toISOString(),
        });
      }
    }
  }
  return windows;
}

export function httpEmsClient(options: { baseUrl: string; token: string; fetch?: typeof fetch }): EmsPort {
  return {
    // The carrier's own round times are the standard ones until its API offers them.
    pickupWindows: async (from) => standardPickupWindows(from),
    ship: (shipment, key) =>
      postIdempotent(
        'ems',
        `${options.baseUrl.replace(/\/$/, '')}/shipments`,
        shipment,
        key,
        options.token,
        options.fetch,
      ),
  };
}

export function isUrban(divisionCode: string): boolean {
  const county = Number(divisionCode.slice(4, 6));
  return county >= 1 && county <= 20;
}

const HOUR = 3600_000;

export interface SimulatedEms extends EmsPort {
  /** Tracking events whose time has come; they stay queued until `ack`. */
  due(now: Date): Promise<TrackingUpdate[]>;
  ack(updates: TrackingUpdate[]): Promise<void>;
  nextDueAt(): Promise<Date | null>;
  readonly booked: number;
}

/**
 * The post, simulated. `compress` shrinks its schedule (a day in about four seconds at 20,000),
 * so a browser test can follow a parcel to its end.
 */
export function simulateEms(
  options: { queue?: SimulatorQueue<TrackingUpdate>; compress?: number } = {},
): SimulatedEms {
  const queue = options.queue ?? memoryQueue<TrackingUpdate>();
  const compress = options.compress ?? 1;
  const keyOf = (u: TrackingUpdate) => `${u.parcelId}:${u.status}`;
  let booked = 0;
  return {
    get booked() {
      return booked;
    },
    pickupWindows: async (from) => standardPickupWindows(from),
    async ship(s) {
      const shipped = new Date(s.shippedAt);
      let collected: Date;
      if (s.pickup) {
        // The courier comes within the booked window.
        collected = new Date(new Date(s.pickup.window.from).getTime() + HOUR / 2);
      } else {
        // A city sender's parcels handed over before 12:00 go that day, others the next morning.
        const day = beijingDate(shipped);
        const beijingHour = (shipped.getTime() - startOfBeijingDay(day).getTime()) / HOUR;
        const sameDay = isUrban(s.destination) && beijingHour < 12;
        collected = sameDay
          ? new Date(Math.max(shipped.getTime() + HOUR, startOfBeijingDay(day).getTime() + 14 * HOUR))
          : new Date(startOfBeijingDay(addDays(day, 1)).getTime() + 10 * HOUR);
      }
      const deliveryDay = startOfBeijingDay(
        addDays(beijingDate(collected), isUrban(s.destination) ? 1 : 2),
      ).getTime();
      const base = { caseId: s.caseId, item: s.item, parcelId: s.parcelId, note: '' };
      const at = (t: number) => new Date(shipped.getTime() + (t - shipped.getTime()) / compress);
      const waybill = `E${createHash('sha256').update(s.parcelId).digest('hex').replace(/\D/g, '').padEnd(9, '7').slice(0, 9)}CN`;
      const steps: [TrackingUpdate['status'], number][] = [
        ['collected', collected.getTime()],
        ['in-transit', collected.getTime() + 2 * HOUR],
        ['out-for-delivery', deliveryDay + 9 * HOUR],
        ['delivered', deliveryDay + 16 * HOUR],
      ];
      for (const [status, t] of steps) {
        const u: TrackingUpdate = {
          ...base,
          status,
          at: at(t).toISOString(),
          ...(status === 'collected' ? { waybill } : {}),
        };
        await queue.add(keyOf(u), at(t), u);
      }
      booked++;
    },
    due: async (now) => (await queue.due(now)).map((e) => e.payload),
    ack: (updates) => queue.ack(updates.map(keyOf)),
    nextDueAt: () => queue.nextDueAt(),
  };
}
