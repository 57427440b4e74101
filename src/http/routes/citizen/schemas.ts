import { z } from 'zod';
import { isPng } from '../../../domain/png.ts';
import { ParentRole } from '../../../domain/ids.ts';
import type { ApplicationInput } from '../../../engine/gather-facts.ts';
import { MAX_UPLOAD_BYTES, uploadTypeOf } from '../../../engine/parent/uploads.ts';
import { CitizenIdNumber, DivisionCode, Facts } from '../../../policy/facts.ts';

/** The parents' request bodies: the application as the app sends it, uploads and signatures. */

export const Application = z.strictObject({
  applicantRole: ParentRole,
  motherIdNumber: CitizenIdNumber,
  baby: z.strictObject({
    // Checked against the name rule by the engine, with the field named; never cut short here.
    surname: z.string().max(50),
    givenName: z.string().max(50),
    birthOrder: z.number().int().min(1).max(9).optional(),
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
export type Application = z.infer<typeof Application>;

/** What may be uploaded (the engine's rule, checked here too so a data URL is refused early). */

export const Upload = z.strictObject({
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
export const Png = z
  .string()
  .max(400_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'png')
  .transform((s) => Buffer.from(s.slice(s.indexOf(',') + 1), 'base64'))
  .refine(isPng, { message: 'png' });

/**
 * The applicant's handwritten signature over the digest of the reviewed form. Where the region has
 * the other parent sign too, they do so in their own login (POST /invitations/{id}/signature).
 */
export const Signature = z.strictObject({
  formDigest: z.string().regex(/^[0-9a-f]{64}$/, 'form-digest'),
  imagePng: Png,
});
export const SignedApplication = Application.extend({ signature: Signature });

/** The request's application, with the logged-in person as the applicant: the body never names them. */
export function toInput(
  idNumber: string,
  a: Application & { signature?: z.infer<typeof Signature> },
): ApplicationInput {
  return {
    applicant: { role: a.applicantRole, idNumber },
    motherIdNumber: a.motherIdNumber,
    baby: a.baby,
    choices: a.choices,
    contact: a.contact,
    uploads: a.uploads,
    ...(a.signature ? { signature: a.signature } : {}),
  };
}

/** Material id → the upload id returned by POST /uploads. */
export const Uploads = z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().max(40));

export const PostalAddress = z.strictObject({
  divisionCode: DivisionCode,
  detail: z.string().trim().min(2).max(120),
});

export const security = [{ citizen: [] }];
