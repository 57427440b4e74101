import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ParentRole } from '../../domain/ids.ts';
import type { AppDeps } from '../app.ts';
import { requireStaff } from './staff.ts';
import { Application, Png, Upload } from './citizen/schemas.ts';
import { SigningSession, WindowFamily, WindowPreview } from '../../contract/staff.ts';
import { AppliedAtWindow, StoredUpload } from '../../contract/citizen.ts';
import { SubmitResult } from '../../contract/evaluation.ts';
import { pdfAnswer } from '../openapi.ts';

/**
 * 联办窗口: the hospital clerk's counter. Look the family up by the mother's ID number, pre-review,
 * scan the materials, have the letter and the form signed on the counter tablet, submit (idempotent by
 * the window's client transaction id) and print the papers. The staff login is the workbench's.
 */
const tags = ['staff'];
const security = [{ staff: [] }];
/** The clerk's form is the parents' application for the mother; the applicant is always her. */
const WindowApplication = Application.omit({ applicantRole: true });
const SessionParams = z.strictObject({ id: z.string().regex(/^T[0-9a-f]{23}$/, 'signing session') });

export const windowRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { staff, parent } = deps.engine;
    const w = staff.window;
    requireStaff(app, deps);

    app.get(
      '/families/:motherIdNumber',
      {
        schema: {
          operationId: 'lookUpWindowFamily',
          response: { 200: WindowFamily },
          summary: 'The family at the counter: only a mother who gave birth in this hospital',
          tags,
          security,
          params: z.strictObject({ motherIdNumber: Application.shape.motherIdNumber }),
        },
      },
      (req) => w.lookUp(req.staffId, req.params.motherIdNumber),
    );

    app.post(
      '/preview',
      {
        schema: {
          operationId: 'previewWindowApplication',
          response: { 200: WindowPreview },
          summary: "Pre-review the mother's application: the policy's form, materials and what is missing",
          tags,
          security,
          body: WindowApplication,
        },
      },
      (req) => w.preview(req.staffId, req.body),
    );

    app.post(
      '/uploads',
      {
        schema: {
          operationId: 'uploadWindowMaterial',
          response: { 201: StoredUpload },
          summary: 'A scan of a material the mother handed over, kept as hers (JPEG, PNG or PDF, 1.5 MB)',
          tags,
          security,
          body: Upload.extend({ motherIdNumber: Application.shape.motherIdNumber }),
        },
      },
      async (req, reply) => {
        // The lookup refuses a mother who did not give birth here, before anything is kept for her.
        const family = await w.lookUp(req.staffId, req.body.motherIdNumber);
        const bytes = req.body.dataUrl;
        const stored = await parent.upload(family.mother.idNumber, req.body.material, bytes);
        return reply.status(201).send(stored);
      },
    );

    app.post(
      '/signing-sessions',
      {
        schema: {
          operationId: 'startSigningSession',
          response: { 201: SigningSession },
          summary: 'Open a signing session for the counter tablet: the authorization letter, or the form',
          tags,
          security,
          body: z.strictObject({
            purpose: z.enum(['letter', 'form']),
            application: WindowApplication,
            fatherPresent: z.boolean().default(false),
          }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          await w.startSigning(req.staffId, req.body.purpose, req.body.application, {
            fatherPresent: req.body.fatherPresent,
          }),
        ),
    );

    app.get(
      '/signing-sessions/:id',
      {
        schema: {
          operationId: 'getSigningSession',
          response: { 200: SigningSession },
          summary: 'What the tablet shows, and who has signed (the clerk polls this)',
          tags,
          security,
          params: SessionParams,
        },
      },
      (req) => w.signingSession(req.staffId, req.params.id),
    );

    app.post(
      '/signing-sessions/:id/signatures',
      {
        schema: {
          operationId: 'signAtCounter',
          response: { 201: SigningSession },
          summary: 'A signature on the counter tablet, by the mother or the father',
          tags,
          security,
          params: SessionParams,
          body: z.strictObject({ role: ParentRole, signature: Png }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await w.sign(req.staffId, req.params.id, req.body.role, req.body.signature)),
    );

    app.post(
      '/signing-sessions/:id/invitation',
      {
        schema: {
          operationId: 'inviteFatherToSign',
          response: { 201: SigningSession },
          summary:
            "The father is not at the counter: invite him to sign this session's form (the same digest) in his own login",
          tags,
          security,
          params: SessionParams,
          body: z.strictObject({ application: WindowApplication }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await w.inviteToSign(req.staffId, req.params.id, req.body.application)),
    );

    app.post(
      '/applications',
      {
        schema: {
          operationId: 'submitWindowApplication',
          response: {
            200: SubmitResult.meta({ description: 'Refused, or submitted before under this clientTxnId' }),
            201: SubmitResult,
          },
          summary:
            'Submit at the window, signed on the tablet; idempotent by clientTxnId (an offline-queued application sent twice makes one case)',
          tags,
          security,
          body: z.strictObject({
            clientTxnId: z.string().min(8).max(100),
            signingSessionId: SessionParams.shape.id,
            application: WindowApplication,
          }),
        },
      },
      async (req, reply) => {
        const { clientTxnId, application, signingSessionId } = req.body;
        const result = await w.submit(req.staffId, clientTxnId, application, signingSessionId);
        return reply.status(result.accepted && !result.duplicate ? 201 : 200).send(result);
      },
    );

    app.get(
      '/cases/:caseId/:paper',
      {
        schema: {
          operationId: 'getWindowPaper',
          response: { 200: pdfAnswer('The paper, to print') },
          summary:
            "A window application's paper as a PDF: the form (附件1, or the general form), the authorization letter (附件3), the receipt (附件2)",
          tags,
          security,
          params: z.strictObject({
            caseId: z.string().min(1).max(64),
            paper: z.enum(['form.pdf', 'authorization.pdf', 'receipt.pdf']),
          }),
        },
      },
      async (req, reply) => {
        const paper = req.params.paper.replace('.pdf', '') as 'form' | 'authorization' | 'receipt';
        return reply.type('application/pdf').send(await w.paper(req.staffId, req.params.caseId, paper));
      },
    );
  };

/** For the parents' app: "applied at the window of …" on the mother's own case. */
export const windowCitizenRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cases/:caseId/window',
      {
        schema: {
          operationId: 'getWindowOfCase',
          response: { 200: AppliedAtWindow },
          summary: 'Whether this case was applied for at a hospital window, and which',
          tags: ['citizen'],
          security: [{ citizen: [] }],
          params: z.strictObject({ caseId: z.string().min(1).max(64) }),
        },
      },
      async (req) => {
        const { idNumber } = await deps.identity.citizenFrom(req.headers.authorization);
        return deps.engine.staff.window.appliedAt(req.params.caseId, idNumber);
      },
    );
  };
