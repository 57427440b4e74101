import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';

/**
 * Public: anyone holding a receipt can check it. The answer says whether it is genuine and the
 * case's status, never the family's data.
 */
const ReceiptQuery = z.strictObject({
  caseId: z.string().min(1).max(64),
  submittedAt: z.string().max(40),
  formDigest: z.string().max(64),
  token: z.string().max(64),
});

export const receiptRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/verify/receipt',
      {
        schema: { summary: 'Check a receipt from its QR code', tags: ['public'], querystring: ReceiptQuery },
      },
      async (req) => {
        const { token, ...claimed } = req.query;
        return deps.engine.public.verifyReceipt(claimed, token);
      },
    );
  };
