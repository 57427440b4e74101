import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.ts';
import { applicationRoutes } from './application.ts';
import { caseRoutes } from './cases.ts';
import { uploadStreamRoutes } from './upload-stream.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in parent's citizen ID number, set for every citizen route. */
    citizenId: string;
  }
}

/**
 * The parents' API. The applicant is whoever is logged in; the body never names them. A case that
 * is not the caller's is reported as not found.
 */
export const citizenRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.decorateRequest('citizenId', '');
    app.addHook('preHandler', async (req) => {
      req.citizenId = (await deps.identity.citizenFrom(req.headers.authorization)).idNumber;
    });
    await app.register(applicationRoutes(deps));
    await app.register(caseRoutes(deps));
    await app.register(uploadStreamRoutes(deps));
  };
