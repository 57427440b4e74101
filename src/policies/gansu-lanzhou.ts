import { definePolicy } from '../policy/define-policy.ts';

/**
 * 兰州市新生儿出生服务"高效办成一件事"工作方案 (2024) with the Gansu provincial annexes:
 * 附件1 办事指南, 附件2 联办服务登记表, 附件3 申报材料.
 * Clauses: 一 … 六 are the 方案's sections;
 * 附件1 受理条件 一/二/三/四 are the guide's numbered conditions.
 */
const OFFLINE = {
  kind: 'apply-offline',
  text: { zh: '请按各部门要求分别线下办理', en: 'apply at each department offline' },
} as const;

export const gansuLanzhou = definePolicy({
  region: 'gansu-lanzhou',
  name: { zh: '甘肃省（兰州市）新生儿出生“一件事”', en: 'Gansu (Lanzhou) newborn birth one-thing service' },
  shortName: { zh: '甘肃·兰州', en: 'Gansu (Lanzhou)' },
  sources: [
    {
      file: '001',
      // The Lanzhou plan carries no number of its own; it implements the province's plan
      // (甘卫法监函〔2024〕183号), whose guide, form and materials list are its annexes.
      title: '兰州市新生儿出生服务“高效办成一件事”工作方案',
      date: '2024',
    },
  ],
  divisions: ['62'],
  channel: {
    description: {
      zh: '甘肃政务服务网兰州站和“甘快办”兰州厅“高效办成一件事”专区在线申请，全程网办（IV级），到场1次',
      en: 'online in the Lanzhou area of the Gansu government service portal and the Gankuaiban app; one visit to the police station',
    },
    citation: { file: '001', clause: '五(五)；附件1 基本信息' },
  },

  // 三: the certificate first, then the registration, then enrollment and the card in parallel;
  // vaccination, maternity reimbursement and parenting guidance are services along the way.
  items: [
    {
      id: 'birth-certificate',
      name: { zh: '《出生医学证明》办理（首签）', en: 'Birth medical certificate (first issue)' },
      department: 'midwifery-institution',
      sla: { unit: 'working-days', value: 1, citation: { file: '001', clause: '五(一)' } },
      citation: { file: '001', clause: '二 1' },
    },
    // 附件1 lists vaccination, parenting guidance and maternity reimbursement as 服务事项, apart
    // from the four 联办事项: services the family uses along the way, not tasks with a time limit.
    {
      id: 'vaccination-certificate',
      name: { zh: '预防接种', en: 'Vaccination' },
      department: 'midwifery-institution',
      kind: 'service',
      citation: { file: '001', clause: '二 2；附件1 服务事项' },
    },
    {
      id: 'hukou-registration',
      name: {
        zh: '本市户口登记（申报出生登记）1岁以下婚内本市生育',
        en: 'Hukou birth registration (under one year, born in wedlock)',
      },
      department: 'police',
      dependsOn: ['birth-certificate'],
      sla: { unit: 'working-days', value: 1, citation: { file: '001', clause: '五(二)' } },
      citation: { file: '001', clause: '二 3；三' },
    },
    {
      id: 'social-security-card',
      name: { zh: '社会保障卡申领', en: 'Social security card' },
      department: 'hrss',
      dependsOn: ['hukou-registration'],
      sla: { unit: 'working-days', value: 1, citation: { file: '001', clause: '五(三)' } },
      citation: { file: '001', clause: '二 4；附件1 受理条件 四' },
    },
    {
      id: 'insurance-enrollment',
      name: { zh: '办理居民医保登记', en: 'Resident medical insurance enrollment' },
      department: 'medical-security',
      dependsOn: ['hukou-registration'],
      sla: { unit: 'working-days', value: 1, citation: { file: '001', clause: '五(四)' } },
      citation: { file: '001', clause: '二 5；三' },
    },
    {
      id: 'maternity-benefit',
      name: { zh: '生育医疗费用报销', en: 'Maternity medical expense reimbursement' },
      department: 'medical-security',
      kind: 'service',
      citation: { file: '001', clause: '二 6；附件1 服务事项' },
    },
    {
      id: 'parenting-guidance',
      name: { zh: '科学育儿指导', en: 'Parenting guidance' },
      department: 'midwifery-institution',
      kind: 'service',
      citation: { file: '001', clause: '二 7；附件1 服务事项' },
    },
  ],
  scenarios: [
    {
      id: 'full',
      name: { zh: '全流程办理（出生医学证明首签）', en: 'Full process (first issue of the certificate)' },
      citation: { file: '001', clause: '三(一)2' },
    },
  ],
  // 附件2 承诺签名: the father signs as applicant and the mother signs too; either may apply.
  applicants: {
    roles: ['mother', 'father'],
    signatures: ['father', 'mother'],
    citation: { file: '001', clause: '附件2 承诺签名' },
  },

  rules: [
    {
      id: 'born-in-gansu-institution',
      scope: 'case',
      require: { is: 'born-in-institution-within', divisions: ['62'] },
      requirement: { zh: '在甘肃省内助产机构出生的新生儿', en: 'born in a midwifery institution in Gansu' },
      refusal: {
        zh: '新生儿不是在甘肃省内助产机构出生',
        en: 'the baby was not born in a Gansu midwifery institution',
      },
      remedy: OFFLINE,
      citation: { file: '001', clause: '三(一)1' },
    },
    {
      id: 'under-one-year',
      scope: 'case',
      require: { is: 'baby-age-under-months', months: 12 },
      requirement: { zh: '1岁以下新生儿', en: 'the baby is under one year old' },
      refusal: { zh: '新生儿已满1周岁', en: 'the baby is one year old or older' },
      remedy: OFFLINE,
      citation: { file: '001', clause: '二 3' },
    },
    {
      id: 'one-parent-gansu-hukou',
      scope: 'case',
      require: { is: 'parent-hukou-within', who: 'at-least-one', divisions: ['62'] },
      requirement: { zh: '父母一方为甘肃省户籍', en: 'at least one parent has Gansu hukou' },
      refusal: { zh: '父母双方均不是甘肃省户籍', en: 'neither parent has Gansu hukou' },
      remedy: OFFLINE,
      citation: { file: '001', clause: '附件1 适用对象说明' },
    },
    {
      id: 'register-where-parent-lives',
      scope: 'case',
      require: { is: 'parent-hukou-within', who: 'registering', divisions: ['62'] },
      requirement: {
        zh: '向婴儿父亲或母亲常住户口所在地（甘肃省内）的公安派出所申报出生登记',
        en: "the birth is registered at the Gansu police station of the registering parent's permanent hukou",
      },
      refusal: {
        zh: '所选落户一方的常住户口不在甘肃省内',
        en: 'the parent chosen for registration has no permanent hukou in Gansu',
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '请选择随户口在甘肃省内的一方落户',
          en: 'register the baby with the parent whose hukou is in Gansu',
        },
      },
      citation: { file: '001', clause: '三(二)1' },
    },
    {
      id: 'family-household',
      scope: 'case',
      require: { is: 'parent-household-type-in', who: 'registering', types: ['family'] },
      requirement: {
        zh: '符合随父、随母落家庭户条件',
        en: "the baby joins the father's or mother's family household",
      },
      refusal: { zh: '落户一方不是家庭户口', en: 'the registering parent is not in a family household' },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '请选择随家庭户口一方落户，或线下办理',
          en: 'register with the parent in a family household, or apply offline',
        },
      },
      citation: { file: '001', clause: '附件1 适用对象说明' },
    },
    {
      id: 'student-collective-registers-with-spouse',
      scope: 'case',
      appliesWhen: {
        all: [
          { is: 'parent-household-type-in', who: 'exactly-one', types: ['student-collective'] },
          { is: 'parent-household-type-in', who: 'exactly-one', types: ['family'] },
        ],
      },
      require: { is: 'parent-household-type-in', who: 'registering', types: ['family'] },
      requirement: {
        zh: '夫妻一方为学生集体户口、配偶为家庭户口的，在其配偶家庭户口所在地派出所申报出生登记',
        en: "where one parent is in a student collective household and the other in a family household, the birth is registered at the spouse's family household",
      },
      refusal: {
        zh: '一方为学生集体户口时，子女户口应随配偶家庭户口申报',
        en: "with one parent in a student collective household, the baby must register with the spouse's family household",
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '请改为随家庭户口一方落户',
          en: 'register the baby with the parent in the family household',
        },
      },
      citation: { file: '001', clause: '三(二)2' },
    },
    {
      id: 'military-registers-with-civilian',
      scope: 'case',
      appliesWhen: { is: 'parent-category-in', who: 'exactly-one', categories: ['military'] },
      require: { not: { is: 'parent-category-in', who: 'registering', categories: ['military'] } },
      requirement: {
        zh: '夫妻一方为现役军人、一方为地方居民的，在地方居民一方常住户口所在地派出所申报出生登记',
        en: 'where one parent is a serviceman, the birth is registered where the civilian parent has permanent hukou',
      },
      refusal: {
        zh: '一方为现役军人时，子女户口应随地方居民一方申报',
        en: 'with one parent in active service, the baby must register with the civilian parent',
      },
      remedy: {
        kind: 'choose-other-parent',
        text: { zh: '请改为随地方居民一方落户', en: 'register the baby with the civilian parent' },
      },
      citation: { file: '001', clause: '三(二)3' },
    },
    {
      id: 'marital-birth',
      scope: 'case',
      require: { is: 'married-before-birth' },
      requirement: { zh: '婚内生育', en: 'born in wedlock' },
      refusal: {
        zh: '未查到出生前父母的结婚登记，不属婚内生育',
        en: 'no marriage of the parents registered before the birth was found',
      },
      remedy: OFFLINE,
      citation: { file: '001', clause: '二 3' },
    },
    // 三(二) lists it under "应当符合": a condition of the online registration, not advice.
    {
      id: 'register-within-one-month',
      scope: 'hukou-registration',
      require: { is: 'baby-age-within-months', months: 1 },
      requirement: { zh: '婴儿出生后一个月以内申报出生登记', en: 'the birth is registered within one month' },
      refusal: {
        zh: '已超过出生后一个月的申报期限，出生登记不能在线联办',
        en: 'the one-month period for registering the birth has passed, so it cannot be done online',
      },
      remedy: {
        kind: 'apply-offline',
        text: {
          zh: '请到婴儿父亲或母亲常住户口所在地的公安派出所申报出生登记',
          en: "register the birth at the police station of the father's or mother's permanent hukou",
        },
      },
      citation: { file: '001', clause: '三(二)1' },
    },
    {
      id: 'mother-insured-for-maternity',
      scope: 'maternity-benefit',
      require: { is: 'mother-maternity-insured-within', divisions: ['62'] },
      requirement: {
        zh: '生育医疗费用报销须母亲在甘肃省参加生育保险',
        en: 'maternity reimbursement needs the mother to be insured for maternity in Gansu',
      },
      refusal: {
        zh: '未查到母亲在甘肃省的生育保险参保记录',
        en: "no maternity insurance of the mother's in Gansu was found",
      },
      remedy: {
        kind: 'contact',
        text: {
          zh: '请向参保地医疗保障经办机构咨询生育医疗费用报销',
          en: 'ask the medical security office where the mother is insured about reimbursement',
        },
      },
      citation: { file: '001', clause: '二 6；附件1 服务事项' },
    },
    {
      id: 'insurance-within-newborn-window',
      scope: 'insurance-enrollment',
      require: { is: 'within-insurance-window' },
      requirement: {
        zh: '自出生之日起{{newborn-window-days}}天（含）内办理新生儿参保登记',
        en: 'the newborn is enrolled within {{newborn-window-days}} days of birth, the last day included',
      },
      refusal: {
        zh: '已超过新生儿出生{{newborn-window-days}}天的参保期限',
        en: 'the {{newborn-window-days}}-day newborn enrollment window has passed',
      },
      remedy: {
        kind: 'contact',
        text: {
          zh: '请向参保地医疗保障经办机构按城乡居民参保规定办理',
          en: 'enroll through the local medical security office under the ordinary resident rules',
        },
      },
      citation: { file: '001', clause: '附件1 受理条件 三' },
    },
  ],

  // 附件3 accepts each material 纸质、电子: an electronic licence the parents have claimed is taken
  // from the shared data instead of a photo.
  materials: [
    {
      id: 'parents-id-cards',
      name: { zh: '新生儿父母身份证正反面照', en: "Both parents' ID cards, both sides" },
      forItems: ['birth-certificate', 'social-security-card'],
      suppliedWhen: { is: 'e-licenses-held', licenses: ['mother-id-card', 'father-id-card'] },
      citation: { file: '001', clause: '附件3 序号1' },
    },
    {
      id: 'parents-hukou-books',
      name: {
        zh: '新生儿父母双方居民户口簿（含户口簿首页）',
        en: "Both parents' hukou books, with the first page",
      },
      forItems: ['hukou-registration', 'social-security-card'],
      suppliedWhen: { is: 'e-licenses-held', licenses: ['hukou-book'] },
      citation: { file: '001', clause: '附件3 序号2' },
    },
    {
      id: 'marriage-certificate',
      name: { zh: '新生儿父母双方结婚证', en: "The parents' marriage certificate" },
      forItems: ['birth-certificate', 'hukou-registration'],
      suppliedWhen: { is: 'e-licenses-held', licenses: ['marriage-certificate'] },
      citation: { file: '001', clause: '附件3 序号3' },
    },
    {
      id: 'ethnicity-confirmation',
      name: { zh: '民族成分确认书', en: 'Confirmation of the baby’s ethnic group' },
      forItems: ['hukou-registration'],
      when: { not: { is: 'parents-same-ethnicity' } },
      citation: { file: '001', clause: '附件3 序号4' },
    },
  ],

  formFields: [
    {
      id: 'mother-identity',
      label: {
        zh: '母亲姓名、年龄、国籍、民族、证件类别及号码',
        en: "Mother's name, age, nationality, ethnic group and ID",
      },
      prefill: ['identity', 'hukou-registry'],
      citation: { file: '001', clause: '附件2 基本信息' },
    },
    {
      id: 'mother-hukou-address',
      label: { zh: '母亲户籍地址', en: "Mother's hukou address" },
      prefill: ['hukou-registry'],
      citation: { file: '001', clause: '附件2 基本信息' },
    },
    {
      id: 'mother-phone-address',
      label: { zh: '母亲手机号码、现住址', en: "Mother's mobile and current address" },
      citation: { file: '001', clause: '附件2 基本信息' },
    },
    {
      id: 'father-identity',
      label: {
        zh: '父亲姓名、年龄、国籍、民族、证件类别及号码',
        en: "Father's name, age, nationality, ethnic group and ID",
      },
      prefill: ['marriage-registry', 'hukou-registry'],
      citation: { file: '001', clause: '附件2 基本信息' },
    },
    {
      id: 'father-hukou-address',
      label: { zh: '父亲户籍地址', en: "Father's hukou address" },
      prefill: ['hukou-registry'],
      citation: { file: '001', clause: '附件2 基本信息' },
    },
    {
      id: 'father-phone-address',
      label: { zh: '父亲手机号码、现住址', en: "Father's mobile and current address" },
      citation: { file: '001', clause: '附件2 基本信息' },
    },
    {
      id: 'marriage-certificate-number',
      label: { zh: '结婚证编号', en: 'Marriage certificate number' },
      prefill: ['marriage-registry', 'e-license'],
      citation: { file: '001', clause: '附件2 婚姻信息' },
    },
    {
      id: 'baby-name',
      label: { zh: '新生儿姓、名', en: "Baby's surname and given name" },
      citation: { file: '001', clause: '附件2' },
    },
    {
      id: 'baby-sex-born-at',
      label: { zh: '新生儿性别、出生时间', en: "Baby's sex and time of birth" },
      prefill: ['delivery-record'],
      citation: { file: '001', clause: '附件2' },
    },
    {
      id: 'birth-place',
      label: { zh: '出生地点（省市县乡）及医疗机构名称', en: 'Place of birth and institution' },
      prefill: ['delivery-record'],
      citation: { file: '001', clause: '附件2' },
    },
    {
      id: 'baby-native-place',
      label: { zh: '新生儿籍贯（省市县）及籍贯国家', en: "Baby's native place" },
      forItems: ['hukou-registration'],
      citation: { file: '001', clause: '附件2 申报出生登记信息' },
    },
    {
      id: 'household-head',
      label: { zh: '户主姓名、户主身份证号', en: "Household head's name and ID" },
      forItems: ['hukou-registration'],
      prefill: ['hukou-registry'],
      citation: { file: '001', clause: '附件2 申报出生登记信息' },
    },
    {
      id: 'relation-to-head',
      label: { zh: '新生儿与户主关系', en: "Baby's relation to the household head" },
      forItems: ['hukou-registration'],
      citation: { file: '001', clause: '附件2 申报出生登记信息' },
    },
    {
      id: 'police-station',
      label: { zh: '落户地派出所', en: 'Police station of registration' },
      forItems: ['hukou-registration'],
      prefill: ['hukou-registry'],
      citation: { file: '001', clause: '附件2 申报出生登记信息' },
    },
    {
      id: 'insurance-year',
      label: { zh: '参保年度（当年 / 次年 / 当年加次年）', en: 'Insurance year (current / next / both)' },
      forItems: ['insurance-enrollment'],
      citation: { file: '001', clause: '附件2 医保参保' },
    },
    {
      id: 'insurance-place',
      label: { zh: '参保地', en: 'Place of enrollment' },
      forItems: ['insurance-enrollment'],
      prefill: ['hukou-registry'],
      citation: { file: '001', clause: '附件2 医保参保' },
    },
    {
      id: 'card-bank',
      label: { zh: '服务银行、证件有效期起止日期', en: 'Card bank and ID validity dates' },
      forItems: ['social-security-card'],
      citation: { file: '001', clause: '附件2 社保卡' },
    },
    {
      id: 'delivery',
      label: { zh: '送达方式、收件人、联系电话、收件地址', en: 'Delivery, recipient, phone and address' },
      citation: { file: '001', clause: '附件2 送达方式' },
    },
  ],

  caseSla: {
    promised: { unit: 'working-days', value: 3, citation: { file: '001', clause: '附件1 承诺办结时限' } },
    legal: { unit: 'working-days', value: 71, citation: { file: '001', clause: '附件1 法定办结时限' } },
  },
  // The documents provide no supplement step: the online form takes the materials once.
  supplements: { offered: false, citation: { file: '001', clause: '附件1 受理条件；附件3' } },
  familyDeadlines: [
    {
      id: 'police-station-visit',
      task: {
        zh: '前往落户地派出所提交《出生医学证明》与户口簿原件，并打印新生儿常住人口信息（到场1次）',
        en: "bring the original birth certificate and hukou book to the police station and have the baby's page printed (one visit)",
      },
      after: 'hukou-registration',
      within: { unit: 'working-days', value: 3 },
      citation: { file: '001', clause: '附件1 必须现场办理原因说明' },
    },
  ],
  figures: { 'newborn-window-days': 'insurance.window.days' },
  delivery: [
    {
      item: 'birth-certificate',
      methods: [
        { kind: 'mail', fee: 'unstated' },
        {
          kind: 'pickup',
          place: { zh: '新生儿出生的助产机构', en: 'the institution where the baby was born' },
        },
      ],
      citation: { file: '001', clause: '附件2 送达方式' },
    },
    {
      item: 'hukou-registration',
      methods: [
        {
          kind: 'pickup',
          place: {
            zh: '户口所在地派出所现场打印并领取',
            en: 'printed and collected at the police station of registration',
          },
        },
      ],
      citation: { file: '001', clause: '附件2 送达方式' },
    },
    {
      item: 'social-security-card',
      methods: [
        { kind: 'mail', fee: 'unstated' },
        { kind: 'pickup', place: { zh: '指定办理银行网点', en: 'the chosen bank branch' } },
      ],
      citation: { file: '001', clause: '附件2 送达方式；附件1 受理条件 四' },
    },
  ],
  recipient: { allowed: ['mother', 'father'], citation: { file: '001', clause: '附件2 送达方式' } },

  insurance: {
    stated: true,
    window: { days: 90, saysInclusive: true },
    coverage: { afterWindow: 'unstated', citation: { file: '001', clause: '附件1 受理条件 三' } },
    nextYear: {
      bornFrom: '10-01',
      coverageStart: 'birth-date',
      requiresCurrent: false,
      citation: { file: '001', clause: '附件1 受理条件 三 (2)' },
    },
    citation: { file: '001', clause: '附件1 受理条件 三' },
  },

  notices: [
    {
      text: {
        zh: '需先办理出生医学证明，才可办理出生登记，然后并行办理城乡居民参保登记、社会保障卡申领；办理过程中可享受预防接种、生育医疗费用报销、科学育儿指导等服务。',
        en: 'The certificate comes first, then the birth registration, then insurance enrollment and the social security card in parallel; vaccination, maternity reimbursement and parenting guidance are available along the way.',
      },
      citation: { file: '001', clause: '三' },
    },
    {
      text: {
        zh: '当年出生的新生儿，监护人应自出生之日起{{newborn-window-days}}天（含）内办理当年参保登记并缴费，自出生之日起至当年12月31日享受待遇；10月1日至12月31日出生、当年未能参保缴费的，可在{{newborn-window-days}}天（含）内办理次年参保登记并缴费，自出生之日起至次年12月31日享受待遇。',
        en: 'Enroll and pay within {{newborn-window-days}} days of birth (the last day included) and the baby is covered from birth to 31 December; babies born 1 October–31 December who could not enroll for the birth year may enroll for the next year within {{newborn-window-days}} days and are covered from birth to 31 December of the next year.',
      },
      citation: { file: '001', clause: '附件1 受理条件 三' },
    },
    {
      text: {
        zh: '社会保障卡申领审核通过后，可就近前往申请时所选择的银行网点现场领取。',
        en: 'Once the card is approved, collect it at the bank branch you chose.',
      },
      citation: { file: '001', clause: '附件1 受理条件 四' },
    },
    {
      text: {
        zh: '父母民族相同时不提供民族成分确认书；父母民族不同时必须提供。',
        en: "The ethnic group confirmation is needed only when the parents' ethnic groups differ.",
      },
      citation: { file: '001', clause: '附件3 序号4 备注' },
    },
    {
      text: {
        zh: '本人核对以上填写内容正确无误，并承诺申报信息及所提交的证明材料均真实有效；存在隐瞒事实、弄虚作假行为的，愿意承担法律责任，直至注销办理结果。',
        en: 'You confirm the entries are correct and the materials true; concealment or falsification carries legal liability, up to cancellation of the results.',
      },
      citation: { file: '001', clause: '附件2 承诺签名' },
    },
  ],
  legalBases: [
    {
      title: '中华人民共和国母婴保健法',
      issuer: '全国人民代表大会常务委员会',
      effective: '2016-10-08',
      items: ['birth-certificate'],
      provision: {
        zh: '第二十三条 医疗保健机构和从事家庭接生的人员按照国务院卫生行政部门的规定，出具统一制发的新生儿出生医学证明',
        en: 'Art. 23: institutions issue the uniform birth medical certificate as the health authority prescribes',
      },
      citation: { file: '001', clause: '附件1 法定依据' },
    },
    {
      title: '中华人民共和国户口登记条例',
      issuer: '全国人民代表大会常务委员会',
      effective: '1958-01-09',
      items: ['hukou-registration'],
      provision: {
        zh: '第七条 婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记',
        en: "Art. 7: a birth is registered within one month at the registration office of the baby's permanent residence",
      },
      citation: { file: '001', clause: '附件1 法定依据' },
    },
    {
      title: '甘肃省医疗保障经办政务服务事项清单（2023版）',
      issuer: '甘肃省医疗保障局',
      effective: '2023',
      items: ['insurance-enrollment'],
      provision: {
        zh: '甘医保发〔2023〕68号：符合参保条件的个人向医疗保障经办机构申请办理城乡居民参保登记',
        en: 'Gansu medical security 2023 No. 68: eligible persons apply to the medical security office for resident enrollment',
      },
      citation: { file: '001', clause: '附件1 法定依据' },
    },
    {
      title: '“中华人民共和国社会保障卡”管理办法',
      issuer: '人力资源和社会保障部',
      effective: '2011-04-20',
      items: ['social-security-card'],
      provision: {
        zh: '人社部发〔2011〕47号 第二章 发行管理；第三章 制作管理；第四章 应用管理',
        en: 'MOHRSS 2011 No. 47, chapters 2–4: issue, production and use',
      },
      citation: { file: '001', clause: '附件1 法定依据' },
    },
  ],
  hotlines: [
    {
      name: { zh: '咨询投诉（12345 热线）', en: 'Enquiries and complaints (12345 hotline)' },
      number: '0931-12345',
      citation: { file: '001', clause: '附件1 咨询投诉方式' },
    },
  ],
  efficiency: [
    {
      metric: 'working-days',
      separately: 71,
      jointly: 3,
      citation: { file: '001', clause: '附件1 联办效能' },
    },
    { metric: 'trips', separately: 8, jointly: 1, citation: { file: '001', clause: '附件1 联办效能' } },
    { metric: 'materials', separately: 10, jointly: 5, citation: { file: '001', clause: '附件1 联办效能' } },
    { metric: 'steps', separately: 7, jointly: 1, citation: { file: '001', clause: '附件1 联办效能' } },
  ],
});
