import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionId } from '../../domain/ids.ts';
import { receiptPage } from '../../documents/receipt-page.ts';
import { POLICIES } from '../../policies/index.ts';
import type { AppDeps } from '../app.ts';
import { ReceiptCheck } from '../../contract/public.ts';
import { SECURITY } from '../openapi.ts';

/**
 * Public: anyone holding a receipt can check it. The answer says whether it is genuine and the
 * case's status, never the family's data: as JSON for a program, as a page for a browser.
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
        schema: {
          operationId: 'verifyReceipt',
          security: SECURITY.public,
          response: {
            200: {
              description:
                'Whether the receipt is genuine, and the case status: JSON, or a page when the client accepts text/html',
              content: {
                'application/json': { schema: ReceiptCheck },
                'text/html': { schema: z.string().meta({ examples: ['<!doctype html>…'] }) },
              },
            },
          },
          summary: 'Check a receipt from its QR code (a page for browsers, JSON otherwise)',
          tags: ['public'],
          querystring: ReceiptQuery,
        },
      },
      async (req, reply) => {
        const { token, ...claimed } = req.query;
        const check = await deps.engine.public.verifyReceipt(claimed, token);
        if (!req.headers.accept?.includes('text/html')) return check;
        const region = check.valid ? RegionId.safeParse(check.region) : null;
        const name = region?.success ? POLICIES[region.data].name : null;
        return reply.type('text/html; charset=utf-8').send(receiptPage(check, name));
      },
    );
  };
