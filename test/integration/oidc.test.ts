import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcClient, oidcSettingsFromEnv } from '../../src/http/oidc.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { Db } from '../../src/store/db.ts';
import { freshDb } from '../support/databases.ts';
import { demoOrganisations } from '../../src/registries/demo-organisations.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';
import { appWithOidc, REDIRECT_URI } from '../support/oidc-app.ts';

/**
 * The unified-identity login against an OpenID provider on loopback. The provider here is the
 * test's own, small but strict: it checks the client's authentication, the redirect URI and the
 * PKCE verifier, signs RS256 ID tokens carrying the nonce and the citizen ID number, and can
 * misbehave on purpose (a foreign signing key, a missing claim, the person cancelling).
 * `oidc-interop.test.ts` runs the same login against panva's certified `oidc-provider`.
 */
const family = sampleSituation('fujian');
let issuer: Server;
let issuerUrl: string;
let db: Db;
const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; sub: string }>();
/** What the provider does next; reset before each test. */
const op = {
  loginAs: family.mother.idNumber,
  cancel: false,
  signWith: 'published' as 'published' | 'foreign',
  withClaim: true,
  /** How the client authenticated at the token endpoint last time. */
  lastAuth: '' as 'basic' | 'post' | '',
};
const reset = () =>
  Object.assign(op, {
    loginAs: family.mother.idNumber,
    cancel: false,
    signWith: 'published',
    withClaim: true,
    lastAuth: '',
  });

beforeAll(async () => {
  const published = await generateKeyPair('RS256');
  // Same kid, same algorithm, but not the key the provider publishes: an impostor's token.
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
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
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      // The citizen logs in at the identity service (here: at once), or cancels, and is sent back.
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('state', url.searchParams.get('state')!);
      if (op.cancel) {
        back.searchParams.set('error', 'access_denied');
      } else {
        const code = randomUUID();
        codes.set(code, {
          challenge: url.searchParams.get('code_challenge')!,
          nonce: url.searchParams.get('nonce')!,
          redirectUri: url.searchParams.get('redirect_uri')!,
          sub: op.loginAs,
        });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      op.lastAuth = req.headers.authorization ? 'basic' : 'post';
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
      if (id !== 'onething' || secret !== 's3cret') return json(401, { error: 'invalid_client' });
      if (!grant || grant.challenge !== challenge || grant.redirectUri !== form.get('redirect_uri'))
        return json(400, { error: 'invalid_grant' });
      const claims = { nonce: grant.nonce, ...(op.withClaim ? { id_card_number: grant.sub } : {}) };
      const key: CryptoKey = op.signWith === 'published' ? published.privateKey : foreign.privateKey;
      const idToken = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuerUrl)
        .setAudience('onething')
        .setSubject(`u-${grant.sub}`)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
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

/** A login through the provider: the service's answer to the callback the provider sent back. */
async function login(rig: Awaited<ReturnType<typeof appWithOidc>>, query = '') {
  const start = await rig.start(query);
  expect(start.status).toBe(302);
  const atIssuer = await fetch(start.location, { redirect: 'manual' });
  const back = new URL(atIssuer.headers.get('location')!);
  return { ...start, back, done: await rig.callback(back, start.cookie) };
}

const strict = (settings: Parameters<typeof appWithOidc>[2] = {}) =>
  appWithOidc(db, family, { issuer: issuerUrl, ...settings });

describe('unified-identity (OIDC) login against a strict provider', () => {
  it('logs a parent in with PKCE and client_secret_basic (the default), and the session works on the API; the dev login is off in production', async () => {
    reset();
    const rig = await strict();
    expect((await rig.app.inject({ method: 'GET', url: '/api/auth/config' })).json()).toEqual({
      providers: ['oidc'],
      oidcLoginUrl: '/api/auth/oidc/login',
    });
    const { done } = await login(rig);
    expect(op.lastAuth).toBe('basic');
    expect(done.status).toBe(302);
    const token = rig.tokenIn(done.location)!;
    const me = (authorization: string) =>
      rig.app.inject({ method: 'GET', url: '/api/citizen/me', headers: { authorization } });
    expect((await me(`Bearer ${token}`)).json()).toMatchObject({
      role: 'mother',
      person: { idNumber: family.mother.idNumber },
    });
    expect((await me(`Bearer ${token.slice(0, -2)}xx`)).statusCode).toBe(401);
    expect((await me(`Bearer dev:${family.mother.idNumber}`)).statusCode).toBe(401);
    await rig.app.close();
  });

  it('sends the secret in the body when the setting says client_secret_post', async () => {
    reset();
    const rig = await strict({ clientAuth: { method: 'client_secret_post', secret: 's3cret' } });
    const { done } = await login(rig);
    expect(op.lastAuth).toBe('post');
    expect(rig.tokenIn(done.location)).toBeTruthy();
    await rig.app.close();
  });

  it('logs a member of staff into their staff account; a person without one goes back to the workbench login, told why', async () => {
    reset();
    const rig = await strict();
    const [org] = demoOrganisations('fujian');
    await upsertOrganisations(db, [org!]);
    const officer = family.father!.idNumber;
    await upsertStaff(db, [
      { id: 'oidc-clerk', name: '王警官', organisationId: org!.id, role: 'clerk', loginIdNumber: officer },
    ]);
    op.loginAs = officer;
    const { done } = await login(rig, '?for=staff');
    expect(done.location).toMatch(/^\/staff\/#\/auth\?token=/);
    const token = rig.tokenIn(done.location)!;
    const as = (url: string) =>
      rig.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect((await as('/api/staff/me')).json()).toMatchObject({
      staff: { id: 'oidc-clerk' },
      organisation: { id: org!.id },
    });
    // A staff session is not a parent's, and a parent's is not staff.
    expect((await as('/api/citizen/me')).statusCode).toBe(401);
    op.loginAs = family.mother.idNumber;
    expect((await login(rig, '?for=staff')).done.location).toBe('/staff/#/login?failed=no_staff_account');
    await rig.app.close();
  });

  it('sends a callback without the pending login, with a changed state, or replayed back to the login page, told why', async () => {
    reset();
    const rig = await strict();
    const { cookie, back } = await login(rig);
    const noCookie = await rig.callback(back, '');
    expect(noCookie).toMatchObject({ status: 302, location: '/#/login?failed=expired' });
    const forged = new URL(back);
    forged.searchParams.set('state', 'someone-else');
    expect((await rig.callback(forged, cookie)).location).toBe('/#/login?failed=state');
    // A state given twice (one of them the right one) is refused the same way, on the login page.
    const doubled = new URL(back);
    doubled.searchParams.append('state', 'someone-else');
    expect(await rig.callback(doubled, cookie)).toMatchObject({
      status: 302,
      location: '/#/login?failed=state',
    });
    // The code was spent by the login above: the provider refuses it a second time.
    expect((await rig.callback(back, cookie)).location).toBe('/#/login?failed=code');
    // A staff login that lost its cookie still goes back to the workbench, by its state's tag.
    const staff = await login(rig, '?for=staff');
    expect((await rig.callback(staff.back, '')).location).toBe('/staff/#/login?failed=expired');
    expect(rig.refusals.map((r) => r.reason)).toEqual([
      'expired',
      'state',
      'state',
      'code',
      'no_staff_account',
      'expired',
    ]);
    await rig.app.close();
  });

  it('refuses an ID token with a bad signature, although it came straight from the token endpoint', async () => {
    reset();
    const rig = await strict();
    op.signWith = 'foreign';
    const { done } = await login(rig);
    expect(done.location).toBe('/#/login?failed=token');
    expect(rig.tokenIn(done.location)).toBeNull();
    expect(rig.refusals[0]?.detail).toMatch(/signature verification failed/);
    await rig.app.close();
  });

  it('returns a cancelled login and a missing ID-number claim to the login page, each with its reason', async () => {
    reset();
    const rig = await strict();
    op.cancel = true;
    expect((await login(rig)).done.location).toBe('/#/login?failed=cancelled');
    reset();
    op.withClaim = false;
    expect((await login(rig)).done.location).toBe('/#/login?failed=claim');
    expect(rig.refusals[1]?.detail).toMatch(/ID token has no id_card_number claim/);
    await rig.app.close();
  });

  it('says the service is unavailable when the provider cannot be reached, without a JSON page', async () => {
    const rig = await appWithOidc(db, family, { issuer: 'http://127.0.0.1:1' });
    expect(await rig.start('?for=staff')).toMatchObject({
      status: 302,
      location: '/staff/#/login?failed=unavailable',
    });
    await rig.app.close();
  });

  it('requires https except on loopback in development, and names a wrong setting', () => {
    const env = {
      OIDC_ISSUER: 'http://127.0.0.1:9000',
      OIDC_CLIENT_ID: 'onething',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_REDIRECT_URI: REDIRECT_URI,
    };
    expect(oidcSettingsFromEnv(env, { production: false })).toMatchObject({
      clientAuth: { method: 'client_secret_basic' },
      idClaimFrom: 'id_token',
    });
    expect(() => oidcSettingsFromEnv(env, { production: true })).toThrow(/OIDC_ISSUER must be an https/);
    expect(() =>
      oidcSettingsFromEnv({ ...env, OIDC_ISSUER: 'http://id.example.gov.cn' }, { production: false }),
    ).toThrow(/OIDC_ISSUER must be an https/);
    expect(() =>
      oidcSettingsFromEnv(
        { ...env, OIDC_ISSUER: 'https://id.example.gov.cn', OIDC_REDIRECT_URI: 'http://onething.example/cb' },
        { production: true },
      ),
    ).toThrow(/OIDC_REDIRECT_URI must be an https/);
    expect(() =>
      oidcSettingsFromEnv({ ...env, OIDC_CLIENT_AUTH_METHOD: 'none' }, { production: false }),
    ).toThrow(/OIDC_CLIENT_AUTH_METHOD must be one of/);
    expect(() =>
      oidcSettingsFromEnv({ ...env, OIDC_CLIENT_AUTH_METHOD: 'private_key_jwt' }, { production: false }),
    ).toThrow(/OIDC_CLIENT_PRIVATE_KEY must be set/);
    expect(() =>
      oidcSettingsFromEnv({ ...env, OIDC_ID_CLAIM_SOURCE: 'access_token' }, { production: false }),
    ).toThrow(/OIDC_ID_CLAIM_SOURCE must be id_token or userinfo/);
    expect(() =>
      oidcClient({
        issuer: 'http://127.0.0.1:9000',
        clientId: 'onething',
        clientAuth: { method: 'client_secret_basic', secret: 's' },
        redirectUri: REDIRECT_URI,
        idClaim: 'id_card_number',
        idClaimFrom: 'id_token',
        allowLoopbackHttp: false,
      }),
    ).toThrow(/https/);
  });
});
