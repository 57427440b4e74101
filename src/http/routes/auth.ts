import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError } from '../../domain/error.ts';
import { isCitizenId } from '../../domain/citizen-id.ts';
import type { AppDeps } from '../app.ts';
import { STAFF_SESSION } from '../identity.ts';
import type { PendingLogin } from '../oidc.ts';

/**
 * Logging in. The app asks how (`/config`). With a unified-identity service configured, `/oidc/login`
 * sends the browser there and `/oidc/callback` takes it back: the ID token is verified, a platform
 * session is issued, and the app picks it up from the URL fragment (never sent to a server).
 */
const COOKIE = 'onething_oidc';

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/config',
      { schema: { summary: 'The login methods this server offers', tags: ['auth'] } },
      async () => deps.identity.login,
    );

    const oidc = deps.oidc;
    if (!oidc) return;
    // The pending login rides in a signed, short-lived, HttpOnly cookie: no server-side state.
    // Who is logging in: a parent (the parents' app) or a member of staff (the workbench).
    type Pending = PendingLogin & { for?: 'staff' };
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
    const refused = (why: string) =>
      fieldError('UNAUTHORIZED', 'authorization', {
        zh: `统一身份认证登录失败（${why}），请重新登录`,
        en: `the unified-identity login failed (${why}); please log in again`,
      });

    app.get(
      '/oidc/login',
      {
        schema: {
          summary: 'Start the unified-identity (OIDC) login, of a parent or (for=staff) of a member of staff',
          tags: ['auth'],
          querystring: z.strictObject({ for: z.enum(['staff']).optional() }),
        },
      },
      async (req, reply) => {
        const { url, pending } = await oidc.client.start();
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
          summary: 'The unified-identity service returns here',
          tags: ['auth'],
          querystring: z.object({
            code: z.string().optional(),
            state: z.string().optional(),
            error: z.string().optional(),
          }),
        },
      },
      async (req, reply) => {
        const pending = unseal(req.headers.cookie);
        if (!pending) throw refused('no pending login');
        let idNumber: string;
        try {
          idNumber = await oidc.client.finish(new URL(req.url, oidc.redirectUri), pending);
        } catch (e) {
          throw refused((e as Error).message);
        }
        if (!isCitizenId(idNumber)) throw refused('the identity has no valid citizen ID number');
        reply.header('set-cookie', `${COOKIE}=; Path=/api/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=0`);
        if (pending.for === 'staff') {
          const staffId = await deps.engine.staff.byLogin(idNumber);
          if (!staffId) throw refused('this person holds no staff account');
          const token = oidc.sessions.issue(`${STAFF_SESSION}${staffId}`);
          return reply.redirect(`/staff/#/auth?token=${encodeURIComponent(token)}`);
        }
        return reply.redirect(`/#/auth?token=${encodeURIComponent(oidc.sessions.issue(idNumber))}`);
      },
    );
  };
