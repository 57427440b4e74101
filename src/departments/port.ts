import type { ItemState, PremiumYear } from '../domain/case.ts';
import type { Decision } from '../domain/case-commands.ts';
import type { DepartmentId, ItemId, RegionId } from '../domain/ids.ts';
import { seededRandom, type Random } from '../domain/random.ts';
import { memoryQueue, type SimulatorQueue } from './simulator-queue.ts';
import type { Bilingual } from '../domain/text.ts';

/**
 * The department port: how the platform hands a department a task. A real department system is
 * reached through the HTTP client; the built-in simulator speaks the same port. Decisions come
 * back the other way, through the gateway (signed, idempotent by transaction id).
 */
export interface DepartmentTask {
  /** `${caseId}:${item}:${attempt}`; the same task is never created twice. */
  taskId: string;
  caseId: string;
  item: ItemId;
  attempt: number;
  department: DepartmentId;
  region: RegionId;
  deadline: string | null;
  /** Only the fields this department needs (see each department's taskFields); a handed-off task adds `handOff`. */
  fields: Record<string, unknown>;
}

export interface DepartmentPort {
  readonly department: DepartmentId;
  /** Must be idempotent by key: a repeated call with the same key creates nothing new. */
  submit(task: DepartmentTask, idempotencyKey: string): Promise<void>;
}

/** Worth retrying: the department may take it later (timeouts, 5xx, "busy"). */
export class TransientError extends Error {}
/** Retrying will not help (4xx: the task itself is wrong). */
export class PermanentError extends Error {}

/** What a department file defines: the knowledge that is that department's alone. */
export interface DepartmentDefinition {
  id: DepartmentId;
  name: Bilingual;
  /** Picks from the case's one form and the outputs of earlier items what this department needs. */
  taskFields(
    item: ItemId,
    form: CaseForm,
    outputs: Record<string, string>,
    state?: Pick<ItemState, 'payment' | 'suppliedMaterials'>,
  ): Record<string, unknown>;
  /** What the simulator issues when it approves an item. */
  simulateOutputs(item: ItemId, task: DepartmentTask, random: Random): Record<string, string>;
  /**
   * The simulator's own decision for a task, where the department works differently from
   * approve-or-refuse (the tax bureau first assesses the premium, then confirms the payment).
   */
  simulate?(
    task: DepartmentTask,
    random: Random,
  ): Omit<Decision, 'txnId' | 'caseId' | 'item' | 'department'> | null;
  /**
   * A platform that first acknowledges a task under its own case number (跨省通办): the simulator
   * sends this 'accepted' before its decision.
   */
  acknowledge?(task: DepartmentTask, random: Random): { remoteCaseId: string };
  /** Rejection reasons and supplement requests the simulator draws from. */
  rejections: Bilingual[];
  supplements: { material: string; message: Bilingual }[];
}

/** The one form, as fixed at submission (see engine/form.ts). */
export type CaseForm = Record<string, unknown> & {
  baby: {
    name: string;
    sex: string;
    bornAt: string;
    birthPlace: { divisionCode: string; institutionName?: string };
  };
  mother: { name: string; idNumber: string; phone?: string };
  father: { name: string; idNumber: string; phone?: string } | null;
  premium?: { years: PremiumYear[]; shareOfBirthYear: number } | null;
  registering: {
    role: string;
    name: string;
    idNumber: string;
    hukouDivisionCode: string | null;
    householdType: string | null;
  };
};

/**
 * POST to a partner system with an idempotency key, and classify the failure: network errors,
 * timeouts, 408, 429 and 5xx are worth retrying; any other refusal is not.
 */
export async function postIdempotent(
  label: string,
  url: string,
  body: unknown,
  idempotencyKey: string,
  token: string,
  doFetch: typeof fetch = fetch,
): Promise<void> {
  let res: Response;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    throw new TransientError(`${label}: ${(e as Error).message}`, { cause: e });
  }
  if (res.ok) return;
  const text = (await res.text()).slice(0, 500);
  if (res.status >= 500 || res.status === 429 || res.status === 408)
    throw new TransientError(`${label}: HTTP ${res.status} ${text}`);
  throw new PermanentError(`${label}: HTTP ${res.status} ${text}`);
}

export function httpDepartmentClient(
  def: DepartmentDefinition,
  options: { baseUrl: string; token: string; fetch?: typeof fetch },
): DepartmentPort {
  return {
    department: def.id,
    submit: (task, key) =>
      postIdempotent(
        def.id,
        `${options.baseUrl.replace(/\/$/, '')}/tasks`,
        task,
        key,
        options.token,
        options.fetch,
      ),
  };
}

/**
 * A department that pulls its work: its system lists, claims and decides tasks through the
 * gateway (src/http/routes/gateway.ts), which reads them from the store, where the dispatch is
 * already durable. Nothing is pushed, so delivering the task is complete once it is stored.
 */
export function pullThroughGateway(department: DepartmentId): DepartmentPort {
  return { department, submit: async () => {} };
}

export interface SimulatorOptions {
  seed: number | string;
  /** How long the department takes, in milliseconds of (simulated) time. */
  latencyMs: { min: number; max: number };
  rejectionRate: number;
  supplementRate: number;
  transientFaultRate: number;
  /**
   * Latency drawn from a log-normal distribution instead (real systems' shape: most answers near the
   * median, a long tail), for the sustained-load benchmark.
   */
  latencyLogNormal?: { medianMs: number; sigma: number };
  /** Calls the department carries out but whose answer the platform never gets (a client timeout). */
  timeoutRate?: number;
  /** Each task taken, with when it came and when its answer is due: a benchmark's record of the department's own time. */
  onTask?: (task: DepartmentTask, receivedAt: Date, answerAt: Date) => void;
  /** The time source the simulator schedules against. */
  now: () => Date;
}

export const DEFAULT_SIMULATOR_OPTIONS: Omit<SimulatorOptions, 'seed' | 'now'> = {
  // Mostly within a working day, with a tail that runs past the tighter limits, so SLA
  // compliance in a simulation is a measurement, not a constant.
  latencyMs: { min: 20 * 60_000, max: 40 * 3600_000 },
  rejectionRate: 0.02,
  supplementRate: 0.05,
  transientFaultRate: 0.03,
};

export interface SimulatedDepartment extends DepartmentPort {
  /** Decisions whose time has come. They stay queued until `ack`: one not delivered is taken again. */
  due(now: Date): Promise<Decision[]>;
  ack(decisions: Decision[]): Promise<void>;
  nextDueAt(): Promise<Date | null>;
  readonly stats: { calls: number; tasks: number; faults: number };
}

/**
 * A department simulator: seeded, with latency, rejections, supplement requests and transient
 * faults. What it accepted waits in its queue (kept in the store by the server, so it survives a
 * restart); a repeated idempotency key creates no second task, as a real system guarantees.
 */
export function simulateDepartment(
  def: DepartmentDefinition,
  options: SimulatorOptions,
  queue: SimulatorQueue<Decision> = memoryQueue(),
): SimulatedDepartment {
  const random = seededRandom(`${options.seed}:${def.id}`);
  const stats = { calls: 0, tasks: 0, faults: 0 };
  const taken = new Set<string>();
  const keyOf = (d: Decision) => d.txnId;

  return {
    department: def.id,
    stats,
    async submit(task, _key) {
      stats.calls++;
      // Unique across restarts and servers: the task id is.
      const base = {
        txnId: `${def.id}-${task.taskId}`,
        caseId: task.caseId,
        item: task.item,
        department: def.id,
      };
      // A real system keeps its idempotency keys for good: a repeat after the answer was delivered (and
      // left the queue) creates nothing either.
      if (taken.has(base.txnId) || (await queue.get(base.txnId))) return;
      if (random.chance(options.transientFaultRate)) {
        stats.faults++;
        throw new TransientError(`${def.id} simulator: temporarily unavailable`);
      }
      stats.tasks++;
      const receivedAt = options.now();
      const latency = options.latencyLogNormal
        ? logNormal(random, options.latencyLogNormal.medianMs, options.latencyLogNormal.sigma)
        : random.int(options.latencyMs.min, options.latencyMs.max);
      const dueAt = new Date(receivedAt.getTime() + latency);
      const own = def.simulate?.(task, random);
      let decision: Decision;
      if (own) {
        decision = { ...base, ...own };
      } else if (task.attempt === 1 && random.chance(options.supplementRate) && def.supplements.length) {
        // A supplement is asked at most once per item, on its first attempt.
        const s = random.pick(def.supplements);
        decision = { ...base, outcome: 'supplement', material: s.material, message: s.message };
      } else if (random.chance(options.rejectionRate) && def.rejections.length) {
        decision = { ...base, outcome: 'rejected', reason: random.pick(def.rejections) };
      } else {
        decision = { ...base, outcome: 'done', outputs: def.simulateOutputs(task.item, task, random) };
      }
      if (def.acknowledge) {
        const ackAt = new Date(
          receivedAt.getTime() + (options.latencyLogNormal ? latency / 2 : options.latencyMs.min),
        );
        const ack: Decision = {
          ...base,
          txnId: `${base.txnId}:ack`,
          outcome: 'accepted',
          ...def.acknowledge(task, random),
        };
        await queue.add(keyOf(ack), ackAt, ack);
        if (dueAt <= ackAt) dueAt.setTime(ackAt.getTime() + 1);
      }
      await queue.add(keyOf(decision), dueAt, decision);
      taken.add(base.txnId);
      options.onTask?.(task, receivedAt, dueAt);
      // Done, but the answer is lost on the way: the platform retries, and the repeat creates nothing.
      if (options.timeoutRate && random.chance(options.timeoutRate)) {
        stats.faults++;
        throw new TransientError(`${def.id} simulator: the call timed out after the department took it`);
      }
    },
    due: async (now) => (await queue.due(now)).map((e) => e.payload),
    ack: (decisions) => queue.ack(decisions.map(keyOf)),
    nextDueAt: () => queue.nextDueAt(),
  };
}

/** A log-normal draw (Box–Muller): the median times e to a normal draw scaled by sigma. */
function logNormal(random: Random, medianMs: number, sigma: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return Math.round(medianMs * Math.exp(sigma * z));
}
