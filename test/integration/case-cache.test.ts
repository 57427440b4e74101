import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseState } from '../../src/domain/case.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { CaseCache } from '../../src/store/case-cache.ts';
import { appendEvents, loadCasesForUpdate } from '../../src/store/case-store.ts';
import type { Db } from '../../src/store/db.ts';
import { devChainKeys } from '../../src/store/event-chain.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';

/**
 * A command takes the case document its process kept (case-cache.ts) only while the stored case
 * still ends in the event that document was made from; otherwise it reads the stored one.
 */
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const key = devChainKeys().current;
const overdue = (at: string): CaseEvent => ({ type: 'case-overdue', at }) as CaseEvent;

async function oneCase(kind: (typeof DB_KINDS)[number]) {
  const db = await freshDb(kind);
  open.push(db);
  await runSimulation({
    region: 'fujian',
    cases: 1,
    seed: 'cache',
    start: new Date('2026-03-02T09:00:00+08:00'),
    db,
  });
  const [{ id }] = (await db.query<{ id: string }>('select id from cases')) as [{ id: string }];
  return { db, id };
}

const load = (db: Db, id: string, cache?: CaseCache) =>
  db.transaction(async (tx) => (await loadCasesForUpdate(tx, [id], cache)).get(id)!);

/** A command by someone else (another process, no cache of ours): one event appended and committed. */
const appendElsewhere = (db: Db, id: string, event: CaseEvent) =>
  db.transaction(async (tx) => {
    const before = (await loadCasesForUpdate(tx, [id])).get(id)!;
    return (await appendEvents(tx, [{ caseId: id, before, events: [event] }], new Date(), key)).get(id)!;
  });

describe.each(DB_KINDS)('the case documents kept on %s', (kind) => {
  it('hands back the kept document until someone else writes the case, then reads it', async () => {
    const { db, id } = await oneCase(kind);
    const cache = new CaseCache();
    const first = await load(db, id, cache);
    expect((await load(db, id, cache)).state).toBe(first.state);

    const written = await appendElsewhere(db, id, overdue('2026-03-20T01:00:00.000Z'));
    const after = await load(db, id, cache);
    expect(after.state).not.toBe(first.state);
    expect(after.state.version).toBe(first.state.version + 1);
    expect(after.state.overdue).toBe(true);
    expect(after.state).toEqual(JSON.parse(JSON.stringify(written)));
  }, 120_000);

  it('never hands back a document from a transaction that rolled back', async () => {
    const { db, id } = await oneCase(kind);
    const cache = new CaseCache();
    const stored = await load(db, id, cache);
    /** A command of ours that writes one event and then fails: its document was kept all the same. */
    const failing = async (at: string) => {
      let undone: CaseState | undefined;
      await expect(
        db.transaction(async (tx) => {
          const before = (await loadCasesForUpdate(tx, [id], cache)).get(id)!;
          undone = (
            await appendEvents(tx, [{ caseId: id, before, events: [overdue(at)] }], new Date(), key, cache)
          ).get(id);
          throw new Error('the command fails after writing');
        }),
      ).rejects.toThrow('fails after writing');
      expect(undone?.version).toBe(stored.state.version + 1);
      return undone!;
    };

    await failing('2026-03-20T01:00:00.000Z');
    expect((await load(db, id, cache)).state).toEqual(stored.state);

    // Someone else then writes the same version with another event: the undone document has the
    // version the stored case now has, but not its last event.
    const undone = await failing('2026-03-20T01:00:00.000Z');
    await appendElsewhere(db, id, overdue('2026-03-21T01:00:00.000Z'));
    const now = (await load(db, id, cache)).state;
    expect(now.version).toBe(undone.version);
    expect(now).not.toBe(undone);
  }, 120_000);

  it('keeps documents frozen, so no command can change one another command will be handed', async () => {
    const { db, id } = await oneCase(kind);
    const { state } = await load(db, id, new CaseCache());
    const item = Object.values(state.items)[0]!;
    expect(() => {
      (state as { status: string }).status = 'done';
    }).toThrow(TypeError);
    expect(() => item.timeline.push(item.timeline[0]!)).toThrow(TypeError);
  }, 120_000);
});

describe('the cache of case documents', () => {
  const doc = (version: number) => ({ version }) as CaseState;

  it('forgets the least recently used document beyond its capacity', () => {
    const cache = new CaseCache(2);
    cache.put('a', 'ha', doc(1));
    cache.put('b', 'hb', doc(1));
    expect(cache.get('a', 1, 'ha')).toBeDefined();
    cache.put('c', 'hc', doc(1));
    expect(cache.get('b', 1, 'hb')).toBeUndefined();
    expect(cache.get('a', 1, 'ha')).toBeDefined();
    expect(cache.get('c', 1, 'hc')).toBeDefined();
    expect(cache.size).toBe(2);
  });

  it('answers only for the same version and the same last hash', () => {
    const cache = new CaseCache();
    cache.put('a', 'h1', doc(3));
    expect(cache.get('a', 3, 'h1')).toEqual(doc(3));
    expect(cache.get('a', 4, 'h1')).toBeUndefined();
    expect(cache.get('a', 3, 'h2')).toBeUndefined();
  });
});
