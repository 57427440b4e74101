import { API_FIELD_LABELS } from './api-field-labels.ts';
import type { DepartmentId } from './ids.ts';
import type { Bilingual } from './text.ts';

/**
 * The one label table: what a person reads for every department, field, output, status and rating
 * level, in Chinese and English. The parents' app, the server's error messages and the PDFs all
 * read it, so a code name (a field path, an item or department id) never reaches a screen.
 * Items and materials are labelled by each region's policy.
 */

export const DEPARTMENT_LABELS: Record<DepartmentId, Bilingual> = {
  'midwifery-institution': { zh: '助产机构', en: 'Hospital (midwifery institution)' },
  'health-commission': { zh: '卫生健康部门', en: 'Health commission' },
  cdc: { zh: '疾病预防控制机构（接种单位）', en: 'CDC (vaccination clinic)' },
  police: { zh: '公安派出所', en: 'Police station' },
  'medical-security': { zh: '医疗保障部门', en: 'Medical security bureau' },
  tax: { zh: '税务部门', en: 'Tax bureau' },
  hrss: {
    zh: '人力资源社会保障部门（及合作银行）',
    en: 'Human resources and social security, with a partner bank',
  },
  'cross-province-platform': { zh: '跨省通办平台', en: 'Cross-province platform' },
};

/**
 * Fields by their dotted path, in the application and in the tasks departments receive. A path
 * not listed takes the label of its nearest listed ancestor (`baby.birthPlace.kind` → 出生地点).
 */
export const FIELD_LABELS: Record<string, Bilingual> = {
  ...API_FIELD_LABELS,
  region: { zh: '办理地区', en: 'Region' },
  applicantRole: { zh: '申请人身份', en: 'Applicant' },
  applicant: { zh: '申请人', en: 'Applicant' },
  motherIdNumber: { zh: '母亲身份证号', en: "Mother's ID number" },
  baby: { zh: '新生儿信息', en: "The baby's details" },
  'baby.name': { zh: '新生儿姓名', en: "Baby's name" },
  'baby.surname': { zh: '新生儿的姓', en: "Baby's surname" },
  'baby.givenName': { zh: '新生儿的名', en: "Baby's given name" },
  'baby.sex': { zh: '新生儿性别', en: "Baby's sex" },
  'baby.bornAt': { zh: '出生时间', en: 'Time of birth' },
  'baby.birthOrder': { zh: '出生顺序（多胞胎）', en: 'Birth order (twins and more)' },
  'baby.birthPlace': { zh: '出生地点', en: 'Place of birth' },
  'baby.birthPlace.kind': { zh: '分娩地点类型', en: 'Where the birth took place' },
  'baby.birthPlace.divisionCode': { zh: '出生地（省市县）', en: 'Place of birth (province, city, county)' },
  'baby.birthPlace.institutionName': { zh: '助产机构名称', en: 'Midwifery institution' },
  'baby.birthPlace.broughtToInstitution': {
    zh: '分娩后即送助产机构',
    en: 'Brought to an institution right after the birth',
  },
  'baby.institution': { zh: '助产机构', en: 'Hospital' },
  'baby.ethnicity': { zh: '新生儿民族', en: "Baby's ethnic group" },
  'baby.citizenIdNumber': { zh: '新生儿公民身份号码', en: "Baby's citizen ID number" },
  mother: { zh: '母亲信息', en: "The mother's details" },
  'mother.name': { zh: '母亲姓名', en: "Mother's name" },
  'mother.idNumber': { zh: '母亲身份证号', en: "Mother's ID number" },
  'mother.phone': { zh: '母亲手机号码', en: "Mother's mobile" },
  father: { zh: '父亲信息', en: "The father's details" },
  'father.name': { zh: '父亲姓名', en: "Father's name" },
  'father.idNumber': { zh: '父亲身份证号', en: "Father's ID number" },
  'father.phone': { zh: '父亲手机号码', en: "Father's mobile" },
  otherParent: { zh: '另一方家长信息', en: "The other parent's details" },
  'otherParent.name': { zh: '另一方家长姓名', en: "Other parent's name" },
  'otherParent.idNumber': { zh: '另一方家长身份证号', en: "Other parent's ID number" },
  'otherParent.phone': { zh: '另一方家长手机号码', en: "Other parent's mobile" },
  guardian: { zh: '监护人信息', en: "The guardian's details" },
  'guardian.name': { zh: '监护人姓名', en: "Guardian's name" },
  'guardian.idNumber': { zh: '监护人身份证号', en: "Guardian's ID number" },
  'guardian.phone': { zh: '监护人手机号码', en: "Guardian's mobile" },
  registering: { zh: '落户信息', en: 'Hukou registration' },
  'registering.role': { zh: '随父 / 随母落户', en: 'Registered with' },
  'registering.name': { zh: '落户方姓名', en: 'Name of the parent registered with' },
  'registering.idNumber': { zh: '落户方身份证号', en: 'ID number of the parent registered with' },
  'registering.hukouDivisionCode': { zh: '落户地', en: 'Where the hukou is' },
  'registering.householdType': { zh: '户别', en: 'Household type' },
  marriage: { zh: '结婚登记信息', en: 'Marriage registration' },
  'marriage.registeredOn': { zh: '结婚登记日期', en: 'Date of the marriage registration' },
  'marriage.registeredDivisionCode': { zh: '结婚登记地', en: 'Where the marriage was registered' },
  'marriage.divorcedOn': { zh: '离婚日期', en: 'Date of the divorce' },
  'mother.ethnicity': { zh: '母亲民族', en: "Mother's ethnic group" },
  'father.ethnicity': { zh: '父亲民族', en: "Father's ethnic group" },
  'mother.hukou': { zh: '母亲户籍', en: "Mother's hukou" },
  'father.hukou': { zh: '父亲户籍', en: "Father's hukou" },
  'mother.nationality': { zh: '母亲国籍', en: "Mother's nationality" },
  'father.nationality': { zh: '父亲国籍', en: "Father's nationality" },
  deliveryRecord: { zh: '医院分娩信息', en: "The hospital's delivery record" },
  existing: { zh: '已办证照', en: 'Documents already issued' },
  eLicenses: { zh: '电子证照', en: 'E-licences' },
  maternityInsurance: { zh: '生育保险参保信息', en: 'Maternity insurance' },
  input: { zh: '输入文件', en: 'Input file' },
  at: { zh: '提交时刻', en: 'Submission time' },
  command: { zh: '命令', en: 'Command' },
  cases: { zh: '办件数', en: 'Number of cases' },
  seed: { zh: '随机种子', en: 'Seed' },
  start: { zh: '开始时刻', en: 'Start' },
  port: { zh: '端口', en: 'Port' },
  file: { zh: '文件', en: 'File' },
  url: { zh: '服务地址', en: 'Server address' },
  data: { zh: '数据目录', en: 'Data directory' },
  certificateNumber: { zh: '出生医学证明编号', en: 'Birth certificate number' },
  delivery: { zh: '领取方式', en: 'How results are received' },
  'delivery.bornAt': { zh: '分娩时间', en: 'Time of delivery' },
  'delivery.institution': { zh: '分娩机构', en: 'Hospital of delivery' },
  recipient: { zh: '收件人', en: 'Recipient' },
  bank: { zh: '社保卡合作银行', en: 'Partner bank for the card' },
  contact: { zh: '联系方式', en: 'Contact' },
  'contact.name': { zh: '联系人姓名', en: 'Contact name' },
  'contact.phone': { zh: '手机号码', en: 'Mobile number' },
  'contact.mailingAddress': { zh: '收件地址', en: 'Mailing address' },
  'contact.mailingAddress.divisionCode': { zh: '收件地址所在区县', en: 'County of the mailing address' },
  'contact.mailingAddress.detail': { zh: '详细地址', en: 'Street and number' },
  insured: { zh: '参保人信息', en: 'The insured' },
  'insured.name': { zh: '参保人姓名', en: "Insured person's name" },
  'insured.citizenIdNumber': { zh: '参保人公民身份号码', en: "Insured person's ID number" },
  'insured.insuranceNumber': { zh: '医保参保编号', en: 'Insurance number' },
  payer: { zh: '缴费人信息', en: 'The payer' },
  'payer.name': { zh: '缴费人姓名', en: "Payer's name" },
  'payer.phone': { zh: '缴费人手机号码', en: "Payer's mobile" },
  insuranceYears: { zh: '参保年度', en: 'Insurance years' },
  insuranceDivisionCode: { zh: '参保地', en: 'Where the baby is insured' },
  premium: { zh: '应缴保费', en: 'Premium due' },
  payment: { zh: '缴费记录', en: 'Payment' },
  choices: { zh: '办理选择', en: 'Your choices' },
  'choices.followParent': { zh: '随父 / 随母落户', en: 'Registered with' },
  'choices.packageId': { zh: '办理套餐', en: 'Package' },
  'choices.items': { zh: '办理事项', en: 'Items' },
  'choices.scenario': { zh: '办理情形', en: 'Scenario' },
  'choices.insuranceYears': { zh: '参保年度', en: 'Insurance years' },
  'choices.insuranceDivisionCode': { zh: '参保地', en: 'Where the baby is insured' },
  'choices.paymentDate': { zh: '缴费日期', en: 'Payment date' },
  'choices.delivery': { zh: '领取方式', en: 'How results are received' },
  'choices.recipient': { zh: '收件人', en: 'Recipient' },
  uploads: { zh: '上传的材料', en: 'Uploaded materials' },
  faces: { zh: '人脸识别', en: 'Face verification' },
  'faces.mother': { zh: '母亲人脸识别', en: "Mother's face verification" },
  'faces.father': { zh: '父亲人脸识别', en: "Father's face verification" },
  face: { zh: '人脸照片', en: 'Face photo' },
  photo: { zh: '人脸照片', en: 'Face photo' },
  role: { zh: '家长身份', en: 'Parent' },
  signature: { zh: '签名', en: 'Signature' },
  'signature.formDigest': { zh: '所签署的申请表', en: 'The form you signed' },
  'signature.imagePng': { zh: '手写签名', en: 'Handwritten signature' },
  'signature.others': { zh: '另一方家长的签名', en: "The other parent's signature" },
  signingSession: { zh: '窗口平板签名', en: 'Signing on the counter tablet' },
  paper: { zh: '窗口文书', en: 'Window paper' },
  coSignature: { zh: '另一方家长的签名', en: "The other parent's signature" },
  invitation: { zh: '邀请', en: 'Invitation' },
  grantee: { zh: '受委托人', en: 'The person authorized' },
  'grantee.name': { zh: '受委托人姓名', en: "Grantee's name" },
  'grantee.idNumber': { zh: '受委托人身份证号', en: "Grantee's ID number" },
  'grantee.phone': { zh: '受委托人联系电话', en: "Grantee's phone" },
  authorization: { zh: '登录', en: 'Login' },
  clientTxnId: { zh: '提交编号', en: 'Submission number' },
  caseId: { zh: '办件编号', en: 'Case number' },
  staffFile: { zh: '单位与工作人员文件', en: 'Organisations and staff file' },
  'staffFile.organisations': { zh: '单位', en: 'Organisation' },
  'staffFile.organisations.counties': { zh: '服务区县', en: 'Counties served' },
  'staffFile.organisations.department': { zh: '所属部门', en: 'Department' },
  'staffFile.staff': { zh: '工作人员', en: 'Member of staff' },
  'staffFile.staff.organisationId': { zh: '所属单位', en: 'Organisation' },
  'staffFile.staff.loginIdNumber': { zh: '登录身份证号', en: 'Login ID number' },
  'staffFile.staff.role': { zh: '岗位', en: 'Role' },
  'staffFile.staff.id': { zh: '工作人员账号', en: 'Staff account id' },
  'staffFile.supervisors': { zh: '监察人员', en: 'Supervisor' },
  'staffFile.supervisors.id': { zh: '监察人员账号', en: 'Supervisor account id' },
  'staffFile.supervisors.regions': { zh: '监察地区', en: 'Regions supervised' },
  'staffFile.supervisors.loginIdNumber': { zh: '登录身份证号', en: 'Login ID number' },
  'signed-form': { zh: '签名的申请表（全部内容）', en: 'The signed application form (all of it)' },
  upload: { zh: '上传的材料', en: 'An uploaded material' },
  'window-authorization': { zh: '签名的授权委托书', en: 'The signed authorization letter' },
  'window-receipt': { zh: '收件回执', en: 'The receipt for the papers' },
  item: { zh: '事项', en: 'Item' },
  material: { zh: '材料', en: 'Material' },
  materials: { zh: '材料', en: 'Materials' },
  dataUrl: { zh: '上传的文件', en: 'Uploaded file' },
  note: { zh: '补件说明', en: 'Your answer' },
  score: { zh: '满意度', en: 'Satisfaction' },
  comment: { zh: '评价内容', en: 'Comment' },
  reason: { zh: '原因', en: 'Reason' },
  pickup: { zh: '上门取件', en: 'Pickup' },
  'pickup.address': { zh: '取件地址', en: 'Pickup address' },
  'pickup.address.divisionCode': { zh: '取件地址所在区县', en: 'County of the pickup address' },
  'pickup.address.detail': { zh: '取件详细地址', en: 'Pickup street and number' },
  'pickup.window': { zh: '取件时间段', en: 'Pickup time' },
  orderId: { zh: '缴费订单', en: 'Payment order' },
  draft: { zh: '草稿', en: 'Draft' },
  step: { zh: '办理步骤', en: 'Step' },
  txnId: { zh: '交易号', en: 'Transaction number' },
  outcome: { zh: '办理结果', en: 'Outcome' },
  outputs: { zh: '办理结果', en: 'Results' },
  message: { zh: '说明', en: 'Message' },
  parcelId: { zh: '邮件', en: 'Parcel' },
  taskId: { zh: '任务', en: 'Task' },
  body: { zh: '请求内容', en: 'The request' },
  'x-department': { zh: '部门标识', en: 'Department' },
  'x-provider': { zh: '支付机构标识', en: 'Payment provider' },
  'x-timestamp': { zh: '时间戳', en: 'Timestamp' },
  'x-signature': { zh: '请求签名', en: 'Request signature' },
  'x-nonce': { zh: '请求随机数', en: 'Request nonce' },
  path: { zh: '请求地址', en: 'The address' },
  deadline: { zh: '办理时限', en: 'Time limit' },
  batch: { zh: '副页批次', en: 'Counterfoil batch' },
  hop: { zh: '移交环节', en: 'Hand-off' },
  county: { zh: '县（市、区）', en: 'County' },
  month: { zh: '所属月份', en: 'Month' },
  lines: { zh: '逐份核对', en: 'Line checks' },
  'lines.caseId': { zh: '核对的副页', en: 'Counterfoil checked' },
  'lines.status': { zh: '核对结果', en: 'Result of the check' },
  'lines.note': { zh: '核对说明', en: 'Note on the check' },
  kind: { zh: '跟进方式', en: 'How it was followed up' },
  resolution: { zh: '跟进处理说明', en: 'How it was resolved' },
  calendar: { zh: '节假日安排命令', en: 'Calendar command' },
  arrangement: { zh: '节假日安排', en: 'Holiday arrangement' },
  'arrangement.year': { zh: '年份', en: 'Year' },
  'arrangement.source': { zh: '通知文号', en: 'Notice number' },
  'arrangement.holidays': { zh: '放假安排', en: 'Holidays' },
  'arrangement.holidays.name': { zh: '节日名称', en: 'Holiday name' },
  'arrangement.holidays.dates': { zh: '放假日期', en: 'Days off' },
  'arrangement.workdays': { zh: '调休上班安排', en: 'Weekend days worked' },
  'arrangement.workdays.name': { zh: '调休所属节日', en: 'Holiday the worked day belongs to' },
  'arrangement.workdays.date': { zh: '调休上班日期', en: 'Weekend day worked' },
  'arrangement.years': { zh: '各年份的节假日安排', en: 'Holiday arrangements by year' },
  'arrangement.years.year': { zh: '年份', en: 'Year' },
  'arrangement.years.source': { zh: '通知文号', en: 'Notice number' },
  'arrangement.years.holidays': { zh: '放假安排', en: 'Holidays' },
  'arrangement.years.holidays.dates': { zh: '放假日期', en: 'Days off' },
  'arrangement.years.workdays': { zh: '调休上班安排', en: 'Weekend days worked' },
  'arrangement.years.workdays.date': { zh: '调休上班日期', en: 'Weekend day worked' },
  policy: { zh: '政策副本', en: 'Policy copy' },
  'policy.region': { zh: '政策副本的地区', en: "The policy copy's region" },
  'policy.basedOn': { zh: '修改所基于的地区', en: 'The region the changes are based on' },
  since: { zh: '起始日期', en: 'Since' },
};

/** The label of a field path; array indices and the HTTP part (`body.`, `params.`) are ignored. */
export function fieldLabel(path: string): Bilingual | null {
  // The part itself (a body that is not JSON, an unknown field at its top) reads as the part.
  if (/^(body|params|querystring|headers)$/.test(path)) return FIELD_LABELS[path] ?? null;
  const parts = path
    .replace(/^(body|params|querystring|headers)\.?/, '')
    .replace(/^application\./, '')
    .split('.')
    .filter((p) => p !== '' && !/^\d+$/.test(p));
  for (let n = parts.length; n > 0; n--) {
    const label = FIELD_LABELS[parts.slice(0, n).join('.')];
    if (label) return label;
  }
  return null;
}

/** What departments hand back, named for the parent. */
export const OUTPUT_LABELS: Record<string, Bilingual> = {
  certificateNumber: { zh: '出生医学证明编号', en: 'Birth certificate number' },
  vaccinationCertificateNumber: { zh: '预防接种证编号', en: 'Vaccination certificate number' },
  citizenIdNumber: { zh: '宝宝的公民身份号码', en: "The baby's citizen ID number" },
  insuranceNumber: { zh: '医保参保编号', en: 'Insurance number' },
  paymentReceipt: { zh: '缴费凭证号', en: 'Payment voucher number' },
  cardNumber: { zh: '社会保障卡号', en: 'Social security card number' },
  settlement: { zh: '生育医疗费用结算', en: 'Maternity settlement' },
  guidanceRegistered: { zh: '育儿指导登记', en: 'Parenting guidance registered' },
};

/** What a clerk enters when approving each item: the outputs it hands back. */
export const ITEM_OUTPUTS: Record<string, string[]> = {
  'birth-certificate': ['certificateNumber'],
  'vaccination-certificate': ['vaccinationCertificateNumber'],
  'hukou-registration': ['citizenIdNumber'],
  'insurance-enrollment': ['insuranceNumber'],
  'insurance-payment': ['paymentReceipt'],
  'social-security-card': ['cardNumber'],
  'maternity-benefit': ['settlement'],
  'parenting-guidance': ['guidanceRegistered'],
};

/** Coded values a department's fields carry, as a clerk reads them. */
export const FIELD_VALUE_LABELS: Record<string, Bilingual> = {
  male: { zh: '男', en: 'male' },
  female: { zh: '女', en: 'female' },
  institution: { zh: '医疗机构内', en: 'in a hospital' },
  home: { zh: '家中', en: 'at home' },
  'en-route': { zh: '途中', en: 'en route' },
  mother: { zh: '母亲', en: 'the mother' },
  father: { zh: '父亲', en: 'the father' },
  mail: { zh: '邮寄', en: 'by mail' },
  pickup: { zh: '自取', en: 'collected' },
  family: { zh: '家庭户', en: 'family household' },
  collective: { zh: '集体户', en: 'collective household' },
  'student-collective': { zh: '学生集体户', en: 'student collective household' },
  'in-force': { zh: '存续', en: 'in force' },
  divorced: { zh: '已离婚', en: 'divorced' },
  current: { zh: '当年', en: 'this year' },
  next: { zh: '次年', en: 'next year' },
  true: { zh: '是', en: 'yes' },
  false: { zh: '否', en: 'no' },
};

export const OUTPUT_VALUE_LABELS: Record<string, Bilingual> = {
  'direct-settlement': { zh: '已直接结算', en: 'settled directly' },
  reimbursed: { zh: '已报销', en: 'reimbursed' },
  yes: { zh: '已登记', en: 'registered' },
};

export const ITEM_STATUS_LABELS: Record<string, Bilingual> = {
  waiting: { zh: '等待前置事项', en: 'Waiting' },
  dispatched: { zh: '办理中', en: 'In progress' },
  'supplement-requested': { zh: '待补件', en: 'Supplement needed' },
  'payment-due': { zh: '待缴费', en: 'Payment due' },
  done: { zh: '已办结', en: 'Done' },
  rejected: { zh: '未通过', en: 'Rejected' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const CASE_STATUS_LABELS: Record<string, Bilingual> = {
  'in-progress': { zh: '办理中', en: 'In progress' },
  completed: { zh: '全部办结', en: 'All done' },
  'partly-completed': { zh: '部分办结', en: 'Partly done' },
};

export const HOLDER_LABELS: Record<string, Bilingual> = {
  department: { zh: '部门办理中', en: 'with the department' },
  applicant: { zh: '等待您处理', en: 'waiting for you' },
  post: { zh: '邮寄途中', en: 'in the post' },
};

export const EVENT_LABELS: Record<string, Bilingual> = {
  'case-submitted': { zh: '提交申请', en: 'Submitted' },
  'item-dispatched': { zh: '推送至部门', en: 'Sent to the department' },
  'item-done': { zh: '办结', en: 'Done' },
  'item-rejected': { zh: '未通过', en: 'Rejected' },
  'hand-off-accepted': { zh: '外省平台已受理', en: 'Accepted by the other province' },
  'supplement-requested': { zh: '要求补件', en: 'Supplement requested' },
  'supplement-answered': { zh: '已补件', en: 'Supplement sent' },
  'materials-requested': { zh: '请您上传材料', en: 'Materials requested' },
  'materials-supplied': { zh: '已上传材料', en: 'Materials uploaded' },
  'payment-requested': { zh: '待缴费', en: 'Payment due' },
  'payment-made': { zh: '已缴费，待税务确认', en: 'Paid; awaiting confirmation' },
  'item-cancelled': { zh: '取消', en: 'Cancelled' },
  'item-overdue': { zh: '已超时', en: 'Overdue' },
  'item-rated': { zh: '已评价', en: 'Rated' },
  'pickup-requested': { zh: '请预约上门取件', en: 'Book a pickup' },
  'pickup-booked': { zh: '已预约上门取件', en: 'Pickup booked' },
  'parcel-shipped': { zh: '已交寄', en: 'Handed to the post' },
  'parcel-tracked': { zh: '邮件动态', en: 'Parcel update' },
  'deadline-recomputed': {
    zh: '按国务院公布的节假日安排重新计算时限',
    en: "Deadline counted again with the State Council's holidays",
  },
};

/** How a deadline counted on a year without an official holiday arrangement reads, everywhere. */
export const PROVISIONAL_DEADLINE_LABELS = {
  mark: { zh: '（暂定）', en: ' (provisional)' },
  explanation: {
    zh: '标注“暂定”的时限：国务院办公厅尚未公布该年度的节假日安排，暂按法定节假日和周末计算；安排公布后将重新计算并通知您。',
    en: "Deadlines marked provisional: the State Council has not yet published that year's holiday arrangement, so they are counted on the statutory holidays and weekends for now; they will be counted again, and you told, once it is published.",
  },
  recomputed: {
    zh: '已按国务院办公厅公布的节假日安排重新计算',
    en: "Counted again with the State Council's published holiday arrangement",
  },
} satisfies Record<string, Bilingual>;

export const PARCEL_STATUS_LABELS: Record<string, Bilingual> = {
  'awaiting-booking': { zh: '待预约取件', en: 'Pickup to be booked' },
  booked: { zh: '已预约取件', en: 'Pickup booked' },
  shipped: { zh: '已交寄', en: 'Handed to the post' },
  collected: { zh: '已揽收', en: 'Collected' },
  'in-transit': { zh: '运输中', en: 'In transit' },
  'out-for-delivery': { zh: '派送中', en: 'Out for delivery' },
  delivered: { zh: '已签收', en: 'Delivered' },
};

export const PARCEL_DIRECTION_LABELS: Record<string, Bilingual> = {
  'to-department': { zh: '寄往办理部门', en: 'To the department' },
  'to-family': { zh: '寄给您', en: 'To you' },
};

/** 好差评: five levels, as the government service rating system names them; 5 is the best. */
export const RATING_LEVELS: { score: number; label: Bilingual }[] = [
  { score: 5, label: { zh: '非常满意', en: 'Very satisfied' } },
  { score: 4, label: { zh: '满意', en: 'Satisfied' } },
  { score: 3, label: { zh: '基本满意', en: 'Fairly satisfied' } },
  { score: 2, label: { zh: '不满意', en: 'Dissatisfied' } },
  { score: 1, label: { zh: '非常不满意', en: 'Very dissatisfied' } },
];

/** A rating at or below this asks for the reason (差评须说明原因). */
export const RATING_REASON_AT_OR_BELOW = 2;

export const ROLE_LABELS: Record<'mother' | 'father', Bilingual> = {
  mother: { zh: '母亲', en: 'Mother' },
  father: { zh: '父亲', en: 'Father' },
};

/** What a parent would call a hotline about; the app groups them so. */
export const HOTLINE_TOPIC_LABELS: Record<string, Bilingual> = {
  general: { zh: '综合咨询与投诉', en: 'General enquiries and complaints' },
  hospital: { zh: '出生医学证明（各助产机构）', en: 'Birth certificate (each hospital)' },
  registration: { zh: '户口登记', en: 'Hukou registration' },
  insurance: { zh: '医保参保', en: 'Medical insurance' },
  card: { zh: '社会保障卡', en: 'Social security card' },
  payment: { zh: '缴费', en: 'Payment' },
  post: { zh: '邮件查询', en: 'Parcels' },
  technical: { zh: '技术支持', en: 'Technical help' },
};

/** 副页移交: a counterfoil batch's progress, a line's check, and how a discrepancy was followed up. */
export const COUNTERFOIL_BATCH_LABELS: Record<string, Bilingual> = {
  assembled: { zh: '已组批，待送出', en: 'Assembled, not sent' },
  sent: { zh: '已送出，待接收确认', en: 'Sent, awaiting acknowledgement' },
  acknowledged: { zh: '已接收确认', en: 'Acknowledged' },
  'acknowledged-with-discrepancies': { zh: '已接收，有差异待跟进', en: 'Acknowledged with discrepancies' },
  'discrepancies-resolved': { zh: '差异已跟进处理', en: 'Discrepancies resolved' },
};

export const COUNTERFOIL_LINE_LABELS: Record<string, Bilingual> = {
  pending: { zh: '待核对', en: 'Not checked' },
  received: { zh: '已接收', en: 'Received' },
  missing: { zh: '缺失', en: 'Missing' },
  mismatched: { zh: '不一致', en: 'Does not match' },
};

export const COUNTERFOIL_FOLLOW_UP_LABELS: Record<string, Bilingual> = {
  resent: { zh: '已找到并补送', en: 'Found and handed over again' },
  corrected: { zh: '已更正', en: 'Corrected' },
  explained: { zh: '已说明原因', en: 'Explained' },
};

/** 办件监察: which deadline an item is measured against, and the escalation thresholds. */
export const SLA_BASIS_LABELS: Record<string, Bilingual> = {
  'item-limit': { zh: '事项办理时限', en: "The item's own time limit" },
  'case-promise': { zh: '全案承诺时限', en: "The case's promised time" },
  'service-standard': { zh: '部门服务标准（设置）', en: "The department's service standard (a setting)" },
  mixed: { zh: '多种依据', en: 'Several bases' },
};

export function escalationThresholdLabel(threshold: string): Bilingual {
  if (threshold === 'due-soon') return { zh: '即将到期', en: 'Due soon' };
  if (threshold === 'overdue') return { zh: '已超期', en: 'Overdue' };
  const days = /^overdue-(\d+)wd$/.exec(threshold)?.[1];
  return days
    ? { zh: `超期 ${days} 个工作日`, en: `Overdue by ${days} working days` }
    : { zh: '提醒', en: 'Reminder' };
}
