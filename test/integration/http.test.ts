import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import type { LocalDate } from '../../src/domain/local-date.ts';
import { testEngine } from '../support/engine.ts';
import { buildApp } from '../../src/http/app.ts';
import { newNonce, sign } from '../../src/http/gateway-signature.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedFaceVerifier } from '../../src/registries/face-verification.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { demoOrganisations, demoStaff } from '../../src/registries/demo-organisations.ts';
import { upsertOrganisations, upsertStaff } from '../../src/store/staff-store.ts';
import { freshDb } from '../support/databases.ts';

const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
const KEYS = { 'midwifery-institution': 'k-hospital', police: 'k-police' } as const;
let db: Db;
let app: FastifyInstance;
const family = sampleSituation('fujian');
family.baby.bornAt = '2026-11-14T08:00:00+08:00';
const mother = family.mother.idNumber;
const login = { authorization: `Bearer dev:${mother}` };
const application = {
  applicantRole: 'mother',
  motherIdNumber: mother,
  baby: { surname: '李', givenName: '安然' },
  choices: { followParent: 'father' },
};
/** A 1×1 PNG: what the signing canvas sends, in miniature. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Upload what the pre-review says the shared data lacks, review (get the digest), sign: the order a parent follows. */
async function signed_application() {
  const draft = await app.inject({
    method: 'POST',
    url: '/api/citizen/evaluate',
    headers: login,
    payload: { region: 'fujian', application },
  });
  const uploads: Record<string, string> = {};
  expect(draft.statusCode, draft.body).toBe(200);
  for (const { field } of draft.json().missing as { field: string }[]) {
    const material = field.replace(/^uploads\./, '');
    const r = await app.inject({
      method: 'POST',
      url: '/api/citizen/uploads',
      headers: login,
      payload: { material, dataUrl: PNG },
    });
    uploads[material] = r.json().uploadId;
  }
  const complete = { ...application, uploads };
  const preview = await app.inject({
    method: 'POST',
    url: '/api/citizen/evaluate',
    headers: login,
    payload: { region: 'fujian', application: complete },
  });
  expect(preview.json().missing).toEqual([]);
  return { ...complete, signature: { formDigest: preview.json().formDigest as string, imagePng: PNG } };
}

function signed(
  department: string,
  key: string,
  method: string,
  url: string,
  body = '',
  at = clock.now().getTime(),
) {
  const nonce = newNonce();
  return {
    'x-department': department,
    'x-timestamp': String(at),
    'x-nonce': nonce,
    'x-signature': sign(key, method, url, String(at), nonce, body),
    ...(body ? { 'content-type': 'application/json' } : {}),
  };
}

let engine: ReturnType<typeof testEngine>;
beforeAll(async () => {
  db = await freshDb('pglite');
  const shared = simulatedRegistries();
  shared.load(family);
  let n = 0;
  engine = testEngine({
    db,
    clock,
    calendar: officialCalendar(),
    shared,
    faces: simulatedFaceVerifier(async (id) => (await shared.person(id)) !== null),
    newCaseId: () => `H-${++n}`,
  });
  app = await buildApp({
    engine,
    clock,
    identity: identityProvider({ production: false }),
    gatewayKeys: KEYS,
    dev: { registries: shared, payments: engine.cashier },
    paymentKeys: { 'payments-test': 'test-key-payments' },
    settings: { nameMaxLength: 20 },
    production: false,
  });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('citizen API', () => {
  it('refuses a request without a login', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/citizen/cases' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toMatchObject({
      code: 'UNAUTHORIZED',
      field: 'authorization',
      message: { zh: expect.stringContaining('登录') },
    });
  });

  it('names each bad field in Chinese and English, and creates nothing', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/citizen/cases',
      headers: login,
      payload: {
        region: 'fujian',
        clientTxnId: 'bad-00001',
        application: { ...application, motherIdNumber: '350583199503081220', choices: {} },
      },
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.application.motherIdNumber', 'body.application.choices.followParent']),
    );
    const required = r
      .json()
      .error.issues.find((i: { field: string }) => i.field === 'body.application.choices.followParent');
    expect(required.message).toEqual({
      zh: '随父 / 随母落户：必填项缺失',
      en: 'Registered with: is required',
    });
    expect((await db.query('select count(*)::int as n from cases'))[0]).toEqual({ n: 0 });
  });

  it('pre-reviews a draft without creating a case', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/citizen/evaluate',
      headers: login,
      payload: { region: 'fujian', application },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      evaluation: { eligible: true, scenario: { id: 'full' } },
      form: { baby: { name: '李安然' } },
      formDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await db.query('select count(*)::int as n from cases'))[0]).toEqual({ n: 0 });
  });

  it('refuses an unsigned application, and one signed over a form that has since changed', async () => {
    const unsigned = await app.inject({
      method: 'POST',
      url: '/api/citizen/cases',
      headers: login,
      payload: { region: 'fujian', clientTxnId: 'unsigned-1', application },
    });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.field).toBe('body.application.signature');
    const s = await signed_application();
    const changed = { ...s, choices: { followParent: 'father', recipient: 'father' } };
    const stale = await app.inject({
      method: 'POST',
      url: '/api/citizen/cases',
      headers: login,
      payload: { region: 'fujian', clientTxnId: 'stale-0001', application: changed },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', field: 'signature.formDigest' });
    const notPng = await app.inject({
      method: 'POST',
      url: '/api/citizen/cases',
      headers: login,
      payload: {
        region: 'fujian',
        clientTxnId: 'notpng-001',
        application: { ...s, signature: { ...s.signature, imagePng: 'data:image/png;base64,aGVsbG8=' } },
      },
    });
    expect(notPng.json().error.issues[0]).toMatchObject({
      field: 'body.application.signature.imagePng',
      message: { zh: expect.stringContaining('PNG') },
    });
    expect((await db.query('select count(*)::int as n from cases'))[0]).toEqual({ n: 0 });
  });

  it('uploads only what the shared data lacks: until then the pre-review lists it and submitting is refused by field; a wrong type or size is refused', async () => {
    const draft = (
      await app.inject({
        method: 'POST',
        url: '/api/citizen/evaluate',
        headers: login,
        payload: { region: 'fujian', application },
      })
    ).json();
    expect(draft.missing.map((m: { field: string }) => m.field)).toEqual(
      draft.evaluation.materials
        .filter((m: { source: string }) => m.source === 'upload')
        .map((m: { id: string }) => `uploads.${m.id}`),
    );
    expect(draft.missing.length).toBeGreaterThan(0);
    const early = await app.inject({
      method: 'POST',
      url: '/api/citizen/cases',
      headers: login,
      payload: {
        region: 'fujian',
        clientTxnId: 'early-0001',
        application: { ...application, signature: { formDigest: draft.formDigest, imagePng: PNG } },
      },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues.map((i: { field: string }) => i.field)).toEqual(
      draft.missing.map((m: { field: string }) => m.field),
    );
    expect(early.json().error.message.zh).toContain('请上传');

    const gif = await app.inject({
      method: 'POST',
      url: '/api/citizen/uploads',
      headers: login,
      payload: {
        material: 'hukou-book-photos',
        dataUrl: `data:image/gif;base64,${Buffer.from('GIF89a....').toString('base64')}`,
      },
    });
    expect(gif.statusCode).toBe(400);
    expect(gif.json().error.issues[0]).toMatchObject({
      field: 'body.dataUrl',
      message: { zh: expect.stringContaining('JPG、PNG'), en: expect.stringContaining('JPG or PNG') },
    });
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(1_500_000)]);
    const tooBig = await app.inject({
      method: 'POST',
      url: '/api/citizen/uploads',
      headers: login,
      payload: { material: 'hukou-book-photos', dataUrl: `data:image/jpeg;base64,${big.toString('base64')}` },
    });
    expect(tooBig.json().error.issues[0]).toMatchObject({
      field: 'body.dataUrl',
      message: { zh: expect.stringContaining('1.5 MB') },
    });
    const someoneElses = await app.inject({
      method: 'POST',
      url: '/api/citizen/evaluate',
      headers: login,
      payload: {
        region: 'fujian',
        application: { ...application, uploads: { 'hukou-book-photos': 'U000000000000000000000000' } },
      },
    });
    expect(someoneElses.json().error).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'uploads.hukou-book-photos',
    });
    expect((await db.query('select count(*)::int as n from cases'))[0]).toEqual({ n: 0 });
  });

  it('tells the app who is logged in and where the proactive path starts; publishes each region’s policy', async () => {
    const me = (await app.inject({ method: 'GET', url: '/api/citizen/me', headers: login })).json();
    expect(me).toMatchObject({
      role: 'mother',
      person: { idNumber: mother },
      father: { idNumber: family.father!.idNumber },
      delivery: { institutionName: expect.any(String) },
      regions: ['fujian'],
    });
    const asFather = (
      await app.inject({
        method: 'GET',
        url: '/api/citizen/me',
        headers: { authorization: `Bearer dev:${family.father!.idNumber}` },
      })
    ).json();
    expect(asFather).toMatchObject({ role: 'father', mother: { idNumber: mother } });
    const regions = (await app.inject({ method: 'GET', url: '/api/regions' })).json();
    expect(regions.map((r: { region: string }) => r.region)).toEqual([
      'zibo',
      'gansu-lanzhou',
      'sichuan-tongchuan',
      'fujian',
      'anhui',
    ]);
    const policy = (await app.inject({ method: 'GET', url: '/api/regions/anhui' })).json();
    expect(policy).toMatchObject({
      region: 'anhui',
      mandatory: { items: ['birth-certificate', 'hukou-registration'] },
      applicants: { fatherConfirms: true },
    });
    expect((await app.inject({ method: 'GET', url: '/api/regions/atlantis' })).statusCode).toBe(400);
  });

  it('renders the form to review as a PDF with Chinese text and the digest to sign', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/citizen/application-form.pdf',
      headers: login,
      payload: { region: 'fujian', application },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = pdfText(r.rawPayload);
    expect(text).toContain('福建省“新生儿出生一件事”2.0版集成套餐服务申请表');
    expect(text).toContain('李安然');
    const preview = await app.inject({
      method: 'POST',
      url: '/api/citizen/evaluate',
      headers: login,
      payload: { region: 'fujian', application },
    });
    expect(text).toContain(preview.json().formDigest);
    expect(text).toContain('待签名');
  });

  it('submits once, shows the case to its family only, and lists the fields each department got', async () => {
    const signedApplication = await signed_application();
    const first = await app.inject({
      method: 'POST',
      url: '/api/citizen/cases',
      headers: login,
      payload: { region: 'fujian', clientTxnId: 'txn-000001', application: signedApplication },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ accepted: true, caseId: 'H-1' });
    // A double tap: the same submission again returns the same case.
    const again = await app.inject({
      method: 'POST',
      url: '/api/citizen/cases',
      headers: login,
      payload: { region: 'fujian', clientTxnId: 'txn-000001', application: signedApplication },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, caseId: 'H-1' });

    const detail = await app.inject({ method: 'GET', url: '/api/citizen/cases/H-1', headers: login });
    expect(detail.json().items['birth-certificate']).toMatchObject({
      status: 'dispatched',
      holder: 'department',
    });
    const stranger = await app.inject({
      method: 'GET',
      url: '/api/citizen/cases/H-1',
      headers: { authorization: 'Bearer dev:11010519491231002X' },
    });
    expect(stranger.statusCode).toBe(404);

    // The status poll: the list's entry for this case, read from the projections, agreeing with the case.
    const status = await app.inject({ method: 'GET', url: '/api/citizen/cases/H-1/status', headers: login });
    expect(status.statusCode).toBe(200);
    const list = await app.inject({ method: 'GET', url: '/api/citizen/cases', headers: login });
    expect(list.json()).toEqual([status.json()]);
    expect(status.json()).toMatchObject({ caseId: 'H-1', region: 'fujian', status: 'in-progress' });
    const items = detail.json().items as Record<
      string,
      { status: string; holder: string | null; deadline: string | null }
    >;
    // In the same order as the whole case lists them.
    expect(status.json().items.map((i: { item: string }) => i.item)).toEqual(Object.keys(items));
    for (const i of status.json().items as {
      item: string;
      status: string;
      holder: string | null;
      deadline: string | null;
    }[])
      expect(i).toMatchObject({
        status: items[i.item]!.status,
        holder: items[i.item]!.holder,
        deadline: items[i.item]!.deadline,
      });
    expect(status.body.length).toBeLessThan(detail.body.length / 3);
    const strangerStatus = await app.inject({
      method: 'GET',
      url: '/api/citizen/cases/H-1/status',
      headers: { authorization: 'Bearer dev:11010519491231002X' },
    });
    expect(strangerStatus.statusCode).toBe(404);

    const shared = await app.inject({
      method: 'GET',
      url: '/api/citizen/cases/H-1/shared-fields',
      headers: login,
    });
    const hospital = shared.json().find((s: { item: string }) => s.item === 'birth-certificate');
    expect(hospital.department).toBe('midwifery-institution');
    expect(hospital.fields).toEqual(
      expect.arrayContaining(['mother.name', 'mother.idNumber', 'baby.bornAt']),
    );
    // The submitted form carries the signature, bound into the hash-chained submission.
    const pdf = await app.inject({
      method: 'GET',
      url: '/api/citizen/cases/H-1/application.pdf',
      headers: login,
    });
    const signedForm = pdfText(pdf.rawPayload);
    expect(signedForm).toContain('办件编号 Case H-1');
    // The phone, and the insurance years; places by name, never by code; no recipient when nothing is mailed.
    expect(signedForm).toContain('联系电话');
    expect(signedForm).toContain('参保年度');
    expect(signedForm).toMatch(/\d{4} 年度（当年）/);
    expect(signedForm).toContain('福建省泉州市南安市');
    expect(signedForm).not.toMatch(/\b350583\b/);
    expect(signedForm).not.toContain('收件人');
    expect(detail.json().signature).toMatchObject({
      signerIdNumber: mother,
      formDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      imageSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/citizen/cases/H-1/application.pdf',
          headers: { authorization: 'Bearer dev:11010519491231002X' },
        })
      ).statusCode,
    ).toBe(404);
    // The receipt's QR code verifies it, and says nothing about the family.
    const rc = (
      await app.inject({ method: 'GET', url: '/api/citizen/cases/H-1/receipt', headers: login })
    ).json();
    expect(rc.qrSvg).toMatch(/^<svg/);
    const check = await app.inject({ method: 'GET', url: rc.verifyUrl.replace(/^https?:\/\/[^/]+/, '') });
    expect(check.json()).toEqual({
      valid: true,
      caseId: 'H-1',
      region: 'fujian',
      submittedAt: rc.submittedAt,
      status: 'in-progress',
    });
    // In a browser the same check is a page, in both languages.
    const page = await app.inject({
      method: 'GET',
      url: rc.verifyUrl.replace(/^https?:\/\/[^/]+/, ''),
      headers: { accept: 'text/html' },
    });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('回执真实有效');
    expect(page.body).toContain('The receipt is genuine');
    expect(page.body).toContain('办理中 / In progress');
    expect(page.body).not.toContain(mother);
    const forged = rc.verifyUrl.replace(/^https?:\/\/[^/]+/, '').replace(rc.formDigest, 'f'.repeat(64));
    expect((await app.inject({ method: 'GET', url: forged })).json()).toMatchObject({ valid: false });
    const inbox = await app.inject({ method: 'GET', url: '/api/citizen/notifications', headers: login });
    expect(inbox.json()[0]).toMatchObject({ caseId: 'H-1', template: 'case-accepted' });
  });
});

describe('department gateway', () => {
  it('refuses unsigned, wrongly signed and stale requests', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/gateway/tasks' })).statusCode).toBe(401);
    const wrong = await app.inject({
      method: 'GET',
      url: '/api/gateway/tasks',
      headers: signed('midwifery-institution', 'not-the-key', 'GET', '/api/gateway/tasks'),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.field).toBe('x-signature');
    const stale = await app.inject({
      method: 'GET',
      url: '/api/gateway/tasks',
      headers: signed(
        'midwifery-institution',
        KEYS['midwifery-institution'],
        'GET',
        '/api/gateway/tasks',
        '',
        clock.now().getTime() - 6 * 60_000,
      ),
    });
    expect(stale.json().error.field).toBe('x-timestamp');
  });

  it('lists only its own tasks, with only its fields; claims one; posts a decision once', async () => {
    const list = await app.inject({
      method: 'GET',
      url: '/api/gateway/tasks',
      headers: signed('midwifery-institution', KEYS['midwifery-institution'], 'GET', '/api/gateway/tasks'),
    });
    expect(list.statusCode).toBe(200);
    const tasks = list.json() as {
      task: { taskId: string; item: string; fields: Record<string, unknown> };
    }[];
    expect(tasks.map((t) => t.task.item).sort()).toEqual([
      'birth-certificate',
      'parenting-guidance',
      'vaccination-certificate',
    ]);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/gateway/tasks',
          headers: signed('police', KEYS.police, 'GET', '/api/gateway/tasks'),
        })
      ).json(),
    ).toEqual([]);

    const cert = tasks.find((t) => t.task.item === 'birth-certificate')!.task;
    const claim = await app.inject({
      method: 'POST',
      url: `/api/gateway/tasks/${encodeURIComponent(cert.taskId)}/claim`,
      headers: signed(
        'midwifery-institution',
        KEYS['midwifery-institution'],
        'POST',
        `/api/gateway/tasks/${encodeURIComponent(cert.taskId)}/claim`,
      ),
    });
    expect(claim.json()).toEqual({ taskId: cert.taskId, claimed: true });
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/gateway/tasks/${encodeURIComponent(cert.taskId)}/claim`,
      headers: signed(
        'police',
        KEYS.police,
        'POST',
        `/api/gateway/tasks/${encodeURIComponent(cert.taskId)}/claim`,
      ),
    });
    expect(foreign.statusCode).toBe(404);

    const body = JSON.stringify({
      txnId: 'hosp-1',
      caseId: 'H-1',
      item: 'birth-certificate',
      outcome: 'done',
      outputs: { certificateNumber: 'Q350000001' },
    });
    const first = await app.inject({
      method: 'POST',
      url: '/api/gateway/decisions',
      headers: signed(
        'midwifery-institution',
        KEYS['midwifery-institution'],
        'POST',
        '/api/gateway/decisions',
        body,
      ),
      payload: body,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ ok: true, replayed: false, status: 'done' });
    const replay = await app.inject({
      method: 'POST',
      url: '/api/gateway/decisions',
      headers: signed(
        'midwifery-institution',
        KEYS['midwifery-institution'],
        'POST',
        '/api/gateway/decisions',
        body,
      ),
      payload: body,
    });
    expect(replay.json()).toMatchObject({ ok: true, replayed: true });
    // The police may not decide the hospital's item.
    const police = JSON.stringify({
      txnId: 'pol-1',
      caseId: 'H-1',
      item: 'vaccination-certificate',
      outcome: 'done',
    });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/gateway/decisions',
          headers: signed('police', KEYS.police, 'POST', '/api/gateway/decisions', police),
          payload: police,
        })
      ).statusCode,
    ).toBe(404);
    // A body changed after signing fails the signature.
    const tampered = body.replace('Q350000001', 'Q350000002');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/gateway/decisions',
          headers: signed(
            'midwifery-institution',
            KEYS['midwifery-institution'],
            'POST',
            '/api/gateway/decisions',
            body,
          ),
          payload: tampered,
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('supervision, operations and the dev API', () => {
  it('shows per-item throughput and compliance for a region', async () => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/supervision/regions/fujian/overview' })).statusCode,
    ).toBe(401);
    const other = await app.inject({
      method: 'GET',
      url: '/api/supervision/regions/fujian/overview',
      headers: { authorization: 'Bearer dev-supervisor:anhui' },
    });
    expect(other.statusCode).toBe(404);
    const r = await app.inject({
      method: 'GET',
      url: '/api/supervision/regions/fujian/overview',
      headers: { authorization: 'Bearer dev-supervisor:fujian' },
    });
    const cert = r.json().items.find((i: { item: string }) => i.item === 'birth-certificate');
    expect(cert).toMatchObject({
      department: 'midwifery-institution',
      total: 1,
      done: 1,
      decidedWithDeadline: 1,
      decidedOnTime: 1,
    });
  });

  it('exposes Prometheus metrics, readiness and the OpenAPI document', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toContain(
      'onething_cases{region="fujian",status="in-progress"} 1',
    );
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ ok: true });
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/citizen/cases',
        '/api/gateway/decisions',
        '/api/supervision/regions/{region}/overview',
        '/api/staff/queues/{view}',
      ]),
    );
  });

  it('loads any family situation outside production, and refuses to in production', async () => {
    const situation = { ...family, mother: { ...family.mother, idNumber: '11010519491231002X' } };
    const dev = await app.inject({ method: 'POST', url: '/api/dev/families', payload: situation });
    expect(dev.statusCode).toBe(201);
    expect(dev.json().login).toBe('Bearer dev:11010519491231002X');
    const prod = await buildApp({
      engine,
      clock,
      identity: identityProvider({ production: true }),
      gatewayKeys: {},
      dev: null,
      paymentKeys: {},
      settings: { nameMaxLength: 20 },
      production: true,
    });
    const refused = await prod.inject({ method: 'POST', url: '/api/dev/families', payload: situation });
    expect(refused.statusCode).toBe(404);
    expect((await prod.inject({ method: 'GET', url: '/api/citizen/cases', headers: login })).statusCode).toBe(
      401,
    );
    await prod.close();
  });
});

describe('privacy between families', () => {
  it('a stranger cannot apply for, or pre-review, another family', async () => {
    const stranger = { authorization: 'Bearer dev:11010519491231002X' };
    for (const [url, extra, app_] of [
      ['/api/citizen/evaluate', {}, application],
      [
        '/api/citizen/cases',
        { clientTxnId: 'stranger-01' },
        { ...application, signature: { formDigest: '0'.repeat(64), imagePng: PNG } },
      ],
    ] as const) {
      const r = await app.inject({
        method: 'POST',
        url,
        headers: stranger,
        payload: { region: 'fujian', ...extra, application: app_ },
      });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.field).toBe('motherIdNumber');
    }
    // Claiming to be the father does not help either.
    const asFather = await app.inject({
      method: 'POST',
      url: '/api/citizen/evaluate',
      headers: stranger,
      payload: { region: 'fujian', application: { ...application, applicantRole: 'father' } },
    });
    expect(asFather.statusCode).toBe(404);
  });
});

describe('gateway signatures cover the route', () => {
  it('a signature made for one route is refused on another', async () => {
    const at = clock.now().getTime();
    const forList = signed(
      'midwifery-institution',
      KEYS['midwifery-institution'],
      'GET',
      '/api/gateway/tasks',
      '',
      at,
    );
    const r = await app.inject({
      method: 'POST',
      url: '/api/gateway/tasks/anything/claim',
      headers: forList,
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.field).toBe('x-signature');
  });
});

/** The text of a PDF, as poppler's pdftotext reads it (installed by .ci/run). */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
}

describe('the father applies with the mother’s authorization (003 附件2 一(三), 附件3)', () => {
  it('is refused without her letter, cannot sign it himself, and is accepted once she signs it in her login', async () => {
    // A family of its own: the first family's baby already has its case.
    const other = structuredClone(family);
    const renumber = (id: string) =>
      makeCitizenId(
        id.slice(0, 6),
        `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` as LocalDate,
        (Number(id.slice(14, 17)) + 2) % 1000,
      );
    other.mother.idNumber = renumber(family.mother.idNumber);
    other.father!.idNumber = renumber(family.father!.idNumber);
    const grantee = { name: other.father!.name, idNumber: other.father!.idNumber, phone: '13900000002' };
    Object.assign(other.marriage!, {
      wifeIdNumber: other.mother.idNumber,
      husbandIdNumber: other.father!.idNumber,
    });
    Object.assign(other.deliveryRecord!, {
      motherIdNumber: other.mother.idNumber,
      fatherIdNumber: other.father!.idNumber,
    });
    expect((await app.inject({ method: 'POST', url: '/api/dev/families', payload: other })).statusCode).toBe(
      201,
    );
    const login = { authorization: `Bearer dev:${other.mother.idNumber}` };
    const father = { authorization: `Bearer dev:${other.father!.idNumber}` };
    const asFather = { ...application, motherIdNumber: other.mother.idNumber, applicantRole: 'father' };
    const before = await app.inject({
      method: 'POST',
      url: '/api/citizen/evaluate',
      headers: father,
      payload: { region: 'fujian', application: asFather },
    });
    expect(
      before.json().evaluation.findings.find((f: { ruleId: string }) => f.ruleId === 'applicant-allowed'),
    ).toMatchObject({ outcome: 'failed', remedy: { kind: 'supplement' } });
    // The letter cannot be asserted in the request, nor signed by the father.
    const claimed = await app.inject({
      method: 'POST',
      url: '/api/citizen/evaluate',
      headers: father,
      payload: {
        region: 'fujian',
        application: {
          ...asFather,
          motherAuthorization: { grantee: 'father', signedAt: '2026-11-16T09:00:00+08:00' },
        },
      },
    });
    expect(claimed.statusCode).toBe(400);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/citizen/authorizations',
          headers: father,
          payload: { signature: PNG, grantee },
        })
      ).statusCode,
    ).toBe(404);

    // 003 附件3 用户填写: the mother types the grantee; someone other than the father is refused by field.
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/citizen/authorizations',
      headers: login,
      payload: { signature: PNG, grantee: { ...grantee, idNumber: family.mother.idNumber } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      error: { field: 'grantee.idNumber', message: { zh: expect.stringContaining('受委托人身份证号') } },
    });
    const signedByMother = await app.inject({
      method: 'POST',
      url: '/api/citizen/authorizations',
      headers: login,
      payload: { signature: PNG, grantee },
    });
    expect(signedByMother.statusCode).toBe(201);
    expect(signedByMother.json()).toMatchObject({
      grantee: { role: 'father', idNumber: other.father!.idNumber },
      letterDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const after = await app.inject({
      method: 'POST',
      url: '/api/citizen/evaluate',
      headers: father,
      payload: { region: 'fujian', application: asFather },
    });
    expect(
      after.json().evaluation.findings.find((f: { ruleId: string }) => f.ruleId === 'applicant-allowed')
        .outcome,
    ).toBe('passed');
    expect(
      after.json().evaluation.materials.find((m: { id: string }) => m.id === 'authorization-letter'),
    ).toMatchObject({ source: 'shared-data' });
  });
});

describe('the staff API (issue 10)', () => {
  it('a clerk logs in, opens a task of their own organisation (the family sees it), and another organisation gets 404', async () => {
    const orgs = demoOrganisations('fujian');
    await upsertOrganisations(db, orgs);
    await upsertStaff(db, demoStaff(orgs));
    const hospital = orgs.find((o) => o.institution === family.baby.birthPlace?.institutionName)!;
    const other = orgs.find((o) => o.department === 'midwifery-institution' && o.id !== hospital.id)!;
    const as = (id: string) => ({ authorization: `Bearer dev-staff:${id}-clerk` });
    expect((await app.inject({ method: 'GET', url: '/api/staff/me' })).statusCode).toBe(401);
    const me = await app.inject({ method: 'GET', url: '/api/staff/me', headers: as(hospital.id) });
    expect(me.json()).toMatchObject({ organisation: { name: hospital.name }, staff: { role: 'clerk' } });
    const url = '/api/staff/cases/H-1/items/birth-certificate';
    expect((await app.inject({ method: 'GET', url, headers: as(other.id) })).statusCode).toBe(404);
    const task = await app.inject({ method: 'GET', url, headers: as(hospital.id) });
    expect(task.statusCode, task.body).toBe(200);
    expect(task.json().fields).toHaveProperty('baby');
    const form = await app.inject({ method: 'GET', url: `${url}/documents/form`, headers: as(hospital.id) });
    expect(form.headers['content-type']).toBe('application/pdf');
    expect(form.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await app.inject({ method: 'GET', url: `${url}/documents/form`, headers: as(other.id) })).statusCode,
    ).toBe(404);
    const seen = await app.inject({
      method: 'GET',
      url: '/api/citizen/cases/H-1/access-log',
      headers: login,
    });
    // Beside the clerk's openings, the simulated departments' systems that took their tasks.
    const log = seen.json<{ organisation: { zh: string }; item: string }[]>();
    expect(log.filter((v) => v.organisation.zh === hospital.name.zh)).toMatchObject([
      { organisation: hospital.name, item: 'birth-certificate' },
      { organisation: hospital.name, fields: [{ zh: '签名的申请表（全部内容）' }] },
    ]);
    expect(log.filter((v) => v.organisation.zh.endsWith('业务系统')).length).toBeGreaterThan(0);
    const stranger = { authorization: 'Bearer dev:11010519491231002X' };
    expect(
      (await app.inject({ method: 'GET', url: '/api/citizen/cases/H-1/access-log', headers: stranger }))
        .statusCode,
    ).toBe(404);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/staff/queues/open?limit=0',
      headers: as(hospital.id),
    });
    expect(bad.statusCode).toBe(400);
  });
});
