import { receiptTokenValid, type ReceiptFacts } from '../../documents/receipt.ts';
import { loadCase } from '../../store/case-store.ts';
import type { EngineDeps } from '../deps.ts';
import { receiptFactsOf } from '../parent/cases.ts';

/**
 * Anyone holding a receipt can check it. The answer says whether it is genuine and the case's
 * status, never the family's data.
 */
export async function verifyReceipt(deps: EngineDeps, claimed: ReceiptFacts, token: string) {
  const state = await loadCase(deps.db, claimed.caseId);
  const facts = state ? receiptFactsOf(state) : null;
  const genuine =
    facts !== null &&
    receiptTokenValid(deps.receiptKey, claimed, token) &&
    facts.submittedAt === claimed.submittedAt &&
    facts.formDigest === claimed.formDigest;
  return genuine
    ? {
        valid: true as const,
        caseId: state!.id,
        region: state!.region,
        submittedAt: state!.submittedAt,
        status: state!.status,
      }
    : {
        valid: false as const,
        message: { zh: '回执无效或已被改动', en: 'the receipt is not genuine or was altered' },
      };
}
