import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import { AppError } from '../../src/domain/error.ts';
import type { OperationName } from '../../src/registries/contract.ts';
import { DEFAULT_ABSENT_ID, PIXEL_PNG } from '../../src/registries/conformance.ts';
import { httpRegistries, type HttpRegistriesOptions } from '../../src/registries/http-registries.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { referenceServer, type Fault } from '../../src/registries/reference-server.ts';
import { simulatedFaceVerifier } from '../../src/registries/face-verification.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';

/**
 * The HTTP client of the shared-data registries against the reference server over a real socket:
 * the same answers as the registries behind it, and what it does when the platform is slow, fails
 * or answers outside the contract (timeouts, repeats of lookups only, the breaker, refusals).
 */
const TOKEN = 'test-token';
const registries = simulatedRegistries();
const family = registries.load(sampleSituation('fujian'));
const mother = family.mother.idNumber;
let app: FastifyInstance;
let url: string;
/** Faults to serve, in order, per operation; then answers as usual. */
let faults: Partial<Record<OperationName, Fault[]>> = {};
let calls: OperationName[] = [];

beforeAll(async () => {
  app = await referenceServer({
    registries,
    faces: simulatedFaceVerifier(async (id) => (await registries.person(id)) !== null),
    token: TOKEN,
    fault: (op) => {
      calls.push(op);
      return faults[op]?.shift() ?? null;
    },
  });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => app.close());
beforeEach(() => {
  faults = {};
  calls = [];
});

const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
const client = (o: Partial<HttpRegistriesOptions> = {}) =>
  httpRegistries({ baseUrl: url, token: TOKEN, clock, backoffMs: 10, ...o });

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('the registries client against the reference server', () => {
  it('answers what the registries behind the server hold, for every lookup and the face check', async () => {
    const c = client();
    expect(await c.person(mother)).toEqual(await registries.person(mother));
    expect(await c.marriageOf(mother)).toEqual(await registries.marriageOf(mother));
    expect(await c.deliveryRecordOf(mother)).toEqual(await registries.deliveryRecordOf(mother));
    expect(await c.eLicensesOf(mother)).toEqual(await registries.eLicensesOf(mother));
    expect(await c.maternityInsuranceOf(mother)).toEqual(await registries.maternityInsuranceOf(mother));
    expect(await c.babyRecordsOf(mother, 1)).toEqual(await registries.babyRecordsOf(mother, 1));
    expect(await c.verify(mother, Buffer.from(PIXEL_PNG, 'base64'))).toEqual({ verified: true, score: 0.97 });
    expect(await c.person(DEFAULT_ABSENT_ID)).toBeNull();
    expect(c.breaker.state).toBe('closed');
  });

  it('gives up on a slow answer after its timeout and repeats the lookup, then says the registry is unavailable', async () => {
    // The server would answer after 3 s; the client stops waiting after 100 ms each time (a margin
    // wide enough for a loaded machine: the point is that it does not wait for the answer).
    faults.person = [
      { kind: 'delay', ms: 3000 },
      { kind: 'delay', ms: 3000 },
    ];
    const started = performance.now();
    const e = await failure(client({ timeoutMs: 100, retries: 1 }).person(mother));
    expect(performance.now() - started).toBeLessThan(2500);
    expect(calls).toEqual(['person', 'person']);
    expect(e.code).toBe('REGISTRY_UNAVAILABLE');
    expect(e.httpStatus).toBe(503);
    expect(e.details).toMatchObject({ operation: 'lookUpPerson', reason: 'timeout' });
    expect(e.messages.zh).toBe('共享数据平台（户籍信息）暂时无法查询，请稍后再试');
    expect(e.messages.en).toBe(
      'the shared-data platform (hukou registry) cannot be reached now; please try again later',
    );
  });

  it('repeats a lookup after 503 and 429 and takes the answer that comes', async () => {
    faults.marriage = [
      { kind: 'status', status: 503 },
      { kind: 'status', status: 429 },
    ];
    expect(await client().marriageOf(mother)).toEqual(family.marriage);
    expect(calls).toEqual(['marriage', 'marriage', 'marriage']);
  });

  it('stops after its retries, and never repeats a refusal of the question or the face comparison', async () => {
    faults.eLicences = [1, 2, 3].map(() => ({ kind: 'status', status: 502 }) as const);
    const e = await failure(client({ retries: 2 }).eLicensesOf(mother));
    expect(e.details).toMatchObject({ reason: 'http-502' });
    expect(calls).toHaveLength(3);

    calls = [];
    faults.person = [{ kind: 'status', status: 400 }];
    expect((await failure(client().person(mother))).details.reason).toBe('http-400');
    faults.faceVerification = [{ kind: 'status', status: 503 }];
    expect((await failure(client().verify(mother, Buffer.from(PIXEL_PNG, 'base64')))).code).toBe(
      'REGISTRY_UNAVAILABLE',
    );
    expect(calls).toEqual(['person', 'faceVerification']);
  });

  it('refuses an answer outside the contract with a clear error, and does not repeat it', async () => {
    faults.person = [{ kind: 'bad-answer', body: { person: { name: '', idNumber: '123' } } }];
    const e = await failure(client().person(mother));
    expect(e.details.reason).toBe('bad-answer');
    expect(e.details.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^person\.name: /),
        expect.stringMatching(/^person\.idNumber: /),
        expect.stringMatching(/^person\.ethnicity: /),
      ]),
    );
    expect(e.messages.zh).toBe('共享数据平台（户籍信息）返回的数据不符合接口规范，暂时无法预审，请稍后再试');
    expect(e.messages.en).toContain('answered outside its contract');
    faults.deliveryRecord = [{ kind: 'not-json' }];
    const html = await failure(client().deliveryRecordOf(mother));
    expect(html.details).toMatchObject({ reason: 'bad-answer', detail: expect.stringMatching(/^not JSON/) });
    expect(calls).toEqual(['person', 'deliveryRecord']);
  });

  it('says the registry is unavailable when the token is wrong', async () => {
    const e = await failure(client({ token: 'wrong' }).person(mother));
    expect(e.details).toMatchObject({ reason: 'http-401' });
  });
});

describe('the circuit breaker', () => {
  it('opens after failures in a row, answers at once without asking while open, and closes after a good trial', async () => {
    const c = client({ retries: 0, breaker: { failureThreshold: 2, openMs: 30_000 } });
    faults.person = [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
    ];
    await failure(c.person(mother));
    expect(c.breaker.state).toBe('closed');
    await failure(c.person(mother));
    expect(c.breaker.state).toBe('open');
    expect(calls).toHaveLength(2);

    // Open: nobody waits for the platform, and it is not asked.
    const e = await failure(c.marriageOf(mother));
    expect(e.details).toMatchObject({ operation: 'lookUpMarriage', reason: 'circuit-open' });
    expect(e.messages.zh).toBe('共享数据平台（婚姻登记信息）暂时无法查询，请稍后再试');
    expect(calls).toHaveLength(2);

    // After openMs one trial goes out; it fails, so the breaker opens again.
    clock.advance(30_000);
    expect(c.breaker.state).toBe('half-open');
    faults.person = [{ kind: 'status', status: 503 }];
    await failure(c.person(mother));
    expect(c.breaker.state).toBe('open');
    expect(calls).toHaveLength(3);

    // The next trial succeeds: closed, and calls flow again.
    clock.advance(30_000);
    expect(await c.person(mother)).toEqual(family.mother);
    expect(c.breaker.state).toBe('closed');
    expect(await c.marriageOf(mother)).toEqual(family.marriage);
  });

  it('lets only one trial through while half-open', async () => {
    const c = client({ retries: 0, breaker: { failureThreshold: 1, openMs: 1000 } });
    faults.person = [{ kind: 'status', status: 500 }];
    await failure(c.person(mother));
    clock.advance(1000);
    faults.person = [{ kind: 'delay', ms: 100 }];
    const [trial, other] = await Promise.allSettled([c.person(mother), c.person(mother)]);
    expect(trial.status).toBe('fulfilled');
    expect(other.status === 'rejected' && (other.reason as AppError).details.reason).toBe('circuit-open');
    expect(c.breaker.state).toBe('closed');
  });

  it('does not count a refused question against the platform', async () => {
    const c = client({ retries: 0, breaker: { failureThreshold: 1, openMs: 1000 } });
    faults.person = [{ kind: 'status', status: 400 }];
    await failure(c.person(mother));
    expect(c.breaker.state).toBe('closed');
  });
});
