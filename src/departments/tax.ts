import {
  DEFAULT_SIMULATOR_OPTIONS,
  httpDepartmentClient,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatorOptions,
} from './port.ts';

/** 税务 (tax bureau): collects the resident insurance premium. It needs the insured baby and the payer. */
export const tax: DepartmentDefinition = {
  id: 'tax',
  name: { zh: '税务部门', en: 'tax bureau' },
  taskFields: (_item, form, outputs) => ({
    insured: {
      name: form.baby.name,
      citizenIdNumber: outputs.citizenIdNumber ?? null,
      insuranceNumber: outputs.insuranceNumber ?? null,
    },
    payer: { name: form.mother.name, phone: form.mother.phone ?? null },
    insuranceYears: form.insuranceYears ?? ['current'],
  }),
  simulateOutputs: (_item, _task, random) => ({
    paymentReceipt: `SW${String(random.int(0, 9_999_999_999)).padStart(10, '0')}`,
  }),
  rejections: [],
  supplements: [],
};

export const createTaxSimulator = (o: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>) =>
  simulateDepartment(tax, { ...DEFAULT_SIMULATOR_OPTIONS, ...o });
export const createTaxClient = (o: { baseUrl: string; token: string }) => httpDepartmentClient(tax, o);
