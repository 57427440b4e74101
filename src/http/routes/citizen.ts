import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CaseState } from '../../domain/case.ts';
import { AppError } from '../../domain/error.ts';
import { isPng } from '../../domain/png.ts';
import { ItemId, ParentRole, RegionId } from '../../domain/ids.ts';
import type { ApplicationInput } from '../../engine/gather-facts.ts';
import { CitizenIdNumber, DivisionCode, Facts } from '../../policy/facts.ts';
import { caseNotFound, getCase } from '../../store/case-store.ts';
import { digestOf } from '../../domain/canonical-json.ts';
import type { CaseForm } from '../../departments/port.ts';
import { renderApplicationForm } from '../../documents/application-form.ts';
import { receipt } from '../../documents/receipt.ts';
import { receiptFactsOf } from './receipt.ts';
import { getPolicy } from '../../policies/index.ts';
import type { AppDeps } from '../app.ts';

/**
 * The parents' API. The applicant is whoever is logged in; the body never names them. A case that
 * is not the caller's is reported as not found.
 */

export const Application = z.strictObject({
  applicantRole: ParentRole,
  motherIdNumber: CitizenIdNumber,
  baby: z.strictObject({
    surname: z.string().max(20),
    givenName: z.string().max(20),
    sex: z.enum(['male', 'female']).optional(),
    bornAt: z.iso.datetime({ offset: true }).optional(),
    birthPlace: Facts.shape.baby.shape.birthPlace.optional(),
  }),
  choices: Facts.shape.choices,
  contact: z
    .strictObject({
      phone: z
        .string()
        .regex(/^1\d{10}$/, 'phone')
        .optional(),
      mailingAddress: z
        .strictObject({
          divisionCode: DivisionCode,
          detail: z.string().trim().min(2).max(120).meta({ description: 'street, building and room' }),
        })
        .optional(),
    })
    .default({}),
  /** Material id → the upload id returned by POST /uploads. */
  uploads: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().max(40)).default({}),
});

/** What may be uploaded: photos or scans of a paper, at most 1.5 MB, recognised by content. */
const UPLOAD_TYPES = [
  { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
] as const;
const MAX_UPLOAD_BYTES = 1_500_000;
const uploadTypeOf = (b: Buffer) => UPLOAD_TYPES.find((t) => t.magic.every((byte, i) => b[i] === byte))?.mime;
const Upload = z.strictObject({
  material: z.string().regex(/^[a-z0-9-]+$/, 'material id'),
  dataUrl: z
    .string()
    .max(2_100_000)
    .regex(/^data:[a-z/]+;base64,[A-Za-z0-9+/]+=*$/, 'data-url')
    .transform((s) => Buffer.from(s.slice(s.indexOf(',') + 1), 'base64'))
    .refine((b) => b.length <= MAX_UPLOAD_BYTES, { message: 'upload-size' })
    .refine((b) => uploadTypeOf(b) !== undefined, { message: 'upload-type' }),
});

/** A PNG as a data URL: a signature drawn on the signing canvas, or a face photo. */
const Png = z
  .string()
  .max(400_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'png')
  .transform((s) => Buffer.from(s.slice(s.indexOf(',') + 1), 'base64'))
  .refine(isPng, { message: 'png' });
/** The handwritten signature over the digest of the reviewed form. */
const Signature = z.strictObject({
  formDigest: z.string().regex(/^[0-9a-f]{64}$/, 'form-digest'),
  imagePng: Png,
  /** The other parent, signing on the same device where the region asks both to sign. */
  others: z
    .array(z.strictObject({ role: ParentRole, imagePng: Png }))
    .max(1)
    .default([]),
});
const SignedApplication = Application.extend({ signature: Signature });

const CaseParams = z.strictObject({ caseId: z.string().min(1).max(64) });
const ItemParams = CaseParams.extend({ item: ItemId });
const security = [{ citizen: [] }];

export const citizenRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const me = async (authorization: string | undefined) =>
      (await deps.identity.citizenFrom(authorization)).idNumber;
    const toInput = (
      idNumber: string,
      a: z.infer<typeof Application> & { signature?: z.infer<typeof Signature> },
    ): ApplicationInput => ({
      applicant: { role: a.applicantRole, idNumber },
      motherIdNumber: a.motherIdNumber,
      baby: a.baby,
      choices: a.choices,
      contact: a.contact,
      uploads: a.uploads,
      ...(a.signature ? { signature: a.signature } : {}),
    });
    const mine = async (caseId: string, idNumber: string): Promise<CaseState> => {
      const state = await getCase(deps.db, caseId);
      if (state.applicant.idNumber === idNumber || state.motherIdNumber === idNumber) return state;
      throw caseNotFound(caseId);
    };

    app.get(
      '/me',
      {
        schema: {
          summary:
            'Who is logged in, and the family the shared data knows for them (the proactive path starts here)',
          tags: ['citizen'],
          security,
        },
      },
      async (req) => deps.engine.whoAmI(await me(req.headers.authorization)),
    );

    app.post(
      '/uploads',
      {
        schema: {
          summary: 'Upload a material the shared data cannot supply (JPEG, PNG or PDF, at most 1.5 MB)',
          tags: ['citizen'],
          security,
          body: Upload,
        },
      },
      async (req, reply) => {
        const bytes = req.body.dataUrl;
        return reply
          .status(201)
          .send(
            await deps.engine.upload(
              await me(req.headers.authorization),
              req.body.material,
              uploadTypeOf(bytes)!,
              bytes,
            ),
          );
      },
    );

    app.post(
      '/face-verifications',
      {
        schema: {
          summary: 'Face verification (人脸识别) of the mother or the father during the application',
          tags: ['citizen'],
          security,
          body: z.strictObject({ role: ParentRole, photo: Png }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await deps.engine.verifyFace(await me(req.headers.authorization), req.body.role, req.body.photo),
          ),
    );

    app.post(
      '/evaluate',
      {
        schema: {
          summary:
            'Pre-review a draft against the shared data (智能预审): the decision, the one form and the digest to sign; creates nothing',
          tags: ['citizen'],
          security,
          body: z.strictObject({ region: RegionId, application: Application }),
        },
      },
      async (req) =>
        deps.engine.preview(
          req.body.region,
          toInput(await me(req.headers.authorization), req.body.application),
        ),
    );

    app.post(
      '/application-form.pdf',
      {
        schema: {
          summary: 'The one form as a PDF, for review before signing',
          tags: ['citizen'],
          security,
          body: z.strictObject({ region: RegionId, application: Application }),
        },
      },
      async (req, reply) => {
        const preview = await deps.engine.preview(
          req.body.region,
          toInput(await me(req.headers.authorization), req.body.application),
        );
        if (!preview.form || !preview.formDigest) {
          throw new AppError(
            'CONFLICT',
            {
              zh: 'application：预审未通过，没有可签署的申请表',
              en: 'application: the pre-review refused it; there is no form to sign',
            },
            { field: 'application' },
          );
        }
        const pdf = await renderApplicationForm({
          policy: getPolicy(req.body.region),
          form: preview.form,
          formDigest: preview.formDigest,
          items: preview.evaluation.plan.map((p) => ({
            id: p.id,
            department: p.department,
            deadline: p.deadline.status === 'scheduled' ? p.deadline.at : null,
          })),
        });
        return reply.type('application/pdf').send(pdf);
      },
    );

    app.post(
      '/cases',
      {
        schema: {
          summary: 'Submit the one application; idempotent by clientTxnId',
          tags: ['citizen'],
          security,
          body: z.strictObject({
            region: RegionId,
            clientTxnId: z.string().min(8).max(100),
            application: SignedApplication,
          }),
        },
      },
      async (req, reply) => {
        const result = await deps.engine.submit(
          req.body.region,
          req.body.clientTxnId,
          toInput(await me(req.headers.authorization), req.body.application),
        );
        return reply.status(result.accepted && !result.duplicate ? 201 : 200).send(result);
      },
    );

    app.get(
      '/cases',
      { schema: { summary: 'My cases (我的办件)', tags: ['citizen'], security } },
      async (req) => {
        const id = await me(req.headers.authorization);
        const rows = await deps.db.query<{ state: CaseState }>(
          'select state from cases where applicant_id_number = $1 or mother_id_number = $1 order by submitted_at desc limit 100',
          [id],
        );
        return rows.map(({ state: s }) => ({
          caseId: s.id,
          region: s.region,
          status: s.status,
          overdue: s.overdue,
          babyName: s.babyName,
          submittedAt: s.submittedAt,
          promisedDeadline: s.promisedDeadline,
          items: Object.values(s.items).map((i) => ({
            item: i.id,
            status: i.status,
            holder: i.holder,
            deadline: i.deadline,
            overdue: i.overdue,
          })),
        }));
      },
    );

    app.get(
      '/cases/:caseId',
      {
        schema: {
          summary: 'A case: every item with its timeline, holder, deadline and outputs',
          tags: ['citizen'],
          security,
          params: CaseParams,
        },
      },
      async (req) => mine(req.params.caseId, await me(req.headers.authorization)),
    );

    app.get(
      '/cases/:caseId/application.pdf',
      {
        schema: {
          summary: 'The submitted form as a PDF, with the signature and its digest',
          tags: ['citizen'],
          security,
          params: CaseParams,
        },
      },
      async (req, reply) => {
        const state = await mine(req.params.caseId, await me(req.headers.authorization));
        const rows = await deps.db.query<{ signer_id_number: string; image_png: Buffer; signed_at: Date }>(
          'select signer_id_number, image_png, signed_at from case_signatures where case_id = $1',
          [state.id],
        );
        const signers = [
          { id: state.signature?.signerIdNumber, label: '申请人签名 Applicant' },
          ...(state.signature?.coSigners ?? []).map((c) => ({
            id: c.idNumber,
            label: c.role === 'mother' ? '母亲签名 Mother' : '父亲签名 Father',
          })),
        ];
        const pdf = await renderApplicationForm({
          policy: getPolicy(state.region),
          form: state.form as CaseForm,
          formDigest: state.signature?.formDigest ?? digestOf(state.form),
          caseId: state.id,
          items: Object.values(state.items).map((i) => ({
            id: i.id,
            department: i.department,
            deadline: i.deadline,
          })),
          signatures: signers.flatMap((s) =>
            rows
              .filter((r) => r.signer_id_number === s.id)
              .map((r) => ({
                label: s.label,
                imagePng: Buffer.from(r.image_png),
                signedAt: new Date(r.signed_at).toISOString(),
              })),
          ),
        });
        return reply.type('application/pdf').send(pdf);
      },
    );

    app.get(
      '/cases/:caseId/receipt',
      {
        schema: {
          summary: 'The receipt (收件回执) with a QR code that verifies it',
          tags: ['citizen'],
          security,
          params: CaseParams,
        },
      },
      async (req) => {
        const state = await mine(req.params.caseId, await me(req.headers.authorization));
        return receipt(deps.receiptKey, receiptFactsOf(state), `${req.protocol}://${req.host}`);
      },
    );

    app.get(
      '/cases/:caseId/shared-fields',
      {
        schema: {
          summary: 'Which department received which of the family’s fields',
          tags: ['citizen'],
          security,
          params: CaseParams,
        },
      },
      async (req) => {
        await mine(req.params.caseId, await me(req.headers.authorization));
        const rows = await deps.db.query<{
          topic: string;
          payload: { item: string; fields: Record<string, unknown> };
        }>(`select topic, payload from outbox where kind = 'dispatch' and case_id = $1 order by id`, [
          req.params.caseId,
        ]);
        return rows.map((r) => ({
          department: r.topic,
          item: r.payload.item,
          fields: fieldPaths(r.payload.fields),
        }));
      },
    );

    app.post(
      '/cases/:caseId/items/:item/supplement',
      {
        schema: {
          summary: 'Answer a supplement request (补件); the item’s clock resumes',
          tags: ['citizen'],
          security,
          params: ItemParams,
          body: z.strictObject({ note: z.string().max(500).default('') }),
        },
      },
      async (req) =>
        deps.engine.answerSupplement(
          req.params.caseId,
          req.params.item,
          await me(req.headers.authorization),
          req.body.note,
        ),
    );

    app.post(
      '/cases/:caseId/items/:item/rating',
      {
        schema: {
          summary: 'Rate a finished item (好差评), 1–5',
          tags: ['citizen'],
          security,
          params: ItemParams,
          body: z.strictObject({
            score: z.number().int().min(1).max(5),
            comment: z.string().max(500).default(''),
          }),
        },
      },
      async (req) =>
        deps.engine.rate(
          req.params.caseId,
          req.params.item,
          await me(req.headers.authorization),
          req.body.score,
          req.body.comment,
        ),
    );

    app.post(
      '/authorizations',
      {
        schema: {
          summary: 'The mother signs the authorization letting the father apply (授权委托书)',
          tags: ['citizen'],
          security,
          body: z.strictObject({ signature: Png }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await deps.engine.authorize(await me(req.headers.authorization), req.body.signature)),
    );

    app.post(
      '/confirmations',
      {
        schema: {
          summary: 'The father confirms the application with face verification (Anhui)',
          tags: ['citizen'],
          security,
          body: z.strictObject({ face: Png }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await deps.engine.confirmFather(await me(req.headers.authorization), req.body.face)),
    );

    app.get(
      '/notifications',
      { schema: { summary: 'The in-app inbox', tags: ['citizen'], security } },
      async (req) =>
        deps.db.query(
          'select id, case_id as "caseId", template, body, created_at as "createdAt", read_at as "readAt" from notifications where recipient_id_number = $1 order by id desc limit 200',
          [await me(req.headers.authorization)],
        ),
    );
  };

/** `{ baby: { name, sex } }` → ['baby.name', 'baby.sex']: what a department saw, without the values. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    fieldPaths(v, prefix ? `${prefix}.${k}` : k),
  );
}
