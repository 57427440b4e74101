import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { gatewayClient, GatewayError } from '../../src/gateway-client/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { signedHeaders } from '../../src/http/gateway-signature.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { getCase, loadEvents } from '../../src/store/case-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * What production hears from outside instead of from the simulators, on both stores: the post's
 * tracking reports (POST /api/ems/tracking, signed with the carrier's key) move a parcel through the
 * same use case as the simulated post, once; a hospital's or the health commission's notice that
 * delivery records arrived (POST /api/gateway/delivery-records) invites each mother the registries
 * have a record for, once, and says "0" for anyone else. Unsigned, forged, replayed or wrongly
 * keyed requests are 401s.
 */
const GATEWAY_KEYS = {
  'midwifery-institution': 'k-hospital',
  'health-commission': 'k-health',
  police: 'k-police',
} as const;
const CARRIER_KEYS = { ems: 'k-ems' };
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
  const engine = testEngine({ db, clock, shared, newCaseId: () => `E-${++n}` });
  const app = await buildApp({
    engine,
    clock,
    identity: identityProvider({ production: false }),
    gatewayKeys: GATEWAY_KEYS,
    dev: null,
    paymentKeys: {},
    carrierKeys: CARRIER_KEYS,
    settings: { nameMaxLength: 20 },
    production: false,
  });
  closers.push(() => app.close());
  return { db, clock, engine, app, family: f };
}

/** A signed POST, as the sender's system sends it. */
function post(
  app: FastifyInstance,
  url: string,
  body: unknown,
  o: { sender: string; key: string; header: string; at: Date; nonce?: string },
) {
  const payload = JSON.stringify(body);
  return app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': 'application/json',
      ...signedHeaders({
        sender: o.sender,
        key: o.key,
        method: 'POST',
        path: url,
        body: payload,
        at: o.at,
        senderHeader: o.header,
        ...(o.nonce ? { nonce: o.nonce } : {}),
      }),
    },
  });
}

for (const kind of DB_KINDS) {
  describe(`the post's tracking reports on ${kind}`, () => {
    it('move the mailed certificate from shipped to delivered, once; unknown parcels are 404s and bad signatures 401s', async () => {
      const { db, clock, engine, app, family } = await setup(kind);
      const input = await completeApplication(engine, 'fujian', {
        applicant: { role: 'mother', idNumber: family.mother.idNumber },
        motherIdNumber: family.mother.idNumber,
        baby: { surname: '李', givenName: '安然' },
        choices: { followParent: 'father', delivery: { 'birth-certificate': 'mail' } },
      });
      await engine.parent.submit('fujian', 'txn-1', input);
      await engine.department.decide({
        txnId: 'bc-1',
        caseId: 'E-1',
        item: 'birth-certificate',
        department: 'midwifery-institution',
        outcome: 'done',
        outputs: { certificateNumber: 'Q350000001' },
      });
      const parcelId = 'E-1-birth-certificate-out';
      expect((await getCase(db, 'E-1')).items['birth-certificate']!.parcels).toMatchObject([
        { id: parcelId, status: 'shipped' },
      ]);
      const ems = { sender: 'ems', key: 'k-ems', header: 'x-carrier' };
      const report = (status: string, at: string, extra: Record<string, string> = {}) => ({
        parcelId,
        caseId: 'E-1',
        item: 'birth-certificate',
        parcelStatus: status,
        occurredAt: at,
        ...extra,
      });

      clock.set(new Date('2026-11-17T12:00:00+08:00'));
      const collected = await post(
        app,
        '/api/ems/tracking',
        report('collected', '2026-11-16T14:00:00+08:00', { waybill: 'E123456789CN' }),
        { ...ems, at: clock.now() },
      );
      expect(collected.statusCode).toBe(200);
      expect(collected.json()).toEqual({ parcelId, parcelStatus: 'collected', recorded: true });
      const delivered = report('delivered', '2026-11-17T11:30:00+08:00', { trackingNote: '本人签收' });
      expect((await post(app, '/api/ems/tracking', delivered, { ...ems, at: clock.now() })).json()).toEqual({
        parcelId,
        parcelStatus: 'delivered',
        recorded: true,
      });
      const state = await getCase(db, 'E-1');
      expect(state.items['birth-certificate']!.parcels[0]).toMatchObject({
        status: 'delivered',
        waybill: 'E123456789CN',
        tracking: [
          { status: 'shipped' },
          { status: 'collected', at: new Date('2026-11-16T14:00:00+08:00').toISOString() },
          { status: 'delivered', note: '本人签收' },
        ],
      });

      // The same report again (signed afresh): answered, nothing recorded.
      const events = (await loadEvents(db, 'E-1')).length;
      const again = await post(app, '/api/ems/tracking', delivered, { ...ems, at: clock.now() });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ recorded: false });
      expect((await loadEvents(db, 'E-1')).length).toBe(events);

      // No such parcel, in a case that exists or not: 404 naming the parcel in both languages.
      for (const body of [
        { ...delivered, parcelId: 'E-1-hukou-registration-out' },
        { ...delivered, caseId: 'NO-SUCH-CASE', parcelId: 'NO-SUCH-CASE-birth-certificate-out' },
        { ...delivered, item: 'hukou-registration' },
      ]) {
        const r = await post(app, '/api/ems/tracking', body, { ...ems, at: clock.now() });
        expect(r.statusCode).toBe(404);
        expect(r.json().error).toMatchObject({
          code: 'NOT_FOUND',
          field: 'parcelId',
          message: { zh: '邮件：没有这个邮件', en: 'Parcel: no such parcel' },
        });
      }
      // A status the post does not have, and a time still to come: 400s naming the field by its label.
      const bad = await post(
        app,
        '/api/ems/tracking',
        { ...delivered, parcelStatus: 'lost' },
        {
          ...ems,
          at: clock.now(),
        },
      );
      expect(bad.statusCode).toBe(400);
      expect(JSON.stringify(bad.json())).toContain('邮件状态');
      const future = await post(
        app,
        '/api/ems/tracking',
        { ...delivered, occurredAt: '2026-11-18T12:00:00+08:00' },
        { ...ems, at: clock.now() },
      );
      expect(future.statusCode).toBe(400);
      expect(future.json().error).toMatchObject({
        field: 'occurredAt',
        message: { zh: expect.stringContaining('发生时间'), en: expect.stringContaining('Time it happened') },
      });

      // Refused signatures: another key, a department's key, no headers, a replayed nonce.
      const refused = [
        await post(app, '/api/ems/tracking', delivered, { ...ems, key: 'k-hospital', at: clock.now() }),
        await post(app, '/api/ems/tracking', delivered, {
          sender: 'midwifery-institution',
          key: 'k-hospital',
          header: 'x-department',
          at: clock.now(),
        }),
        await app.inject({ method: 'POST', url: '/api/ems/tracking', payload: delivered }),
        await post(app, '/api/ems/tracking', delivered, {
          ...ems,
          at: new Date(clock.now().getTime() - 10 * 60_000),
        }),
      ];
      const nonce = 'replayed-nonce-0123456789';
      expect(
        (await post(app, '/api/ems/tracking', delivered, { ...ems, at: clock.now(), nonce })).statusCode,
      ).toBe(200);
      refused.push(await post(app, '/api/ems/tracking', delivered, { ...ems, at: clock.now(), nonce }));
      expect(refused.map((r) => [r.statusCode, r.json().error.code])).toEqual(
        refused.map(() => [401, 'UNAUTHORIZED']),
      );
      expect(refused.map((r) => r.json().error.field)).toEqual([
        'x-signature',
        'x-carrier',
        'x-carrier',
        'x-timestamp',
        'x-nonce',
      ]);
    });
  });

  describe(`delivery records arriving on ${kind}`, () => {
    it('invite each mother the registries have a record for, once; others are 0, not an error; only the hospital and health commission may say so', async () => {
      const { db, clock, app, family } = await setup(kind);
      const mother = family.mother.idNumber;
      const stranger = makeCitizenId('110105', '1990-01-01', 155);
      const father = family.father!.idNumber;
      const hospital = { sender: 'midwifery-institution', key: 'k-hospital', header: 'x-department' };
      const url = '/api/gateway/delivery-records';

      const first = await post(
        app,
        url,
        { motherIdNumbers: [mother, stranger, father, mother.toLowerCase()] },
        { ...hospital, at: clock.now() },
      );
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({
        invited: 1,
        mothers: [
          { motherIdNumber: mother, invited: 1 },
          { motherIdNumber: stranger, invited: 0 },
          { motherIdNumber: father, invited: 0 },
        ],
      });
      const invitations = await db.query<{ recipient_id_number: string }>(
        `select recipient_id_number from notifications where template = 'proactive-invitation'`,
      );
      expect(invitations.map((r) => r.recipient_id_number)).toEqual([db.personal.index(mother)]);
      expect(
        await db.query(
          `select 1 from outbox where kind = 'notify' and topic = 'sms' and idempotency_key like 'sms:proactive:%'`,
        ),
      ).toHaveLength(1);

      // The health commission says the same again: nobody is invited twice.
      const health = gatewayClient({
        baseUrl: 'http://platform.invalid',
        department: 'health-commission',
        key: 'k-health',
        clock,
        fetch: injectFetch(app),
      });
      expect(await health.deliveryRecords([mother])).toEqual({
        invited: 0,
        mothers: [{ motherIdNumber: mother, invited: 0 }],
      });
      expect(
        await db.query(`select 1 from notifications where template = 'proactive-invitation'`),
      ).toHaveLength(1);

      // Not the police's to say; another key, no signature, a malformed ID number.
      const police = gatewayClient({
        baseUrl: 'http://platform.invalid',
        department: 'police',
        key: 'k-police',
        clock,
        fetch: injectFetch(app),
        attempts: 1,
      });
      await expect(police.deliveryRecords([mother])).rejects.toMatchObject({
        status: 401,
        field: 'x-department',
      });
      const forged = await post(
        app,
        url,
        { motherIdNumbers: [mother] },
        {
          ...hospital,
          key: 'k-health',
          at: clock.now(),
        },
      );
      expect([forged.statusCode, forged.json().error.field]).toEqual([401, 'x-signature']);
      const unsigned = await app.inject({ method: 'POST', url, payload: { motherIdNumbers: [mother] } });
      expect(unsigned.statusCode).toBe(401);
      const malformed = await post(
        app,
        url,
        { motherIdNumbers: ['35058319950308124X'] },
        {
          ...hospital,
          at: clock.now(),
        },
      );
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.issues[0]).toMatchObject({
        field: 'body.motherIdNumbers.0',
        message: {
          zh: expect.stringContaining('母亲身份证号'),
          en: expect.stringContaining("Mothers' ID numbers"),
        },
      });
      await expect(health.deliveryRecords([])).rejects.toBeInstanceOf(GatewayError);
    });
  });
}

/** The reference client's requests, answered by the app in process. */
function injectFetch(app: FastifyInstance): typeof fetch {
  return (async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(String(input));
    const r = await app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: `${url.pathname}${url.search}`,
      headers: init?.headers as Record<string, string>,
      ...(init?.body ? { payload: String(init.body) } : {}),
    });
    return new Response(r.body, { status: r.statusCode, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}
