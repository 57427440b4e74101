import { afterEach, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../src/store/db.ts';
import { casesDueForOverdue } from '../../src/store/case-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/**
 * The overdue sweep runs every minute on every server, whatever the load, so its question must not
 * grow with the store: each of its three parts (items past their deadline, cases past their promise,
 * families past their own deadline) is answered from an index on that deadline, reading only what is
 * past it. Without such an index a part reads every open case (through the region-and-status index,
 * filtering each row by its deadline), or the whole table.
 */
describe.each(DB_KINDS)('the overdue sweep on %s', (kind) => {
  it('reads only deadline indexes, never a whole table', async () => {
    const db = await freshDb(kind);
    open.push(db);
    let plan: PlanNode | undefined;
    await db.transaction(async (tx) => {
      await tx.query('set local enable_seqscan = off');
      const explaining: Queryable = {
        personal: tx.personal,
        query: async <T>(sql: string, params?: unknown[]) => {
          const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
            `explain (format json) ${sql}`,
            params,
          );
          plan = row!['QUERY PLAN'][0].Plan;
          return [] as T[];
        },
      };
      await casesDueForOverdue(explaining, new Date('2026-12-01T00:00:00Z'), 100);
    });
    const all = nodes(plan!);
    expect(all.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
    // Each part's rows come from an index range on its deadline, not filtered out of a larger read.
    const ranges = all.filter((n) => n['Index Cond']).map((n) => String(n['Index Cond']));
    expect(ranges).toEqual([
      expect.stringMatching(/^\(deadline < /),
      expect.stringMatching(/^\(promised_deadline < /),
      expect.stringMatching(/^\(family_due < /),
    ]);
    expect(all.filter((n) => n.Filter).map((n) => n.Filter)).toEqual([]);
  });
});
