import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldLabel } from '../../src/domain/labels.ts';
import { sign } from '../../src/http/gateway-signature.ts';
import type { Db } from '../../src/store/db.ts';
import { fuzzRig, rigFamily, type FuzzRig } from '../support/fuzz-rig.ts';

/**
 * Bad input at the edge: text with NUL bytes, other control characters and lone UTF-16 surrogates,
 * in every part of a request to every kind of route. Nothing answers 5xx; what is refused is a 400
 * naming the field by its label; and nothing is written. (fuzz-openapi.test.ts fuzzes every
 * operation of the OpenAPI document on the same rig.)
 */
let rig: FuzzRig;
let db: Db;
let app: FastifyInstance;
const family = rigFamily();
const login = { authorization: `Bearer dev:${family.mother.idNumber}` };

beforeAll(async () => {
  rig = await fuzzRig();
  ({ db, app } = rig);
});
afterAll(async () => rig.close());

/** Text with at least one character no field may hold. */
const poison = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u0007', '\u001B', 'a\uDC00b', '\uD83D'),
    fc.string({ maxLength: 8 }),
  )
  .map(([a, bad, b]) => `${a}${bad}${b}`);

const application = {
  applicantRole: 'mother',
  motherIdNumber: family.mother.idNumber,
  baby: { surname: '李', givenName: '安然' },
  choices: { followParent: 'father' },
};

/**
 * Into an address: a lone surrogate has no UTF-8 form, so it travels as the bytes a careless client
 * would send for it (ED A0 80), which are not UTF-8 either.
 */
const enc = (p: string) =>
  [...p].map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');

/** Somewhere in a request to put the poison. */
const requests = [
  (p: string) => ({ method: 'GET' as const, url: `/api/citizen/cases/${enc(p)}` }),
  (p: string) => ({ method: 'GET' as const, url: `/api/citizen/cases/${enc(p)}/receipt` }),
  (p: string) => ({
    method: 'POST' as const,
    url: '/api/citizen/cases/F-1/items/hukou-registration/supplement',
    payload: { note: p },
  }),
  (p: string) => ({
    method: 'POST' as const,
    url: '/api/citizen/cases/F-1/items/hukou-registration/rating',
    payload: { score: 1, comment: p },
  }),
  (p: string) => ({
    method: 'POST' as const,
    url: '/api/citizen/evaluate',
    payload: { region: 'fujian', application: { ...application, baby: { surname: '李', givenName: p } } },
  }),
  (p: string) => ({
    method: 'POST' as const,
    url: '/api/citizen/evaluate',
    payload: {
      region: 'fujian',
      application: { ...application, contact: { mailingAddress: { divisionCode: '350583', detail: p } } },
    },
  }),
  (p: string) => ({
    method: 'POST' as const,
    url: '/api/citizen/cases',
    payload: { region: 'fujian', clientTxnId: p, application },
  }),
  (p: string) => ({
    method: 'PUT' as const,
    url: '/api/citizen/drafts/1',
    payload: { region: 'fujian', body: { draft: { note: p } } },
  }),
  (p: string) => ({
    method: 'PUT' as const,
    url: '/api/citizen/drafts/1',
    payload: { region: 'fujian', body: { [p]: 1 } },
  }),
  (p: string) => ({
    method: 'POST' as const,
    url: '/api/citizen/uploads',
    payload: { material: p, dataUrl: 'data:image/png;base64,AAAA' },
  }),
  (p: string) => ({
    method: 'GET' as const,
    url: `/api/citizen/invitations/${enc(p)}/form.pdf`,
  }),
  (p: string) => ({
    method: 'GET' as const,
    url: `/verify/receipt?caseId=${enc(p)}&submittedAt=x&formDigest=y&token=z`,
  }),
  (p: string) => ({ method: 'GET' as const, url: `/api/dev/payments/${enc(p)}` }),
  (p: string) => ({
    method: 'POST' as const,
    url: '/api/dev/families',
    payload: { ...family, mother: { ...family.mother, name: p } },
  }),
];

describe('bad input at the edge', () => {
  it('NUL bytes, control characters and lone surrogates anywhere: never a 5xx, a 400 naming the field, nothing written', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: requests.length - 1 }), poison, async (i, p) => {
        const r = await app.inject({ ...requests[i]!(p), headers: login });
        expect(r.statusCode, `${requests[i]!(p).url} → ${r.body}`).toBeLessThan(500);
        if (r.statusCode === 400) {
          refused++;
          const e = r.json().error;
          // The field is named by its label where the form knows it, never by a raw path alone.
          expect(e.message.zh).toMatch(/：/);
          if (fieldLabel(e.field)) expect(e.message.zh.startsWith(fieldLabel(e.field)!.zh)).toBe(true);
        }
      }),
      { numRuns: 700, seed: 20261201 },
    );
    expect(refused).toBeGreaterThan(500);
    expect((await db.query<{ n: number }>('select count(*)::int as n from cases'))[0]!.n).toBe(0);
    expect((await db.query<{ n: number }>('select count(*)::int as n from drafts'))[0]!.n).toBe(0);
  }, 120_000);

  it('a NUL in a department’s signed decision is refused by field, not a 500', async () => {
    const body = JSON.stringify({
      txnId: 'a\u0000b',
      caseId: 'F-1',
      item: 'hukou-registration',
      outcome: 'done',
    });
    const at = String(rig.clock.now().getTime());
    const r = await app.inject({
      method: 'POST',
      url: '/api/gateway/decisions',
      headers: {
        'content-type': 'application/json',
        'x-department': 'police',
        'x-timestamp': at,
        'x-nonce': 'fuzz-test-nonce-0001',
        'x-signature': sign('k-police', 'POST', '/api/gateway/decisions', at, 'fuzz-test-nonce-0001', body),
      },
      payload: body,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'body.txnId',
      message: { zh: expect.stringContaining('交易号：') },
    });
  });

  it('413 and 409 replies name the field, wholly in Chinese in Chinese', async () => {
    const huge = `data:image/png;base64,${'A'.repeat(2_300_000)}`;
    const big = await app.inject({
      method: 'POST',
      url: '/api/citizen/uploads',
      headers: login,
      payload: { material: 'hukou-book-photos', dataUrl: huge },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'dataUrl' });
    expect(big.json().error.message.zh).toMatch(/^上传的文件：[^A-Za-z]*1\.5 MB[^A-Za-z]*$/);
    const conflict = await app.inject({
      method: 'POST',
      url: '/api/citizen/cases/none/items/hukou-registration/supplement',
      headers: login,
      payload: { note: '' },
    });
    expect(conflict.statusCode).toBe(404);
    expect(conflict.json().error.message.zh).toMatch(/^办件编号：/);
  });
});
