import type { TrackingUpdate } from '../domain/case-commands.ts';
import type { ItemId } from '../domain/ids.ts';
import { addDays, beijingDate, startOfBeijingDay } from '../domain/local-date.ts';
import { postIdempotent } from './port.ts';

/**
 * EMS (中国邮政速递物流): parcels between families and departments, with tracking. The simulator
 * follows the terms in 000 四(七): a city sender's parcels handed over before 12:00 are collected
 * that day, later ones (and all rural senders') the next morning; delivery takes T+1 in a city
 * district, T+2 elsewhere. GB/T 2260 numbers a city's districts 01–20.
 */
export interface Shipment {
  parcelId: string;
  caseId: string;
  item: ItemId;
  direction: 'to-department' | 'to-family';
  destination: string;
  shippedAt: string;
}

export interface EmsPort {
  /** Idempotent by key: the same parcel is never booked twice. */
  ship(shipment: Shipment, idempotencyKey: string): Promise<void>;
}

export function httpEmsClient(options: { baseUrl: string; token: string; fetch?: typeof fetch }): EmsPort {
  return {
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
  due(now: Date): TrackingUpdate[];
  nextDueAt(): Date | null;
  requeue(updates: TrackingUpdate[]): void;
  readonly booked: number;
}

export function simulateEms(): SimulatedEms {
  const seen = new Set<string>();
  const queue: TrackingUpdate[] = [];
  return {
    get booked() {
      return seen.size;
    },
    async ship(s, key) {
      if (seen.has(key)) return;
      seen.add(key);
      const shipped = new Date(s.shippedAt);
      const day = beijingDate(shipped);
      const beijingHour = (shipped.getTime() - startOfBeijingDay(day).getTime()) / HOUR;
      // The sender is the family (to a department) or the department (to the family); both sit at the destination's area here.
      const sameDay = isUrban(s.destination) && beijingHour < 12;
      const collected = sameDay
        ? new Date(Math.max(shipped.getTime() + HOUR, startOfBeijingDay(day).getTime() + 14 * HOUR))
        : new Date(startOfBeijingDay(addDays(day, 1)).getTime() + 10 * HOUR);
      const delivered = new Date(
        startOfBeijingDay(addDays(beijingDate(collected), isUrban(s.destination) ? 1 : 2)).getTime() +
          16 * HOUR,
      );
      const base = { caseId: s.caseId, item: s.item, parcelId: s.parcelId };
      queue.push(
        { ...base, status: 'collected', at: collected.toISOString(), note: '已收寄 / collected' },
        {
          ...base,
          status: 'in-transit',
          at: new Date(collected.getTime() + 2 * HOUR).toISOString(),
          note: '运输中 / in transit',
        },
        {
          ...base,
          status: 'delivered',
          at: delivered.toISOString(),
          note:
            s.direction === 'to-department'
              ? '已送达办理部门 / delivered to the department'
              : '已签收 / delivered',
        },
      );
    },
    due(now) {
      const ready = queue.filter((u) => new Date(u.at) <= now).sort((a, b) => a.at.localeCompare(b.at));
      for (const r of ready) queue.splice(queue.indexOf(r), 1);
      return ready;
    },
    nextDueAt() {
      return queue.length ? new Date(Math.min(...queue.map((u) => new Date(u.at).getTime()))) : null;
    },
    requeue(updates) {
      queue.push(...updates);
    },
  };
}
