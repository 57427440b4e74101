import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { hospitalOnTheGateway } from '../support/hospital-gateway.ts';

/**
 * What a department's integrator does with nothing but the platform's address: generate types from
 * `/docs/json` (openapi-typescript), write a client with openapi-fetch that signs requests as the
 * document's security scheme describes, typecheck it against the generated types, and run it
 * against a running server. A drift between the document and the server fails here: in the
 * typecheck when a shape changed, at run time when the signing text is not what the server checks.
 * The store does not matter (gateway-push.test.ts covers both), so this runs on PGlite only.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const bin = (path: string) => join(ROOT, 'node_modules', path);
let db: Db;
let app: FastifyInstance;
let base: string;
let dir: string;

/**
 * The integrator's program. It knows the API only through the generated `api.ts`, and signing only
 * through the `department` security scheme's description: HMAC-SHA256 in lower-case hex, keyed with
 * the key's UTF-8 bytes, over METHOD, path with query as sent, timestamp, nonce and body, joined by
 * line feeds. With an argument, it sends the decision saved in that file again (after a lost
 * answer, say): same body, same txnId.
 */
const PROGRAM = String.raw`
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api.js';

type Decision = paths['/api/gateway/decisions']['post']['requestBody']['content']['application/json'];
type ApiError = components['schemas']['Error'];

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(name + ' is not set');
  return value;
}
const department = setting('GATEWAY_DEPARTMENT');
const key = setting('GATEWAY_KEY');

const signing: Middleware = {
  async onRequest({ request }) {
    const url = new URL(request.url);
    const body = request.body ? await request.clone().text() : '';
    const timestamp = String(Date.now());
    const nonce = randomBytes(16).toString('hex');
    const signed = [request.method.toUpperCase(), url.pathname + url.search, timestamp, nonce, body].join('\n');
    request.headers.set('x-department', department);
    request.headers.set('x-timestamp', timestamp);
    request.headers.set('x-nonce', nonce);
    request.headers.set(
      'x-signature',
      createHmac('sha256', Buffer.from(key, 'utf8')).update(signed, 'utf8').digest('hex'),
    );
    return request;
  },
};
const api = createClient<paths>({ baseUrl: setting('ONETHING_URL') });
api.use(signing);

function fail(step: string, status: number, error?: ApiError): never {
  process.stderr.write(JSON.stringify({ step, status, error }) + '\n');
  process.exit(1);
}

async function decide(decision: Decision) {
  const { data, error, response } = await api.POST('/api/gateway/decisions', { body: decision });
  if (!data) fail('decide', response.status, error);
  return data;
}

const again = process.argv[2];
if (again) {
  const decision = JSON.parse(readFileSync(again, 'utf8')) as Decision;
  console.log(JSON.stringify({ decided: await decide(decision) }));
} else {
  const listed = await api.GET('/api/gateway/tasks');
  if (!listed.data) fail('list', listed.response.status, listed.error);
  const open = listed.data.find((t) => t.task.item === 'birth-certificate' && t.claimedAt === null);
  if (!open) fail('list', 404);
  const { taskId, caseId, item } = open.task;
  const claim = await api.POST('/api/gateway/tasks/{taskId}/claim', { params: { path: { taskId } } });
  if (!claim.data) fail('claim', claim.response.status, claim.error);
  const decision: Decision = {
    txnId: taskId + ':done',
    caseId,
    item,
    outcome: 'done',
    outputs: { certificateNumber: 'P350000777' },
  };
  // Kept before sending, so the decision can be sent again unchanged if its answer is lost.
  writeFileSync('decision.json', JSON.stringify(decision));
  console.log(JSON.stringify({ listed: listed.data.length, claimed: claim.data, decided: await decide(decision) }));
}
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    types: ['node'],
    noEmit: true,
    skipLibCheck: true,
  },
  files: ['integrator.ts'],
};

async function run(command: string, args: string[], env: Record<string, string> = {}) {
  try {
    const r = await promisify(execFile)(command, args, { cwd: dir, env: { ...process.env, ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}
const integrator = (args: string[], key = 'k-hospital') =>
  run(process.execPath, [bin('tsx/dist/cli.mjs'), 'integrator.ts', ...args], {
    ONETHING_URL: base,
    GATEWAY_DEPARTMENT: 'midwifery-institution',
    GATEWAY_KEY: key,
  });

beforeAll(async () => {
  ({ db, app, base } = await hospitalOnTheGateway('GEN-1'));

  dir = mkdtempSync(join(tmpdir(), 'onething-integrator-'));
  // The integrator's own project: ESM, with openapi-fetch, openapi-typescript and TypeScript installed.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  writeFileSync(join(dir, 'integrator.ts'), PROGRAM);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const itemRow = async () =>
  (
    await db.query<{ status: string; done: number; txns: number }>(
      `select status,
              (select count(*)::int from case_events
                where case_id = 'GEN-1' and type = 'item-done' and payload->>'item' = 'birth-certificate') as done,
              (select count(*)::int from inbound_decisions where case_id = 'GEN-1') as txns
         from case_items where case_id = 'GEN-1' and item = 'birth-certificate'`,
    )
  )[0]!;

describe('a client generated from /docs/json', { timeout: 120_000 }, () => {
  it('typechecks against the generated types, signs as the document says, and decides once', async () => {
    const doc = (await (await fetch(`${base}/docs/json`)).json()) as {
      components: { securitySchemes: Record<string, { description: string }> };
    };
    // What the program's signing follows, as the document states it.
    const says = doc.components.securitySchemes.department!.description;
    for (const rule of [
      'HMAC-SHA256 in lower-case hex',
      "the UTF-8 bytes of the sender's key as issued",
      'joined by a line feed, none after the last',
      'METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY',
      'the path with its query exactly as sent, percent-encoding included',
      'Unix milliseconds',
      'empty when there is none',
    ])
      expect(says).toContain(rule);

    const generated = await run(process.execPath, [
      bin('openapi-typescript/bin/cli.js'),
      `${base}/docs/json`,
      '--output',
      'api.ts',
    ]);
    expect(generated.code, generated.stderr).toBe(0);
    const typecheck = await run(process.execPath, [bin('typescript/bin/tsc'), '-p', 'tsconfig.json']);
    expect(typecheck.code, typecheck.stdout + typecheck.stderr).toBe(0);

    expect(await itemRow()).toEqual({ status: 'dispatched', done: 0, txns: 0 });
    const first = await integrator([]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      listed: expect.any(Number),
      claimed: { taskId: 'GEN-1:birth-certificate:1', claimed: true },
      decided: {
        txnId: 'GEN-1:birth-certificate:1:done',
        ok: true,
        caseId: 'GEN-1',
        item: 'birth-certificate',
        status: 'done',
        replayed: false,
      },
    });
    expect(await itemRow()).toEqual({ status: 'done', done: 1, txns: 1 });

    // The same decision again (its answer lost, say): a duplicate, not a second decision.
    const second = await integrator(['decision.json']);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).decided).toMatchObject({ status: 'done', replayed: true });
    expect(await itemRow()).toEqual({ status: 'done', done: 1, txns: 1 });

    // Signed with another key, the same program is refused, naming the signature.
    const forged = await integrator(['decision.json'], 'k-guessed');
    expect(forged.code).toBe(1);
    expect(JSON.parse(forged.stderr)).toMatchObject({
      step: 'decide',
      status: 401,
      error: { error: { code: 'UNAUTHORIZED', field: 'x-signature' } },
    });
  });
});
