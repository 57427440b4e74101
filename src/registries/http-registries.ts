import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.ts';
import { AppError } from '../domain/error.ts';
import { circuitBreaker, type CircuitBreaker } from './circuit-breaker.ts';
import { OPERATIONS, type Answer, type Operation, type OperationName, type Question } from './contract.ts';
import type { FaceVerifier } from './face-verification.ts';
import type { SharedData } from './port.ts';

/**
 * The shared-data registries over HTTP/JSON (contract.ts, docs/registries.openapi.json): the
 * production source of SharedData and FaceVerifier. Each call has a timeout; a lookup is repeated
 * after a timeout, a network error, 408, 429 or 5xx (with growing pauses); an answer outside the
 * contract is refused, never passed on. One breaker covers the platform: after repeated failures
 * the engine is told at once that the registries are unavailable, instead of every parent waiting
 * out the timeouts. Every failure reaches the engine as AppError REGISTRY_UNAVAILABLE (HTTP 503).
 */
export interface HttpRegistriesOptions {
  baseUrl: string;
  token: string;
  /** Per attempt, in ms (default 3000). */
  timeoutMs?: number;
  /** Further attempts of a lookup after the first (default 2). */
  retries?: number;
  /** The pause before the first repeat, doubled each time (default 200 ms). */
  backoffMs?: number;
  /** Failed calls in a row that open the breaker (default 5), and how long it stays open (default 30 s). */
  breaker?: { failureThreshold?: number; openMs?: number };
  /** The breaker's time (the wall clock in the server; tests move their own). */
  clock: Clock;
  fetch?: typeof fetch;
}

export interface HttpRegistries extends SharedData, FaceVerifier {
  readonly breaker: CircuitBreaker;
}

/**
 * Why a call failed, for operators (`details.reason`) and for the retry decision. A refusal of the
 * question itself (400, 404, 422) is `answered`: the platform is up, so it does not count toward
 * opening the breaker.
 */
type Failure = { reason: string; detail: string; retry: boolean; answered?: boolean; problems?: string[] };

export function registryUnavailable(op: Operation, f: Pick<Failure, 'reason' | 'detail' | 'problems'>) {
  const badAnswer = f.reason === 'bad-answer';
  return new AppError(
    'REGISTRY_UNAVAILABLE',
    badAnswer
      ? {
          zh: `共享数据平台（${op.registry.zh}）返回的数据不符合接口规范，暂时无法预审，请稍后再试`,
          en: `the shared-data platform (${op.registry.en}) answered outside its contract, so the pre-review cannot run now; please try again later`,
        }
      : {
          zh: `共享数据平台（${op.registry.zh}）暂时无法查询，请稍后再试`,
          en: `the shared-data platform (${op.registry.en}) cannot be reached now; please try again later`,
        },
    {
      operation: op.operationId,
      reason: f.reason,
      detail: f.detail,
      ...(f.problems ? { problems: f.problems } : {}),
    },
  );
}

export function httpRegistries(o: HttpRegistriesOptions): HttpRegistries {
  const base = o.baseUrl.replace(/\/$/, '');
  const doFetch = o.fetch ?? fetch;
  const timeoutMs = o.timeoutMs ?? 3000;
  const retries = o.retries ?? 2;
  const backoffMs = o.backoffMs ?? 200;
  const breaker = circuitBreaker({
    failureThreshold: o.breaker?.failureThreshold ?? 5,
    openMs: o.breaker?.openMs ?? 30_000,
    clock: o.clock,
  });

  async function attempt(op: Operation, question: unknown): Promise<{ ok: true; value: unknown } | Failure> {
    let res: Response;
    try {
      res = await doFetch(`${base}${op.path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${o.token}`,
          'x-request-id': randomUUID(),
        },
        body: JSON.stringify(question),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError';
      return {
        reason: timedOut ? 'timeout' : 'network',
        detail: timedOut ? `no answer within ${timeoutMs} ms` : (e as Error).message,
        retry: true,
      };
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      return { reason: 'timeout', detail: (e as Error).message, retry: true };
    }
    if (!res.ok)
      return {
        reason: `http-${res.status}`,
        detail: text.slice(0, 300),
        retry: res.status >= 500 || res.status === 408 || res.status === 429,
        answered: res.status < 500 && ![401, 403, 408, 429].includes(res.status),
      };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { reason: 'bad-answer', detail: `not JSON: ${text.slice(0, 100)}`, retry: false };
    }
    const parsed = op.answer.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`);
      return { reason: 'bad-answer', detail: problems.slice(0, 3).join('; '), retry: false, problems };
    }
    return { ok: true, value: parsed.data };
  }

  async function call<K extends OperationName>(name: K, question: Question<K>): Promise<Answer<K>> {
    const op: Operation = OPERATIONS[name];
    if (!breaker.allow())
      throw registryUnavailable(op, {
        reason: 'circuit-open',
        detail: 'recent calls failed; the platform is not asked again until the breaker lets a trial through',
      });
    const tries = op.lookup ? 1 + retries : 1;
    let last: Failure | null = null;
    for (let i = 0; i < tries; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, backoffMs * 2 ** (i - 1)));
      const result = await attempt(op, question);
      if ('ok' in result) {
        breaker.success();
        return result.value as Answer<K>;
      }
      last = result;
      if (!result.retry) break;
    }
    if (last!.answered) breaker.success();
    else breaker.failure();
    throw registryUnavailable(op, last!);
  }

  return {
    breaker,
    person: async (idNumber) => (await call('person', { idNumber })).person,
    marriageOf: async (idNumber) => (await call('marriage', { idNumber })).marriage,
    deliveryRecordOf: async (motherIdNumber) =>
      (await call('deliveryRecord', { motherIdNumber })).deliveryRecord,
    eLicensesOf: async (motherIdNumber) => (await call('eLicences', { motherIdNumber })).eLicences,
    maternityInsuranceOf: async (idNumber) =>
      (await call('maternityInsurance', { idNumber })).maternityInsurance,
    babyRecordsOf: async (motherIdNumber, birthOrder) =>
      (await call('babyRecords', { motherIdNumber, birthOrder })).existing,
    verify: (idNumber, photo) => call('faceVerification', { idNumber, photoPng: photo.toString('base64') }),
  };
}
