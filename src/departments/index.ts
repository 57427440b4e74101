import type { Decision } from '../domain/case-commands.ts';
import type { DepartmentId } from '../domain/ids.ts';
import type { SimulatorQueue } from './simulator-queue.ts';
import { cdc } from './cdc.ts';
import { healthCommission } from './health-commission.ts';
import { hrss } from './hrss.ts';
import { medicalSecurity } from './medical-security.ts';
import { midwiferyInstitution } from './midwifery-institution.ts';
import { police } from './police.ts';
import {
  DEFAULT_SIMULATOR_OPTIONS,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatedDepartment,
  type SimulatorOptions,
} from './port.ts';
import { tax } from './tax.ts';

export const DEPARTMENTS: Readonly<Record<DepartmentId, DepartmentDefinition>> = {
  'midwifery-institution': midwiferyInstitution,
  'health-commission': healthCommission,
  cdc,
  police,
  'medical-security': medicalSecurity,
  tax,
  hrss,
};

/** One simulator per department, all on one seed and one clock; `queueFor` keeps their work (default: memory). */
export function simulateAllDepartments(
  options: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>,
  queueFor?: (department: DepartmentId) => SimulatorQueue<Decision>,
): Record<DepartmentId, SimulatedDepartment> {
  const out = {} as Record<DepartmentId, SimulatedDepartment>;
  for (const [id, def] of Object.entries(DEPARTMENTS) as [DepartmentId, DepartmentDefinition][]) {
    out[id] = simulateDepartment(def, { ...DEFAULT_SIMULATOR_OPTIONS, ...options }, queueFor?.(id));
  }
  return out;
}
