/**
 * Words for the schema's closed sets: a time limit, a period, a prefill source, a kind of item, a signer,
 * a fee and the others, each in Chinese and English. They are tables keyed by the schema's own types, so
 * a value added to the schema does not compile until it has words here.
 */
import type { ParentRole } from '../../domain/ids.ts';
import { ROLE_LABELS } from '../../domain/labels.ts';
import type { Bilingual } from '../../domain/text.ts';
import type { DeliveryMethod, Period, Policy, PrefillSource, Sla } from '../schema.ts';
import { joined } from './markdown.ts';

export function describeSla(sla: Sla): Bilingual {
  switch (sla.unit) {
    case 'working-days':
      return { zh: `${sla.value}个工作日`, en: `${sla.value} working day${sla.value === 1 ? '' : 's'}` };
    case 'working-hours':
      return { zh: `${sla.value}小时（仅计工作日）`, en: `${sla.value} working hours` };
    case 'on-the-spot':
      return { zh: '当场办结', en: 'on the spot' };
  }
}

export function describePeriod(p: Period): Bilingual {
  return 'months' in p
    ? { zh: `${p.months}个月`, en: `${p.months} month${p.months === 1 ? '' : 's'}` }
    : { zh: `${p.value}个工作日`, en: `${p.value} working day${p.value === 1 ? '' : 's'}` };
}

export const PREFILL_NAMES: Record<PrefillSource, Bilingual> = {
  identity: { zh: '实名身份', en: 'verified identity' },
  'delivery-record': { zh: '分娩信息', en: 'delivery record' },
  'hukou-registry': { zh: '户籍信息', en: 'hukou registry' },
  'marriage-registry': { zh: '婚姻登记信息', en: 'marriage registry' },
  'e-license': { zh: '电子证照', en: 'e-licence' },
  platform: { zh: '平台生成', en: 'platform' },
};

export const ITEM_KINDS: Record<Policy['items'][number]['kind'], Bilingual> = {
  joint: { zh: '联办事项', en: 'joint item' },
  service: { zh: '服务事项（不派发、不计时）', en: 'service along the way (no task, no time limit)' },
};

export const CLOCK_STARTS: Record<Policy['items'][number]['clockStarts'], Bilingual> = {
  'when-dispatched': { zh: '推送至部门时起算', en: 'from when the platform hands it over' },
  'when-family-ready': {
    zh: '申请人提供该事项所需信息后起算',
    en: 'from when the family has given what the item waits for',
  },
};

export const EFFECTS: Record<'case' | 'item' | 'advise', Bilingual> = {
  case: { zh: '不符合的，不予受理', en: 'if not met, the application is refused' },
  item: {
    zh: '不符合的，该事项不予联办，其余事项照常办理',
    en: 'if not met, that item is left out and the others go ahead',
  },
  advise: { zh: '仅作提示，不影响受理', en: 'advice only: the application goes ahead' },
};

export const UPLOADED: Record<Policy['materials'][number]['uploaded'], Bilingual> = {
  'with-application': { zh: '随申请上传', en: 'with the application' },
  'when-item-starts': {
    zh: '所用于的事项可以开始办理时上传',
    en: 'once the items it is for may start',
  },
};

export const SIGNERS: Record<Policy['applicants']['signatures'][number], Bilingual> = {
  mother: { zh: '母亲', en: 'the mother' },
  father: { zh: '父亲', en: 'the father' },
  applicant: { zh: '申请人', en: 'the applicant' },
};

export const PAUSES: Record<NonNullable<Policy['slaPauses']>['excludes'][number], Bilingual> = {
  supplement: { zh: '补件时间', en: 'time waiting for a supplement' },
  mail: { zh: '寄件时间', en: 'time in the post' },
};

export const FEES: Record<Extract<DeliveryMethod, { kind: 'mail' }>['fee'], Bilingual> = {
  free: { zh: '免费', en: 'free' },
  'paid-by-applicant': { zh: '费用自理', en: "at the applicant's cost" },
  unstated: { zh: '文件未规定费用', en: 'fee not stated in the documents' },
};

export const PAGES: Record<NonNullable<Policy['certificateHandover']>['registrationDone'], Bilingual> = {
  'main-page': { zh: '《出生医学证明》正页（不含副页）', en: 'the main page of the birth certificate only' },
  'main-and-counterfoil': {
    zh: '《出生医学证明》正、副页（完整未裁切）',
    en: 'the whole birth certificate, main page and counterfoil uncut',
  },
};

export const COVERAGE_AFTER: Record<
  Extract<Policy['insurance'], { stated: true }>['coverage']['afterWindow'],
  Bilingual
> = {
  'payment-date': { zh: '自缴费（补缴）之日起享受待遇', en: 'covered from the payment day' },
  'day-after-payment': { zh: '自缴费次日起享受待遇', en: 'covered from the day after payment' },
  unstated: { zh: '文件未规定待遇起算日', en: 'the documents do not say when coverage starts' },
};

export const METRICS: Record<Policy['efficiency'][number]['metric'], Bilingual> = {
  'working-days': { zh: '办理时间（工作日）', en: 'working days' },
  trips: { zh: '跑动次数', en: 'trips' },
  materials: { zh: '递交材料（份）', en: 'materials' },
  steps: { zh: '办理环节', en: 'steps' },
};

export const QUESTION_KINDS: Record<Policy['questions'][number]['kind'], Bilingual> = {
  contradiction: { zh: '文件前后不一致', en: 'the documents contradict each other' },
  gap: { zh: '文件未规定', en: 'the documents are silent' },
  'local-decision': { zh: '平台的本地决定', en: "the platform's local decision" },
};

export function roles(rs: readonly ParentRole[], zhJoin = '或', enJoin = ' or '): Bilingual {
  return joined(
    rs.map((r) => ({ zh: ROLE_LABELS[r].zh, en: `the ${r}` })),
    zhJoin,
    enJoin,
  );
}
