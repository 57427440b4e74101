import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * Every answer carries the security headers; the policy allows scripts from this origin only (no
 * inline script, no eval), and in production adds HSTS and the upgrade to https. That the apps,
 * Swagger UI and PDF.js work under it is shown by the browser tests (staff, supervision, parents).
 */
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function app(production: boolean) {
  const db = await freshDb('pglite');
  closers.push(() => db.close());
  const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
  const engine = testEngine({ db, clock, shared: simulatedRegistries(), newCaseId: () => 'S-1' });
  const a = await buildApp({
    engine,
    clock,
    identity: identityProvider({ production }),
    gatewayKeys: {},
    dev: null,
    paymentKeys: {},
    settings: { nameMaxLength: 20 },
    production,
  });
  closers.push(() => a.close());
  return a;
}

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe('security headers', () => {
  it('sends the policy and the usual headers on the API, errors and the docs', async () => {
    const a = await app(false);
    for (const url of ['/api/config', '/api/citizen/cases', '/no/such/page', '/docs/static/index.html']) {
      const r = await a.inject({ method: 'GET', url });
      const csp = directives(String(r.headers['content-security-policy']));
      expect(csp['script-src'], url).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'self'"]);
      expect(csp['upgrade-insecure-requests']).toBeUndefined();
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('in production adds HSTS and the upgrade to https', async () => {
    const a = await app(true);
    const r = await a.inject({ method: 'GET', url: '/api/config' });
    expect(directives(String(r.headers['content-security-policy']))['upgrade-insecure-requests']).toEqual([]);
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
