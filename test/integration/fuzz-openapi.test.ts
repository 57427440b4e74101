import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { ERROR_CODES } from '../../src/domain/error.ts';
import { fieldLabel } from '../../src/domain/labels.ts';
import type { RateLimits } from '../../src/http/rate-limits.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { CARRIER_KEYS, fuzzRig, GATEWAY_KEYS, PAYMENT_KEYS, type FuzzRig } from '../support/fuzz-rig.ts';
import {
  harvest,
  operationsOf,
  requestsFor,
  type Drawn,
  type Logins,
  type Operation,
} from '../support/openapi-requests.ts';
import { fieldPaths, type SchemaContext } from '../support/schema-arbitrary.ts';
import { signaturePng } from '../support/signature-png.ts';

/**
 * Every operation of the OpenAPI document (`/docs/json`), fuzzed from its own schemas: path
 * parameters, query and body of the right shape, and broken in one place (a wrong type, a required
 * field left out, a field too many, a string past its limit, a control character, a lone surrogate,
 * bytes that are not JSON, a missing, forged, stale or replayed login or signature). Over 10,000
 * requests, and none may answer 5xx; every 4xx is in the one error shape with its documented code;
 * every refusal of input (400, 422) names the field by its label in Chinese and in English.
 *
 * FUZZ_RUNS_PER_OPERATION (default 120) and FUZZ_SEED explore further than CI does.
 */
const PER_OPERATION = Number(process.env.FUZZ_RUNS_PER_OPERATION ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20261213);
/** High enough that no limit answers in place of the route; the limits have their own test. */
const UNLIMITED: RateLimits = {
  windowMs: 60_000,
  login: { perIp: 1_000_000 },
  evaluate: { perIp: 1_000_000, perUser: 1_000_000 },
  uploads: { perIp: 1_000_000, perUser: 1_000_000 },
  receipt: { perIp: 1_000_000 },
};

let rig: FuzzRig;
let ops: Operation[];
let ctx: SchemaContext;
let logins: Logins;

beforeAll(async () => {
  rig = await fuzzRig({ submitted: true, oidc: true, rateLimits: UNLIMITED });
  const doc = (await rig.app.inject({ method: 'GET', url: '/docs/json' })).json();
  ops = operationsOf(doc);
  const policy = getPolicy('fujian');
  const png = signaturePng();
  const dataUrl = `data:image/png;base64,${png.toString('base64')}`;
  const mother = rig.family.mother.idNumber;
  const father = rig.family.father!.idNumber;
  const day = ['2026-11-01', '2026-10-15'];
  ctx = {
    components: doc.components?.schemas ?? {},
    hints: {
      caseId: [rig.submitted!.caseId],
      clientTxnId: [rig.submitted!.clientTxnId],
      item: policy.items.map((i) => i.id),
      material: policy.materials.map((m) => m.id),
      deadline: policy.familyDeadlines.map((d) => d.id),
      region: ['fujian'],
      birthOrder: [1],
      month: ['2026-11', '2026-10'],
      since: day,
      from: day,
      to: ['2026-11-30'],
      motherIdNumber: [mother],
      motherIdNumbers: [[mother], [mother, father]],
      idNumber: [mother, father],
      signature: [dataUrl],
      photo: [dataUrl],
      face: [dataUrl],
      dataUrl: [dataUrl],
      divisionCode: ['350583', '350500'],
      baby: [{ surname: '李', givenName: '安然' }],
      choices: [{ followParent: 'father' }],
      application: [
        rig.submitted!.application,
        // As a hospital's joint window sends it: the clerk applies for the mother.
        {
          motherIdNumber: mother,
          baby: { surname: '李', givenName: '安然' },
          choices: { followParent: 'father' },
        },
        {
          applicantRole: 'mother',
          motherIdNumber: mother,
          baby: { surname: '李', givenName: '安然' },
          choices: { followParent: 'father' },
        },
      ],
    },
  };
  logins = {
    citizens: [mother, mother, father, makeCitizenId('110105', '1990-01-01', 155)],
    staff: (await rig.engine.staff.directory('fujian')).map((s) => s.id),
    supervisors: ['fujian', 'fujian', 'fujian,anhui', 'anhui'],
    departments: GATEWAY_KEYS as Record<string, string>,
    providers: PAYMENT_KEYS,
    carriers: CARRIER_KEYS,
    now: () => rig.clock.now(),
    files: [
      { type: 'image/png', bytes: png },
      { type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') },
      {
        type: 'image/jpeg',
        bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]),
      },
    ],
  };
});
afterAll(async () => rig?.close());

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** One request; a live stream is read to its first event and then left, as a viewer would. */
async function send(op: Operation, d: Drawn): Promise<Answer> {
  if (!op.streams) {
    const r = await rig.app.inject(d.request);
    return { status: r.statusCode, type: String(r.headers['content-type'] ?? ''), body: r.body };
  }
  const r = await rig.app.inject({ ...d.request, payloadAsStream: true });
  const stream = r.stream();
  let body = '';
  for await (const chunk of stream) {
    body += String(chunk);
    if (r.statusCode < 300) break;
  }
  r.raw.res.destroy();
  return { status: r.statusCode, type: String(r.headers['content-type'] ?? ''), body };
}

/** What is wrong with an answer, if anything. */
function faults(a: Answer): string[] {
  if (a.status >= 500) return [`answered ${a.status}`];
  if (a.status < 400) return [];
  if (!a.type.includes('application/json')) return [`${a.status} is not JSON (${a.type})`];
  const e = (JSON.parse(a.body) as { error?: Record<string, unknown> }).error;
  const message = e?.message as { zh?: unknown; en?: unknown } | undefined;
  if (!e || typeof message?.zh !== 'string' || typeof message.en !== 'string' || !message.zh || !message.en)
    return [`${a.status} is not in the error shape`];
  const code = e.code as keyof typeof ERROR_CODES;
  if (ERROR_CODES[code] !== a.status) return [`${a.status} carries code ${String(code)}`];
  // Input refused: 400 (no code answers 422, so a 422 has failed the check above already).
  if (a.status !== 400) return [];
  const named = [
    { field: e.field, message },
    ...((e.issues as { field: unknown; message: typeof message }[]) ?? []),
  ];
  return named.flatMap(({ field, message: m }) => {
    const label = typeof field === 'string' ? fieldLabel(field) : null;
    if (!label) return [`${a.status} names ${String(field)} with no label`];
    // In English the label may start a sentence or sit inside one ("The policy copy is invalid").
    if (!String(m?.zh).includes(label.zh) || !String(m?.en).toLowerCase().includes(label.en.toLowerCase()))
      return [`${a.status} does not name ${field} by its label in both languages`];
    return [];
  });
}

const HARVESTED = ['id', 'caseId', 'taskId', 'orderId', 'uploadId', 'signingSessionId'];

describe('every operation of the OpenAPI document, fuzzed from its schemas', () => {
  it('has a label for every field the document takes, so a refusal can name it', () => {
    const unlabelled = ops.flatMap((op) =>
      [
        ...op.pathParams.map((p) => `params.${p.name}`),
        ...(op.query ? ['querystring', ...fieldPaths(op.query, ctx, 'querystring')] : []),
        ...(op.body ? ['body', ...fieldPaths(op.body, ctx, 'body')] : []),
      ]
        .filter((path) => !fieldLabel(path))
        .map((path) => `${op.id}: ${path}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it(`${PER_OPERATION} requests to each: no 5xx, errors in the one shape, refused input named by its label`, async () => {
    const counts = new Map<string, Map<number, number>>();
    const found = new Map<string, string>();
    for (const [n, op] of ops.entries()) {
      const tally = new Map<number, number>();
      counts.set(op.id, tally);
      await fc.assert(
        fc.asyncProperty(requestsFor(op, ctx, logins), async (d) => {
          const a = await send(op, d);
          tally.set(a.status, (tally.get(a.status) ?? 0) + 1);
          if (a.status < 300 && a.type.includes('application/json'))
            harvest(JSON.parse(a.body), ctx.hints, HARVESTED);
          for (const f of faults(a)) {
            const key = `${op.id}: ${f}`;
            if (!found.has(key))
              found.set(
                key,
                `${d.part}/${d.mutation} ${d.request.method} ${d.request.url.slice(0, 200)} ${String(d.request.payload ?? '').slice(0, 300)} → ${a.body.slice(0, 400)}`,
              );
          }
        }),
        // One seed per operation, so adding an operation leaves the others' requests as they were.
        { numRuns: PER_OPERATION, seed: SEED + n * 7919, endOnFailure: true },
      );
    }
    const total = [...counts.values()].reduce((t, m) => t + [...m.values()].reduce((x, y) => x + y, 0), 0);
    const lines = [...counts].map(
      ([id, tally]) =>
        `${id.padEnd(36)} ${String([...tally.values()].reduce((x, y) => x + y, 0)).padStart(5)}  ${[...tally]
          .sort(([x], [y]) => x - y)
          .map(([s, c]) => `${s}×${c}`)
          .join(' ')}`,
    );
    console.log(`OpenAPI fuzz: ${total} requests to ${ops.length} operations\n${lines.join('\n')}`);
    if (found.size) console.log([...found].map(([k, v]) => `${k}\n    ${v}`).join('\n'));
    expect([...found].map(([k, v]) => `${k}\n    ${v}`)).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect([...counts.keys()].sort()).toEqual(ops.map((o) => o.id).sort());
  }, 240_000);
});
