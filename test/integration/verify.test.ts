import { afterEach, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import { testEngine } from '../support/engine.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { verifyStore } from '../../src/engine/verify.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedFaceVerifier } from '../../src/registries/face-verification.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function storeWithOneCase(kind: 'pglite' | 'postgres') {
  const db = await freshDb(kind);
  open.push(db);
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const shared = simulatedRegistries();
  const s = sampleSituation('fujian');
  s.baby.bornAt = '2026-11-14T08:00:00+08:00';
  shared.load(s);
  const engine = testEngine({
    db,
    clock,
    calendar: officialCalendar(),
    shared,
    faces: simulatedFaceVerifier(async (id) => (await shared.person(id)) !== null),
    newCaseId: () => 'V-1',
  });
  await engine.parent.submit(
    'fujian',
    'verify-1',
    await completeApplication(engine, 'fujian', {
      applicant: { role: 'mother', idNumber: s.mother.idNumber },
      motherIdNumber: s.mother.idNumber,
      baby: { surname: '李', givenName: '安' },
      choices: { followParent: 'father' },
    }),
  );
  // As if every message had been sent.
  await db.query(`update outbox set status = 'done'`);
  await db.query(`delete from outbox_queue`);
  return db;
}

for (const kind of DB_KINDS) {
  describe(`onething verify on ${kind} finds tampering`, () => {
    it('a clean store passes', async () => {
      expect((await verifyStore(await storeWithOneCase(kind))).problems).toEqual([]);
    });

    it.each([
      [
        'an edited event',
        `update case_events set payload = jsonb_set(payload, '{babyName}', '"张三"') where seq = 1`,
        /event 1 was altered/,
      ],
      [
        'a removed event in the middle',
        `delete from case_events where seq = 2`,
        /event 2 is missing|does not link/,
      ],
      [
        'an event whose column disagrees with its content',
        `update case_events set type = 'item-done' where seq = 2`,
        /columns differ/,
      ],
      [
        'a case handed to another person',
        `update cases set applicant_id_number = '11010519491231002X'`,
        /cases\.applicant_id_number differs/,
      ],
      [
        'an item flagged overdue by hand',
        `update case_items set overdue = true where item = 'birth-certificate'`,
        /item birth-certificate in case_items differs/,
      ],
      [
        'a rating written outside the log',
        `update case_items set rating = 1 where item = 'birth-certificate'`,
        /item birth-certificate in case_items differs/,
      ],
      [
        'a deleted item row',
        `delete from case_items where item = 'parenting-guidance'`,
        /case_items has 6 rows/,
      ],
      [
        'a state edited without its events',
        `update cases set state = jsonb_set(state, '{babyName}', '"张三"')`,
        /stored state differs/,
      ],
      [
        "an item's state edited in its row without its events",
        `update case_items set state = jsonb_set(state, '{status}', '"done"') where item = 'birth-certificate'`,
        /stored state differs/,
      ],
      [
        'an unsettled outbox message',
        `update outbox set status = 'pending' where id = (select min(id) from outbox)`,
        /still pending/,
      ],
      [
        'a pending message missing from the send queue',
        `update outbox set status = 'pending' where id = (select min(id) from outbox)`,
        /pending outbox messages are not queued to be sent/,
      ],
      [
        'a settled message queued again',
        `insert into outbox_queue (id, available_at) select min(id), now() from outbox`,
        /already settled are still queued to be sent/,
      ],
    ])('%s', async (_name, sql, pattern) => {
      const db = await storeWithOneCase(kind);
      await db.query(sql);
      const report = await verifyStore(db);
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(pattern);
    });
  });
}
