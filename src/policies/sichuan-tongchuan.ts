import { definePolicy } from '../policy/define-policy.ts';

/**
 * 达州市通川区"新生儿出生一件事"联办工作实施方案 (2023), with 附件1 联办申请表, 附件2 收件回执,
 * 附件3 授权委托书 and 附件4 缴费指南.
 * Clauses: 二(一) 办理对象, 二(二) 办理事项,
 * 二(四) 办理流程 …
 *
 * This document sets no time limit beyond "当场发放" for the two hospital items, and says nothing
 * of insurance years or coverage; the policy records that rather than borrowing another region's.
 */
const OFFLINE = {
  kind: 'apply-offline',
  text: { zh: '请到各部门窗口分别线下办理', en: "apply at each department's window offline" },
} as const;

export const sichuanTongchuan = definePolicy({
  region: 'sichuan-tongchuan',
  name: {
    zh: '达州市通川区“新生儿出生一件事”联办',
    en: 'Tongchuan District (Dazhou) newborn birth joint handling',
  },
  shortName: { zh: '四川·通川', en: 'Sichuan (Tongchuan)' },
  sources: [
    {
      file: '002',
      title: '达州市通川区“新生儿出生一件事”联办工作实施方案',
      // No number of its own: it implements 达市府办发〔2023〕10号 (see legalBases).
      date: '2023',
    },
  ],
  divisions: ['511702'],
  channel: {
    description: {
      zh: '母亲在四川政务服务网在线填写申请表，在助产机构“新生儿出生一件事”联办窗口提交并签字确认；区政务服务大厅专人统一办理后续事项',
      en: 'the mother fills in the form on the Sichuan government service portal and submits it at the joint window in the hospital; staff at the district service hall handle the rest',
    },
    citation: { file: '002', clause: '二(三)；二(四)2；附件1 注' },
  },

  items: [
    {
      id: 'birth-certificate',
      name: { zh: '《出生医学证明》签发', en: 'Birth medical certificate' },
      department: 'midwifery-institution',
      sla: { unit: 'on-the-spot', citation: { file: '002', clause: '二(四)3' } },
      citation: { file: '002', clause: '二(二)' },
    },
    {
      id: 'vaccination-certificate',
      name: { zh: '预防接种证办理', en: 'Vaccination certificate' },
      department: 'midwifery-institution',
      sla: { unit: 'on-the-spot', citation: { file: '002', clause: '二(四)3' } },
      citation: { file: '002', clause: '二(二)' },
    },
    // 二(四)3: the hall completes registration, enrollment and the card in that order, using the
    // certificate's main page and counterfoil (附件2 4).
    {
      id: 'hukou-registration',
      name: { zh: '户口登记', en: 'Hukou birth registration' },
      department: 'police',
      dependsOn: ['birth-certificate'],
      citation: { file: '002', clause: '二(四)3' },
    },
    {
      id: 'insurance-enrollment',
      name: { zh: '城乡居民医保参保登记', en: 'Resident medical insurance enrollment' },
      department: 'medical-security',
      dependsOn: ['hukou-registration'],
      citation: { file: '002', clause: '二(四)3' },
    },
    {
      id: 'insurance-payment',
      name: { zh: '医保缴费', en: 'Insurance premium payment' },
      department: 'tax',
      dependsOn: ['insurance-enrollment'],
      citation: { file: '002', clause: '二(二)；二(四)4；附件4' },
    },
    {
      id: 'social-security-card',
      name: { zh: '社会保障卡申领', en: 'Social security card' },
      department: 'hrss',
      dependsOn: ['hukou-registration'],
      citation: { file: '002', clause: '二(四)3' },
    },
  ],
  scenarios: [
    {
      id: 'full',
      name: { zh: '联办全流程', en: 'Full joint handling' },
      citation: { file: '002', clause: '二(二)' },
    },
  ],
  // 附件1 注: "此表由婴儿母亲…在线填写,并提出申请", signed "申请人（婴儿母亲）" and by the father.
  // The 委托人 of 二(一) is the hospital the mother authorizes with 附件3, not the father.
  applicants: {
    roles: ['mother'],
    signatures: ['mother', 'father'],
    citation: { file: '002', clause: '附件1 注；附件1 承诺签名' },
  },

  // 二(四)2: the joint window in the hospital applies for the mother under her 附件3, on 附件1, and
  // gives her the receipt of 附件2.
  jointWindow: {
    papers: 'tongchuan-2023',
    letterMaterial: 'authorization-letter',
    formMaterial: 'application-form',
    citation: { file: '002', clause: '二(四)2；附件1；附件2；附件3' },
  },

  rules: [
    {
      id: 'born-in-tongchuan-institution',
      scope: 'case',
      require: { is: 'born-in-institution-within', divisions: ['511702'] },
      requirement: {
        zh: '在通川区助产机构出生',
        en: 'born in a midwifery institution in Tongchuan District',
      },
      refusal: {
        zh: '新生儿不是在通川区助产机构出生',
        en: 'the baby was not born in a Tongchuan District institution',
      },
      remedy: OFFLINE,
      citation: { file: '002', clause: '二(一)1' },
    },
    {
      id: 'registers-in-tongchuan',
      scope: 'case',
      require: { is: 'parent-hukou-within', who: 'registering', divisions: ['511702'] },
      requirement: {
        zh: '符合通川区落户政策且要求在通川区落户',
        en: 'the baby will register in Tongchuan District under its hukou rules',
      },
      refusal: {
        zh: '落户一方为区外户籍，当前暂时不予联办',
        en: 'the registering parent’s hukou is outside the district; joint handling is not yet offered',
      },
      remedy: {
        kind: 'choose-other-parent',
        text: {
          zh: '如另一方为通川区户籍，可改为随其落户；否则请线下办理',
          en: 'register with the other parent if that parent has Tongchuan hukou; otherwise apply offline',
        },
      },
      citation: { file: '002', clause: '二(一)2；二(一) 末段' },
    },
    {
      id: 'marital-birth',
      scope: 'case',
      require: { is: 'married-before-birth' },
      requirement: { zh: '婚生（非婚生育除外）', en: 'born in wedlock (births out of wedlock are excluded)' },
      refusal: { zh: '非婚生育不予联办', en: 'births out of wedlock cannot be handled jointly' },
      remedy: OFFLINE,
      citation: { file: '002', clause: '二(一)2' },
    },
    {
      id: 'insured-in-tongchuan',
      scope: 'case',
      require: { is: 'insurance-place-within', divisions: ['511702'] },
      requirement: {
        zh: '符合通川区城乡居民基本医疗保险参保政策且要求在通川区参保',
        en: 'the baby will be insured in Tongchuan District under its resident rules',
      },
      refusal: { zh: '参保地不在通川区', en: 'the chosen place of insurance is outside the district' },
      remedy: {
        kind: 'apply-offline',
        text: {
          zh: '请在参保地医保经办机构另行办理参保，其余事项线下办理',
          en: 'enroll at the chosen place’s medical security office and apply for the rest offline',
        },
      },
      citation: { file: '002', clause: '二(一)3' },
    },
    {
      id: 'baby-named',
      scope: 'case',
      require: { is: 'baby-named' },
      requirement: { zh: '新生儿已取名', en: 'the baby has been named' },
      refusal: { zh: '新生儿未取名，当前暂时不予联办', en: 'an unnamed baby cannot be handled jointly yet' },
      remedy: { kind: 'supplement', text: { zh: '为新生儿取名后再申请', en: 'name the baby, then apply' } },
      citation: { file: '002', clause: '二(一) 末段' },
    },
  ],

  // 附件2: what the joint window receives, in originals.
  materials: [
    {
      id: 'marriage-certificate',
      name: { zh: '结婚证原件', en: 'Marriage certificate (original)' },
      forItems: ['birth-certificate', 'hukou-registration'],
      citation: { file: '002', clause: '附件2 1' },
    },
    {
      id: 'parents-id-cards',
      name: { zh: '新生儿父母身份证原件', en: "Both parents' ID cards (originals)" },
      forItems: ['birth-certificate', 'hukou-registration'],
      citation: { file: '002', clause: '附件2 2' },
    },
    {
      id: 'hukou-book',
      name: { zh: '户口本（上户方）原件', en: "Registering parent's hukou book (original)" },
      forItems: ['hukou-registration'],
      citation: { file: '002', clause: '附件2 3' },
    },
    {
      id: 'birth-certificate-pages',
      name: {
        zh: '出生医学证明（正页、副页），交窗口用于户口登记',
        en: 'The birth certificate, main page and counterfoil, handed to the window for the registration',
      },
      forItems: ['hukou-registration'],
      citation: { file: '002', clause: '附件2 4' },
    },
    {
      id: 'application-form',
      name: {
        zh: '“新生儿出生一件事”联办申请表（现场签字确认）',
        en: 'The joint application form, signed at the window',
      },
      forItems: ['birth-certificate', 'hukou-registration', 'insurance-enrollment', 'social-security-card'],
      citation: { file: '002', clause: '附件2 5；附件1 注' },
    },
    {
      id: 'authorization-letter',
      name: {
        zh: '联办授权委托书（母亲委托分娩医院办理）',
        en: 'Authorization letter: the mother authorizes the hospital to handle the items',
      },
      forItems: [
        'birth-certificate',
        'vaccination-certificate',
        'hukou-registration',
        'insurance-enrollment',
        'social-security-card',
      ],
      citation: { file: '002', clause: '附件2 6；附件3' },
    },
  ],

  formFields: [
    {
      id: 'baby-name-sex',
      label: { zh: '婴儿姓名、性别', en: "Baby's name and sex" },
      citation: { file: '002', clause: '附件1 基本信息' },
    },
    {
      id: 'birth-facts',
      label: {
        zh: '出生时间、出生孕周、出生体重、出生身长、接生员',
        en: 'Time of birth, gestational weeks, weight, length, midwife',
      },
      citation: { file: '002', clause: '附件1 基本信息' },
    },
    {
      id: 'birth-place',
      label: { zh: '出生地点、分娩助产机构', en: 'Place of birth and institution' },
      citation: { file: '002', clause: '附件1 基本信息' },
    },
    {
      id: 'mother-identity',
      label: {
        zh: '母亲姓名、证件号码、出生日期、国籍、民族、籍贯',
        en: "Mother's name, ID, birth date, nationality, ethnic group, native place",
      },
      prefill: ['identity'],
      citation: { file: '002', clause: '附件1 基本信息' },
    },
    {
      id: 'mother-addresses',
      label: { zh: '母亲户籍地址、居住地址', en: "Mother's hukou and home addresses" },
      citation: { file: '002', clause: '附件1 基本信息' },
    },
    {
      id: 'father-identity',
      label: {
        zh: '父亲姓名、证件号码、出生日期、国籍、民族、籍贯',
        en: "Father's name, ID, birth date, nationality, ethnic group, native place",
      },
      citation: { file: '002', clause: '附件1 基本信息' },
    },
    {
      id: 'father-addresses',
      label: { zh: '父亲户籍地址、居住地址', en: "Father's hukou and home addresses" },
      citation: { file: '002', clause: '附件1 基本信息' },
    },
    {
      id: 'items',
      label: { zh: '需办理事项', en: 'Items to handle' },
      citation: { file: '002', clause: '附件1 需办理事项' },
    },
    {
      id: 'follow-parent',
      label: {
        zh: '婴儿户口随父亲或母亲申报、拟落户地',
        en: 'Register with father or mother; place of registration',
      },
      forItems: ['hukou-registration'],
      citation: { file: '002', clause: '附件1 户口登记' },
    },
    {
      id: 'household-head',
      label: {
        zh: '户主姓名、户主身份证号码、与户主关系',
        en: "Household head's name and ID; relation to the head",
      },
      forItems: ['hukou-registration'],
      citation: { file: '002', clause: '附件1 户口登记' },
    },
    {
      id: 'baby-native-place-ethnicity',
      label: {
        zh: '婴儿籍贯（随父）、婴儿民族（随父亲或母亲）',
        en: "Baby's native place (father's) and ethnic group (father's or mother's)",
      },
      forItems: ['hukou-registration'],
      citation: { file: '002', clause: '附件1 户口登记' },
    },
    {
      id: 'insurance-place',
      label: {
        zh: '参保地（市州、县区、乡镇街道、村社区）',
        en: 'Place of insurance down to village or community',
      },
      forItems: ['insurance-enrollment'],
      citation: { file: '002', clause: '附件1 城乡居民基本医疗保险参保登记' },
    },
    {
      id: 'card-issue',
      label: {
        zh: '发卡地、开户银行、申请人与婴儿监护关系',
        en: 'Card issuing place, bank, and guardianship relation',
      },
      forItems: ['social-security-card'],
      citation: { file: '002', clause: '附件1 社会保障卡申领' },
    },
    {
      id: 'document-flow',
      label: {
        zh: '申请材料是否需邮寄拟落户地县级政务服务中心专窗；证件领取方式；邮寄地址、收件人（限母亲）、电话',
        en: 'Whether materials go to another county’s service centre; how results are received; address, recipient (mother only), phone',
      },
      citation: { file: '002', clause: '附件1 证件流转信息' },
    },
  ],

  delivery: [
    {
      item: 'birth-certificate',
      methods: [
        {
          kind: 'pickup',
          place: {
            zh: '助产机构联办窗口当场发放',
            en: 'handed over at the hospital’s joint window on the spot',
          },
        },
      ],
      citation: { file: '002', clause: '二(四)3' },
    },
    {
      item: 'vaccination-certificate',
      methods: [
        {
          kind: 'pickup',
          place: {
            zh: '助产机构联办窗口当场发放',
            en: 'handed over at the hospital’s joint window on the spot',
          },
        },
      ],
      citation: { file: '002', clause: '二(四)3' },
    },
    {
      item: 'hukou-registration',
      methods: [
        { kind: 'mail', fee: 'unstated' },
        {
          kind: 'pickup',
          place: { zh: '县级政务服务中心专窗', en: 'the county government service centre’s window' },
        },
      ],
      citation: { file: '002', clause: '附件1 证件流转信息；二(四)4' },
    },
    {
      item: 'social-security-card',
      methods: [{ kind: 'mail', fee: 'unstated' }],
      citation: { file: '002', clause: '附件1 证件流转信息' },
    },
  ],
  // 二(四)3: the window tells everything missing at once (一次性告知); nothing stops a clock, as
  // the document sets none beyond "当场".
  supplements: { offered: true, citation: { file: '002', clause: '二(四)3' } },
  questions: [
    {
      id: 'cross-district-checkbox',
      kind: 'contradiction',
      text: {
        zh: '申请表“证件流转信息”设有“是（跨区域办理）”选项，要求将材料邮寄拟落户地县级政务服务中心；而办理对象要求在通川区落户，并规定区外户籍暂不予联办。',
        en: 'The form’s document-flow section offers “yes (cross-district)”, mailing the materials to the county centre where the baby will register; yet applicants must register in Tongchuan, and out-of-district hukou is not handled jointly.',
      },
      meanwhile: {
        zh: '平台按办理对象条款执行：落户一方为区外户籍的不予联办，不提供跨区域选项。',
        en: 'The platform follows the eligibility clause: a registering parent with out-of-district hukou is not handled jointly, and no cross-district option is offered.',
      },
      citations: [
        { file: '002', clause: '附件1 证件流转信息' },
        { file: '002', clause: '二(一)2；二(一) 末段' },
      ],
    },
  ],
  recipient: { allowed: ['mother'], citation: { file: '002', clause: '附件1 证件流转信息 收件人(限母亲)' } },

  insurance: {
    stated: false,
    note: {
      zh: '本文件未规定新生儿参保年度与待遇起算日；缴费在城乡居民医保征缴期内为正常缴费，过征缴期为核定缴费',
      en: 'This document does not say which insurance years a newborn may choose or when coverage starts; paying within the collection period is a normal payment, after it an assessed one',
    },
    citation: { file: '002', clause: '附件4 二' },
  },

  notices: [
    {
      text: {
        zh: '在助产机构“新生儿出生一件事”联办窗口提出申请，填写联办申请表和授权委托书，并核实确认所有信息；材料齐全且符合条件的，当场发放《出生医学证明》和《预防接种证》。材料不齐全或不符合条件的，窗口一次性告知。',
        en: 'Apply at the joint window in the hospital with the application form and the authorization letter; if all is in order the birth and vaccination certificates are handed over on the spot. Anything missing is told to you at once, in full.',
      },
      citation: { file: '002', clause: '二(四)2-3' },
    },
    {
      text: {
        zh: '窗口联办工作人员将办事材料（含《出生医学证明》正页、副页）交到区行政审批局政务服务大厅（乡镇中心卫生院也可到便民服务中心办理），由大厅统一完成户口登记、城乡居民参保登记、社会保障卡办理。',
        en: 'The window staff take the materials, including the birth certificate’s main page and counterfoil, to the district service hall (township health centres may use the local service centre), which handles the registration, enrollment and the card.',
      },
      citation: { file: '002', clause: '二(四)3；附件2 4' },
    },
    {
      text: {
        zh: '户口登记、医保参保登记、社保卡申领办结后，由区政务服务大厅通知现场领取或邮政寄递，并附医保缴费操作流程，请按缴费提示完成缴费。',
        en: 'When registration, enrollment and the card are done, the district service hall tells you to collect them or mails them, with instructions for paying the insurance premium.',
      },
      citation: { file: '002', clause: '二(四)4' },
    },
    {
      text: {
        zh: '医保缴费可通过“四川税务”公众号、天府银行或农业银行二维码、微信城市服务、支付宝市民中心、各银行网点或手机银行，或到参保地主管税务机关办税服务厅缴纳；缴费3个工作日后可开具缴费证明。',
        en: 'Pay the premium through the Sichuan Tax account, bank QR codes, WeChat city services, Alipay, bank branches or apps, or at the tax office; a payment certificate is available 3 working days after paying.',
      },
      citation: { file: '002', clause: '附件4 二、三' },
    },
    {
      text: {
        zh: '收到社会保障卡后，请监护人携带本人有效身份证、新生儿户口簿、出生医学证明和社会保障卡，到开户银行网点办理启用（激活）；办理社保卡时已同步生成电子社会保障卡。',
        en: "After receiving the card, the guardian brings their ID card, the baby's hukou book, the birth certificate and the card to the bank to activate it; an electronic card is issued at the same time.",
      },
      citation: { file: '002', clause: '附件1 申领须知' },
    },
    {
      text: {
        zh: '《出生医学证明》一经签发，证件上信息原则上不予变更。申请人承诺申报信息及证明材料真实有效。',
        en: 'Once issued, the birth certificate is in principle not changed. You confirm that the entries and materials are true.',
      },
      citation: { file: '002', clause: '附件1 承诺签名' },
    },
  ],
  legalBases: [
    {
      title: '达州市“新生儿出生一件事”联办专项改革方案',
      issuer: '达州市人民政府办公室',
      provision: { zh: '达市府办发〔2023〕10号', en: 'Dazhou government office, 2023 No. 10' },
      citation: { file: '002', clause: '序言' },
    },
  ],
  hotlines: [
    {
      name: { zh: '税务部门纳税缴费服务热线', en: 'Tax service hotline' },
      number: '12366',
      topic: 'payment',
      citation: { file: '002', clause: '附件4 三' },
    },
  ],
});
