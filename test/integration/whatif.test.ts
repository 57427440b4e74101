import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWhatIf } from '../../src/cli/whatif.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import { beijingDate, daysBetween } from '../../src/domain/local-date.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { CASE_PARTS, caseDocument, type CaseParts } from '../../src/store/case-document.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * The policy what-if on a seeded Gansu dataset: a shortened newborn insurance window lists exactly
 * the families it would change (computed here from the cases alone), and nothing in the store
 * changes while it runs.
 */
const REGION = 'gansu-lanzhou';
const WINDOW = 10;

/** Everything a live case is: its rows, events, projections, outbox and inbox, in a fixed order. */
async function storeImage(db: Db): Promise<string> {
  const tables = [
    'select id, version, last_hash, status, state, form from cases order by id',
    'select case_id, seq, hash from case_events order by case_id, seq',
    'select * from case_items order by case_id, item',
    'select id, status, payload from outbox order by id',
    'select id, body, read_at from notifications order by id',
    'select case_id, facts from decided_facts order by case_id',
  ];
  const out = [];
  for (const sql of tables) out.push(JSON.stringify(await db.query(sql)));
  return out.join('\n');
}

describe.each(DB_KINDS)('policy what-if on %s', (kind) => {
  let db: Db;
  let engine: ReturnType<typeof testEngine>;
  beforeAll(async () => {
    db = await freshDb(kind);
    await runSimulation({
      region: REGION,
      cases: 40,
      seed: 'whatif',
      start: new Date('2026-03-02T09:00:00+08:00'),
      db,
    });
    engine = testEngine({
      db,
      clock: fakeClock(new Date('2026-04-01T09:00:00+08:00')),
      shared: simulatedRegistries(),
      newCaseId: () => 'unused',
    });
  }, 120_000);
  afterAll(() => db.close());

  it('lists exactly the families a shorter insurance window affects, with the rule and its clause', async () => {
    const cases = (
      await db.query<CaseParts & { id: string }>(
        `select c.id, ${CASE_PARTS} from cases c where c.region = $1`,
        [REGION],
      )
    ).map((r) => ({ id: r.id, state: caseDocument(r) }));
    // Independently of the replay: enrolled today, and applied more than WINDOW days after the birth.
    const expected = cases
      .filter((c) => 'insurance-enrollment' in c.state.items)
      .filter((c) => {
        const born = beijingDate(new Date((c.state.form as { baby: { bornAt: string } }).baby.bornAt));
        return daysBetween(born, beijingDate(new Date(c.state.submittedAt))) > WINDOW;
      })
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(cases.length);

    const before = await storeImage(db);
    const r = await engine.supervisor.whatIf(
      REGION,
      { basedOn: REGION, set: { 'insurance.window.days': WINDOW } },
      '2026-01-01',
    );
    expect(await storeImage(db)).toBe(before);

    expect(r.replayed).toBe(cases.length);
    expect(r.withoutFacts).toBe(0);
    expect(r.families.map((f) => f.caseId).sort()).toEqual(expected);
    for (const f of r.families) {
      expect(f.itemsDropped).toContain('insurance-enrollment');
      expect(f.rules).toContainEqual(
        expect.objectContaining({
          ruleId: 'insurance-within-newborn-window',
          live: 'passed',
          copy: 'failed',
          citation: { file: '001', clause: expect.any(String) },
        }),
      );
    }
    expect(r.familiesListed).toBe('all');
    // A page lists the first families only; the counts still cover all of them.
    const page = await engine.supervisor.whatIf(
      REGION,
      { basedOn: REGION, set: { 'insurance.window.days': WINDOW } },
      '2026-01-01',
      2,
    );
    expect(page.families.map((f) => f.caseId)).toEqual(r.families.slice(0, 2).map((f) => f.caseId));
    expect(page.familiesListed).toBe(2);
    expect(page.itemsChanged + page.refused + page.accepted).toBe(expected.length);
    // The command line's report names each family and the clause, in words rather than code names.
    const text = describeWhatIf(r);
    for (const id of expected) expect(text).toContain(id);
    expect(text).toContain('insurance.window.days  90 → 10');
    expect(text).toContain('001 附件1 受理条件 三');
    expect(text).not.toMatch(/insurance-within-newborn-window|insurance-enrollment|medical-security/);
    // The medical security office would receive exactly those enrollments fewer.
    const lost = r.load
      .filter((l) => l.department === 'medical-security')
      .reduce((n, l) => n + l.live - l.copy, 0);
    expect(lost).toBe(expected.length);
  });

  it('moves the deadlines of a changed time limit, and of nothing else', async () => {
    const r = await engine.supervisor.whatIf(
      REGION,
      { basedOn: REGION, set: { 'items.hukou-registration.sla.value': 3 } },
      '2026-01-01',
    );
    expect(r.families).toEqual([]);
    const hukou = r.deadlines.find((d) => d.item === 'hukou-registration')!;
    expect(hukou.compared).toBe(r.replayed);
    expect(hukou.distribution).toEqual([{ days: 2, cases: r.replayed }]);
    // The certificate comes before the registration and keeps its deadline.
    expect(r.deadlines.find((d) => d.item === 'birth-certificate')!.moved).toBe(0);
  });

  it('refuses a copy that fails the policy schema, naming the field in both languages', async () => {
    const bad = engine.supervisor.whatIf(
      REGION,
      { basedOn: REGION, set: { 'insurance.window.days': 'ninety' } },
      '2026-01-01',
    );
    await expect(bad).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      messages: { zh: expect.stringContaining('政策副本'), en: expect.stringContaining('policy copy') },
    });
    await expect(
      engine.supervisor.whatIf(REGION, { basedOn: 'zibo', set: {} }, '2026-01-01'),
    ).rejects.toMatchObject({ details: { field: 'policy.basedOn' } });
    await expect(engine.supervisor.whatIf(REGION, { basedOn: REGION }, 'last spring')).rejects.toMatchObject({
      messages: { zh: expect.stringContaining('起始日期') },
    });
  });
});
