import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fakeClock } from '../../src/domain/clock.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { oidcClient, oidcSettingsFromEnv } from '../../src/http/oidc.ts';
import { derivedOperationId, enforceContract } from '../../src/http/openapi.ts';
import { sessionTokens } from '../../src/http/sessions.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * The OpenAPI document is the contract: generated from the routes, linted by Redocly's recommended
 * ruleset (redocly.yaml), complete for every operation, and enforced at run time.
 */
type Operation = {
  operationId: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }> }>;
};
const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
let db: Db;
let doc: {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { description?: string }> };
};
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

beforeAll(async () => {
  db = await freshDb('pglite');
  const shared = simulatedRegistries();
  const engine = testEngine({ db, clock, shared, newCaseId: () => 'C-1' });
  // Every route registered: the development API and the unified-identity login (never reached here).
  const settings = oidcSettingsFromEnv(
    {
      OIDC_ISSUER: 'https://id.example.gov.cn',
      OIDC_CLIENT_ID: 'onething',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URI: 'https://onething.example.gov.cn/api/auth/oidc/callback',
      OIDC_ID_CLAIM: 'id_card_number',
    },
    { production: false },
  )!;
  const sessions = sessionTokens('session-key', clock);
  const app = await buildApp({
    engine,
    clock,
    identity: identityProvider({ production: false, sessions, oidc: true }),
    gatewayKeys: { police: 'k' },
    dev: { registries: shared, payments: engine.cashier },
    paymentKeys: { 'payments-test': 'k' },
    settings: { nameMaxLength: 20 },
    production: false,
    oidc: {
      client: oidcClient(settings),
      sessions,
      sessionKey: 'session-key',
      redirectUri: settings.redirectUri,
      secureCookie: true,
    },
  });
  doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
  await app.close();
});
afterAll(async () => db.close());

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended ruleset with no error and no warning', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = await promisify(execFile)(
      'npx',
      ['redocly', 'lint', '--config', 'redocly.yaml', '--format', 'json', '--max-problems', '50', file],
      { cwd: process.cwd(), maxBuffer: 20_000_000 },
    ).catch((e: { stdout: string; code: number }) => e);
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number } };
    expect(report.totals, run.stdout.slice(0, 4000)).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  }, 180_000);

  it('names every operation itself, and says who may call it', () => {
    const derived = operations().filter(
      ({ path, method, op }) => op.operationId === derivedOperationId(method, path),
    );
    expect(derived.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    for (const { path, method, op } of operations()) expect(op.security, `${method} ${path}`).toBeDefined();
    const publicOps = operations()
      .filter(({ op }) => op.security!.length === 0)
      .map(({ op }) => op.operationId);
    expect(publicOps).toEqual(
      expect.arrayContaining([
        'verifyReceipt',
        'listRegions',
        'getRegionPolicy',
        'getConfig',
        'getLoginConfig',
      ]),
    );
    expect(doc.paths['/api/gateway/decisions']!.post!.security).toEqual([
      { department: [], timestamp: [], nonce: [], signature: [] },
    ]);
    expect(doc.paths['/api/supervision/regions/{region}/dashboard']!.get!.security).toEqual([
      { supervisor: [] },
    ]);
    expect(doc.components.securitySchemes.signature!.description).toContain(
      'METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY',
    );
  });

  it('gives every operation its answers, errors in the one shape, and an example of each', () => {
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`;
      const codes = Object.keys(op.responses);
      expect(
        codes.some((c) => /^[23]/.test(c)),
        where,
      ).toBe(true);
      expect(codes.filter((c) => /^[45]/.test(c)).length, where).toBeGreaterThan(0);
      for (const code of codes.filter((c) => /^[45]/.test(c)))
        expect(op.responses[code]!.content!['application/json']!.schema, `${where} ${code}`).toEqual({
          $ref: '#/components/schemas/Error',
        });
      for (const [code, r] of Object.entries(op.responses))
        for (const [type, media] of Object.entries(r.content ?? {}))
          expect(media.example, `${where} ${code} ${type}`).not.toBeUndefined();
    }
  });

  it('says which answers are PDF, CSV or a live stream', () => {
    const types = (path: string, method = 'get') =>
      Object.keys(doc.paths[path]![method]!.responses['200']!.content!);
    expect(types('/api/citizen/cases/{caseId}/application.pdf')).toEqual(['application/pdf']);
    expect(types('/api/staff/counterfoil/batches/{id}/sheet.pdf')).toEqual(['application/pdf']);
    expect(types('/api/supervision/regions/{region}/reports/{month}.pdf')).toEqual(['application/pdf']);
    expect(types('/api/supervision/regions/{region}/tables/{table}.csv')).toEqual(['text/csv']);
    expect(types('/api/citizen/cases/{caseId}/live')).toEqual(['text/event-stream']);
    expect(types('/verify/receipt')).toEqual(['application/json', 'text/html']);
  });
});

describe('the contract at run time', () => {
  async function appWith(production: boolean) {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    enforceContract(app, production);
    app.get(
      '/thing',
      { schema: { operationId: 'getThing', response: { 200: z.object({ a: z.number() }) } } },
      // The handler answers more than the schema declares: the drift the contract must catch.
      async () => ({ a: 1, b: 2 }) as { a: number },
    );
    return app;
  }

  it('refuses, outside production, an answer with a field the document does not declare', async () => {
    const app = await appWith(false);
    const r = await app.inject({ method: 'GET', url: '/thing' });
    expect(r.statusCode).toBe(500);
    await app.close();
  });

  it('in production sends the whole answer rather than cut what the apps rely on', async () => {
    const app = await appWith(true);
    const r = await app.inject({ method: 'GET', url: '/thing' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ a: 1, b: 2 });
    await app.close();
  });
});
