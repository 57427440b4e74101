import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ItemId } from '../../domain/ids.ts';
import type { AppDeps } from '../app.ts';
import { verifySigned } from '../gateway-signature.ts';
import { PaymentRecorded } from '../../contract/public.ts';
import { SECURITY } from '../openapi.ts';

/**
 * The payment provider's notice that a family paid (支付结果通知), signed like the department
 * gateway with the provider's key and `x-provider`. Recorded once; a repeated notice is harmless.
 */
const Notice = z.strictObject({
  orderId: z.string().min(1).max(120),
  caseId: z.string().min(1).max(64),
  item: ItemId,
  amountFen: z.number().int().positive(),
  paidAt: z.iso.datetime({ offset: true }),
});

export const paymentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/notify',
      {
        schema: {
          operationId: 'recordPaymentNotice',
          security: SECURITY.provider,
          response: { 200: PaymentRecorded },
          summary:
            'A payment provider reports a paid order (signed with x-provider, x-timestamp, x-nonce, x-signature)',
          tags: ['payments'],
          headers: z.object({
            'x-provider': z.string().optional(),
            'x-timestamp': z.string().optional(),
            'x-nonce': z.string().optional(),
            'x-signature': z.string().optional(),
          }),
          body: Notice,
        },
      },
      async (req) => {
        await verifySigned(
          deps.paymentKeys,
          req,
          deps.clock.now(),
          deps.engine.department.firstUseOfNonce,
          'x-provider',
        );
        await deps.engine.payments.record(req.body);
        return { orderId: req.body.orderId, recorded: true };
      },
    );
  };
