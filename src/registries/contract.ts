import { z } from 'zod';
import { CitizenIdNumber, Facts, Parent } from '../policy/facts.ts';

/**
 * The shared-data registries' contract (数据共享交换平台接口): what the platform asks a data-sharing
 * platform and what it must answer. The client (http-registries.ts) validates every answer against
 * these schemas, the reference server (reference-server.ts) answers by them, the conformance test
 * checks a platform against them, and docs/registries.openapi.json is generated from them
 * (`onething registries openapi`), so the four cannot drift apart.
 *
 * Every lookup is a POST with the ID number in the body, never in the address: addresses end up in
 * access logs and proxies, ID numbers must not. Lookups are read-only, so the client repeats them
 * after a timeout or a 5xx; face verification is not repeated.
 */
export const CONTRACT_VERSION = '1.0.0';

const Bilingual = z.strictObject({ zh: z.string(), en: z.string() });

export const RegistryError = z
  .object({
    error: z.object({ code: z.string().min(1), message: Bilingual }),
  })
  .meta({ description: 'Every refusal (4xx) and failure (5xx) has this body.' });

const Marriage = Facts.shape.marriage.unwrap();
const Baby = z.strictObject({
  birthOrder: z.number().int().min(1).max(9),
  sex: z.enum(['male', 'female']),
  bornAt: Facts.shape.baby.shape.bornAt,
  birthPlace: Facts.shape.baby.shape.birthPlace,
});
const DeliveryRecord = z.strictObject({
  motherIdNumber: CitizenIdNumber,
  fatherIdNumber: CitizenIdNumber.optional(),
  institutionName: z.string().min(1),
  babies: z.array(Baby).min(1).max(9).meta({ description: 'every baby of the delivery, in birth order' }),
});
const Existing = Facts.shape.existing.unwrap();

const ByPerson = z.strictObject({ idNumber: CitizenIdNumber });
const ByMother = z.strictObject({ motherIdNumber: CitizenIdNumber });

/** One lookup (or the face comparison): its address, its question and its answer. */
export interface Operation {
  operationId: string;
  path: string;
  /** Which registry answers, for messages: 户籍信息 / hukou registry… */
  registry: { zh: string; en: string };
  summary: string;
  request: z.ZodType;
  answer: z.ZodType;
  /** Read-only and safe to repeat after a timeout. */
  lookup: boolean;
}

const op = <Q extends z.ZodType, A extends z.ZodType>(
  o: Omit<Operation, 'request' | 'answer'> & { request: Q; answer: A },
) => o;

export const OPERATIONS = {
  person: op({
    operationId: 'lookUpPerson',
    path: '/v1/person',
    registry: { zh: '户籍信息', en: 'hukou registry' },
    summary: 'A person as the hukou registry holds them; person is null when there is none',
    request: ByPerson,
    answer: z.strictObject({ person: Parent.nullable() }),
    lookup: true,
  }),
  marriage: op({
    operationId: 'lookUpMarriage',
    path: '/v1/marriage',
    registry: { zh: '婚姻登记信息', en: 'marriage registry' },
    summary: "The person's current or latest marriage record (as husband or wife); null when none",
    request: ByPerson,
    answer: z.strictObject({ marriage: Marriage.nullable() }),
    lookup: true,
  }),
  deliveryRecord: op({
    operationId: 'lookUpDeliveryRecord',
    path: '/v1/delivery-record',
    registry: { zh: '医院分娩信息', en: "hospitals' delivery records" },
    summary: "The mother's latest delivery, every baby in it; null when no hospital has reported one",
    request: ByMother,
    answer: z.strictObject({ deliveryRecord: DeliveryRecord.nullable() }),
    lookup: true,
  }),
  eLicences: op({
    operationId: 'lookUpELicences',
    path: '/v1/e-licences',
    registry: { zh: '电子证照库', en: 'e-licence library' },
    summary: 'The licences the family has claimed in the e-licence library (may be empty)',
    request: ByMother,
    answer: z.strictObject({ eLicences: Facts.shape.eLicenses.unwrap() }),
    lookup: true,
  }),
  maternityInsurance: op({
    operationId: 'lookUpMaternityInsurance',
    path: '/v1/maternity-insurance',
    registry: { zh: '医保参保信息', en: 'medical security registry' },
    summary: "The person's maternity insurance where insured; null when not insured",
    request: ByPerson,
    answer: z.strictObject({ maternityInsurance: Facts.shape.maternityInsurance.unwrap() }),
    lookup: true,
  }),
  babyRecords: op({
    operationId: 'lookUpBabyRecords',
    path: '/v1/baby-records',
    registry: { zh: '出生医学证明及户籍信息', en: 'birth certificate and hukou records' },
    summary: "A birth certificate or hukou entry already issued for the mother's newborn (by birth order)",
    request: ByMother.extend({ birthOrder: z.number().int().min(1).max(9) }),
    answer: z.strictObject({ existing: Existing }),
    lookup: true,
  }),
  faceVerification: op({
    operationId: 'verifyFace',
    path: '/v1/face-verification',
    registry: { zh: '人脸识别服务', en: 'face verification service' },
    summary: 'Compare a live photo with the ID photo on record',
    request: ByPerson.extend({
      photoPng: z.base64().max(2_800_000).meta({ description: 'the live photo, PNG, base64' }),
    }),
    answer: z.strictObject({ verified: z.boolean(), score: z.number().min(0).max(1) }),
    lookup: false,
  }),
} as const;
export type OperationName = keyof typeof OPERATIONS;
export type Question<K extends OperationName> = z.input<(typeof OPERATIONS)[K]['request']>;
export type Answer<K extends OperationName> = z.output<(typeof OPERATIONS)[K]['answer']>;

export const HEALTH_PATH = '/v1/health';

/** The contract as an OpenAPI 3.1 document, generated from the schemas above, with examples. */
export function registriesOpenApi(
  examples: Partial<Record<OperationName, { question: unknown; answer: unknown }>> = {},
): Record<string, unknown> {
  const schema = (s: z.ZodType, io: 'input' | 'output') =>
    z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  const errorRef = { $ref: '#/components/schemas/RegistryError' };
  const refusal = (description: string) => ({
    description,
    content: { 'application/json': { schema: errorRef } },
  });
  const paths: Record<string, unknown> = {
    [HEALTH_PATH]: {
      get: {
        operationId: 'health',
        summary: 'Whether the platform answers (used by the conformance test and readiness checks)',
        security: [],
        responses: {
          200: {
            description: 'The platform answers',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['ok'], properties: { ok: { const: true } } },
                example: { ok: true },
              },
            },
          },
          429: refusal('Too many requests'),
          503: refusal('The platform cannot answer now'),
        },
      },
    },
  };
  for (const [name, o] of Object.entries(OPERATIONS) as [OperationName, Operation][]) {
    const example = examples[name];
    paths[o.path] = {
      post: {
        operationId: o.operationId,
        summary: o.summary,
        description: `${o.registry.zh} / ${o.registry.en}. ${
          o.lookup
            ? 'Read-only: the platform answers the same question the same way, and the client repeats it after a timeout, 408, 429 or 5xx.'
            : 'Not repeated by the client.'
        }`,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: stripMeta(schema(o.request, 'input')),
              ...(example ? { example: example.question } : {}),
            },
          },
        },
        responses: {
          200: {
            description: 'The answer (null or empty when the registry holds nothing)',
            content: {
              'application/json': {
                schema: stripMeta(schema(o.answer, 'input')),
                ...(example ? { example: example.answer } : {}),
              },
            },
          },
          400: refusal('The question is malformed (an ID number that fails its checksum, say)'),
          401: refusal('The bearer token is missing or wrong'),
          429: refusal('Too many requests; the client waits and repeats a lookup'),
          503: refusal('The registry cannot answer now; the client repeats a lookup'),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '新生儿出生“一件事” shared-data registries / 共享数据接口',
      version: CONTRACT_VERSION,
      description:
        'What the newborn birth one-thing platform asks a data-sharing platform (数据共享交换平台) before any department sees a case (智能预审): hukou, marriage, delivery records, e-licences, maternity insurance, issued birth records, and face verification. Every request carries `Authorization: Bearer <token>` and `X-Request-Id`. ID numbers travel only in request bodies.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      { url: 'http://127.0.0.1:4010', description: 'the reference server (onething registries serve)' },
    ],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { RegistryError: stripMeta(schema(RegistryError, 'output')) },
    },
  };
}

/** JSON Schema keywords OpenAPI tools do not expect inside a component ($schema, id). */
function stripMeta(s: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _s, id: _id, ...rest } = s;
  return rest;
}
