import {
  DEFAULT_SIMULATOR_OPTIONS,
  httpDepartmentClient,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatorOptions,
} from './port.ts';

/**
 * 人社 (human resources and social security) with its partner bank: makes the social security card.
 * It needs the baby's ID number, the guardian, the bank and how the card is delivered.
 */
export const hrss: DepartmentDefinition = {
  id: 'hrss',
  name: { zh: '人力资源社会保障部门', en: 'human resources and social security' },
  taskFields: (item, form, outputs) => ({
    baby: {
      name: form.baby.name,
      sex: form.baby.sex,
      bornAt: form.baby.bornAt,
      citizenIdNumber: outputs.citizenIdNumber ?? null,
    },
    guardian: { name: form.mother.name, idNumber: form.mother.idNumber, phone: form.mother.phone ?? null },
    bank: form.cardBank ?? null,
    delivery: (form.delivery as Record<string, unknown> | undefined)?.[item] ?? null,
    recipient: form.recipient ?? null,
  }),
  simulateOutputs: (_item, _task, random) => ({
    cardNumber: `${String.fromCharCode(65 + random.int(0, 25))}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
  }),
  rejections: [{ zh: '新生儿身份信息核验未通过', en: "the baby's identity could not be verified" }],
  supplements: [
    {
      material: 'baby-hukou-page',
      message: {
        zh: '请补充上传新生儿户口当前页、户口簿首页和户主页照片',
        en: "please upload photos of the baby's hukou page, the first page and the head's page",
      },
    },
  ],
};

export const createHrssSimulator = (o: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>) =>
  simulateDepartment(hrss, { ...DEFAULT_SIMULATOR_OPTIONS, ...o });
export const createHrssClient = (o: { baseUrl: string; token: string }) => httpDepartmentClient(hrss, o);
