import * as commands from '../../domain/case-commands.ts';
import { casesDueForOverdue, loadCasesForUpdate } from '../../store/case-store.ts';
import { BATCH, commit } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';

/** Flag overdue items and cases, a batch at a time. Returns how many events it wrote. */
export async function sweepOverdue(deps: EngineDeps, batch = BATCH): Promise<number> {
  const { db, clock } = deps;
  const at = clock.now();
  const due = await casesDueForOverdue(db, at, batch);
  if (!due.length) return 0;
  return db.transaction(async (tx) => {
    const cases = await loadCasesForUpdate(tx, due, deps.caseCache);
    const appends = [...cases.entries()].map(([caseId, loaded]) => ({
      caseId,
      before: loaded,
      events: commands.markOverdue(loaded.state, at),
    }));
    await commit(tx, appends, at, deps);
    return appends.reduce((n, a) => n + a.events.length, 0);
  });
}
