import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '../../domain/error.ts';
import { ItemId } from '../../domain/ids.ts';
import type { AppDeps } from '../app.ts';
import { REPLAY_WINDOW_MS, verifySigned } from '../gateway-signature.ts';
import { SECURITY } from '../openapi.ts';

/**
 * The post's tracking reports (邮件轨迹回传): in production the carrier tells the platform where a
 * parcel is, as the simulator does in development, and both go through the same use case
 * (engine.post.track). Signed like the payment provider's notices, with the carrier's key
 * (EMS_NOTIFY_KEY) and `x-carrier`. The carrier names the parcel as it was booked with it
 * (`POST {EMS_URL}/shipments`: parcelId, caseId, item); a status the parcel already has changes
 * nothing, so a report sent twice is harmless.
 */
const Report = z.strictObject({
  parcelId: z.string().min(1).max(120),
  caseId: z.string().min(1).max(64),
  item: ItemId,
  parcelStatus: z.enum(['collected', 'in-transit', 'out-for-delivery', 'delivered']),
  occurredAt: z.iso.datetime({ offset: true }),
  /** The carrier's waybill number (运单号), usually with `collected`. */
  waybill: z.string().min(1).max(40).optional(),
  trackingNote: z.string().max(200).optional(),
});

const TrackingRecorded = z.object({
  parcelId: z.string(),
  parcelStatus: Report.shape.parcelStatus,
  recorded: z.boolean().meta({
    description: 'false when the parcel had this status already: nothing changed (a repeated report)',
  }),
});

const Headers = z.object({
  'x-carrier': z.string().optional(),
  'x-timestamp': z.string().optional(),
  'x-nonce': z.string().optional(),
  'x-signature': z.string().optional(),
});

const NO_SUCH_PARCEL = { zh: '没有这个邮件', en: 'no such parcel' };

export const emsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/tracking',
      {
        schema: {
          operationId: 'reportParcelTracking',
          security: SECURITY.carrier,
          response: { 200: TrackingRecorded },
          summary:
            'The post reports where a parcel is (collected, in transit, out for delivery, delivered); signed with x-carrier, x-timestamp, x-nonce, x-signature',
          tags: ['post'],
          headers: Headers,
          body: Report,
        },
      },
      async (req) => {
        await verifySigned(
          deps.carrierKeys ?? {},
          req,
          deps.clock.now(),
          deps.engine.department.firstUseOfNonce,
          'x-carrier',
        );
        const r = req.body;
        // A report from the future would move a paused deadline by time that has not passed.
        if (new Date(r.occurredAt).getTime() > deps.clock.now().getTime() + REPLAY_WINDOW_MS)
          throw fieldError('INVALID_INPUT', 'occurredAt', {
            zh: '晚于当前时间，请报告已经发生的投递事件',
            en: 'is later than now; report what has happened',
          });
        const [outcome] = await deps.engine.post.track([
          {
            caseId: r.caseId,
            item: r.item,
            parcelId: r.parcelId,
            status: r.parcelStatus,
            at: new Date(r.occurredAt).toISOString(),
            note: r.trackingNote ?? '',
            ...(r.waybill ? { waybill: r.waybill } : {}),
          },
        ]);
        if (outcome === 'no-case') throw fieldError('NOT_FOUND', 'parcelId', NO_SUCH_PARCEL);
        return { parcelId: r.parcelId, parcelStatus: r.parcelStatus, recorded: outcome === 'recorded' };
      },
    );
  };
