import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_FAILURES } from '../../src/domain/login-failure.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.ts';
import { HAVE_BROWSER, Parent, startRig, type Rig } from './browser.ts';

/**
 * A parent logs in through panva's `oidc-provider` (a certified OpenID Provider), which keeps the
 * ID number in UserInfo, as OIDC Core does; another cancels at the provider and reads on the login
 * page, in Chinese and English, what happened and what to do.
 */
let rig: Rig;
let op: TestProvider;

/** A free port: the callback address must be registered before the server starts. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

beforeAll(async () => {
  if (!HAVE_BROWSER) return;
  op = await startTestProvider();
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
  op.configure([
    {
      client_id: 'onething',
      client_secret: 's3cret',
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ]);
  const settings = {
    OIDC_ISSUER: op.issuer,
    OIDC_CLIENT_ID: 'onething',
    OIDC_CLIENT_SECRET: 's3cret',
    OIDC_REDIRECT_URI: redirectUri,
    OIDC_SCOPE: 'openid id_card',
    OIDC_ID_CLAIM_SOURCE: 'userinfo',
  };
  // The server reads its settings from the environment once, at start.
  Object.assign(process.env, settings);
  try {
    rig = await startRig({ port });
  } finally {
    for (const name of Object.keys(settings)) delete process.env[name];
  }
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await op?.close();
});

describe.skipIf(!HAVE_BROWSER)('the unified-identity login in Chromium, through oidc-provider', () => {
  it('logs the parent in with the ID number from UserInfo', async () => {
    const family = await rig.loadFamily('fujian');
    const mother = await Parent.open(rig, 'oidc-mother');
    await mother.page.goto('/#/login');
    await mother.screenshot('login');
    await mother.page.getByRole('button', { name: '使用统一身份认证登录' }).click();
    await mother.type(mother.page.getByTestId('op-id'), family.mother.idNumber);
    await mother.page.getByTestId('op-login').click();
    // Back in the app, logged in as herself: her baby's delivery record offers the proactive start.
    await mother.page.getByTestId('start-proactive').waitFor();
    expect(await mother.page.evaluate(() => sessionStorage.getItem('token'))).toMatch(/^s1\./);
    const me = await mother.page.evaluate(async () => {
      const r = await fetch('/api/citizen/me', {
        headers: { authorization: `Bearer ${sessionStorage.getItem('token')}` },
      });
      return (await r.json()) as { person: { idNumber: string } };
    });
    expect(me.person.idNumber).toBe(family.mother.idNumber);
    await mother.screenshot('home');
    await mother.close();
  });

  it('a parent who cancels at the provider is back on the login page, told what happened and what to do, in both languages', async () => {
    const parent = await Parent.open(rig, 'oidc-cancel');
    await parent.page.goto('/#/login');
    await parent.page.getByRole('button', { name: '使用统一身份认证登录' }).click();
    await parent.page.getByTestId('op-cancel').click();
    const notice = parent.page.getByTestId('login-failure');
    await notice.waitFor();
    expect(parent.page.url()).toMatch(/#\/login\?failed=cancelled$/);
    expect(await notice.textContent()).toContain(LOGIN_FAILURES.cancelled.what.zh);
    expect(await notice.textContent()).toContain(LOGIN_FAILURES.cancelled.todo.zh);
    expect(await notice.textContent()).not.toMatch(/[A-Za-z]{4,}/);
    await parent.screenshot('cancelled');
    await parent.page.getByTestId('language-switch').click();
    expect(await notice.textContent()).toContain(LOGIN_FAILURES.cancelled.what.en);
    expect(await notice.textContent()).toContain(LOGIN_FAILURES.cancelled.todo.en);
    await parent.page.getByTestId('language-switch').click();
    // And the login still works from here.
    await parent.page.getByRole('button', { name: '使用统一身份认证登录' }).waitFor();
    await parent.close();
  });

  it('a person without a supervisor account who logs in to supervision is back on its login page, told why', async () => {
    const family = await rig.loadFamily('anhui');
    const person = await Parent.open(rig, 'oidc-supervision-refused');
    await person.page.goto('/staff/#/supervision/login');
    await person.page.getByTestId('supervision-oidc').click();
    await person.type(person.page.getByTestId('op-id'), family.mother.idNumber);
    await person.page.getByTestId('op-login').click();
    const notice = person.page.getByTestId('login-failure');
    await notice.waitFor();
    expect(person.page.url()).toMatch(/\/staff\/#\/supervision\/login\?failed=no_supervisor_account$/);
    const { what, todo } = LOGIN_FAILURES.no_supervisor_account;
    expect(await notice.textContent()).toContain(what.zh);
    expect(await notice.textContent()).toContain(todo.zh);
    // The login page has no language switch of its own: the language chosen elsewhere applies.
    await person.page.screenshot({
      path: 'test-results/e2e/oidc-supervision-refused-zh.png',
      fullPage: true,
    });
    await person.page.evaluate(() => localStorage.setItem('lang', 'en'));
    await person.page.reload();
    await notice.waitFor();
    expect(await notice.textContent()).toContain(what.en);
    expect(await notice.textContent()).toContain(todo.en);
    await person.page.screenshot({
      path: 'test-results/e2e/oidc-supervision-refused-en.png',
      fullPage: true,
    });
    // And the unified-identity login is offered again.
    await person.page.getByTestId('supervision-oidc').waitFor();
    await person.close();
  });
});
