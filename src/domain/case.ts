import { AppError } from './error.ts';
import type { DepartmentId, ItemId, ParentRole, RegionId, Scenario } from './ids.ts';
import type { SlaMeasure } from './sla-clock.ts';
import type { Bilingual } from './text.ts';

/**
 * A case (办件) is an append-only log of events; its state is derived by one pure reducer.
 * Events carry every computed value (deadlines included), so replaying them needs no calendar,
 * no policy and no clock, and always gives the same state.
 */

export type ItemStatus =
  'waiting' | 'dispatched' | 'supplement-requested' | 'done' | 'rejected' | 'cancelled';

export interface PlannedCaseItem {
  id: ItemId;
  department: DepartmentId;
  dependsOn: ItemId[];
  sla: SlaMeasure | null;
  delivery: 'mail' | 'pickup' | null;
  /** The family mails something to the department first (two-way EMS); the clock waits for it. */
  inboundParcel: boolean;
}

export type ParcelDirection = 'to-department' | 'to-family';
export type ParcelStatus = 'shipped' | 'collected' | 'in-transit' | 'delivered';

export interface Parcel {
  id: string;
  direction: ParcelDirection;
  status: ParcelStatus;
  /** GB/T 2260 code of where it goes: districts are urban (T+1), counties rural (T+2). */
  destination: string;
  tracking: { at: string; status: ParcelStatus; note: string }[];
}

/** What a submission records about the case; the state keeps all of it but the planned items. */
export interface CaseSubmission {
  region: RegionId;
  scenario: Scenario;
  applicant: { role: ParentRole; idNumber: string };
  motherIdNumber: string;
  babyName: string;
  /** Where the family lives (GB/T 2260): parcels to the family go here. */
  homeDivisionCode: string;
  items: PlannedCaseItem[];
  promisedDeadline: string | null;
  /** What each department will receive, fixed at submission (the one form). */
  form: Record<string, unknown>;
  /** The applicant's signature over the form's digest; null when the case came through an integration without one. */
  signature: {
    signerIdNumber: string;
    formDigest: string;
    imageSha256: string;
    signedAt: string;
    /** The other parent's signature on the same form, where the region asks both to sign. */
    coSigners?: { role: ParentRole; idNumber: string; imageSha256: string }[];
  } | null;
}

export type CaseEvent =
  | ({ type: 'case-submitted'; at: string } & CaseSubmission)
  | { type: 'item-dispatched'; at: string; item: ItemId; deadline: string | null; attempt: number }
  | { type: 'item-done'; at: string; item: ItemId; txnId: string; outputs: Record<string, string> }
  | { type: 'item-rejected'; at: string; item: ItemId; txnId: string; reason: Bilingual }
  | {
      type: 'supplement-requested';
      at: string;
      item: ItemId;
      txnId: string;
      material: string;
      message: Bilingual;
    }
  | { type: 'supplement-answered'; at: string; item: ItemId; note: string; deadline: string | null }
  | { type: 'item-cancelled'; at: string; item: ItemId; because: ItemId; offline: Bilingual }
  | { type: 'item-overdue'; at: string; item: ItemId }
  | { type: 'case-overdue'; at: string }
  | { type: 'item-rated'; at: string; item: ItemId; score: number; comment: string }
  | {
      type: 'parcel-shipped';
      at: string;
      item: ItemId;
      parcelId: string;
      direction: ParcelDirection;
      destination: string;
    }
  /** A delivered inbound parcel resumes the item's clock: `deadline` is the moved deadline. */
  | {
      type: 'parcel-tracked';
      at: string;
      item: ItemId;
      parcelId: string;
      status: ParcelStatus;
      note: string;
      deadline?: string | null;
    };

export type CaseEventType = CaseEvent['type'];

/**
 * Allowed item transitions. `satisfies Record<ItemStatus, …>` makes the compiler reject a status
 * without a row; an event missing from a row is an illegal transition at run time.
 */
export const ITEM_TRANSITIONS = {
  waiting: { 'item-dispatched': 'dispatched', 'item-cancelled': 'cancelled' },
  dispatched: {
    'item-done': 'done',
    'item-rejected': 'rejected',
    'supplement-requested': 'supplement-requested',
    'item-overdue': 'dispatched',
    'parcel-shipped': 'dispatched',
    'parcel-tracked': 'dispatched',
  },
  'supplement-requested': {
    'supplement-answered': 'dispatched',
    'item-rejected': 'rejected',
    'item-overdue': 'supplement-requested',
    'parcel-tracked': 'supplement-requested',
  },
  done: { 'item-rated': 'done', 'parcel-shipped': 'done', 'parcel-tracked': 'done' },
  rejected: { 'item-rated': 'rejected', 'parcel-tracked': 'rejected' },
  cancelled: {},
} as const satisfies Record<ItemStatus, Partial<Record<CaseEventType, ItemStatus>>>;

export interface ItemState extends PlannedCaseItem {
  status: ItemStatus;
  attempt: number;
  dispatchedAt: string | null;
  deadline: string | null;
  decidedAt: string | null;
  overdue: boolean;
  outputs: Record<string, string>;
  reason: Bilingual | null;
  supplement: { material: string; message: Bilingual; requestedAt: string } | null;
  supplements: number;
  rating: { score: number; comment: string } | null;
  parcels: Parcel[];
  /** Who holds the item now, as the parent sees it. */
  holder: 'department' | 'applicant' | 'post' | null;
  timeline: { at: string; type: CaseEventType }[];
}

export type CaseStatus = 'in-progress' | 'completed' | 'partly-completed';

export interface CaseState extends Omit<CaseSubmission, 'items'> {
  id: string;
  submittedAt: string;
  overdue: boolean;
  items: Record<string, ItemState>;
  status: CaseStatus;
  version: number;
}

export function applyEvent(state: CaseState | null, event: CaseEvent, caseId: string): CaseState {
  if (event.type === 'case-submitted') {
    if (state) throw illegal(caseId, event, 'the case exists already');
    const { type: _type, at, items: planned, ...submission } = event;
    const items: Record<string, ItemState> = {};
    for (const p of planned) {
      items[p.id] = {
        ...p,
        status: 'waiting',
        attempt: 0,
        dispatchedAt: null,
        deadline: null,
        decidedAt: null,
        overdue: false,
        outputs: {},
        reason: null,
        supplement: null,
        supplements: 0,
        rating: null,
        parcels: [],
        holder: null,
        timeline: [],
      };
    }
    return {
      ...submission,
      id: caseId,
      submittedAt: at,
      overdue: false,
      items,
      status: 'in-progress',
      version: 1,
    };
  }
  if (!state) throw illegal(caseId, event, 'no such case');
  if (event.type === 'case-overdue') return { ...state, overdue: true, version: state.version + 1 };

  const item = state.items[event.item];
  if (!item) throw illegal(caseId, event, `the case has no item ${event.item}`);
  const next = (ITEM_TRANSITIONS[item.status] as Partial<Record<CaseEventType, ItemStatus>>)[event.type];
  if (!next) throw illegal(caseId, event, `item ${event.item} is ${item.status}`);

  const updated: ItemState = {
    ...item,
    status: next,
    timeline: [...item.timeline, { at: event.at, type: event.type }],
  };
  switch (event.type) {
    case 'item-dispatched':
      Object.assign(updated, {
        dispatchedAt: event.at,
        deadline: event.deadline,
        attempt: event.attempt,
        holder: 'department',
      });
      break;
    case 'item-done':
      Object.assign(updated, { decidedAt: event.at, outputs: event.outputs, holder: null, supplement: null });
      break;
    case 'item-rejected':
      Object.assign(updated, { decidedAt: event.at, reason: event.reason, holder: null, supplement: null });
      break;
    case 'supplement-requested':
      Object.assign(updated, {
        supplement: { material: event.material, message: event.message, requestedAt: event.at },
        supplements: item.supplements + 1,
        holder: 'applicant',
      });
      break;
    case 'supplement-answered':
      Object.assign(updated, { supplement: null, deadline: event.deadline, holder: 'department' });
      break;
    case 'item-cancelled':
      Object.assign(updated, { decidedAt: event.at, reason: event.offline, holder: null });
      break;
    case 'item-overdue':
      updated.overdue = true;
      break;
    case 'item-rated':
      updated.rating = { score: event.score, comment: event.comment };
      break;
    case 'parcel-shipped':
      updated.parcels = [
        ...item.parcels,
        {
          id: event.parcelId,
          direction: event.direction,
          status: 'shipped',
          destination: event.destination,
          tracking: [{ at: event.at, status: 'shipped', note: '' }],
        },
      ];
      // The family's parcel is on its way to the department: the post holds the item, its clock waits.
      if (event.direction === 'to-department') updated.holder = 'post';
      break;
    case 'parcel-tracked': {
      updated.parcels = item.parcels.map((p) =>
        p.id === event.parcelId
          ? {
              ...p,
              status: event.status,
              tracking: [...p.tracking, { at: event.at, status: event.status, note: event.note }],
            }
          : p,
      );
      const parcel = item.parcels.find((p) => p.id === event.parcelId);
      if (
        parcel?.direction === 'to-department' &&
        event.status === 'delivered' &&
        item.status === 'dispatched'
      ) {
        updated.holder = 'department';
        if (event.deadline !== undefined) updated.deadline = event.deadline;
      }
      break;
    }
  }
  const items = { ...state.items, [event.item]: updated };
  return { ...state, items, status: caseStatus(items), version: state.version + 1 };
}

export function replay(caseId: string, events: CaseEvent[]): CaseState {
  let state: CaseState | null = null;
  for (const e of events) state = applyEvent(state, e, caseId);
  if (!state) throw new Error(`case ${caseId} has no events`);
  return state;
}

function caseStatus(items: Record<string, ItemState>): CaseStatus {
  const all = Object.values(items);
  if (
    all.some(
      (i) => i.status === 'waiting' || i.status === 'dispatched' || i.status === 'supplement-requested',
    )
  )
    return 'in-progress';
  return all.every((i) => i.status === 'done') ? 'completed' : 'partly-completed';
}

function illegal(caseId: string, event: CaseEvent, why: string): AppError {
  return new AppError(
    'CONFLICT',
    {
      zh: `办件 ${caseId} 不能执行“${event.type}”：${why}`,
      en: `case ${caseId} cannot take ${event.type}: ${why}`,
    },
    { caseId, event: event.type },
  );
}

/** Items whose prerequisites are all done and that have not been dispatched yet. */
export function readyItems(state: CaseState): ItemState[] {
  return Object.values(state.items).filter(
    (i) =>
      i.status === 'waiting' &&
      i.dependsOn.every((d) => state.items[d]?.status === 'done' || !state.items[d]),
  );
}

/** Everything that (transitively) waits on an item. */
export function dependentsOf(state: CaseState, item: ItemId): ItemState[] {
  const out: ItemState[] = [];
  const queue: ItemId[] = [item];
  while (queue.length) {
    const current = queue.shift()!;
    for (const i of Object.values(state.items)) {
      if (i.dependsOn.includes(current) && !out.includes(i)) {
        out.push(i);
        queue.push(i.id);
      }
    }
  }
  return out;
}
