import { afterEach, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { verifyStore } from '../../src/engine/verify.ts';
import { getCase } from '../../src/store/case-store.ts';
import { migrate, type Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

/** Migration 0030: the form moves to its own column, and each item's state into its case_items row. */
const MIGRATION = '0030_case_document_in_parts.sql';
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

/** A simulated store put back as it stood before 0030: the form and the items inside each case's document. */
async function storeBefore0030(kind: 'pglite' | 'postgres') {
  const db = await freshDb(kind);
  open.push(db);
  await runSimulation({
    region: 'fujian',
    cases: 4,
    seed: 'items',
    start: new Date('2026-03-02T09:00:00+08:00'),
    db,
  });
  const ids = (await db.query<{ id: string }>('select id from cases order by id')).map((r) => r.id);
  const documents = new Map<string, CaseState>();
  for (const id of ids) documents.set(id, await getCase(db, id));
  await db.transaction(async (tx) => {
    await tx.query(
      `update cases c set state = c.state || jsonb_build_object('form', c.form,
         'items', (select jsonb_object_agg(i.item, i.state) from case_items i where i.case_id = c.id))`,
    );
    await tx.query('alter table case_items drop column state');
    await tx.query('alter table cases drop column form');
    await tx.query('delete from schema_migrations where version = $1', [MIGRATION]);
  });
  return { db, documents };
}

const withPartsInside = async (db: Db) =>
  (
    await db.query<{ n: number }>(
      `select count(*)::int as n from cases where state ?& array['form', 'items']`,
    )
  )[0]!.n;

describe.each(DB_KINDS)('moving item states into their rows on %s', (kind) => {
  it('keeps every case as it was, with verify clean', async () => {
    const { db, documents } = await storeBefore0030(kind);
    expect(await withPartsInside(db)).toBe(documents.size);

    expect(await migrate(db)).toEqual([MIGRATION]);

    expect(await withPartsInside(db)).toBe(0);
    for (const [id, document] of documents) expect(await getCase(db, id)).toEqual(document);
    expect(await verifyStore(db)).toMatchObject({ ok: true });
  }, 300_000);

  it.each([
    [
      'an item has no row to move into',
      `delete from case_items where case_id = $1 and item = 'birth-certificate'`,
    ],
    [
      'a row has no item to take',
      `update cases set state = state #- '{items,birth-certificate}' where id = $1`,
    ],
  ])(
    'stops, changing nothing, when %s',
    async (_, mismatch) => {
      const { db, documents } = await storeBefore0030(kind);
      const [id] = [...documents.keys()];
      await db.query(mismatch, [id]);

      await expect(migrate(db)).rejects.toThrow(/items of a case and its case_items rows differ/);

      expect(await withPartsInside(db)).toBe(documents.size);
      const columns = await db.query(
        `select 1 from information_schema.columns where table_schema = current_schema()
         and (table_name, column_name) in (('case_items', 'state'), ('cases', 'form'))`,
      );
      expect(columns).toEqual([]);
    },
    300_000,
  );
});
