import { definePolicy } from '../policy/define-policy.ts';

/**
 * 安徽省高效办成新生儿出生"一件事"实施方案 (皖卫妇幼秘〔2024〕51号) with 附件2 办理指南,
 * 附1 数据共享清单, 附2 联办事项清单 and 附3 办理申请表.
 * Clauses: 二(三) 服务对象, 二(四) 办理模式,
 * 附件2 二 n is step n of the guide's 办理流程.
 *
 * The document gives no number of working days for any item ("于规定工作日内"), so no item has
 * a time limit here; the evaluator says so instead of inventing one.
 */
const DELTA = ['34', '31', '32', '33'];
const REGISTERS_ELSEWHERE_IN_DELTA = {
  is: 'parent-hukou-within',
  who: 'registering',
  divisions: ['31', '32', '33'],
} as const;

const OFFLINE = {
  kind: 'apply-offline',
  text: {
    zh: '不符合条件的可按各部门政务服务要求在线下办理',
    en: 'apply offline at each department under its own rules',
  },
} as const;

export const anhui = definePolicy({
  region: 'anhui',
  name: { zh: '安徽省新生儿出生“一件事”', en: 'Anhui newborn birth one-thing service' },
  shortName: { zh: '安徽', en: 'Anhui' },
  sources: [
    {
      file: '004',
      title: '安徽省高效办成新生儿出生“一件事”实施方案',
      number: '皖卫妇幼秘〔2024〕51号',
      date: '2024-06-07',
    },
  ],
  divisions: ['34'],
  channel: {
    description: {
      zh: '安徽政务服务网或“皖事通”APP“出生一件事”服务模块在线申请；线下在各级政务服务中心综合窗口申请',
      en: 'online in the Anhui government service portal or the Wanshitong app; offline at any government service centre',
    },
    citation: { file: '004', clause: '附件2 二 1' },
  },

  // 二(四): the certificate, then the registration (which returns the baby's ID number), then
  // the rest in parallel. The vaccination certificate is handed out by the institution directly.
  items: [
    {
      id: 'birth-certificate',
      name: { zh: '《出生医学证明》签发', en: 'Birth medical certificate' },
      department: 'midwifery-institution',
      citation: { file: '004', clause: '二(二)；附件2 二 2' },
    },
    // 三(二): the CDC registers and issues it; the institution hands it out (附件2 二 7).
    {
      id: 'vaccination-certificate',
      name: { zh: '《预防接种证》发放', en: 'Vaccination certificate' },
      department: 'cdc',
      citation: { file: '004', clause: '三(二)；附件2 二 7' },
    },
    {
      id: 'hukou-registration',
      name: { zh: '出生登记', en: 'Hukou birth registration' },
      department: 'police',
      dependsOn: ['birth-certificate'],
      citation: { file: '004', clause: '二(四)；附件2 二 3' },
    },
    {
      id: 'social-security-card',
      name: { zh: '社会保障卡申领', en: 'Social security card' },
      department: 'hrss',
      dependsOn: ['hukou-registration'],
      citation: { file: '004', clause: '二(四)；附件2 二 4' },
    },
    {
      id: 'insurance-enrollment',
      name: { zh: '城乡居民基本医疗保险参保登记', en: 'Resident medical insurance enrollment' },
      department: 'medical-security',
      dependsOn: ['hukou-registration'],
      citation: { file: '004', clause: '二(四)；附件2 二 5' },
    },
    {
      id: 'insurance-payment',
      name: { zh: '城乡居民基本医疗保险缴费', en: 'Insurance premium payment' },
      department: 'tax',
      dependsOn: ['insurance-enrollment'],
      citation: { file: '004', clause: '附2 序号6；附件2 二 5' },
    },
    {
      id: 'maternity-benefit',
      name: { zh: '生育医疗费用报销', en: 'Maternity medical expense reimbursement' },
      department: 'medical-security',
      dependsOn: ['hukou-registration'],
      citation: { file: '004', clause: '三(三)1；附件2 二 6' },
    },
    {
      id: 'parenting-guidance',
      name: { zh: '科学育儿指导服务登记', en: 'Parenting guidance registration' },
      department: 'health-commission',
      dependsOn: ['hukou-registration'],
      citation: { file: '004', clause: '三(三)2；附件2 二 8' },
    },
  ],
  mandatory: {
    items: ['birth-certificate', 'hukou-registration'],
    citation: { file: '004', clause: '附件2 二 1 事项联办' },
  },
  scenarios: [
    {
      id: 'full',
      name: { zh: '全流程办理', en: 'Full process' },
      citation: { file: '004', clause: '二(四)；附1 序号2' },
    },
  ],
  applicants: {
    roles: ['mother'],
    fatherConfirms: true,
    faceVerification: ['father'],
    signatures: ['mother', 'father'],
    citation: { file: '004', clause: '附件2 二 1 申请入口、信息录入；附3 承诺签名' },
  },

  rules: [
    {
      id: 'born-in-anhui-institution',
      scope: 'case',
      require: { is: 'born-in-institution-within', divisions: ['34'], acceptBroughtIn: true },
      requirement: {
        zh: '在安徽省全域助产机构内出生（或在家中、途中分娩后即送助产机构处理的活产婴儿）',
        en: 'born in an Anhui midwifery institution, or at home or en route and taken to one at once',
      },
      refusal: {
        zh: '新生儿不是在安徽省内助产机构出生，也不是分娩后即送省内助产机构处理',
        en: 'the baby was neither born in nor taken straight to an Anhui midwifery institution',
      },
      remedy: OFFLINE,
      citation: { file: '004', clause: '二(三)' },
    },
    {
      id: 'both-parents-anhui-hukou',
      scope: 'case',
      // A family registering in another Delta province is handed over instead (see crossProvince).
      appliesWhen: { not: REGISTERS_ELSEWHERE_IN_DELTA },
      require: { is: 'parent-hukou-within', who: 'both', divisions: ['34'] },
      requirement: { zh: '父母双方均为安徽省户籍居民', en: 'both parents have Anhui hukou' },
      refusal: { zh: '父母双方并非均为安徽省户籍', en: 'not both parents have Anhui hukou' },
      remedy: OFFLINE,
      citation: { file: '004', clause: '二(三)' },
    },
    {
      id: 'delta-family',
      scope: 'case',
      appliesWhen: REGISTERS_ELSEWHERE_IN_DELTA,
      require: { is: 'parent-hukou-within', who: 'both', divisions: DELTA },
      requirement: {
        zh: '落户一方为长三角其他省市户籍的，父母双方均为长三角三省一市户籍',
        en: 'where the baby registers in another Delta province, both parents have hukou in the Delta',
      },
      refusal: {
        zh: '父母一方不是长三角三省一市户籍，不能跨省通办',
        en: 'a parent has no hukou in the Delta, so the case cannot be handed over',
      },
      remedy: OFFLINE,
      citation: { file: '004', clause: '一(一)；附件1 业务流程图' },
    },
    {
      id: 'same-ethnicity',
      scope: 'case',
      require: { is: 'parents-same-ethnicity' },
      requirement: { zh: '父母双方同民族', en: 'both parents are of the same ethnic group' },
      refusal: { zh: '父母双方民族不同，暂不能在线联办', en: "the parents' ethnic groups differ" },
      remedy: OFFLINE,
      citation: { file: '004', clause: '二(三)' },
    },
    {
      id: 'marital-birth',
      scope: 'case',
      require: { is: 'married-before-birth' },
      requirement: { zh: '婚内生育', en: 'born in wedlock' },
      refusal: {
        zh: '系统未验证到出生前父母的婚姻登记信息',
        en: 'no marriage of the parents registered before the birth was found',
      },
      remedy: OFFLINE,
      citation: { file: '004', clause: '二(三)' },
    },
    {
      id: 'family-household',
      scope: 'case',
      require: { is: 'parent-household-type-in', who: 'registering', types: ['family'] },
      requirement: {
        zh: '随父（母）在家庭户内申报出生登记',
        en: "the baby registers in the father's or mother's family household",
      },
      refusal: { zh: '落户一方不是家庭户', en: 'the registering parent is not in a family household' },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '如另一方为家庭户，可改为随其落户；否则请线下办理',
          en: 'register with the other parent if in a family household; otherwise apply offline',
        },
      },
      citation: { file: '004', clause: '二(三)' },
    },
    {
      id: 'marriage-e-license-claimed',
      scope: 'case',
      require: { is: 'e-licenses-held', licenses: ['marriage-certificate'] },
      requirement: {
        zh: '经系统验证相关电子证照（结婚证）已领取',
        en: 'the electronic marriage certificate has been claimed',
      },
      refusal: {
        zh: '系统未验证到已领取的电子结婚证',
        en: 'no claimed electronic marriage certificate was found',
      },
      remedy: {
        kind: 'claim-e-license',
        text: {
          zh: '请先在“皖事通”APP领取电子结婚证后再申请',
          en: 'claim the electronic marriage certificate in the Wanshitong app, then apply',
        },
      },
      citation: { file: '004', clause: '二(四)；附1 序号1' },
    },
    {
      id: 'within-30-days-of-delivery',
      scope: 'case',
      effect: 'advise',
      require: { is: 'baby-age-within-days', days: 30 },
      requirement: {
        zh: '原则上在分娩后30日内申请（分娩信息查询范围）',
        en: 'in principle, apply within 30 days of the delivery (the span the delivery record query covers)',
      },
      refusal: {
        zh: '已超过分娩后30日，分娩信息可能无法查询',
        en: 'more than 30 days have passed since the delivery; the delivery record may no longer be found',
      },
      remedy: {
        kind: 'contact',
        text: {
          zh: '如系统未能查询到分娩信息，请联系分娩的助产机构，或到政务服务中心综合窗口线下办理',
          en: 'if the delivery record cannot be found, contact the hospital or apply at a government service centre',
        },
      },
      citation: { file: '004', clause: '附1 序号2' },
    },
    {
      id: 'delivery-record-shared',
      scope: 'case',
      require: { is: 'delivery-record-found' },
      requirement: {
        zh: '能按产妇证件号码查询到省内未线下领取出生医学证明的分娩信息',
        en: "the mother's delivery record, with no certificate collected offline, is in the shared data",
      },
      refusal: { zh: '未查询到产妇的分娩信息', en: "the mother's delivery record was not found" },
      remedy: {
        kind: 'contact',
        text: {
          zh: '分娩信息由助产机构在分娩后8小时内上传，请联系分娩的助产机构核实',
          en: 'hospitals upload delivery records within 8 hours of birth; ask the hospital to check',
        },
      },
      citation: { file: '004', clause: '附1 序号2；附件2 二 2' },
    },
  ],

  // 附2: what each item needs, and that the shared data supplies it (可共享).
  materials: [
    {
      id: 'marriage-certificate',
      name: { zh: '结婚证', en: 'Marriage certificate' },
      forItems: ['birth-certificate', 'hukou-registration'],
      suppliedWhen: { is: 'e-licenses-held', licenses: ['marriage-certificate'] },
      citation: { file: '004', clause: '附2 序号1、3' },
    },
    {
      id: 'id-cards',
      name: { zh: '身份证', en: 'ID cards' },
      forItems: ['birth-certificate'],
      suppliedWhen: { is: 'e-licenses-held', licenses: ['mother-id-card', 'father-id-card'] },
      citation: { file: '004', clause: '附2 序号1' },
    },
  ],

  formFields: [
    {
      id: 'baby-name-sex',
      label: { zh: '婴儿姓名、性别', en: "Baby's name and sex" },
      prefill: ['delivery-record'],
      citation: { file: '004', clause: '附3 婴儿信息；附1 序号2' },
    },
    {
      id: 'birth-facts',
      label: {
        zh: '出生时间、出生孕周、出生体重、出生身长、出生地点、医疗机构名称',
        en: 'Time of birth, gestational weeks, weight, length, place and institution',
      },
      prefill: ['delivery-record'],
      citation: { file: '004', clause: '附3 婴儿信息' },
    },
    {
      id: 'mother-identity',
      label: {
        zh: '母亲姓名、年龄、国籍、证件类型及号码、民族、户籍地址、电话',
        en: "Mother's name, age, nationality, ID, ethnic group, hukou address, phone",
      },
      prefill: ['identity', 'hukou-registry'],
      citation: { file: '004', clause: '附3 父母基本信息；附1 序号3' },
    },
    {
      id: 'father-identity',
      label: {
        zh: '父亲姓名、年龄、国籍、证件类型及号码、民族、户籍地址、电话',
        en: "Father's name, age, nationality, ID, ethnic group, hukou address, phone",
      },
      prefill: ['marriage-registry', 'hukou-registry'],
      citation: { file: '004', clause: '附3 父母基本信息；附1 序号4' },
    },
    {
      id: 'residence',
      label: { zh: '居住地派出所、现居住地址', en: 'Police station of residence; current address' },
      citation: { file: '004', clause: '附3 父母基本信息' },
    },
    {
      id: 'follow-parent',
      label: { zh: '婴儿户口随父亲或母亲申报', en: 'Register with father or mother' },
      forItems: ['hukou-registration'],
      citation: { file: '004', clause: '附3 出生登记信息' },
    },
    {
      id: 'relation-ethnicity-native-place',
      label: {
        zh: '婴儿与户主关系、婴儿民族、婴儿籍贯',
        en: "Baby's relation to the head, ethnic group, native place",
      },
      forItems: ['hukou-registration'],
      citation: { file: '004', clause: '附3 出生登记信息' },
    },
    {
      id: 'insurance',
      label: {
        zh: '参保年度（当年/次年）、参保类型、参保地',
        en: 'Insurance year (current/next), type, place',
      },
      forItems: ['insurance-enrollment'],
      citation: { file: '004', clause: '附3 医保参保信息' },
    },
    {
      id: 'card-bank',
      label: { zh: '服务银行、联系电话', en: 'Card bank and phone' },
      forItems: ['social-security-card'],
      citation: { file: '004', clause: '附3 社会保障卡信息' },
    },
    {
      id: 'delivery',
      label: {
        zh: '证照领取方式、收件人、联系电话、收件地址',
        en: 'How results are received; recipient, phone, address',
      },
      citation: { file: '004', clause: '附3 证照领取方式' },
    },
  ],

  delivery: [
    {
      item: 'birth-certificate',
      methods: [
        { kind: 'mail', fee: 'unstated' },
        {
          kind: 'pickup',
          place: { zh: '婴儿出生的助产机构', en: 'the institution where the baby was born' },
        },
      ],
      citation: { file: '004', clause: '附3 证照领取方式' },
    },
    {
      item: 'hukou-registration',
      methods: [
        {
          kind: 'pickup',
          place: {
            zh: '户籍地或居住地派出所打印婴儿户口内页',
            en: "print the baby's page at the police station of hukou or of residence",
          },
        },
      ],
      citation: { file: '004', clause: '附3 证照领取方式；附件2 二 3' },
    },
    {
      item: 'social-security-card',
      methods: [
        { kind: 'mail', fee: 'unstated' },
        {
          kind: 'pickup',
          place: {
            zh: '指定网点（政务服务中心或合作银行经办窗口）',
            en: 'a designated counter: the service centre or a partner bank',
          },
        },
      ],
      citation: { file: '004', clause: '附3 证照领取方式；附件2 二 4' },
    },
  ],
  recipient: { allowed: ['mother', 'father'], citation: { file: '004', clause: '附3 证照领取方式' } },

  // 附3 备注 1 says "出生90天内" and then "超过3个月": between the two nothing is decided (see questions).
  insurance: {
    stated: true,
    window: { days: 90 },
    coverage: {
      afterWindow: 'day-after-payment',
      afterWindowFrom: { months: 3 },
      citation: { file: '004', clause: '附3 备注 1' },
    },
    // The form has separate 当年 / 次年 boxes, so the next year may be chosen on its own.
    nextYear: {
      bornFrom: '09-01',
      coverageStart: 'year-start',
      requiresCurrent: false,
      citation: { file: '004', clause: '附3 备注 2；附3 医保参保信息' },
    },
    citation: { file: '004', clause: '附3 备注 1' },
  },

  // 附件2 二 2: the main page goes to the applicant and the counterfoil and stub to the archives.
  // What a family whose registration fails receives is not said (see questions).
  certificateHandover: {
    registrationDone: 'main-page',
    citation: { file: '004', clause: '附件2 二 2' },
  },
  counterfoilTransfer: {
    // The archives are not one of the service's departments: they check the signed paper sheet.
    route: [
      {
        name: { zh: '助产机构', en: 'the midwifery institution' },
        party: { kind: 'department', department: 'midwifery-institution', county: 'birth' },
      },
      {
        name: { zh: '国家综合档案馆', en: 'the state comprehensive archives' },
        party: { kind: 'off-platform', county: 'birth' },
      },
    ],
    schedule: {
      kind: 'periodic',
      note: { zh: '定期移交（文件未规定周期）', en: 'periodically (the document sets no interval)' },
    },
    citation: { file: '004', clause: '附件2 二 2' },
  },
  figures: {
    'newborn-window-days': 'insurance.window.days',
    'late-from-months': 'insurance.coverage.afterWindowFrom.months',
  },
  supplements: { offered: false, citation: { file: '004', clause: '附件2 二' } },
  // 一(一) "与长三角无缝对接" and 附件1: the Delta platform distributes cases to each province's
  // platform and feeds their results back (办件分发流转、办件结果反馈).
  crossProvince: {
    platform: { zh: '长三角“一网通办”平台', en: 'the Yangtze River Delta one-network platform' },
    provinces: [
      { prefix: '31', name: { zh: '上海市', en: 'Shanghai' } },
      { prefix: '32', name: { zh: '江苏省', en: 'Jiangsu' } },
      { prefix: '33', name: { zh: '浙江省', en: 'Zhejiang' } },
    ],
    items: ['hukou-registration', 'insurance-enrollment', 'insurance-payment', 'social-security-card'],
    citation: { file: '004', clause: '一(一)；附件1 业务流程图' },
  },
  questions: [
    {
      id: 'delta-hand-off',
      kind: 'local-decision',
      text: {
        zh: '服务对象限父母双方均为安徽省户籍；同时方案要求与长三角无缝对接，业务流程图中长三角“一网通办”平台负责办件分发流转和结果反馈，但未写明哪些家庭、哪些事项经其办理。',
        en: 'The service is for parents who both have Anhui hukou; yet the plan connects to the Yangtze River Delta, whose platform distributes cases and feeds results back in the flow chart, without saying which families or items go through it.',
      },
      meanwhile: {
        zh: '在安徽出生、随上海、江苏或浙江户籍一方落户且父母均为长三角户籍的，出生医学证明由安徽办理，出生登记、医保参保缴费和社保卡经长三角平台移交落户地所在省份办理。',
        en: 'For a baby born in Anhui who registers with a parent from Shanghai, Jiangsu or Zhejiang, both parents having Delta hukou, Anhui issues the certificate and the registration, insurance and card go to that province through the Delta platform.',
      },
      citations: [
        { file: '004', clause: '二(三)' },
        { file: '004', clause: '一(一)；附件1 业务流程图' },
      ],
    },
    {
      id: 'insurance-90-days-or-3-months',
      kind: 'gap',
      text: {
        zh: '医保参保缴费提示写“出生90天内参保缴费的，自出生之日起享受”“超过3个月参保缴费的，自缴费次日起享受”；出生第91天至满3个月之间缴费的待遇起算日未作规定。',
        en: 'The payment note says payment within 90 days of birth covers from birth, and payment after 3 months covers from the day after payment; for a payment between day 91 and three months the start of coverage is not stated.',
      },
      meanwhile: {
        zh: '平台在这段时间不计算待遇期，并提示家庭在90天内缴费或向参保地医保经办机构咨询。',
        en: 'The platform computes no coverage for such a payment and tells the family to pay within 90 days or ask the local medical security office.',
      },
      citations: [{ file: '004', clause: '附3 备注 1' }],
    },
    {
      id: 'certificate-when-registration-fails',
      kind: 'gap',
      text: {
        zh: '文件规定正页交申请人、副页和存根移交档案馆，未规定出生登记不成功时家庭领取哪些页。',
        en: 'The document gives the main page to the applicant and the counterfoil and stub to the archives, but does not say which pages a family whose registration fails receives.',
      },
      meanwhile: {
        zh: '平台不替医院决定；登记不成功时提示家庭向助产机构确认领取方式。',
        en: 'The platform does not decide for the hospital; when the registration fails it tells the family to ask the hospital.',
      },
      citations: [{ file: '004', clause: '附件2 二 2' }],
    },
    {
      id: 'no-supplement-step',
      kind: 'gap',
      text: {
        zh: '文件未规定补件环节。',
        en: 'The document provides no supplement step.',
      },
      meanwhile: {
        zh: '材料审核不通过的事项由部门驳回并说明原因，家庭可重新申请或线下办理。',
        en: 'An item whose materials fail review is rejected with the reason; the family may apply again or offline.',
      },
      citations: [{ file: '004', clause: '附件2 二' }],
    },
  ],

  notices: [
    {
      text: {
        zh: '申请人（婴儿母亲）认真阅读“用户须知”并勾选同意后，进入“出生一件事”模块；《出生医学证明》签发、出生登记为默认必选事项。',
        en: 'The mother reads and accepts the user notice; the birth certificate and the birth registration are always included.',
      },
      citation: { file: '004', clause: '附件2 二 1' },
    },
    {
      text: {
        zh: '系统自动验证分娩信息、户籍信息、民族信息、婚姻信息等条件，验证不通过的反馈原因。婴儿父亲收到推送消息后进行人脸识别授权确认。',
        en: 'The system checks the delivery record, hukou, ethnic groups and marriage and tells you why if a check fails. The father confirms by face verification when notified.',
      },
      citation: { file: '004', clause: '附件2 二 1' },
    },
    {
      text: {
        zh: '申请人需核对申请并阅读《申请确认及告知承诺书》后签字确认；提交后可在办证平台查看各环节审核结果。',
        en: 'Check the application and read the confirmation and commitment letter, then sign; the result of each step shows on the platform.',
      },
      citation: { file: '004', clause: '附件2 二 1' },
    },
    {
      text: {
        zh: '出生登记时，办证平台将婴儿《常住人口登记表》推送给申请人，请签字确认无误。',
        en: "During registration the platform sends you the baby's resident registration form to check and sign.",
      },
      citation: { file: '004', clause: '附件2 二 3' },
    },
    {
      text: {
        zh: '出生登记完成后，申请人可持婴儿入户地《居民户口簿》在户籍地或居住地公安户政窗口打印婴儿户口内页。',
        en: "After registration, bring the household's hukou book to a police counter where you are registered or live, to print the baby's page.",
      },
      citation: { file: '004', clause: '附件2 二 3' },
    },
    {
      text: {
        zh: '新生儿实行“落地”参保政策。出生{{newborn-window-days}}天内参保缴费的，自出生之日起享受居民医保待遇；超过{{late-from-months}}个月参保缴费的，自缴费次日起享受当年待遇。9月1日—12月31日出生的，可按规定缴纳本年和次年的医保费。',
        en: 'Newborns are covered from birth (“落地” enrollment). Pay within {{newborn-window-days}} days and coverage starts at birth; after {{late-from-months}} months, from the day after payment for that year. Babies born 1 September–31 December may pay for this year and the next.',
      },
      citation: { file: '004', clause: '附3 备注' },
    },
    {
      text: {
        zh: '统筹区内定点医疗机构的生育医疗费用联网直接结算；跨统筹区的可线上申请（原始材料递交医保经办窗口）或线下办理。符合条件且直接结算的参保女职工无需申请，生育津贴直接发放到本人社会保障卡金融账户。',
        en: 'Maternity costs at designated hospitals in the pooling area are settled directly; elsewhere apply online (originals to the medical security counter) or offline. Eligible insured employees settled directly need not apply: the allowance goes to their card account.',
      },
      citation: { file: '004', clause: '附件2 二 6' },
    },
  ],
  legalBases: [
    {
      title: '国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见',
      issuer: '国务院',
      provision: { zh: '国发〔2024〕3号', en: 'State Council 2024 No. 3' },
      citation: { file: '004', clause: '序言' },
    },
  ],
  smsTemplates: [
    {
      event: 'insurance-enrolled',
      text: {
        zh: '{name}先生（女士），您已通过新生儿出生“一件事”成功为您的宝宝办理了“城乡居民参保登记”。请您及时通过“皖事通”APP搜索“城乡居民两险缴费”服务等进行缴费，并查询缴费是否成功。缴费成功后可享受医保待遇（医保与您共同守护宝贝健康成长）。',
        en: "Dear {name}, your baby's resident medical insurance enrollment through the newborn one-thing service is complete. Please pay through the Wanshitong app's resident insurance payment service and check that it went through; coverage starts once paid.",
      },
      citation: { file: '004', clause: '附件2 二 5 短信提示模版' },
    },
  ],
});
