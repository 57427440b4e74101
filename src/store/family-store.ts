import type { ParentRole } from '../domain/ids.ts';
import type { Queryable } from './db.ts';

/**
 * What each parent did in their own login, kept for the family (by the mother's ID number): the
 * mother's authorization letter, the father's confirmation and passed face checks.
 */

export async function findAuthorization(
  q: Queryable,
  motherIdNumber: string,
  granteeIdNumber?: string,
): Promise<{ grantee: 'father'; signedAt: string } | null> {
  const rows = await q.query<{ grantee_role: 'father'; signed_at: Date }>(
    `select grantee_role, signed_at from authorizations
     where mother_id_number = $1 and ($2::text is null or grantee_id_number = $2)`,
    [q.personal.index(motherIdNumber), granteeIdNumber ? q.personal.index(granteeIdNumber) : null],
  );
  return rows[0] ? { grantee: rows[0].grantee_role, signedAt: iso(rows[0].signed_at) } : null;
}

export async function upsertAuthorization(
  q: Queryable,
  a: {
    motherIdNumber: string;
    granteeIdNumber: string;
    letterDigest: string;
    imageSha256: string;
    imagePng: Buffer;
    signedAt: string;
  },
): Promise<void> {
  await q.query(
    `insert into authorizations (mother_id_number, grantee_id_number, grantee_role, letter_digest, image_sha256, image_png, signed_at)
     values ($1, $2, 'father', $3, $4, $5, $6)
     on conflict (mother_id_number, grantee_id_number) do update set letter_digest = excluded.letter_digest,
       image_sha256 = excluded.image_sha256, image_png = excluded.image_png, signed_at = excluded.signed_at`,
    [
      q.personal.index(a.motherIdNumber),
      q.personal.index(a.granteeIdNumber),
      a.letterDigest,
      a.imageSha256,
      a.imagePng,
      a.signedAt,
    ],
  );
}

export async function findFatherConfirmation(
  q: Queryable,
  motherIdNumber: string,
  fatherIdNumber?: string,
): Promise<{ confirmedAt: string } | null> {
  const rows = await q.query<{ confirmed_at: Date }>(
    `select confirmed_at from father_confirmations
     where mother_id_number = $1 and ($2::text is null or father_id_number = $2)`,
    [q.personal.index(motherIdNumber), fatherIdNumber ? q.personal.index(fatherIdNumber) : null],
  );
  return rows[0] ? { confirmedAt: iso(rows[0].confirmed_at) } : null;
}

export async function upsertFatherConfirmation(
  q: Queryable,
  c: { motherIdNumber: string; fatherIdNumber: string; faceScore: number; confirmedAt: string },
): Promise<void> {
  await q.query(
    `insert into father_confirmations (mother_id_number, father_id_number, face_score, confirmed_at) values ($1, $2, $3, $4)
     on conflict (mother_id_number, father_id_number) do update set face_score = excluded.face_score, confirmed_at = excluded.confirmed_at`,
    [q.personal.index(c.motherIdNumber), q.personal.index(c.fatherIdNumber), c.faceScore, c.confirmedAt],
  );
}

/** The ID numbers of the family's parents whose face check passed. */
export async function verifiedFaces(q: Queryable, motherIdNumber: string): Promise<Set<string>> {
  const rows = await q.query<{ personIdNumber: string }>(
    'select person as "personIdNumber" from face_verifications where mother_id_number = $1',
    [q.personal.index(motherIdNumber)],
  );
  return new Set(rows.map((r) => r.personIdNumber));
}

export async function upsertFaceVerification(
  q: Queryable,
  v: { motherIdNumber: string; personIdNumber: string; score: number; verifiedAt: string },
): Promise<void> {
  await q.query(
    `insert into face_verifications (mother_id_number, person_id_number, person, score, verified_at)
     values ($1, $2, $3, $4, $5)
     on conflict (mother_id_number, person_id_number) do update set score = excluded.score, verified_at = excluded.verified_at`,
    [
      q.personal.index(v.motherIdNumber),
      q.personal.index(v.personIdNumber),
      q.personal.seal(v.personIdNumber),
      v.score,
      v.verifiedAt,
    ],
  );
}

export type { ParentRole };

function iso(v: Date | string): string {
  return new Date(v).toISOString();
}
