import type { ParentRole } from '../domain/ids.ts';
import type { Queryable } from './db.ts';
import { json } from './sql.ts';

/**
 * The hospital's joint window: the mother's authorization of the hospital (授权委托书), the counter
 * tablet's signing sessions and their signatures, and which cases were applied for at a window.
 */

const iso = (d: Date | string) => new Date(d).toISOString();

export interface WindowAuthorization {
  motherIdNumber: string;
  birthOrder: number;
  organisationId: string;
  staffId: string;
  letter: Record<string, unknown>;
  letterDigest: string;
  imageSha256: string;
  imagePng: Buffer;
  uploadId: string;
  signedAt: string;
}

interface AuthorizationRow {
  mother_id_number: string;
  birth_order: number;
  organisation_id: string;
  staff_id: string;
  letter: Record<string, unknown>;
  letter_digest: string;
  image_sha256: string;
  image_png: Buffer | Uint8Array;
  upload_id: string;
  signed_at: Date;
}

/** A letter signed again (the family corrected something) replaces the one before. */
export async function upsertWindowAuthorization(q: Queryable, a: WindowAuthorization): Promise<void> {
  await q.query(
    `insert into window_authorizations (mother_id_number, birth_order, organisation_id, staff_id, letter,
       letter_digest, image_sha256, image_png, upload_id, signed_at)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)
     on conflict (mother_id_number, birth_order, organisation_id) do update set staff_id = excluded.staff_id,
       letter = excluded.letter, letter_digest = excluded.letter_digest, image_sha256 = excluded.image_sha256,
       image_png = excluded.image_png, upload_id = excluded.upload_id, signed_at = excluded.signed_at`,
    [
      q.personal.index(a.motherIdNumber),
      a.birthOrder,
      a.organisationId,
      a.staffId,
      json(a.letter),
      a.letterDigest,
      a.imageSha256,
      a.imagePng,
      a.uploadId,
      a.signedAt,
    ],
  );
}

export async function findWindowAuthorization(
  q: Queryable,
  motherIdNumber: string,
  birthOrder: number,
  organisationId: string,
): Promise<WindowAuthorization | null> {
  const [r] = await q.query<AuthorizationRow>(
    `select * from window_authorizations where mother_id_number = $1 and birth_order = $2 and organisation_id = $3`,
    [q.personal.index(motherIdNumber), birthOrder, organisationId],
  );
  return r
    ? {
        motherIdNumber,
        birthOrder: r.birth_order,
        organisationId: r.organisation_id,
        staffId: r.staff_id,
        letter: r.letter,
        letterDigest: r.letter_digest,
        imageSha256: r.image_sha256,
        imagePng: Buffer.from(r.image_png),
        uploadId: r.upload_id,
        signedAt: iso(r.signed_at),
      }
    : null;
}

export type SigningPurpose = 'letter' | 'form';

export interface SigningSession {
  id: string;
  organisationId: string;
  staffId: string;
  region: string;
  motherIdNumber: string;
  birthOrder: number;
  purpose: SigningPurpose;
  digest: string;
  /** What the tablet shows the signers, in large type. */
  summary: Record<string, unknown>;
  signers: ParentRole[];
  /** Material id → upload id of the papers the window itself produced for this form. */
  producedUploads: Record<string, string>;
  createdAt: string;
  expiresAt: string;
}

interface SessionRow {
  id: string;
  organisation_id: string;
  staff_id: string;
  region: string;
  mother_id_number: string;
  birth_order: number;
  purpose: SigningPurpose;
  digest: string;
  summary: Record<string, unknown>;
  signers: ParentRole[];
  produced_uploads: Record<string, string>;
  created_at: Date;
  expires_at: Date;
}

export async function insertSigningSession(q: Queryable, s: SigningSession): Promise<void> {
  await q.query(
    `insert into window_signing_sessions (id, organisation_id, staff_id, region, mother_id_number, birth_order,
       purpose, digest, summary, signers, produced_uploads, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::text[], $11::jsonb, $12, $13)`,
    [
      s.id,
      s.organisationId,
      s.staffId,
      s.region,
      // Looked up by the session's id, never by the mother: sealed, not indexed.
      q.personal.seal(s.motherIdNumber),
      s.birthOrder,
      s.purpose,
      s.digest,
      json(s.summary),
      s.signers,
      json(s.producedUploads),
      s.createdAt,
      s.expiresAt,
    ],
  );
}

export async function findSigningSession(q: Queryable, id: string): Promise<SigningSession | null> {
  const [r] = await q.query<SessionRow>(`select * from window_signing_sessions where id = $1`, [id]);
  return r
    ? {
        id: r.id,
        organisationId: r.organisation_id,
        staffId: r.staff_id,
        region: r.region,
        motherIdNumber: r.mother_id_number,
        birthOrder: r.birth_order,
        purpose: r.purpose,
        digest: r.digest,
        summary: r.summary,
        signers: r.signers,
        producedUploads: r.produced_uploads,
        createdAt: iso(r.created_at),
        expiresAt: iso(r.expires_at),
      }
    : null;
}

export interface WindowSignature {
  role: ParentRole;
  signerIdNumber: string;
  imageSha256: string;
  imagePng: Buffer;
  signedAt: string;
}

/** One signature per signer and session: the first one given stands (a second tap changes nothing). */
export async function insertWindowSignature(
  q: Queryable,
  sessionId: string,
  s: WindowSignature,
): Promise<boolean> {
  const rows = await q.query(
    `insert into window_signatures (session_id, role, signer_id_number, image_sha256, image_png, signed_at)
     values ($1, $2, $3, $4, $5, $6) on conflict (session_id, role) do nothing returning role`,
    [sessionId, s.role, q.personal.seal(s.signerIdNumber), s.imageSha256, s.imagePng, s.signedAt],
  );
  return rows.length > 0;
}

export async function windowSignaturesOf(q: Queryable, sessionId: string): Promise<WindowSignature[]> {
  const rows = await q.query<{
    role: ParentRole;
    signer_id_number: string;
    image_sha256: string;
    image_png: Buffer | Uint8Array;
    signed_at: Date;
  }>(
    `select role, signer_id_number, image_sha256, image_png, signed_at from window_signatures
     where session_id = $1 order by role`,
    [sessionId],
  );
  return rows.map((r) => ({
    role: r.role,
    signerIdNumber: r.signer_id_number,
    imageSha256: r.image_sha256,
    imagePng: Buffer.from(r.image_png),
    signedAt: iso(r.signed_at),
  }));
}

export interface WindowApplication {
  caseId: string;
  organisationId: string;
  staffId: string;
  clientTxnId: string;
  signingSessionId: string | null;
  appliedAt: string;
}

/** Recorded once per case; sending the same application again records nothing new. */
export async function recordWindowApplication(q: Queryable, a: WindowApplication): Promise<void> {
  await q.query(
    `insert into window_applications (case_id, organisation_id, staff_id, client_txn_id, signing_session_id, applied_at)
     values ($1, $2, $3, $4, $5, $6) on conflict (case_id) do nothing`,
    [a.caseId, a.organisationId, a.staffId, a.clientTxnId, a.signingSessionId, a.appliedAt],
  );
}

/** The window a case was applied for at, with the organisation's name; null for a parent's own application. */
export async function windowApplicationOf(
  q: Queryable,
  caseId: string,
): Promise<(WindowApplication & { organisationName: { zh: string; en: string } }) | null> {
  const [r] = await q.query<{
    case_id: string;
    organisation_id: string;
    staff_id: string;
    client_txn_id: string;
    signing_session_id: string | null;
    applied_at: Date;
    name: { zh: string; en: string };
  }>(
    `select w.*, o.name from window_applications w join organisations o on o.id = w.organisation_id
     where w.case_id = $1`,
    [caseId],
  );
  return r
    ? {
        caseId: r.case_id,
        organisationId: r.organisation_id,
        staffId: r.staff_id,
        clientTxnId: r.client_txn_id,
        signingSessionId: r.signing_session_id,
        appliedAt: iso(r.applied_at),
        organisationName: r.name,
      }
    : null;
}
