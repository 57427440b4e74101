import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { fakeClock } from '../../src/domain/clock.ts';
import { departmentModes } from '../../src/domain/organisation.ts';
import { simulateAllDepartments } from '../../src/departments/index.ts';
import type { DepartmentTask } from '../../src/departments/port.ts';
import { portsByMode, pushEndpoints, pushToDepartment } from '../../src/departments/push.ts';
import { backoffMs, OutboxWorker } from '../../src/engine/outbox-worker.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { smsMemory } from '../../src/engine/sms-log.ts';
import { gatewayClient, GatewayError } from '../../src/gateway-client/client.ts';
import { startReferenceDepartment } from '../../src/gateway-client/reference-department.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { DB_KINDS, freshDb } from '../support/databases.ts';
import { testEngine } from '../support/engine.ts';

/**
 * Both ways a department system works with the platform, over real HTTP on both stores: the
 * hospital's system pulls (lists, claims, decides with the reference client), the police's and
 * HRSS's systems are pushed their tasks (the reference department endpoint), retried while they
 * fail, dead-lettered, seen by supervision in its own region only, and re-sent. Every decision is
 * counted once, whatever is retried.
 */
const KEYS = { 'midwifery-institution': 'k-hospital', police: 'k-police', hrss: 'k-hrss' } as const;

for (const kind of DB_KINDS) {
  describe(`department gateway, pull and push, on ${kind}`, () => {
    const clock = fakeClock(new Date('2026-11-16T10:00:00+08:00'));
    const family = structuredClone(sampleSituation('fujian'));
    family.baby.bornAt = '2026-11-14T08:00:00+08:00';
    let db: Db;
    let app: FastifyInstance;
    let base: string;
    let worker: OutboxWorker;
    let police: Awaited<ReturnType<typeof startReferenceDepartment>>;
    let hrss: Awaited<ReturnType<typeof startReferenceDepartment>>;
    const policeTasks: DepartmentTask[] = [];
    let hrssDown = true;
    let pushPolice: (task: DepartmentTask) => Promise<void>;

    const client = (department: keyof typeof KEYS, f?: typeof fetch) =>
      gatewayClient({
        baseUrl: base,
        department,
        key: KEYS[department],
        clock,
        wait: async () => {},
        ...(f ? { fetch: f } : {}),
      });
    const supervisor = (region: string, url: string, method: 'GET' | 'POST' = 'GET') =>
      app.inject({ method, url, headers: { authorization: `Bearer dev-supervisor:${region}` } });
    const count = async (sql: string, params: unknown[]) =>
      (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;

    beforeAll(async () => {
      db = await freshDb(kind);
      const shared = simulatedRegistries();
      shared.load(family);
      const modeOf = departmentModes('midwifery-institution=gateway,police=push,hrss=push');
      const engine = testEngine({ db, clock, shared, newCaseId: () => 'P-1', departmentModes: modeOf });
      app = await buildApp({
        engine,
        clock,
        identity: identityProvider({ production: false }),
        gatewayKeys: KEYS,
        dev: null,
        paymentKeys: {},
        settings: { nameMaxLength: 20 },
        production: false,
      });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
      police = await startReferenceDepartment({
        department: 'police',
        key: KEYS.police,
        clock,
        accept: (task) => void policeTasks.push(task),
      });
      hrss = await startReferenceDepartment({
        department: 'hrss',
        key: KEYS.hrss,
        clock,
        accept: () => {
          if (hrssDown) throw new Error('the HRSS system is down for maintenance');
        },
      });
      const endpoint = pushEndpoints(`police=${police.url},hrss=${hrss.url}`);
      const push = (department: 'police' | 'hrss') =>
        pushToDepartment({ department, endpoint, key: KEYS[department], clock });
      pushPolice = (task) => push('police').submit(task, task.taskId);
      worker = new OutboxWorker({
        db,
        clock,
        workerId: 'w',
        departments: portsByMode({
          modeOf,
          simulators: Object.values(
            simulateAllDepartments({ seed: 1, now: () => clock.now(), transientFaultRate: 0 }),
          ),
          push: (d) => push(d as 'police' | 'hrss'),
        }),
        sms: smsMemory(),
        ems: engine.post.ems,
        maxAttempts: 3,
      });
      const input = await completeApplication(engine, 'fujian', {
        applicant: { role: 'mother', idNumber: family.mother.idNumber },
        motherIdNumber: family.mother.idNumber,
        baby: { surname: '李', givenName: '安然' },
        choices: { followParent: 'father' },
      });
      await engine.parent.submit('fujian', 'p-1', input);
      await worker.drain();
    });
    afterAll(async () => {
      await police?.close();
      await hrss?.close();
      await app?.close();
      await db?.close();
    });

    it("pull: the hospital's system lists, claims and decides; a decision whose answer was lost is sent again and counted once", async () => {
      const hospital = client('midwifery-institution');
      const open = await hospital.list();
      expect(open.map((t) => t.task.item).sort()).toEqual([
        'birth-certificate',
        'parenting-guidance',
        'vaccination-certificate',
      ]);
      const cert = open.find((t) => t.task.item === 'birth-certificate')!;
      expect(await hospital.claim(cert.task.taskId)).toEqual({ taskId: cert.task.taskId, claimed: true });

      // The gateway commits the decision, then the connection drops before the answer arrives.
      let decisionCalls = 0;
      const lossy: typeof fetch = async (url, init) => {
        const res = await fetch(url, init);
        if (String(url).endsWith('/decisions') && ++decisionCalls === 1)
          throw new TypeError('socket hang up');
        return res;
      };
      const answer = await client('midwifery-institution', lossy).decide({
        txnId: 'hospital-0001',
        caseId: 'P-1',
        item: 'birth-certificate',
        outcome: 'done',
        outputs: { certificateNumber: 'P350000123' },
      });
      expect(decisionCalls).toBe(2);
      expect(answer).toMatchObject({ ok: true, status: 'done', replayed: true });
      expect(await count(`case_events where case_id = 'P-1' and type = 'item-done'`, [])).toBe(1);
      expect(await count(`inbound_decisions where txn_id = $1`, ['hospital-0001'])).toBe(1);

      // A refusal is not retried, and says what is wrong in both languages.
      let calls = 0;
      const counting: typeof fetch = (url, init) => (calls++, fetch(url, init));
      const refused = await client('midwifery-institution', counting)
        .claim('P-1:hukou-registration:1')
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(GatewayError);
      expect(refused).toMatchObject({ status: 404, code: 'NOT_FOUND', field: 'taskId', transient: false });
      expect(calls).toBe(1);
      const forged = await gatewayClient({ baseUrl: base, department: 'police', key: 'wrong', clock })
        .list()
        .catch((e: unknown) => e);
      expect(forged).toMatchObject({ status: 401, code: 'UNAUTHORIZED', field: 'x-signature' });
    });

    it('push: the police task is posted signed to the endpoint, taken once however often it is sent, and decided through the gateway', async () => {
      await worker.drain();
      expect(policeTasks.map((t) => t.taskId)).toEqual(['P-1:hukou-registration:1']);
      const task = policeTasks[0]!;
      expect(task.fields).toMatchObject({ certificateNumber: 'P350000123' });
      // A worker that crashed after delivering sends it again: the endpoint answers duplicate.
      await pushPolice(task);
      expect(policeTasks).toHaveLength(1);
      expect(police.received.size).toBe(1);

      const id = makeCitizenId(family.father!.hukou!.divisionCode, '2026-11-14', 123);
      const decision = {
        txnId: 'police-0001',
        caseId: task.caseId,
        item: task.item,
        outcome: 'done' as const,
        outputs: { citizenIdNumber: id },
      };
      const answer = await client('police').decide(decision);
      expect(answer).toMatchObject({ ok: true, status: 'done', replayed: false });
      expect(await client('police').decide(decision)).toMatchObject({ replayed: true });
      expect(
        await count(`case_events where case_id = 'P-1' and type = 'item-done' and payload ->> 'item' = $1`, [
          'hukou-registration',
        ]),
      ).toBe(1);
    });

    it('push: a failing endpoint is retried with backoff, dead-lettered after its attempts, seen by its region only, and re-sent', async () => {
      // The police decision dispatched the HRSS card; the HRSS system is down.
      await worker.drain();
      let r = await supervisor('fujian', '/api/supervision/regions/fujian/deliveries');
      expect(r.statusCode, r.body).toBe(200);
      const [retrying] = r.json().retrying;
      expect(retrying).toMatchObject({
        taskId: 'P-1:social-security-card:1',
        department: 'hrss',
        mode: 'push',
        attempts: 1,
        nextAttemptAt: new Date(clock.now().getTime() + backoffMs(1)).toISOString(),
        lastError: expect.stringContaining('HTTP 503'),
        lastErrorSummary: {
          zh: expect.stringContaining('答复 503'),
          en: expect.stringContaining('answered 503'),
        },
        itemName: { zh: '新生儿社会保障卡办理', en: 'Social security card' },
        departmentName: { zh: '人力资源社会保障部门', en: 'human resources and social security' },
        deadAt: null,
      });
      expect(r.json().dead).toEqual([]);
      // Another region's supervisor sees nothing of it.
      expect((await supervisor('anhui', '/api/supervision/regions/fujian/deliveries')).statusCode).toBe(404);

      // A quarter second, then 5 s later: the third attempt is the last.
      for (const wait of [backoffMs(1), backoffMs(2)]) {
        clock.advance(wait);
        await worker.drain();
      }
      r = await supervisor('fujian', '/api/supervision/regions/fujian/deliveries');
      expect(r.json().retrying).toEqual([]);
      expect(r.json().dead).toEqual([
        expect.objectContaining({
          taskId: 'P-1:social-security-card:1',
          attempts: 3,
          nextAttemptAt: null,
          deadAt: clock.now().toISOString(),
          lastError: expect.stringContaining('down for maintenance'),
          resends: 0,
        }),
      ]);
      // Nothing more is tried until someone re-sends it.
      clock.advance(3_600_000);
      expect((await worker.drain()).claimed).toBe(0);

      hrssDown = false;
      const resendUrl = '/api/supervision/regions/fujian/deliveries/P-1%3Asocial-security-card%3A1/resend';
      expect((await supervisor('anhui', resendUrl.replace('fujian', 'anhui'), 'POST')).statusCode).toBe(404);
      r = await supervisor('fujian', resendUrl, 'POST');
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ attempts: 0, resends: 1, nextAttemptAt: clock.now().toISOString() });
      expect((await worker.drain()).done).toBe(1);
      expect(hrss.received.size).toBe(1);
      r = await supervisor('fujian', '/api/supervision/regions/fujian/deliveries');
      expect(r.json()).toEqual({ retrying: [], dead: [] });
      // Delivered: a second re-send is refused and sends nothing.
      r = await supervisor('fujian', resendUrl, 'POST');
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'CONFLICT', field: 'taskId' });
      expect(await count('outbox_resends where task_id = $1', ['P-1:social-security-card:1'])).toBe(1);
    });

    it('a dead letter whose item the department decided meanwhile (it pulled the task) leaves the list', async () => {
      // As if pushing the hospital's vaccination task had run out of attempts.
      await db.query(
        `update outbox set status = 'failed', attempts = 3, last_error = 'HTTP 503' where idempotency_key = $1`,
        ['P-1:vaccination-certificate:1'],
      );
      await db.query(
        `delete from outbox_queue where id = (select id from outbox where idempotency_key = $1)`,
        ['P-1:vaccination-certificate:1'],
      );
      const dead = async () =>
        (await supervisor('fujian', '/api/supervision/regions/fujian/deliveries')).json().dead as {
          taskId: string;
        }[];
      expect((await dead()).map((d) => d.taskId)).toEqual(['P-1:vaccination-certificate:1']);
      await client('midwifery-institution').decide({
        txnId: 'hospital-0002',
        caseId: 'P-1',
        item: 'vaccination-certificate',
        outcome: 'done',
        outputs: { vaccinationCertificateNumber: '0000012345' },
      });
      expect(await dead()).toEqual([]);
    });
  });
}
