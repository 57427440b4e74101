import { DEPARTMENTS } from '../../departments/index.ts';
import { fieldError } from '../../domain/error.ts';
import type { DepartmentId, RegionId } from '../../domain/ids.ts';
import type { Bilingual } from '../../domain/text.ts';
import { getPolicy } from '../../policies/index.ts';
import {
  failingDeliveries,
  findDelivery,
  requeueDelivery,
  type DeliveryRow,
} from '../../store/delivery-store.ts';
import type { EngineDeps } from '../deps.ts';

/**
 * Tasks the platform could not deliver to a department system (push mode, or a simulator that kept
 * failing): each with its attempts, the next attempt and the last error; the dead letters, whose
 * attempts ran out; and the re-send a supervisor makes once the cause is fixed. A re-sent task
 * carries the same task id, which the department's endpoint takes once only, and any decision comes
 * back with its own txnId: a re-send can repeat a delivery, never a decision.
 */
const LIMIT = 500;

export interface Delivery {
  taskId: string;
  caseId: string;
  item: string;
  itemName: Bilingual;
  department: string;
  departmentName: Bilingual;
  /** Who answers this department in the region now (push, gateway, simulator…). */
  mode: string;
  attempts: number;
  nextAttemptAt: string | null;
  /** As the attempt reported it (for operators), and what it means, in words for the screen. */
  lastError: string | null;
  lastErrorSummary: Bilingual | null;
  createdAt: string;
  deadAt: string | null;
  resends: number;
}

/** The push client's and the simulators' errors, in words: the answer's status, or no answer. */
export function errorSummary(error: string | null): Bilingual | null {
  if (error === null) return null;
  const status = /HTTP (\d{3})/.exec(error)?.[1];
  if (status && (status[0] === '5' || status === '408' || status === '429'))
    return {
      zh: `部门系统暂时无法接收（答复 ${status}），将自动重试`,
      en: `the department's system could not take it now (answered ${status}); retried automatically`,
    };
  if (status)
    return {
      zh: `部门系统拒收（答复 ${status}），请核对签名密钥与地址`,
      en: `the department's system refused it (answered ${status}); check the signing key and the address`,
    };
  if (/no push address|no adapter/.test(error))
    return { zh: '未配置该部门的推送地址', en: 'no address is configured for this department' };
  return { zh: '无法连接部门系统', en: "the department's system could not be reached" };
}

function view(deps: EngineDeps, region: RegionId, r: DeliveryRow): Delivery {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  const department = DEPARTMENTS[r.department as DepartmentId];
  return {
    taskId: r.taskId,
    caseId: r.caseId,
    item: r.item,
    itemName: getPolicy(region).items.find((i) => i.id === r.item)?.name ?? { zh: r.item, en: r.item },
    department: r.department,
    departmentName: department?.name ?? { zh: r.department, en: r.department },
    mode: deps.departmentModes(region, r.department as DepartmentId),
    attempts: r.attempts,
    nextAttemptAt: iso(r.nextAttemptAt),
    lastError: r.lastError,
    lastErrorSummary: errorSummary(r.lastError),
    createdAt: iso(r.createdAt)!,
    deadAt: r.status === 'failed' ? iso(r.settledAt) : null,
    resends: r.resends,
  };
}

export async function deliveries(deps: EngineDeps, region: RegionId) {
  const [retrying, dead] = await Promise.all([
    failingDeliveries(deps.db, region, 'retrying', LIMIT),
    failingDeliveries(deps.db, region, 'dead', LIMIT),
  ]);
  return {
    retrying: retrying.map((r) => view(deps, region, r)),
    dead: dead.map((r) => view(deps, region, r)),
  };
}

/**
 * Send a dead or retrying task again now, with its attempts afresh. One being delivered at this
 * moment, or delivered already, is a conflict; a task of another region is not found.
 */
export async function resend(deps: EngineDeps, region: RegionId, taskId: string, by: string) {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await findDelivery(tx, region, taskId);
    if (!row) throw fieldError('NOT_FOUND', 'taskId', { zh: `没有任务 ${taskId}`, en: `no task ${taskId}` });
    if (row.status === 'done') {
      throw fieldError('CONFLICT', 'taskId', {
        zh: `任务 ${taskId} 已送达，无需重发`,
        en: `${taskId} was delivered already`,
      });
    }
    if (row.status === 'pending' && row.lockedUntil && new Date(row.lockedUntil) > at) {
      throw fieldError('CONFLICT', 'taskId', {
        zh: `任务 ${taskId} 正在发送，请稍后查看结果`,
        en: `${taskId} is being delivered right now; look again shortly`,
      });
    }
    await requeueDelivery(tx, {
      taskId,
      region,
      by,
      at,
      attemptsBefore: row.attempts,
      lastError: row.lastError,
    });
    return view(deps, region, {
      ...row,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      settledAt: null,
      resends: row.resends + 1,
    });
  });
}
