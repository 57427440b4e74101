import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import type { RateLimits } from '../../src/http/rate-limits.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * The limits answer: per address and per login, a 429 in the one error shape with Retry-After once
 * a limit is reached; and an applicant's uploads for one application stop at the quota, naming
 * the field. Low limits here, so each is reached in a few requests.
 */
const LOW: RateLimits = {
  windowMs: 60_000,
  login: { perIp: 3 },
  evaluate: { perIp: 5, perUser: 3 },
  uploads: { perIp: 50, perUser: 50 },
  receipt: { perIp: 2 },
};
const PNG = (n: number) => {
  // A distinct PNG each time (the same file again would be the same upload).
  const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(100_000, n)]);
  return `data:image/png;base64,${bytes.toString('base64')}`;
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup(kind: 'pglite' | 'postgres', uploadQuota?: { files: number; bytes: number }) {
  const db = await freshDb(kind);
  closers.push(() => db.close());
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const shared = simulatedRegistries();
  const f = structuredClone(sampleSituation('fujian'));
  f.baby.bornAt = '2026-11-14T08:00:00+08:00';
  shared.load(f);
  let n = 0;
  const engine = testEngine({
    db,
    clock,
    shared,
    newCaseId: () => `R-${++n}`,
    ...(uploadQuota ? { settings: { uploadQuota } } : {}),
  });
  const app = await buildApp({
    engine,
    clock,
    identity: identityProvider({ production: false }),
    gatewayKeys: {},
    dev: { registries: shared, payments: engine.cashier },
    paymentKeys: {},
    settings: { nameMaxLength: 20 },
    production: false,
    rateLimits: LOW,
    trustProxy: ['127.0.0.1'],
  });
  closers.push(() => app.close());
  return { app, f };
}

const tooMany = {
  code: 'TOO_MANY_REQUESTS',
  message: {
    zh: expect.stringMatching(/^请求过于频繁，请 \d+ 秒后再试$/),
    en: expect.stringMatching(/^too many requests; try again in \d+ s$/),
  },
  retryAfterSeconds: expect.any(Number),
};

describe('rate limits', () => {
  it('evaluate: per login, then per address, each a 429 with Retry-After in both languages', async () => {
    const { app, f } = await setup('pglite');
    const evaluate = (who: string, ip = '198.51.100.7') =>
      app.inject({
        method: 'POST',
        url: '/api/citizen/evaluate',
        headers: { authorization: `Bearer dev:${who}`, 'x-forwarded-for': ip },
        payload: {
          region: 'fujian',
          application: {
            applicantRole: 'mother',
            motherIdNumber: f.mother.idNumber,
            baby: { surname: '李', givenName: '安然' },
            choices: { followParent: 'father' },
          },
        },
      });
    for (let i = 0; i < 3; i++) expect((await evaluate(f.mother.idNumber)).statusCode).toBe(200);
    const fourth = await evaluate(f.mother.idNumber);
    expect(fourth.statusCode).toBe(429);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(fourth.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(fourth.json().error).toMatchObject(tooMany);
    // The same person from another address is still over their own limit.
    expect((await evaluate(f.mother.idNumber, '203.0.113.9')).statusCode).toBe(429);
    // Another person from the first address: the address has 1 left (4 counted of 5), then 429.
    expect((await evaluate(f.father!.idNumber)).statusCode).not.toBe(429);
    expect((await evaluate(f.father!.idNumber)).statusCode).toBe(429);
    // Forged logins count against the address too.
    expect((await evaluate('forged', '192.0.2.1')).statusCode).toBe(401);
  });

  it('the receipt check and the login are limited per address', async () => {
    const { app } = await setup('pglite');
    const receipt = (ip: string) =>
      app.inject({
        method: 'GET',
        url: '/verify/receipt?caseId=C1&submittedAt=2026-11-16T00:00:00Z&formDigest=00&token=00',
        headers: { 'x-forwarded-for': ip },
      });
    expect((await receipt('198.51.100.1')).statusCode).toBe(200);
    expect((await receipt('198.51.100.1')).statusCode).toBe(200);
    const third = await receipt('198.51.100.1');
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();
    expect(third.json().error).toMatchObject(tooMany);
    expect((await receipt('198.51.100.2')).statusCode).toBe(200);
    const login = () =>
      app.inject({ method: 'GET', url: '/api/dev/parents', headers: { 'x-forwarded-for': '198.51.100.3' } });
    for (let i = 0; i < 3; i++) expect((await login()).statusCode).toBe(200);
    expect((await login()).json().error).toMatchObject(tooMany);
  });

  it('documents the 429 on the limited operations', async () => {
    const { app } = await setup('pglite');
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.paths['/api/citizen/evaluate'].post.responses['429']).toBeDefined();
    expect(doc.paths['/verify/receipt'].get.responses['429']).toBeDefined();
    expect(doc.paths['/api/citizen/cases'].get.responses['429']).toBeUndefined();
  });
});

describe.each(DB_KINDS)('the upload quota (%s)', (kind) => {
  it("stops an applicant's uploads for one application at the quota, naming the field in both languages", async () => {
    const { app, f } = await setup(kind, { files: 3, bytes: 250_000 });
    const upload = (who: string, n: number) =>
      app.inject({
        method: 'POST',
        url: '/api/citizen/uploads',
        headers: { authorization: `Bearer dev:${who}` },
        payload: { material: 'birth-medical-certificate', dataUrl: PNG(n) },
      });
    expect((await upload(f.mother.idNumber, 1)).statusCode).toBe(201);
    expect((await upload(f.mother.idNumber, 2)).statusCode).toBe(201);
    // 200 kB stored: a third file would pass the bytes.
    const third = await upload(f.mother.idNumber, 3);
    expect(third.statusCode).toBe(413);
    expect(third.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      field: 'dataUrl',
      message: {
        zh: expect.stringMatching(/^上传的文件：本次申请已上传 2 个文件.*最多 3 个、共 0\.3 MB/),
        en: expect.stringMatching(/^Uploaded file: this application has 2 files uploaded.*at most 3 files/),
      },
    });
    // Another applicant has a quota of their own.
    expect((await upload(f.father!.idNumber, 4)).statusCode).toBe(201);
  });
});
