import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import type { LoginFailureReason } from '../../src/domain/login-failure.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { oidcClient, type OidcSettings } from '../../src/http/oidc.ts';
import { sessionTokens } from '../../src/http/sessions.ts';
import { simulatedFaceVerifier } from '../../src/registries/face-verification.ts';
import type { FamilySituationInput } from '../../src/registries/port.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { testEngine } from './engine.ts';
import { TEST_RATE_LIMITS } from './rate-limits.ts';

/** Where the tests' service says its callback is (loopback http: allowed in development only). */
export const REDIRECT_URI = 'http://127.0.0.1:8080/api/auth/oidc/callback';

/**
 * The service in production mode (no dev login) with a unified-identity login, on the given store,
 * keeping each refusal's reason and technical cause as the operator's log would.
 */
export async function appWithOidc(db: Db, family: FamilySituationInput, settings: Partial<OidcSettings>) {
  const clock = fakeClock(new Date());
  const shared = simulatedRegistries();
  shared.load(family);
  const engine = testEngine({
    db,
    clock,
    calendar: officialCalendar(),
    shared,
    faces: simulatedFaceVerifier(async () => true),
    newCaseId: () => 'O-1',
  });
  const sessions = sessionTokens('session-key', clock);
  const client = oidcClient({
    issuer: 'http://127.0.0.1:1',
    clientId: 'onething',
    clientAuth: { method: 'client_secret_basic', secret: 's3cret' },
    redirectUri: REDIRECT_URI,
    idClaim: 'id_card_number',
    idClaimFrom: 'id_token',
    allowLoopbackHttp: true,
    ...settings,
  });
  const refusals: { reason: LoginFailureReason; detail: string }[] = [];
  const app = await buildApp({
    engine,
    clock,
    identity: identityProvider({
      production: true,
      sessions,
      oidc: true,
      supervisedRegions: engine.supervisor.regionsOf,
    }),
    gatewayKeys: {},
    dev: null,
    paymentKeys: {},
    settings: { nameMaxLength: 20 },
    production: true,
    rateLimits: TEST_RATE_LIMITS,
    oidc: {
      client,
      sessions,
      sessionKey: 'session-key',
      redirectUri: REDIRECT_URI,
      secureCookie: false,
      onRefused: (reason, detail) => refusals.push({ reason, detail }),
    },
  });
  return {
    app,
    refusals,
    /** Start a login; the cookie the browser keeps and where the service sends it. */
    async start(query = '') {
      const res = await app.inject({ method: 'GET', url: `/api/auth/oidc/login${query}` });
      const setCookie = res.headers['set-cookie'];
      return {
        status: res.statusCode,
        location: String(res.headers.location),
        cookie: setCookie ? String(setCookie).split(';')[0]! : '',
      };
    },
    /** The provider sent the browser back to `back`: where does the service send it next? */
    async callback(back: URL, cookie: string) {
      const res = await app.inject({
        method: 'GET',
        url: `${back.pathname}${back.search}`,
        headers: cookie ? { cookie } : {},
      });
      return { status: res.statusCode, location: String(res.headers.location), body: res.body };
    },
    /** The session token in a successful callback's redirect, or null. */
    tokenIn(location: string) {
      const m = /#(?:\/supervision)?\/auth\?token=([^&]+)/.exec(location);
      return m ? decodeURIComponent(m[1]!) : null;
    },
  };
}
