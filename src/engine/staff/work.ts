import * as commands from '../../domain/case-commands.ts';
import type { Decision } from '../../domain/case-commands.ts';
import { restsOnProvisional } from '../../domain/calendar.ts';
import { maskId } from '../../domain/citizen-id.ts';
import { AppError, fieldError } from '../../domain/error.ts';
import type { ItemId } from '../../domain/ids.ts';
import { serves, taskPlace, type Organisation, type StaffMember } from '../../domain/organisation.ts';
import { getPolicy } from '../../policies/index.ts';
import { getCase } from '../../store/case-store.ts';
import { insertTaskClaim } from '../../store/gateway-store.ts';
import {
  findStaff,
  latestTask,
  logAccess,
  queuePage,
  type QueueRow,
  type QueueSearch,
  type QueueView,
} from '../../store/staff-store.ts';
import { decide } from '../department/decide.ts';
import type { EngineDeps } from '../deps.ts';
import { taskDocuments } from './documents.ts';

/**
 * A clerk's work: the organisation's queues, one task opened (and recorded in the family's "who
 * saw my data"), and its decision through the same engine command as the gateway. A clerk sees only
 * the organisation's own tasks, and only the fields its department receives.
 */

export interface StaffContext {
  staff: StaffMember;
  organisation: Organisation;
}

export async function staffContext(deps: EngineDeps, staffId: string): Promise<StaffContext> {
  const found = await findStaff(deps.db, staffId);
  if (!found)
    throw fieldError('UNAUTHORIZED', 'authorization', {
      zh: '没有这个工作人员账号',
      en: 'no such staff account',
    });
  return found;
}

/** A page of a queue (50 rows unless asked); `cursor` is `next` from the page before. */
export async function queue(
  deps: EngineDeps,
  ctx: StaffContext,
  view: QueueView,
  o: { cursor?: string; search?: string; limit?: number } = {},
) {
  const limit = o.limit ?? 50;
  const now = deps.clock.now();
  const rows = await queuePage(deps.db, ctx.organisation, {
    view,
    // Due soon: within the next day.
    soon: new Date(now.getTime() + 86_400_000),
    limit,
    cursor: o.cursor ? parseCursor(o.cursor) : null,
    search: searchOf(o.search),
  });
  return {
    rows: rows.map((r) => ({
      caseId: r.caseId,
      item: r.item,
      status: r.status,
      holder: r.holder,
      babyName: r.babyName,
      mother: maskId(r.motherIdNumber),
      overdue: r.overdue,
      deadline: r.deadline && r.deadline.toISOString(),
      deadlineProvisional:
        !!r.deadline && !!r.dispatchedAt && restsOnProvisional(deps.calendar, r.dispatchedAt, r.deadline),
    })),
    next: rows.length === limit ? cursorOf(view, rows.at(-1)!) : null,
  };
}

/** The task as the clerk sees it: only this department's fields, the item's state and history. */
export async function openTask(deps: EngineDeps, ctx: StaffContext, caseId: string, item: ItemId) {
  const { state, current } = await ownItem(deps, ctx, caseId, item);
  const task = await latestTask(deps.db, caseId, item);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await logAccess(tx, {
      caseId,
      item,
      staffId: ctx.staff.id,
      organisationId: ctx.organisation.id,
      fields: Object.keys(task?.fields ?? {}),
      at,
    });
    if (task) await insertTaskClaim(tx, task.taskId, ctx.organisation.department, at);
  });
  const policy = getPolicy(state.region);
  return {
    caseId,
    item,
    itemName: policy.items.find((i) => i.id === item)?.name ?? null,
    babyName: state.babyName,
    fields: task?.fields ?? {},
    status: current.status,
    holder: current.holder,
    deadline: current.deadline,
    deadlineProvisional:
      !!current.deadline &&
      restsOnProvisional(deps.calendar, current.dispatchedAt ?? state.submittedAt, current.deadline),
    overdue: current.overdue,
    supplement: current.supplement,
    outputs: current.outputs,
    timeline: current.timeline,
    // Where the region allows it (补件), a clerk may ask the family for a material.
    supplementsOffered: state.terms?.supplements ?? true,
    materials: policy.materials
      .filter((m) => m.forItems.includes(item))
      .map((m) => ({ id: m.id, name: m.name })),
    documents: taskDocuments(state, item),
  };
}

export type StaffDecision = Pick<Decision, 'outcome' | 'outputs' | 'reason' | 'material' | 'message'> & {
  /** The clerk's own transaction id: a repeated click decides nothing twice. */
  txnId: string;
};

/** A clerk's decision, through the same engine command as the gateway, exactly once by `txnId`. */
export async function decideAsStaff(
  deps: EngineDeps,
  ctx: StaffContext,
  caseId: string,
  item: ItemId,
  d: StaffDecision,
) {
  const { state, current } = await ownItem(deps, ctx, caseId, item);
  if (current.status === 'dispatched' && current.holder !== 'department') {
    throw fieldError('CONFLICT', 'outcome', {
      zh: '本事项正在等待群众或邮件（如邮寄的户口簿），材料到达后才能办理',
      en: 'this item waits for the family or the post (such as the mailed hukou book); decide it once they arrive',
    });
  }
  if (deps.departmentModes(state.region, ctx.organisation.department) !== 'workbench') {
    throw fieldError('CONFLICT', 'outcome', {
      zh: '本部门的事项由其业务系统或模拟部门办理，不能在工作台上决定',
      en: "this department's items are decided by its own system or the simulator, not on the workbench",
    });
  }
  if (d.outcome === 'supplement' && state.terms && !state.terms.supplements) {
    throw fieldError('CONFLICT', 'outcome', {
      zh: '本地区不设补件环节：材料不合格的，请驳回并告知线下办理途径',
      en: 'this region has no supplement step: reject the item and tell the family where to apply offline',
    });
  }
  const [result] = await decide(deps, [
    {
      ...d,
      txnId: `${ctx.organisation.id}:${d.txnId}`,
      caseId,
      item,
      department: ctx.organisation.department,
    },
  ]);
  if (!result!.ok) {
    const { code, message, ...details } = result!.error;
    throw new AppError(code, message, details);
  }
  return result!;
}

/** The case and item, if the item is this organisation's; otherwise not found (as for a stranger). */
export async function ownItem(deps: EngineDeps, ctx: StaffContext, caseId: string, item: ItemId) {
  const state = await getCase(deps.db, caseId).catch(() => null);
  const current = state?.items[item];
  if (
    !state ||
    !current ||
    state.region !== ctx.organisation.region ||
    commands.decidedBy(current) !== ctx.organisation.department ||
    !serves(ctx.organisation, current.department, taskPlace(state, current))
  ) {
    throw fieldError('NOT_FOUND', 'caseId', {
      zh: `本单位没有办件 ${caseId} 的这一事项`,
      en: `your organisation has no such item in case ${caseId}`,
    });
  }
  return { state, current };
}

/** A case number, a full ID number, or a masked one (3505**********1244). */
function searchOf(text: string | undefined): QueueSearch {
  const s = text?.trim();
  if (!s) return {};
  const masked = /^(\d{4})\*+(\d{3}[\dXx])$/.exec(s);
  // However many stars were typed, the mask is the one lists show (maskId: 4 + 10 stars + 4).
  if (masked) return { motherMasked: maskId(`${masked[1]}${'0'.repeat(10)}${masked[2]!.toUpperCase()}`) };
  if (/^\d{17}[\dXx]$/.test(s)) return { motherIdNumber: s.toUpperCase() };
  return { caseId: s };
}

function cursorOf(view: QueueView, r: QueueRow): string {
  const key =
    view === 'done' ? (r.decidedAt?.toISOString() ?? '-infinity') : (r.deadline?.toISOString() ?? 'infinity');
  return Buffer.from(JSON.stringify([key, r.caseId, r.item])).toString('base64url');
}

function parseCursor(cursor: string): { key: string; caseId: string; item: string } {
  try {
    const [key, caseId, item] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as string[];
    if (typeof key === 'string' && typeof caseId === 'string' && typeof item === 'string')
      return { key, caseId, item };
  } catch {
    // fall through to the error below
  }
  throw fieldError('INVALID_INPUT', 'cursor', {
    zh: '翻页位置无效，请从第一页重新开始',
    en: 'not a valid page cursor; start from the first page',
  });
}
