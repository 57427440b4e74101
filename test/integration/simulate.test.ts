import { describe, expect, it } from 'vitest';
import type { RegionId } from '../../src/domain/ids.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { freshDb, POSTGRES_URL, type DbKind } from '../support/databases.ts';

const REGIONS = Object.keys(POLICIES) as RegionId[];

async function simulateAndCheck(region: RegionId, kind: DbKind, cases: number) {
  const db = await freshDb(kind);
  try {
    const s = await runSimulation({
      region,
      cases,
      seed: `ci-${region}`,
      start: new Date('2026-03-02T09:00:00+08:00'),
      db,
    });
    // Every family was decided at submission: accepted or refused, with the rule that refused it.
    expect(s.accepted + s.refused).toBe(cases);
    expect(s.accepted).toBeGreaterThan(cases * 0.7);
    expect(s.refused).toBeGreaterThan(0);
    expect(Object.values(s.refusedBy).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(s.refused);
    // Every accepted case reached an end; nothing is left open.
    expect(s.casesCompleted + s.casesPartly).toBe(s.accepted);
    expect(s.items.open).toBe(0);
    // Rejections cancel dependents; supplements happened and were answered.
    expect(s.items.done).toBeGreaterThan(s.accepted);
    expect(s.supplemented).toBeGreaterThan(0);
    // No department received a task twice, though faults made the outbox call again.
    for (const [dept, c] of Object.entries(s.departmentCalls)) {
      const rows = await db.query<{ n: number }>(
        `select count(*)::int as n from outbox where kind = 'dispatch' and topic = $1`,
        [dept],
      );
      expect(c.tasks, dept).toBe(rows[0]!.n);
      expect(c.calls, dept).toBe(c.tasks + c.faults);
    }
    // Results travel by EMS where families chose mail, and every booking was settled.
    expect(s.parcels).toBeGreaterThan(0);
    const ship = await db.query<{ n: number }>(
      `select count(*)::int as n from outbox where kind = 'ship' and status = 'done'`,
    );
    expect(ship[0]!.n).toBe(s.parcels);
    // Where the region sets time limits, compliance is measured.
    const limited = POLICIES[region].items.some((i) => i.sla) || POLICIES[region].caseSla.promised;
    if (limited) expect(s.slaCompliance.share).toBeGreaterThan(0);
    else expect(s.slaCompliance.withDeadline).toBe(0);
    // The store is intact: chains, projections = replays, outbox settled.
    expect(s.verify.problems).toEqual([]);
    expect(s.verify.cases).toBe(s.accepted);
    return s;
  } finally {
    await db.close();
  }
}

describe('simulate: synthetic families through every department, on PGlite', () => {
  for (const region of REGIONS) {
    it(`${region}: 200 families`, async () => {
      await simulateAndCheck(region, 'pglite', 200);
    }, 180_000);
  }
});

describe.skipIf(!POSTGRES_URL)('simulate on PostgreSQL', () => {
  it('fujian: 200 families', async () => {
    await simulateAndCheck('fujian', 'postgres', 200);
  }, 180_000);
});
