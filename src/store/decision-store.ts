import type { Queryable } from './db.ts';
import { valuesList } from './sql.ts';

/** Every inbound department decision, by the department's own transaction id. */
export interface StoredDecision<R> {
  department: string;
  txnId: string;
  caseId: string;
  item: string;
  /** What was decided (digestOf the decision without its txnId); null for decisions stored before 0021. */
  contentDigest: string | null;
  response: R;
}

export async function findDecisions<R>(
  q: Queryable,
  keys: { department: string; txnId: string }[],
): Promise<StoredDecision<R>[]> {
  if (!keys.length) return [];
  const rows = await q.query<{
    department: string;
    txn_id: string;
    case_id: string;
    item: string;
    content_digest: string | null;
    response: R;
  }>(
    `select department, txn_id, case_id, item, content_digest, response from inbound_decisions
     where (department, txn_id) in (select * from unnest($1::text[], $2::text[]))`,
    [keys.map((k) => k.department), keys.map((k) => k.txnId)],
  );
  return rows.map((r) => ({
    department: r.department,
    txnId: r.txn_id,
    caseId: r.case_id,
    item: r.item,
    contentDigest: r.content_digest,
    response: r.response,
  }));
}

export async function insertDecisions<R>(
  q: Queryable,
  decisions: StoredDecision<R>[],
  at: Date,
): Promise<void> {
  if (!decisions.length) return;
  await q.query(
    `insert into inbound_decisions (department, txn_id, case_id, item, received_at, response, content_digest)
     values ${valuesList(decisions.length, 7, ['', '', '', '', 'timestamptz', 'jsonb', ''])}`,
    decisions.flatMap((d) => [
      d.department,
      d.txnId,
      d.caseId,
      d.item,
      at.toISOString(),
      d.response,
      d.contentDigest,
    ]),
  );
}
