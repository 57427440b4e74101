import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/domain/clock.ts';
import { startReferenceDepartment } from '../../src/gateway-client/reference-department.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { Db } from '../../src/store/db.ts';
import { hospitalOnTheGateway } from '../support/hospital-gateway.ts';

/**
 * `onething gateway …` as an integrator runs it: a separate process on the wall clock, the key from
 * the environment, against a running platform (list, claim, decide twice: one decision) and against
 * a department's push endpoint (conformance). The store does not matter here (gateway-push.test.ts
 * covers both), so this runs on PGlite only.
 * Each command is a process of its own (tsx, a few seconds on a busy machine), hence the timeout.
 */
const BIN = fileURLToPath(new URL('../../bin/onething.js', import.meta.url));
const wall: Clock = { now: () => new Date() };
let db: Db;
let app: FastifyInstance;
let base: string;

async function onething(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await promisify(execFile)(process.execPath, [BIN, 'gateway', ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}
const hospital = () => ({
  ONETHING_URL: base,
  GATEWAY_DEPARTMENT: 'midwifery-institution',
  GATEWAY_KEY: 'k-hospital',
});

beforeAll(async () => {
  ({ db, app, base } = await hospitalOnTheGateway('CLI-1'));
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('onething gateway', { timeout: 180_000 }, () => {
  it('lists, claims and decides with the key from the environment; the same command again is the same decision', async () => {
    const list = await onething(['list', '--json'], hospital());
    expect(list.code, list.stderr).toBe(0);
    const task = (JSON.parse(list.stdout) as { task: { taskId: string; item: string } }[]).find(
      (t) => t.task.item === 'birth-certificate',
    )!.task;
    expect(task.taskId).toBe('CLI-1:birth-certificate:1');

    const claim = await onething(['claim', task.taskId], hospital());
    expect(JSON.parse(claim.stdout)).toEqual({ taskId: task.taskId, claimed: true });

    const decide = [
      'decide',
      '--task',
      task.taskId,
      '--outcome',
      'done',
      '--output',
      'certificateNumber=P350000999',
    ];
    const first = await onething(decide, hospital());
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      txnId: 'CLI-1:birth-certificate:1:done',
      ok: true,
      status: 'done',
      replayed: false,
    });
    const again = await onething(decide, hospital());
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'done', replayed: true });
    const events = await db.query<{ n: number }>(
      `select count(*)::int as n from case_events where case_id = 'CLI-1' and type = 'item-done'`,
    );
    expect(events[0]!.n).toBe(1);

    const plain = await onething(['list'], hospital());
    expect(plain.stdout).toMatch(/^CLI-1:parenting-guidance:1 {2}fujian {2}deadline 20\d\d-/m);
  });

  it("reports a mother's delivery record: she is invited once, and a second report invites no one", async () => {
    const mother = sampleSituation('fujian').mother.idNumber;
    const first = await onething(['delivery-records', mother], hospital());
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      invited: 1,
      mothers: [{ motherIdNumber: mother, invited: 1 }],
    });
    const again = await onething(['delivery-records', mother], hospital());
    expect(JSON.parse(again.stdout)).toMatchObject({ invited: 0 });
    const none = await onething(['delivery-records'], hospital());
    expect(none.code).toBe(2);
  });

  it('says clearly what is wrong: a wrong key, a missing setting', async () => {
    const forged = await onething(['list'], { ...hospital(), GATEWAY_KEY: 'guessed' });
    expect(forged.code).toBe(1);
    expect(JSON.parse(forged.stderr).error).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
      field: 'x-signature',
      message: { zh: expect.stringContaining('签名'), en: expect.stringContaining('signature') },
    });
    const keyless = await onething(['list'], {
      ONETHING_URL: base,
      GATEWAY_DEPARTMENT: 'police',
      GATEWAY_KEY: '',
    });
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toContain('--key is required');
  });

  it("runs the conformance check against a department's push endpoint", async () => {
    const ref = await startReferenceDepartment({
      department: 'police',
      key: 'k-police',
      clock: wall,
      accept: () => {},
    });
    try {
      const good = await onething(['conformance', '--push-url', ref.url, '--department', 'police'], {
        GATEWAY_KEY: 'k-police',
      });
      expect(good.code, good.stderr).toBe(0);
      expect(good.stdout.match(/^PASS /gm)).toHaveLength(7);
      expect(good.stdout).toContain('conformant 符合推送约定');
      // The endpoint checks with another key: it refuses every task, the good ones too.
      const bad = await onething(['conformance', '--push-url', ref.url, '--department', 'police'], {
        GATEWAY_KEY: 'k-other',
      });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^FAIL {2}接收正确签名的任务 \/ takes a correctly signed task$/m);
    } finally {
      await ref.close();
    }
  });
});
