import { makeCitizenId } from '../domain/citizen-id.ts';
import type { RegionId } from '../domain/ids.ts';
import type { FactsInput } from './facts.ts';

/**
 * One synthetic family per region that meets every rule of that region's policy: generated names,
 * checksum-valid ID numbers and real GB/T 2260 division codes. Never a real person's data.
 * They document the facts format (`onething example`) and are the base every rule test mutates.
 */
interface Place {
  mother: string;
  father: string;
  birth: string;
  marriage: string;
  institution: string;
}

const PLACES: Record<RegionId, Place> = {
  zibo: {
    mother: '370303',
    father: '370303',
    birth: '370303',
    marriage: '370303',
    institution: '淄博市妇幼保健院',
  },
  'gansu-lanzhou': {
    mother: '620102',
    father: '620103',
    birth: '620102',
    marriage: '620102',
    institution: '兰州市城关区助产机构（示例）',
  },
  'sichuan-tongchuan': {
    mother: '511702',
    father: '511702',
    birth: '511702',
    marriage: '511702',
    institution: '通川区助产机构（示例）',
  },
  fujian: {
    mother: '350583',
    father: '350583',
    birth: '350583',
    marriage: '350583',
    institution: '南安市助产机构（示例）',
  },
  anhui: {
    mother: '340104',
    father: '340104',
    birth: '340104',
    marriage: '340104',
    institution: '合肥市蜀山区助产机构（示例）',
  },
};

export const SAMPLE_SUBMITTED_AT = '2026-11-20T10:00:00+08:00';

export function sampleFacts(region: RegionId): FactsInput {
  const p = PLACES[region];
  const motherId = makeCitizenId(p.mother, '1995-03-08', 122);
  const fatherId = makeCitizenId(p.father, '1993-07-21', 131);
  return {
    applicant: { role: 'mother' },
    motherAuthorization: null,
    baby: {
      surname: '李',
      givenName: '安然',
      sex: 'female',
      bornAt: '2026-11-10T08:30:00+08:00',
      birthPlace: { kind: 'institution', divisionCode: p.birth, institutionName: p.institution },
    },
    mother: {
      name: '王芳',
      idNumber: motherId,
      category: 'resident',
      nationality: 'CHN',
      ethnicity: '01',
      phone: '13800000001',
      hukou: { divisionCode: p.mother, householdType: 'family', relationToHead: 'spouse' },
    },
    father: {
      name: '李强',
      idNumber: fatherId,
      category: 'resident',
      nationality: 'CHN',
      ethnicity: '01',
      phone: '13800000002',
      hukou: { divisionCode: p.father, householdType: 'family', relationToHead: 'self' },
    },
    marriage: {
      registeredOn: '2022-05-20',
      registeredDivisionCode: p.marriage,
      husbandIdNumber: fatherId,
      wifeIdNumber: motherId,
      status: 'in-force',
    },
    deliveryRecord: { motherIdNumber: motherId, fatherIdNumber: fatherId, institutionName: p.institution },
    existing: { birthCertificate: null, babyHukou: null },
    eLicenses: ['mother-id-card', 'father-id-card', 'marriage-certificate'],
    maternityInsurance: { insuredDivisionCode: p.mother, consecutiveMonths: 24 },
    fatherConfirmation: { confirmedAt: '2026-11-19T20:00:00+08:00', faceVerified: true },
    priorApplication: false,
    choices: { followParent: 'father' },
  };
}
