import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/error.ts';
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
        throw new AppError(
          'NOT_FOUND',
          { zh: `region：无权查看 ${region}`, en: `region: ${region} is not among your regions` },
          { field: 'region' },
        );
      }
    });

    app.get(
      '/regions/:region/overview',
      {
        schema: {
          summary: 'Cases and items by status, SLA compliance, overdue counts and ratings per item',
          tags: ['supervision'],
          params: Params,
        },
      },
      async (req) => {
        const r = req.params.region;
        const [cases, items] = await Promise.all([
          deps.db.query<{ status: string; n: number; overdue: number }>(
            'select status, count(*)::int as n, count(*) filter (where overdue)::int as overdue from cases where region = $1 group by status',
            [r],
          ),
          deps.db.query(
            `select item, department,
           count(*)::int as total,
           count(*) filter (where status = 'done')::int as done,
           count(*) filter (where status = 'rejected')::int as rejected,
           count(*) filter (where status in ('dispatched', 'supplement-requested', 'waiting'))::int as open,
           count(*) filter (where overdue)::int as overdue,
           count(*) filter (where deadline is not null and decided_at is not null)::int as "decidedWithDeadline",
           count(*) filter (where deadline is not null and decided_at is not null and decided_at <= deadline)::int as "decidedOnTime",
           round(avg(rating)::numeric, 2)::float8 as "averageRating",
           count(rating)::int as ratings
         from case_items where region = $1 group by item, department order by item`,
            [r],
          ),
        ]);
        return { region: r, cases, items };
      },
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
      async (req) =>
        deps.db.query(
          `select case_id as "caseId", item, department, status, deadline, dispatched_at as "dispatchedAt"
       from case_items where region = $1 and overdue and status in ('dispatched', 'supplement-requested') order by deadline limit 500`,
          [req.params.region],
        ),
    );
  };
