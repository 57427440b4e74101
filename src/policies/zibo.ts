import { definePolicy } from '../policy/define-policy.ts';

/**
 * 淄博市新生儿出生"一件事"集成服务实施细则 (淄卫办发〔2021〕9号) and its 爱山东 APP user guide.
 * Clauses: 一 … 六 are the 细则's sections,
 * 附件1 n is step n of the user guide, 附件2 the service telephone list.
 */
const SPECIAL_CATEGORIES = [
  'military',
  'student',
  'hk-macau-taiwan',
  'overseas-chinese',
  'foreigner',
] as const;
const OFFLINE = {
  kind: 'apply-offline',
  text: {
    zh: '请按原线下渠道分别办理（备注：按原渠道办理或线下办理）',
    en: 'apply through the usual offline channels, item by item',
  },
} as const;

export const zibo = definePolicy({
  region: 'zibo',
  name: { zh: '淄博市新生儿出生“一件事”集成服务', en: 'Zibo newborn birth one-thing integrated service' },
  shortName: { zh: '淄博', en: 'Zibo' },
  sources: [
    {
      file: '000',
      title: '淄博市新生儿出生“一件事”集成服务实施细则',
      number: '淄卫办发〔2021〕9号',
      date: '2021-12-03',
    },
  ],
  divisions: ['3703'],
  channel: {
    description: {
      zh: '新生儿父母通过“爱山东”APP 淄博市新生儿出生“一件事”专区在线申请',
      en: 'parents apply online in the Zibo newborn area of the Aishandong app',
    },
    citation: { file: '000', clause: '一' },
  },

  // 一 主要内容: five items, "一表申请、一次办好". The order follows the items' timeline in 附件1 11 (我的办件).
  items: [
    {
      id: 'birth-certificate',
      name: { zh: '出生医学证明首次申领', en: 'Birth medical certificate (first issue)' },
      department: 'midwifery-institution',
      sla: { unit: 'working-days', value: 1, citation: { file: '000', clause: '四(一)' } },
      citation: { file: '000', clause: '一 1' },
    },
    // 四(一)'s one working day is for mailing the certificate; the vaccination certificate has no
    // limit of its own and is bounded by the case promise.
    {
      id: 'vaccination-certificate',
      name: { zh: '预防接种证办理', en: 'Vaccination certificate' },
      department: 'midwifery-institution',
      citation: { file: '000', clause: '一 2' },
    },
    {
      id: 'hukou-registration',
      name: { zh: '户口登记（出生登记）', en: 'Hukou birth registration' },
      department: 'police',
      dependsOn: ['birth-certificate'],
      sla: { unit: 'working-days', value: 1, citation: { file: '000', clause: '四(四)' } },
      citation: { file: '000', clause: '一 3' },
    },
    {
      id: 'insurance-enrollment',
      name: { zh: '城乡居民医疗保险参保登记', en: 'Resident medical insurance enrollment' },
      department: 'medical-security',
      dependsOn: ['hukou-registration'],
      citation: { file: '000', clause: '一 4' },
    },
    {
      id: 'social-security-card',
      name: { zh: '社会保障卡申领', en: 'Social security card' },
      department: 'hrss',
      dependsOn: ['hukou-registration'],
      sla: { unit: 'working-days', value: 1, citation: { file: '000', clause: '四(六)' } },
      citation: { file: '000', clause: '一 5' },
    },
  ],
  packages: [
    {
      id: 'package-1',
      name: { zh: '优选办理套餐一', en: 'Package one' },
      items: ['birth-certificate', 'vaccination-certificate', 'hukou-registration'],
      citation: { file: '000', clause: '附件1 1' },
    },
    {
      id: 'package-2',
      name: { zh: '优选办理套餐二', en: 'Package two' },
      items: [
        'birth-certificate',
        'vaccination-certificate',
        'hukou-registration',
        'insurance-enrollment',
        'social-security-card',
      ],
      citation: { file: '000', clause: '附件1 1' },
    },
  ],
  scenarios: [
    { id: 'full', name: { zh: '全流程办理', en: 'Full process' }, citation: { file: '000', clause: '一' } },
  ],
  // 附件1 4: the system takes the logged-in user as the mother; she signs (附件1 9).
  applicants: {
    roles: ['mother'],
    faceVerification: ['mother', 'father'],
    signatures: ['mother'],
    citation: { file: '000', clause: '附件1 4、5、9' },
  },

  rules: [
    {
      id: 'born-in-zibo-institution',
      scope: 'case',
      require: { is: 'born-in-institution-within', divisions: ['3703'] },
      requirement: { zh: '在淄博市域内助产机构出生', en: 'born in a midwifery institution within Zibo' },
      refusal: {
        zh: '新生儿不是在淄博市域内助产机构出生',
        en: 'the baby was not born in a midwifery institution in Zibo',
      },
      remedy: OFFLINE,
      citation: { file: '000', clause: '二 2' },
    },
    {
      id: 'within-six-months',
      scope: 'case',
      require: { is: 'baby-age-within-months', months: 6 },
      requirement: {
        zh: '新生儿出生{{service-months}}个月内',
        en: 'the baby is within {{service-months}} months of birth',
      },
      refusal: {
        zh: '新生儿已出生超过{{service-months}}个月',
        en: 'more than {{service-months}} months have passed since the birth',
      },
      remedy: OFFLINE,
      citation: { file: '000', clause: '二 2' },
    },
    {
      id: 'one-parent-zibo-hukou',
      scope: 'case',
      require: { is: 'parent-hukou-within', who: 'at-least-one', divisions: ['3703'] },
      requirement: { zh: '夫妻至少一方为淄博市户籍', en: 'at least one parent has Zibo hukou' },
      refusal: { zh: '父母双方均不是淄博市户籍', en: 'neither parent has Zibo hukou' },
      remedy: OFFLINE,
      citation: { file: '000', clause: '二 2' },
    },
    {
      id: 'register-with-zibo-parent',
      scope: 'case',
      require: { is: 'parent-hukou-within', who: 'registering', divisions: ['3703'] },
      requirement: {
        zh: '随本市户籍的父亲或母亲落户',
        en: 'the baby registers with a parent who has Zibo hukou',
      },
      refusal: {
        zh: '所选落户一方不是淄博市户籍，无法在淄博落户',
        en: 'the parent chosen for registration has no Zibo hukou',
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '请改为随淄博市户籍一方落户',
          en: 'register the baby with the parent who has Zibo hukou',
        },
      },
      citation: { file: '000', clause: '二 2' },
    },
    {
      id: 'married-in-shandong',
      scope: 'case',
      require: { is: 'marriage-registered-within', divisions: ['37'] },
      requirement: { zh: '在山东省内结婚登记', en: 'the marriage was registered in Shandong' },
      refusal: {
        zh: '未查到父母在山东省内的结婚登记',
        en: 'no marriage of the parents registered in Shandong was found',
      },
      remedy: OFFLINE,
      citation: { file: '000', clause: '二 2' },
    },
    {
      id: 'marriage-in-force',
      scope: 'case',
      require: { is: 'marriage-in-force' },
      requirement: { zh: '婚姻关系为存续状态', en: 'the marriage is still in force' },
      refusal: { zh: '父母婚姻关系不是存续状态', en: "the parents' marriage is not in force" },
      remedy: OFFLINE,
      citation: { file: '000', clause: '二 2' },
    },
    {
      id: 'baby-named',
      scope: 'case',
      require: { is: 'baby-named' },
      requirement: { zh: '新生儿已取好姓名', en: 'the baby has been named' },
      refusal: { zh: '新生儿尚未取名', en: 'the baby has no name yet' },
      remedy: {
        kind: 'supplement',
        text: { zh: '为新生儿取好姓名后再申请', en: 'name the baby, then apply' },
      },
      citation: { file: '000', clause: '二 2' },
    },
    {
      id: 'no-duplicate-application',
      scope: 'case',
      require: { is: 'no-prior-application' },
      requirement: { zh: '未重复提交申请', en: 'no application for this baby is already open' },
      refusal: { zh: '申请人重复提交，不予受理', en: 'an application for this baby was already submitted' },
      remedy: {
        kind: 'contact',
        text: { zh: '请在“我的办件”中查看已提交的申请', en: 'follow the earlier application under My cases' },
      },
      citation: { file: '000', clause: '二 2' },
    },
    {
      id: 'head-is-direct-relative',
      scope: 'case',
      appliesWhen: { is: 'parent-household-type-in', who: 'registering', types: ['family'] },
      require: { is: 'registering-parent-direct-relative-of-head' },
      requirement: {
        zh: '父母户口在家庭户的，落户一方与户主为本人、配偶或直系亲属',
        en: 'in the family household the baby joins, the registering parent is the head, the spouse or a direct relative of the head',
      },
      refusal: {
        zh: '父母户口虽在家庭户，但与户主关系非直系亲属',
        en: "the parent's household head is not a direct relative",
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '可改为随另一方落户，或按原渠道线下办理',
          en: 'register the baby with the other parent, or apply offline',
        },
      },
      citation: { file: '000', clause: '二 6(1)' },
    },
    {
      id: 'marriage-matches-birth-record',
      scope: 'case',
      appliesWhen: { all: [{ is: 'marriage-on-record' }, { is: 'delivery-record-found' }] },
      require: { is: 'marriage-matches-delivery-record' },
      requirement: {
        zh: '结婚证与出生医学证明上父母信息一致',
        en: 'the parents on the marriage certificate are the parents on the birth record',
      },
      refusal: {
        zh: '结婚证与出生医学证明上父母信息不一致',
        en: 'the marriage certificate and the birth record name different parents',
      },
      remedy: OFFLINE,
      citation: { file: '000', clause: '二 6(2)' },
    },
    {
      id: 'no-special-category-parent',
      scope: 'case',
      require: { is: 'parent-category-in', who: 'none', categories: [...SPECIAL_CATEGORIES] },
      requirement: {
        zh: '父母均不属军人、在校学生、港澳台居民、华侨、外国人',
        en: 'neither parent is a serviceman, a student, a Hong Kong/Macau/Taiwan resident, an overseas Chinese or a foreigner',
      },
      refusal: {
        zh: '父母一方属军人、在校学生、港澳台居民、华侨或外国人，暂无法提供集成服务',
        en: 'a parent is a serviceman, a student, a Hong Kong/Macau/Taiwan resident, an overseas Chinese or a foreigner',
      },
      remedy: OFFLINE,
      citation: { file: '000', clause: '二 6(3)' },
    },
    {
      id: 'marital-birth',
      scope: 'case',
      require: { is: 'married-before-birth' },
      requirement: { zh: '婚生新生儿', en: 'the baby was born in wedlock' },
      refusal: { zh: '属非婚生育，暂无法提供集成服务', en: 'the baby was not born in wedlock' },
      remedy: OFFLINE,
      citation: { file: '000', clause: '二 6(4)' },
    },
    {
      id: 'not-divorced-before-birth',
      scope: 'case',
      appliesWhen: { is: 'marriage-on-record' },
      require: { is: 'not-divorced-before-birth' },
      requirement: { zh: '新生儿出生前父母未离异', en: 'the parents did not divorce before the birth' },
      refusal: {
        zh: '新生儿出生前父母离异，暂无法提供集成服务',
        en: 'the parents divorced before the birth',
      },
      remedy: OFFLINE,
      citation: { file: '000', clause: '二 6(4)' },
    },
  ],

  // 附件1 7: upload the ID cards and the marriage certificate; 附件1 6: a marriage record found
  // in the registry makes the certificate upload unnecessary.
  materials: [
    {
      id: 'mother-id-card',
      name: { zh: '母亲身份证（正反面）', en: "Mother's ID card, both sides" },
      forItems: ['birth-certificate', 'hukou-registration'],
      citation: { file: '000', clause: '附件1 7' },
    },
    {
      id: 'father-id-card',
      name: { zh: '父亲身份证（正反面）', en: "Father's ID card, both sides" },
      forItems: ['birth-certificate', 'hukou-registration'],
      citation: { file: '000', clause: '附件1 7' },
    },
    {
      id: 'marriage-certificate',
      name: { zh: '结婚证', en: 'Marriage certificate' },
      forItems: ['birth-certificate', 'hukou-registration'],
      suppliedWhen: { is: 'marriage-on-record' },
      citation: { file: '000', clause: '附件1 6' },
    },
  ],

  formFields: [
    {
      id: 'mother-name',
      label: { zh: '母亲姓名', en: "Mother's name" },
      prefill: ['identity'],
      citation: { file: '000', clause: '附件1 4' },
    },
    {
      id: 'mother-id-number',
      label: { zh: '母亲身份证号', en: "Mother's ID number" },
      prefill: ['identity'],
      citation: { file: '000', clause: '附件1 4' },
    },
    {
      id: 'mother-phone',
      label: { zh: '母亲联系电话', en: "Mother's phone" },
      prefill: ['identity'],
      citation: { file: '000', clause: '附件1 4' },
    },
    // 附件1 4: "申请人只需手填父亲信息" — the father's details are typed.
    {
      id: 'father-name',
      label: { zh: '父亲姓名', en: "Father's name" },
      citation: { file: '000', clause: '附件1 4' },
    },
    {
      id: 'father-id-number',
      label: { zh: '父亲身份证号', en: "Father's ID number" },
      citation: { file: '000', clause: '附件1 4' },
    },
    {
      id: 'father-phone',
      label: { zh: '父亲联系电话', en: "Father's phone" },
      citation: { file: '000', clause: '附件1 4' },
    },
    {
      id: 'birth-service-handbook',
      label: { zh: '生育登记服务手册办理（有/没有）', en: 'Birth registration service handbook (yes/no)' },
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'further-birth-approval',
      label: { zh: '再生育审批（有/没有）', en: 'Approval for a further birth (yes/no)' },
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'baby-native-place',
      label: { zh: '新生儿籍贯', en: "Baby's native place" },
      forItems: ['hukou-registration'],
      hint: { zh: '请按照祖父居住地填写', en: "the paternal grandfather's place of residence" },
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'baby-name',
      label: { zh: '新生儿姓名', en: "Baby's name" },
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'baby-sex',
      label: { zh: '新生儿性别', en: "Baby's sex" },
      prefill: ['delivery-record'],
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'baby-born-at',
      label: { zh: '出生日期', en: 'Time of birth' },
      prefill: ['delivery-record'],
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'birth-weight-length',
      label: { zh: '出生体重、身长', en: 'Birth weight and length' },
      forItems: ['birth-certificate'],
      prefill: ['delivery-record'],
      citation: { file: '000', clause: '附件1 8' },
    },
    {
      id: 'marriage-registered-on',
      label: { zh: '婚姻登记时间', en: 'Date of marriage registration' },
      prefill: ['marriage-registry'],
      hint: { zh: '请按照结婚证上的时间填写', en: 'as on the marriage certificate' },
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'follow-parent',
      label: { zh: '随父随母落户', en: 'Register with father or mother' },
      forItems: ['hukou-registration'],
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'registration-county-station',
      label: { zh: '落户所在区县、所在派出所', en: 'County and police station of registration' },
      forItems: ['hukou-registration'],
      prefill: ['hukou-registry'],
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'baby-ethnicity',
      label: { zh: '民族', en: "Baby's ethnic group" },
      forItems: ['hukou-registration'],
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'insurance-date',
      label: { zh: '参保日期', en: 'Enrollment date' },
      forItems: ['insurance-enrollment'],
      prefill: ['platform'],
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'street-and-community',
      label: { zh: '街道及社区', en: 'Street and community' },
      forItems: ['insurance-enrollment'],
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'delivery-methods',
      label: { zh: '送达方式', en: 'Delivery method per item' },
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      id: 'recipient',
      label: {
        zh: '收件人（父亲/母亲）、联系电话、省市区、地址',
        en: 'Recipient (father/mother), phone and address',
      },
      prefill: ['identity'],
      citation: { file: '000', clause: '附件1 6' },
    },
  ],

  // 一: "全部事项在4个工作日内出件…对不符合条件或者审查未通过的4个工作日内…告知原因".
  caseSla: {
    promised: { unit: 'working-days', value: 4, citation: { file: '000', clause: '一' } },
    refusalNotice: { unit: 'working-days', value: 4, citation: { file: '000', clause: '一' } },
  },
  // 附件1 7: a photo that fails review "会被驳回转线下办理": rejected, never sent back.
  figures: {
    'service-months': 'rules.within-six-months.require.months',
    'newborn-window-months': 'insurance.window.months',
    'promise-days': 'caseSla.promised.value',
    'refusal-notice-days': 'caseSla.refusalNotice.value',
    'premium-opens-days': 'familyDeadlines.premium-payment.opensAfter.value',
    'premium-within-months': 'familyDeadlines.premium-payment.within.months',
  },
  supplements: { offered: false, citation: { file: '000', clause: '附件1 7' } },
  familyDeadlines: [
    {
      id: 'premium-payment',
      task: {
        zh: '通过“山东税务社保费缴纳”微信小程序或线下税务窗口缴纳新生儿城乡居民医保个人缴费部分',
        en: "pay the baby's resident insurance premium through the Shandong Tax social insurance mini-program or at a tax office",
      },
      after: 'insurance-enrollment',
      opensAfter: { unit: 'working-days', value: 3 },
      within: { months: 6 },
      citation: { file: '000', clause: '附件1 6' },
    },
  ],
  // 四(一): last month's second copies, sorted by county with a detail list, posted to the county
  // police before the 10th; up to a week later around major holidays.
  counterfoilTransfer: {
    // 按落户区县: to the police of the baby's registering county.
    route: [
      {
        name: { zh: '助产机构', en: 'the midwifery institution' },
        party: { kind: 'department', department: 'midwifery-institution', county: 'birth' },
      },
      {
        name: { zh: '区县公安分局户籍科', en: "the county police's hukou section" },
        party: { kind: 'department', department: 'police', county: 'registering' },
      },
    ],
    schedule: { kind: 'monthly', byDay: 10, holidayDelayDays: 7 },
    record: {
      zh: '按落户区县整理的出生医学证明第二联明细表',
      en: 'a detail list of the second copies by county',
    },
    citation: { file: '000', clause: '四(一)' },
  },
  delivery: [
    {
      item: 'birth-certificate',
      methods: [{ kind: 'mail', fee: 'free' }],
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      item: 'hukou-registration',
      methods: [
        { kind: 'mail', fee: 'free', note: { zh: '邮寄户口簿单页', en: 'the hukou book page is mailed' } },
        {
          kind: 'pickup',
          place: { zh: '新生儿落户地派出所', en: "the police station of the baby's registration" },
        },
      ],
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      item: 'social-security-card',
      methods: [{ kind: 'mail', fee: 'free' }],
      citation: { file: '000', clause: '附件1 6' },
    },
  ],
  recipient: {
    allowed: ['father', 'mother'],
    mailWithin: ['37'],
    sameAddressForAll: true,
    citation: { file: '000', clause: '附件1 6' },
  },
  postal: {
    urbanDeliveryDays: 1,
    ruralDeliveryDays: 2,
    sameDayCollectionBefore: '12:00',
    citation: { file: '000', clause: '四(七)' },
  },

  insurance: {
    stated: true,
    window: { months: 6 },
    coverage: { afterWindow: 'payment-date', citation: { file: '000', clause: '二 4' } },
    premiumShare: {
      firstHalfBirth: 1,
      secondHalfBirth: 0.5,
      citation: { file: '000', clause: '附件1 3 办理须知 4' },
    },
    citation: { file: '000', clause: '二 4' },
  },

  notices: [
    {
      text: {
        zh: '公民个人自愿提出全生命周期服务，委托授权相关部门使用其个人信息办理相关事项，并提供真实有效的申请材料，自行承担因新生儿姓名、民族、落户地及所填报信息有误和不真实引发的法律责任。',
        en: 'You ask for this service of your own will and authorise the departments to use your personal data for it. You provide true materials and bear the legal consequences of a wrong or untrue name, ethnic group, place of registration or other entry.',
      },
      citation: { file: '000', clause: '二 1' },
    },
    {
      text: {
        zh: '目前仅为在淄博市域内助产机构出生{{service-months}}个月内的新生儿且夫妻至少一方为我市户籍、随父或随母落户、在山东省内结婚登记且婚姻关系为存续状态、已取好姓名的婚生新生儿提供集成服务。申请人重复提交的，将不予受理。',
        en: 'The service is for babies born in wedlock in a Zibo midwifery institution within the last {{service-months}} months, named, registering with the father or the mother, with at least one parent holding Zibo hukou and a marriage registered in Shandong and still in force. Duplicate applications are refused.',
      },
      citation: { file: '000', clause: '二 2' },
    },
    {
      text: {
        zh: '单位为职工按时足额缴纳生育保险费的，可享受生育保险待遇，其中生育津贴需连续缴纳12个月以上方可申领；如不满12个月，需待单位为其继续缴纳满12个月以后再进行申领。',
        en: 'Employees whose employer paid maternity insurance in full and on time receive its benefits; the maternity allowance needs 12 consecutive months of contributions, and can be claimed once 12 months are reached.',
      },
      citation: { file: '000', clause: '附件1 办理须知 3' },
    },
    {
      text: {
        zh: '新生儿出生后{{newborn-window-months}}个月内办理医保参保手续并缴纳个人缴费部分后，自出生之日起享受当年度居民医保待遇；上半年出生的缴纳全年个人缴费部分，下半年出生的缴纳一半。超过{{newborn-window-months}}个月的，按淄博市补缴政策补缴，自补缴之日起享受待遇。参保登记完成后{{premium-opens-days}}个工作日至{{premium-within-months}}个月内通过“山东税务社保费缴纳”微信小程序或线下税务窗口缴费。',
        en: 'Enroll and pay the personal premium within {{newborn-window-months}} months of birth and the baby is covered for the year from the birth day; babies born January–June pay the full year, July–December half. After {{newborn-window-months}} months, back-payment under Zibo rules covers from the day of payment. Pay between {{premium-opens-days}} working days and {{premium-within-months}} months after enrollment, in the Shandong tax mini-program or at a tax office.',
      },
      citation: { file: '000', clause: '二 4' },
    },
    {
      text: {
        zh: '新生儿社保卡如需激活金融账户，请第一监护人（父亲或母亲）携带身份证、户口簿和纸质出生医学证明，前往参保区县社保卡对应银行（农行或农商行）网点办理。',
        en: "To activate the card's bank account, the first guardian (father or mother) brings the ID card, the hukou book and the paper birth certificate to a branch of the card's bank (ABC or the rural commercial bank) in the county of enrollment.",
      },
      citation: { file: '000', clause: '二 5' },
    },
    {
      text: {
        zh: '以下情况暂无法提供集成服务：父母户口虽在家庭户但与户主关系非直系亲属；结婚证与出生医学证明上父母信息不一致；父母任何一方属军人、在校学生、港澳台居民、华侨、外国人；非婚生育或新生儿出生前父母离异。因特殊情况无法申请或申请后被系统驳回的，请按原渠道办理或线下办理。',
        en: "The service cannot yet handle: a parent whose household head is not a direct relative; a marriage certificate and birth record naming different parents; a parent who is a serviceman, student, Hong Kong/Macau/Taiwan resident, overseas Chinese or foreigner; a birth out of wedlock or after the parents' divorce. If you cannot apply, or the system rejects the application, apply through the usual channels or offline.",
      },
      citation: { file: '000', clause: '二 6' },
    },
    {
      text: {
        zh: '全部事项在{{promise-days}}个工作日内出件；对不符合条件或者审查未通过的，{{refusal-notice-days}}个工作日内通过电话或者线上等方式告知原因。',
        en: 'Everything is issued within {{promise-days}} working days; if the application does not qualify or fails review, you are told why within {{refusal-notice-days}} working days, by phone or online.',
      },
      citation: { file: '000', clause: '一' },
    },
    {
      text: {
        zh: '邮政揽收：城区发件单位12点前的邮件当天揽收，12点以后最晚次日上午揽收；乡镇发件单位最晚次日上午揽收。投递时限城区 T+1、乡镇 T+2；未经收件人允许不得将邮件送至代投点或快递柜。可关注“EMS中国邮政速递物流”微信公众号查看物流进度。',
        en: 'Collection: urban senders’ parcels before 12:00 are collected the same day, later ones by the next morning; rural senders’ by the next morning. Delivery takes T+1 in towns and T+2 in the countryside; parcels are never left at a pickup point or locker without the recipient’s consent. Track them in the EMS WeChat account.',
      },
      citation: { file: '000', clause: '四(七)' },
    },
    {
      text: {
        zh: '所有邮寄仅限山东省内，均为免费；所办证件（卡）免费邮寄至同一地址。',
        en: 'Everything is mailed free of charge, to one address, within Shandong only.',
      },
      citation: { file: '000', clause: '附件1 6' },
    },
    {
      text: {
        zh: '上传的照片一定要清晰，如不合格会被驳回转线下办理。',
        en: 'Uploaded photos must be sharp; unusable ones are rejected and the case goes offline.',
      },
      citation: { file: '000', clause: '附件1 7' },
    },
  ],
  legalBases: [
    {
      title: '淄博市"双全双百"工程生育暨新生儿出生"一件事"集成服务实施方案',
      issuer: '淄博市卫生健康委员会等六部门',
      provision: { zh: '淄卫发〔2021〕9号', en: 'Zibo health commission and five departments, 2021 No. 9' },
      citation: { file: '000', clause: '序言' },
    },
    {
      title: '淄博市政务服务"双全双百"工程实施方案',
      issuer: '淄博市人民政府办公室',
      provision: { zh: '淄政办字〔2021〕54号', en: 'Zibo government office, 2021 No. 54' },
      citation: { file: '000', clause: '序言' },
    },
  ],
  hotlines: [
    {
      name: { zh: '新生儿落户咨询', en: 'Hukou registration' },
      number: '0533-2189270',
      topic: 'registration',
      citation: { file: '000', clause: '附件2' },
    },
    {
      name: { zh: '参保登记咨询', en: 'Insurance enrollment' },
      number: '0533-3120000',
      topic: 'insurance',
      citation: { file: '000', clause: '附件2' },
    },
    {
      name: { zh: '社保卡办理咨询', en: 'Social security card' },
      number: '12333',
      topic: 'card',
      citation: { file: '000', clause: '附件2' },
    },
    {
      name: { zh: 'EMS 邮件查询', en: 'EMS parcel enquiries' },
      number: '0533-2881919 / 0533-2884299',
      topic: 'post',
      citation: { file: '000', clause: '附件2' },
    },
    {
      name: { zh: '技术咨询（爱山东 APP）', en: 'Technical help (Aishandong app)' },
      number: '0533-2306917',
      topic: 'technical',
      citation: { file: '000', clause: '附件2' },
    },
    ...(
      [
        ['淄博市中心医院', '0533-2360256'],
        ['淄博市妇幼保健院', '0533-2951093'],
        ['张店区人民医院', '0533-2122218'],
        ['淄博市中西医结合医院', '0533-2584267'],
        ['淄博莲池妇婴医院', '0533-6078825'],
        ['淄博市张店区妇幼保健院', '0533-2219667'],
        ['国欣颐养集团淄博医院', '0533-5851698'],
        ['淄川区妇幼保健院', '0533-2275408'],
        ['淄川区医院', '0533-5150820'],
        ['淄博市第一医院', '0533-4120451'],
        ['淄博岜山万杰医院', '0533-4660920'],
        ['博山区计划生育服务中心 区妇幼保健院', '0533-4130160'],
        ['博山区医院', '0533-4264213'],
        ['淄博市中医院', '0533-6433063'],
        ['周村区妇幼保健院', '0533-7015515'],
        ['临淄区人民医院', '0533-7166296'],
        ['北大医疗鲁中医院', '0533-7698668'],
        ['淄博化建老年病医院', '0533-7673715'],
        ['临淄区妇幼保健院', '0533-7320019'],
        ['桓台县妇幼保健院', '0533-8526115'],
        ['桓台县人民医院', '0533-8228319'],
        ['高青县妇幼保健院', '0533-6951218'],
        ['高青县人民医院', '0533-6972541'],
        ['沂源县妇幼保健院', '0533-3241158'],
        ['沂源县人民医院', '0533-3224492'],
        ['沂源县中医医院', '0533-3236119'],
        ['淄博世博高新医院', '0533-2326507'],
        ['北大医疗淄博医院', '0533-2340381'],
        ['解放军第960医院', '0533-6552116'],
        ['淄博市中医医院（东院区）', '0533-6433063'],
        ['周村区医院', '0533-6420323'],
      ] as const
    ).map(([hospital, number]) => ({
      name: { zh: hospital, en: hospital },
      number,
      topic: 'hospital' as const,
      citation: { file: '000', clause: '附件2' } as const,
    })),
  ],
});
