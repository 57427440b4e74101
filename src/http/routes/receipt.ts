import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CaseState } from '../../domain/case.ts';
import { digestOf } from '../../domain/canonical-json.ts';
import { receiptTokenValid, type ReceiptFacts } from '../../documents/receipt.ts';
import { loadCase } from '../../store/case-store.ts';
import type { AppDeps } from '../app.ts';

/** What a receipt states about a case: its number, when it was submitted, and the digest of its form. */
export function receiptFactsOf(state: CaseState): ReceiptFacts {
  return {
    caseId: state.id,
    submittedAt: state.submittedAt,
    formDigest: state.signature?.formDigest ?? digestOf(state.form),
  };
}

/**
 * Public: anyone holding a receipt can check it. The answer says whether it is genuine and the
 * case's status, never the family's data.
 */
export const receiptRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/verify/receipt',
      {
        schema: {
          summary: 'Check a receipt from its QR code',
          tags: ['public'],
          querystring: z.strictObject({
            caseId: z.string().min(1).max(64),
            submittedAt: z.string().max(40),
            formDigest: z.string().max(64),
            token: z.string().max(64),
          }),
        },
      },
      async (req) => {
        const { token, ...claimed } = req.query;
        const state = await loadCase(deps.db, claimed.caseId);
        const facts = state ? receiptFactsOf(state) : null;
        const genuine =
          facts !== null &&
          receiptTokenValid(deps.receiptKey, claimed, token) &&
          facts.submittedAt === claimed.submittedAt &&
          facts.formDigest === claimed.formDigest;
        return genuine
          ? {
              valid: true,
              caseId: state!.id,
              region: state!.region,
              submittedAt: state!.submittedAt,
              status: state!.status,
            }
          : {
              valid: false,
              message: { zh: '回执无效或已被改动', en: 'the receipt is not genuine or was altered' },
            };
      },
    );
  };
