import * as client from 'openid-client';

/**
 * The client of a unified-identity service (统一身份认证) speaking OpenID Connect: authorization
 * code flow with PKCE, state and nonce. The citizen's ID number comes from a claim the service
 * names (`idClaim`). Plain http is allowed only for a loopback issuer, as in development.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This server's callback, registered with the service: https://…/api/auth/oidc/callback */
  redirectUri: string;
  /** The ID-token claim that carries the citizen ID number. */
  idClaim: string;
  scope?: string;
}

/** What the login needs to remember between the redirect and the callback. */
export interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
}

export interface OidcClient {
  start(): Promise<{ url: string; pending: PendingLogin }>;
  /** The citizen ID number from the verified ID token. */
  finish(callbackUrl: URL, pending: PendingLogin): Promise<string>;
}

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | null {
  if (!env.OIDC_ISSUER) return null;
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`OIDC_ISSUER is set, so ${name} must be set too`);
    return v;
  };
  return {
    issuer: env.OIDC_ISSUER,
    clientId: need('OIDC_CLIENT_ID'),
    clientSecret: need('OIDC_CLIENT_SECRET'),
    redirectUri: need('OIDC_REDIRECT_URI'),
    idClaim: env.OIDC_ID_CLAIM ?? 'id_card_number',
    ...(env.OIDC_SCOPE ? { scope: env.OIDC_SCOPE } : {}),
  };
}

export function oidcClient(settings: OidcSettings): OidcClient {
  let config: Promise<client.Configuration> | null = null;
  const configuration = () => {
    config ??= (async () => {
      const url = new URL(settings.issuer);
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      return client.discovery(
        url,
        settings.clientId,
        settings.clientSecret,
        undefined,
        loopback && url.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    })().catch((e) => {
      config = null; // try the discovery again on the next login
      throw e;
    });
    return config;
  };
  return {
    async start() {
      const pending = {
        verifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
      };
      const url = client.buildAuthorizationUrl(await configuration(), {
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
      const tokens = await client.authorizationCodeGrant(
        await configuration(),
        callbackUrl,
        {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: settings.redirectUri },
      );
      const id = tokens.claims()?.[settings.idClaim];
      if (typeof id !== 'string') throw new Error(`the ID token has no ${settings.idClaim} claim`);
      return id.toUpperCase();
    },
  };
}
