import type { Queryable } from './db.ts';

/**
 * Finding the case a submission would make before it is made: by the baby (one baby, one case), by
 * the mother, by the applicant's client transaction id (a repeated submission); and the families'
 * lock that keeps two servers from making the same case at once.
 */

/** The case a baby already has, if any (one baby, one case). */
export interface CaseOfBaby {
  id: string;
  submittedAt: string;
  region: string;
}

export async function findCaseByBaby(q: Queryable, babyKey: string): Promise<CaseOfBaby | null> {
  return (await casesOfBabies(q, [babyKey])).get(babyKey) ?? null;
}

/** The case each baby already has, by baby key; a baby without one is absent from the map. */
export async function casesOfBabies(
  q: Queryable,
  babyKeys: readonly string[],
): Promise<Map<string, CaseOfBaby>> {
  const byIndex = new Map(babyKeys.map((k) => [q.personal.index(k, 'baby'), k]));
  // Aliased: the column holds a blind index, not a personal value to open.
  const rows = await q.query<{ id: string; key_index: string; submitted_at: Date; region: string }>(
    'select id, baby_key as key_index, submitted_at, region from cases where baby_key = any($1::text[])',
    [[...byIndex.keys()]],
  );
  return new Map(
    rows.map((r) => [
      byIndex.get(r.key_index)!,
      { id: r.id, submittedAt: new Date(r.submitted_at).toISOString(), region: r.region },
    ]),
  );
}

/** The cases of a mother's babies, by birth order's key (for the home page's "my case"). */
export async function casesOfMother(
  q: Queryable,
  motherIdNumber: string,
): Promise<{ id: string; babyKey: string }[]> {
  const rows = await q.query<{ id: string; baby_key: string | null }>(
    `select id, state->>'babyKey' as baby_key from cases where mother_id_number = $1`,
    [q.personal.index(motherIdNumber)],
  );
  return rows.map((r) => ({ id: r.id, babyKey: r.baby_key ?? `legacy:${r.id}` }));
}

/** Whether a database error is the one-case-per-baby index refusing a second case. */
export function isDuplicateBaby(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  return (
    err?.code === '23505' &&
    (err.constraint === 'cases_one_per_baby' || /cases_one_per_baby/.test(err.message ?? ''))
  );
}

/** The case an applicant already submitted under this client transaction id, if any. */
export async function findCaseIdByClientTxn(
  q: Queryable,
  applicantIdNumber: string,
  clientTxnId: string,
): Promise<string | null> {
  return (await caseIdsByClientTxn(q, [{ applicantIdNumber, clientTxnId }]))[0] ?? null;
}

/** The case each (applicant, client transaction id) already made, in the order asked; null where none. */
export async function caseIdsByClientTxn(
  q: Queryable,
  asked: readonly { applicantIdNumber: string; clientTxnId: string }[],
): Promise<(string | null)[]> {
  const applicants = asked.map((a) => q.personal.index(a.applicantIdNumber));
  const rows = await q.query<{ id: string; applicant_index: string; client_txn_id: string }>(
    `select id, applicant_id_number as applicant_index, client_txn_id from cases
     where (applicant_id_number, client_txn_id) in (select * from unnest($1::text[], $2::text[]))`,
    [applicants, asked.map((a) => a.clientTxnId)],
  );
  const found = new Map(rows.map((r) => [`${r.applicant_index} ${r.client_txn_id}`, r.id]));
  return asked.map((a, i) => found.get(`${applicants[i]} ${a.clientTxnId}`) ?? null);
}

/**
 * Serialize submissions for these families across servers, until the transaction ends. Taken in
 * one order by every server, so two groups of submissions sharing families cannot deadlock.
 */
export async function lockFamilies(tx: Queryable, motherIdNumbers: readonly string[]): Promise<void> {
  const keys = [...new Set(motherIdNumbers.map((m) => tx.personal.index(m)))].sort();
  await tx.query(
    'select count(pg_advisory_xact_lock(hashtext(k))) from (select unnest($1::text[]) as k order by 1) ordered',
    [keys],
  );
}
