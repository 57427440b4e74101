import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import type { CaseState } from '../../src/domain/case.ts';
import { workingTimeBetween } from '../../src/domain/sla-clock.ts';
import { runSimulation } from '../../src/engine/simulation.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { generateFamilies, sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import { CASE_PARTS, caseDocument, type CaseParts } from '../../src/store/case-document.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * The efficiency table and the 免申即办 funnel on a simulated Gansu month, through the API a
 * supervisor uses (scoped to their regions), and the invitation a delivery record brings a mother.
 */
const REGION = 'gansu-lanzhou';
const SEED = 'measures';
const START = new Date('2026-03-02T09:00:00+08:00');
const CASES = 30;
const calendar = officialCalendar();
const GANSU = { authorization: 'Bearer dev-supervisor:gansu-lanzhou' };
const ZIBO = { authorization: 'Bearer dev-supervisor:zibo' };

describe.each(DB_KINDS)('supervision measures on %s', (kind) => {
  let db: Db;
  let app: FastifyInstance;
  let cases: CaseState[];
  const clock = fakeClock(new Date('2026-04-20T09:00:00+08:00'));
  const shared = simulatedRegistries();
  let engine: ReturnType<typeof testEngine>;

  beforeAll(async () => {
    db = await freshDb(kind);
    await runSimulation({ region: REGION, cases: CASES, seed: SEED, start: START, db });
    cases = (await db.query<CaseParts>(`select ${CASE_PARTS} from cases c`)).map(caseDocument);
    engine = testEngine({ db, clock, shared, newCaseId: () => 'P-1' });
    app = await buildApp({
      engine,
      clock,
      identity: identityProvider({ production: false }),
      gatewayKeys: {},
      dev: { registries: shared, payments: engine.cashier },
      paymentKeys: {},
      settings: { nameMaxLength: 20 },
      production: false,
    });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('measures the efficiency table from the finished cases, beside the stated figures and their clause', async () => {
    const r = await app.inject({
      url: `/api/supervision/regions/${REGION}/efficiency?since=2026-01-01`,
      headers: GANSU,
    });
    expect(r.statusCode, r.body).toBe(200);
    const t = r.json();
    const finished = cases.filter((c) => c.status !== 'in-progress');
    expect(t.finishedCases).toBe(finished.length);
    expect(t.legal).toMatchObject({ unit: 'working-days', value: 71 });
    expect(t.promised).toMatchObject({ unit: 'working-days', value: 3 });
    const metric = (m: string) => t.metrics.find((x: { metric: string }) => x.metric === m);
    expect(metric('working-days').stated).toEqual({
      separately: 71,
      jointly: 3,
      citation: { file: '001', clause: '附件1 联办效能' },
    });
    expect(metric('trips').stated).toMatchObject({ separately: 8, jointly: 1 });
    // Materials: the files each family uploaded, counted here from the cases themselves.
    const uploads = finished.map(
      (c) =>
        (c.form as { uploads: unknown[] }).uploads.length +
        Object.values(c.items).reduce((n, i) => n + (i.suppliedMaterials?.length ?? 0), 0),
    );
    expect(metric('materials').achieved.mean).toBeCloseTo(
      uploads.reduce((a, b) => a + b, 0) / uploads.length,
      1,
    );
    // Working days: submission to the last item done, in the calendar's working time.
    const lastDone = (c: CaseState) =>
      Object.values(c.items)
        .filter((i) => i.status === 'done')
        .map((i) => i.decidedAt!)
        .sort()
        .at(-1);
    const withDone = finished.filter((c) => lastDone(c));
    const days = withDone
      .map((c) => workingTimeBetween(calendar, new Date(c.submittedAt), new Date(lastDone(c)!)) / 86_400_000)
      .sort((a, b) => a - b);
    expect(metric('working-days').achieved.median).toBeCloseTo(days[Math.ceil(days.length / 2) - 1]!, 1);
    // Within the promise the case itself recorded at submission.
    expect(t.withinPromise).toBe(withDone.filter((c) => lastDone(c)! <= c.promisedDeadline!).length);
    expect(metric('steps').achieved.median).toBeGreaterThanOrEqual(1);
  });

  it('shows the funnel of the invitations the delivery records brought', async () => {
    const r = await app.inject({
      url: `/api/supervision/regions/${REGION}/funnel?since=2026-01-01`,
      headers: GANSU,
    });
    expect(r.statusCode).toBe(200);
    const f = r.json();
    const families = generateFamilies(REGION, CASES, { seed: SEED, bornBy: START });
    const babies = families.reduce(
      (n, x) => n + (x.situation.deliveryRecord ? 1 + (x.situation.siblings?.length ?? 0) : 0),
      0,
    );
    expect(f.invited).toBe(babies);
    expect(f.opened).toBe(0);
    expect(f.applied).toBe(cases.length);
    expect(f.finished).toBe(cases.filter((c) => c.status !== 'in-progress').length);
    const spans = f.birthToApplication.spans as { applied: number }[];
    expect(spans.reduce((n, s) => n + s.applied, 0)).toBe(cases.length);
  });

  it('invites a mother once per baby when her delivery record arrives, and counts her opening it', async () => {
    const family = structuredClone(sampleSituation(REGION));
    family.baby.bornAt = '2026-04-19T08:00:00+08:00';
    family.mother.phone = '13900001111';
    for (let i = 0; i < 2; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/dev/families', payload: family });
      expect(r.statusCode).toBe(201);
    }
    const mother = family.mother.idNumber;
    const inbox = await db.query<{ body: { link: string; text: { zh: string } } }>(
      `select body from notifications where recipient_id_number = $1 and template = 'proactive-invitation'`,
      [db.personal.index(mother)],
    );
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.body.link).toBe(`/invited/${REGION}/1`);
    expect(inbox[0]!.body.text.zh).toContain('预填');
    // The text goes to her mobile as the registry has it, never to her ID number.
    // The recipient is sealed at rest (personal data), so the texts are read and then compared.
    const sms = async (to: string) =>
      (await db.query<{ payload: { to: string } }>(`select payload from outbox where topic = 'sms'`)).filter(
        (r) => r.payload.to === to,
      );
    expect(await sms('13900001111')).toHaveLength(1);
    expect(await sms(mother)).toHaveLength(0);

    const login = { authorization: `Bearer dev:${mother}` };
    const opened = await app.inject({
      method: 'POST',
      url: '/api/citizen/proactive/1/opened',
      headers: login,
    });
    expect(opened.json()).toEqual({ opened: true });
    const f = await app.inject({
      url: `/api/supervision/regions/${REGION}/funnel?since=2026-04-01`,
      headers: GANSU,
    });
    expect(f.json()).toMatchObject({ invited: 1, opened: 1, applied: 0 });
  });

  it('runs a what-if for a supervisor of the region, and no other', async () => {
    const body = {
      region: REGION,
      since: '2026-01-01',
      policy: { basedOn: REGION, set: { 'insurance.window.days': 10 } },
    };
    const mine = await app.inject({
      method: 'POST',
      url: '/api/supervision/whatif',
      headers: GANSU,
      payload: body,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().replayed).toBe(cases.length);
    for (const [url, method] of [
      ['/api/supervision/whatif', 'POST'],
      [`/api/supervision/regions/${REGION}/efficiency`, 'GET'],
      [`/api/supervision/regions/${REGION}/funnel`, 'GET'],
    ] as const) {
      const other = await app.inject({
        method,
        url,
        headers: ZIBO,
        ...(method === 'POST' ? { payload: body } : {}),
      });
      expect(other.statusCode, url).toBe(404);
      const none = await app.inject({ method, url, ...(method === 'POST' ? { payload: body } : {}) });
      expect(none.statusCode, url).toBe(401);
    }
    const bad = await app.inject({
      method: 'POST',
      url: '/api/supervision/whatif',
      headers: GANSU,
      payload: { ...body, policy: { basedOn: REGION, set: { 'items.no-such-item.sla.value': 2 } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatchObject({
      zh: expect.stringContaining('政策副本'),
      en: expect.stringContaining('Policy copy'),
    });
  });
});
