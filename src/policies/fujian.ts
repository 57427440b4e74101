import { definePolicy } from '../policy/define-policy.ts';

/**
 * 福建省"新生儿出生一件事"2.0版集成套餐服务 (闽卫政法〔2024〕40号), as forwarded by Quanzhou
 * (泉卫综〔2024〕252号) and Nan'an (南卫〔2024〕163号).
 * Clauses: 附件1 工作流程 (一 事项, 二 条件,
 * 三 流程 by scenario, 四 时限), 附件2 申报须知 by scenario, 附件3 新增材料, 附件4 升级内容.
 */
const OFFLINE = {
  kind: 'apply-offline',
  text: { zh: '平台终止套餐服务，请转线下办理', en: 'the platform ends the package; please apply offline' },
} as const;
const NOT_WITH_HUKOU_BOOK = { not: { is: 'scenario-in', scenarios: ['has-hukou-book'] } } as const;

export const fujian = definePolicy({
  region: 'fujian',
  name: { zh: '福建省“新生儿出生一件事”2.0版集成套餐服务', en: 'Fujian newborn birth one-thing package 2.0' },
  shortName: { zh: '福建', en: 'Fujian' },
  sources: [
    {
      file: '003',
      title: '关于做好福建省“新生儿出生一件事”集成套餐服务应用优化升级的通知',
      number: '闽卫政法〔2024〕40号；泉卫综〔2024〕252号；南卫〔2024〕163号',
      date: '2024-07-05',
    },
  ],
  divisions: ['35'],
  channel: {
    description: {
      zh: '福建省网上办事大厅（电脑端）或“闽政通”APP 选择“出生一件事”在线申请',
      en: 'online in the Fujian government service hall or the Minzhengtong app',
    },
    citation: { file: '003', clause: '附件1 三(一)1' },
  },

  // 附件1 一 and 四: each department has 1 working day (24 h), HRSS 3 (72 h).
  items: [
    {
      id: 'birth-certificate',
      name: { zh: '出生医学证明办理', en: 'Birth medical certificate' },
      department: 'midwifery-institution',
      sla: { unit: 'working-hours', value: 24, citation: { file: '003', clause: '附件1 四(一)(五)' } },
      citation: { file: '003', clause: '附件1 一(一)' },
    },
    {
      id: 'vaccination-certificate',
      name: { zh: '新生儿预防接种证办理', en: 'Vaccination certificate' },
      department: 'midwifery-institution',
      sla: { unit: 'working-hours', value: 24, citation: { file: '003', clause: '附件1 四(一)(五)' } },
      citation: { file: '003', clause: '附件1 一(二)' },
    },
    {
      id: 'parenting-guidance',
      name: { zh: '科学育儿指导服务登记', en: 'Parenting guidance registration' },
      department: 'midwifery-institution',
      sla: { unit: 'working-hours', value: 24, citation: { file: '003', clause: '附件1 四(一)(五)' } },
      citation: { file: '003', clause: '附件1 一(三)' },
    },
    {
      id: 'hukou-registration',
      name: { zh: '新生儿户口登记办理', en: 'Hukou birth registration' },
      department: 'police',
      dependsOn: ['birth-certificate'],
      sla: { unit: 'working-hours', value: 24, citation: { file: '003', clause: '附件1 四(二)(五)' } },
      citation: { file: '003', clause: '附件1 一(四)；三(一)3' },
    },
    {
      id: 'maternity-benefit',
      name: { zh: '生育保险待遇核准支付', en: 'Maternity insurance benefit' },
      department: 'medical-security',
      dependsOn: ['hukou-registration'],
      sla: { unit: 'working-hours', value: 24, citation: { file: '003', clause: '附件1 四(三)(五)' } },
      citation: { file: '003', clause: '附件1 一(五)；三(一)4' },
    },
    {
      id: 'insurance-enrollment',
      name: { zh: '新生儿城乡居民基本医疗保险参保登记', en: 'Resident medical insurance enrollment' },
      department: 'medical-security',
      dependsOn: ['hukou-registration'],
      sla: { unit: 'working-hours', value: 24, citation: { file: '003', clause: '附件1 四(三)(五)' } },
      citation: { file: '003', clause: '附件1 一(六)；三(一)4' },
    },
    // 附件1 四(四): the 3 working days run from the applicant's choice of the partner bank, and the
    // card cannot be made before the baby's hukou page is uploaded (附件2 一(七)): the clock starts
    // when both are in, not at the registration.
    {
      id: 'social-security-card',
      name: { zh: '新生儿社会保障卡办理', en: 'Social security card' },
      department: 'hrss',
      dependsOn: ['hukou-registration'],
      sla: { unit: 'working-hours', value: 72, citation: { file: '003', clause: '附件1 四(四)(五)' } },
      clockStarts: 'when-family-ready',
      citation: { file: '003', clause: '附件1 一(七)；三(一)5' },
    },
  ],
  scenarios: [
    {
      id: 'full',
      name: { zh: '情形一：全流程办理', en: 'Scenario 1: full process' },
      citation: { file: '003', clause: '附件1 三(一)' },
    },
    {
      id: 'has-birth-certificate',
      name: {
        zh: '情形二：已有出生医学证明的半流程办理',
        en: 'Scenario 2: half process, certificate already held',
      },
      skips: ['birth-certificate', 'vaccination-certificate', 'parenting-guidance'],
      citation: { file: '003', clause: '附件1 三(二)' },
    },
    {
      id: 'has-hukou-book',
      name: { zh: '情形三：已有户口簿的半流程办理', en: 'Scenario 3: half process, hukou book already held' },
      skips: ['birth-certificate', 'vaccination-certificate', 'parenting-guidance', 'hukou-registration'],
      citation: { file: '003', clause: '附件1 三(三)' },
    },
  ],
  applicants: {
    roles: ['mother', 'father'],
    authorizationRequired: ['father'],
    citation: { file: '003', clause: '附件2 一(三)；附件4 二' },
  },

  rules: [
    {
      id: 'born-in-fujian-institution',
      scope: 'case',
      require: { is: 'born-in-institution-within', divisions: ['35'] },
      requirement: {
        zh: '在省内设有产科的医院（助产机构）内出生',
        en: 'born in a Fujian hospital with an obstetrics department',
      },
      refusal: {
        zh: '新生儿不是在福建省内助产机构出生',
        en: 'the baby was not born in a Fujian midwifery institution',
      },
      remedy: OFFLINE,
      citation: { file: '003', clause: '附件1 二(一)' },
    },
    {
      id: 'under-one-year',
      scope: 'case',
      require: { is: 'baby-age-under-months', months: 12 },
      requirement: { zh: '出生未满一年', en: 'the baby is under one year old' },
      refusal: { zh: '新生儿已满一周岁', en: 'the baby is one year old or older' },
      remedy: OFFLINE,
      citation: { file: '003', clause: '附件1 二(一)；附件4 一' },
    },
    {
      id: 'one-parent-fujian-hukou',
      scope: 'case',
      require: { is: 'parent-hukou-within', who: 'at-least-one', divisions: ['35'] },
      requirement: { zh: '父母双方至少有一方为省内户籍', en: 'at least one parent has Fujian hukou' },
      refusal: { zh: '父母双方均不是福建省内户籍', en: 'neither parent has Fujian hukou' },
      remedy: OFFLINE,
      citation: { file: '003', clause: '附件1 二(一)；附件2 一(二)' },
    },
    {
      id: 'both-chinese-nationals',
      scope: 'case',
      require: { is: 'parent-nationality', who: 'both', nationality: 'CHN' },
      requirement: { zh: '新生儿父母双方均为中国籍', en: 'both parents are Chinese nationals' },
      refusal: { zh: '父母一方不是中国籍', en: 'a parent is not a Chinese national' },
      remedy: OFFLINE,
      citation: { file: '003', clause: '附件2 一(二)' },
    },
    {
      id: 'no-foreign-or-hmt-parent',
      scope: 'case',
      require: {
        not: { is: 'parent-category-in', who: 'at-least-one', categories: ['hk-macau-taiwan', 'foreigner'] },
      },
      requirement: {
        zh: '父母均不是外籍或港澳台居民',
        en: 'neither parent is a foreigner or a Hong Kong/Macau/Taiwan resident',
      },
      refusal: {
        zh: '外籍及港澳台居民的暂不可线上申请',
        en: 'foreigners and Hong Kong/Macau/Taiwan residents cannot apply online yet',
      },
      remedy: OFFLINE,
      citation: { file: '003', clause: '附件2 一(一)' },
    },
    {
      id: 'marriage-registered-in-fujian',
      scope: 'case',
      require: { is: 'marriage-registered-within', divisions: ['35'] },
      requirement: { zh: '持有省内领取的结婚证', en: 'the marriage certificate was issued in Fujian' },
      refusal: {
        zh: '未查到在福建省内领取的结婚证',
        en: 'no marriage certificate issued in Fujian was found',
      },
      remedy: OFFLINE,
      citation: { file: '003', clause: '附件2 一(二)' },
    },
    {
      id: 'marital-birth',
      scope: 'case',
      require: { is: 'married-before-birth' },
      requirement: {
        zh: '婚生新生儿；暂不支持单亲母亲和未婚公民申请',
        en: 'born in wedlock; single mothers and unmarried parents cannot apply yet',
      },
      refusal: {
        zh: '暂不支持单亲母亲和未婚公民进行申请',
        en: 'single mothers and unmarried parents cannot apply yet',
      },
      remedy: OFFLINE,
      citation: { file: '003', clause: '附件1 二(一)；附件2 一(二)' },
    },
    {
      id: 'follow-the-local-parent',
      scope: 'case',
      appliesWhen: {
        all: [{ is: 'parent-hukou-within', who: 'exactly-one', divisions: ['35'] }, NOT_WITH_HUKOU_BOOK],
      },
      require: { is: 'parent-hukou-within', who: 'registering', divisions: ['35'] },
      requirement: {
        zh: '父母仅一方有省内户籍的，新生儿必须随省内户籍方落户',
        en: 'when only one parent has Fujian hukou, the baby registers with that parent',
      },
      refusal: {
        zh: '仅一方有省内户籍，新生儿必须随省内户籍方落户',
        en: 'only one parent has Fujian hukou, so the baby must register with that parent',
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '请改为随省内户籍一方落户',
          en: 'register the baby with the parent who has Fujian hukou',
        },
      },
      citation: { file: '003', clause: '附件2 一(二)；附件4 一' },
    },
    {
      id: 'family-or-collective-household',
      scope: 'case',
      appliesWhen: NOT_WITH_HUKOU_BOOK,
      require: {
        is: 'parent-household-type-in',
        who: 'registering',
        types: ['family', 'collective', 'student-collective'],
      },
      requirement: {
        zh: '符合随父（母）落家庭户或集体户条件',
        en: "the baby can join the father's or mother's family or collective household",
      },
      refusal: {
        zh: '落户一方没有可落户的家庭户或集体户',
        en: 'the registering parent has no family or collective household to join',
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '请改为随另一方落户，或线下办理',
          en: 'register with the other parent, or apply offline',
        },
      },
      citation: { file: '003', clause: '附件1 二(一)' },
    },
    {
      id: 'family-household-first',
      scope: 'case',
      appliesWhen: {
        all: [
          { is: 'parent-household-type-in', who: 'exactly-one', types: ['family'] },
          { is: 'parent-household-type-in', who: 'exactly-one', types: ['collective', 'student-collective'] },
          { is: 'parents-hukou-same-county-area' },
          NOT_WITH_HUKOU_BOOK,
        ],
      },
      require: { is: 'parent-household-type-in', who: 'registering', types: ['family'] },
      requirement: {
        zh: '一方家庭户、一方集体户且在同一设区市市辖区或同一县（市）的，随家庭户一方申报；不在同一范围的可任选',
        en: 'with one parent in a family household and one in a collective household in the same city districts or county, the baby registers with the family household; otherwise either',
      },
      refusal: {
        zh: '双方户口在同一设区市市辖区或同一县（市）范围内，应当随家庭户口一方申报出生户口登记',
        en: "both parents' hukou are in the same city districts or county, so the baby must register with the family household",
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '请改为随家庭户口一方落户',
          en: 'register the baby with the parent in the family household',
        },
      },
      citation: { file: '003', clause: '附件2 一(四)；附件4 一' },
    },
    {
      id: 'surname-of-a-parent',
      scope: 'case',
      appliesWhen: { all: [{ is: 'baby-named' }, NOT_WITH_HUKOU_BOOK] },
      require: { is: 'baby-surname-of-a-parent' },
      requirement: { zh: '新生儿姓氏随父或随母', en: "the baby takes the father's or the mother's surname" },
      refusal: {
        zh: '新生儿姓氏与父母双方的姓氏均不同，不能在线申报',
        en: "the baby's surname is neither the father's nor the mother's, so it cannot be applied for online",
      },
      remedy: {
        kind: 'apply-offline',
        text: {
          zh: '请改为随父姓或随母姓；如确需取其他姓氏，请到派出所线下办理',
          en: "take the father's or the mother's surname, or apply for another surname at the police station",
        },
      },
      citation: { file: '003', clause: '附件1 二(一)' },
    },
    {
      id: 'collective-only-without-family-household',
      scope: 'case',
      appliesWhen: {
        all: [
          { is: 'parent-household-type-in', who: 'registering', types: ['collective', 'student-collective'] },
          NOT_WITH_HUKOU_BOOK,
        ],
      },
      require: { is: 'no-family-household-where-collective' },
      requirement: {
        zh: '在集体户的市区内无家庭户的，才可落户集体户',
        en: 'a baby joins a collective household only when the family has no family household in that city area',
      },
      refusal: {
        zh: '家庭在集体户所在市区内有家庭户，新生儿不能落户集体户',
        en: 'the family has a family household in the city area of the collective household, so the baby cannot join the collective one',
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '请改为随家庭户口一方落户',
          en: 'register the baby with the parent in the family household',
        },
      },
      citation: { file: '003', clause: '附件4 一' },
    },
    {
      id: 'delivery-record-matches',
      scope: 'case',
      appliesWhen: { is: 'scenario-in', scenarios: ['full'] },
      require: { is: 'delivery-record-found' },
      requirement: {
        zh: '基卫系统调取的产妇分娩信息与申请一致',
        en: "the hospital's delivery record matches the application",
      },
      refusal: {
        zh: '未能核对到产妇分娩信息',
        en: "the hospital's delivery record for the mother could not be matched",
      },
      remedy: {
        kind: 'contact',
        text: {
          zh: '请联系分娩的助产机构核实分娩信息；不符合申报条件的请转线下办理',
          en: 'ask the hospital to check its delivery record; if the conditions are not met, apply offline',
        },
      },
      citation: { file: '003', clause: '附件1 三(一)2' },
    },
    {
      id: 'holds-full-certificate',
      scope: 'case',
      appliesWhen: { is: 'scenario-in', scenarios: ['has-birth-certificate'] },
      require: { is: 'holds-full-birth-certificate' },
      requirement: {
        zh: '确认已持有正、副页完全版的《出生医学证明》',
        en: 'the family holds the birth certificate with its counterfoil uncut',
      },
      refusal: {
        zh: '未持有正、副页完全版的《出生医学证明》，不能按情形二办理',
        en: 'without the full certificate (main page and counterfoil) scenario 2 is not possible',
      },
      // A certificate already issued cannot be issued again by the full process, so the only way
      // left is the police station (三(二)2 补齐后到户籍地派出所办理).
      remedy: {
        kind: 'apply-offline',
        text: {
          zh: '已签发的《出生医学证明》副页已裁切的，请持出生医学证明和户口簿到落户地派出所线下办理出生登记',
          en: 'with the counterfoil of the issued certificate already cut, take the certificate and hukou book to the police station and register the birth there',
        },
      },
      citation: { file: '003', clause: '附件2 二(一)；附件1 三(二)1' },
    },
    {
      id: 'maternity-insured-locally',
      scope: 'maternity-benefit',
      require: { is: 'mother-maternity-insured-within', divisions: ['35'] },
      requirement: {
        zh: '信息无误并已参加申报地生育保险',
        en: 'the mother is insured for maternity where she applies',
      },
      refusal: {
        zh: '未查询到母亲参加申报地生育保险，不能办理生育保险待遇核准支付',
        en: 'the mother is not on record as insured for maternity here, so the maternity benefit cannot be approved',
      },
      remedy: {
        kind: 'contact',
        text: {
          zh: '如已参保，请向参保地医保经办机构核实参保信息后线下申请',
          en: 'if she is insured, have the local medical security office check the record, then apply offline',
        },
      },
      citation: { file: '003', clause: '附件1 三(一)4' },
    },
    {
      id: 'insurance-within-one-year',
      scope: 'insurance-enrollment',
      require: { is: 'baby-age-within-months', months: 12 },
      requirement: {
        zh: '新生儿参保须一周岁以内',
        en: 'newborn enrollment is for babies within their first year',
      },
      refusal: {
        zh: '已满一周岁，应按正常居民参保',
        en: 'past one year, the baby enrolls as an ordinary resident',
      },
      remedy: {
        kind: 'contact',
        text: { zh: '请按正常居民参保办理', en: 'enroll the baby as an ordinary resident' },
      },
      citation: { file: '003', clause: '附件2 一(五)' },
    },
  ],

  materials: [
    {
      id: 'parents-id-cards',
      name: { zh: '身份证电子证照或扫描件', en: 'ID cards: e-licence or scan' },
      forItems: [
        'birth-certificate',
        'hukou-registration',
        'maternity-benefit',
        'insurance-enrollment',
        'social-security-card',
      ],
      suppliedWhen: { is: 'e-licenses-held', licenses: ['mother-id-card', 'father-id-card'] },
      citation: { file: '003', clause: '附件2 一(一)' },
    },
    {
      id: 'marriage-certificate',
      name: { zh: '结婚证电子证照或扫描件', en: 'Marriage certificate: e-licence or scan' },
      forItems: ['birth-certificate', 'hukou-registration', 'maternity-benefit', 'insurance-enrollment'],
      suppliedWhen: { is: 'e-licenses-held', licenses: ['marriage-certificate'] },
      citation: { file: '003', clause: '附件2 一(一)' },
    },
    {
      id: 'hukou-book-photos',
      name: {
        zh: '户口簿照片：首页（有户别信息的）、落户方成员页及户主页',
        en: 'Hukou book photos: first page, registering parent’s page, head’s page',
      },
      forItems: ['hukou-registration', 'maternity-benefit', 'insurance-enrollment'],
      citation: { file: '003', clause: '附件2 一(一)；附件2 三(一)' },
    },
    {
      id: 'authorization-letter',
      name: { zh: '授权委托书（母亲委托父亲）', en: "Authorization letter (the mother's, for the father)" },
      forItems: ['birth-certificate', 'maternity-benefit'],
      // Signed by the mother in her own login, it is on the platform already: nothing to upload.
      when: { is: 'applicant-role-in', roles: ['father'] },
      suppliedWhen: { is: 'mother-authorized-applicant' },
      citation: { file: '003', clause: '附件3；附件4 二' },
    },
    {
      id: 'full-birth-certificate',
      name: {
        zh: '正、副页完全版《出生医学证明》（EMS 双向邮递至派出所）',
        en: 'The full birth certificate, sent both ways by EMS to the police station',
      },
      forItems: ['hukou-registration'],
      when: { is: 'scenario-in', scenarios: ['has-birth-certificate'] },
      citation: { file: '003', clause: '附件2 二(四)；附件1 三(二)2' },
    },
    {
      id: 'baby-hukou-page',
      name: {
        zh: '新生儿户口当前页、户口簿首页和户主页照片（落户后补件上传）',
        en: "Photos of the baby's hukou page, the first page and the head's page (uploaded after registration)",
      },
      forItems: ['social-security-card'],
      // 附件2 一(七): 如需社保卡邮寄，须新生儿落户结束后补件上传 — only when mailed, and only after registration.
      when: { is: 'delivery-chosen', item: 'social-security-card', method: 'mail' },
      uploaded: 'when-item-starts',
      citation: { file: '003', clause: '附件2 一(七)；附件1 三(一)5' },
    },
  ],

  // 附件3: the authorization letter marks which fields the system fills back (系统回填) and which the user types.
  formFields: [
    {
      id: 'grantor',
      label: { zh: '委托人姓名、性别、证件类别及号码', en: "Grantor's name, sex and ID" },
      prefill: ['identity'],
      citation: { file: '003', clause: '附件3' },
    },
    {
      id: 'grantor-phone',
      label: { zh: '委托人联系电话', en: "Grantor's phone" },
      citation: { file: '003', clause: '附件3' },
    },
    {
      id: 'grantee',
      label: { zh: '受委托人姓名、性别、证件类别及号码、联系电话', en: "Grantee's name, sex, ID and phone" },
      citation: { file: '003', clause: '附件3' },
    },
    {
      id: 'baby-birth',
      label: { zh: '新生儿出生日期、出生地点', en: "Baby's birth date and place" },
      prefill: ['delivery-record'],
      citation: { file: '003', clause: '附件3' },
    },
    {
      id: 'baby-name',
      label: { zh: '新生儿姓名', en: "Baby's name" },
      citation: { file: '003', clause: '附件3' },
    },
    {
      id: 'authorization-period',
      label: { zh: '委托期限', en: 'Authorization period' },
      prefill: ['platform'],
      citation: { file: '003', clause: '附件3' },
    },
    {
      id: 'card-bank',
      label: { zh: '新生儿社保卡合作银行', en: 'Partner bank for the card' },
      forItems: ['social-security-card'],
      citation: { file: '003', clause: '附件1 四(四)' },
    },
    {
      id: 'community-address',
      label: {
        zh: '所在社区（村）、联系地址、申请人手机号码',
        en: 'Community or village, address, applicant’s mobile',
      },
      forItems: ['insurance-enrollment'],
      citation: { file: '003', clause: '附件1 三(一)4' },
    },
    {
      id: 'delivery',
      label: { zh: '领取方式：邮寄或自取', en: 'Receive by mail or collect' },
      citation: { file: '003', clause: '附件1 三(一)2' },
    },
  ],

  figures: {
    'newborn-window-days': 'insurance.window.days',
    'department-hours': 'items.hukou-registration.sla.value',
    'card-hours': 'items.social-security-card.sla.value',
  },
  supplements: { offered: true, citation: { file: '003', clause: '附件4 三；附件1 三(一)2' } },
  slaPauses: { excludes: ['supplement', 'mail'], citation: { file: '003', clause: '附件1 四(五)' } },
  // 三(一)2: the counterfoils cut for online cases go to the county health bureau in person, which
  // hands them to the police at the same level with a list both sides sign.
  counterfoilTransfer: {
    // The hospital's own county health bureau, then the police of that same county (同级).
    route: [
      {
        name: { zh: '助产机构', en: 'the midwifery institution' },
        party: { kind: 'department', department: 'midwifery-institution', county: 'birth' },
      },
      {
        name: { zh: '县（市、区）卫生健康行政部门', en: 'the county health bureau' },
        party: { kind: 'department', department: 'health-commission', county: 'birth' },
      },
      {
        name: { zh: '同级公安机关', en: 'the county police' },
        party: { kind: 'department', department: 'police', county: 'sender' },
      },
    ],
    schedule: {
      kind: 'periodic',
      note: {
        zh: '定期当面上交；卫生健康行政部门以机要公文交换或当面移交',
        en: 'handed in person periodically; the health bureau passes them on by confidential exchange or in person',
      },
    },
    record: {
      zh: '双方共同签字确认的一致性清单（移交记录表）',
      en: 'a consistency list both sides sign (the transfer record sheet)',
    },
    signedByBoth: true,
    citation: { file: '003', clause: '附件1 三(一)2' },
  },
  delivery: [
    {
      item: 'birth-certificate',
      methods: [
        { kind: 'mail', fee: 'paid-by-applicant' },
        {
          kind: 'pickup',
          place: { zh: '助产机构（携带申请人有效身份证件）', en: "the hospital (bring the applicant's ID)" },
        },
      ],
      citation: { file: '003', clause: '附件1 三(一)2' },
    },
    {
      item: 'hukou-registration',
      methods: [
        {
          kind: 'mail',
          fee: 'paid-by-applicant',
          twoWay: true,
          note: {
            zh: '邮政 EMS 双向邮递：户口簿上门取件寄至派出所打印后寄回，寄件与收件均按标准收费',
            en: 'EMS both ways: the hukou book is collected, printed at the station and returned; both legs at standard rates',
          },
        },
        {
          kind: 'pickup',
          place: {
            zh: '持落户方户口簿到派出所打印新生儿户口页',
            en: "bring the registering parent's hukou book to the police station to print the baby's page",
          },
        },
      ],
      citation: { file: '003', clause: '附件2 一(四)；附件1 三(一)3' },
    },
    {
      item: 'social-security-card',
      methods: [
        { kind: 'mail', fee: 'paid-by-applicant' },
        {
          kind: 'pickup',
          place: {
            zh: '发卡银行网点（携带新生儿户口簿及监护人有效身份证件）',
            en: "the card bank's branch (bring the baby's hukou book and the guardian's ID)",
          },
        },
      ],
      citation: { file: '003', clause: '附件1 三(一)5' },
    },
  ],
  recipient: { allowed: ['mother', 'father'], citation: { file: '003', clause: '附件1 三(一)2' } },

  insurance: {
    stated: true,
    window: { days: 90 },
    coverage: { afterWindow: 'day-after-payment', citation: { file: '003', clause: '附件2 一(五)' } },
    citation: { file: '003', clause: '附件2 一(五)' },
  },
  certificateHandover: {
    registrationDone: 'main-page',
    registrationFailed: 'main-and-counterfoil',
    citation: { file: '003', clause: '附件1 三(一)2、3' },
  },

  notices: [
    {
      text: {
        zh: '申请时需提供身份证、结婚证电子证照或扫描件；未找到可授权的或错误的身份证电子证照的，需先进行授权缺失登记，审核通过后（一个工作日）方可上传身份证照片申报。户口簿需拍照首页（有户别信息的）和落户方成员页及户主页；省外身份证可拍照上传，外籍及港澳台居民暂不可线上申请。',
        en: 'Provide the ID cards and the marriage certificate as e-licences or scans; if the ID e-licence is missing or wrong, first register the gap (reviewed in one working day), then upload photos. Photograph the hukou book’s first page, the registering parent’s page and the head’s page. Out-of-province ID cards may be photographed; foreigners and Hong Kong/Macau/Taiwan residents cannot apply online yet.',
      },
      citation: { file: '003', clause: '附件2 一(一)' },
    },
    {
      text: {
        zh: '新生儿父母双方均为中国籍且一方须为省内户籍，持有省内领取的结婚证；仅一方有省内户籍的，新生儿必须随省内户籍方落户。暂不支持单亲母亲和未婚公民申请。',
        en: 'Both parents are Chinese nationals, at least one with Fujian hukou, with a marriage certificate issued in Fujian; if only one has Fujian hukou, the baby registers with that parent. Single mothers and unmarried parents cannot apply yet.',
      },
      citation: { file: '003', clause: '附件2 一(二)；二(二)；三(二)' },
    },
    {
      text: {
        zh: '原则上由新生儿母亲发起申请；母亲出具委托书后，可由被委托人（暂时仅限新生儿父亲）申请办理。',
        en: 'The mother applies; with her signed authorization the father (and only he, for now) may apply instead.',
      },
      citation: { file: '003', clause: '附件2 一(三)' },
    },
    {
      text: {
        zh: '一方家庭户口、一方集体户口，双方户口在同一设区市市辖区或同一县（市）的，应随家庭户口一方申报；不在同一范围的，可选择随家庭户或集体户一方申报。户口簿邮寄须使用邮政 EMS 双向邮递，费用由申请人自理。',
        en: 'With one parent in a family household and one in a collective household in the same city districts or county, the baby registers with the family household; otherwise either. The hukou book travels by EMS both ways, at your cost.',
      },
      scenarios: ['full', 'has-birth-certificate'],
      citation: { file: '003', clause: '附件2 一(四)；二(四)' },
    },
    {
      text: {
        zh: '户口簿和《出生医学证明》正、副页须通过邮政 EMS 双向邮递至落户派出所，派出所打印户口簿后，将户口簿和《出生医学证明》正页寄回，费用由申请人自理。',
        en: 'The hukou book and the full birth certificate go by EMS to the police station, which returns the hukou book and the certificate’s main page; postage is yours.',
      },
      scenarios: ['has-birth-certificate'],
      citation: { file: '003', clause: '附件2 二(四)' },
    },
    {
      text: {
        zh: '新生儿参保须一周岁以内。出生后{{newborn-window-days}}天内参保缴费的，从出生之日起享受当年医疗保险待遇；出生{{newborn-window-days}}天后参保的，从参保缴费次日起享受当年待遇，保期至缴费当年度12月31日。一周岁以上为正常居民参保。',
        en: 'Newborn enrollment is for babies under one year. Pay within {{newborn-window-days}} days of birth and the baby is covered from birth for the year; after {{newborn-window-days}} days, from the day after payment to 31 December of that year. After one year, the baby enrolls as an ordinary resident.',
      },
      citation: { file: '003', clause: '附件2 一(五)' },
    },
    {
      text: {
        zh: '医保参保登记审核通过后，参保缴费数据推送至税务部门，申请人应在工作日内关注税务缴费渠道及时缴纳城乡居民医疗保险费；只登记未缴费的不享受待遇。',
        en: 'Once enrollment is approved the premium goes to the tax bureau; pay it promptly through the tax channels. Enrollment without payment gives no coverage.',
      },
      citation: { file: '003', clause: '附件1 三(一)4' },
    },
    {
      text: {
        zh: '新生儿出生时《预防接种证》因故未能在助产机构领取的，新生儿父母应携带相关材料至户籍所在地或居住地接种单位办理。',
        en: 'If the vaccination certificate could not be collected at the hospital, take the materials to the vaccination clinic where you are registered or live.',
      },
      scenarios: ['full'],
      citation: { file: '003', clause: '附件1 三(一)2' },
    },
    {
      text: {
        zh: '医保缴费后可下载“国家医保服务平台”APP开通亲情账户绑定医保电子凭证；未收到社保卡时可在医院使用医保服务。',
        en: 'After paying, add the baby to a family account in the National Medical Insurance app; the baby can use insurance in hospital before the card arrives.',
      },
      citation: { file: '003', clause: '附件2 一(六)' },
    },
    {
      text: {
        zh: '如需社保卡邮寄，须新生儿落户结束后补件上传户口簿首页、户主页和新生儿户口当前页照片；社保卡金融功能须到发卡银行网点激活。',
        en: "To have the card mailed, upload the hukou book's first page, head's page and the baby's page after registration; activate the card's bank functions at a branch.",
      },
      citation: { file: '003', clause: '附件2 一(七)' },
    },
    {
      text: {
        zh: '线上户籍登记成功的，申请人领取无副页的《出生医学证明》正页；不成功的，助产机构给付完整无裁切的正、副页。',
        en: 'If the online registration succeeds you receive the certificate’s main page only; if it fails, the hospital gives you the uncut main page and counterfoil.',
      },
      scenarios: ['full'],
      citation: { file: '003', clause: '附件1 三(一)2' },
    },
    {
      text: {
        zh: '卫健、公安、医保部门收到推送信息后1个工作日（{{department-hours}}小时）内办理，人社部门3个工作日（{{card-hours}}小时）内办结；补件时间和寄件时间不计入时限。可对已办环节分别评价。',
        en: 'Health, police and medical security act within 1 working day ({{department-hours}} h) of receiving a case, HRSS within 3 ({{card-hours}} h); time spent on supplements and mail is not counted. You can rate each finished step.',
      },
      citation: { file: '003', clause: '附件1 四(五)' },
    },
    {
      text: {
        zh: '申请人承诺所填写内容和提供的材料真实；隐瞒事实真相、提供虚假材料的，自愿承担由此产生的法律后果。',
        en: 'You confirm the entries and materials are true, and accept the legal consequences of concealment or false materials.',
      },
      citation: { file: '003', clause: '附件2 一(八)' },
    },
  ],
  legalBases: [
    {
      title: '关于做好福建省“新生儿出生一件事”集成套餐服务应用优化升级的通知',
      issuer: '福建省卫生健康委员会 省公安厅 省人社厅 省医保局',
      effective: '2024-07-05',
      provision: { zh: '闽卫政法〔2024〕40号', en: 'Fujian health commission et al., 2024 No. 40' },
      citation: { file: '003', clause: '闽卫政法〔2024〕40号' },
    },
    {
      title: '关于印发福建省“出生一件事”集成套餐服务推广应用的通知',
      issuer: '福建省卫生健康委员会等四部门',
      provision: { zh: '闽卫监督〔2022〕60号', en: 'Fujian health commission et al., 2022 No. 60' },
      citation: { file: '003', clause: '闽卫政法〔2024〕40号 序言' },
    },
    {
      title: '泉州市转发通知',
      issuer: '泉州市卫生健康委员会等四部门',
      effective: '2024-11-01',
      provision: { zh: '泉卫综〔2024〕252号', en: 'Quanzhou, 2024 No. 252' },
      citation: { file: '003', clause: '泉卫综〔2024〕252号' },
    },
    {
      title: '南安市转发通知',
      issuer: '南安市卫生健康局等四部门',
      effective: '2024-11-12',
      provision: { zh: '南卫〔2024〕163号', en: "Nan'an, 2024 No. 163" },
      citation: { file: '003', clause: '南卫〔2024〕163号' },
    },
  ],
  hotlines: [
    {
      name: { zh: '闽政通客服', en: 'Minzhengtong customer service' },
      number: '0591-62623959',
      topic: 'technical',
      citation: { file: '003', clause: '闽卫政法〔2024〕40号 联系人单位及电话' },
    },
  ],
});
