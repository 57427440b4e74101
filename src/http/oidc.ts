import { createPrivateKey, type KeyObject } from 'node:crypto';
import { importPKCS8 } from 'jose';
import * as client from 'openid-client';
import { LoginFailure } from '../domain/login-failure.ts';

/**
 * The client of a unified-identity service (统一身份认证) speaking OpenID Connect: authorization
 * code flow with PKCE, state and nonce. The citizen's ID number comes from a claim the service
 * names (`idClaim`), in the ID token or in the UserInfo answer (`idClaimFrom`).
 *
 * The ID token's signature is always checked against the service's published keys (JWKS), even
 * though it comes straight from the token endpoint: a government login must be able to show later
 * who said so. Every request goes over https; only in development may the service and the callback
 * be plain http on this machine (loopback).
 */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
export const CLIENT_AUTH_METHODS: readonly ClientAuthMethod[] = [
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
];

export type ClientAuthentication =
  | { method: 'client_secret_basic' | 'client_secret_post'; secret: string }
  /** `privateKey`: a PKCS#8 PEM or a private JWK (JSON); `keyId` goes into the assertion's `kid`. */
  | { method: 'private_key_jwt'; privateKey: string; keyId?: string };

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientAuth: ClientAuthentication;
  /** This server's callback, registered with the service: https://…/api/auth/oidc/callback */
  redirectUri: string;
  /** The claim that carries the citizen ID number… */
  idClaim: string;
  /** …and where it is: in the ID token, or in the UserInfo answer (OIDC Core puts scope claims there). */
  idClaimFrom: 'id_token' | 'userinfo';
  scope?: string;
  /** Development only: plain http to a loopback service and callback. */
  allowLoopbackHttp: boolean;
}

/** What the login needs to remember between the redirect and the callback. */
export interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
}

export interface OidcClient {
  /** `stateTag` prefixes the state, so the callback knows which app to return to even without the cookie. */
  start(stateTag?: string): Promise<{ url: string; pending: PendingLogin }>;
  /** The citizen ID number, or a LoginFailure saying why not. */
  finish(callbackUrl: URL, pending: PendingLogin): Promise<string>;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const isLoopback = (url: URL) => LOOPBACK.includes(url.hostname);

/** https, or (development) http on loopback; anything else is a configuration error, said at start-up. */
function checkTransport(name: string, value: string, allowLoopbackHttp: boolean): URL {
  const url = new URL(value);
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopback(url) && allowLoopbackHttp) return url;
  throw new Error(
    allowLoopbackHttp
      ? `${name} must be an https address (plain http only on this machine: 127.0.0.1, localhost, [::1])`
      : `${name} must be an https address in production`,
  );
}

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv, o: { production: boolean }): OidcSettings | null {
  if (!env.OIDC_ISSUER) return null;
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`OIDC_ISSUER is set, so ${name} must be set too`);
    return v;
  };
  const method = (env.OIDC_CLIENT_AUTH_METHOD ?? 'client_secret_basic') as ClientAuthMethod;
  if (!CLIENT_AUTH_METHODS.includes(method))
    throw new Error(`OIDC_CLIENT_AUTH_METHOD must be one of ${CLIENT_AUTH_METHODS.join(', ')}`);
  const from = env.OIDC_ID_CLAIM_SOURCE ?? 'id_token';
  if (from !== 'id_token' && from !== 'userinfo')
    throw new Error('OIDC_ID_CLAIM_SOURCE must be id_token or userinfo');
  const settings: OidcSettings = {
    issuer: env.OIDC_ISSUER,
    clientId: need('OIDC_CLIENT_ID'),
    clientAuth:
      method === 'private_key_jwt'
        ? {
            method,
            // A PEM in one environment line may carry its line breaks as \n.
            privateKey: need('OIDC_CLIENT_PRIVATE_KEY').replace(/\\n/g, '\n'),
            ...(env.OIDC_CLIENT_KEY_ID ? { keyId: env.OIDC_CLIENT_KEY_ID } : {}),
          }
        : { method, secret: need('OIDC_CLIENT_SECRET') },
    redirectUri: need('OIDC_REDIRECT_URI'),
    idClaim: env.OIDC_ID_CLAIM ?? 'id_card_number',
    idClaimFrom: from,
    ...(env.OIDC_SCOPE ? { scope: env.OIDC_SCOPE } : {}),
    allowLoopbackHttp: !o.production,
  };
  checkTransport('OIDC_ISSUER', settings.issuer, settings.allowLoopbackHttp);
  checkTransport('OIDC_REDIRECT_URI', settings.redirectUri, settings.allowLoopbackHttp);
  return settings;
}

/** The JWS algorithm a private key signs with: RS256 for RSA, ES256/384/512 by curve, EdDSA. */
function signingAlgorithm(key: KeyObject): string {
  const type = key.asymmetricKeyType;
  if (type === 'rsa') return 'RS256';
  if (type === 'ed25519') return 'EdDSA';
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const byCurve: Record<string, string> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' };
  if (type === 'ec' && curve && byCurve[curve]) return byCurve[curve];
  throw new Error(
    `OIDC_CLIENT_PRIVATE_KEY: a ${type} key cannot sign the client assertion; use RSA, EC or Ed25519`,
  );
}

async function clientAuthentication(auth: ClientAuthentication): Promise<client.ClientAuth> {
  if (auth.method !== 'private_key_jwt')
    return auth.method === 'client_secret_basic'
      ? client.ClientSecretBasic(auth.secret)
      : client.ClientSecretPost(auth.secret);
  const text = auth.privateKey.trim();
  const key = text.startsWith('{')
    ? createPrivateKey({ key: JSON.parse(text) as Record<string, string>, format: 'jwk' })
    : createPrivateKey(text);
  const pem = key.export({ type: 'pkcs8', format: 'pem' }) as string;
  const cryptoKey = await importPKCS8(pem, signingAlgorithm(key));
  return client.PrivateKeyJwt(auth.keyId ? { key: cryptoKey, kid: auth.keyId } : cryptoKey);
}

/** openid-client's error, sorted into what the person at the login page is told. */
function failureOf(e: unknown): LoginFailure {
  if (e instanceof LoginFailure) return e;
  const cause = (e as { cause?: unknown })?.cause;
  const detail = [e, cause]
    .filter((x): x is Error => x instanceof Error)
    .map((x) => x.message)
    .join(': ');
  if (e instanceof client.AuthorizationResponseError)
    return new LoginFailure(
      e.error === 'access_denied' ? 'cancelled' : 'provider',
      `${e.error}${e.error_description ? ` (${e.error_description})` : ''}`,
    );
  if (e instanceof client.ResponseBodyError)
    return new LoginFailure(e.error === 'invalid_grant' ? 'code' : 'unavailable', `${e.error}: ${detail}`);
  const code = (e as { code?: string })?.code;
  // The ID token: its signature, key, issuer, audience, nonce or times.
  if (
    code === 'OAUTH_INVALID_RESPONSE' ||
    code === 'OAUTH_KEY_SELECTION_FAILED' ||
    code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' ||
    code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' ||
    code === 'OAUTH_UNSUPPORTED_OPERATION'
  )
    return new LoginFailure('token', detail);
  return new LoginFailure('unavailable', detail || String(e));
}

export function oidcClient(settings: OidcSettings): OidcClient {
  const issuer = checkTransport('the OIDC issuer', settings.issuer, settings.allowLoopbackHttp);
  checkTransport('the OIDC redirect URI', settings.redirectUri, settings.allowLoopbackHttp);
  // Discovery may name other hosts (token, keys, UserInfo): the same rule holds for every one.
  const guardedFetch: client.CustomFetch = (url, options) => {
    const target = new URL(url);
    if (target.protocol !== 'https:' && !(isLoopback(target) && settings.allowLoopbackHttp))
      throw new client.ClientError(`refusing plain http to ${target.host}`);
    return fetch(url, options as RequestInit);
  };
  let config: Promise<client.Configuration> | null = null;
  const configuration = () => {
    config ??= (async () =>
      client.discovery(
        issuer,
        settings.clientId,
        undefined,
        await clientAuthentication(settings.clientAuth),
        {
          [client.customFetch]: guardedFetch,
          execute: [
            client.enableNonRepudiationChecks,
            ...(issuer.protocol === 'http:' ? [client.allowInsecureRequests] : []),
          ],
        },
      ))().catch((e) => {
      config = null; // try the discovery again on the next login
      throw e;
    });
    return config;
  };
  return {
    async start(stateTag) {
      const pending = {
        verifier: client.randomPKCECodeVerifier(),
        state: `${stateTag ? `${stateTag}.` : ''}${client.randomState()}`,
        nonce: client.randomNonce(),
      };
      let config: client.Configuration;
      try {
        config = await configuration();
      } catch (e) {
        throw new LoginFailure('unavailable', (e as Error).message);
      }
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scope ?? 'openid',
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },
    async finish(callbackUrl, pending) {
      // Checked here first so a forged state is told apart from a provider's refusal.
      if (callbackUrl.searchParams.get('state') !== pending.state)
        throw new LoginFailure('state', 'the state in the callback is not the one this browser started with');
      try {
        const config = await configuration();
        const tokens = await client.authorizationCodeGrant(
          config,
          callbackUrl,
          {
            pkceCodeVerifier: pending.verifier,
            expectedState: pending.state,
            expectedNonce: pending.nonce,
            idTokenExpected: true,
          },
          { redirect_uri: settings.redirectUri },
        );
        const idToken = tokens.claims()!;
        const claims =
          settings.idClaimFrom === 'userinfo'
            ? await client.fetchUserInfo(config, tokens.access_token, idToken.sub)
            : idToken;
        const id = claims[settings.idClaim];
        if (typeof id !== 'string')
          throw new LoginFailure(
            'claim',
            `the ${settings.idClaimFrom === 'userinfo' ? 'UserInfo answer' : 'ID token'} has no ${settings.idClaim} claim`,
          );
        return id.toUpperCase();
      } catch (e) {
        throw failureOf(e);
      }
    },
  };
}
