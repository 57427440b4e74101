import * as commands from '../../domain/case-commands.ts';
import type { TrackingUpdate } from '../../domain/case-commands.ts';
import { loadCasesForUpdate } from '../../store/case-store.ts';
import { BATCH, commit, inBatches, WorkingCases } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';

/** EMS tracking updates, many per transaction; a status already recorded is ignored. */
export async function track(deps: EngineDeps, updates: TrackingUpdate[]): Promise<void> {
  if (!updates.length) return;
  if (updates.length > BATCH) {
    await inBatches(updates, async (slice) => {
      await track(deps, slice);
      return [];
    });
    return;
  }
  const { db, clock, calendar } = deps;
  await db.transaction(async (tx) => {
    const cases = new WorkingCases(await loadCasesForUpdate(tx, [...new Set(updates.map((u) => u.caseId))]));
    for (const u of updates) {
      const state = cases.state(u.caseId);
      if (state) cases.apply(u.caseId, commands.track(state, u, calendar));
    }
    await commit(tx, cases.appends(), clock.now(), deps.chain);
  });
}
