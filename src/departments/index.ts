import type { Decision } from '../domain/case-commands.ts';
import type { DepartmentId } from '../domain/ids.ts';
import type { SimulatorQueue } from './simulator-queue.ts';
import { cdc } from './cdc.ts';
import { crossProvincePlatform } from './cross-province.ts';
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

const LOCAL = {
  'midwifery-institution': midwiferyInstitution,
  'health-commission': healthCommission,
  cdc,
  police,
  'medical-security': medicalSecurity,
  tax,
  hrss,
} as const;

export const DEPARTMENTS: Readonly<Record<DepartmentId, DepartmentDefinition>> = {
  ...LOCAL,
  // The department that decides in the other province works as ours would.
  'cross-province-platform': crossProvincePlatform((id) => DEPARTMENTS[id]),
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
