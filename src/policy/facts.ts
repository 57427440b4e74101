import { z } from 'zod';
import { CITIZEN_ID_PROBLEMS, citizenIdProblem } from '../domain/citizen-id.ts';
import { isDivisionCode } from '../domain/division.ts';
import { isEthnicityCode } from '../domain/ethnicity.ts';
import { AppError, type FieldIssue } from '../domain/error.ts';
import { fieldLabel } from '../domain/labels.ts';
import { ItemId, ParentRole, Scenario } from '../domain/ids.ts';
import { isLocalDate } from '../domain/local-date.ts';
import type { Bilingual } from '../domain/text.ts';

/**
 * Facts: the family as the shared registries report it (delivery record, hukou, marriage,
 * e-licences, this platform's own cases), plus what the applicant chose. The evaluator decides
 * from these alone. Published as a JSON Schema by `onething schema facts`.
 */

export const CitizenIdNumber = z
  .string()
  .superRefine((s, ctx) => {
    const problem = citizenIdProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: `citizen-id:${problem}` });
  })
  .meta({ description: '公民身份号码 (GB 11643, 18 characters) / citizen ID number' });

export const DivisionCode = z
  .string()
  .refine(isDivisionCode, { message: 'division-code' })
  .meta({ description: '行政区划代码 (GB/T 2260, 6 digits) / division code' });

const DateString = z
  .string()
  .refine(isLocalDate, { message: 'local-date' })
  .meta({ description: 'YYYY-MM-DD, Beijing date' });

const Instant = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO 8601 instant with offset, e.g. 2026-03-02T08:30:00+08:00' });

export const ParentCategory = z.enum([
  'resident', // 普通居民
  'military', // 现役军人
  'student', // 在校学生
  'hk-macau-taiwan', // 港澳台居民
  'overseas-chinese', // 华侨
  'foreigner', // 外国人
]);
export type ParentCategory = z.infer<typeof ParentCategory>;

export const HouseholdType = z.enum(['family', 'collective', 'student-collective']);
export type HouseholdType = z.infer<typeof HouseholdType>;

/** Relation to the household head (与户主关系) as the hukou registry records it. */
export const RelationToHead = z.enum([
  'self',
  'spouse',
  'child',
  'child-in-law',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'other',
]);
export type RelationToHead = z.infer<typeof RelationToHead>;

export const Parent = z.strictObject({
  name: z.string().min(1),
  idNumber: CitizenIdNumber,
  category: ParentCategory.default('resident'),
  nationality: z
    .string()
    .regex(/^[A-Z]{3}$/, 'nationality')
    .default('CHN')
    .meta({ description: 'ISO 3166-1 alpha-3, CHN for Chinese nationals' }),
  ethnicity: z
    .string()
    .refine(isEthnicityCode, { message: 'ethnicity' })
    .meta({ description: 'GB 3304 code, 01 = 汉族' }),
  hukou: z
    .strictObject({
      divisionCode: DivisionCode,
      householdType: HouseholdType,
      relationToHead: RelationToHead,
    })
    .nullable()
    .meta({ description: 'null when the registry has no hukou for this person (e.g. a foreigner)' }),
  phone: z
    .string()
    .regex(/^1\d{10}$/, 'phone')
    .optional(),
});
export type Parent = z.infer<typeof Parent>;

export const Facts = z.strictObject({
  applicant: z.strictObject({ role: ParentRole }),
  /** 授权委托书: the mother's signed letter letting the father apply (003 附件2 一(三)). */
  motherAuthorization: z.strictObject({ grantee: ParentRole, signedAt: Instant }).nullable().default(null),
  baby: z.strictObject({
    surname: z.string().default(''),
    givenName: z.string().default(''),
    sex: z.enum(['male', 'female']),
    bornAt: Instant,
    /** 1 for a single birth; twins and triplets are 1, 2, 3 in the order they were born. */
    birthOrder: z.number().int().min(1).max(9).default(1),
    birthPlace: z.strictObject({
      kind: z.enum(['institution', 'home', 'en-route']),
      divisionCode: DivisionCode,
      institutionName: z.string().optional(),
      /** Home and en-route births taken to an institution right after (004 二(三)). */
      broughtToInstitution: z.boolean().default(false),
    }),
  }),
  mother: Parent,
  father: Parent.nullable(),
  marriage: z
    .strictObject({
      registeredOn: DateString,
      registeredDivisionCode: DivisionCode,
      husbandIdNumber: CitizenIdNumber,
      wifeIdNumber: CitizenIdNumber,
      status: z.enum(['in-force', 'divorced']),
      divorcedOn: DateString.optional(),
    })
    .nullable()
    .meta({ description: 'the marriage registry record; null when none is found' }),
  /** 分娩信息, uploaded by the hospital within 8 hours of birth (004 附件2 二 2). */
  deliveryRecord: z
    .strictObject({
      motherIdNumber: CitizenIdNumber,
      fatherIdNumber: CitizenIdNumber.optional(),
      institutionName: z.string().min(1),
    })
    .nullable()
    .default(null),
  existing: z
    .strictObject({
      birthCertificate: z
        .strictObject({ number: z.string().min(1), hasCounterfoil: z.boolean() })
        .nullable()
        .default(null),
      babyHukou: z.strictObject({ idNumber: CitizenIdNumber }).nullable().default(null),
    })
    .default({ birthCertificate: null, babyHukou: null }),
  eLicenses: z
    .array(
      z.enum(['mother-id-card', 'father-id-card', 'marriage-certificate', 'hukou-book', 'birth-certificate']),
    )
    .default([]),
  /** The father's confirmation in his own login, with face verification (004 附件2 二 1). */
  fatherConfirmation: z
    .strictObject({ confirmedAt: Instant, faceVerified: z.boolean() })
    .nullable()
    .default(null),
  /** The mother's maternity insurance as the medical security registry reports it. */
  maternityInsurance: z
    .strictObject({
      insuredDivisionCode: DivisionCode,
      consecutiveMonths: z.number().int().nonnegative(),
    })
    .nullable()
    .default(null),
  /**
   * The hukou registry shows a family household of the parents in the city districts (or county)
   * of the registering parent's collective household (003 附件4 一).
   */
  familyHouseholdInCollectiveArea: z.boolean().default(false),
  /** Another live application for this baby on this platform (申请人重复提交). */
  priorApplication: z.boolean().default(false),
  choices: z.strictObject({
    followParent: ParentRole.meta({ description: '随父 / 随母落户' }),
    packageId: z.string().optional(),
    items: z.array(ItemId).optional(),
    scenario: Scenario.optional().meta({ description: 'what the applicant declares; the registries decide' }),
    insuranceYears: z.array(z.enum(['current', 'next'])).optional(),
    insuranceDivisionCode: DivisionCode.optional(),
    paymentDate: DateString.optional().meta({
      description: 'the premium payment date to compute coverage for',
    }),
    delivery: z.partialRecord(ItemId, z.enum(['mail', 'pickup'])).optional(),
    recipient: ParentRole.optional(),
  }),
});
export type Facts = z.infer<typeof Facts>;
export type FactsInput = z.input<typeof Facts>;

const CUSTOM_MESSAGES: Record<string, Bilingual> = {
  ...Object.fromEntries(
    Object.entries(CITIZEN_ID_PROBLEMS).map(([problem, text]) => [`citizen-id:${problem}`, text]),
  ),
  'division-code': {
    zh: '应为6位有效的行政区划代码',
    en: 'must be a 6-digit division code (GB/T 2260)',
  },
  'local-date': { zh: '应为有效日期（年-月-日）', en: 'must be a real date written YYYY-MM-DD' },
  ethnicity: { zh: '应为有效的民族代码（01–56）', en: 'must be a GB 3304 ethnic group code (01–56)' },
  phone: { zh: '应为11位手机号码', en: 'must be an 11-digit mobile number' },
  nationality: { zh: '应为三位字母的国籍代码', en: 'must be a 3-letter nationality code such as CHN' },
  'form-digest': {
    zh: '应为所签申请表的摘要',
    en: 'must be the SHA-256 digest of the signed form (64 hex digits)',
  },
  'upload-size': {
    zh: '文件不能超过 1.5 MB，请压缩或重新拍摄',
    en: 'the file must be at most 1.5 MB; compress it or take the photo again',
  },
  'upload-type': {
    zh: '只能上传 JPG、PNG 图片或 PDF 文件',
    en: 'only JPG or PNG images or PDF files can be uploaded',
  },
  'data-url': {
    zh: '文件内容无法读取，请重新选择文件',
    en: 'must be a data: URL (data:<type>;base64,…)',
  },
  png: {
    zh: '应为 PNG 格式的图片',
    en: 'must be a PNG image (data:image/png;base64,…)',
  },
  'clean-text': {
    zh: '含有控制字符或无效的文字编码，请删除后重试',
    en: 'contains control characters or invalid text; remove them and try again',
  },
};

const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: '是或否',
  object: '一组字段',
  array: '列表',
  int: '整数',
};

function issueMessage(issue: z.core.$ZodIssue): Bilingual {
  const custom = CUSTOM_MESSAGES[issue.message];
  if (custom) return custom;
  // Parsed with reportInput, so a missing field shows as an issue whose input is undefined.
  if (issue.code !== 'unrecognized_keys' && issue.input === undefined)
    return { zh: '必填项缺失', en: 'is required' };
  switch (issue.code) {
    case 'invalid_type':
      return {
        zh: `类型不正确（应为${TYPE_ZH[issue.expected] ?? '其他类型'}）`,
        en: `has the wrong type; expected ${issue.expected}`,
      };
    case 'invalid_value':
      return {
        zh: `取值无效，可选：${issue.values.join('、')}`,
        en: `is not one of: ${issue.values.join(', ')}`,
      };
    case 'invalid_format':
      return { zh: '格式不正确', en: `has the wrong format (${issue.format})` };
    case 'too_small':
      return { zh: '不能为空或过小', en: 'is empty or too small' };
    case 'too_big':
      return {
        zh: `过长或过大（上限 ${String(issue.maximum)}）`,
        en: `is too long or too large (at most ${String(issue.maximum)})`,
      };
    case 'unrecognized_keys':
      return {
        zh: `含有未知字段：${issue.keys.join('、')}`,
        en: `has unknown fields: ${issue.keys.join(', ')}`,
      };
    default:
      return { zh: '内容无效', en: `is invalid: ${issue.message}` };
  }
}

/** Turn a schema failure into the one error type, naming each field in Chinese and English. */
export function invalidInput(error: z.ZodError, root = ''): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => {
    const field = [root, ...issue.path.map(String)].filter(Boolean).join('.') || 'body';
    const m = issueMessage(issue);
    // A field the form knows reads as its label; one it does not (an integrator's typo) as sent.
    const label = fieldLabel(field) ?? { zh: field, en: field };
    return { field, message: { zh: `${label.zh}：${m.zh}`, en: `${label.en}: ${m.en}` } };
  });
  const first = issues[0]!;
  return new AppError(
    'INVALID_INPUT',
    {
      zh: `输入有误：${issues.map((i) => i.message.zh).join('；')}`,
      en: `Invalid input: ${issues.map((i) => i.message.en).join('; ')}`,
    },
    { issues, field: first.field },
  );
}

export function parseFacts(input: unknown): Facts {
  const result = Facts.safeParse(input, { reportInput: true });
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}
