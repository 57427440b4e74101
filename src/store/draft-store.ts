import type { Queryable } from './db.ts';

/** The application in progress, one per baby (the mother and the birth order). */
export interface StoredDraft {
  motherIdNumber: string;
  birthOrder: number;
  ownerIdNumber: string;
  region: string;
  body: unknown;
  updatedAt: string;
}

export async function findDraft(
  q: Queryable,
  motherIdNumber: string,
  birthOrder: number,
): Promise<StoredDraft | null> {
  const rows = await q.query<{ ownerIdNumber: string; region: string; body: unknown; updated_at: Date }>(
    `select owner as "ownerIdNumber", region, body, updated_at from drafts
     where mother_id_number = $1 and birth_order = $2`,
    [q.personal.index(motherIdNumber), birthOrder],
  );
  const r = rows[0];
  return r
    ? {
        motherIdNumber,
        birthOrder,
        ownerIdNumber: r.ownerIdNumber,
        region: r.region,
        body: r.body,
        updatedAt: new Date(r.updated_at).toISOString(),
      }
    : null;
}

export async function draftsOfMother(
  q: Queryable,
  motherIdNumber: string,
): Promise<{ birthOrder: number; updatedAt: string }[]> {
  const rows = await q.query<{ birth_order: number; updated_at: Date }>(
    'select birth_order, updated_at from drafts where mother_id_number = $1 order by birth_order',
    [q.personal.index(motherIdNumber)],
  );
  return rows.map((r) => ({ birthOrder: r.birth_order, updatedAt: new Date(r.updated_at).toISOString() }));
}

export async function upsertDraft(q: Queryable, d: StoredDraft): Promise<void> {
  await q.query(
    `insert into drafts (mother_id_number, birth_order, owner_id_number, owner, region, body, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (mother_id_number, birth_order) do update set owner_id_number = excluded.owner_id_number,
       owner = excluded.owner, region = excluded.region, body = excluded.body, updated_at = excluded.updated_at`,
    [
      q.personal.index(d.motherIdNumber),
      d.birthOrder,
      q.personal.index(d.ownerIdNumber),
      q.personal.seal(d.ownerIdNumber),
      d.region,
      d.body,
      d.updatedAt,
    ],
  );
}

export async function deleteDraft(q: Queryable, motherIdNumber: string, birthOrder: number): Promise<void> {
  await deleteDrafts(q, [{ motherIdNumber, birthOrder }]);
}

export async function deleteDrafts(
  q: Queryable,
  drafts: readonly { motherIdNumber: string; birthOrder: number }[],
): Promise<void> {
  if (!drafts.length) return;
  await q.query(
    `delete from drafts where (mother_id_number, birth_order) in (select * from unnest($1::text[], $2::int[]))`,
    [drafts.map((d) => q.personal.index(d.motherIdNumber)), drafts.map((d) => d.birthOrder)],
  );
}
