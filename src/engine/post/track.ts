import * as commands from '../../domain/case-commands.ts';
import type { TrackingUpdate } from '../../domain/case-commands.ts';
import { loadCasesForUpdate } from '../../store/case-store.ts';
import { BATCH, commit, inBatches, WorkingCases } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';

/**
 * What became of each update: recorded now, already recorded (the same status again changes
 * nothing), or for a case this platform does not hold. A parcel the case does not have is refused
 * (NOT_FOUND, `parcelId`) and the batch with it.
 */
export type TrackOutcome = 'recorded' | 'known' | 'no-case';

/**
 * EMS tracking updates, many per transaction: the simulator's due events in development, the
 * carrier's reports (POST /api/ems/tracking) in production.
 */
export async function track(deps: EngineDeps, updates: TrackingUpdate[]): Promise<TrackOutcome[]> {
  if (!updates.length) return [];
  if (updates.length > BATCH) return inBatches(updates, (slice) => track(deps, slice));
  const { db, clock, calendar } = deps;
  return db.transaction(async (tx) => {
    const cases = new WorkingCases(
      await loadCasesForUpdate(tx, [...new Set(updates.map((u) => u.caseId))], deps.caseCache),
    );
    const outcomes = updates.map((u): TrackOutcome => {
      const state = cases.state(u.caseId);
      if (!state) return 'no-case';
      const events = commands.track(state, u, calendar);
      cases.apply(u.caseId, events);
      return events.length ? 'recorded' : 'known';
    });
    await commit(tx, cases.appends(), clock.now(), deps);
    return outcomes;
  });
}
