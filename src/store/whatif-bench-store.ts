import type { Db } from './db.ts';

/**
 * For bench/whatif.ts only: multiply a simulated region's cases and their decided facts into a
 * year of them. Copy k moves the submission and the birth by the same k·step days (so what a rule
 * reads, such as the days from birth to application, is kept); the copies' case rows carry an empty
 * state, since the what-if reads only the decided facts and the case numbers.
 */
export async function multiplyDecidedFacts(
  db: Db,
  o: { region: string; copies: number; stepDays: number },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(
      `create temp table bench_cases on commit drop as
       select c.*, k from cases c, generate_series(1, $2::int) k where c.region = $1`,
      [o.region, o.copies],
    );
    await tx.query(
      `update bench_cases set id = id || '-' || k, client_txn_id = client_txn_id || '-' || k,
         baby_key = baby_key || '-' || k, state = '{}'::jsonb,
         submitted_at = submitted_at + (k * $1::float8) * interval '1 day'`,
      [o.stepDays],
    );
    await tx.query('alter table bench_cases drop column k');
    await tx.query('insert into cases select * from bench_cases');
    const rows = await tx.query<{ n: number | string }>(
      `with copied as (
         insert into decided_facts (case_id, region, submitted_at, facts)
         select f.case_id || '-' || k, f.region, f.submitted_at + (k * $3::float8) * interval '1 day',
           jsonb_set(f.facts, '{baby,bornAt}', to_jsonb(to_char(
             ((f.facts -> 'baby' ->> 'bornAt')::timestamptz + (k * $3::float8) * interval '1 day') at time zone 'UTC',
             'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
         from decided_facts f, generate_series(1, $2::int) k where f.region = $1
         returning 1)
       select count(*) as n from copied`,
      [o.region, o.copies, o.stepDays],
    );
    return Number(rows[0]!.n);
  });
}
