import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Clock } from '../domain/clock.ts';
import { handleError, handleNotFound, uncleanTextPath, UNCLEAN_TEXT } from './errors.ts';
import { enforceContract, openapiOptions, SECURITY } from './openapi.ts';
import { DEFAULT_RATE_LIMITS, installRateLimits, type RateLimits } from './rate-limits.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { AppConfig } from '../contract/public.ts';
import { fieldError } from '../domain/error.ts';
import type { DepartmentId } from '../domain/ids.ts';
import type { Engine } from '../engine/index.ts';
import { invalidInput } from '../policy/facts.ts';
import type { SimulatedRegistries } from '../registries/simulated-registries.ts';
import type { IdentityProvider } from './identity.ts';
import type { OidcClient } from './oidc.ts';
import type { LoginFailureReason } from '../domain/login-failure.ts';
import type { SessionTokens } from './sessions.ts';
import { authRoutes } from './routes/auth.ts';
import { citizenRoutes } from './routes/citizen/index.ts';
import { devRoutes } from './routes/dev.ts';
import { paymentRoutes } from './routes/payments.ts';
import { emsRoutes } from './routes/ems.ts';
import { deliveryRecordRoutes } from './routes/delivery-records.ts';
import type { SimulatedPayments } from '../departments/payments.ts';
import type { EngineSettings } from '../engine/deps.ts';
import { gatewayRoutes } from './routes/gateway.ts';
import { opsRoutes } from './routes/ops.ts';
import { receiptRoutes } from './routes/receipt.ts';
import { regionRoutes } from './routes/regions.ts';
import { serveWebApp } from './web.ts';
import { staffInboxRoutes } from './routes/staff-inbox.ts';
import { supervisionRoutes } from './routes/supervision.ts';
import { deliveryRoutes } from './routes/deliveries.ts';
import { staffRoutes } from './routes/staff.ts';
import { counterfoilRoutes } from './routes/counterfoil.ts';
import { windowCitizenRoutes, windowRoutes } from './routes/window.ts';
import { invitationOpenedRoutes, whatIfRoutes } from './routes/whatif.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received: department signatures cover these bytes. */
    rawBody?: string;
  }
}

export interface AppDeps {
  engine: Engine;
  clock: Clock;
  identity: IdentityProvider;
  gatewayKeys: Partial<Record<DepartmentId, string>>;
  /** Only outside production: the simulated registries and cashier the dev API drives. */
  dev: { registries: SimulatedRegistries; payments: SimulatedPayments } | null;
  /** Payment providers' keys for their signed payment notices. */
  paymentKeys: Record<string, string>;
  /** The post's keys for its signed tracking reports (EMS_NOTIFY_KEY); none: every report is refused. */
  carrierKeys?: Record<string, string>;
  /** The public settings the apps read (GET /api/config). */
  settings: EngineSettings;
  production: boolean;
  /** The built parents' app, served at `/` when present. */
  webRoot?: string;
  /** Rate limits per address and per login (default DEFAULT_RATE_LIMITS; tests that send many pass higher ones). */
  rateLimits?: RateLimits;
  /** The reverse proxies to trust for the client's address (TRUST_PROXY); none by default. */
  trustProxy?: string[];
  /** A unified-identity (OIDC) login, when configured. */
  oidc?: {
    client: OidcClient;
    sessions: SessionTokens;
    sessionKey: string;
    redirectUri: string;
    secureCookie: boolean;
    /** Told why each refused login was refused, with the technical cause (for the operator's log). */
    onRefused?: (reason: LoginFailureReason, detail: string) => void;
  } | null;
}

export type App = FastifyInstance<never, never, never, never, ZodTypeProvider>;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // Live views hold their connections open; closing the server ends them.
  const app = Fastify({
    logger: false,
    bodyLimit: 2 * 1024 * 1024,
    forceCloseConnections: true,
    trustProxy: deps.trustProxy ?? false,
    // Fastify's own refusals (an address that is not UTF-8, say) leave in the one error shape too.
    frameworkErrors: (error, req, reply) => void handleError(error, req, reply),
  }).withTypeProvider<ZodTypeProvider>();
  // Our own validator: the same bilingual, field-naming errors as everywhere else (the parse keeps
  // each issue's input, so a missing field reads "required", not "wrong type").
  // Text with NUL, other control characters or lone surrogates is refused first, for every field.
  app.setValidatorCompiler(({ schema, httpPart }) => (data) => {
    const unclean = uncleanTextPath(data, httpPart ?? '');
    if (unclean) return { error: fieldError('INVALID_INPUT', unclean, UNCLEAN_TEXT) };
    const r = (schema as z.ZodType).safeParse(data, { reportInput: true });
    return r.success ? { value: r.data } : { error: invalidInput(r.error, httpPart ?? '') };
  });
  enforceContract(app, deps.production);
  await installSecurityHeaders(app, { production: deps.production });
  const citizenOf = async (req: { headers: { authorization?: string } }) => {
    try {
      return (await deps.identity.citizenFrom(req.headers.authorization)).idNumber;
    } catch {
      return null;
    }
  };
  await installRateLimits(app, deps.rateLimits ?? DEFAULT_RATE_LIMITS, citizenOf, async (req) => {
    const owner = await citizenOf(req);
    // The size to come, from Content-Length: a JSON data URL carries the file in base64 (4 for 3).
    const length = Number(req.headers['content-length'] ?? 0) || 0;
    const json = req.headers['content-type']?.includes('json');
    if (owner) await deps.engine.parent.checkUploadQuota(owner, Math.floor(json ? length * 0.75 : length));
  });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    req.rawBody = body as string;
    if ((body as string).trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch (e) {
      done(
        fieldError('INVALID_INPUT', 'body', {
          zh: `不是有效的 JSON（${(e as Error).message}）`,
          en: `not valid JSON (${(e as Error).message})`,
        }) as unknown as FastifyError,
        undefined,
      );
    }
  });

  await app.register(
    swagger,
    openapiOptions({
      description:
        'Citizen, department gateway, supervision and operations endpoints. Every error has the one shape `Error`: { error: { code, message: { zh, en }, field, issues } }.',
    }),
  );
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  await app.register(opsRoutes(deps));
  await app.register(receiptRoutes(deps));
  await app.register(citizenRoutes(deps), { prefix: '/api/citizen' });
  await app.register(gatewayRoutes(deps), { prefix: '/api/gateway' });
  await app.register(deliveryRecordRoutes(deps), { prefix: '/api/gateway' });
  await app.register(supervisionRoutes(deps), { prefix: '/api/supervision' });
  await app.register(deliveryRoutes(deps), { prefix: '/api/supervision' });
  await app.register(staffRoutes(deps), { prefix: '/api/staff' });
  await app.register(counterfoilRoutes(deps), { prefix: '/api/staff/counterfoil' });
  await app.register(windowRoutes(deps), { prefix: '/api/staff/window' });
  await app.register(staffInboxRoutes(deps), { prefix: '/api/staff/inbox' });
  await app.register(windowCitizenRoutes(deps), { prefix: '/api/citizen' });
  await app.register(whatIfRoutes(deps), { prefix: '/api/supervision' });
  await app.register(invitationOpenedRoutes(deps), { prefix: '/api/citizen' });
  await app.register(devRoutes(deps), { prefix: '/api/dev' });
  await app.register(paymentRoutes(deps), { prefix: '/api/payments' });
  await app.register(emsRoutes(deps), { prefix: '/api/ems' });
  app.get(
    '/api/config',
    {
      schema: {
        summary: 'Public settings the apps follow (the name length limit)',
        tags: ['public'],
        operationId: 'getConfig',
        security: SECURITY.public,
        response: { 200: AppConfig },
      },
    },
    async () => ({
      nameMaxLength: deps.settings.nameMaxLength,
    }),
  );
  await app.register(regionRoutes(), { prefix: '/api/regions' });
  await app.register(authRoutes(deps), { prefix: '/api/auth' });
  if (deps.webRoot) await serveWebApp(app, deps.webRoot);
  return app;
}
