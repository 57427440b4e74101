import type { Queryable } from './db.ts';

/**
 * The replay cache of signed requests (migration 0021): a sender's nonce is taken once while it
 * lasts. The insert is the check, so two servers racing on one replay let exactly one through.
 * A row past its expiry no longer counts: the same nonce then takes it over.
 */
export async function firstUseOfNonce(
  q: Queryable,
  sender: string,
  nonce: string,
  until: Date,
  now: Date,
): Promise<boolean> {
  const rows = await q.query<{ nonce: string }>(
    `insert into signed_request_nonces (sender, nonce, expires_at) values ($1, $2, $3)
     on conflict (sender, nonce) do update set expires_at = excluded.expires_at
       where signed_request_nonces.expires_at < $4
     returning nonce`,
    [sender, nonce, until.toISOString(), now.toISOString()],
  );
  return rows.length === 1;
}

/** Forgets nonces whose window has passed, a batch at a time; how many went. */
export async function deleteExpiredNonces(q: Queryable, now: Date, batch = 5000): Promise<number> {
  const rows = await q.query<{ nonce: string }>(
    `delete from signed_request_nonces where (sender, nonce) in (
       select sender, nonce from signed_request_nonces where expires_at < $1 limit $2)
     returning nonce`,
    [now.toISOString(), batch],
  );
  return rows.length;
}
