import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionId } from '../../domain/ids.ts';
import { getPolicy, POLICIES } from '../../policies/index.ts';
import type { Policy as PolicyData } from '../../policy/schema.ts';
import { Policy, RegionSummary } from '../../contract/public.ts';
import { SECURITY } from '../openapi.ts';

/**
 * Public: the regions and their policies, as data. The app draws its notice, items, packages,
 * form fields and delivery choices from here, so a region's rules live in one place only.
 */
export const regionRoutes = (): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '',
    {
      schema: {
        operationId: 'listRegions',
        security: SECURITY.public,
        response: { 200: z.array(RegionSummary) },
        summary: 'The regions this service runs in',
        tags: ['regions'],
      },
    },
    async () =>
      (Object.values(POLICIES) as PolicyData[]).map((p) => ({
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
        operationId: 'getRegionPolicy',
        security: SECURITY.public,
        response: { 200: Policy },
        summary: 'A region’s policy, with the clause behind every rule',
        tags: ['regions'],
        params: z.strictObject({ region: RegionId }),
      },
    },
    async (req) => getPolicy(req.params.region),
  );
};
