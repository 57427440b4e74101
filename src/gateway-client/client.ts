import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../domain/clock.ts';
import type { DepartmentTask } from '../departments/port.ts';
import { signedHeaders } from '../http/gateway-signature.ts';

/**
 * The reference client of the department gateway (`/api/gateway`), for a department system that
 * pulls its work: list the open tasks, claim one, post the decision. Each request is signed exactly
 * as the server checks (the same `sign`), with a fresh timestamp and nonce per attempt (the gateway
 * refuses a nonce it has seen, so an attempt is never a replay of the one before). Network errors,
 * timeouts, 408, 429 and 5xx are retried with exponential backoff; a decision is re-sent with the
 * same txnId, which the gateway answers from what it stored, so a retry never decides twice.
 */
export interface GatewayClientOptions {
  /** The platform, e.g. https://onething.example.gov.cn (the client adds /api/gateway/…). */
  baseUrl: string;
  department: string;
  key: string;
  clock: Clock;
  /** Attempts per call, the first included (default 5). */
  attempts?: number;
  /** The first retry waits this long, each later one twice as long, at most maxDelayMs (default 500 ms, 8 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per attempt (default 15 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** How to wait between attempts (tests pass one that advances their clock). */
  wait?: (ms: number) => Promise<void>;
}

export interface OpenTask {
  task: DepartmentTask;
  claimedAt: string | null;
  deadline: string | null;
  deadlineProvisional: boolean;
}

export interface Decision {
  /** The department's own id for this decision; the same id is the same decision. */
  txnId: string;
  caseId: string;
  item: string;
  outcome: 'done' | 'rejected' | 'supplement' | 'payment-due' | 'accepted';
  outputs?: Record<string, string>;
  reason?: { zh: string; en: string };
  material?: string;
  message?: { zh: string; en: string };
  remoteCaseId?: string;
  payment?: { amountFen: number; years: { year: number; insuranceYear: 'current' | 'next' }[] };
}

export interface DecisionAnswer {
  txnId: string;
  ok: true;
  caseId: string;
  item: string;
  status: string;
  /** True when the gateway had this txnId already: nothing changed this time. */
  replayed: boolean;
}

export interface DeliveryRecordsAnswer {
  /** Babies invited by this notice (twins count two). */
  invited: number;
  mothers: { motherIdNumber: string; invited: number }[];
}

/** What went wrong, in the gateway's own terms where it answered: code, field and a zh/en message. */
export class GatewayError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    readonly field: string | null,
    readonly text: { zh: string; en: string },
    readonly attempts: number,
  ) {
    super(
      `${status === null ? 'no answer' : `HTTP ${status}`} ${code}${field ? ` (${field})` : ''}: ${text.en} / ${text.zh}` +
        (attempts > 1 ? ` — after ${attempts} attempts` : ''),
    );
    this.name = 'GatewayError';
  }
  /** Worth trying again later: the gateway did not answer, or answered that it could not now. */
  get transient(): boolean {
    return this.status === null || this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

export function gatewayClient(o: GatewayClientOptions) {
  const attempts = o.attempts ?? 5;
  const baseDelay = o.baseDelayMs ?? 500;
  const maxDelay = o.maxDelayMs ?? 8_000;
  const doFetch = o.fetch ?? fetch;
  const wait = o.wait ?? ((ms: number) => sleep(ms).then(() => {}));
  const base = new URL(o.baseUrl.endsWith('/') ? o.baseUrl : `${o.baseUrl}/`);

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const url = new URL(path.replace(/^\//, ''), base);
    // Serialised once: every attempt sends the same bytes (the same txnId), only re-signed.
    const text = body === undefined ? '' : JSON.stringify(body);
    let last: GatewayError | null = null;
    for (let n = 1; n <= attempts; n++) {
      if (n > 1) await wait(Math.min(baseDelay * 2 ** (n - 2), maxDelay) * (0.5 + Math.random() / 2));
      let res: Response;
      try {
        res = await doFetch(url, {
          method,
          headers: {
            ...signedHeaders({
              sender: o.department,
              key: o.key,
              method,
              path: `${url.pathname}${url.search}`,
              body: text,
              at: o.clock.now(),
            }),
            ...(text ? { 'content-type': 'application/json' } : {}),
          },
          ...(text ? { body: text } : {}),
          signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
        });
      } catch (e) {
        last = new GatewayError(
          null,
          'UNAVAILABLE',
          null,
          {
            zh: `无法连接网关（${(e as Error).message}）`,
            en: `the gateway could not be reached (${(e as Error).message})`,
          },
          n,
        );
        continue;
      }
      const raw = await res.text();
      let json: unknown = null;
      try {
        json = raw ? JSON.parse(raw) : null;
      } catch {
        // A proxy's HTML error page: reported below by its status.
      }
      if (res.ok) return json as T;
      const e = (json as { error?: { code?: string; field?: string; message?: { zh: string; en: string } } })
        ?.error;
      last = new GatewayError(
        res.status,
        e?.code ?? 'HTTP_ERROR',
        e?.field ?? null,
        e?.message ?? { zh: `网关答复 ${res.status}`, en: `the gateway answered ${res.status}` },
        n,
      );
      if (!last.transient) throw last;
    }
    throw last!;
  }

  return {
    /** This department's open tasks, each with only the fields it needs, and its deadline now. */
    list: () => call<OpenTask[]>('GET', '/api/gateway/tasks'),
    /** Claim a task before working on it; claiming again is harmless. */
    claim: (taskId: string) =>
      call<{ taskId: string; claimed: true }>(
        'POST',
        `/api/gateway/tasks/${encodeURIComponent(taskId)}/claim`,
      ),
    /**
     * Post a decision. A refused one (the item is not open, a wrong output) throws a GatewayError
     * with the gateway's code and field; posting the same txnId again answers `replayed: true`.
     */
    decide: (decision: Decision) => call<DecisionAnswer>('POST', '/api/gateway/decisions', decision),
    /**
     * For the hospital (midwifery institution) or the health commission: these mothers' delivery
     * records are now in the shared data, so each is invited to apply (免申即办). Saying it again is
     * harmless; a mother without a record there, or invited before, is answered `invited: 0`.
     */
    deliveryRecords: (motherIdNumbers: string[]) =>
      call<DeliveryRecordsAnswer>('POST', '/api/gateway/delivery-records', { motherIdNumbers }),
  };
}

export type GatewayClient = ReturnType<typeof gatewayClient>;

/**
 * A decision's txnId when the department has none of its own: one per task and outcome, so running
 * the same command again is the same decision, never a second one.
 */
export function txnIdFor(taskId: string, outcome: Decision['outcome']): string {
  return `${taskId}:${outcome}`;
}

/** A task id is `${caseId}:${item}:${attempt}`; the case id may itself hold a colon. */
export function parseTaskId(taskId: string): { caseId: string; item: string; attempt: number } | null {
  const m = /^(.+):([a-z-]+):(\d+)$/.exec(taskId);
  return m ? { caseId: m[1]!, item: m[2]!, attempt: Number(m[3]) } : null;
}
