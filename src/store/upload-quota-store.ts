import type { Queryable } from './db.ts';

/**
 * What an applicant has uploaded for the application they are preparing: their uploads since they
 * last submitted a case (all of them, if they never did). The files of a submitted case count
 * towards that case, not the next.
 */
export async function uploadsSinceLastSubmission(
  q: Queryable,
  ownerIdNumber: string,
): Promise<{ files: number; bytes: number }> {
  const [row] = await q.query<{ files: string | number; bytes: string | number | null }>(
    `select count(*) as files, coalesce(sum(u.size), 0) as bytes
     from uploads u
     where u.owner_id_number = $1
       and u.created_at > coalesce(
         (select max(c.submitted_at) from cases c where c.applicant_id_number = $1), '-infinity'::timestamptz)`,
    [q.personal.index(ownerIdNumber)],
  );
  return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) };
}
