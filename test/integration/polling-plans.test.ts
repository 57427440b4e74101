import { afterEach, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../src/store/db.ts';
import { casesDueForOverdue } from '../../src/store/case-store.ts';
import { claimOutbox } from '../../src/store/outbox-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** Every node of the plan PostgreSQL chooses for the one statement `ask` sends, with sequential scans off. */
async function planOf(kind: (typeof DB_KINDS)[number], ask: (q: Queryable) => Promise<unknown>) {
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
    await ask(explaining);
  });
  return nodes(plan!);
}

/**
 * The overdue sweep runs every minute and the outbox claim every half second on every server, whatever
 * the load, so their questions must not grow with the store.
 */
describe.each(DB_KINDS)('polling on %s', (kind) => {
  // Each of the sweep's three parts (items past their deadline, cases past their promise, families
  // past their own deadline) is answered from an index on that deadline, reading only what is past it.
  // Without such an index a part reads every open case (through the region-and-status index,
  // filtering each row by its deadline), or the whole table.
  it('sweeps from deadline indexes only, never a whole table', async () => {
    const all = await planOf(kind, (q) => casesDueForOverdue(q, new Date('2026-12-01T00:00:00Z'), 100));
    expect(all.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
    const ranges = all.filter((n) => n['Index Cond']).map((n) => String(n['Index Cond']));
    expect(ranges).toEqual([
      expect.stringMatching(/^\(deadline < /),
      expect.stringMatching(/^\(promised_deadline < /),
      expect.stringMatching(/^\(family_due < /),
    ]);
    expect(all.filter((n) => n.Filter).map((n) => n.Filter)).toEqual([]);
  });

  // Rows sent a moment ago stay in the pending index until vacuum. A bitmap scan and a sort visit every
  // one of them at every claim; an index scan in the claim's order stops at its limit and marks them so
  // that the next claims skip them (migration 0028).
  it('claims the outbox in index order, stopping at the limit', async () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const all = await planOf(kind, (q) =>
      claimOutbox(q, { workerId: 'w', now, lockedUntil: new Date(now.getTime() + 60_000), limit: 20 }),
    );
    const types = all.map((n) => n['Node Type']);
    expect(types).not.toContain('Sort');
    expect(types).not.toContain('Bitmap Heap Scan');
    expect(all.filter((n) => n['Index Name'] === 'outbox_queue_due').map((n) => n['Node Type'])).toEqual([
      'Index Scan',
    ]);
  });
});
