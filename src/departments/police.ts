import { makeCitizenId } from '../domain/citizen-id.ts';
import { beijingDate } from '../domain/local-date.ts';
import {
  DEFAULT_SIMULATOR_OPTIONS,
  httpDepartmentClient,
  simulateDepartment,
  type DepartmentDefinition,
  type SimulatorOptions,
} from './port.ts';

/**
 * 派出所 (police station): registers the birth in the registering parent's household and returns
 * the baby's citizen ID number. It needs the certificate number, the registering parent and
 * household, the other parent, and the marriage.
 */
export const police: DepartmentDefinition = {
  id: 'police',
  name: { zh: '公安派出所', en: 'police station' },
  taskFields: (_item, form, outputs) => ({
    baby: {
      name: form.baby.name,
      sex: form.baby.sex,
      bornAt: form.baby.bornAt,
      birthPlace: form.baby.birthPlace,
      ethnicity: form.babyEthnicity ?? null,
    },
    certificateNumber:
      outputs.certificateNumber ?? (form.existingCertificateNumber as string | undefined) ?? null,
    registering: form.registering,
    otherParent:
      form.registering.role === 'mother'
        ? form.father && { name: form.father.name, idNumber: form.father.idNumber }
        : { name: form.mother.name, idNumber: form.mother.idNumber },
    marriage: form.marriage,
    delivery: (form.delivery as Record<string, unknown> | undefined)?.['hukou-registration'] ?? null,
  }),
  simulateOutputs: (_item, task, random) => {
    const f = task.fields as {
      baby: { sex: string; bornAt: string };
      registering: { hukouDivisionCode: string | null };
    };
    // GB 11643: the sequence is odd for a boy, even for a girl.
    const seq = random.int(0, 498) * 2 + (f.baby.sex === 'male' ? 1 : 0);
    return {
      citizenIdNumber: makeCitizenId(
        f.registering.hukouDivisionCode ?? '110105',
        beijingDate(new Date(f.baby.bornAt)),
        seq,
      ),
    };
  },
  rejections: [
    {
      zh: '不符合落户条件，请持户口簿到户籍地派出所办理',
      en: 'the registration conditions are not met; take the hukou book to your police station',
    },
  ],
  supplements: [
    {
      material: 'hukou-book-photos',
      message: {
        zh: '户口簿户主页照片缺失，请补充上传',
        en: "the household head's page of the hukou book is missing; please upload it",
      },
    },
  ],
};

export const createPoliceSimulator = (
  o: Partial<SimulatorOptions> & Pick<SimulatorOptions, 'seed' | 'now'>,
) => simulateDepartment(police, { ...DEFAULT_SIMULATOR_OPTIONS, ...o });
export const createPoliceClient = (o: { baseUrl: string; token: string }) => httpDepartmentClient(police, o);
