import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { buildApp } from '../../src/http/app.ts';
import { signedHeaders } from '../../src/http/gateway-signature.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { getCase } from '../../src/store/case-store.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * The gateway under a captured request: a signed request is taken once (its nonce is remembered for
 * the signing window, in the store, so a second server refuses it too), an unsigned one is a 401,
 * and a transaction id reused with other content is a 409 naming the field; on both stores.
 */
const KEYS = { 'midwifery-institution': 'k-hospital', police: 'k-police' } as const;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup(kind: 'pglite' | 'postgres') {
  const db = await freshDb(kind);
  closers.push(() => db.close());
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const shared = simulatedRegistries();
  const f = structuredClone(sampleSituation('fujian'));
  f.baby.bornAt = '2026-11-14T08:00:00+08:00';
  shared.load(f);
  let n = 0;
  const serve = async (store: Db) => {
    const engine = testEngine({ db: store, clock, shared, newCaseId: () => `G-${++n}` });
    const app = await buildApp({
      engine,
      clock,
      identity: identityProvider({ production: false }),
      gatewayKeys: KEYS,
      dev: null,
      paymentKeys: { 'payments-test': 'test-key-payments' },
      settings: { nameMaxLength: 20 },
      production: false,
    });
    closers.push(() => app.close());
    return { app, engine };
  };
  // Two servers on one store: for PostgreSQL a second pool, as a second process would have.
  const second = db.second?.();
  if (second) closers.push(() => second.close());
  const one = await serve(db);
  const two = await serve(second ?? db);
  const input = await completeApplication(one.engine, 'fujian', {
    applicant: { role: 'mother', idNumber: f.mother.idNumber },
    motherIdNumber: f.mother.idNumber,
    baby: { surname: '李', givenName: '安然' },
    choices: { followParent: 'father' },
  });
  await one.engine.parent.submit('fujian', 'g-1', input);
  return { db, clock, one, two };
}

const hospital = (path: string, body: string, at: Date, nonce?: string): Record<string, string> => ({
  ...signedHeaders({
    sender: 'midwifery-institution',
    key: KEYS['midwifery-institution'],
    method: body ? 'POST' : 'GET',
    path,
    body,
    at,
    ...(nonce ? { nonce } : {}),
  }),
  ...(body ? { 'content-type': 'application/json' } : {}),
});

async function post(app: FastifyInstance, headers: Record<string, string>, body: string) {
  return app.inject({ method: 'POST', url: '/api/gateway/decisions', headers, payload: body });
}

describe.each(DB_KINDS)('the gateway against replays and reuse (%s)', (kind) => {
  it('takes a signed request once; the same request again, here or on another server, is a 401 in both languages', async () => {
    const { clock, one, two } = await setup(kind);
    const headers = hospital('/api/gateway/tasks', '', clock.now());
    const first = await one.app.inject({ method: 'GET', url: '/api/gateway/tasks', headers });
    expect(first.statusCode, first.body).toBe(200);
    for (const app of [one.app, two.app]) {
      const again = await app.inject({ method: 'GET', url: '/api/gateway/tasks', headers });
      expect(again.statusCode).toBe(401);
      expect(again.json().error).toMatchObject({
        code: 'UNAUTHORIZED',
        field: 'x-nonce',
        message: {
          zh: expect.stringMatching(/^请求随机数：.*重放/),
          en: expect.stringMatching(/^Request nonce: .*replay/),
        },
      });
    }
    // A fresh nonce is a new request, a minute later just as well.
    clock.advance(60_000);
    const fresh = await two.app.inject({
      method: 'GET',
      url: '/api/gateway/tasks',
      headers: hospital('/api/gateway/tasks', '', clock.now()),
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('refuses unsigned requests with 401, naming what is missing', async () => {
    const { db, clock, one } = await setup(kind);
    const none = await one.app.inject({ method: 'GET', url: '/api/gateway/tasks' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toMatchObject({ code: 'UNAUTHORIZED', field: 'x-department' });
    const body = JSON.stringify({ txnId: 't-0', caseId: 'G-1', item: 'birth-certificate', outcome: 'done' });
    const unsigned = await one.app.inject({
      method: 'POST',
      url: '/api/gateway/decisions',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(401);
    const { 'x-nonce': _nonce, ...noNonce } = hospital('/api/gateway/decisions', body, clock.now());
    const withoutNonce = await post(one.app, noNonce, body);
    expect(withoutNonce.statusCode).toBe(401);
    expect(withoutNonce.json().error).toMatchObject({
      field: 'x-nonce',
      message: {
        zh: expect.stringContaining('请求随机数：'),
        en: expect.stringContaining('Request nonce: '),
      },
    });
    const { 'x-signature': _sig, ...noSignature } = hospital('/api/gateway/decisions', body, clock.now());
    expect((await post(one.app, noSignature, body)).json().error).toMatchObject({
      code: 'UNAUTHORIZED',
      field: 'x-signature',
    });
    // Nothing was decided by any of them.
    expect((await getCase(db, 'G-1')).items['birth-certificate']!.status).toBe('dispatched');
  });

  it('answers a txnId again with the same content from what it stored, and refuses other content with a 409 naming the field', async () => {
    const { db, clock, one, two } = await setup(kind);
    const decision = {
      txnId: 'hosp-7',
      caseId: 'G-1',
      item: 'birth-certificate',
      outcome: 'done',
      outputs: { certificateNumber: 'Q350000001' },
    };
    const body = JSON.stringify(decision);
    const first = await post(one.app, hospital('/api/gateway/decisions', body, clock.now()), body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ ok: true, replayed: false, status: 'done' });
    // The department re-sends it (a lost answer): the same content, freshly signed, on the other server.
    const resent = await post(two.app, hospital('/api/gateway/decisions', body, clock.now()), body);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ ok: true, replayed: true, status: 'done' });
    // Keys in another order are the same content.
    const reordered = JSON.stringify({
      outputs: decision.outputs,
      outcome: 'done',
      item: decision.item,
      caseId: 'G-1',
      txnId: 'hosp-7',
    });
    const again = await post(one.app, hospital('/api/gateway/decisions', reordered, clock.now()), reordered);
    expect(again.json()).toMatchObject({ replayed: true });
    for (const other of [
      { ...decision, outputs: { certificateNumber: 'Q350000002' } },
      {
        ...decision,
        outcome: 'rejected',
        outputs: undefined,
        reason: { zh: '材料不符', en: 'wrong papers' },
      },
    ]) {
      const text = JSON.stringify(other);
      const reused = await post(one.app, hospital('/api/gateway/decisions', text, clock.now()), text);
      expect(reused.statusCode).toBe(409);
      expect(reused.json().error).toMatchObject({
        code: 'CONFLICT',
        field: 'txnId',
        message: {
          zh: expect.stringMatching(/^交易号：hosp-7 已用于内容不同的决定/),
          en: expect.stringMatching(
            /^Transaction number: hosp-7 was already used for a decision with other content/,
          ),
        },
      });
    }
    const state = await getCase(db, 'G-1');
    expect(state.items['birth-certificate']).toMatchObject({
      status: 'done',
      outputs: { certificateNumber: 'Q350000001' },
    });
  });

  it('forgets nonces once their window has passed', async () => {
    const { db, clock, one } = await setup(kind);
    for (let i = 0; i < 3; i++) {
      const r = await one.app.inject({
        method: 'GET',
        url: '/api/gateway/tasks',
        headers: hospital('/api/gateway/tasks', '', clock.now()),
      });
      expect(r.statusCode).toBe(200);
    }
    const count = async () =>
      Number((await db.query<{ n: string }>('select count(*) as n from signed_request_nonces'))[0]!.n);
    expect(await count()).toBe(3);
    expect(await one.engine.sweeper.forgetExpiredNonces()).toBe(0);
    clock.advance(5 * 60_000 + 1);
    expect(await one.engine.sweeper.forgetExpiredNonces()).toBe(3);
    expect(await count()).toBe(0);
  });

  it('takes a payment notice once', async () => {
    const { clock, one } = await setup(kind);
    const body = JSON.stringify({
      orderId: 'no-such-order',
      caseId: 'G-1',
      item: 'insurance-enrollment',
      amountFen: 40000,
      paidAt: clock.now().toISOString(),
    });
    const headers = {
      ...signedHeaders({
        sender: 'payments-test',
        senderHeader: 'x-provider',
        key: 'test-key-payments',
        method: 'POST',
        path: '/api/payments/notify',
        body,
        at: clock.now(),
      }),
      'content-type': 'application/json',
    };
    const first = await one.app.inject({
      method: 'POST',
      url: '/api/payments/notify',
      headers,
      payload: body,
    });
    expect(first.statusCode).not.toBe(401);
    const again = await one.app.inject({
      method: 'POST',
      url: '/api/payments/notify',
      headers,
      payload: body,
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatchObject({ field: 'x-nonce' });
  });
});
