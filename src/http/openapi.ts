import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { createJsonSchemaTransformObject, jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeEncode, type $ZodType } from 'zod/v4/core';
import { ApiError } from '../contract/common.ts';
import { getPolicy } from '../policies/index.ts';
import { sampleSituation } from '../registries/population.ts';
import { FamilySituation } from '../registries/port.ts';
import { REPLAY_WINDOW_MS } from './gateway-signature.ts';
import { exampleOf } from './openapi-examples.ts';
import { logWarning } from '../log.ts';

/**
 * The OpenAPI document is the contract (`/docs/json`). Each route declares its success answers
 * beside it (src/contract/); here every route also gets the error answers it can give, in the one
 * error shape, and every answer is serialised through its schema, so the document cannot promise
 * what the server does not send.
 */

type Doc = Record<string, unknown> & { paths: Record<string, Record<string, Operation>> };
interface Operation {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
  [k: string]: unknown;
}
interface MediaType {
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: unknown;
}

const ERROR_TEXT: Record<string, string> = {
  400: 'INVALID_INPUT: the request failed its schema; `issues` names each field in Chinese and English',
  401: 'UNAUTHORIZED: the login, or the signature, its timestamp or nonce, is missing, wrong, replayed or out of its window',
  404: 'NOT_FOUND / UNKNOWN_REGION: nothing with that id for this caller (another party’s data reads as absent)',
  409: 'CONFLICT: the step is not allowed in the current state of the case or item',
  413: 'PAYLOAD_TOO_LARGE: the body is larger than the route takes',
  429: 'TOO_MANY_REQUESTS: a rate limit was reached (per address or per login); `Retry-After` gives the seconds to wait',
  500: 'INTERNAL / INVALID_POLICY: the server failed; the message says nothing about the data',
  503: 'CALENDAR_NOT_COVERED / REGISTRY_UNAVAILABLE: a calendar year or a registry the answer needs is not available',
};
const SUCCESS_TEXT: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  204: 'Done; no content',
  302: 'Redirected (see Location)',
};

/** The errors a route can answer with, from its shape: who may call it, what it takes. */
export function errorStatuses(method: string, schema: FastifySchema & { security?: unknown[] }): number[] {
  const secured = (schema.security ?? []).length > 0;
  const codes = [400];
  if (secured) codes.push(401);
  if (secured || schema.params) codes.push(404);
  if (secured && method !== 'GET') codes.push(409);
  if (schema.body) codes.push(413);
  codes.push(500);
  if (secured) codes.push(503);
  return codes;
}

/**
 * Every documented route answers errors in the one shape; a route may declare others itself.
 * Also, outside production, an answer holding a field its schema does not declare is refused (a
 * 500 naming the fields), so a test that reaches the route finds the drift; in production the
 * answer is sent whole and the drift logged, so a parent is never refused over the document.
 */
export function enforceContract(app: FastifyInstance, production: boolean): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as (FastifySchema & { hide?: boolean; security?: unknown[] }) | undefined;
    if (!schema || schema.hide) return;
    const method = String(route.method);
    const response = { ...(schema.response as Record<string, unknown> | undefined) };
    for (const code of errorStatuses(method, schema)) response[code] ??= ApiError;
    route.schema = { ...schema, response };
  });
  app.setSerializerCompiler(({ schema, method, url }) => {
    const zod = schema as $ZodType;
    return (data) => {
      const result = safeEncode(zod, data);
      if (!result.success) {
        if (!production)
          throw new Error(`${method} ${url}: the answer does not fit its schema: ${result.error.message}`);
        logWarning({ where: `${method} ${url}`, code: 'RESPONSE_SCHEMA' }, result.error.message);
        return JSON.stringify(data);
      }
      const undeclared = strippedPaths(data, result.data, '');
      if (undeclared.length) {
        const text = `${method} ${url}: the answer has fields its schema does not declare: ${undeclared.join(', ')}`;
        if (!production) throw new Error(text);
        logWarning({ where: `${method} ${url}`, code: 'RESPONSE_SCHEMA' }, text);
        return JSON.stringify(data);
      }
      return JSON.stringify(result.data);
    };
  });
}

/** Where the encoded answer lost fields the handler gave (a plain object's key, with a value). */
function strippedPaths(given: unknown, sent: unknown, path: string): string[] {
  if (Array.isArray(given) && Array.isArray(sent))
    return given.flatMap((g, i) => strippedPaths(g, sent[i], `${path}[${i}]`));
  if (!isPlain(given) || !isPlain(sent)) return [];
  return Object.entries(given).flatMap(([k, v]) => {
    const here = path ? `${path}.${k}` : k;
    if (v === undefined || typeof v === 'function') return [];
    return Object.hasOwn(sent, k) ? strippedPaths(v, sent[k], here) : [here];
  });
}
const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

const SIGNED = `HMAC-SHA256 in lower-case hex (64 characters), keyed with the UTF-8 bytes of the sender's key as issued (not decoded from hex or base64), over the UTF-8 bytes of five lines joined by a line feed, none after the last, \`METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY\`: the method in upper case; the path with its query exactly as sent, percent-encoding included (e.g. \`/api/gateway/tasks\`, or \`/api/gateway/tasks/F-1%3Ahukou-registration%3A1/claim\` from a client that encodes a task id's colons); the same timestamp as \`x-timestamp\`; the same nonce as \`x-nonce\`; and the request body exactly as sent (empty when there is none, as for GET). The timestamp is Unix milliseconds and must be within ${REPLAY_WINDOW_MS / 60_000} minutes of the server's clock. The nonce (16 to 64 of \`A-Z a-z 0-9 - _\`, e.g. 16 random bytes in hex) must be new for every request: the server remembers it for the window, shared by all its instances, and answers a second request with it (a replay) 401. Missing headers are 401 too.`;

/** The swagger plugin's options: the document's head, its logins, and the pass that finishes it. */
export function openapiOptions(o: { description: string }): FastifyDynamicSwaggerOptions {
  const transformObject = createJsonSchemaTransformObject({});
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '新生儿出生“一件事” API / newborn one-thing service API',
        version: '0.1.0',
        description: o.description,
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: 'this server' }],
      tags: [
        { name: 'citizen', description: "The parents' app: applying, cases, follow-up" },
        { name: 'staff', description: 'The department workbench, the joint window, counterfoils, the inbox' },
        { name: 'gateway', description: 'Department systems: pull tasks, claim, decide (signed)' },
        { name: 'supervision', description: '办件监察: dashboards, reports, what-if' },
        { name: 'payments', description: 'Payment providers’ signed notices' },
        { name: 'post', description: 'The post (EMS): signed parcel tracking reports' },
        { name: 'regions', description: 'The regions and their policies, as data (public)' },
        { name: 'public', description: 'Receipt verification and public settings' },
        { name: 'auth', description: 'Logging in' },
        { name: 'dev', description: 'Development only: demo families, accounts and the simulated cashier' },
      ],
      components: {
        securitySchemes: {
          citizen: {
            type: 'http',
            scheme: 'bearer',
            description:
              "A parent. The platform's session `s1.<payload>.<mac>` issued after the unified-identity (OIDC) login (`/api/auth/oidc/login`); outside production also `dev:<citizen ID number>`.",
          },
          staff: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A member of staff. The session issued after the unified-identity login with `for=staff` (`/api/auth/oidc/login?for=staff`), mapped by ID number to a staff account; outside production also `dev-staff:<staff id>` (the ids are listed by `GET /api/dev/staff`).',
          },
          supervisor: {
            type: 'http',
            scheme: 'bearer',
            description:
              "A supervisor of one or more regions. The platform's session issued after the unified-identity login with `for=supervision` (`/api/auth/oidc/login?for=supervision`), mapped by ID number to a supervisor account (loaded with `onething staff load`, `supervisors[]`), which names the regions; a clerk's session is refused (401), and a region not among the account's answers 404. Outside production also `dev-supervisor:<region>[,<region>…]`, e.g. `dev-supervisor:fujian,anhui`.",
          },
          department: {
            type: 'apiKey',
            in: 'header',
            name: 'x-department',
            description: `The department sending (e.g. \`police\`), whose key signs the request. Used with \`x-timestamp\`, \`x-nonce\` and \`x-signature\`: ${SIGNED}`,
          },
          provider: {
            type: 'apiKey',
            in: 'header',
            name: 'x-provider',
            description: `The payment provider sending, whose key signs the notice. Used with \`x-timestamp\`, \`x-nonce\` and \`x-signature\`: ${SIGNED}`,
          },
          carrier: {
            type: 'apiKey',
            in: 'header',
            name: 'x-carrier',
            description: `The post sending tracking reports (\`ems\`), whose key (EMS_NOTIFY_KEY) signs them. Used with \`x-timestamp\`, \`x-nonce\` and \`x-signature\`: ${SIGNED}`,
          },
          timestamp: {
            type: 'apiKey',
            in: 'header',
            name: 'x-timestamp',
            description: 'Unix milliseconds when the request was signed; outside 5 minutes it is refused.',
          },
          signature: {
            type: 'apiKey',
            in: 'header',
            name: 'x-signature',
            description: SIGNED,
          },
          nonce: {
            type: 'apiKey',
            in: 'header',
            name: 'x-nonce',
            description:
              'A new random value for every signed request (16 to 64 of A-Z a-z 0-9 - _); a nonce seen within the 5-minute window is a replay and refused with 401.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) => finish(transformObject(doc) as unknown as Doc) as never,
  };
}

/** Where an example built from the schema would not be a valid document, the real thing is shown. */
const REAL_EXAMPLES: Record<string, () => unknown> = {
  getRegionPolicy: () => getPolicy('fujian'),
  getSampleFamily: () => FamilySituation.parse(sampleSituation('fujian')),
};

/** Operation defaults the routes do not spell out: descriptions, examples, unused components pruned. */
function finish(doc: Doc): Doc {
  const components = (doc.components ?? {}) as { schemas?: Record<string, unknown> };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      // A route added without one still gets a stable id; the contract test lists such routes.
      op.operationId ??= derivedOperationId(method, path);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (response.description === 'Default Response')
          response.description = SUCCESS_TEXT[status] ?? ERROR_TEXT[status] ?? 'Answer';
        for (const media of Object.values(response.content ?? {})) {
          if (media.example !== undefined || media.examples !== undefined || !media.schema) continue;
          const real = status.startsWith('2') ? REAL_EXAMPLES[op.operationId ?? ''] : undefined;
          media.example = real ? real() : exampleOf(media.schema, components.schemas ?? {});
        }
      }
    }
  }
  pruneUnused(doc);
  return doc;
}

/** `GET /api/staff/queues/{view}` → `getApiStaffQueuesByView`. */
export function derivedOperationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((p) => (p.startsWith('{') ? `by-${p.slice(1, -1)}` : p))
    .flatMap((p) => p.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** Components no operation reaches (the input twins of answers, other modules' schemas) are dropped. */
function pruneUnused(doc: Doc): void {
  const schemas = (doc.components as { schemas?: Record<string, unknown> } | undefined)?.schemas;
  if (!schemas) return;
  const used = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      if (k === '$ref' && typeof child === 'string') {
        const name = child.replace('#/components/schemas/', '');
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(child);
    }
  };
  visit(doc.paths);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

/** Answers that are not JSON: what a route declares for them (the document's content types). */
const Bytes = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary', examples: [''] });
const binary = (mime: string, description: string) => ({
  description,
  content: { [mime]: { schema: Bytes } },
});
/** A file whose type depends on what was uploaded. */
export const fileAnswer = (description: string, mimes: string[]) => ({
  description,
  content: Object.fromEntries(mimes.map((m) => [m, { schema: Bytes }])),
});
export const pdfAnswer = (description: string) => binary('application/pdf', description);
export const csvAnswer = (description: string) => ({
  description,
  content: { 'text/csv': { schema: z.string().meta({ examples: ['\uFEFF事项,时限\n出生医学证明,5\n'] }) } },
});
export const eventStream = (description: string) => ({
  description,
  content: {
    'text/event-stream': {
      schema: z.string().meta({ examples: ['event: case\ndata: {"id":"F-1","version":3,…}\n\n'] }),
    },
  },
});
export const noContent = z.undefined().meta({ description: 'Done; no content' });
export const redirect = (description: string) => z.undefined().meta({ description });

/** Who may call an operation (the document's security requirements). */
export const SECURITY = {
  public: [],
  citizen: [{ citizen: [] }],
  staff: [{ staff: [] }],
  supervisor: [{ supervisor: [] }],
  department: [{ department: [], timestamp: [], nonce: [], signature: [] }],
  provider: [{ provider: [], timestamp: [], nonce: [], signature: [] }],
  carrier: [{ carrier: [], timestamp: [], nonce: [], signature: [] }],
};
