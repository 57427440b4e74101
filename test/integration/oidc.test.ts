import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcClient, oidcSettingsFromEnv } from '../../src/http/oidc.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { Db } from '../../src/store/db.ts';
import { freshDb } from '../support/databases.ts';
import { demoOrganisations } from '../../src/registries/demo-organisations.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';
import { appWithOidc, REDIRECT_URI } from '../support/oidc-app.ts';
import {
  loginThrough,
  startStrictProvider,
  type StrictProviderBehaviour,
} from '../support/strict-oidc-provider.ts';

/**
 * The unified-identity login against an OpenID provider on loopback. The provider here is the
 * test's own, small but strict (test/support/strict-oidc-provider.ts): it checks the client's
 * authentication, the redirect URI and the PKCE verifier, signs RS256 ID tokens carrying the nonce
 * and the citizen ID number, and can misbehave on purpose (a foreign signing key, a missing claim,
 * the person cancelling).
 * `oidc-interop.test.ts` runs the same login against panva's certified `oidc-provider`.
 */
const family = sampleSituation('fujian');
let provider: Awaited<ReturnType<typeof startStrictProvider>>;
let issuerUrl: string;
let db: Db;
let op: StrictProviderBehaviour;
const reset = () => provider.reset();

beforeAll(async () => {
  provider = await startStrictProvider(family.mother.idNumber);
  issuerUrl = provider.url;
  op = provider.op;
  db = await freshDb('pglite');
});
afterAll(async () => {
  await provider?.close();
  await db?.close();
});

const login = loginThrough;

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
