import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ItemId } from '../../domain/ids.ts';
import { Bilingual } from '../../domain/text.ts';
import type { AppDeps } from '../app.ts';
import { DecisionAnswer, QueuePage, StaffMe, Task } from '../../contract/staff.ts';
import { fileAnswer } from '../openapi.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in member of staff, set for every staff route. */
    staffId: string;
  }
}

/** Every workbench route (queues, the joint window, counterfoil batches) is a logged-in clerk's. */
export function requireStaff(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('staffId', '');
  app.addHook('preHandler', async (req) => {
    req.staffId = (await deps.identity.staffFrom(req.headers.authorization)).staffId;
  });
}

const tags = ['staff'];
const security = [{ staff: [] }];
const TaskParams = z.strictObject({ caseId: z.string().min(1).max(64), item: ItemId });

/**
 * The department workbench's API: a clerk's organisation, its queues, a task, and a decision. A
 * task of another organisation is reported as not found.
 */
export const staffRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { staff } = deps.engine;
    requireStaff(app, deps);

    app.get(
      '/me',
      {
        schema: {
          operationId: 'getStaffMe',
          response: { 200: StaffMe },
          summary: 'Who is logged in, and their organisation',
          tags,
          security,
        },
      },
      (req) => staff.me(req.staffId),
    );

    app.get(
      '/queues/:view',
      {
        schema: {
          operationId: 'listQueue',
          response: { 200: QueuePage },
          summary:
            "A page of the organisation's queue: open, due soon, overdue, waiting for the family, done; search by case number or (masked) ID number",
          tags,
          security,
          params: z.strictObject({
            view: z.enum(['open', 'due-soon', 'overdue', 'waiting-for-family', 'done']),
          }),
          querystring: z.strictObject({
            cursor: z.string().max(400).optional(),
            search: z.string().max(40).optional(),
            limit: z.coerce.number().int().min(1).max(200).optional(),
          }),
        },
      },
      (req) => staff.queue(req.staffId, req.params.view, req.query),
    );

    app.get(
      '/cases/:caseId/items/:item',
      {
        schema: {
          operationId: 'openTask',
          response: { 200: Task },
          summary:
            "Open a task: this department's fields, the item's state and history (recorded as an access)",
          tags,
          security,
          params: TaskParams,
        },
      },
      (req) => staff.openTask(req.staffId, req.params.caseId, req.params.item),
    );

    app.get(
      '/cases/:caseId/items/:item/documents/:id',
      {
        schema: {
          operationId: 'getTaskDocument',
          response: {
            200: fileAnswer('The document as it was signed or uploaded', [
              'application/pdf',
              'image/jpeg',
              'image/png',
            ]),
          },
          summary:
            'A document of the task: the signed application form (PDF) or a file uploaded for this item (recorded as an access)',
          tags,
          security,
          params: TaskParams.extend({ id: z.string().min(1).max(80) }),
        },
      },
      async (req, reply) => {
        const { mime, bytes } = await staff.document(
          req.staffId,
          req.params.caseId,
          req.params.item,
          req.params.id,
        );
        // An upload comes as a stream from the blob store; Fastify sends a stream as it is, unserialised.
        return reply
          .type(mime)
          .header('cache-control', 'no-store')
          .send(bytes as Buffer);
      },
    );

    app.post(
      '/cases/:caseId/items/:item/decision',
      {
        schema: {
          operationId: 'decideTask',
          response: { 200: DecisionAnswer },
          summary:
            'Decide a task: done with its outputs, rejected with a reason and the offline route, or a supplement where the region allows it',
          tags,
          security,
          params: TaskParams,
          body: z.strictObject({
            txnId: z.string().min(1).max(100),
            outcome: z.enum(['done', 'rejected', 'supplement']),
            outputs: z.record(z.string().max(60), z.string().min(1).max(200)).optional(),
            reason: Bilingual.optional(),
            material: z.string().max(100).optional(),
            message: Bilingual.optional(),
          }),
        },
      },
      (req) => staff.decide(req.staffId, req.params.caseId, req.params.item, req.body),
    );
  };
