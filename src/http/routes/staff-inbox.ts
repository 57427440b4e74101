import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ItemId } from '../../domain/ids.ts';
import { CleanText } from '../../domain/text.ts';
import type { AppDeps } from '../app.ts';
import { requireStaff } from './staff.ts';
import { Inbox, Ok } from '../../contract/staff.ts';

/**
 * The workbench's "消息": escalations of late work and follow-ups of poor ratings for the logged-in
 * member of staff; the organisation's head records each follow-up's outcome.
 */
const tags = ['staff'];
const security = [{ staff: [] }];

export const staffInboxRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { supervisor } = deps.engine;
    requireStaff(app, deps);

    app.get(
      '',
      {
        schema: {
          operationId: 'getStaffInbox',
          response: { 200: Inbox },
          summary: "This member of staff's messages, and the organisation's follow-ups of poor ratings",
          tags,
          security,
        },
      },
      (req) => supervisor.inbox(req.staffId),
    );

    app.post(
      '/:id/read',
      {
        schema: {
          operationId: 'markMessageRead',
          response: { 200: Ok },
          summary: 'Mark a message read',
          tags,
          security,
          params: z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'message number') }),
        },
      },
      (req) => supervisor.readMessage(req.staffId, req.params.id),
    );

    app.post(
      '/follow-ups/:caseId/:item',
      {
        schema: {
          operationId: 'recordFollowUpOutcome',
          response: { 200: Ok },
          summary: "The head records the outcome of a poor rating's follow-up (once)",
          tags,
          security,
          params: z.strictObject({ caseId: z.string().min(1).max(64), item: ItemId }),
          body: z.strictObject({ outcome: CleanText.pipe(z.string().trim().min(2).max(500)) }),
        },
      },
      (req) => supervisor.recordFollowUp(req.staffId, req.params.caseId, req.params.item, req.body.outcome),
    );
  };
