import { afterEach, describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/domain/case.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { loadCasesForUpdate } from '../../src/store/case-store.ts';
import type { Db } from '../../src/store/db.ts';
import { freshDb, POSTGRES_URL } from '../support/databases.ts';

/**
 * A command that waited for a case's lock reads the case as the command before it left it: its
 * items too, which live in rows of their own (migration 0030). Only PostgreSQL runs two at once.
 */
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

describe.skipIf(!POSTGRES_URL)('a case locked by two commands on postgres', () => {
  it('the second sees the items the first wrote, once the first has committed', async () => {
    const db = await freshDb('postgres');
    const other = db.second!();
    open.push(db, other);
    await runSimulation({
      region: 'fujian',
      cases: 1,
      seed: 'lock',
      start: new Date('2026-03-02T09:00:00+08:00'),
      db,
    });
    const [{ id }] = (await db.query<{ id: string }>('select id from cases')) as [{ id: string }];

    let second: Promise<CaseState> | null = null;
    await db.transaction(async (tx) => {
      await loadCasesForUpdate(tx, [id]);
      const [{ pid }] = (await tx.query<{ pid: number }>('select pg_backend_pid() as pid')) as [
        { pid: number },
      ];
      // The first command changes an item and the case, as every command does.
      await tx.query(`update case_items set state = jsonb_set(state, '{attempt}', '7') where case_id = $1`, [
        id,
      ]);
      await tx.query('update cases set version = version where id = $1', [id]);
      second = other.transaction(async (tx2) => (await loadCasesForUpdate(tx2, [id])).get(id)!.state);
      // The second is waiting on the first's lock before the first commits.
      for (let waiting = 0; !waiting;)
        waiting = (
          await other.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))',
            [pid],
          )
        )[0]!.n;
    });
    const seen = await second!;
    expect(Object.keys(seen.items).length).toBeGreaterThan(0);
    expect(Object.values(seen.items).map((i) => i.attempt)).toEqual(Object.values(seen.items).map(() => 7));
  }, 120_000);
});
