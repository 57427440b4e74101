import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';

/** Liveness, readiness (the database answers) and Prometheus metrics. */
export const opsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));

    app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
      try {
        await deps.engine.operations.ready();
        return { ok: true };
      } catch {
        return reply.status(503).send({ ok: false });
      }
    });

    app.get('/metrics', { schema: { hide: true, response: { 200: z.string() } } }, async (_req, reply) =>
      reply.type('text/plain; version=0.0.4').send(await deps.engine.operations.metrics()),
    );
  };
