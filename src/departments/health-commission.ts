import {
  DEFAULT_SIMULATOR_OPTIONS,
  httpDepartmentClient,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatorOptions,
} from './port.ts';

/** 卫健 (health commission): registers the family for parenting guidance. It needs the baby and a contact. */
export const healthCommission: DepartmentDefinition = {
  id: 'health-commission',
  name: { zh: '卫生健康部门', en: 'health commission' },
  taskFields: (_item, form) => ({
    baby: { name: form.baby.name, bornAt: form.baby.bornAt },
    contact: { name: form.mother.name, phone: form.mother.phone ?? null },
  }),
  simulateOutputs: () => ({ guidanceRegistered: 'yes' }),
  rejections: [],
  supplements: [],
};

export const createHealthCommissionSimulator = (
  o: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>,
) => simulateDepartment(healthCommission, { ...DEFAULT_SIMULATOR_OPTIONS, ...o });
export const createHealthCommissionClient = (o: { baseUrl: string; token: string }) =>
  httpDepartmentClient(healthCommission, o);
