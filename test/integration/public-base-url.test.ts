import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { publicBaseUrlFromEnv } from '../../src/http/public-base-url.ts';
import { simulatedFaceVerifier } from '../../src/registries/face-verification.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * The receipt's QR code sends whoever scans it to the configured public address (PUBLIC_BASE_URL),
 * whatever Host or X-Forwarded-* headers the request that fetched the receipt carried.
 */
const PUBLIC = 'https://yjs.example.gov.cn/newborn';

for (const kind of DB_KINDS) {
  describe(`the receipt's verification address on ${kind}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await freshDb(kind);
    });
    afterAll(() => db?.close());

    it('comes from the configured public base URL; a forged Host header does not change it', async () => {
      const s = sampleSituation('zibo');
      const clock = fakeClock(new Date(new Date(s.baby.bornAt).getTime() + 2 * 86_400_000));
      const shared = simulatedRegistries();
      shared.load(s);
      const engine = testEngine({
        db,
        clock,
        calendar: officialCalendar(),
        shared,
        faces: simulatedFaceVerifier(async () => true),
        newCaseId: () => 'U-1',
        publicBaseUrl: PUBLIC,
      });
      await engine.parent.submit(
        'zibo',
        'public-url-1',
        await completeApplication(engine, 'zibo', {
          applicant: { role: 'mother', idNumber: s.mother.idNumber },
          motherIdNumber: s.mother.idNumber,
          baby: { surname: '王', givenName: '安' },
          choices: { followParent: 'father' },
        }),
      );
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
      const receipt = async (headers: Record<string, string>) => {
        const r = await app.inject({
          method: 'GET',
          url: '/api/citizen/cases/U-1/receipt',
          headers: { authorization: `Bearer dev:${s.mother.idNumber}`, ...headers },
        });
        expect(r.statusCode, r.body).toBe(200);
        return r.json() as { verifyUrl: string; qrSvg: string };
      };
      const honest = await receipt({});
      const forged = await receipt({
        host: 'phish.example.com',
        'x-forwarded-host': 'phish.example.com',
        'x-forwarded-proto': 'http',
      });
      expect(honest.verifyUrl.startsWith(`${PUBLIC}/verify/receipt?caseId=U-1&`)).toBe(true);
      expect(forged).toEqual(honest);
      // The QR code encodes exactly that address.
      expect(forged.qrSvg).toBe(
        await QRCode.toString(honest.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      );
      // The address opens the check on this service (behind its path prefix).
      const path = honest.verifyUrl.slice(PUBLIC.length);
      expect((await app.inject({ method: 'GET', url: path })).json()).toMatchObject({
        valid: true,
        caseId: 'U-1',
      });
      await app.close();
    });
  });
}

describe('PUBLIC_BASE_URL', () => {
  it('is required and https in production, optional in development, and takes no query', () => {
    expect(publicBaseUrlFromEnv({}, { production: false })).toBeNull();
    expect(() => publicBaseUrlFromEnv({}, { production: true })).toThrow(/PUBLIC_BASE_URL must be set/);
    expect(publicBaseUrlFromEnv({ PUBLIC_BASE_URL: `${PUBLIC}/` }, { production: true })).toBe(PUBLIC);
    expect(publicBaseUrlFromEnv({ PUBLIC_BASE_URL: 'http://192.168.1.20:3000' }, { production: false })).toBe(
      'http://192.168.1.20:3000',
    );
    expect(() =>
      publicBaseUrlFromEnv({ PUBLIC_BASE_URL: 'http://yjs.example' }, { production: true }),
    ).toThrow(/https/);
    expect(() => publicBaseUrlFromEnv({ PUBLIC_BASE_URL: `${PUBLIC}?x=1` }, { production: false })).toThrow(
      /no query/,
    );
    expect(() =>
      publicBaseUrlFromEnv({ PUBLIC_BASE_URL: 'yjs.example.gov.cn' }, { production: false }),
    ).toThrow(/not an address/);
  });
});
