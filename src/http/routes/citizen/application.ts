import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ParentRole, RegionId } from '../../../domain/ids.ts';
import { fieldError } from '../../../domain/error.ts';
import type { AppDeps } from '../../app.ts';
import { Application, Png, security, SignedApplication, toInput, Upload } from './schemas.ts';
import {
  Me,
  StoredUpload,
  FaceCheck,
  Draft as SavedDraft,
  DraftSaved,
  InvitationSent,
  Invitation,
  CoSigned,
  AuthorizationSigned,
  FatherConfirmed,
} from '../../../contract/citizen.ts';
import { Preview, SubmitResult } from '../../../contract/evaluation.ts';
import { noContent, pdfAnswer } from '../../openapi.ts';
import { ApiError } from '../../../contract/common.ts';

/** Before a case exists: who I am, uploads, face checks, the pre-review, the form, submitting. */
export const applicationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const parent = deps.engine.parent;
    const tags = ['citizen'];
    const Draft = z.strictObject({ region: RegionId, application: Application });

    app.get(
      '/me',
      {
        schema: {
          operationId: 'getMe',
          response: { 200: Me },
          summary: 'Who is logged in, and the family the shared data knows for them',
          tags,
          security,
        },
      },
      async (req) => parent.whoAmI(req.citizenId),
    );

    app.post(
      '/uploads',
      {
        schema: {
          operationId: 'uploadMaterial',
          response: { 201: StoredUpload },
          summary: 'Upload a material the shared data cannot supply (JPEG, PNG or PDF, at most 1.5 MB)',
          tags,
          security,
          body: Upload,
        },
      },
      async (req, reply) => {
        const bytes = req.body.dataUrl;
        const stored = await parent.upload(req.citizenId, req.body.material, bytes);
        return reply.status(201).send(stored);
      },
    );

    app.post(
      '/face-verifications',
      {
        schema: {
          operationId: 'verifyFace',
          response: { 201: FaceCheck },
          summary: 'Face verification (人脸识别) of the mother or the father during the application',
          tags,
          security,
          body: z.strictObject({ role: ParentRole, photo: Png }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await parent.verifyFace(req.citizenId, req.body.role, req.body.photo)),
    );

    app.post(
      '/evaluate',
      {
        schema: {
          operationId: 'evaluateApplication',
          response: { 200: Preview },
          summary:
            'Pre-review a draft (智能预审): the decision, the one form and the digest to sign; creates nothing',
          tags,
          security,
          body: Draft,
        },
      },
      async (req) => parent.preview(req.body.region, toInput(req.citizenId, req.body.application)),
    );

    app.post(
      '/application-form.pdf',
      {
        schema: {
          operationId: 'getDraftFormPdf',
          response: { 200: pdfAnswer('The form, not yet signed') },
          summary: 'The one form as a PDF, for review before signing',
          tags,
          security,
          body: Draft,
        },
      },
      async (req, reply) => {
        const pdf = await parent.draftPdf(req.body.region, toInput(req.citizenId, req.body.application));
        return reply.type('application/pdf').send(pdf);
      },
    );

    app.post(
      '/cases',
      {
        schema: {
          operationId: 'submitApplication',
          response: {
            200: SubmitResult.meta({ description: 'Refused, or submitted before under this clientTxnId' }),
            201: SubmitResult,
          },
          summary: 'Submit the one application; idempotent by clientTxnId',
          tags,
          security,
          body: z.strictObject({
            region: RegionId,
            clientTxnId: z.string().min(8).max(100),
            application: SignedApplication,
          }),
        },
      },
      async (req, reply) => {
        const input = toInput(req.citizenId, req.body.application);
        const result = await parent.submit(req.body.region, req.body.clientTxnId, input);
        return reply.status(result.accepted && !result.duplicate ? 201 : 200).send(result);
      },
    );

    const BirthOrder = z.strictObject({ birthOrder: z.coerce.number().int().min(1).max(9) });

    app.get(
      '/drafts/:birthOrder',
      {
        schema: {
          operationId: 'getDraft',
          response: { 200: SavedDraft, 404: ApiError },
          summary: "The application in progress for this baby (the family's one draft), or 404",
          tags,
          security,
          params: BirthOrder,
        },
      },
      async (req, reply) => {
        const draft = await parent.loadDraft(req.citizenId, req.params.birthOrder);
        return draft ?? reply.status(404).send(noDraft());
      },
    );

    app.put(
      '/drafts/:birthOrder',
      {
        bodyLimit: 64 * 1024,
        schema: {
          operationId: 'saveDraft',
          response: { 200: DraftSaved },
          summary: 'Keep the application in progress (the app saves it as the parent goes)',
          tags,
          security,
          params: BirthOrder,
          body: z.strictObject({
            region: RegionId,
            body: z.record(z.string().max(40), z.unknown()).meta({ description: "the app's working state" }),
          }),
        },
      },
      async (req) => parent.saveDraft(req.citizenId, req.params.birthOrder, req.body.region, req.body.body),
    );

    app.delete(
      '/drafts/:birthOrder',
      {
        schema: {
          operationId: 'discardDraft',
          response: { 204: noContent },
          summary: 'Discard the application in progress',
          tags,
          security,
          params: BirthOrder,
        },
      },
      async (req, reply) => {
        await parent.discardDraft(req.citizenId, req.params.birthOrder);
        return reply.status(204).send();
      },
    );

    app.post(
      '/invitations',
      {
        schema: {
          operationId: 'inviteOtherParent',
          response: { 201: InvitationSent },
          summary: 'Invite the other parent to sign, verify their face or confirm, in their own login',
          tags,
          security,
          body: Draft,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await parent.invite(req.body.region, toInput(req.citizenId, req.body.application))),
    );

    app.get(
      '/invitations',
      {
        schema: {
          operationId: 'listInvitations',
          response: { 200: z.array(Invitation) },
          summary: 'Invitations to me that still ask something of me',
          tags,
          security,
        },
      },
      async (req) => parent.invitations(req.citizenId),
    );

    const InvitationParams = z.strictObject({ id: z.string().min(1).max(40) });

    app.get(
      '/invitations/:id/form.pdf',
      {
        schema: {
          operationId: 'getInvitationFormPdf',
          response: { 200: pdfAnswer('The form the other parent is invited to sign') },
          summary: 'The form I am invited to sign, as a PDF',
          tags,
          security,
          params: InvitationParams,
        },
      },
      async (req, reply) =>
        reply.type('application/pdf').send(await parent.invitationPdf(req.citizenId, req.params.id)),
    );

    app.post(
      '/invitations/:id/signature',
      {
        schema: {
          operationId: 'coSignInvitation',
          response: { 201: CoSigned },
          summary: 'Sign, in my own login, the form I was invited to sign',
          tags,
          security,
          params: InvitationParams,
          body: z.strictObject({ signature: Png }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await parent.coSign(req.citizenId, req.params.id, req.body.signature)),
    );

    app.post(
      '/authorizations',
      {
        schema: {
          operationId: 'signAuthorization',
          response: { 201: AuthorizationSigned },
          summary:
            'The mother signs the authorization letting the father apply (授权委托书); she types the grantee (附件3 用户填写)',
          tags,
          security,
          body: z.strictObject({
            signature: Png,
            grantee: z.strictObject({
              name: z.string().min(1).max(40),
              idNumber: z.string().regex(/^\d{17}[\dXx]$/),
              phone: z.string().regex(/^1\d{10}$/, 'phone'),
            }),
          }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await parent.authorize(req.citizenId, req.body.signature, req.body.grantee)),
    );

    app.post(
      '/confirmations',
      {
        schema: {
          operationId: 'confirmAsFather',
          response: { 201: FatherConfirmed },
          summary: 'The father confirms the application with face verification (Anhui)',
          tags,
          security,
          body: z.strictObject({ face: Png }),
        },
      },
      async (req, reply) => reply.status(201).send(await parent.confirmFather(req.citizenId, req.body.face)),
    );
  };

const noDraft = () => ({
  error: fieldError('NOT_FOUND', 'draft', {
    zh: '还没有保存的草稿',
    en: 'no draft has been saved yet',
  }).toJSON(),
});
