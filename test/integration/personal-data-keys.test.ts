import { afterEach, describe, expect, it } from 'vitest';
import { resealCommand } from '../../src/cli/personal-data.ts';
import type { CaseState } from '../../src/domain/case.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { verifyStore } from '../../src/engine/verify.ts';
import { caseSummaries } from '../../src/store/case-summary-store.ts';
import { getCase } from '../../src/store/case-store.ts';
import { migrate, wrapPglite, type Db } from '../../src/store/db.ts';
import {
  DEV_PERSONAL_DATA_INDEX_KEY,
  DEV_PERSONAL_DATA_KEY,
  personalData,
} from '../../src/store/personal-data.ts';
import { sealPlainRows } from '../../src/store/personal-data-sweep.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

/** Migration 0025's conversion of a store written before it, and re-sealing under a rotated key. */
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

async function simulatedStore(kind: 'pglite' | 'postgres') {
  const db = await freshDb(kind);
  open.push(db);
  await runSimulation({
    region: 'fujian',
    cases: 4,
    seed: 'keys',
    start: new Date('2026-03-02T09:00:00+08:00'),
    db,
  });
  const ids = await db.query<{ id: string }>('select id from cases order by id');
  expect(ids.length).toBeGreaterThan(0);
  const states: CaseState[] = [];
  for (const { id } of ids) states.push(await getCase(db, id));
  return { db, states };
}

describe.each(DB_KINDS)('personal data at rest on %s', (kind) => {
  it('converts a store written before migration 0025: numbers in clear become sealed and indexed', async () => {
    const { db, states } = await simulatedStore(kind);
    // Put the cases, their events and their notices back as a store before 0025 held them: each case's
    // document whole in cases.state (before 0030), and every number in clear.
    await db.query('alter table case_items drop column state');
    await db.query('alter table cases drop column form');
    await db.query(`delete from schema_migrations where version = '0030_case_document_in_parts.sql'`);
    for (const s of states) {
      await db.query(
        `update cases set state = $2::jsonb, mother_id_number = $3, applicant_id_number = $4, father_id_number = $5,
           baby_key = $6, mother_id_masked = null where id = $1`,
        [
          s.id,
          JSON.stringify(s),
          s.motherIdNumber,
          s.applicant.idNumber,
          s.fatherIdNumber ?? null,
          s.babyKey,
        ],
      );
      await db.query('update notifications set recipient_id_number = $2 where case_id = $1', [
        s.id,
        s.applicant.idNumber,
      ]);
      const events = await db.query<{ seq: number; payload: unknown }>(
        'select seq, payload from case_events where case_id = $1',
        [s.id],
      );
      for (const e of events)
        await db.query('update case_events set payload = $3::jsonb where case_id = $1 and seq = $2', [
          s.id,
          e.seq,
          JSON.stringify(e.payload),
        ]);
    }
    const mother = states[0]!.motherIdNumber;
    // The babies' ID numbers, which their items hold: the item states must come out sealed too.
    const babies = states.flatMap((s) => s.items['hukou-registration']?.outputs?.citizenIdNumber ?? []);
    expect(babies.length).toBeGreaterThan(0);
    const before = await db.query<{ t: string }>(`select row_to_json(c)::text as t from cases c`);
    expect(before.some((r) => r.t.includes(mother))).toBe(true);
    expect(before.some((r) => babies.some((b) => r.t.includes(b)))).toBe(true);
    expect(await caseSummaries(db, { idNumber: mother })).toEqual([]);

    // 0025's conversion, then 0030 moves the sealed parts into their columns and rows.
    await db.transaction((tx) => sealPlainRows(tx));
    expect(await migrate(db)).toEqual(['0030_case_document_in_parts.sql']);

    const after = await db.query<{ t: string }>(
      `select row_to_json(c)::text || (select string_agg(row_to_json(i)::text, '') from case_items i)
         || (select string_agg(row_to_json(e)::text, '') from case_events e) as t from cases c`,
    );
    expect(after.filter((r) => r.t.includes(mother))).toEqual([]);
    expect(after.filter((r) => babies.some((b) => r.t.includes(b)))).toEqual([]);
    for (const s of states) expect(await getCase(db, s.id)).toEqual(s);
    expect((await caseSummaries(db, { idNumber: mother })).map((c) => c.caseId)).toContain(states[0]!.id);
    expect(await verifyStore(db)).toMatchObject({ ok: true });
  }, 300_000);
});

describe('rotating PERSONAL_DATA_KEY', () => {
  it('reseals the whole store under the new key, after which the old key can go', async () => {
    const { db, states } = await simulatedStore('pglite');
    const lite = (db as Db & { lite: Parameters<typeof wrapPglite>[0] }).lite;
    const rotated = wrapPglite(
      lite,
      undefined,
      personalData('new-key', [DEV_PERSONAL_DATA_KEY], DEV_PERSONAL_DATA_INDEX_KEY),
    );
    expect(await resealCommand(rotated)).toMatch(/resealed 已重新加密: \d+ values/);

    const newOnly = wrapPglite(lite, undefined, personalData('new-key', [], DEV_PERSONAL_DATA_INDEX_KEY));
    const mother = states[0]!.motherIdNumber;
    expect((await caseSummaries(newOnly, { idNumber: mother })).map((c) => c.babyName)).toContain(
      states[0]!.babyName,
    );
    expect(await verifyStore(newOnly)).toMatchObject({ ok: true });
    // The development key alone opens nothing any more.
    await expect(caseSummaries(db, { idNumber: mother })).rejects.toThrow(/not configured/);
  }, 300_000);
});
