import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * No oracle: a logged-in parent who types someone else's ID number as the mother's learns nothing
 * from the answer. A number nobody holds and a registered mother of another family (a stranger to
 * the one asking) get the same status, code, field and message, from every route that pre-reviews.
 */
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function setup(kind: 'pglite' | 'postgres') {
  const db = await freshDb(kind);
  closers.push(() => db.close());
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const shared = simulatedRegistries();
  // The one asking: a parent of their own family. The stranger: a mother of another, with twins.
  const mine = structuredClone(sampleSituation('fujian'));
  mine.baby.bornAt = '2026-11-14T08:00:00+08:00';
  shared.load(mine);
  const theirs = structuredClone(sampleSituation('fujian'));
  theirs.mother.idNumber = makeCitizenId('350583', '1994-02-03', 222);
  theirs.father!.idNumber = makeCitizenId('350583', '1992-04-05', 111);
  theirs.marriage!.wifeIdNumber = theirs.mother.idNumber;
  theirs.marriage!.husbandIdNumber = theirs.father!.idNumber;
  theirs.deliveryRecord = { ...theirs.deliveryRecord!, motherIdNumber: theirs.mother.idNumber };
  theirs.baby.bornAt = '2026-11-13T08:00:00+08:00';
  theirs.siblings = [{ birthOrder: 2, sex: 'female', bornAt: '2026-11-13T08:12:00+08:00' }];
  shared.load(theirs);
  expect(await shared.person(theirs.mother.idNumber)).not.toBeNull();
  const unknown = makeCitizenId('350583', '1993-07-08', 333);
  expect(await shared.person(unknown)).toBeNull();
  let n = 0;
  const engine = testEngine({ db, clock, shared, newCaseId: () => `O-${++n}` });
  const app = await buildApp({
    engine,
    clock,
    identity: identityProvider({ production: false }),
    gatewayKeys: {},
    dev: null,
    paymentKeys: {},
    settings: { nameMaxLength: 20 },
    production: false,
  });
  closers.push(() => app.close());
  return { app, mine, stranger: theirs.mother.idNumber, strangersHusband: theirs.father!.idNumber, unknown };
}

/** What a route answers about a mother's number: everything a caller could tell apart. */
async function answer(
  app: FastifyInstance,
  login: string,
  route: { url: string; extra?: Record<string, unknown> },
  motherIdNumber: string,
  o: { role?: 'mother' | 'father'; birthOrder?: number } = {},
) {
  const r = await app.inject({
    method: 'POST',
    url: route.url,
    headers: { authorization: `Bearer dev:${login}` },
    payload: {
      region: 'fujian',
      ...route.extra,
      application: {
        applicantRole: o.role ?? 'father',
        motherIdNumber,
        baby: { surname: '李', givenName: '安然', ...(o.birthOrder ? { birthOrder: o.birthOrder } : {}) },
        choices: { followParent: 'father' },
        ...(route.url.endsWith('/cases') ? { signature: { formDigest: 'a'.repeat(64), imagePng: PNG } } : {}),
      },
    },
  });
  return { status: r.statusCode, body: r.json() as unknown };
}

const ROUTES = [
  { url: '/api/citizen/evaluate' },
  { url: '/api/citizen/application-form.pdf' },
  { url: '/api/citizen/invitations' },
  { url: '/api/citizen/cases', extra: { clientTxnId: 'oracle-0001' } },
];

describe.each(DB_KINDS)('no oracle of who is registered (%s)', (kind) => {
  it('answers an unknown number and a stranger the same, on every route that pre-reviews', async () => {
    const { app, mine, stranger, strangersHusband, unknown } = await setup(kind);
    const me = mine.father!.idNumber;
    for (const route of ROUTES) {
      const ofUnknown = await answer(app, me, route, unknown);
      expect(ofUnknown.status, route.url).toBe(404);
      expect(ofUnknown.body).toMatchObject({
        error: {
          code: 'NOT_FOUND',
          field: 'motherIdNumber',
          message: {
            zh: expect.stringMatching(/^母亲身份证号：/),
            en: expect.stringMatching(/^Mother's ID number: /),
          },
        },
      });
      // The same for a registered mother, whatever role is claimed or baby asked for (she has twins:
      // a third baby would have been "only 2 babies" had her family been told).
      for (const o of [{}, { role: 'mother' as const }, { birthOrder: 3 }, { birthOrder: 2 }]) {
        expect(await answer(app, me, route, stranger, o), `${route.url} ${JSON.stringify(o)}`).toEqual(
          ofUnknown,
        );
      }
      // Her husband, logged in, claiming to be the mother: the same again.
      expect(await answer(app, strangersHusband, route, unknown, { role: 'mother' })).toEqual(ofUnknown);
    }
    // The family's own parent still gets a pre-review.
    const own = await answer(app, me, ROUTES[0]!, mine.mother.idNumber);
    expect(own.status).toBe(200);
  });
});
