import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/error.ts';
import { RegionId } from '../../domain/ids.ts';
import { regionsFor } from '../../policies/index.ts';
import { sampleSituation } from '../../registries/population.ts';
import { FamilySituation } from '../../registries/port.ts';
import type { AppDeps } from '../app.ts';

/**
 * Development only: load any family situation into the simulated registries, so a test or a
 * demo can set up any case. In production these routes answer 404 and touch nothing.
 */
export const devRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const registries = () => {
      if (deps.production || !deps.devRegistries)
        throw new AppError(
          'NOT_FOUND',
          { zh: '开发接口在生产环境中不可用', en: 'the development API is not available in production' },
          { field: 'path' },
        );
      return deps.devRegistries;
    };

    app.post(
      '/families',
      {
        schema: {
          summary: 'Load a family situation into the simulated registries (not in production)',
          tags: ['dev'],
          body: FamilySituation,
        },
      },
      async (req, reply) => {
        const family = registries().load(req.body);
        return reply
          .status(201)
          .send({ motherIdNumber: family.mother.idNumber, login: `Bearer dev:${family.mother.idNumber}` });
      },
    );

    app.get(
      '/parents',
      {
        schema: {
          summary: 'The demo parents to log in as, newest family first (not in production)',
          tags: ['dev'],
          querystring: z.strictObject({ region: RegionId.optional() }),
        },
      },
      async (req) =>
        registries()
          .families()
          .map((f) => ({
            region:
              regionsFor(f.baby.birthPlace.divisionCode)[0] ??
              regionsFor(f.mother.hukou?.divisionCode ?? '')[0] ??
              null,
            f,
          }))
          .filter(({ region }) => !req.query.region || region === req.query.region)
          .slice(0, 60)
          .map(({ region, f }) => ({
            region,
            hasDeliveryRecord: f.deliveryRecord !== null,
            mother: { name: f.mother.name, idNumber: f.mother.idNumber },
            father: f.father && { name: f.father.name, idNumber: f.father.idNumber },
          })),
    );

    app.get(
      '/families/sample',
      {
        schema: {
          summary: 'A sample family situation for a region',
          tags: ['dev'],
          querystring: z.strictObject({ region: RegionId }),
        },
      },
      async (req) => {
        registries();
        return sampleSituation(req.query.region);
      },
    );
  };
