import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '../../domain/error.ts';
import { RegionId } from '../../domain/ids.ts';
import type { AppDeps } from '../app.ts';

/** 办件监察: what a supervisor of a region sees — throughput, compliance, overdue work, ratings. */
const Params = z.strictObject({ region: RegionId });

export const supervisionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // A supervisor sees only their own regions; another region is reported as not found.
    app.addHook('preHandler', async (req) => {
      const supervisor = await deps.identity.supervisorFrom(req.headers.authorization);
      const region = (req.params as { region?: RegionId }).region;
      if (region && !supervisor.regions.includes(region)) {
        throw fieldError('NOT_FOUND', 'region', {
          zh: `无权查看 ${region}`,
          en: `${region} is not among your regions`,
        });
      }
    });

    app.get(
      '/me',
      { schema: { summary: 'The regions this supervisor may read', tags: ['supervision'] } },
      async (req) => deps.identity.supervisorFrom(req.headers.authorization),
    );

    app.get(
      '/regions/:region/overview',
      {
        schema: {
          summary: 'Cases and items by status, SLA compliance, overdue counts and ratings per item',
          tags: ['supervision'],
          params: Params,
        },
      },
      async (req) => deps.engine.supervisor.overview(req.params.region),
    );

    app.get(
      '/regions/:region/overdue',
      {
        schema: {
          summary: 'Open items past their deadline, oldest first',
          tags: ['supervision'],
          params: Params,
        },
      },
      async (req) => deps.engine.supervisor.overdue(req.params.region),
    );
  };
