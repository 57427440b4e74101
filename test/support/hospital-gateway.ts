import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../src/domain/clock.ts';
import { departmentModes } from '../../src/domain/organisation.ts';
import { pullThroughGateway } from '../../src/departments/port.ts';
import { OutboxWorker } from '../../src/engine/outbox-worker.ts';
import { completeApplication } from '../../src/engine/simulated-family.ts';
import { smsMemory } from '../../src/engine/sms-log.ts';
import { buildApp } from '../../src/http/app.ts';
import { identityProvider } from '../../src/http/identity.ts';
import { sampleSituation } from '../../src/registries/population.ts';
import { simulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { freshDb } from './databases.ts';
import { testEngine } from './engine.ts';

/**
 * A running platform (PGlite, the wall clock) with one Fujian case submitted and the hospital on the
 * gateway (key `k-hospital`): its birth-certificate task is open for a department's own system to
 * list, claim and decide, as an integrator's program or `onething gateway` does from outside.
 */
export async function hospitalOnTheGateway(caseId: string): Promise<{
  db: Db;
  app: FastifyInstance;
  base: string;
}> {
  const wall: Clock = { now: () => new Date() };
  const db = await freshDb('pglite');
  const family = structuredClone(sampleSituation('fujian'));
  family.baby.bornAt = new Date(Date.now() - 86_400_000).toISOString();
  const shared = simulatedRegistries();
  shared.load(family);
  const engine = testEngine({
    db,
    clock: wall,
    shared,
    newCaseId: () => caseId,
    departmentModes: departmentModes('midwifery-institution=gateway'),
  });
  const app = await buildApp({
    engine,
    clock: wall,
    identity: identityProvider({ production: false }),
    gatewayKeys: { 'midwifery-institution': 'k-hospital' },
    dev: null,
    paymentKeys: {},
    settings: { nameMaxLength: 20 },
    production: false,
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const input = await completeApplication(engine, 'fujian', {
    applicant: { role: 'mother', idNumber: family.mother.idNumber },
    motherIdNumber: family.mother.idNumber,
    baby: { surname: '李', givenName: '安然' },
    choices: { followParent: 'father' },
  });
  await engine.parent.submit('fujian', `${caseId.toLowerCase()}-txn`, input);
  await new OutboxWorker({
    db,
    clock: wall,
    workerId: 'w',
    departments: { 'midwifery-institution': pullThroughGateway('midwifery-institution') },
    sms: smsMemory(),
    ems: engine.post.ems,
  }).drain();
  return { db, app, base };
}
