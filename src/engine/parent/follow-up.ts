import type { CaseState } from '../../domain/case.ts';
import * as commands from '../../domain/case-commands.ts';
import type { ItemId } from '../../domain/ids.ts';
import { mutateOwnCase } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';

/** What a parent does on a case after submitting: answer a supplement request, rate an item. */

export async function answerSupplement(
  deps: EngineDeps,
  caseId: string,
  item: ItemId,
  byIdNumber: string,
  note: string,
): Promise<CaseState> {
  const at = deps.clock.now();
  return mutateOwnCase(deps.db, at, caseId, byIdNumber, (state) =>
    commands.answerSupplement(state, item, note, at, deps.calendar),
  );
}

export async function rate(
  deps: EngineDeps,
  caseId: string,
  item: ItemId,
  byIdNumber: string,
  score: number,
  comment: string,
): Promise<CaseState> {
  const at = deps.clock.now();
  return mutateOwnCase(deps.db, at, caseId, byIdNumber, (state) =>
    commands.rate(state, item, score, comment, at),
  );
}
