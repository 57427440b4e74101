import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf } from '../../src/domain/canonical-json.ts';
import { replay, type CaseEvent } from '../../src/domain/case.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import type { RegionId } from '../../src/domain/ids.ts';
import { parseCheckpointFile } from '../../src/engine/chain-anchors.ts';
import { keyChainsAtStart } from '../../src/engine/chain-keying.ts';
import { checkpointIfDue, exportCheckpoint, takeCheckpoint } from '../../src/engine/checkpoint.ts';
import { completeApplication, FACE_PHOTO } from '../../src/engine/simulated-family.ts';
import { verifyStore } from '../../src/engine/verify.ts';
import { checkpointCommand } from '../../src/cli/checkpoint.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { STORED_APART } from '../../src/store/case-document.ts';
import type { Db } from '../../src/store/db.ts';
import { json } from '../../src/store/sql.ts';
import {
  chainHash,
  chainKeys,
  devChainKeys,
  GENESIS_HASH,
  plainChainHash,
} from '../../src/store/event-chain.ts';
import { DB_KINDS, freshDb, type DbKind } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * Tamper evidence (issue 13): someone with write access to the database, but not the chain key,
 * rewrites history and recomputes the hashes; or also rewrites the checkpoint table; or alters
 * the form behind a receipt. Each is found.
 */

const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const AT = new Date('2026-11-16T10:00:00+08:00');

async function store(kind: DbKind, regions: RegionId[] = ['fujian']) {
  const db = await freshDb(kind);
  open.push(db);
  const clock = fakeClock(AT);
  const shared = simulatedRegistries();
  let n = 0;
  const engine = testEngine({ db, clock, shared, newCaseId: () => `T-${++n}` });
  // The engine signs with the development key (test/support/engine.ts); so do these deps.
  const withKeys = { ...engine, deps: { db, chain: devChainKeys() } };
  const submit = async (region: RegionId) => {
    const s = sampleSituation(region);
    s.baby.bornAt = '2026-11-14T08:00:00+08:00';
    shared.load(s);
    const input = await completeApplication(engine, region, {
      applicant: { role: 'mother', idNumber: s.mother.idNumber },
      motherIdNumber: s.mother.idNumber,
      baby: { surname: '李', givenName: '安' },
      choices: { followParent: 'father' },
    });
    // Signed: the applicant's signature is over the form's digest.
    const { formDigest } = await engine.parent.preview(region, input);
    const r = await engine.parent.submit(region, `tamper-${region}`, {
      ...input,
      signature: { formDigest: formDigest!, imagePng: FACE_PHOTO },
    });
    await db.query(`update outbox set status = 'done'`);
    await db.query(`delete from outbox_queue`);
    return { caseId: (r as { caseId: string }).caseId, mother: s.mother.idNumber };
  };
  const cases = [];
  for (const region of regions) cases.push(await submit(region));
  return { db, engine: withKeys, clock, cases, submit };
}

/**
 * What an attacker with the database does: edit a case's events, recompute every hash after the
 * edit with a hash of their choosing, and rewrite the case row from the replay, so that nothing
 * but the hashes can tell.
 */
async function rewriteHistory(
  db: Db,
  caseId: string,
  edit: (e: CaseEvent) => CaseEvent,
  hash: (prev: string, seq: number, e: CaseEvent) => string,
) {
  const rows = await db.query<{ seq: number; payload: CaseEvent }>(
    'select seq, payload from case_events where case_id = $1 order by seq',
    [caseId],
  );
  let prev = GENESIS_HASH;
  const events: CaseEvent[] = [];
  for (const r of rows) {
    const event = edit(r.payload);
    const next = hash(prev, r.seq, event);
    await db.query(
      'update case_events set payload = $3, prev_hash = $4, hash = $5 where case_id = $1 and seq = $2',
      [caseId, r.seq, event, prev, next],
    );
    events.push(event);
    prev = next;
  }
  const state = replay(caseId, events);
  await db.query('update cases set state = $2, form = $3, last_hash = $4 where id = $1', [
    caseId,
    json(state, STORED_APART),
    state.form,
    prev,
  ]);
}

/** The baby renamed on the submitted form, with the signed digest recomputed to match. */
function renameBaby(e: CaseEvent): CaseEvent {
  if (e.type !== 'case-submitted') return e;
  const x = structuredClone(e) as CaseEvent & {
    babyName: string;
    form: { baby: { name: string } };
    signature: { formDigest: string } | null;
  };
  x.babyName = '张三';
  x.form.baby.name = '张三';
  if (x.signature) x.signature.formDigest = digestOf(x.form);
  return x;
}

for (const kind of DB_KINDS) {
  describe(`tamper evidence on ${kind}`, () => {
    it('a clean store passes, against the latest checkpoint and the exported file', async () => {
      const { db, engine } = await store(kind);
      await takeCheckpoint(engine.deps, AT, 'command');
      const report = await verifyStore(db, { checkpointFile: (await exportCheckpoint(db))! });
      expect(report.problems).toEqual([]);
      expect(report.checkpoint).toMatchObject({ id: 1 });
    });

    it('an edited event with its chain recomputed as plain SHA-256 is found', async () => {
      const { db, cases } = await store(kind);
      await rewriteHistory(db, cases[0]!.caseId, renameBaby, plainChainHash);
      const report = await verifyStore(db);
      expect(report.ok).toBe(false);
      expect(report.problems.join('\n')).toMatch(/event 1 was altered: its hash is plain SHA-256/);
      // Everything else was made consistent: only the hashes tell.
      expect(report.problems.every((p) => /was altered/.test(p))).toBe(true);
    });

    it('an edited event with a correctly recomputed HMAC chain under a guessed key is found', async () => {
      const { db, cases, engine } = await store(kind);
      await takeCheckpoint(engine.deps, AT, 'command');
      const guessed = chainKeys('dev-event-chain-key').current;
      await rewriteHistory(db, cases[0]!.caseId, renameBaby, (p, s, e) => chainHash(guessed, p, s, e));
      const problems = (await verifyStore(db)).problems.join('\n');
      expect(problems).toMatch(/event 1 was altered \(hash mismatch\)/);
      expect(problems).toMatch(/differs from the head checkpoint 1 recorded/);
    });

    it('a case erased with the checkpoint table rewritten passes inside the database, not against the exported file', async () => {
      const { db, engine, submit } = await store(kind);
      await takeCheckpoint(engine.deps, AT, 'command');
      const { caseId } = await submit('zibo');
      const dir = mkdtempSync(join(tmpdir(), 'onething-checkpoint-'));
      const summary = JSON.parse(await checkpointCommand(db, engine.deps.chain, AT, join(dir, 'cp.json')));
      expect(summary).toMatchObject({ checkpoint: 2, cases: 2, moved: 1 });
      const file = parseCheckpointFile(JSON.parse(readFileSync(join(dir, 'cp.json'), 'utf8')));

      // The append-only table refuses an ordinary delete or update.
      await expect(db.query('delete from chain_checkpoints where id = 2')).rejects.toThrow(/append-only/);
      await expect(db.query(`update chain_checkpoint_heads set hash = 'x'`)).rejects.toThrow(/append-only/);
      // A superuser switches triggers and foreign keys off and erases the second application,
      // the checkpoint that saw it included.
      await db.transaction(async (tx) => {
        await tx.query(`set local session_replication_role = replica`);
        for (const table of ['case_events', 'case_items', 'outbox'])
          await tx.query(`delete from ${table} where case_id = $1`, [caseId]);
        await tx.query('delete from cases where id = $1', [caseId]);
        await tx.query('delete from chain_checkpoint_heads where checkpoint_id = 2');
        await tx.query('delete from chain_checkpoints where id = 2');
      });

      expect((await verifyStore(db)).problems).toEqual([]);
      const problems = (await verifyStore(db, { checkpointFile: file })).problems.join('\n');
      expect(problems).toMatch(/the store's checkpoint table no longer holds this checkpoint/);
      expect(problems).toMatch(
        new RegExp(`${caseId}: a checkpoint recorded this case; the store no longer has it`),
      );
    });

    it('the sweeper anchors the heads when due and something moved, and writes nothing otherwise', async () => {
      const { engine, submit } = await store(kind);
      const hour = 3_600_000;
      expect(await checkpointIfDue(engine.deps, AT, hour)).toMatchObject({ written: true, moved: 1 });
      expect(await checkpointIfDue(engine.deps, new Date(AT.getTime() + hour / 2), hour)).toBeNull();
      const due = new Date(AT.getTime() + hour);
      expect(await checkpointIfDue(engine.deps, due, hour)).toMatchObject({ written: false, moved: 0 });
      await submit('zibo');
      expect(await checkpointIfDue(engine.deps, due, hour)).toMatchObject({
        written: true,
        moved: 1,
        checkpoint: { id: 2, cases: 2, reason: 'periodic' },
      });
    });

    it('a forged checkpoint (no key) is found', async () => {
      const { db, engine } = await store(kind);
      await takeCheckpoint(engine.deps, AT, 'command');
      const forger = { db, chain: chainKeys('a-guessed-key-0123456789abcdef0123456789') };
      await takeCheckpoint(forger, AT, 'command');
      expect((await verifyStore(db)).problems.join('\n')).toMatch(
        /checkpoint 2 is signed by a key this service does not hold/,
      );
    });

    it('an altered form behind a receipt answers not valid, with the reason, and verify names it', async () => {
      const { db, engine, cases } = await store(kind);
      const { caseId, mother } = cases[0]!;
      const r = await engine.parent.receipt(caseId, mother);
      const query = { caseId: r.caseId, submittedAt: r.submittedAt, formDigest: r.formDigest };
      const token = new URL(r.verifyUrl).searchParams.get('token')!;
      expect(await engine.public.verifyReceipt(query, token)).toMatchObject({ valid: true });
      const [row] = await db.query<{ digest: string }>(
        `select state->'signature'->>'formDigest' as digest from cases where id = $1`,
        [caseId],
      );
      expect(row!.digest).toBe(r.formDigest);

      // The case row's form alone: the receipt check reads the events and the signed digest.
      await db.query(`update cases set form = jsonb_set(form, '{baby,name}', '"张三"') where id = $1`, [
        caseId,
      ]);
      const altered = await engine.public.verifyReceipt(query, token);
      expect(altered).toEqual({
        valid: false,
        message: {
          zh: '这张回执对应的申请表存档已被改动，与申请人签名的内容不一致',
          en: 'the stored application form behind this receipt was altered: it no longer matches what the applicant signed',
        },
      });
      // The event too, hashes recomputed without the key.
      await rewriteHistory(
        db,
        caseId,
        (e) =>
          e.type === 'case-submitted'
            ? ({ ...e, form: { ...e.form, baby: { ...(e.form.baby as object), name: '张三' } } } as CaseEvent)
            : e,
        plainChainHash,
      );
      expect(await engine.public.verifyReceipt(query, token)).toEqual(altered);
      expect((await verifyStore(db)).problems.join('\n')).toMatch(
        /the submitted form differs from the one its applicant signed/,
      );
    });

    it('an older store keyed once at start; a plain chain after the first checkpoint stays a forgery', async () => {
      const { db, engine, cases } = await store(kind);
      const caseId = cases[0]!.caseId;
      // As a store from before keyed chains: plain SHA-256 throughout, no checkpoint.
      await rewriteHistory(db, caseId, (e) => e, plainChainHash);
      expect((await verifyStore(db)).ok).toBe(false);
      const keyed = await keyChainsAtStart(engine.deps, AT);
      expect(keyed).toMatchObject({
        rekeyed: 1,
        broken: [],
        checkpoint: { checkpoint: { id: 1, reason: 'first' } },
      });
      expect((await verifyStore(db)).problems).toEqual([]);
      // Once anchored, a plain chain is never keyed again.
      await rewriteHistory(db, caseId, renameBaby, plainChainHash);
      expect(await keyChainsAtStart(engine.deps, AT)).toMatchObject({ rekeyed: 0, checkpoint: null });
      expect((await verifyStore(db)).problems.join('\n')).toMatch(/plain SHA-256/);
    });

    it('a rotated key applies from its checkpoint on; the old events still verify with the retired key', async () => {
      const { db, engine, clock } = await store(kind);
      await keyChainsAtStart(engine.deps, AT);
      const rotated = chainKeys('new-key-0123456789abcdef0123456789abcdef', [
        engine.deps.chain.current.secret,
      ]);
      const start = await keyChainsAtStart({ db, chain: rotated }, clock.now());
      expect(start.checkpoint?.checkpoint).toMatchObject({
        id: 2,
        reason: 'new-key',
        keyId: rotated.current.id,
      });
      expect((await verifyStore(db, { keys: rotated })).problems).toEqual([]);
      // Without the retired key, its events and checkpoint cannot be told from forgeries.
      const problems = (await verifyStore(db, { keys: chainKeys(rotated.current.secret) })).problems.join(
        '\n',
      );
      expect(problems).toMatch(/checkpoint 1 is signed by a key this service does not hold/);
      expect(problems).toMatch(/event 1 was altered/);
    });
  });
}
