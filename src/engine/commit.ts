import { applyEvent, type CaseEvent, type CaseState } from '../domain/case.ts';
import { getPolicy } from '../policies/index.ts';
import {
  appendEvents,
  caseNotFound,
  loadCasesForUpdate,
  type CaseAppend,
  type LoadedCase,
} from '../store/case-store.ts';
import type { Db, Queryable } from '../store/db.ts';
import type { EngineDeps } from './deps.ts';
import { insertNotifications, type InboxMessage } from '../store/notification-store.ts';
import { enqueue, type OutboxMessage } from '../store/outbox-store.ts';
import { messagesFor } from './messages.ts';

/** Cases per transaction; keeps every multi-row insert far below PostgreSQL's parameter limit. */
export const BATCH = 200;

/** What writing a case needs besides the store: the chain's keys, and the documents kept (case-cache.ts). */
export type Written = Pick<EngineDeps, 'chain' | 'caseCache'>;

/** Events (chained with the current key), projections, outbox and inbox, all in the caller's transaction. */
export async function commit(
  tx: Queryable,
  appends: CaseAppend[],
  at: Date,
  { chain, caseCache }: Written,
): Promise<Map<string, CaseState>> {
  const states = await appendEvents(tx, appends, at, chain.current, caseCache);
  const outbox: OutboxMessage[] = [];
  const inbox: InboxMessage[] = [];
  for (const a of appends) {
    const state = states.get(a.caseId);
    if (!state) continue;
    const firstSeq = (a.before?.state.version ?? 0) + 1;
    const m = messagesFor(
      getPolicy(state.region),
      state,
      a.events.map((event, i) => ({ seq: firstSeq + i, event })),
    );
    outbox.push(...m.outbox);
    inbox.push(...m.inbox);
  }
  await enqueue(tx, outbox, at);
  await insertNotifications(tx, inbox, at);
  return states;
}

/**
 * One command on one case a parent may act on: lock it, check it is theirs, append what the
 * command decides. Someone else's case is reported as absent, not as forbidden.
 */
export async function mutateOwnCase(
  deps: Written & { db: Db },
  at: Date,
  caseId: string,
  byIdNumber: string,
  fn: (state: CaseState) => CaseEvent[],
): Promise<CaseState> {
  return deps.db.transaction(async (tx) => {
    const loaded = (await loadCasesForUpdate(tx, [caseId], deps.caseCache)).get(caseId);
    if (!loaded || !isParentOf(loaded.state, byIdNumber)) throw caseNotFound(caseId);
    const states = await commit(tx, [{ caseId, before: loaded, events: fn(loaded.state) }], at, deps);
    return states.get(caseId) ?? loaded.state;
  });
}

/** Both parents may see and act on their baby's case, whoever applied. */
export function isParentOf(state: CaseState, idNumber: string): boolean {
  return [state.applicant.idNumber, state.motherIdNumber, state.fatherIdNumber].includes(idNumber);
}

/** Run a batch command over slices of at most BATCH, one transaction each, keeping the results in order. */
export async function inBatches<T, R>(items: T[], run: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) results.push(...(await run(items.slice(i, i + BATCH))));
  return results;
}

/**
 * The cases one transaction has locked: commands see each case as changed by the commands before
 * them in the batch, and all their events are appended together at the end.
 */
export class WorkingCases {
  private readonly changed = new Map<string, { state: CaseState; events: CaseEvent[] }>();

  constructor(private readonly loaded: Map<string, LoadedCase>) {}

  state(caseId: string): CaseState | undefined {
    return this.changed.get(caseId)?.state ?? this.loaded.get(caseId)?.state;
  }

  apply(caseId: string, events: CaseEvent[]): CaseState {
    const entry = this.changed.get(caseId) ?? { state: this.state(caseId)!, events: [] };
    for (const e of events) entry.state = applyEvent(entry.state, e, caseId);
    entry.events.push(...events);
    this.changed.set(caseId, entry);
    return entry.state;
  }

  appends(): CaseAppend[] {
    return [...this.changed.entries()].map(([caseId, c]) => ({
      caseId,
      before: this.loaded.get(caseId)!,
      events: c.events,
    }));
  }
}
