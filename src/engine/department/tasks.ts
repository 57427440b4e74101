import { restsOnProvisional } from '../../domain/calendar.ts';
import { fieldError } from '../../domain/error.ts';
import type { DepartmentId } from '../../domain/ids.ts';
import { findTaskDepartment, insertTaskClaim, openTasks } from '../../store/gateway-store.ts';
import { logSystemReads } from '../../store/staff-store.ts';
import type { EngineDeps } from '../deps.ts';

/** A department system that pulls its work: its open tasks, and claiming one before working on it. */

export async function listOpenTasks(deps: EngineDeps, department: DepartmentId) {
  const open = await openTasks(deps.db, department);
  // Handing the tasks out is the department's system reading the family's data (the access log).
  await logSystemReads(
    deps.db,
    department,
    open.map(({ task }) => ({ caseId: task.caseId, item: task.item, fields: Object.keys(task.fields) })),
    deps.clock.now(),
  );
  return open.map(({ task, claimedAt, deadline, dispatchedAt }) => ({
    task,
    claimedAt,
    deadline: deadline && new Date(deadline).toISOString(),
    // Counted on a year the State Council has not published an arrangement for yet (statutory days only).
    deadlineProvisional:
      !!deadline && !!dispatchedAt && restsOnProvisional(deps.calendar, dispatchedAt, deadline),
  }));
}

/** A second claim by the same department is harmless; another department's task is not found. */
export async function claimTask(deps: EngineDeps, department: DepartmentId, taskId: string) {
  if ((await findTaskDepartment(deps.db, taskId)) !== department) {
    throw fieldError('NOT_FOUND', 'taskId', { zh: `没有任务 ${taskId}`, en: `no task ${taskId}` });
  }
  await insertTaskClaim(deps.db, taskId, department, deps.clock.now());
  return { taskId, claimed: true };
}
