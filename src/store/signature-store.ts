import type { Queryable } from './db.ts';
import { valuesList } from './sql.ts';

/**
 * The signatures a submitted case was signed with (the applicant's, and the other parent's where the
 * region asks both). The signer's number is kept sealed beside its blind index (personal-data.ts).
 */

export interface StoredSignature {
  signerIdNumber: string;
  formDigest: string;
  imageSha256: string;
  imagePng: Buffer;
  signedAt: string;
}

/** The signatures over each new case's form: the applicant's, and the other parent's where given. */
export async function insertSignatures(
  q: Queryable,
  signatures: readonly (StoredSignature & { caseId: string })[],
): Promise<void> {
  if (!signatures.length) return;
  await q.query(
    `insert into case_signatures (case_id, signer_id_number, signer, form_digest, image_sha256, image_png, signed_at)
     values ${valuesList(signatures.length, 7, ['', '', '', '', '', 'bytea', 'timestamptz'])}`,
    signatures.flatMap((s) => [
      s.caseId,
      q.personal.index(s.signerIdNumber),
      q.personal.seal(s.signerIdNumber),
      s.formDigest,
      s.imageSha256,
      s.imagePng,
      s.signedAt,
    ]),
  );
}

export async function signaturesOf(q: Queryable, caseId: string): Promise<StoredSignature[]> {
  const rows = await q.query<{
    signerIdNumber: string;
    form_digest: string;
    image_sha256: string;
    image_png: Buffer;
    signed_at: Date;
  }>(
    `select signer as "signerIdNumber", form_digest, image_sha256, image_png, signed_at from case_signatures
     where case_id = $1`,
    [caseId],
  );
  return rows.map((r) => ({
    signerIdNumber: r.signerIdNumber,
    formDigest: r.form_digest,
    imageSha256: r.image_sha256,
    imagePng: Buffer.from(r.image_png),
    signedAt: new Date(r.signed_at).toISOString(),
  }));
}
