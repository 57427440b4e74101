import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Clock } from '../domain/clock.ts';
import { AppError } from '../domain/error.ts';
import type { DepartmentId } from '../domain/ids.ts';
import type { Engine } from '../engine/index.ts';
import { invalidInput } from '../policy/facts.ts';
import type { SimulatedRegistries } from '../registries/simulated-registries.ts';
import type { IdentityProvider } from './identity.ts';
import type { OidcClient } from './oidc.ts';
import type { SessionTokens } from './sessions.ts';
import { authRoutes } from './routes/auth.ts';
import { citizenRoutes } from './routes/citizen/index.ts';
import { devRoutes } from './routes/dev.ts';
import { gatewayRoutes } from './routes/gateway.ts';
import { opsRoutes } from './routes/ops.ts';
import { receiptRoutes } from './routes/receipt.ts';
import { regionRoutes } from './routes/regions.ts';
import { serveWebApp } from './web.ts';
import { supervisionRoutes } from './routes/supervision.ts';

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
  /** Only outside production: the dev API loads family situations into the simulated registries. */
  devRegistries: SimulatedRegistries | null;
  production: boolean;
  /** The built parents' app, served at `/` when present. */
  webRoot?: string;
  /** A unified-identity (OIDC) login, when configured. */
  oidc?: {
    client: OidcClient;
    sessions: SessionTokens;
    sessionKey: string;
    redirectUri: string;
    secureCookie: boolean;
  } | null;
}

export type App = FastifyInstance<never, never, never, never, ZodTypeProvider>;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  // Our own validator: the same bilingual, field-naming errors as everywhere else (the parse keeps
  // each issue's input, so a missing field reads "required", not "wrong type").
  app.setValidatorCompiler(({ schema, httpPart }) => (data) => {
    const r = (schema as z.ZodType).safeParse(data, { reportInput: true });
    return r.success ? { value: r.data } : { error: invalidInput(r.error, httpPart ?? '') };
  });
  app.setSerializerCompiler(serializerCompiler);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    req.rawBody = body as string;
    if ((body as string).trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch (e) {
      done(
        new AppError(
          'INVALID_INPUT',
          {
            zh: `body：不是有效的 JSON（${(e as Error).message}）`,
            en: `body: not valid JSON (${(e as Error).message})`,
          },
          { field: 'body' },
        ) as unknown as FastifyError,
        undefined,
      );
    }
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: '新生儿出生“一件事” API / newborn one-thing service API',
        version: '0.1.0',
        description:
          'Citizen, department gateway, supervision and operations endpoints. Errors: { error: { code, message: { zh, en }, field, issues } }.',
      },
      components: { securitySchemes: { citizen: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((error: FastifyError | AppError, _req, reply) => {
    if (error instanceof AppError) return reply.status(error.httpStatus).send({ error: error.toJSON() });
    const status = (error as FastifyError).statusCode ?? 500;
    if (status < 500) {
      return reply.status(status).send({
        error: {
          code: 'INVALID_INPUT',
          message: { zh: `请求有误：${error.message}`, en: `Bad request: ${error.message}` },
        },
      });
    }
    console.error(error);
    return reply.status(500).send({
      error: {
        code: 'INTERNAL',
        message: { zh: '服务器内部错误，请稍后再试', en: 'internal error; please try again later' },
      },
    });
  });

  await app.register(opsRoutes(deps));
  await app.register(receiptRoutes(deps));
  await app.register(citizenRoutes(deps), { prefix: '/api/citizen' });
  await app.register(gatewayRoutes(deps), { prefix: '/api/gateway' });
  await app.register(supervisionRoutes(deps), { prefix: '/api/supervision' });
  await app.register(devRoutes(deps), { prefix: '/api/dev' });
  await app.register(regionRoutes(), { prefix: '/api/regions' });
  await app.register(authRoutes(deps), { prefix: '/api/auth' });
  if (deps.webRoot) await serveWebApp(app, deps.webRoot);
  return app;
}
