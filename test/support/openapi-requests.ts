import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { sign } from '../../src/http/gateway-signature.ts';
import {
  EXTRA_KEYS,
  MUTATIONS,
  mutate,
  overlong,
  shaped,
  withBadCharacter,
  type JsonSchema,
  type Mutation,
  type SchemaContext,
} from './schema-arbitrary.ts';

/**
 * Requests to one operation of the OpenAPI document, drawn from the document: path parameters,
 * query and body from their schemas, and the login its security requirement names. Most are of the
 * right shape; the rest break one part (a parameter, the query, the body, the body's bytes or the
 * login) in one place.
 */
export interface Operation {
  id: string;
  method: string;
  /** The document's path, `{name}` for each parameter. */
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: JsonSchema | null;
  body: JsonSchema | null;
  /** The security schemes of its first requirement; empty for a public operation. */
  security: string[];
  /** Its answer is a live stream (Server-Sent Events). */
  streams: boolean;
}

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
};
type Parameter = { in: string; name: string; required?: boolean; schema: JsonSchema };

export function operationsOf(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const params = (op.parameters as Parameter[] | undefined) ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      const responses = op.responses as Record<string, { content?: Record<string, unknown> }>;
      return {
        id: op.operationId as string,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        query: queryParams.length
          ? {
              type: 'object',
              properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
              required: queryParams.filter((p) => p.required).map((p) => p.name),
            }
          : null,
        body: content?.['application/json']?.schema ?? null,
        security: Object.keys((op.security as Record<string, unknown>[] | undefined)?.[0] ?? {}),
        streams: Object.values(responses).some((r) => 'text/event-stream' in (r.content ?? {})),
      };
    }),
  );
}

/** Who the fuzz logs in as, for each kind of login the document names. */
export interface Logins {
  citizens: string[];
  staff: string[];
  supervisors: string[];
  departments: Record<string, string>;
  providers: Record<string, string>;
  /** The post's keys (x-carrier). */
  carriers?: Record<string, string>;
  /** The signing time (the server's clock). */
  now: () => Date;
  /** Raw bytes an upload may carry. */
  files: { type: string; bytes: Buffer }[];
}

type Part = 'none' | 'path' | 'query' | 'body' | 'bytes' | 'login';
export interface Drawn {
  part: Part;
  mutation: Mutation;
  request: InjectOptions & { method: string; url: string; headers: Record<string, string> };
}

/** Into an address; a lone surrogate goes as the bytes a careless client would send (not UTF-8). */
const enc = (v: string) =>
  [...v].map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');

/** Not ids: other types, traversal, bytes that are not UTF-8, and names every JavaScript object has. */
const PATH_BREAKS = [
  'abc',
  '-1',
  '1.5',
  '0',
  'null',
  '%25',
  '..',
  ' ',
  '%E0%A4%A',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
];

let nonces = 0;
const nextNonce = () => `fuzz-nonce-${String(++nonces).padStart(12, '0')}`;

export function requestsFor(op: Operation, ctx: SchemaContext, logins: Logins): fc.Arbitrary<Drawn> {
  const parts: Part[] = ['none', 'none', 'none', 'none'];
  if (op.pathParams.length) parts.push('path');
  if (op.query) parts.push('query');
  if (op.body) parts.push('body', 'body');
  if (op.method !== 'GET') parts.push('bytes');
  parts.push('login');
  const params: fc.Arbitrary<unknown[]> = fc.tuple(
    ...op.pathParams.map((p) => shaped(p.schema, ctx, p.name)),
  );
  return fc
    .record({
      part: fc.constantFrom(...parts),
      mutation: fc.constantFrom(...MUTATIONS),
      pick: fc.nat(),
      params,
      query: op.query ? shaped(op.query, ctx) : fc.constant(null),
      body: op.body ? shaped(op.body, ctx) : fc.constant(undefined),
    })
    .map(({ part, mutation, pick, params: values, query, body }) => {
      const segments = values.map((v) => String(v));
      if (part === 'path') breakPath(op, segments, mutation, pick);
      let url = op.path;
      op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, enc(segments[i]!))));
      if (part === 'path' && mutation === 'extra-field') url += '/extra';
      const q = part === 'query' ? mutate(query, op.query!, ctx, mutation, pick) : query;
      url += queryString(q);
      const headers: Record<string, string> = {};
      let payload: string | Buffer | undefined;
      if (part === 'bytes') {
        const file = logins.files[pick % logins.files.length]!;
        const raw = rawBody(pick, file, mutation);
        payload = raw.payload;
        headers['content-type'] = raw.type;
      } else if (body !== undefined) {
        const b = part === 'body' ? mutate(body, op.body!, ctx, mutation, pick) : body;
        payload = JSON.stringify(b) ?? '';
        headers['content-type'] = 'application/json';
      }
      const text = payload === undefined ? '' : payload.toString();
      Object.assign(headers, loginHeaders(op, logins, { url, body: text }, part === 'login', pick));
      return { part, mutation, request: { method: op.method, url, headers, payload } } as Drawn;
    });
}

function breakPath(op: Operation, segments: string[], mutation: Mutation, pick: number) {
  const i = pick % segments.length;
  const schema = op.pathParams[i]!.schema;
  if (mutation === 'overlong') segments[i] = overlong(schema);
  else if (mutation === 'control-character' || mutation === 'lone-surrogate')
    segments[i] = withBadCharacter(segments[i]!, pick, mutation === 'lone-surrogate');
  else if (mutation === 'missing-required') segments[i] = '';
  else segments[i] = PATH_BREAKS[pick % PATH_BREAKS.length]!;
}

/** Query values as a form would send them: a list repeats the name, anything else is its text. */
function queryString(q: unknown): string {
  if (q === null || typeof q !== 'object' || Array.isArray(q))
    return q === null || q === undefined ? '' : `?${enc(JSON.stringify(q))}`;
  const pairs = Object.entries(q as Record<string, unknown>).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map(
      (x) => `${enc(k)}=${enc(typeof x === 'string' ? x : (JSON.stringify(x) ?? ''))}`,
    ),
  );
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** A body whose bytes are wrong: not JSON, cut short, of another type, empty, or a file. */
function rawBody(pick: number, file: { type: string; bytes: Buffer }, mutation: Mutation) {
  const choices: { payload: string | Buffer; type: string }[] = [
    { payload: '{"a":', type: 'application/json' },
    { payload: 'not json', type: 'application/json' },
    { payload: '', type: 'application/json' },
    { payload: '[1,2', type: 'application/json' },
    { payload: JSON.stringify({ [EXTRA_KEYS[pick % EXTRA_KEYS.length]!]: 1 }), type: 'application/json' },
    { payload: '"\\ud800"', type: 'application/json' },
    { payload: 'a=1', type: 'application/x-www-form-urlencoded' },
    { payload: 'plain', type: 'text/plain' },
    { payload: file.bytes, type: file.type },
    { payload: file.bytes.subarray(0, pick % file.bytes.length), type: file.type },
    { payload: Buffer.from([0xff, 0xfe, 0x00, 0x01]), type: 'application/octet-stream' },
  ];
  return choices[(pick + MUTATIONS.indexOf(mutation)) % choices.length]!;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const BAD_BEARERS = [
  {},
  { authorization: 'Bearer ' },
  { authorization: 'Basic YTpi' },
  bearer('dev:123'),
  bearer('dev:110105199001011559'),
  bearer('s1.forged.mac'),
  bearer('dev-staff:NO SUCH'),
  bearer('dev-staff:no-such-clerk'),
  bearer('dev-supervisor:nowhere'),
  bearer('dev-supervisor:'),
  bearer(`dev:${'9'.repeat(5000)}`),
];

/** The login the operation asks for, or (breaking it) a missing, forged, stale or misplaced one. */
function loginHeaders(
  op: Operation,
  logins: Logins,
  request: { url: string; body: string },
  broken: boolean,
  pick: number,
): Record<string, string> {
  const pickOf = <T>(xs: T[]) => xs[pick % xs.length]!;
  const scheme = op.security.find((s) => s !== 'timestamp' && s !== 'nonce' && s !== 'signature');
  if (scheme === 'department' || scheme === 'provider' || scheme === 'carrier') {
    const senders =
      scheme === 'department'
        ? logins.departments
        : scheme === 'provider'
          ? logins.providers
          : (logins.carriers ?? {});
    const [sender, key] = pickOf(Object.entries(senders));
    const header = `x-${scheme}`;
    const at = logins.now().getTime();
    const nonce = nextNonce();
    const signed = (o: { key?: string; at?: number; nonce?: string; path?: string; body?: string } = {}) => ({
      [header]: sender,
      'x-timestamp': String(o.at ?? at),
      'x-nonce': o.nonce ?? nonce,
      'x-signature': sign(
        o.key ?? key,
        op.method,
        o.path ?? request.url,
        String(o.at ?? at),
        o.nonce ?? nonce,
        o.body ?? request.body,
      ),
    });
    if (!broken) return signed();
    const breaks: (() => Record<string, string>)[] = [
      () => ({}),
      () => ({ ...signed(), 'x-signature': 'ab'.repeat(32) }),
      () => signed({ key: 'not-the-key' }),
      () => signed({ at: at - 10 * 60_000 }),
      () => signed({ at: at + 10 * 60_000 }),
      () => ({ ...signed(), 'x-timestamp': 'yesterday' }),
      () => signed({ nonce: 'short' }),
      () => signed({ nonce: `fuzz-nonce-${String(Math.max(1, nonces - 1)).padStart(12, '0')}` }),
      () => signed({ path: '/api/elsewhere' }),
      () => signed({ body: `${request.body} ` }),
      () => ({ ...signed(), [header]: 'no-such-sender' }),
      () => {
        const h = signed();
        delete h[pickOf(Object.keys(h))];
        return h;
      },
    ];
    return pickOf(breaks)();
  }
  if (broken) {
    const others = [
      bearer(`dev:${pickOf(logins.citizens)}`),
      bearer(`dev-staff:${pickOf(logins.staff)}`),
      bearer(`dev-supervisor:${pickOf(logins.supervisors)}`),
    ];
    return pickOf([...BAD_BEARERS, ...others]) as Record<string, string>;
  }
  if (scheme === 'citizen') return bearer(`dev:${pickOf(logins.citizens)}`);
  if (scheme === 'staff') return bearer(`dev-staff:${pickOf(logins.staff)}`);
  if (scheme === 'supervisor') return bearer(`dev-supervisor:${pickOf(logins.supervisors)}`);
  return {};
}

/** Ids the answers name (new cases, batches, sessions, orders), kept as hints for later requests. */
export function harvest(answer: unknown, hints: SchemaContext['hints'], keys: string[]): void {
  if (Array.isArray(answer)) return answer.slice(0, 20).forEach((a) => harvest(a, hints, keys));
  if (!answer || typeof answer !== 'object') return;
  for (const [k, v] of Object.entries(answer)) {
    if (typeof v === 'string' && keys.includes(k) && v.length <= 100) {
      const pool = (hints[k] ??= []);
      if (!pool.includes(v) && pool.length < 40) pool.push(v);
    } else harvest(v, hints, keys);
  }
}
