import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type ClientMetadata } from 'oidc-provider';

/**
 * panva's `oidc-provider`, a certified OpenID Provider, on loopback, configured as a provincial
 * unified-identity service would be under OIDC Core: scope claims (the `id_card` scope grants
 * `id_card_number`) are answered by UserInfo, not put in the ID token; PKCE is required; each
 * client authenticates as registered (client_secret_basic, client_secret_post or private_key_jwt).
 *
 * What the person does at the provider is `op.next`: log in as an ID number, or cancel. With
 * `op.next = 'page'` the provider shows a small page with both buttons, for a real browser.
 */
export interface TestProvider {
  issuer: string;
  next: { as: string } | 'cancel' | 'page';
  /** Attach the clients once their redirect URIs are known (the provider serves nothing before). */
  configure(clients: ClientMetadata[]): void;
  close(): Promise<void>;
}

const accountOf = (idNumber: string) =>
  `acct-${createHash('sha256').update(idNumber).digest('hex').slice(0, 16)}`;

export async function startTestProvider(): Promise<TestProvider> {
  const idNumbers = new Map<string, string>();
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'op-1', alg: 'RS256', use: 'sig' };
  let provider: Provider | null = null;
  let handler: ReturnType<Provider['callback']> | null = null;
  const server = createServer((req, res) => {
    if (!provider || !handler) return void res.writeHead(503).end();
    const interaction = /^\/interaction\/([\w-]+)(\/submit)?$/.exec(req.url?.split('?')[0] ?? '');
    if (interaction) return void interact(provider, req, res, !!interaction[2]).catch((e) => fail(res, e));
    return void handler(req, res);
  });
  const fail = (res: ServerResponse, e: unknown) => {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(e));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const op: TestProvider = {
    issuer,
    next: 'page',
    configure(clients) {
      provider = new Provider(issuer, {
        clients,
        jwks: { keys: [signingKey] },
        claims: { openid: ['sub'], id_card: ['id_card_number'] },
        scopes: ['openid', 'id_card'],
        features: { devInteractions: { enabled: false } },
        pkce: { required: () => true },
        cookies: { keys: ['test-provider-cookie-key'] },
        ttl: {
          AccessToken: 600,
          AuthorizationCode: 60,
          IdToken: 600,
          Interaction: 600,
          Session: 3600,
          Grant: 3600,
        },
        interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
        findAccount: (_ctx, sub) => ({
          accountId: sub,
          claims: () => ({ sub, id_card_number: idNumbers.get(sub) }),
        }),
        // A first-party service: consent to its scopes is given by the login itself.
        loadExistingGrant: async (ctx) => {
          const found = ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
          if (found) return ctx.oidc.provider.Grant.find(found);
          const grant = new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client!.clientId,
            accountId: ctx.oidc.session!.accountId!,
          });
          grant.addOIDCScope('openid id_card');
          await grant.save();
          return grant;
        },
      });
      handler = provider.callback();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function interact(p: Provider, req: IncomingMessage, res: ServerResponse, submitted: boolean) {
    await p.interactionDetails(req, res);
    let choice = op.next;
    if (submitted) {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      choice = form.get('action') === 'cancel' ? 'cancel' : { as: form.get('id') ?? '' };
    }
    if (choice === 'page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="zh"><meta charset="utf-8"><title>统一身份认证（测试）</title>
<form method="post" action="${req.url!.split('?')[0]}/submit">
<label>身份证号 <input name="id" data-testid="op-id"></label>
<button name="action" value="login" data-testid="op-login">登录</button>
<button name="action" value="cancel" data-testid="op-cancel">取消</button>
</form></html>`);
      return;
    }
    if (choice === 'cancel') {
      await p.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const accountId = accountOf(choice.as);
    idNumbers.set(accountId, choice.as);
    await p.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  }
  return op;
}

/**
 * The browser's part, without a browser: follow redirects from `url`, keeping the provider's
 * cookies, until the provider sends us to `until` (this service's callback).
 */
export async function followToCallback(url: string, until: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next = url;
  for (let hop = 0; hop < 10; hop++) {
    if (next.startsWith(until)) return new URL(next);
    const res = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (!value || attrs.some((a) => /^\s*(max-age=0|expires=Thu, 01 Jan 1970)/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${next} (${res.status}): ${await res.text()}`);
    next = new URL(location, next).href;
  }
  throw new Error('too many redirects at the provider');
}
