import { afterEach, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../src/store/db.ts';
import { casesDueForOverdue } from '../../src/store/case-store.ts';
import { claimOutbox } from '../../src/store/outbox-store.ts';
import { logSystemReads } from '../../src/store/staff-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** Every node of the plan PostgreSQL chooses for the one statement `ask` sends (sequential scans off unless asked). */
async function planOf(
  kind: (typeof DB_KINDS)[number],
  ask: (q: Queryable) => Promise<unknown>,
  seqscan: 'on' | 'off' = 'off',
) {
  const db = await freshDb(kind);
  open.push(db);
  let plan: PlanNode | undefined;
  await db.transaction(async (tx) => {
    await tx.query(`set local enable_seqscan = ${seqscan}`);
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

  // The messages claimed are read by their keys: as a join, planned for the claim's limit, the outbox
  // (every message ever sent) was read whole while it was young.
  it('reads the claimed messages by their keys', async () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const all = await planOf(
      kind,
      (q) =>
        claimOutbox(q, { workerId: 'w', now, lockedUntil: new Date(now.getTime() + 60_000), limit: 200 }),
      'on',
    );
    expect(all.filter((n) => n['Relation Name'] === 'outbox').map((n) => n['Node Type'])).toEqual([
      expect.stringMatching(/^Index/),
    ]);
  });
});

describe.each(DB_KINDS)('the access log of tasks delivered on %s', (kind) => {
  // Each delivered batch asks, for every task, whether its case exists and whether the same system read
  // it within the hour. Planned as joins, that question read the whole log and every case once per
  // batch (the planner takes the batch for 100 rows and these tables for small ones): 4-5 ms a batch in
  // the replay, growing with the log. Asked row by row, each is one probe of an index.
  it('probes an index per task, never reading the whole log or every case', async () => {
    const reads = [
      { caseId: 'c1', item: 'birth-registration', fields: ['babyName'] },
      { caseId: 'c2', item: 'birth-registration', fields: ['babyName'] },
    ];
    const all = await planOf(kind, (q) => logSystemReads(q, 'police', reads, new Date()), 'on');
    const scans = all.filter(
      (n) =>
        n['Node Type'] !== 'ModifyTable' && ['case_access_log', 'cases'].includes(String(n['Relation Name'])),
    );
    expect(scans.map((n) => [n['Relation Name'], n['Node Type']]).sort()).toEqual([
      ['case_access_log', expect.stringMatching(/^Index/)],
      ['cases', expect.stringMatching(/^Index/)],
    ]);
    for (const scan of scans) expect(String(scan['Index Cond'])).toMatch(/r\.case_id/);
  });
});
