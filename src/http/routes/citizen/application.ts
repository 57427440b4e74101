import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ParentRole, RegionId } from '../../../domain/ids.ts';
import type { AppDeps } from '../../app.ts';
import { Application, Png, security, SignedApplication, toInput, Upload, uploadTypeOf } from './schemas.ts';

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
          summary: 'Upload a material the shared data cannot supply (JPEG, PNG or PDF, at most 1.5 MB)',
          tags,
          security,
          body: Upload,
        },
      },
      async (req, reply) => {
        const bytes = req.body.dataUrl;
        const stored = await parent.upload(req.citizenId, req.body.material, uploadTypeOf(bytes)!, bytes);
        return reply.status(201).send(stored);
      },
    );

    app.post(
      '/face-verifications',
      {
        schema: {
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
        schema: { summary: 'The one form as a PDF, for review before signing', tags, security, body: Draft },
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

    app.post(
      '/authorizations',
      {
        schema: {
          summary: 'The mother signs the authorization letting the father apply (授权委托书)',
          tags,
          security,
          body: z.strictObject({ signature: Png }),
        },
      },
      async (req, reply) => reply.status(201).send(await parent.authorize(req.citizenId, req.body.signature)),
    );

    app.post(
      '/confirmations',
      {
        schema: {
          summary: 'The father confirms the application with face verification (Anhui)',
          tags,
          security,
          body: z.strictObject({ face: Png }),
        },
      },
      async (req, reply) => reply.status(201).send(await parent.confirmFather(req.citizenId, req.body.face)),
    );
  };
