import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import { testEngine } from '../support/engine.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { oidcClient } from '../../src/http/oidc.ts';
import { sessionTokens } from '../../src/http/sessions.ts';
import { simulatedFaceVerifier } from '../../src/registries/face-verification.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { freshDb } from '../support/databases.ts';
import { demoOrganisations } from '../../src/registries/demo-organisations.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';

/**
 * The unified-identity login against an OpenID provider on loopback. The provider here is the
 * test's own, small but strict: it checks the client secret, the redirect URI and the PKCE
 * verifier, and signs RS256 ID tokens carrying the nonce and the citizen ID number.
 */
const family = sampleSituation('fujian');
let issuer: Server;
let issuerUrl: string;
let db: Db;
const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; sub: string }>();
let loginAs = family.mother.idNumber;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  issuer = createServer(async (req, res) => {
    const url = new URL(req.url!, issuerUrl);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: issuerUrl,
        authorization_endpoint: `${issuerUrl}/authorize`,
        token_endpoint: `${issuerUrl}/token`,
        jwks_uri: `${issuerUrl}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      // The citizen logs in at the identity service (here: at once) and is sent back with a code.
      const code = randomUUID();
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge')!,
        nonce: url.searchParams.get('nonce')!,
        redirectUri: url.searchParams.get('redirect_uri')!,
        sub: loginAs,
      });
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state')!);
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      // client_secret_basic or client_secret_post, as the client prefers.
      const [id, secret] = req.headers.authorization
        ? Buffer.from(req.headers.authorization.replace(/^Basic /, ''), 'base64')
            .toString()
            .split(':')
            .map(decodeURIComponent)
        : [form.get('client_id'), form.get('client_secret')];
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (
        id !== 'onething' ||
        secret !== 's3cret' ||
        !grant ||
        grant.challenge !== challenge ||
        grant.redirectUri !== form.get('redirect_uri')
      )
        return json(400, { error: 'invalid_grant' });
      const idToken = await new SignJWT({ nonce: grant.nonce, id_card_number: grant.sub })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuerUrl)
        .setAudience('onething')
        .setSubject(`u-${grant.sub}`)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return json(200, {
        access_token: randomUUID(),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
  issuerUrl = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`;
  db = await freshDb('pglite');
});
afterAll(async () => {
  issuer.close();
  await db?.close();
});

async function appWithOidc() {
  const clock = fakeClock(new Date());
  const shared = simulatedRegistries();
  shared.load(family);
  const engine = testEngine({
    db,
    clock,
    calendar: officialCalendar(),
    shared,
    faces: simulatedFaceVerifier(async () => true),
    newCaseId: () => 'O-1',
  });
  const redirectUri = 'http://onething.test/api/auth/oidc/callback';
  const sessions = sessionTokens('session-key', clock);
  const client = oidcClient({
    issuer: issuerUrl,
    clientId: 'onething',
    clientSecret: 's3cret',
    redirectUri,
    idClaim: 'id_card_number',
  });
  return buildApp({
    engine,
    clock,
    identity: identityProvider({ production: true, sessions, oidc: true }),
    gatewayKeys: {},
    dev: null,
    paymentKeys: {},
    settings: { nameMaxLength: 20 },
    production: true,
    oidc: { client, sessions, sessionKey: 'session-key', redirectUri, secureCookie: false },
  });
}

/** The browser's part: follow the redirect to the identity service and back, carrying the cookie. */
async function logIn(app: Awaited<ReturnType<typeof appWithOidc>>, query = '') {
  const start = await app.inject({ method: 'GET', url: `/api/auth/oidc/login${query}` });
  expect(start.statusCode).toBe(302);
  const cookie = String(start.headers['set-cookie']).split(';')[0]!;
  const atIssuer = await fetch(start.headers.location as string, { redirect: 'manual' });
  const back = new URL(atIssuer.headers.get('location')!);
  return { cookie, back };
}

describe('unified-identity (OIDC) login', () => {
  it('logs a parent in through the identity service with PKCE, and the session works on the API; the dev login is off in production', async () => {
    const app = await appWithOidc();
    expect((await app.inject({ method: 'GET', url: '/api/auth/config' })).json()).toEqual({
      providers: ['oidc'],
      oidcLoginUrl: '/api/auth/oidc/login',
    });
    const { cookie, back } = await logIn(app);
    const done = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie },
    });
    expect(done.statusCode).toBe(302);
    const token = decodeURIComponent(/token=([^&]+)/.exec(done.headers.location as string)![1]!);
    const me = await app.inject({
      method: 'GET',
      url: '/api/citizen/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({ role: 'mother', person: { idNumber: family.mother.idNumber } });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/citizen/me',
          headers: { authorization: `Bearer ${token.slice(0, -2)}xx` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/citizen/me',
          headers: { authorization: `Bearer dev:${family.mother.idNumber}` },
        })
      ).statusCode,
    ).toBe(401);
    await app.close();
  });

  it('logs a member of staff into their staff account through the same identity service; a person without one is refused', async () => {
    const app = await appWithOidc();
    const [org] = demoOrganisations('fujian');
    await upsertOrganisations(db, [org!]);
    const officer = family.father!.idNumber;
    await upsertStaff(db, [
      { id: 'oidc-clerk', name: '王警官', organisationId: org!.id, role: 'clerk', loginIdNumber: officer },
    ]);
    const finish = async (who: string) => {
      loginAs = who;
      const { cookie, back } = await logIn(app, '?for=staff');
      return app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie } });
    };
    try {
      const done = await finish(officer);
      expect(done.statusCode).toBe(302);
      expect(done.headers.location).toMatch(/^\/staff\/#\/auth\?token=/);
      const token = decodeURIComponent(/token=([^&]+)/.exec(done.headers.location as string)![1]!);
      const as = (url: string) =>
        app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      expect((await as('/api/staff/me')).json()).toMatchObject({
        staff: { id: 'oidc-clerk' },
        organisation: { id: org!.id },
      });
      // A staff session is not a parent's, and a parent's is not staff.
      expect((await as('/api/citizen/me')).statusCode).toBe(401);
      const refused = await finish(family.mother.idNumber);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.message.zh).toContain('统一身份认证');
    } finally {
      loginAs = family.mother.idNumber;
      await app.close();
    }
  });

  it('refuses a callback without the pending login, with a changed state, or replayed', async () => {
    const app = await appWithOidc();
    const { cookie, back } = await logIn(app);
    const noCookie = await app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
    expect(noCookie.statusCode).toBe(401);
    expect(noCookie.json().error).toMatchObject({
      code: 'UNAUTHORIZED',
      field: 'authorization',
      message: { zh: expect.stringContaining('统一身份认证') },
    });
    const forged = new URL(back);
    forged.searchParams.set('state', 'someone-else');
    expect(
      (await app.inject({ method: 'GET', url: `${forged.pathname}${forged.search}`, headers: { cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie } }))
        .statusCode,
    ).toBe(302);
    expect(
      (await app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie } }))
        .statusCode,
    ).toBe(401);
    await app.close();
  });
});
