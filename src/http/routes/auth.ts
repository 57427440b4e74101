import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isCitizenId } from '../../domain/citizen-id.ts';
import { LoginFailure, type LoginFailureReason } from '../../domain/login-failure.ts';
import type { AppDeps } from '../app.ts';
import { STAFF_SESSION } from '../identity.ts';
import type { PendingLogin } from '../oidc.ts';
import { LoginConfig } from '../../contract/public.ts';
import { redirect, SECURITY } from '../openapi.ts';

/**
 * Logging in. The app asks how (`/config`). With a unified-identity service configured, `/oidc/login`
 * sends the browser there and `/oidc/callback` takes it back: the ID token is verified, a platform
 * session is issued, and the app picks it up from the URL fragment (never sent to a server).
 * A login that fails or is cancelled goes back to the login page it started from (the parents', the
 * workbench's or supervision's) with the reason, which the page explains in both languages.
 */
const COOKIE = 'onething_oidc';
const OneOrMore = z.union([z.string(), z.array(z.string())]);

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/config',
      {
        schema: {
          operationId: 'getLoginConfig',
          security: SECURITY.public,
          response: { 200: LoginConfig },
          summary: 'The login methods this server offers',
          tags: ['auth'],
        },
      },
      async () => deps.identity.login,
    );

    const oidc = deps.oidc;
    if (!oidc) return;
    // The pending login rides in a signed, short-lived, HttpOnly cookie: no server-side state.
    // Who is logging in: a parent (the parents' app), a member of staff (the workbench) or a
    // supervisor (the supervision app, in the workbench's bundle). A supervisor's account is a staff
    // account with the role 'supervisor'; each app takes only its own kind of account.
    type For = 'staff' | 'supervision';
    type Pending = PendingLogin & { for?: For };
    const seal = (p: Pending) => {
      const body = Buffer.from(JSON.stringify(p)).toString('base64url');
      return `${body}.${createHmac('sha256', oidc.sessionKey).update(body).digest('base64url')}`;
    };
    const unseal = (cookieHeader: string | undefined): Pending | null => {
      const raw = cookieHeader
        ?.split(/;\s*/)
        .find((c) => c.startsWith(`${COOKIE}=`))
        ?.slice(COOKIE.length + 1);
      const [body, mac] = raw?.split('.') ?? [];
      if (!body || !mac) return null;
      const expected = Buffer.from(createHmac('sha256', oidc.sessionKey).update(body).digest('base64url'));
      if (expected.length !== Buffer.from(mac).length || !timingSafeEqual(expected, Buffer.from(mac)))
        return null;
      return JSON.parse(Buffer.from(body, 'base64url').toString()) as Pending;
    };
    const FOR: readonly For[] = ['staff', 'supervision'];
    // Where each app's pages are: its login page (`…/login`) and where a session lands (`…/auth`).
    const appRoot = (f: For | undefined) =>
      f === 'staff' ? '/staff/#' : f === 'supervision' ? '/staff/#/supervision' : '/#';
    const clearCookie = `${COOKIE}=; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0`;
    const backToLogin = (f: For | undefined, failure: LoginFailure) => {
      oidc.onRefused?.(failure.reason, failure.detail);
      return `${appRoot(f)}/login?failed=${failure.reason satisfies LoginFailureReason}`;
    };

    app.get(
      '/oidc/login',
      {
        schema: {
          operationId: 'startOidcLogin',
          security: SECURITY.public,
          response: {
            302: redirect(
              'To the unified-identity service, with a short-lived cookie holding the pending login',
            ),
          },
          summary:
            'Start the unified-identity (OIDC) login, of a parent, (for=staff) of a member of staff or (for=supervision) of a supervisor',
          tags: ['auth'],
          querystring: z.strictObject({ for: z.enum(['staff', 'supervision']).optional() }),
        },
      },
      async (req, reply) => {
        const f = req.query.for;
        let started: Awaited<ReturnType<typeof oidc.client.start>>;
        try {
          started = await oidc.client.start(f);
        } catch (e) {
          const failure = e instanceof LoginFailure ? e : new LoginFailure('unavailable', String(e));
          return reply.redirect(backToLogin(f, failure));
        }
        const { url, pending } = started;
        reply.header(
          'set-cookie',
          `${COOKIE}=${seal({ ...pending, ...(req.query.for ? { for: req.query.for } : {}) })}; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=600${oidc.secureCookie ? '; Secure' : ''}`,
        );
        return reply.redirect(url);
      },
    );

    app.get(
      '/oidc/callback',
      {
        schema: {
          operationId: 'finishOidcLogin',
          security: SECURITY.public,
          response: {
            302: redirect(
              'To the app, with the session in the URL fragment (#/auth?token=…), or to its login page with the reason a login failed',
            ),
          },
          summary: 'The unified-identity service returns here',
          tags: ['auth'],
          // A parameter given twice arrives as a list: refused below like any forged callback, on
          // the login page, never as a bare 400 the browser would show as JSON.
          querystring: z.object({
            code: OneOrMore.optional(),
            state: OneOrMore.optional(),
            error: OneOrMore.optional(),
          }),
        },
      },
      async (req, reply) => {
        const pending = unseal(req.headers.cookie);
        // Without the cookie, the state's tag still says which app the login started from.
        const state = [req.query.state ?? []].flat()[0];
        const f = pending ? pending.for : FOR.find((tag) => state?.startsWith(`${tag}.`));
        // The pending login is spent whatever happens: a second callback with it is refused.
        reply.header('set-cookie', clearCookie);
        const refused = (reason: LoginFailureReason, detail: string) =>
          reply.redirect(backToLogin(f, new LoginFailure(reason, detail)));
        if (!pending) return refused('expired', 'no pending login cookie (expired, or another browser)');
        const doubled = Object.entries(req.query).find(([, v]) => Array.isArray(v));
        if (doubled) return refused('state', `the callback carries ${doubled[0]} more than once`);
        let idNumber: string;
        try {
          idNumber = await oidc.client.finish(new URL(req.url, oidc.redirectUri), pending);
        } catch (e) {
          const failure = e instanceof LoginFailure ? e : new LoginFailure('unavailable', String(e));
          return reply.redirect(backToLogin(f, failure));
        }
        if (!isCitizenId(idNumber))
          return refused('claim', 'the identity carries no valid citizen ID number');
        if (f) {
          const account = await deps.engine.staff.byLogin(idNumber);
          // A clerk cannot open supervision, nor a supervisor the workbench's queues.
          if (!account || (account.role === 'supervisor') !== (f === 'supervision'))
            return f === 'supervision'
              ? refused('no_supervisor_account', 'this person holds no supervisor account')
              : refused('no_staff_account', 'this person holds no staff account');
          const token = oidc.sessions.issue(`${STAFF_SESSION}${account.id}`);
          return reply.redirect(`${appRoot(f)}/auth?token=${encodeURIComponent(token)}`);
        }
        return reply.redirect(`/#/auth?token=${encodeURIComponent(oidc.sessions.issue(idNumber))}`);
      },
    );
  };
