import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CleanText } from '../../domain/text.ts';
import type { AppDeps } from '../app.ts';
import { requireStaff } from './staff.ts';
import { Batch, CounterfoilOverview } from '../../contract/staff.ts';
import { pdfAnswer } from '../openapi.ts';

/**
 * 副页移交: counterfoil batches on the workbench. The sender assembles, prints and sends; the
 * receiver acknowledges line by line; the sender follows each discrepancy up. A batch of another
 * organisation is reported as not found.
 */
const tags = ['staff'];
const security = [{ staff: [] }];
const BatchParams = z.strictObject({ id: z.string().regex(/^\d{1,18}$/, 'batch number') });
const Note = CleanText.pipe(z.string().max(200));

export const counterfoilRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { counterfoil } = deps.engine.staff;
    requireStaff(app, deps);

    app.get(
      '',
      {
        schema: {
          operationId: 'getCounterfoilOverview',
          response: { 200: CounterfoilOverview },
          summary:
            "The region's counterfoil route and schedule, the groups waiting to be assembled (with their due day), and the organisation's batches sent and received",
          tags,
          security,
        },
      },
      (req) => counterfoil.overview(req.staffId),
    );

    app.post(
      '/batches',
      {
        schema: {
          operationId: 'assembleCounterfoilBatch',
          response: { 200: Batch },
          summary: 'Assemble the waiting counterfoils of one hop, county and (monthly) month into a batch',
          tags,
          security,
          body: z.strictObject({
            hop: z.number().int().min(0).max(5),
            county: z
              .string()
              .regex(/^\d{6}$/)
              .nullable(),
            month: z
              .string()
              .regex(/^\d{4}-\d{2}$/)
              .nullable(),
          }),
        },
      },
      (req) => counterfoil.assemble(req.staffId, req.body),
    );

    app.get(
      '/batches/:id',
      {
        schema: {
          operationId: 'getCounterfoilBatch',
          response: { 200: Batch },
          summary: 'A batch with its lines, checks and follow-ups',
          tags,
          security,
          params: BatchParams,
        },
      },
      (req) => counterfoil.batch(req.staffId, req.params.id),
    );

    app.get(
      '/batches/:id/sheet.pdf',
      {
        schema: {
          operationId: 'getTransferSheetPdf',
          response: { 200: pdfAnswer('The transfer sheet (移交记录表)') },
          summary: 'The transfer sheet (移交记录表) with the detail list, as a PDF',
          tags,
          security,
          params: BatchParams,
        },
      },
      async (req, reply) =>
        reply.type('application/pdf').send(await counterfoil.sheet(req.staffId, req.params.id)),
    );

    app.post(
      '/batches/:id/send',
      {
        schema: {
          operationId: 'sendCounterfoilBatch',
          response: { 200: Batch },
          summary: 'Send an assembled batch on to its receiver',
          tags,
          security,
          params: BatchParams,
        },
      },
      (req) => counterfoil.send(req.staffId, req.params.id),
    );

    app.post(
      '/batches/:id/acknowledgement',
      {
        schema: {
          operationId: 'acknowledgeCounterfoilBatch',
          response: { 200: Batch },
          summary:
            'The receiver checks every line: received, missing, or not matching (with a note); a batch to an off-platform receiver is recorded by its sender from the signed sheet',
          tags,
          security,
          params: BatchParams,
          body: z.strictObject({
            lines: z
              .array(
                z.strictObject({
                  caseId: z.string().min(1).max(64),
                  status: z.enum(['received', 'missing', 'mismatched']),
                  note: Note.optional(),
                }),
              )
              .max(5000),
          }),
        },
      },
      (req) => counterfoil.acknowledge(req.staffId, req.params.id, req.body.lines),
    );

    app.post(
      '/batches/:id/lines/:caseId/follow-up',
      {
        schema: {
          operationId: 'followUpCounterfoilLine',
          response: { 200: Batch },
          summary:
            'The sender follows a discrepancy up with a note: found and handed over again, corrected, or explained',
          tags,
          security,
          params: BatchParams.extend({ caseId: z.string().min(1).max(64) }),
          body: z.strictObject({ kind: z.enum(['resent', 'corrected', 'explained']), resolution: Note }),
        },
      },
      (req) =>
        counterfoil.followUp(req.staffId, req.params.id, req.params.caseId, {
          kind: req.body.kind,
          note: req.body.resolution,
        }),
    );
  };
