import { generateKeyPairSync } from 'node:crypto';
import type { ClientMetadata } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcSettingsFromEnv } from '../../src/http/oidc.ts';
import { demoOrganisations } from '../../src/registries/demo-organisations.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { appWithOidc, REDIRECT_URI } from '../support/oidc-app.ts';
import { followToCallback, startTestProvider, type TestProvider } from '../support/oidc-provider.ts';

/**
 * The unified-identity login against panva's `oidc-provider`, a certified OpenID Provider that
 * follows OIDC Core: the ID number (scope `id_card`) is answered by UserInfo only, and each client
 * must authenticate exactly as it is registered.
 */
const family = sampleSituation('anhui');
const clientKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
let op: TestProvider;

beforeAll(async () => {
  op = await startTestProvider();
  const common: Pick<ClientMetadata, 'redirect_uris' | 'grant_types' | 'response_types'> = {
    redirect_uris: [REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
  op.configure([
    {
      ...common,
      client_id: 'onething',
      client_secret: 's3cret',
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      ...common,
      client_id: 'onething-post',
      client_secret: 's3cret',
      token_endpoint_auth_method: 'client_secret_post',
    },
    {
      ...common,
      client_id: 'onething-pkjwt',
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'ES256',
      jwks: { keys: [{ ...clientKey.publicKey.export({ format: 'jwk' }), kid: 'onething-1', use: 'sig' }] },
    },
  ]);
});
afterAll(() => op?.close());

/** The settings an operator would write, as the server reads them. */
const fromEnv = (env: Record<string, string>) =>
  oidcSettingsFromEnv(
    {
      OIDC_ISSUER: op.issuer,
      OIDC_CLIENT_ID: 'onething',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_REDIRECT_URI: REDIRECT_URI,
      OIDC_SCOPE: 'openid id_card',
      OIDC_ID_CLAIM_SOURCE: 'userinfo',
      ...env,
    },
    { production: false },
  )!;

for (const kind of DB_KINDS) {
  describe(`unified-identity login through oidc-provider on ${kind}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await freshDb(kind);
    });
    afterAll(() => db?.close());

    const login = async (rig: Awaited<ReturnType<typeof appWithOidc>>, query = '') => {
      const start = await rig.start(query);
      const back = await followToCallback(start.location, REDIRECT_URI);
      return { ...start, back, done: await rig.callback(back, start.cookie) };
    };

    it('logs a parent in with the ID number from UserInfo and client_secret_basic; the ID token alone does not carry it', async () => {
      op.next = { as: family.mother.idNumber };
      const rig = await appWithOidc(db, family, fromEnv({}));
      const { done } = await login(rig);
      const token = rig.tokenIn(done.location);
      expect(token, done.location).toBeTruthy();
      const me = await rig.app.inject({
        method: 'GET',
        url: '/api/citizen/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.json()).toMatchObject({ role: 'mother', person: { idNumber: family.mother.idNumber } });

      const idTokenOnly = await appWithOidc(db, family, fromEnv({ OIDC_ID_CLAIM_SOURCE: 'id_token' }));
      expect((await login(idTokenOnly)).done.location).toBe('/#/login?failed=claim');
      expect(idTokenOnly.refusals[0]?.detail).toMatch(/ID token has no id_card_number claim/);
      await Promise.all([rig.app.close(), idTokenOnly.app.close()]);
    });

    it('authenticates with private_key_jwt (the key from the environment) and with client_secret_post', async () => {
      op.next = { as: family.mother.idNumber };
      const pem = (clientKey.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).replace(
        /\n/g,
        '\\n',
      );
      const signed = await appWithOidc(
        db,
        family,
        fromEnv({
          OIDC_CLIENT_ID: 'onething-pkjwt',
          OIDC_CLIENT_SECRET: '',
          OIDC_CLIENT_AUTH_METHOD: 'private_key_jwt',
          OIDC_CLIENT_PRIVATE_KEY: pem,
          OIDC_CLIENT_KEY_ID: 'onething-1',
        }),
      );
      expect(signed.tokenIn((await login(signed)).done.location)).toBeTruthy();
      const post = await appWithOidc(
        db,
        family,
        fromEnv({ OIDC_CLIENT_ID: 'onething-post', OIDC_CLIENT_AUTH_METHOD: 'client_secret_post' }),
      );
      expect(post.tokenIn((await login(post)).done.location)).toBeTruthy();
      await Promise.all([signed.app.close(), post.app.close()]);
    });

    it('returns a parent who cancels at the provider to the login page, told they cancelled', async () => {
      op.next = 'cancel';
      const rig = await appWithOidc(db, family, fromEnv({}));
      const { done } = await login(rig);
      expect(done).toMatchObject({ status: 302, location: '/#/login?failed=cancelled' });
      expect(rig.refusals[0]?.detail).toMatch(/access_denied/);
      await rig.app.close();
    });

    it('refuses a wrong state and a replayed code', async () => {
      op.next = { as: family.mother.idNumber };
      const rig = await appWithOidc(db, family, fromEnv({}));
      const start = await rig.start();
      const back = await followToCallback(start.location, REDIRECT_URI);
      const forged = new URL(back);
      forged.searchParams.set('state', 'not-the-one-i-sent');
      expect((await rig.callback(forged, start.cookie)).location).toBe('/#/login?failed=state');
      expect(rig.tokenIn((await rig.callback(back, start.cookie)).location)).toBeTruthy();
      expect((await rig.callback(back, start.cookie)).location).toBe('/#/login?failed=code');
      expect(rig.refusals.at(-1)?.detail).toMatch(/invalid_grant/);
      await rig.app.close();
    });

    it('logs a member of staff into the workbench through the same provider', async () => {
      const [org] = demoOrganisations('anhui');
      await upsertOrganisations(db, [org!]);
      await upsertStaff(db, [
        {
          id: 'op-clerk',
          name: '李医生',
          organisationId: org!.id,
          role: 'clerk',
          loginIdNumber: family.father!.idNumber,
        },
      ]);
      op.next = { as: family.father!.idNumber };
      const rig = await appWithOidc(db, family, fromEnv({}));
      const { done } = await login(rig, '?for=staff');
      expect(done.location).toMatch(/^\/staff\/#\/auth\?token=/);
      const me = await rig.app.inject({
        method: 'GET',
        url: '/api/staff/me',
        headers: { authorization: `Bearer ${rig.tokenIn(done.location)}` },
      });
      expect(me.json()).toMatchObject({ staff: { id: 'op-clerk' } });
      await rig.app.close();
    });
  });
}
