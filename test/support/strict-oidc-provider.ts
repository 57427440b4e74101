import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { appWithOidc } from './oidc-app.ts';

/**
 * The tests' own OpenID provider on loopback, small but strict: it checks the client's
 * authentication (`onething` / `s3cret`, basic or in the body), the redirect URI and the PKCE
 * verifier, signs RS256 ID tokens carrying the nonce and the citizen ID number, and can misbehave
 * on purpose (a foreign signing key, a missing claim, the person cancelling). What it does next is
 * `op`; `reset` puts it back to logging `defaultLogin` in.
 */
export interface StrictProviderBehaviour {
  loginAs: string;
  cancel: boolean;
  signWith: 'published' | 'foreign';
  withClaim: boolean;
  /** How the client authenticated at the token endpoint last time. */
  lastAuth: 'basic' | 'post' | '';
}

export async function startStrictProvider(defaultLogin: string) {
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; sub: string }>();
  const fresh = (): StrictProviderBehaviour => ({
    loginAs: defaultLogin,
    cancel: false,
    signWith: 'published',
    withClaim: true,
    lastAuth: '',
  });
  const op = fresh();
  const published = await generateKeyPair('RS256');
  // Same kid, same algorithm, but not the key the provider publishes: an impostor's token.
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let issuerUrl = '';
  const issuer = createServer(async (req, res) => {
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
      // The person logs in at the identity service (here: at once), or cancels, and is sent back.
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
  return {
    url: issuerUrl,
    op,
    reset: () => Object.assign(op, fresh()),
    close: () => new Promise<void>((resolve) => issuer.close(() => resolve())),
  };
}

/** A login through a provider that answers at once: where the service sends the browser at the end. */
export async function loginThrough(rig: Awaited<ReturnType<typeof appWithOidc>>, query = '') {
  const start = await rig.start(query);
  if (start.status !== 302) throw new Error(`the login did not start: ${start.status}`);
  const atIssuer = await fetch(start.location, { redirect: 'manual' });
  const back = new URL(atIssuer.headers.get('location')!);
  return { ...start, back, done: await rig.callback(back, start.cookie) };
}
