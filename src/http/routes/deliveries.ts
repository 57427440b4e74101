import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionId } from '../../domain/ids.ts';
import { Deliveries, Delivery } from '../../contract/deliveries.ts';
import { requireSupervisorRegion } from './supervision.ts';
import type { AppDeps } from '../app.ts';

/**
 * 推送投递 (push delivery): the department tasks of a supervisor's region that a department system
 * has not taken yet — retrying, with their attempts, next attempt and last error, and the dead
 * letters whose attempts ran out — and the re-send, once the cause is fixed. Another region is not
 * found, as on every supervision route. Errors take the one shared error schema (http/openapi.ts
 * adds it to every secured route).
 */
const tags = ['supervision'];
export const deliveryRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { supervisor } = deps.engine;
    app.addHook('preHandler', requireSupervisorRegion(deps));

    app.get(
      '/regions/:region/deliveries',
      {
        schema: {
          summary: "Department tasks not yet taken by the department's system: retrying, and dead letters",
          operationId: 'supervisionDeliveries',
          tags,
          params: z.strictObject({ region: RegionId }),
          security: [{ supervisor: [] }],
          response: { 200: Deliveries },
        },
      },
      async (req) => supervisor.deliveries(req.params.region),
    );

    app.post(
      '/regions/:region/deliveries/:taskId/resend',
      {
        schema: {
          summary:
            'Send a dead or retrying task again now, attempts afresh; the same task id, so the department takes it once',
          operationId: 'supervisionResendDelivery',
          tags,
          params: z.strictObject({ region: RegionId, taskId: z.string().min(1).max(120) }),
          security: [{ supervisor: [] }],
          response: { 200: Delivery },
        },
      },
      async (req) => {
        const me = await deps.identity.supervisorFrom(req.headers.authorization);
        return supervisor.resend(req.params.region, req.params.taskId, `supervisor:${me.regions.join(',')}`);
      },
    );
  };
