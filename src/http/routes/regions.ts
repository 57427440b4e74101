import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionId } from '../../domain/ids.ts';
import { getPolicy, POLICIES } from '../../policies/index.ts';
import type { Policy } from '../../policy/schema.ts';

/**
 * Public: the regions and their policies, as data. The app draws its notice, items, packages,
 * form fields and delivery choices from here, so a region's rules live in one place only.
 */
export const regionRoutes = (): FastifyPluginAsyncZod => async (app) => {
  app.get('/', { schema: { summary: 'The regions this service runs in', tags: ['regions'] } }, async () =>
    (Object.values(POLICIES) as Policy[]).map((p) => ({
      region: p.region,
      name: p.name,
      shortName: p.shortName,
      divisions: p.divisions,
    })),
  );

  app.get(
    '/:region',
    {
      schema: {
        summary: 'A region’s policy, with the clause behind every rule',
        tags: ['regions'],
        params: z.strictObject({ region: RegionId }),
      },
    },
    async (req) => getPolicy(req.params.region),
  );
};
