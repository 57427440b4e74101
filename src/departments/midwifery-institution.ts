import {
  DEFAULT_SIMULATOR_OPTIONS,
  httpDepartmentClient,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatorOptions,
} from './port.ts';

/**
 * 助产机构 (the hospital): issues the birth certificate, hands out the vaccination certificate and,
 * in some regions, registers parenting guidance. It needs the parents' identities, the baby's
 * birth facts and how the family wants the certificate delivered.
 */
export const midwiferyInstitution: DepartmentDefinition = {
  id: 'midwifery-institution',
  name: { zh: '助产机构', en: 'midwifery institution' },
  taskFields: (item, form) => ({
    mother: { name: form.mother.name, idNumber: form.mother.idNumber },
    father: form.father && { name: form.father.name, idNumber: form.father.idNumber },
    baby: form.baby,
    ...(item === 'birth-certificate'
      ? {
          marriage: form.marriage,
          delivery: (form.delivery as Record<string, unknown> | undefined)?.[item] ?? null,
          recipient: form.recipient,
        }
      : {}),
  }),
  simulateOutputs: (item, _task, random): Record<string, string> => {
    if (item === 'birth-certificate')
      return {
        certificateNumber: `P${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
      };
    if (item === 'vaccination-certificate')
      return { vaccinationCertificateNumber: String(random.int(0, 9_999_999_999)).padStart(10, '0') };
    return { guidanceRegistered: 'yes' };
  },
  rejections: [
    {
      zh: '分娩信息与申请不一致，请到助产机构核实',
      en: 'the delivery record does not match the application; please check with the hospital',
    },
  ],
  supplements: [
    {
      material: 'parents-id-cards',
      message: {
        zh: '身份证照片不清晰，请重新上传父母身份证正反面',
        en: "the ID card photos are unreadable; upload both sides of both parents' ID cards again",
      },
    },
  ],
};

export const createMidwiferyInstitutionSimulator = (
  o: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>,
) => simulateDepartment(midwiferyInstitution, { ...DEFAULT_SIMULATOR_OPTIONS, ...o });
export const createMidwiferyInstitutionClient = (o: { baseUrl: string; token: string }) =>
  httpDepartmentClient(midwiferyInstitution, o);
