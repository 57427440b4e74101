import { makeCitizenId } from '../domain/citizen-id.ts';
import type { ParentRole, RegionId } from '../domain/ids.ts';
import { addDays, beijingDate } from '../domain/local-date.ts';
import { seededRandom, type Random } from '../domain/random.ts';
import type { FactsInput } from '../policy/facts.ts';
import { POLICIES } from '../policies/index.ts';
import { sampleFacts } from '../policy/sample-facts.ts';
import type { FamilySituationInput } from './port.ts';

/**
 * A synthetic population: generated names, checksum-valid ID numbers, real GB/T 2260 division
 * codes and, for Zibo, the hospital names the seed lists. Never a real person. Most families
 * qualify; a share carries one of the situations the policies refuse, so every path is exercised.
 */
export const AREAS: Record<RegionId, { divisions: string[]; outside: string; institutions: string[] }> = {
  zibo: {
    divisions: ['370302', '370303', '370304', '370305', '370306', '370321', '370322', '370323'],
    outside: '370102',
    // 000 附件2: the certificate-issuing institutions.
    institutions: [
      '淄博市中心医院',
      '淄博市妇幼保健院',
      '张店区人民医院',
      '淄博市第一医院',
      '临淄区人民医院',
      '桓台县人民医院',
      '高青县人民医院',
      '沂源县人民医院',
      '周村区医院',
      '淄川区医院',
    ],
  },
  'gansu-lanzhou': {
    divisions: ['620102', '620103', '620104', '620105', '620111', '620121'],
    outside: '610102',
    institutions: ['兰州市城关区助产机构（示例）', '兰州市七里河区助产机构（示例）'],
  },
  'sichuan-tongchuan': { divisions: ['511702'], outside: '511703', institutions: ['通川区助产机构（示例）'] },
  fujian: {
    divisions: ['350583', '350502', '350503', '350104', '350102'],
    outside: '330102',
    institutions: ['南安市助产机构（示例）', '泉州市助产机构（示例）', '福州市助产机构（示例）'],
  },
  anhui: {
    divisions: ['340102', '340103', '340104', '340111', '340202'],
    outside: '320102',
    institutions: ['合肥市蜀山区助产机构（示例）', '芜湖市助产机构（示例）'],
  },
};

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const GIVEN = [
  '安',
  '然',
  '宇',
  '涵',
  '欣',
  '怡',
  '子',
  '轩',
  '诗',
  '雨',
  '浩',
  '晨',
  '梓',
  '萱',
  '一',
  '诺',
  '思',
  '远',
  '嘉',
  '禾',
];

export interface GeneratedFamily {
  situation: FamilySituationInput;
  /** What the parents choose when they apply. */
  choices: FactsInput['choices'];
  applicant: { role: ParentRole; idNumber: string };
  baby: {
    surname: string;
    givenName: string;
    sex: 'male' | 'female';
    bornAt: string;
    birthPlace: { kind: 'institution'; divisionCode: string; institutionName: string };
  };
  /** Which refusal the family was built to meet, if any. */
  trait: string;
}

/** Families whose babies are born on or before `bornBy`, none more than `maxAgeDays` earlier. */
export function generateFamilies(
  region: RegionId,
  count: number,
  options: { seed: number | string; bornBy: Date; maxAgeDays?: number; refusedShare?: number },
): GeneratedFamily[] {
  const random = seededRandom(`${options.seed}:${region}:population`);
  const out: GeneratedFamily[] = [];
  for (let i = 0; i < count; i++)
    out.push(
      family(region, i, random, options.bornBy, options.maxAgeDays ?? 20, options.refusedShare ?? 0.12),
    );
  return out;
}

const TRAITS: { name: string; apply: (s: FamilySituationInput, outside: string) => void }[] = [
  {
    name: 'unmarried',
    apply: (s) => {
      s.marriage = null;
    },
  },
  {
    name: 'born-outside',
    apply: (s, outside) => {
      s.baby.birthPlace.divisionCode = outside;
    },
  },
  {
    name: 'parents-outside',
    apply: (s, outside) => {
      s.mother.hukou!.divisionCode = outside;
      s.father!.hukou!.divisionCode = outside;
    },
  },
  {
    name: 'serviceman-father',
    apply: (s) => {
      s.father!.category = 'military';
    },
  },
  {
    name: 'different-ethnicity',
    apply: (s) => {
      s.father!.ethnicity = '03';
    },
  },
  {
    name: 'no-delivery-record',
    apply: (s) => {
      s.deliveryRecord = null;
    },
  },
];

function family(
  region: RegionId,
  i: number,
  random: Random,
  bornBy: Date,
  maxAgeDays: number,
  refusedShare: number,
): GeneratedFamily {
  const area = AREAS[region];
  const home = random.pick(area.divisions);
  const bornAt = new Date(bornBy.getTime() - random.int(0, maxAgeDays * 24 * 60) * 60_000);
  const birthDate = beijingDate(bornAt);
  const motherBirth = addDays(birthDate, -random.int(22 * 365, 38 * 365));
  const fatherBirth = addDays(birthDate, -random.int(23 * 365, 42 * 365));
  const motherId = makeCitizenId(home, motherBirth, (i % 499) * 2);
  const fatherId = makeCitizenId(random.pick(area.divisions), fatherBirth, (i % 499) * 2 + 1);
  const surname = random.pick(SURNAMES);
  const sex = random.chance(0.51) ? 'male' : 'female';
  const institution = random.pick(area.institutions);
  const situation: FamilySituationInput = {
    baby: {
      sex,
      bornAt: bornAt.toISOString(),
      birthPlace: { kind: 'institution', divisionCode: home, institutionName: institution },
    },
    mother: {
      name: random.pick(SURNAMES) + random.pick(GIVEN) + random.pick(GIVEN),
      idNumber: motherId,
      ethnicity: '01',
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      hukou: { divisionCode: home, householdType: 'family', relationToHead: 'spouse' },
    },
    father: {
      name: surname + random.pick(GIVEN) + random.pick(GIVEN),
      idNumber: fatherId,
      ethnicity: '01',
      phone: `138${String(10_000_000 + i).slice(-8)}`,
      hukou: { divisionCode: home, householdType: 'family', relationToHead: 'self' },
    },
    marriage: {
      registeredOn: addDays(birthDate, -random.int(300, 3000)),
      registeredDivisionCode: home,
      husbandIdNumber: fatherId,
      wifeIdNumber: motherId,
      status: 'in-force',
    },
    deliveryRecord: { motherIdNumber: motherId, fatherIdNumber: fatherId, institutionName: institution },
    existing: { birthCertificate: null, babyHukou: null },
    eLicenses: random.chance(0.9)
      ? ['mother-id-card', 'father-id-card', 'marriage-certificate']
      : ['mother-id-card'],
    maternityInsurance: random.chance(0.8)
      ? { insuredDivisionCode: home, consecutiveMonths: random.int(6, 60) }
      : null,
  };
  let trait = 'none';
  if (random.chance(refusedShare)) {
    const t = random.pick(TRAITS);
    t.apply(situation, area.outside);
    trait = t.name;
  }
  return {
    situation,
    applicant: { role: 'mother', idNumber: motherId },
    // The parents know the birth facts too; they are used only when no delivery record is shared.
    baby: {
      surname,
      givenName: random.pick(GIVEN) + (random.chance(0.5) ? random.pick(GIVEN) : ''),
      sex,
      bornAt: bornAt.toISOString(),
      birthPlace: { kind: 'institution', divisionCode: home, institutionName: institution },
    },
    choices: {
      followParent: 'father',
      recipient:
        POLICIES[region].recipient?.allowed.includes('mother') === false
          ? POLICIES[region].recipient!.allowed[0]
          : 'mother',
      delivery: Object.fromEntries(
        POLICIES[region].delivery.map((d) => [d.item, random.pick(d.methods).kind]),
      ),
    },
    trait,
  };
}

/** A region's sample family as the registries hold it: the sample facts without the applicant's part. */
export function sampleSituation(region: RegionId): FamilySituationInput {
  const f = sampleFacts(region);
  return {
    baby: f.baby,
    mother: f.mother,
    father: f.father,
    marriage: f.marriage,
    deliveryRecord: f.deliveryRecord,
    existing: f.existing,
    eLicenses: f.eLicenses,
    maternityInsurance: f.maternityInsurance,
  };
}
