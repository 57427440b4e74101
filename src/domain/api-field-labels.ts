import type { Bilingual } from './text.ts';

/**
 * Labels of the fields only the API has: the parts of a request, path and query parameters, and
 * the fields of the receipt check, the login, payment notices, the window and the development
 * API's family file. Part of the one label table (FIELD_LABELS in labels.ts), kept apart only for
 * its size, so a refusal of any field the OpenAPI document names reads as a label in both languages.
 */
export const API_FIELD_LABELS: Record<string, Bilingual> = {
  // The request's parts themselves: an unknown field at the top, a body that is not JSON.
  querystring: { zh: '查询参数', en: 'The query' },
  params: { zh: '网址中的参数', en: 'The address parameters' },
  headers: { zh: '请求头', en: 'The request headers' },
  application: { zh: '申请信息', en: 'The application' },
  id: { zh: '编号', en: 'Reference number' },
  birthOrder: { zh: '出生顺序（多胞胎）', en: 'Birth order (twins and more)' },
  submittedAt: { zh: '提交时间', en: 'Time of submission' },
  formDigest: { zh: '申请表摘要', en: 'Form digest' },
  token: { zh: '核验码', en: 'Verification code' },
  address: { zh: '地址', en: 'Address' },
  window: { zh: '取件时间段', en: 'Pickup time' },
  remoteCaseId: { zh: '部门办件编号', en: "The department's case number" },
  amountFen: { zh: '金额（分）', en: 'Amount (fen)' },
  paidAt: { zh: '支付时间', en: 'Time of payment' },
  parcelStatus: { zh: '邮件状态', en: 'Parcel status' },
  occurredAt: { zh: '发生时间', en: 'Time it happened' },
  waybill: { zh: '运单号', en: 'Waybill number' },
  trackingNote: { zh: '投递说明', en: 'Tracking note' },
  motherIdNumbers: { zh: '母亲身份证号', en: "Mothers' ID numbers" },
  from: { zh: '起始日期', en: 'From' },
  to: { zh: '截止日期', en: 'To' },
  table: { zh: '统计表', en: 'Table' },
  lang: { zh: '语言', en: 'Language' },
  view: { zh: '办件列表', en: 'Queue' },
  cursor: { zh: '翻页位置', en: 'Page position' },
  search: { zh: '搜索内容', en: 'Search' },
  limit: { zh: '每页条数', en: 'Page size' },
  purpose: { zh: '签署的文书', en: 'What is signed' },
  fatherPresent: { zh: '父亲是否在场', en: 'Whether the father is present' },
  signingSessionId: { zh: '签署会话', en: 'Signing session' },
  siblings: { zh: '已有子女', en: 'Older children' },
  for: { zh: '登录身份', en: 'Logging in as' },
  code: { zh: '授权码', en: 'Authorization code' },
  state: { zh: '登录状态码', en: 'Login state' },
  error: { zh: '登录失败原因', en: 'Login error' },
};
