import type { Queryable } from './db.ts';

/** Materials the shared data cannot supply, kept by content hash for their owner. */
export interface StoredUpload {
  id: string;
  material: string;
  sha256: string;
  mime: string;
}

/** An upload's metadata; its content is in the blob store under `sha256` (migration 0022). */
export async function insertUpload(
  q: Queryable,
  u: StoredUpload & { ownerIdNumber: string; size: number; createdAt: string },
): Promise<void> {
  await q.query(
    `insert into uploads (id, owner_id_number, material, mime, size, sha256, bytes, created_at) values ($1, $2, $3, $4, $5, $6, null, $7)
     on conflict (id, owner_id_number) do nothing`,
    [u.id, q.personal.index(u.ownerIdNumber), u.material, u.mime, u.size, u.sha256, u.createdAt],
  );
}

export async function findUploads(
  q: Queryable,
  ownerIdNumber: string,
  ids: readonly string[],
): Promise<StoredUpload[]> {
  return (await uploadsOf(q, [{ ownerIdNumber, ids }]))[0]!;
}

/** For each owner asked, those of the named uploads that are theirs (in the order asked). */
export async function uploadsOf(
  q: Queryable,
  asked: readonly { ownerIdNumber: string; ids: readonly string[] }[],
): Promise<StoredUpload[][]> {
  const owners = asked.map((a) => q.personal.index(a.ownerIdNumber));
  const pairs = asked.flatMap((a, i) => a.ids.map((id) => [owners[i]!, id]));
  if (!pairs.length) return asked.map(() => []);
  // The owner column holds a blind index: aliased so that nothing tries to open it.
  const rows = await q.query<StoredUpload & { owner_index: string }>(
    `select id, owner_id_number as owner_index, material, sha256, mime from uploads
     where (owner_id_number, id) in (select * from unnest($1::text[], $2::text[]))`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return asked.map((a, i) =>
    rows
      .filter((r) => r.owner_index === owners[i] && a.ids.includes(r.id))
      .map(({ owner_index: _, ...upload }) => upload),
  );
}

/**
 * A file by its content hash, if one of these people uploaded it: its type, and its bytes only if it
 * was stored before the blob store (otherwise null: the content is in the blob store).
 */
export async function uploadContent(
  q: Queryable,
  ownerIdNumbers: string[],
  sha256: string,
): Promise<{ mime: string; bytes: Buffer | null } | null> {
  const [row] = await q.query<{ mime: string; bytes: Buffer | Uint8Array | null }>(
    'select mime, bytes from uploads where owner_id_number = any($1::text[]) and sha256 = $2 limit 1',
    [ownerIdNumbers.map((id) => q.personal.index(id)), sha256],
  );
  return row ? { mime: row.mime, bytes: row.bytes ? Buffer.from(row.bytes) : null } : null;
}
