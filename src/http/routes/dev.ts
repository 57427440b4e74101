import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '../../domain/error.ts';
import { RegionId } from '../../domain/ids.ts';
import { demoParents } from '../../registries/demo-parents.ts';
import { sampleSituation } from '../../registries/population.ts';
import { FamilySituation } from '../../registries/port.ts';
import type { AppDeps } from '../app.ts';
import {
  DemoParents,
  FamilyLoaded,
  PaymentNotice,
  PaymentOrder,
  SampleFamily,
} from '../../contract/public.ts';
import { DemoStaff } from '../../contract/staff.ts';
import { SECURITY } from '../openapi.ts';

/**
 * Development only: load any family situation into the simulated registries, list demo parents,
 * and pay at the simulated cashier. In production these routes answer 404 and touch nothing.
 */
export const devRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['dev'];
    const dev = () => {
      if (deps.production || !deps.dev) {
        throw fieldError('NOT_FOUND', 'path', {
          zh: '开发接口在生产环境中不可用',
          en: 'the development API is not available in production',
        });
      }
      return deps.dev;
    };

    app.post(
      '/families',
      {
        schema: {
          operationId: 'loadDemoFamily',
          security: SECURITY.public,
          response: { 201: FamilyLoaded },
          summary: 'Load a family situation into the simulated registries',
          tags,
          body: FamilySituation,
        },
      },
      async (req, reply) => {
        const family = dev().registries.load(req.body);
        // The hospital's delivery record has arrived with the family: the mother is invited to apply.
        if (family.deliveryRecord) await deps.engine.parent.deliveryRecordsArrived([family.mother.idNumber]);
        const login = `Bearer dev:${family.mother.idNumber}`;
        return reply.status(201).send({ motherIdNumber: family.mother.idNumber, login });
      },
    );

    app.get(
      '/parents',
      {
        schema: {
          operationId: 'listDemoParents',
          security: SECURITY.public,
          response: { 200: DemoParents },
          summary: 'The demo parents to log in as: up to 8 families per region, newest first',
          tags,
          querystring: z.strictObject({ region: RegionId.optional() }),
        },
      },
      async (req) =>
        demoParents(dev().registries.families(), 8).filter(
          (p) => !req.query.region || p.region === req.query.region,
        ),
    );

    app.get(
      '/staff',
      {
        schema: {
          operationId: 'listDemoStaff',
          security: SECURITY.public,
          response: { 200: DemoStaff },
          summary: 'The demo staff accounts to log in as: each organisation’s clerk and head',
          tags,
          querystring: z.strictObject({ region: RegionId.optional() }),
        },
      },
      async (req) => {
        dev();
        return deps.engine.staff.directory(req.query.region);
      },
    );

    app.get(
      '/families/sample',
      {
        schema: {
          operationId: 'getSampleFamily',
          security: SECURITY.public,
          response: { 200: SampleFamily },
          summary: 'A sample family situation for a region',
          tags,
          querystring: z.strictObject({ region: RegionId }),
        },
      },
      async (req) => {
        dev();
        return FamilySituation.parse(sampleSituation(req.query.region));
      },
    );

    const OrderParams = z.strictObject({ orderId: z.string().min(1).max(120) });
    const noOrder = () =>
      fieldError('NOT_FOUND', 'orderId', { zh: '没有这个缴费订单', en: 'no such payment order' });

    app.get(
      '/payments/:orderId',
      {
        schema: {
          operationId: 'getPaymentOrder',
          security: SECURITY.public,
          response: { 200: PaymentOrder },
          summary: 'A payment order at the simulated cashier',
          tags,
          params: OrderParams,
        },
      },
      async (req) => (await dev().payments.order(req.params.orderId)) ?? Promise.reject(noOrder()),
    );

    app.post(
      '/payments/:orderId/pay',
      {
        schema: {
          operationId: 'payOrder',
          security: SECURITY.public,
          response: { 200: PaymentNotice },
          summary: 'Pay an order at the simulated cashier; the platform is notified',
          tags,
          params: OrderParams,
        },
      },
      async (req) => {
        const payments = dev().payments;
        if (!(await payments.order(req.params.orderId))) throw noOrder();
        return payments.pay(req.params.orderId, deps.clock.now());
      },
    );
  };
