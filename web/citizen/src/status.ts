import type { Bilingual } from './i18n.tsx';

/** Status words and colours, one place. Colours meet 4.5:1 on white with white text. */
export const ITEM_STATUS: Record<string, { text: Bilingual; color: string }> = {
  waiting: { text: { zh: '等待前置事项', en: 'Waiting' }, color: '#595959' },
  dispatched: { text: { zh: '办理中', en: 'In progress' }, color: '#0b57d0' },
  'supplement-requested': { text: { zh: '待补件', en: 'Supplement needed' }, color: '#ad4e00' },
  done: { text: { zh: '已办结', en: 'Done' }, color: '#00703c' },
  rejected: { text: { zh: '未通过', en: 'Rejected' }, color: '#b00020' },
  cancelled: { text: { zh: '已取消', en: 'Cancelled' }, color: '#595959' },
};

export const CASE_STATUS: Record<string, { text: Bilingual; color: string }> = {
  'in-progress': { text: { zh: '办理中', en: 'In progress' }, color: '#0b57d0' },
  completed: { text: { zh: '全部办结', en: 'All done' }, color: '#00703c' },
  'partly-completed': { text: { zh: '部分办结', en: 'Partly done' }, color: '#ad4e00' },
};

export const HOLDER: Record<string, Bilingual> = {
  department: { zh: '部门办理中', en: 'with the department' },
  applicant: { zh: '等待您补件', en: 'waiting for you' },
  post: { zh: '邮寄途中', en: 'in the post' },
};

export const DEPARTMENT: Record<string, Bilingual> = {
  'midwifery-institution': { zh: '助产机构', en: 'Hospital' },
  cdc: { zh: '疾控 / 接种单位', en: 'Vaccination clinic' },
  'health-commission': { zh: '卫生健康部门', en: 'Health commission' },
  police: { zh: '公安机关', en: 'Police' },
  'medical-security': { zh: '医疗保障部门', en: 'Medical security' },
  tax: { zh: '税务部门', en: 'Tax' },
  hrss: { zh: '人力资源社会保障部门', en: 'Human resources and social security' },
};

export const EVENT: Record<string, Bilingual> = {
  'case-submitted': { zh: '提交申请', en: 'Submitted' },
  'item-dispatched': { zh: '推送至部门', en: 'Sent to the department' },
  'item-done': { zh: '办结', en: 'Done' },
  'item-rejected': { zh: '未通过', en: 'Rejected' },
  'supplement-requested': { zh: '要求补件', en: 'Supplement requested' },
  'supplement-answered': { zh: '已补件', en: 'Supplement sent' },
  'item-cancelled': { zh: '取消', en: 'Cancelled' },
  'item-overdue': { zh: '已超时', en: 'Overdue' },
  'item-rated': { zh: '已评价', en: 'Rated' },
  'parcel-shipped': { zh: '已寄出', en: 'Parcel sent' },
  'parcel-tracked': { zh: '邮件动态', en: 'Parcel update' },
};

/** What departments hand back, named for the parent. */
export const OUTPUT: Record<string, Bilingual> = {
  certificateNumber: { zh: '出生医学证明编号', en: 'Birth certificate number' },
  vaccinationCertificateNumber: { zh: '预防接种证编号', en: 'Vaccination certificate number' },
  citizenIdNumber: { zh: '宝宝的公民身份号码', en: "The baby's citizen ID number" },
  insuranceNumber: { zh: '医保参保编号', en: 'Insurance number' },
  paymentReceipt: { zh: '缴费凭证号', en: 'Payment receipt' },
  cardNumber: { zh: '社会保障卡号', en: 'Social security card number' },
  settlement: { zh: '生育医疗费用结算', en: 'Maternity settlement' },
  guidanceRegistered: { zh: '育儿指导登记', en: 'Parenting guidance registered' },
};
export const OUTPUT_VALUE: Record<string, Bilingual> = {
  'direct-settlement': { zh: '已直接结算', en: 'settled directly' },
  reimbursed: { zh: '已报销', en: 'reimbursed' },
  yes: { zh: '是', en: 'yes' },
};
