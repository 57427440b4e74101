import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.ts';

/** How to log in: the app asks, and offers the dev picker or the unified-identity redirect. */
export const authRoutes = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.get('/config', { schema: { summary: 'The login methods this server offers', tags: ['auth'] } }, async () => deps.identity.login);
};
