import type { DepartmentId, ItemId } from '../domain/ids.ts';
import {
  DEFAULT_SIMULATOR_OPTIONS,
  httpDepartmentClient,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatorOptions,
} from './port.ts';

/**
 * 跨省通办: another province's platform, reached through a cross-province platform (Anhui: the
 * Yangtze River Delta 一网通办, which distributes cases and feeds results back, 004 附件1). The
 * platform first acknowledges with its own case number, then returns its department's decision;
 * the task carries the province and the department there, and the fields that department needs.
 */
export function crossProvincePlatform(
  departmentOf: (id: DepartmentId) => DepartmentDefinition,
): DepartmentDefinition {
  const there = (task: { fields: Record<string, unknown> }) =>
    departmentOf((task.fields.handOff as { department: DepartmentId }).department);
  return {
    id: 'cross-province-platform',
    name: { zh: '跨省通办平台', en: 'cross-province platform' },
    // Handed-off tasks are built by the department that decides there (see engine/messages.ts).
    taskFields: () => ({}),
    acknowledge: (task, random) => ({
      remoteCaseId: `${String((task.fields.handOff as { province: string }).province)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    }),
    simulateOutputs: (item: ItemId, task, random) => there(task).simulateOutputs(item, task, random),
    simulate: (task, random) => there(task).simulate?.(task, random) ?? null,
    rejections: [
      {
        zh: '落户地派出所审核未通过，请到落户地线下办理',
        en: 'the police where the baby registers did not approve it; apply there in person',
      },
    ],
    supplements: [],
  };
}

export const createCrossProvinceSimulator = (
  def: DepartmentDefinition,
  o: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>,
) => simulateDepartment(def, { ...DEFAULT_SIMULATOR_OPTIONS, ...o });
export const createCrossProvinceClient = (def: DepartmentDefinition, o: { baseUrl: string; token: string }) =>
  httpDepartmentClient(def, o);
