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
        await deps.db.query('select 1');
        return { ok: true };
      } catch {
        return reply.status(503).send({ ok: false });
      }
    });

    app.get('/metrics', { schema: { hide: true, response: { 200: z.string() } } }, async (_req, reply) => {
      const [cases, items, outbox] = await Promise.all([
        deps.db.query<{ region: string; status: string; n: number }>(
          'select region, status, count(*)::int as n from cases group by region, status',
        ),
        deps.db.query<{ region: string; status: string; overdue: boolean; n: number }>(
          'select region, status, overdue, count(*)::int as n from case_items group by region, status, overdue',
        ),
        deps.db.query<{ status: string; n: number }>(
          'select status, count(*)::int as n from outbox group by status',
        ),
      ]);
      const lines = [
        '# HELP onething_cases Cases by region and status.',
        '# TYPE onething_cases gauge',
        ...cases.map((r) => `onething_cases{region="${r.region}",status="${r.status}"} ${r.n}`),
        '# HELP onething_items Items by region, status and whether overdue.',
        '# TYPE onething_items gauge',
        ...items.map(
          (r) => `onething_items{region="${r.region}",status="${r.status}",overdue="${r.overdue}"} ${r.n}`,
        ),
        '# HELP onething_outbox Outbox messages by status.',
        '# TYPE onething_outbox gauge',
        ...outbox.map((r) => `onething_outbox{status="${r.status}"} ${r.n}`),
      ];
      return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
    });
  };
