import { countedOrNull, type Calendar } from './calendar.ts';
import { applyEvent, type CaseEvent, type CaseState, type ItemStatus } from './case.ts';
import type { ArrangementRef, DeadlineChange } from './case-events.ts';
import { resumedDeadline } from './case-commands.ts';
import type { ItemId } from './ids.ts';
import { deadlineOf, periodEnd, type Period, type SlaMeasure } from './sla-clock.ts';

/**
 * Deadlines counted again with another calendar, when the State Council's arrangement for a year
 * replaces the provisional count. Each deadline is counted the way it was first:
 * - the case's promise from the submission;
 * - each item's planned deadline down the plan from the submission, as the evaluator schedules it;
 * - each started item's deadline from its dispatch, moved on by every pause the engine applied
 *   (a supplement, a payment, the family's parcel), in the order they happened.
 * A stored deadline is only replaced when one of the calendars it may have been counted with gives
 * it back exactly: what cannot be traced to its inputs (a policy changed since, say) is left alone
 * and reported, never overwritten by a guess. Only open items of open cases change.
 */

export interface Recount extends ArrangementRef {
  at: Date;
  /** The calendar with the new arrangement. */
  calendar: Calendar;
  /** The calendars the stored deadlines may have been counted with (before this load; built in). */
  before: Calendar[];
  /** The case's promised time limit as its region's policy states it; null when it has none. */
  promise: SlaMeasure | null;
}

export interface NotRecounted {
  item: ItemId | null;
  field: 'promisedDeadline' | 'plannedDeadline' | 'deadline' | 'familyDeadline';
  stored: string | null;
}

export interface RecountResult {
  events: CaseEvent[];
  notRecounted: NotRecounted[];
}

const OPEN: ItemStatus[] = ['waiting', 'dispatched', 'supplement-requested', 'payment-due'];

/** `events` is the case's whole log; `state` the state it gives. */
export function recountDeadlines(state: CaseState, events: CaseEvent[], r: Recount): RecountResult {
  const when = r.at.toISOString();
  const notRecounted: NotRecounted[] = [];
  const ref: ArrangementRef = { years: r.years, source: r.source };
  // The family's own deadlines may stay open after every item is done (Gansu's police visit).
  const family = recountFamilyDeadlines(state, r, when, ref, notRecounted);
  if (state.status !== 'in-progress') return { events: family, notRecounted };
  const out: CaseEvent[] = [...family];

  // The promise first: items without a limit of their own take it as their deadline.
  const stored = state.promisedDeadline;
  const promiseWith = (c: Calendar) => (r.promise ? count(c, new Date(state.submittedAt), r.promise) : null);
  const promiseTraced = stored !== null && r.before.some((c) => promiseWith(c) === stored);
  if (stored !== null && !promiseTraced) notRecounted.push({ item: null, field: 'promisedDeadline', stored });
  const promiseFor = (c: Calendar) => (promiseTraced ? promiseWith(c) : stored);
  const promise = promiseFor(r.calendar);
  if (promise !== stored)
    out.push({ type: 'promise-recomputed', at: when, ...ref, from: stored, to: promise });

  const now = countAll(r.calendar, r.before, state, events, promise);
  const then = r.before.map((c) => countAll(c, r.before, state, events, promiseFor(c)));
  for (const item of Object.values(state.items)) {
    if (!OPEN.includes(item.status)) continue;
    const change: { deadline?: DeadlineChange; plannedDeadline?: DeadlineChange } = {};
    const planned = item.plannedDeadline ?? null;
    // A plan with no date of its own (the promise bounds it, or the calendar could not count it) stays so.
    if (planned !== null) {
      if (!then.some((t) => t.planned.get(item.id) === planned))
        notRecounted.push({ item: item.id, field: 'plannedDeadline', stored: planned });
      else if (now.planned.get(item.id) !== planned)
        change.plannedDeadline = { from: planned, to: now.planned.get(item.id) ?? null };
    }
    const started = now.deadline.get(item.id);
    if (started !== undefined) {
      // One the calendar could not count before (null) is counted now; one it counted must be traced.
      if (item.deadline !== null && !then.some((t) => t.deadline.get(item.id) === item.deadline))
        notRecounted.push({ item: item.id, field: 'deadline', stored: item.deadline });
      else if (started !== item.deadline) change.deadline = { from: item.deadline, to: started };
    }
    if (change.deadline || change.plannedDeadline)
      out.push({ type: 'deadline-recomputed', at: when, item: item.id, ...ref, ...change });
  }
  return { events: out, notRecounted };
}

/** Each open deadline on the family counted again from when the item that started it was done. */
function recountFamilyDeadlines(
  state: CaseState,
  r: Recount,
  when: string,
  ref: ArrangementRef,
  notRecounted: NotRecounted[],
): CaseEvent[] {
  const out: CaseEvent[] = [];
  for (const f of state.familyDeadlines ?? []) {
    const term = state.terms?.familyDeadlines.find((t) => t.id === f.id);
    if (f.metAt || !term) continue;
    const changes: { due?: DeadlineChange; opensAt?: DeadlineChange } = {};
    const pairs = [
      ['due', f.due, term.within],
      ['opensAt', f.opensAt, term.opensAfter],
    ] as const;
    for (const [field, stored, period] of pairs) {
      if (!period) continue;
      const at = (c: Calendar) => countPeriod(c, new Date(f.setAt), period);
      if (stored !== null && !r.before.some((c) => at(c) === stored)) {
        notRecounted.push({ item: null, field: 'familyDeadline', stored });
        continue;
      }
      const next = at(r.calendar);
      if (next !== stored) changes[field] = { from: stored, to: next };
    }
    if (changes.due || changes.opensAt)
      out.push({ type: 'family-deadline-recomputed', at: when, id: f.id, ...ref, ...changes });
  }
  return out;
}

function countPeriod(calendar: Calendar, from: Date, period: Period): string | null {
  return countedOrNull(() => periodEnd(calendar, from, period));
}

/** N working days (or hours) from an instant; null where the calendar cannot count, as the engine does. */
function count(calendar: Calendar, from: Date, measure: SlaMeasure): string | null {
  return countedOrNull(() => deadlineOf(calendar, from, measure));
}

/** Every planned and started deadline of the case, counted with one calendar and one promise. */
function countAll(
  calendar: Calendar,
  before: Calendar[],
  state: CaseState,
  events: CaseEvent[],
  promise: string | null,
) {
  return {
    planned: plannedDeadlines(calendar, state, promise),
    deadline: startedDeadlines(calendar, before, state.id, events, promise),
  };
}

/**
 * The plan as the evaluator schedules it (policy/evaluate.ts): an item with a limit starts when the
 * latest of its prerequisites is due (for a count of days, that due day is the triggering day);
 * an item without one, or waiting on one that has no date, is bounded by the promise instead.
 */
function plannedDeadlines(calendar: Calendar, state: CaseState, promise: string | null) {
  const planned = new Map<ItemId, string | null>();
  const finish = new Map<ItemId, string | null>();
  const items = Object.values(state.items);
  while (finish.size < items.length) {
    const next = items.find(
      (i) => !finish.has(i.id) && i.dependsOn.every((d) => finish.has(d) || !state.items[d]),
    );
    if (!next) break; // a cycle cannot be submitted; stop rather than loop
    const ends = next.dependsOn.filter((d) => state.items[d]).map((d) => finish.get(d)!);
    // What the plan fixed a date for is counted again; the rest keeps the promise as its bound.
    if (next.sla && next.plannedDeadline && ends.every((e) => e !== null)) {
      const latest = ends.length ? Math.max(...ends.map((e) => new Date(e!).getTime())) : null;
      const start =
        latest === null
          ? new Date(state.submittedAt)
          : new Date(next.sla.unit === 'working-hours' ? latest : latest - 1);
      const own = count(calendar, start, next.sla);
      planned.set(next.id, own);
      finish.set(next.id, own);
    } else {
      planned.set(next.id, null);
      finish.set(next.id, promise);
    }
  }
  return planned;
}

/**
 * Each started item's deadline, replaying the log and counting as the commands did
 * (case-commands.ts dispatchReady, track; family-commands.ts answerSupplement, recordPayment).
 * A wait moves the deadline only where it did when it happened: the event recorded a moved
 * deadline, or one no calendar of `before` would have moved (a wait with no working time in it).
 * An item not dispatched yet has no entry.
 */
function startedDeadlines(
  calendar: Calendar,
  before: Calendar[],
  caseId: string,
  events: CaseEvent[],
  promise: string | null,
) {
  const deadlines = new Map<ItemId, string | null>();
  let state: CaseState | null = null;
  for (const e of events) {
    const prior: CaseState | null = state;
    state = applyEvent(state, e, caseId);
    if (!prior || !('item' in e)) continue;
    const item = prior.items[e.item]!;
    const current = deadlines.get(e.item) ?? null;
    const resume = (recorded: string | null | undefined, pausedAt: string, resumedAt: string) => {
      if (recorded === undefined) return;
      const paused =
        recorded !== item.deadline ||
        before.some(
          (c) => resumedDeadline(c, item.deadline, pausedAt, new Date(resumedAt)) === item.deadline,
        );
      if (paused) deadlines.set(e.item, resumedDeadline(calendar, current, pausedAt, new Date(resumedAt)));
    };
    switch (e.type) {
      case 'item-dispatched':
        deadlines.set(e.item, item.sla ? count(calendar, new Date(e.at), item.sla) : promise);
        break;
      case 'supplement-answered':
        if (item.supplement) resume(e.deadline, item.supplement.requestedAt, e.at);
        break;
      case 'payment-made':
        if (item.payment) resume(e.deadline, item.payment.requestedAt, e.paidAt);
        break;
      case 'parcel-tracked': {
        const parcel = item.parcels.find((p) => p.id === e.parcelId);
        // The event carries a deadline only where the parcel's arrival resumed the clock.
        if (parcel && e.deadline !== undefined) resume(e.deadline, parcel.tracking[0]!.at, e.at);
        break;
      }
      default:
        break;
    }
  }
  return deadlines;
}
