import type { TransferLine, TransferSheetData } from '../../src/documents/counterfoil-transfer-sheet.ts';
import type { AuthorizationLetterData } from '../../src/documents/tongchuan/authorization-letter.ts';
import type { JointApplicationFormData } from '../../src/documents/tongchuan/joint-application-form.ts';
import type { MaterialsReceiptData } from '../../src/documents/tongchuan/materials-receipt.ts';
import { signaturePng } from './signature-png.ts';

/** A Tongchuan family at the hospital's joint window, as the engine would fill the 002 附件 forms. */
export const jointForm: JointApplicationFormData = {
  caseId: 'TC-2024-000123',
  baby: {
    name: '王小川',
    sex: 'female',
    bornAt: '2024-10-05T00:30:00.000Z',
    gestationalWeeks: 39,
    weightGrams: 3250,
    lengthCm: 50,
    midwife: '刘春梅',
    birthCity: '达州市',
    birthCounty: '通川区',
    institution: '达州市中心医院',
  },
  mother: {
    name: '李秀英',
    idNumber: '511702199503124521',
    birthDate: '1995-03-12',
    nationality: '中国',
    ethnicity: '汉族',
    nativePlace: '四川达州',
    hukouAddress: '四川省达州市通川区西城街道朝阳路88号2单元301室',
    homeAddress: '四川省达州市通川区东城街道凤凰大道126号',
  },
  father: {
    name: '王建国',
    idNumber: '51170219930817361X',
    birthDate: '1993-08-17',
    nationality: '中国',
    ethnicity: '土家族',
    nativePlace: '四川宣汉',
    hukouAddress: '四川省达州市通川区西城街道朝阳路88号2单元301室',
    homeAddress: '四川省达州市通川区东城街道凤凰大道126号',
  },
  items: ['birth-certificate', 'vaccination-certificate', 'hukou-registration', 'social-security-card'],
  registration: {
    follows: 'father',
    place: '达州市通川区西城街道',
    householdHead: { name: '王建国', idNumber: '51170219930817361X', relation: '女' },
    babyNativePlace: '四川宣汉',
    babyEthnicity: '土家族',
    ethnicityFollows: 'father',
  },
  insurance: { city: '达州市', county: '通川区', township: '西城街道', village: '朝阳社区' },
  card: { city: '达州市', bank: '四川天府银行达州分行' },
  documentFlow: {
    mailToOtherCounty: false,
    resultsBy: 'mail',
    cardByMail: true,
    mailingAddress: '四川省达州市通川区东城街道凤凰大道126号',
    recipient: '李秀英',
    phone: '13800000001',
  },
  commitment: {
    motherPhone: '13800000001',
    fatherPhone: '13900000002',
    appliedOn: '2024-10-06',
    motherSignaturePng: signaturePng(240, 72, 1),
    fatherSignaturePng: signaturePng(240, 72, 2),
  },
};

export const authorizationLetter: AuthorizationLetterData = {
  grantor: { name: '李秀英', idNumber: '511702199503124521' },
  delivery: { date: '2024-10-05', hospital: '达州市中心医院' },
  baby: { name: '王小川', sex: 'female' },
  grantee: { hospital: '达州市中心医院' },
  period: { from: '2024-10-06', to: '2024-12-31' },
  grantorSignature: { imagePng: signaturePng(240, 72, 1), signedOn: '2024-10-06' },
  granteeSignature: { imagePng: signaturePng(240, 72, 3), signedOn: '2024-10-06' },
};

export const materialsReceipt: MaterialsReceiptData = {
  caseId: 'TC-2024-000123',
  applicant: '李秀英',
  baby: '王小川',
  received: [
    'marriage-certificate',
    'parents-id-cards',
    'hukou-book',
    'application-form',
    'authorization-letter',
  ],
  handedOverBy: { signaturePng: signaturePng(240, 72, 1) },
  receivedBy: { signaturePng: signaturePng(240, 72, 4) },
  date: '2024-10-06',
};

const SURNAMES = ['陈', '林', '黄', '张', '吴', '王', '郑', '刘', '蔡', '洪'];
const GIVEN = ['子涵', '梓萱', '浩然', '一诺', '欣怡', '宇轩', '雨桐', '俊杰', '诗涵', '明轩'];
const MOTHERS = ['秀兰', '丽华', '美玲', '婷婷', '晓燕', '静怡', '海燕', '雅琴', '春花', '玉珍'];

/** `n` counterfoils of a month's births in Nan'an, two hospitals, the receiver's checks on a few. */
export function counterfoils(n: number): TransferLine[] {
  return Array.from({ length: n }, (_, i) => ({
    certificateNumber: `Q35${String(1204500 + i * 7).padStart(8, '0')}`,
    babyName: `${SURNAMES[i % 10]}${GIVEN[(i * 3) % 10]}`,
    sex: i % 2 ? 'male' : 'female',
    birthDate: `2024-10-${String((i % 28) + 1).padStart(2, '0')}`,
    motherName: `${SURNAMES[(i + 4) % 10]}${MOTHERS[i % 10]}`,
    registeringCounty: i % 5 === 4 ? '泉州市鲤城区' : '泉州市南安市',
    institution: i % 3 ? '南安市医院' : '南安市妇幼保健院',
    acknowledged: i !== 2,
    ...(i === 2 ? { check: { status: 'missing' as const, note: '未见副页' } } : {}),
    ...(i === 5
      ? { check: { status: 'mismatched' as const, note: '母亲姓名与副页不符（副页为林丽花）' } }
      : {}),
    ...(i !== 2 && i !== 5 ? { check: { status: 'received' as const } } : {}),
  }));
}

/** Fujian 003 附件1 三(一)2: the health bureau hands the hospitals' counterfoils to the police. */
export const fujianTransfer: TransferSheetData = {
  title: '泉州市《出生医学证明》副页（户口联）移交记录表',
  route: ['南安市医院', '南安市卫生健康局', '南安市公安局'],
  leg: 1,
  county: '南安市',
  period: { from: '2024-10-01', to: '2024-10-31' },
  handedOverOn: '2024-11-08',
  reason: '“新生儿出生一件事”线上办理，副页定期移交',
  lines: counterfoils(34),
  sender: { person: '林晓', signaturePng: signaturePng(240, 72, 5), signedOn: '2024-11-08' },
  receiver: { person: '陈明', signaturePng: signaturePng(240, 72, 6), signedOn: '2024-11-08' },
};

/** Zibo 000 四(一): last month's second copies for one county, posted to its police's hukou section. */
export const ziboTransfer: TransferSheetData = {
  title: '出生医学证明第二联明细表',
  route: ['淄博市妇幼保健院', '张店区公安分局户籍科'],
  county: '张店区',
  period: { from: '2024-10-01', to: '2024-10-31' },
  lines: counterfoils(6).map(({ institution: _i, acknowledged: _a, check: _c, ...l }) => ({
    ...l,
    registeringCounty: '淄博市张店区',
  })),
};
