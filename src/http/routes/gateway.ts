import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ItemId } from '../../domain/ids.ts';
import { Bilingual } from '../../domain/text.ts';
import type { AppDeps } from '../app.ts';
import { verifySigned } from '../gateway-signature.ts';
import { Claimed, OpenTask } from '../../contract/public.ts';
import { DecisionAnswer } from '../../contract/staff.ts';
import { ApiError } from '../../contract/common.ts';
import { SECURITY } from '../openapi.ts';

/**
 * The department gateway: a department system lists its open tasks, claims one, and posts its
 * decision. Every request is signed with the department's key and carries a nonce taken once (see
 * gateway-signature.ts); a decision is idempotent by its transaction id. The signing headers are
 * optional to the schema so that a request without them is a 401 naming the header, not a 400.
 */
const Headers = z.object({
  'x-department': z.string().optional(),
  'x-timestamp': z.string().optional(),
  'x-nonce': z.string().optional(),
  'x-signature': z.string().optional(),
});

const DecisionBody = z.strictObject({
  txnId: z.string().min(1).max(100),
  caseId: z.string().min(1).max(64),
  item: ItemId,
  outcome: z.enum(['done', 'rejected', 'supplement', 'payment-due', 'accepted']),
  /** For 'accepted': the case number on the other province's platform (跨省通办). */
  remoteCaseId: z.string().min(1).max(64).optional(),
  outputs: z.record(z.string(), z.string().max(200)).optional(),
  reason: Bilingual.optional(),
  material: z.string().max(100).optional(),
  message: Bilingual.optional(),
  /** The tax bureau's assessment: the amount due in fen (分) and the insurance years it pays for. */
  payment: z
    .strictObject({
      amountFen: z.number().int().positive().max(100_000_000),
      years: z
        .array(
          z.strictObject({
            year: z.number().int().min(2000).max(2100),
            insuranceYear: z.enum(['current', 'next']),
          }),
        )
        .min(1)
        .max(3),
    })
    .optional(),
});

export const gatewayRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const department = (req: {
      method: string;
      url: string;
      headers: Record<string, string | string[] | undefined>;
      rawBody?: string;
    }) => verifySigned(deps.gatewayKeys, req, deps.clock.now(), deps.engine.department.firstUseOfNonce);

    app.get(
      '/tasks',
      {
        schema: {
          operationId: 'listOpenTasks',
          security: SECURITY.department,
          response: { 200: z.array(OpenTask) },
          summary: "This department's open tasks, each with only the fields it needs",
          tags: ['gateway'],
          headers: Headers,
        },
      },
      async (req) => deps.engine.department.openTasks(await department(req)),
    );

    app.post(
      '/tasks/:taskId/claim',
      {
        schema: {
          operationId: 'claimTask',
          security: SECURITY.department,
          response: { 200: Claimed },
          summary: 'Claim a task before working on it',
          tags: ['gateway'],
          headers: Headers,
          params: z.strictObject({ taskId: z.string().min(1).max(120) }),
        },
      },
      async (req) => deps.engine.department.claimTask(await department(req), req.params.taskId),
    );

    app.post(
      '/decisions',
      {
        schema: {
          operationId: 'postDecision',
          security: SECURITY.department,
          response: { 200: DecisionAnswer, 400: ApiError, 404: ApiError, 409: ApiError },
          summary:
            'Post a decision: done (with outputs), rejected (with a reason), a supplement request, or the premium due',
          tags: ['gateway'],
          headers: Headers,
          body: DecisionBody,
        },
      },
      async (req, reply) => {
        const dept = await department(req);
        const result = await deps.engine.department.decide({ ...req.body, department: dept });
        if (!result.ok) {
          const status =
            result.error.code === 'NOT_FOUND' ? 404 : result.error.code === 'CONFLICT' ? 409 : 400;
          return reply.status(status).send({ error: result.error });
        }
        return result;
      },
    );
  };
