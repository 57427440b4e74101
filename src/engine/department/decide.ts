import * as commands from '../../domain/case-commands.ts';
import type { Decision } from '../../domain/case-commands.ts';
import { digestOf } from '../../domain/canonical-json.ts';
import { AppError, fieldError } from '../../domain/error.ts';
import type { ItemId } from '../../domain/ids.ts';
import { caseNotFound, loadCasesForUpdate } from '../../store/case-store.ts';
import { findDecisions, insertDecisions, type StoredDecision } from '../../store/decision-store.ts';
import { BATCH, commit, inBatches, WorkingCases } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';

export type DecisionResult =
  | { txnId: string; ok: true; caseId: string; item: ItemId; status: string; replayed: boolean }
  | { txnId: string; ok: false; error: ReturnType<AppError['toJSON']> };

/**
 * Department decisions, many per transaction. A decision already received (same txnId) returns
 * the stored answer and changes nothing; one that does not fit the item's state is refused
 * alone, without failing the others.
 */
export async function decide(deps: EngineDeps, decisions: Decision[]): Promise<DecisionResult[]> {
  // Bounded transactions: PostgreSQL takes at most 65,535 parameters in one statement.
  if (decisions.length > BATCH) return inBatches(decisions, (slice) => decide(deps, slice));
  const { db, clock, calendar } = deps;
  const at = clock.now();
  return db.transaction(async (tx) => {
    const cases = new WorkingCases(
      await loadCasesForUpdate(tx, [...new Set(decisions.map((d) => d.caseId))], deps.caseCache),
    );
    const key = (department: string, txnId: string) => `${department}\u0000${txnId}`;
    const stored = new Map(
      (await findDecisions<DecisionResult>(tx, decisions)).map((r) => [key(r.department, r.txnId), r]),
    );
    const results: DecisionResult[] = [];
    const received: StoredDecision<DecisionResult>[] = [];
    for (const d of decisions) {
      const previous = stored.get(key(d.department, d.txnId));
      const contentDigest = contentOf(d);
      if (previous) {
        // The same id with other content is not a replay: refuse it, change nothing. Answering it
        // with the old decision would tell the department its new one was taken.
        if (previous.caseId !== d.caseId || previous.item !== d.item) {
          const reused = fieldError('CONFLICT', 'txnId', {
            zh: `${d.txnId} 已用于其他事项，请为新的决定使用新的交易号`,
            en: `${d.txnId} was already used for another item; use a new one for a new decision`,
          });
          results.push({ txnId: d.txnId, ok: false, error: reused.toJSON() });
        } else if (previous.contentDigest !== null && previous.contentDigest !== contentDigest) {
          const reused = fieldError('CONFLICT', 'txnId', {
            zh: `${d.txnId} 已用于内容不同的决定，未作更改；重发请保持内容不变，新的决定请使用新的交易号`,
            en: `${d.txnId} was already used for a decision with other content; nothing changed — resend the same content, or use a new one for a new decision`,
          });
          results.push({ txnId: d.txnId, ok: false, error: reused.toJSON() });
        } else {
          results.push(previous.response.ok ? { ...previous.response, replayed: true } : previous.response);
        }
        continue;
      }
      const state = cases.state(d.caseId);
      let result: DecisionResult;
      if (!state) {
        result = { txnId: d.txnId, ok: false, error: caseNotFound(d.caseId).toJSON() };
      } else {
        try {
          const after = cases.apply(d.caseId, commands.decide(state, d, at, calendar));
          const status = after.items[d.item]!.status;
          result = { txnId: d.txnId, ok: true, caseId: d.caseId, item: d.item, status, replayed: false };
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          result = { txnId: d.txnId, ok: false, error: e.toJSON() };
        }
      }
      results.push(result);
      const record = {
        department: d.department,
        txnId: d.txnId,
        caseId: d.caseId,
        item: d.item,
        contentDigest,
        response: result,
      };
      stored.set(key(d.department, d.txnId), record);
      received.push(record);
    }
    await commit(tx, cases.appends(), at, deps);
    await insertDecisions(tx, received, at);
    return results;
  });
}

/** What a decision says, apart from its id: the same id must always carry the same content. */
function contentOf(d: Decision): string {
  const { txnId: _txnId, department: _department, ...content } = d;
  return digestOf(content);
}
