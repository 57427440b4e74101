import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { RegionId } from '../domain/ids.ts';
import { POLICIES } from '../policies/index.ts';
import { HEALTH_PATH, OPERATIONS, type Answer, type Operation, type OperationName } from './contract.ts';
import type { FaceVerifier } from './face-verification.ts';
import { simulatedFaceVerifier } from './face-verification.ts';
import { generateFamilies, sampleSituation } from './population.ts';
import type { SharedData } from './port.ts';
import { PIXEL_PNG } from './conformance.ts';
import { simulatedRegistries, type SimulatedRegistries } from './simulated-registries.ts';

/**
 * The reference server: the registries' contract (contract.ts) served from data, here the
 * simulated registries. Tests run the HTTP client against it, the conformance test is checked
 * against it, and a data-sharing platform can compare its answers with it. `fault` lets a test make
 * it slow, fail or answer outside the contract, as a real platform sometimes does.
 */
export type Fault =
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number }
  | { kind: 'bad-answer'; body: unknown }
  | { kind: 'not-json' };

export interface ReferenceServerOptions {
  registries: SharedData;
  faces: FaceVerifier;
  /** The bearer token callers must send. */
  token: string;
  /** Asked before each lookup; a fault it returns is served instead of the answer. */
  fault?: (operation: OperationName) => Fault | null;
}

/** What the registries answer to one question of the contract. */
export async function answer<K extends OperationName>(
  data: { registries: SharedData; faces: FaceVerifier },
  name: K,
  question: Record<string, unknown>,
): Promise<Answer<K>> {
  const q = question as { idNumber: string; motherIdNumber: string; birthOrder: number; photoPng: string };
  const r = data.registries;
  const answers: { [N in OperationName]: () => Promise<Answer<N>> } = {
    person: async () => ({ person: await r.person(q.idNumber) }),
    marriage: async () => ({ marriage: await r.marriageOf(q.idNumber) }),
    deliveryRecord: async () => ({ deliveryRecord: await r.deliveryRecordOf(q.motherIdNumber) }),
    eLicences: async () => ({ eLicences: await r.eLicensesOf(q.motherIdNumber) }),
    maternityInsurance: async () => ({ maternityInsurance: await r.maternityInsuranceOf(q.idNumber) }),
    babyRecords: async () => ({ existing: await r.babyRecordsOf(q.motherIdNumber, q.birthOrder) }),
    faceVerification: () => data.faces.verify(q.idNumber, Buffer.from(q.photoPng, 'base64')),
  };
  return (await answers[name]()) as Answer<K>;
}

const refuse = (reply: FastifyReply, status: number, code: string, zh: string, en: string) =>
  reply.status(status).send({ error: { code, message: { zh, en } } });

export async function referenceServer(o: ReferenceServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024, forceCloseConnections: true });
  const expected = Buffer.from(`Bearer ${o.token}`);
  app.get(HEALTH_PATH, async () => ({ ok: true }));
  for (const [name, op] of Object.entries(OPERATIONS) as [OperationName, Operation][]) {
    app.post(op.path, async (req, reply) => {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return refuse(reply, 401, 'UNAUTHORIZED', '令牌缺失或错误', 'the bearer token is missing or wrong');
      const question = op.request.safeParse(req.body);
      if (!question.success)
        return refuse(
          reply,
          400,
          'INVALID_INPUT',
          `请求内容不符合接口规范：${question.error.issues.map((i) => i.path.join('.')).join('、')}`,
          `the question does not follow the contract: ${question.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
        );
      const fault = o.fault?.(name) ?? null;
      if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
      if (fault?.kind === 'status')
        return refuse(reply, fault.status, 'UNAVAILABLE', '暂时无法查询', 'cannot answer now');
      if (fault?.kind === 'bad-answer') return reply.send(fault.body);
      if (fault?.kind === 'not-json') return reply.type('text/html').send('<html>gateway error</html>');
      return answer(o, name, question.data as Record<string, unknown>);
    });
  }
  return app;
}

/**
 * The data the reference server serves by default: each region's sample family and a seeded
 * population of twenty families per region, the same as the development server's demo data.
 */
export function referenceData(o: { seed: string; bornBy: Date }): {
  registries: SimulatedRegistries;
  faces: FaceVerifier;
} {
  const registries = simulatedRegistries();
  for (const region of Object.keys(POLICIES) as RegionId[]) {
    for (const f of generateFamilies(region, 20, { seed: `${o.seed}-${region}`, bornBy: o.bornBy }))
      registries.load(f.situation);
    const sample = sampleSituation(region);
    sample.baby.bornAt = new Date(o.bornBy.getTime() - 86_400_000).toISOString();
    registries.load(sample);
  }
  return {
    registries,
    faces: simulatedFaceVerifier(async (id) => (await registries.person(id)) !== null),
  };
}

/** Each operation's question and answer about the fujian sample family, for the contract's examples. */
export async function contractExamples(): Promise<
  Record<OperationName, { question: unknown; answer: unknown }>
> {
  const registries = simulatedRegistries();
  const family = registries.load(sampleSituation('fujian'));
  const data = { registries, faces: simulatedFaceVerifier(async () => true) };
  const mother = family.mother.idNumber;
  const questions: Record<OperationName, Record<string, unknown>> = {
    person: { idNumber: mother },
    marriage: { idNumber: mother },
    deliveryRecord: { motherIdNumber: mother },
    eLicences: { motherIdNumber: mother },
    maternityInsurance: { idNumber: mother },
    babyRecords: { motherIdNumber: mother, birthOrder: 1 },
    faceVerification: { idNumber: mother, photoPng: PIXEL_PNG },
  };
  const out = {} as Record<OperationName, { question: unknown; answer: unknown }>;
  for (const [name, question] of Object.entries(questions) as [OperationName, Record<string, unknown>][])
    out[name] = { question, answer: await answer(data, name, question) };
  return out;
}
