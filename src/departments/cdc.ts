import {
  DEFAULT_SIMULATOR_OPTIONS,
  httpDepartmentClient,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatorOptions,
} from './port.ts';

/** 疾控 (CDC): registers and issues the vaccination certificate. It needs the baby and a contact. */
export const cdc: DepartmentDefinition = {
  id: 'cdc',
  name: { zh: '疾病预防控制机构', en: 'CDC' },
  taskFields: (_item, form) => ({
    baby: {
      name: form.baby.name,
      sex: form.baby.sex,
      bornAt: form.baby.bornAt,
      institution: form.baby.birthPlace.institutionName ?? null,
    },
    contact: { name: form.mother.name, phone: form.mother.phone ?? null },
  }),
  simulateOutputs: (_item, _task, random) => ({
    vaccinationCertificateNumber: String(random.int(0, 9_999_999_999)).padStart(10, '0'),
  }),
  rejections: [],
  supplements: [],
};

export const createCdcSimulator = (o: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>) =>
  simulateDepartment(cdc, { ...DEFAULT_SIMULATOR_OPTIONS, ...o });
export const createCdcClient = (o: { baseUrl: string; token: string }) => httpDepartmentClient(cdc, o);
