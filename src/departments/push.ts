import type { Clock } from '../domain/clock.ts';
import { fieldError } from '../domain/error.ts';
import { DepartmentId, RegionId } from '../domain/ids.ts';
import type { DepartmentModes } from '../domain/organisation.ts';
import { signedHeaders } from '../http/gateway-signature.ts';
import { PermanentError, TransientError, type DepartmentPort, type DepartmentTask } from './port.ts';

/**
 * Push mode: the platform POSTs each task to the department system's endpoint, signed the way the
 * gateway checks what departments send (HMAC-SHA256 with the department's key over
 * `POST\npath?query\ntimestamp\nbody`), with the task id as `idempotency-key`. The outbox worker
 * retries what fails (exponential backoff) and dead-letters it after its attempts run out; the
 * department answers its decision through the gateway's decision route, as in pull mode.
 */
export const PUSH_TIMEOUT_MS = 15_000;

export type PushEndpoints = (region: RegionId, department: DepartmentId) => string | null;

const setting = (en: string, zh: string) =>
  fieldError(
    'INVALID_INPUT',
    'DEPARTMENT_PUSH_URLS',
    { zh, en },
    {},
    { zh: '部门推送地址（DEPARTMENT_PUSH_URLS）', en: 'Department push addresses (DEPARTMENT_PUSH_URLS)' },
  );

/** Loopback needs no TLS (a department's own test system on the same machine); anything else does. */
function loopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Endpoints from configuration: `police=https://gaj.example/onething/tasks,fujian:hrss=https://…`.
 * A region-prefixed entry wins over one without, as in DEPARTMENT_MODES.
 */
export function pushEndpoints(config: string): PushEndpoints {
  const general = new Map<string, string>();
  const regional = new Map<string, string>();
  for (const entry of config
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const m = /^(?:([a-z-]+):)?([a-z-]+)=(\S+)$/.exec(entry);
    if (
      !m ||
      !DepartmentId.safeParse(m[2]).success ||
      (m[1] !== undefined && !RegionId.safeParse(m[1]).success)
    ) {
      throw setting(
        `“${entry}” is not valid; write department=https://…, optionally region-prefixed (fujian:police=https://…)`,
        `“${entry}”无效，应写作 部门=https://…，可加地区前缀（如 fujian:police=https://…）`,
      );
    }
    let url: URL;
    try {
      url = new URL(m[3]!);
    } catch {
      throw setting(`“${m[3]}” is not an address`, `“${m[3]}”不是有效地址`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback(url.hostname))) {
      throw setting(
        `${url.origin}: tasks carry personal data, so the address must be https (plain http only on loopback)`,
        `${url.origin}：任务含个人信息，须使用 https（仅本机回环地址可用 http）`,
      );
    }
    (m[1] ? regional : general).set(m[1] ? `${m[1]}:${m[2]}` : m[2]!, url.href);
  }
  return (region, department) => regional.get(`${region}:${department}`) ?? general.get(department) ?? null;
}

/** Every push-mode department of every region has an endpoint and a key; the first missing is named. */
export function checkPushSettings(
  modes: DepartmentModes,
  endpoints: PushEndpoints,
  keys: Partial<Record<DepartmentId, string>>,
): void {
  for (const region of RegionId.options) {
    for (const department of DepartmentId.options) {
      if (modes(region, department) !== 'push') continue;
      if (!endpoints(region, department)) {
        throw setting(
          `${region}:${department} is in push mode but has no address`,
          `${region}:${department} 设为推送方式，但没有推送地址`,
        );
      }
      if (!keys[department]) {
        throw setting(
          `${department} is in push mode but has no signing key`,
          `${department} 设为推送方式，但没有签名密钥`,
        );
      }
    }
  }
}

/** The signed request the platform sends: also what the conformance test sends, right and wrong. */
export function signedPush(o: {
  url: string;
  department: string;
  key: string;
  timestamp: string;
  body: string;
  taskId: string;
  /** A new one per attempt unless given (the conformance check sends one request twice). */
  nonce?: string;
}): { url: string; init: RequestInit } {
  const u = new URL(o.url);
  return {
    url: u.href,
    init: {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedHeaders({
          sender: o.department,
          key: o.key,
          method: 'POST',
          path: `${u.pathname}${u.search}`,
          body: o.body,
          at: new Date(Number(o.timestamp)),
          ...(o.nonce ? { nonce: o.nonce } : {}),
        }),
        'idempotency-key': o.taskId,
      },
      body: o.body,
    },
  };
}

/**
 * The port that pushes a department's tasks. Network errors, timeouts, 408, 429 and 5xx are worth
 * retrying; any other refusal (a 401 for a key that does not match, a 400) dead-letters the task at
 * once, for an operator to fix the cause and re-send it.
 */
export function pushToDepartment(o: {
  department: DepartmentId;
  endpoint: PushEndpoints;
  key: string;
  clock: Clock;
  fetch?: typeof fetch;
}): DepartmentPort {
  const doFetch = o.fetch ?? fetch;
  return {
    department: o.department,
    async submit(task: DepartmentTask, idempotencyKey: string) {
      const url = o.endpoint(task.region, o.department);
      if (!url) throw new PermanentError(`${o.department}: no push address for ${task.region}`);
      const req = signedPush({
        url,
        department: o.department,
        key: o.key,
        timestamp: String(o.clock.now().getTime()),
        body: JSON.stringify(task),
        taskId: idempotencyKey,
      });
      let res: Response;
      try {
        res = await doFetch(req.url, { ...req.init, signal: AbortSignal.timeout(PUSH_TIMEOUT_MS) });
      } catch (e) {
        throw new TransientError(`${o.department} push: ${(e as Error).message}`, { cause: e });
      }
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const text = (await res.text()).slice(0, 500);
      const error = `${o.department} push: HTTP ${res.status} ${text}`;
      if (res.status >= 500 || res.status === 429 || res.status === 408) throw new TransientError(error);
      throw new PermanentError(error);
    },
  };
}

/**
 * Each department's port, chosen per task by its region's mode: the simulator, the push client, or
 * nothing to send (workbench and gateway take their tasks from the store, where the dispatch is
 * durable already).
 */
export function portsByMode(o: {
  modeOf: DepartmentModes;
  simulators: DepartmentPort[];
  push: (department: DepartmentId) => DepartmentPort;
}): Record<DepartmentId, DepartmentPort> {
  return Object.fromEntries(
    o.simulators.map((sim): [DepartmentId, DepartmentPort] => [
      sim.department,
      {
        department: sim.department,
        async submit(task, key) {
          const mode = o.modeOf(task.region, sim.department);
          if (mode === 'simulator') return sim.submit(task, key);
          if (mode === 'push') return o.push(sim.department).submit(task, key);
        },
      },
    ]),
  ) as Record<DepartmentId, DepartmentPort>;
}
