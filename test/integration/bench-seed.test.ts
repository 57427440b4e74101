import { afterEach, describe, expect, it } from 'vitest';
import { isCitizenId } from '../../src/domain/citizen-id.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import type { CaseState } from '../../src/domain/case.ts';
import { taskPlace, type Organisation } from '../../src/domain/organisation.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { demoOrganisations, demoStaff } from '../../src/registries/demo-organisations.ts';
import { AREAS } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { seedBenchCases, TemplateRecorder } from '../../src/store/bench-seed-store.ts';
import { CASE_PARTS, caseDocument, type CaseParts } from '../../src/store/case-document.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertOrganisations, upsertStaff, type QueueView } from '../../src/store/staff-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * The benchmark's seeding (bench/queue.ts), small: copies of real cases whose projections agree
 * with their state, which the clerks' queues page through exactly as a single page would list them.
 */
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const NOW = new Date('2026-12-01T10:00:00+08:00');
const VIEWS: QueueView[] = ['open', 'due-soon', 'overdue', 'waiting-for-family', 'done'];

type ItemRow = {
  case_id: string;
  item: string;
  department: string;
  status: string;
  holder: string | null;
  deadline: Date | null;
  decided_at: Date | null;
  overdue: boolean;
  place_county: string | null;
  place_institution: string | null;
};

/** What each view holds, said again in plain code, to hold the SQL to. */
function inView(view: QueueView, i: ItemRow): boolean {
  const open = i.status === 'dispatched' && i.holder === 'department';
  switch (view) {
    case 'open':
      return open;
    case 'due-soon':
      return open && !i.overdue && !!i.deadline && i.deadline.getTime() < NOW.getTime() + 86_400_000;
    case 'overdue':
      return ['dispatched', 'supplement-requested'].includes(i.status) && i.overdue;
    case 'waiting-for-family':
      return (
        i.status === 'supplement-requested' ||
        (i.status === 'dispatched' && i.holder !== null && i.holder !== 'department')
      );
    case 'done':
      return ['done', 'rejected'].includes(i.status);
  }
}

function servedBy(org: Organisation, i: ItemRow): boolean {
  return (
    i.department === org.department &&
    org.counties.includes(i.place_county ?? '') &&
    (org.institution === null || org.institution === i.place_institution)
  );
}

for (const kind of DB_KINDS) {
  describe(`the benchmark's seeded store on ${kind}`, () => {
    it('copies real cases consistently, and every queue pages through exactly its rows', async () => {
      const db = await freshDb(kind);
      open.push(db);
      const recorder = new TemplateRecorder(db);
      await runSimulation({
        region: 'fujian',
        cases: 8,
        seed: 'seed-test',
        start: new Date('2026-03-02T09:00:00+08:00'),
        db,
        onProgress: () => recorder.record(),
      });
      const templates = await recorder.templates();
      const seeded = await seedBenchCases(db, {
        templates,
        cases: 200,
        now: NOW,
        seed: 'seed-test',
        prefix: 'FUQ',
        counties: AREAS.fujian.divisions,
        institutions: AREAS.fujian.institutions,
        batch: 64,
      });
      expect(seeded.cases).toBe(200);

      const cases = (
        await db.query<CaseParts & { id: string; mother_id_number: string }>(
          `select c.id, c.mother_id_number, ${CASE_PARTS} from cases c where c.id like 'FUQ-%'`,
        )
      ).map((r) => ({ ...r, state: caseDocument(r) }));
      expect(cases).toHaveLength(200);
      expect(new Set(cases.map((c) => c.state.motherIdNumber)).size).toBe(200);
      expect(cases.every((c) => isCitizenId(c.state.motherIdNumber) && c.state.id === c.id)).toBe(true);
      // The look-up column holds the new mother's blind index, so the engine finds each copy by her.
      expect(cases.every((c) => c.mother_id_number === db.personal.index(c.state.motherIdNumber))).toBe(true);
      // As the engine stores it: the index itself, not sealed (a sealed one opens on reading, so ask the text).
      const sealedLookups = await db.query(
        `select 1 from cases where id like 'FUQ-%' and (mother_id_number like 'pd1.%' or applicant_id_number like 'pd1.%' or father_id_number like 'pd1.%')`,
      );
      expect(sealedLookups).toEqual([]);
      const items = await db.query<ItemRow>(
        `select case_id, item, department, status, holder, deadline, decided_at, overdue, place_county, place_institution
         from case_items where case_id like 'FUQ-%'`,
      );
      expect(items).toHaveLength(seeded.items);
      // The projection agrees with the state it was copied with, places included.
      const states = new Map(cases.map((c) => [c.id, c.state]));
      for (const i of items) {
        const s = states.get(i.case_id)!;
        const own = s.items[i.item as keyof CaseState['items']]!;
        expect({
          status: i.status,
          holder: i.holder,
          overdue: i.overdue,
          deadline: i.deadline && new Date(i.deadline).toISOString(),
        }).toEqual({ status: own.status, holder: own.holder, overdue: own.overdue, deadline: own.deadline });
        expect({ county: i.place_county, institution: i.place_institution }).toEqual(taskPlace(s, own));
        // Nothing past its deadline that the sweeper would have flagged by now.
        if (own.status === 'dispatched' && own.holder === 'department' && own.deadline)
          expect(own.overdue || Date.parse(own.deadline) >= NOW.getTime()).toBe(true);
      }
      // Spread over the region's counties, with work in flight as well as history.
      expect(new Set(items.map((i) => i.place_county)).size).toBeGreaterThan(2);
      expect(items.some((i) => i.status === 'dispatched')).toBe(true);
      expect(items.filter((i) => i.status === 'done').length).toBeGreaterThan(items.length / 2);

      const orgs = demoOrganisations('fujian');
      await upsertOrganisations(db, orgs);
      await upsertStaff(db, demoStaff(orgs));
      const engine = testEngine({
        db,
        clock: fakeClock(NOW),
        shared: simulatedRegistries(),
        newCaseId: () => 'unused',
      });
      const all = await db.query<ItemRow>(
        `select case_id, item, department, status, holder, deadline, decided_at, overdue, place_county, place_institution
         from case_items`,
      );
      let listed = 0;
      for (const org of orgs.filter((o) => ['police', 'midwifery-institution'].includes(o.department))) {
        const clerk = `${org.id}-clerk`;
        for (const view of VIEWS) {
          const expected = all.filter((i) => servedBy(org, i) && inView(view, i));
          const whole = (await engine.staff.queue(clerk, view, { limit: 1000 })).rows;
          expect(whole.map((r) => `${r.caseId}/${r.item}`).sort()).toEqual(
            expected.map((i) => `${i.case_id}/${i.item}`).sort(),
          );
          const paged: typeof whole = [];
          let cursor: string | undefined;
          do {
            const page = await engine.staff.queue(clerk, view, { limit: 7, ...(cursor ? { cursor } : {}) });
            paged.push(...page.rows);
            cursor = page.next ?? undefined;
          } while (cursor);
          expect(paged).toEqual(whole);
          // Deadline order for the work, newest decision first for what is done.
          const key = (r: (typeof whole)[number]) => {
            const row = expected.find((i) => i.case_id === r.caseId && i.item === r.item)!;
            const t = view === 'done' ? row.decided_at : row.deadline;
            return t ? new Date(t).getTime() : view === 'done' ? -Infinity : Infinity;
          };
          const keys = whole.map(key);
          expect(keys).toEqual([...keys].sort((a, b) => (view === 'done' ? b - a : a - b)));
          listed += whole.length;
        }
      }
      expect(listed).toBeGreaterThan(200);

      // A seeded task opens with the fields its department was sent, and is found by masked ID.
      const police = orgs.find((o) => o.id === 'fujian-police-350583')!;
      const first = items.find((i) => servedBy(police, i) && inView('done', i))!;
      const task = await engine.staff.openTask(`${police.id}-clerk`, first.case_id, first.item as never);
      expect(task.caseId).toBe(first.case_id);
      expect(Object.keys(task.fields).length).toBeGreaterThan(0);
      const mother = cases.find((c) => c.id === first.case_id)!.state.motherIdNumber;
      const masked = `${mother.slice(0, 4)}**********${mother.slice(14)}`;
      const found = await engine.staff.queue(`${police.id}-clerk`, 'done', { search: masked });
      expect(found.rows.map((r) => r.caseId)).toContain(first.case_id);
      // A simulation and a few hundred copies: longer than the default minute on a loaded machine.
    }, 180_000);
  });
}
