import type { Queryable } from './db.ts';
import { json } from './sql.ts';

/** Invitations to the other parent, and the signatures they give in their own login. */
export type InvitationTask = 'sign' | 'face' | 'confirm';

export interface Invitation {
  id: string;
  motherIdNumber: string;
  birthOrder: number;
  region: string;
  inviterIdNumber: string;
  inviteeIdNumber: string;
  inviteeRole: 'mother' | 'father';
  tasks: InvitationTask[];
  formDigest: string;
  application: unknown;
  createdAt: string;
}

interface InvitationRow {
  id: string;
  // The ID number columns hold blind indexes; the numbers themselves are sealed in `people`.
  people: { motherIdNumber: string; inviterIdNumber: string; inviteeIdNumber: string };
  birth_order: number;
  region: string;
  invitee_role: 'mother' | 'father';
  tasks: InvitationTask[];
  form_digest: string;
  application: unknown;
  created_at: Date;
}

const COLUMNS = 'id, people, birth_order, region, invitee_role, tasks, form_digest, application, created_at';

function fromRow(r: InvitationRow): Invitation {
  return {
    id: r.id,
    ...r.people,
    birthOrder: r.birth_order,
    region: r.region,
    inviteeRole: r.invitee_role,
    tasks: r.tasks,
    formDigest: r.form_digest,
    application: r.application,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function insertInvitation(q: Queryable, i: Invitation): Promise<void> {
  await q.query(
    `insert into invitations (${COLUMNS}, mother_id_number, inviter_id_number, invitee_id_number)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      i.id,
      {
        motherIdNumber: i.motherIdNumber,
        inviterIdNumber: i.inviterIdNumber,
        inviteeIdNumber: i.inviteeIdNumber,
      },
      i.birthOrder,
      i.region,
      i.inviteeRole,
      json(i.tasks),
      i.formDigest,
      i.application,
      i.createdAt,
      q.personal.index(i.motherIdNumber),
      q.personal.index(i.inviterIdNumber),
      q.personal.index(i.inviteeIdNumber),
    ],
  );
}

export async function findInvitation(q: Queryable, id: string): Promise<Invitation | null> {
  const rows = await q.query<InvitationRow>(`select ${COLUMNS} from invitations where id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The invitations a parent received, newest first. */
export async function invitationsFor(q: Queryable, inviteeIdNumber: string): Promise<Invitation[]> {
  const rows = await q.query<InvitationRow>(
    `select ${COLUMNS} from invitations where invitee_id_number = $1 order by created_at desc limit 20`,
    [q.personal.index(inviteeIdNumber)],
  );
  return rows.map(fromRow);
}

/** The latest invitation for a baby's form digest, if any. */
export async function latestInvitation(
  q: Queryable,
  motherIdNumber: string,
  birthOrder: number,
): Promise<Invitation | null> {
  const rows = await q.query<InvitationRow>(
    `select ${COLUMNS} from invitations where mother_id_number = $1 and birth_order = $2 order by created_at desc limit 1`,
    [q.personal.index(motherIdNumber), birthOrder],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

export interface CoSignature {
  signerIdNumber: string;
  role: 'mother' | 'father';
  formDigest: string;
  imageSha256: string;
  imagePng: Buffer;
  signedAt: string;
}

export async function upsertCoSignature(q: Queryable, motherIdNumber: string, s: CoSignature): Promise<void> {
  await q.query(
    `insert into co_signatures (mother_id_number, signer_id_number, signer, role, form_digest, image_sha256, image_png, signed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (mother_id_number, signer_id_number, form_digest) do update set image_sha256 = excluded.image_sha256,
       image_png = excluded.image_png, signed_at = excluded.signed_at`,
    [
      q.personal.index(motherIdNumber),
      q.personal.index(s.signerIdNumber),
      q.personal.seal(s.signerIdNumber),
      s.role,
      s.formDigest,
      s.imageSha256,
      s.imagePng,
      s.signedAt,
    ],
  );
}

/** The other parents' signatures over exactly this form. */
export async function coSignaturesOf(
  q: Queryable,
  motherIdNumber: string,
  formDigest: string,
): Promise<CoSignature[]> {
  return (await coSignaturesFor(q, [{ motherIdNumber, formDigest }]))[0]!;
}

/** For each (family, form digest) asked, the other parents' signatures over exactly that form. */
export async function coSignaturesFor(
  q: Queryable,
  asked: readonly { motherIdNumber: string; formDigest: string }[],
): Promise<CoSignature[][]> {
  const mothers = asked.map((a) => q.personal.index(a.motherIdNumber));
  const rows = await q.query<{
    mother: string;
    signerIdNumber: string;
    role: 'mother' | 'father';
    form_digest: string;
    image_sha256: string;
    image_png: Buffer;
    signed_at: Date;
  }>(
    `select mother_id_number as mother, signer as "signerIdNumber", role, form_digest, image_sha256, image_png,
       signed_at from co_signatures
     where (mother_id_number, form_digest) in (select * from unnest($1::text[], $2::text[]))`,
    [mothers, asked.map((a) => a.formDigest)],
  );
  return asked.map((a, i) =>
    rows
      .filter((r) => r.mother === mothers[i] && r.form_digest === a.formDigest)
      .map((r) => ({
        signerIdNumber: r.signerIdNumber,
        role: r.role,
        formDigest: r.form_digest,
        imageSha256: r.image_sha256,
        imagePng: Buffer.from(r.image_png),
        signedAt: new Date(r.signed_at).toISOString(),
      })),
  );
}
