import {
  DEFAULT_SIMULATOR_OPTIONS,
  httpDepartmentClient,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatorOptions,
} from './port.ts';

/**
 * 医保 (medical security): enrolls the baby in resident medical insurance (needs the baby's ID
 * number, the guardian and the insurance year and place) and approves the maternity benefit
 * (needs the mother and the delivery).
 */
export const medicalSecurity: DepartmentDefinition = {
  id: 'medical-security',
  name: { zh: '医疗保障部门', en: 'medical security bureau' },
  taskFields: (item, form, outputs) =>
    item === 'maternity-benefit'
      ? {
          mother: { name: form.mother.name, idNumber: form.mother.idNumber },
          delivery: { bornAt: form.baby.bornAt, institution: form.baby.birthPlace.institutionName ?? null },
        }
      : {
          baby: {
            name: form.baby.name,
            sex: form.baby.sex,
            bornAt: form.baby.bornAt,
            citizenIdNumber: outputs.citizenIdNumber ?? null,
          },
          guardian: {
            name: form.mother.name,
            idNumber: form.mother.idNumber,
            phone: form.mother.phone ?? null,
          },
          insuranceYears: form.insuranceYears ?? ['current'],
          insuranceDivisionCode: form.insuranceDivisionCode ?? form.registering.hukouDivisionCode,
        },
  simulateOutputs: (item, _task, random): Record<string, string> =>
    item === 'maternity-benefit'
      ? { settlement: random.chance(0.7) ? 'direct-settlement' : 'reimbursed' }
      : { insuranceNumber: `YB${String(random.int(0, 99_999_999)).padStart(8, '0')}` },
  rejections: [
    {
      zh: '参保信息有误，请向参保地医保经办机构核实',
      en: 'the insurance details are wrong; please check with the local medical security office',
    },
  ],
  supplements: [
    {
      material: 'community-address',
      message: {
        zh: '请补充所在社区（村）及联系地址',
        en: 'please add your community (village) and address',
      },
    },
  ],
};

export const createMedicalSecuritySimulator = (
  o: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>,
) => simulateDepartment(medicalSecurity, { ...DEFAULT_SIMULATOR_OPTIONS, ...o });
export const createMedicalSecurityClient = (o: { baseUrl: string; token: string }) =>
  httpDepartmentClient(medicalSecurity, o);
