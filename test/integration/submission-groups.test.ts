import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import type { ApplicationInput } from '../../src/engine/gather-facts.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { verifyStore } from '../../src/engine/verify.ts';
import { generateFamilies } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

const AT = '2026-09-29T10:00:00+08:00';
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

/**
 * Six Fujian families whose applications are complete, on an engine whose store counts its
 * transactions, lists the statements sent outside them, and can be told to fail the next one after its statements ran.
 */
async function setup(kind: 'pglite' | 'postgres') {
  const real = await freshDb(kind);
  open.push(real);
  let transactions = 0;
  let failNext = false;
  const statements: string[] = [];
  const db: Db = {
    ...real,
    query: (sql, params) => {
      statements.push(sql);
      return real.query(sql, params);
    },
    transaction: (fn) =>
      real.transaction(async (tx) => {
        transactions++;
        const result = await fn(tx);
        if (failNext) {
          failNext = false;
          throw new Error('the connection dropped before commit');
        }
        return result;
      }),
  };
  const shared = simulatedRegistries();
  const families = generateFamilies('fujian', 6, { seed: 'groups', bornBy: new Date(AT), refusedShare: 0 });
  for (const f of families) shared.load(f.situation);
  let n = 0;
  const engine = testEngine({ db, clock: fakeClock(new Date(AT)), shared, newCaseId: () => `G-${++n}` });
  const inputs: ApplicationInput[] = [];
  for (const f of families)
    inputs.push(
      await completeApplication(engine, 'fujian', {
        applicant: f.applicant,
        motherIdNumber: f.situation.mother.idNumber,
        baby: { surname: f.baby.surname, givenName: f.baby.givenName },
        choices: f.choices,
      }),
    );
  return {
    db: real,
    engine,
    inputs,
    transactions: () => transactions,
    statements,
    failNextTransaction: () => (failNext = true),
  };
}

const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

/** What verify finds, but the dispatches no worker has sent yet (none runs here). */
const problems = async (db: Db) =>
  (await verifyStore(db, { now: new Date(AT) })).problems.filter((p) => !p.includes('outbox'));

for (const kind of DB_KINDS) {
  describe(`submissions committed in groups on ${kind}`, () => {
    it('applications arriving together go in one transaction, and each is answered as if it came alone', async () => {
      const { db, engine, inputs, transactions } = await setup(kind);
      const [a, b, c, d, e, f] = inputs as [ApplicationInput, ...ApplicationInput[]];
      // The sixth family forgot an upload: refused, naming what is missing, while the others go in.
      const withoutUploads = { ...f!, uploads: {} };
      const before = transactions();
      const answers = await Promise.allSettled([
        engine.parent.submit('fujian', 'a', a),
        engine.parent.submit('fujian', 'b', b!),
        engine.parent.submit('fujian', 'c', c!),
        engine.parent.submit('fujian', 'd', d!),
        engine.parent.submit('fujian', 'e', e!),
        engine.parent.submit('fujian', 'f', withoutUploads),
        // A double tap: the same submission sent twice in the same moment.
        engine.parent.submit('fujian', 'a', a),
        // The same baby applied for again under another transaction id: one baby, one case.
        engine.parent.submit('fujian', 'b-again', b!),
      ]);
      expect(transactions() - before).toBe(1);
      const value = (i: number) => (answers[i] as PromiseFulfilledResult<{ caseId: string }>).value;
      for (let i = 0; i < 5; i++)
        expect(answers[i]).toMatchObject({
          status: 'fulfilled',
          value: { accepted: true, duplicate: false },
        });
      expect(new Set([0, 1, 2, 3, 4].map((i) => value(i).caseId)).size).toBe(5);
      expect(answers[5]).toMatchObject({
        status: 'rejected',
        reason: { code: 'INVALID_INPUT', details: { field: expect.stringMatching(/^uploads\./) } },
      });
      expect(answers[6]).toMatchObject({
        status: 'fulfilled',
        value: { accepted: true, duplicate: true, caseId: value(0).caseId },
      });
      expect(answers[7]).toMatchObject({
        status: 'rejected',
        reason: { code: 'CONFLICT', details: { field: 'baby', existingCaseId: value(1).caseId } },
      });
      expect(await count(db, 'cases')).toBe(5);
      expect(await count(db, 'decided_facts')).toBe(5);
      expect(await problems(db)).toEqual([]);
    });

    it('pre-reviews at the same moment read their families together, and each answers as if alone', async () => {
      const { engine, inputs, statements } = await setup(kind);
      const start = statements.length;
      const alone = [];
      for (const input of inputs) alone.push(await engine.parent.preview('fujian', input));
      const babyReads = (from: number) => statements.slice(from).filter((s) => s.includes('baby_key = any'));
      expect(babyReads(start)).toHaveLength(inputs.length);
      const from = statements.length;
      const together = await Promise.all(inputs.map((input) => engine.parent.preview('fujian', input)));
      expect(together).toEqual(alone);
      expect(babyReads(from).length).toBeLessThanOrEqual(2);
    });

    it('a group whose transaction fails is tried again one by one: nothing lost, nothing made twice', async () => {
      const { db, engine, inputs, failNextTransaction } = await setup(kind);
      failNextTransaction();
      const answers = await Promise.all(
        inputs.map((input, i) => engine.parent.submit('fujian', `t${i}`, input)),
      );
      expect(answers.map((x) => x.accepted && !x.duplicate)).toEqual(inputs.map(() => true));
      expect(new Set(answers.map((x) => x.accepted && x.caseId)).size).toBe(inputs.length);
      expect(await count(db, 'cases')).toBe(inputs.length);
      expect(await count(db, 'case_events where seq = 1')).toBe(inputs.length);
      // Sent again, each is recognised as already made.
      const again = await Promise.all(
        inputs.map((input, i) => engine.parent.submit('fujian', `t${i}`, input)),
      );
      expect(again.map((x) => x.accepted && x.duplicate)).toEqual(inputs.map(() => true));
      expect(await problems(db)).toEqual([]);
    });
  });
}
