import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DepartmentId } from '../../domain/ids.ts';
import { CitizenIdNumber } from '../../policy/facts.ts';
import { IdNumber } from '../../contract/common.ts';
import type { AppDeps } from '../app.ts';
import { verifySigned } from '../gateway-signature.ts';
import { SECURITY } from '../openapi.ts';

/**
 * 免申即办 in production: the hospital (midwifery institution) or the health commission says that a
 * mother's delivery record is now in the shared data, and the platform invites her to apply, as it
 * does for the demo families at start in development (engine.parent.deliveryRecordsArrived). Only
 * the ID numbers are taken from the body; the record itself is read from the registries, so a
 * notice can invite no one the registries do not know. An ID number with no delivery record there,
 * or whose babies were invited before, is answered "0 invited", not refused: the sender learns
 * nothing it did not know. Signed with the department's gateway key, like every gateway request.
 */
const SENDERS: DepartmentId[] = ['midwifery-institution', 'health-commission'];

const Body = z.strictObject({
  motherIdNumbers: z.array(CitizenIdNumber).min(1).max(200),
});

const Answer = z.object({
  invited: z.number().int().meta({ description: 'babies invited by this notice, all mothers together' }),
  mothers: z.array(
    z.object({
      motherIdNumber: IdNumber,
      invited: z.number().int().meta({
        description:
          'babies invited now (twins: 2); 0 when the registries have no delivery record for her or she was invited before',
      }),
    }),
  ),
});

export const deliveryRecordRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Only these departments' keys sign a delivery-record notice; any other department is unknown here.
    const keys = Object.fromEntries(
      SENDERS.flatMap((d) => (deps.gatewayKeys[d] ? [[d, deps.gatewayKeys[d]]] : [])),
    ) as Partial<Record<DepartmentId, string>>;

    app.post(
      '/delivery-records',
      {
        schema: {
          operationId: 'reportDeliveryRecords',
          security: SECURITY.department,
          response: { 200: Answer },
          summary:
            "A hospital or the health commission reports mothers whose delivery record is now in the shared data; each is invited to apply (免申即办). Signed with the midwifery institution's or health commission's gateway key",
          tags: ['gateway'],
          headers: z.object({
            'x-department': z.string().optional(),
            'x-timestamp': z.string().optional(),
            'x-nonce': z.string().optional(),
            'x-signature': z.string().optional(),
          }),
          body: Body,
        },
      },
      async (req) => {
        await verifySigned(keys, req, deps.clock.now(), deps.engine.department.firstUseOfNonce);
        const mothers = [...new Set(req.body.motherIdNumbers.map((id) => id.toUpperCase()))];
        const babies = await deps.engine.parent.deliveryRecordsArrived(mothers);
        // An invited baby's key begins with its mother's ID number (domain/baby.ts).
        const perMother = mothers.map((id) => ({
          motherIdNumber: id,
          invited: babies.filter((key) => key.startsWith(`${id}/`)).length,
        }));
        return { invited: babies.length, mothers: perMother };
      },
    );
  };
