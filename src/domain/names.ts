import type { DepartmentId } from './ids.ts';
import type { Bilingual } from './text.ts';

export const DEPARTMENT_NAMES: Record<DepartmentId, Bilingual> = {
  'midwifery-institution': { zh: '助产机构', en: 'midwifery institution (hospital)' },
  'health-commission': { zh: '卫生健康部门', en: 'health commission' },
  cdc: { zh: '疾病预防控制机构', en: 'CDC' },
  police: { zh: '公安派出所', en: 'police station' },
  'medical-security': { zh: '医疗保障部门', en: 'medical security bureau' },
  tax: { zh: '税务部门', en: 'tax bureau' },
  hrss: {
    zh: '人力资源社会保障部门（及合作银行）',
    en: 'human resources & social security, with a partner bank',
  },
};
