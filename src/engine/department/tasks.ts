import { fieldError } from '../../domain/error.ts';
import type { DepartmentId } from '../../domain/ids.ts';
import { findTaskDepartment, insertTaskClaim, openTasks } from '../../store/gateway-store.ts';
import type { EngineDeps } from '../deps.ts';

/** A department system that pulls its work: its open tasks, and claiming one before working on it. */

export async function listOpenTasks(deps: EngineDeps, department: DepartmentId) {
  return openTasks(deps.db, department);
}

/** A second claim by the same department is harmless; another department's task is not found. */
export async function claimTask(deps: EngineDeps, department: DepartmentId, taskId: string) {
  if ((await findTaskDepartment(deps.db, taskId)) !== department) {
    throw fieldError('NOT_FOUND', 'taskId', { zh: `没有任务 ${taskId}`, en: `no task ${taskId}` });
  }
  await insertTaskClaim(deps.db, taskId, department, deps.clock.now());
  return { taskId, claimed: true };
}
