import { canonicalJson } from '../../domain/canonical-json.ts';
import { replay, type CaseState } from '../../domain/case.ts';
import type { Bilingual } from '../../domain/text.ts';
import { receiptTokenValid, type ReceiptFacts } from '../../documents/receipt.ts';
import { loadCase, loadEvents } from '../../store/case-store.ts';
import { allKeys } from '../../store/event-chain.ts';
import { chainProblems, formMatchesSignature } from '../chain-check.ts';
import type { EngineDeps } from '../deps.ts';
import { receiptFactsOf } from '../parent/cases.ts';

const NOT_GENUINE: Bilingual = { zh: '回执无效或已被改动', en: 'the receipt is not genuine or was altered' };
const RECORD_ALTERED: Bilingual = {
  zh: '该办件的存档记录已被改动，无法确认这张回执',
  en: "the case's stored record was altered, so this receipt cannot be confirmed",
};
const FORM_ALTERED: Bilingual = {
  zh: '这张回执对应的申请表存档已被改动，与申请人签名的内容不一致',
  en: 'the stored application form behind this receipt was altered: it no longer matches what the applicant signed',
};

/**
 * Anyone holding a receipt can check it. The answer says whether it is genuine and the case's
 * status, never the family's data. Genuine means: the receipt's token holds, and the case's
 * events (not only its row) still say what the receipt says. Their chain holds under the chain
 * key, the form they carry is the one whose digest the applicant signed, and the case row is
 * their replay.
 */
export async function verifyReceipt(deps: EngineDeps, claimed: ReceiptFacts, token: string) {
  const invalid = (message: Bilingual) => ({ valid: false as const, message });
  if (!receiptTokenValid(deps.receiptKey, claimed, token)) return invalid(NOT_GENUINE);
  const [row, events] = await Promise.all([
    loadCase(deps.db, claimed.caseId),
    loadEvents(deps.db, claimed.caseId),
  ]);
  if (!row || !events.length) return invalid(NOT_GENUINE);
  let state: CaseState;
  try {
    state = replay(
      row.id,
      events.map((e) => e.event),
    );
  } catch {
    return invalid(RECORD_ALTERED);
  }
  // The form first: of all the alterations it is the one the holder of a receipt cares about.
  if (
    !formMatchesSignature(state) ||
    !formMatchesSignature(row) ||
    canonicalJson(row.form) !== canonicalJson(state.form)
  )
    return invalid(FORM_ALTERED);
  if (chainProblems(row.id, events, allKeys(deps.chain)).length) return invalid(RECORD_ALTERED);
  const facts = receiptFactsOf(state);
  if (facts.submittedAt !== claimed.submittedAt || facts.formDigest !== claimed.formDigest)
    return invalid(NOT_GENUINE);
  if (canonicalJson(row) !== canonicalJson(state)) return invalid(RECORD_ALTERED);
  return {
    valid: true as const,
    caseId: state.id,
    region: state.region,
    submittedAt: state.submittedAt,
    status: state.status,
  };
}
