import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ItemId } from '../../../domain/ids.ts';
import type { AppDeps } from '../../app.ts';
import { PostalAddress, security, Uploads } from './schemas.ts';
import { streamCase } from '../../live.ts';
import { CaseSummary, CaseView } from '../../../contract/case.ts';
import {
  Access,
  PaymentStarted,
  PickupWindow,
  Receipt,
  SharedFields,
  Notification,
} from '../../../contract/citizen.ts';
import { eventStream, pdfAnswer } from '../../openapi.ts';

/** After submitting: my cases, each case, its documents, supplements, ratings and the inbox. */
const CaseParams = z.strictObject({ caseId: z.string().min(1).max(64) });
const ItemParams = CaseParams.extend({ item: ItemId });

export const caseRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const parent = deps.engine.parent;
    const tags = ['citizen'];

    app.get(
      '/cases',
      {
        schema: {
          operationId: 'listMyCases',
          response: { 200: z.array(CaseSummary) },
          summary: 'My cases (我的办件)',
          tags,
          security,
        },
      },
      async (req) => parent.myCases(req.citizenId),
    );

    app.get(
      '/cases/:caseId',
      {
        schema: {
          operationId: 'getCase',
          response: { 200: CaseView },
          summary: 'A case: every item with its timeline, holder, deadline and outputs',
          tags,
          security,
          params: CaseParams,
        },
      },
      async (req) => parent.myCase(req.params.caseId, req.citizenId),
    );

    app.get(
      '/cases/:caseId/status',
      {
        schema: {
          operationId: 'getCaseStatus',
          response: { 200: CaseSummary },
          summary:
            "A case at a glance (each item's status, holder and deadline): for polling progress, a tenth of the whole case",
          tags,
          security,
          params: CaseParams,
        },
      },
      async (req) => parent.myCaseStatus(req.params.caseId, req.citizenId),
    );

    app.get(
      '/cases/:caseId/application.pdf',
      {
        schema: {
          operationId: 'getSignedApplicationPdf',
          response: { 200: pdfAnswer('The signed form with its signatures and digest') },
          summary: 'The submitted form as a PDF, with the signatures and their digest',
          tags,
          security,
          params: CaseParams,
        },
      },
      async (req, reply) =>
        reply
          .type('application/pdf')
          .send(await parent.signedApplicationPdf(req.params.caseId, req.citizenId)),
    );

    app.get(
      '/cases/:caseId/receipt',
      {
        schema: {
          operationId: 'getReceipt',
          response: { 200: Receipt },
          summary: 'The receipt (收件回执) with a QR code that verifies it',
          tags,
          security,
          params: CaseParams,
        },
      },
      async (req) => parent.receipt(req.params.caseId, req.citizenId),
    );

    app.get(
      '/cases/:caseId/shared-fields',
      {
        schema: {
          operationId: 'getSharedFields',
          response: { 200: SharedFields },
          summary: 'Which department received which of the family’s fields',
          tags,
          security,
          params: CaseParams,
        },
      },
      async (req) => parent.sharedFields(req.params.caseId, req.citizenId),
    );

    app.post(
      '/cases/:caseId/items/:item/supplement',
      {
        schema: {
          operationId: 'answerSupplement',
          response: { 200: CaseView },
          summary: 'Answer a supplement request (补件); the item’s clock resumes',
          tags,
          security,
          params: ItemParams,
          body: z.strictObject({ note: z.string().max(500).default('') }),
        },
      },
      async (req) =>
        parent.answerSupplement(req.params.caseId, req.params.item, req.citizenId, req.body.note),
    );

    app.get(
      '/cases/:caseId/access-log',
      {
        schema: {
          operationId: 'getAccessLog',
          response: { 200: z.array(Access) },
          summary: 'Who saw my data: each time a department opened the case, by organisation and fields',
          tags,
          security,
          params: CaseParams,
        },
      },
      async (req) => parent.whoSawMyData(req.params.caseId, req.citizenId),
    );

    app.post(
      '/cases/:caseId/family-deadlines/:deadline/done',
      {
        schema: {
          operationId: 'meetFamilyDeadline',
          response: { 200: CaseView },
          summary:
            'Say the family has done what one of its deadlines asks (e.g. the visit to the police station)',
          tags,
          security,
          params: CaseParams.extend({ deadline: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
        },
      },
      async (req) => parent.meetFamilyDeadline(req.params.caseId, req.params.deadline, req.citizenId),
    );

    app.post(
      '/cases/:caseId/items/:item/rating',
      {
        schema: {
          operationId: 'rateItem',
          response: { 200: CaseView },
          summary:
            'Rate a finished item (好差评): 5 非常满意 … 1 非常不满意; a reason is required for 2 and 1',
          tags,
          security,
          params: ItemParams,
          body: z.strictObject({
            score: z.number().int().min(1).max(5),
            comment: z.string().max(500).default(''),
          }),
        },
      },
      async (req) =>
        parent.rate(req.params.caseId, req.params.item, req.citizenId, req.body.score, req.body.comment),
    );

    app.post(
      '/cases/:caseId/items/:item/materials',
      {
        schema: {
          operationId: 'supplyMaterials',
          response: { 200: CaseView },
          summary: 'Upload what an item asks for once it may start (e.g. the baby’s hukou page)',
          tags,
          security,
          params: ItemParams,
          body: z.strictObject({ uploads: Uploads }),
        },
      },
      async (req) =>
        parent.supplyMaterials(req.params.caseId, req.params.item, req.citizenId, req.body.uploads),
    );

    app.get(
      '/cases/:caseId/items/:item/pickup-windows',
      {
        schema: {
          operationId: 'getPickupWindows',
          response: { 200: z.array(PickupWindow) },
          summary: 'When the post can collect the family’s parcel (two-way EMS)',
          tags,
          security,
          params: ItemParams,
        },
      },
      async (req) => parent.pickupWindows(req.params.caseId, req.params.item, req.citizenId),
    );

    app.post(
      '/cases/:caseId/items/:item/pickup',
      {
        schema: {
          operationId: 'bookPickup',
          response: { 200: CaseView },
          summary: 'Book the post’s pickup of the family’s parcel for the department (two-way EMS)',
          tags,
          security,
          params: ItemParams,
          body: z.strictObject({
            address: PostalAddress,
            window: z.strictObject({
              from: z.iso.datetime({ offset: true }),
              to: z.iso.datetime({ offset: true }),
            }),
          }),
        },
      },
      async (req) => parent.bookPickup(req.params.caseId, req.params.item, req.citizenId, req.body),
    );

    app.post(
      '/cases/:caseId/items/:item/payment',
      {
        schema: {
          operationId: 'startPayment',
          response: { 200: PaymentStarted },
          summary: 'Pay the premium the tax bureau assessed: opens an order and gives the cashier’s address',
          tags,
          security,
          params: ItemParams,
        },
      },
      async (req) => parent.startPayment(req.params.caseId, req.params.item, req.citizenId),
    );

    app.get(
      '/cases/:caseId/live',
      {
        schema: {
          operationId: 'followCase',
          response: {
            200: eventStream(
              'An event "case" with the whole case (as getCase) now and at every change; a comment line every 15 s',
            ),
          },
          summary:
            'The case as it changes (Server-Sent Events: an event "case" with the whole case each time)',
          tags,
          security,
          params: CaseParams,
        },
      },
      async (req, reply) => {
        const first = await parent.myCase(req.params.caseId, req.citizenId);
        streamCase(reply, first, () => parent.myCase(req.params.caseId, req.citizenId));
        return reply;
      },
    );

    app.get(
      '/notifications',
      {
        schema: {
          operationId: 'listNotifications',
          response: { 200: z.array(Notification) },
          summary: 'The in-app inbox',
          tags,
          security,
        },
      },
      async (req) => parent.notifications(req.citizenId),
    );
  };
