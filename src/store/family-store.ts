import type { ParentRole } from '../domain/ids.ts';
import type { Queryable } from './db.ts';

/**
 * What each parent did in their own login, kept for the family (by the mother's ID number): the
 * mother's authorization letter, the father's confirmation and passed face checks.
 */

export interface Authorization {
  grantee: 'father';
  signedAt: string;
  /** The grantee's blind index (PersonalData.index), to match a grantee without opening anything. */
  granteeIndex: string;
}

export async function findAuthorization(
  q: Queryable,
  motherIdNumber: string,
  granteeIdNumber?: string,
): Promise<Authorization | null> {
  const all = (await authorizationsOf(q, [motherIdNumber])).get(motherIdNumber) ?? [];
  return pick(q, all, (a) => a.granteeIndex, granteeIdNumber);
}

/** Each mother's authorization letters, by her ID number. */
export async function authorizationsOf(
  q: Queryable,
  motherIdNumbers: readonly string[],
): Promise<Map<string, Authorization[]>> {
  const rows = await q.query<{ mother: string; grantee: string; grantee_role: 'father'; signed_at: Date }>(
    `select mother_id_number as mother, grantee_id_number as grantee, grantee_role, signed_at
     from authorizations where mother_id_number = any($1::text[])`,
    [motherIdNumbers.map((m) => q.personal.index(m))],
  );
  return byMother(q, motherIdNumbers, rows, (r) => ({
    grantee: r.grantee_role,
    signedAt: iso(r.signed_at),
    granteeIndex: r.grantee,
  }));
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

export interface FatherConfirmation {
  confirmedAt: string;
  /** The father's blind index. */
  fatherIndex: string;
}

export async function findFatherConfirmation(
  q: Queryable,
  motherIdNumber: string,
  fatherIdNumber?: string,
): Promise<FatherConfirmation | null> {
  const all = (await fatherConfirmationsOf(q, [motherIdNumber])).get(motherIdNumber) ?? [];
  return pick(q, all, (c) => c.fatherIndex, fatherIdNumber);
}

/** Each mother's family's father confirmations, by her ID number. */
export async function fatherConfirmationsOf(
  q: Queryable,
  motherIdNumbers: readonly string[],
): Promise<Map<string, FatherConfirmation[]>> {
  const rows = await q.query<{ mother: string; father: string; confirmed_at: Date }>(
    `select mother_id_number as mother, father_id_number as father, confirmed_at
     from father_confirmations where mother_id_number = any($1::text[])`,
    [motherIdNumbers.map((m) => q.personal.index(m))],
  );
  return byMother(q, motherIdNumbers, rows, (r) => ({
    confirmedAt: iso(r.confirmed_at),
    fatherIndex: r.father,
  }));
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
  return (await verifiedFacesOf(q, [motherIdNumber])).get(motherIdNumber) ?? new Set();
}

/** For each mother, by her ID number, the ID numbers of her family's parents whose face check passed. */
export async function verifiedFacesOf(
  q: Queryable,
  motherIdNumbers: readonly string[],
): Promise<Map<string, Set<string>>> {
  const rows = await q.query<{ mother: string; personIdNumber: string }>(
    `select mother_id_number as mother, person as "personIdNumber" from face_verifications
     where mother_id_number = any($1::text[])`,
    [motherIdNumbers.map((m) => q.personal.index(m))],
  );
  const lists = byMother(q, motherIdNumbers, rows, (r) => r.personIdNumber);
  return new Map([...lists].map(([m, people]) => [m, new Set(people)]));
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

/** Rows keyed by the mother's blind index (column aliased `mother`), grouped under her ID number. */
function byMother<R extends { mother: string }, T>(
  q: Queryable,
  motherIdNumbers: readonly string[],
  rows: R[],
  to: (row: R) => T,
): Map<string, T[]> {
  const byIndex = new Map(motherIdNumbers.map((m) => [q.personal.index(m), m]));
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const m = byIndex.get(r.mother)!;
    out.set(m, [...(out.get(m) ?? []), to(r)]);
  }
  return out;
}

/** The first record, or the first of this person's (by blind index) when one is named. */
function pick<T>(q: Queryable, records: T[], indexOf: (r: T) => string, idNumber?: string): T | null {
  const wanted = idNumber ? q.personal.index(idNumber) : null;
  return records.find((r) => wanted === null || indexOf(r) === wanted) ?? null;
}

function iso(v: Date | string): string {
  return new Date(v).toISOString();
}
