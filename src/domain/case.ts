import { AppError } from './error.ts';
import type { ItemId } from './ids.ts';
import type { Bilingual } from './text.ts';
import type {
  ArrangementRef,
  CaseEvent,
  CaseEventType,
  CaseSubmission,
  DeadlineChange,
  Parcel,
  PlannedCaseItem,
  PremiumYear,
} from './case-events.ts';

export type * from './case-events.ts';

/**
 * A case (办件) is an append-only log of events (case-events.ts); its state is derived by this one
 * pure reducer, so replaying the log always gives the same state.
 */

export type ItemStatus =
  'waiting' | 'dispatched' | 'supplement-requested' | 'payment-due' | 'done' | 'rejected' | 'cancelled';

/**
 * Allowed item transitions. `satisfies Record<ItemStatus, …>` makes the compiler reject a status
 * without a row; an event missing from a row is an illegal transition at run time.
 */
export const ITEM_TRANSITIONS = {
  waiting: {
    'item-dispatched': 'dispatched',
    'item-cancelled': 'cancelled',
    'materials-requested': 'waiting',
    'materials-supplied': 'waiting',
    'deadline-recomputed': 'waiting',
  },
  dispatched: {
    'item-done': 'done',
    'item-rejected': 'rejected',
    'hand-off-accepted': 'dispatched',
    'supplement-requested': 'supplement-requested',
    'payment-requested': 'payment-due',
    'item-overdue': 'dispatched',
    'pickup-requested': 'dispatched',
    'pickup-booked': 'dispatched',
    'parcel-shipped': 'dispatched',
    'parcel-tracked': 'dispatched',
    'deadline-recomputed': 'dispatched',
  },
  'supplement-requested': {
    'supplement-answered': 'dispatched',
    'item-rejected': 'rejected',
    'item-overdue': 'supplement-requested',
    'parcel-tracked': 'supplement-requested',
    'deadline-recomputed': 'supplement-requested',
  },
  'payment-due': { 'payment-made': 'dispatched', 'deadline-recomputed': 'payment-due' },
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
  /** `recomputed`: on a deadline-recomputed entry, what changed and by which notice. */
  timeline: { at: string; type: CaseEventType; recomputed?: Omit<RecomputedDeadlines, 'at'> }[];
  /** Later materials asked for and not yet uploaded; then those uploaded (by content hash). */
  pendingMaterials?: string[];
  suppliedMaterials?: { material: string; sha256: string }[];
  /** The other province's case number, once its platform took a handed-off item over. */
  remoteCaseId?: string;
  /** The premium the tax bureau assessed, and the payment once made. */
  payment?: {
    amountFen: number;
    years: PremiumYear[];
    requestedAt: string;
    orderId?: string;
    paidAt?: string;
  };
}

export type CaseStatus = 'in-progress' | 'completed' | 'partly-completed';

export interface FamilyDeadlineState {
  id: string;
  task: Bilingual;
  setAt: string;
  opensAt: string | null;
  due: string | null;
  metAt: string | null;
  overdue: boolean;
}

export interface CaseState extends Omit<CaseSubmission, 'items'> {
  id: string;
  /** Deadlines on the family, as items done start them. */
  familyDeadlines?: FamilyDeadlineState[];
  submittedAt: string;
  overdue: boolean;
  items: Record<string, ItemState>;
  status: CaseStatus;
  version: number;
  /** The promise was counted again with an official arrangement (the latest time). */
  promiseRecomputed?: ArrangementRef & DeadlineChange & { at: string };
}

type RecomputedDeadlines = Omit<Extract<CaseEvent, { type: 'deadline-recomputed' }>, 'type' | 'item'>;

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
  if (
    event.type === 'family-deadline-set' ||
    event.type === 'family-deadline-met' ||
    event.type === 'family-deadline-overdue' ||
    event.type === 'family-deadline-recomputed'
  ) {
    return { ...state, familyDeadlines: familyDeadlinesAfter(state, event), version: state.version + 1 };
  }
  if (event.type === 'promise-recomputed') {
    const { type: _type, ...recomputed } = event;
    return {
      ...state,
      promisedDeadline: event.to,
      promiseRecomputed: recomputed,
      // A promise the official calendar puts later than now was not missed after all.
      overdue: state.overdue && !stillAhead(event.to, event.at),
      version: state.version + 1,
    };
  }

  const item = state.items[event.item];
  if (!item) throw illegal(caseId, event, `the case has no item ${event.item}`);
  const next = (ITEM_TRANSITIONS[item.status] as Partial<Record<CaseEventType, ItemStatus>>)[event.type];
  if (!next) throw illegal(caseId, event, `item ${event.item} is ${item.status}`);

  const entry: ItemState['timeline'][number] = { at: event.at, type: event.type };
  if (event.type === 'deadline-recomputed') {
    const { type: _type, item: _item, at: _at, ...recomputed } = event;
    entry.recomputed = recomputed;
  }
  const updated: ItemState = { ...item, status: next, timeline: [...item.timeline, entry] };
  applyItemEvent(item, updated, event);
  const items = { ...state.items, [event.item]: updated };
  return { ...state, items, status: caseStatus(items), version: state.version + 1 };
}

/** What an item event changes on the item, besides its status and timeline. */
function applyItemEvent(
  item: ItemState,
  updated: ItemState,
  event: Exclude<CaseEvent, { item?: undefined }>,
) {
  const parcel = (id: string, change: (p: Parcel) => Parcel) =>
    (updated.parcels = item.parcels.map((p) => (p.id === id ? change(p) : p)));
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
    case 'hand-off-accepted':
      updated.remoteCaseId = event.remoteCaseId;
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
    case 'materials-requested':
      Object.assign(updated, { pendingMaterials: event.materials, holder: 'applicant' });
      break;
    case 'materials-supplied':
      Object.assign(updated, { pendingMaterials: [], suppliedMaterials: event.uploads, holder: null });
      break;
    case 'payment-requested':
      updated.payment = { amountFen: event.amountFen, years: event.years, requestedAt: event.at };
      updated.holder = 'applicant';
      break;
    case 'payment-made':
      updated.payment = { ...item.payment!, orderId: event.orderId, paidAt: event.paidAt };
      Object.assign(updated, { deadline: event.deadline, holder: 'department' });
      break;
    case 'item-cancelled':
      Object.assign(updated, { decidedAt: event.at, reason: event.offline, holder: null });
      break;
    case 'item-overdue':
      updated.overdue = true;
      break;
    case 'deadline-recomputed':
      if (event.plannedDeadline) updated.plannedDeadline = event.plannedDeadline.to;
      if (event.deadline) {
        updated.deadline = event.deadline.to;
        // A deadline the official calendar puts later than now was not missed after all.
        updated.overdue = item.overdue && !stillAhead(event.deadline.to, event.at);
      }
      break;
    case 'item-rated':
      updated.rating = { score: event.score, comment: event.comment };
      break;
    case 'pickup-requested':
      updated.parcels = [
        ...item.parcels,
        {
          id: event.parcelId,
          direction: 'to-department',
          status: 'awaiting-booking',
          destination: event.destination,
          tracking: [{ at: event.at, status: 'awaiting-booking', note: '' }],
        },
      ];
      // The family holds the item until it books the pickup; the clock waits (寄件时间不计入时限).
      updated.holder = 'applicant';
      break;
    case 'pickup-booked':
      parcel(event.parcelId, (p) => ({
        ...p,
        status: 'booked',
        pickup: { address: event.address, window: event.window },
        tracking: [...p.tracking, { at: event.at, status: 'booked', note: '' }],
      }));
      updated.holder = 'post';
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
      parcel(event.parcelId, (p) => ({
        ...p,
        status: event.status,
        ...(event.waybill ? { waybill: event.waybill } : {}),
        tracking: [...p.tracking, { at: event.at, status: event.status, note: event.note }],
      }));
      const tracked = item.parcels.find((p) => p.id === event.parcelId);
      if (
        tracked?.direction === 'to-department' &&
        event.status === 'delivered' &&
        item.status === 'dispatched'
      ) {
        updated.holder = 'department';
        if (event.deadline !== undefined) updated.deadline = event.deadline;
      }
      break;
    }
  }
}

function familyDeadlinesAfter(
  state: CaseState,
  event: Extract<CaseEvent, { type: `family-deadline-${string}` }>,
): FamilyDeadlineState[] {
  const list = state.familyDeadlines ?? [];
  if (event.type === 'family-deadline-set') {
    const { id, task, opensAt, due, at } = event;
    return [...list, { id, task, setAt: at, opensAt, due, metAt: null, overdue: false }];
  }
  if (!list.some((d) => d.id === event.id)) throw new Error(`no family deadline ${event.id}`);
  return list.map((d) => {
    if (d.id !== event.id) return d;
    if (event.type === 'family-deadline-met') return { ...d, metAt: event.at };
    if (event.type === 'family-deadline-overdue') return { ...d, overdue: true };
    const due = event.due ? event.due.to : d.due;
    // A deadline the official calendar puts later than now was not missed after all.
    return {
      ...d,
      due,
      opensAt: event.opensAt ? event.opensAt.to : d.opensAt,
      overdue: d.overdue && !stillAhead(due, event.at),
    };
  });
}

function stillAhead(deadline: string | null, at: string): boolean {
  return deadline !== null && new Date(deadline) > new Date(at);
}

export function replay(caseId: string, events: CaseEvent[]): CaseState {
  let state: CaseState | null = null;
  for (const e of events) state = applyEvent(state, e, caseId);
  if (!state) throw new Error(`case ${caseId} has no events`);
  return state;
}

const OPEN: ItemStatus[] = ['waiting', 'dispatched', 'supplement-requested', 'payment-due'];

function caseStatus(items: Record<string, ItemState>): CaseStatus {
  const all = Object.values(items);
  if (all.some((i) => OPEN.includes(i.status))) return 'in-progress';
  return all.every((i) => i.status === 'done') ? 'completed' : 'partly-completed';
}

/** The step is not possible now; the details name the event and the item for integrators. */
function illegal(caseId: string, event: CaseEvent, why: string): AppError {
  return new AppError(
    'CONFLICT',
    {
      zh: `办件 ${caseId}：事项当前的状态不允许这一步，请刷新后查看最新进度`,
      en: `case ${caseId}: this step is not possible in the item's current state; refresh to see the latest progress`,
    },
    { field: 'caseId', caseId, event: event.type, why },
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
