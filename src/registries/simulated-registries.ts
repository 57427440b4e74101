import { invalidInput } from '../policy/facts.ts';
import { FamilySituation, type DeliveryRecord, type FamilySituationInput, type SharedData } from './port.ts';

/**
 * The built-in shared-data source: an in-memory registry of family situations, loaded by tests,
 * the demo data and the dev-only API. Production swaps in clients of the real registries.
 */
export interface SimulatedRegistries extends SharedData {
  load(situation: FamilySituationInput): FamilySituation;
  /** Record what a department issued, as the real registries would after the fact. */
  recordIssued(
    motherIdNumber: string,
    issued: { certificateNumber?: string; citizenIdNumber?: string },
  ): void;
  readonly size: number;
  /** The families loaded, newest first: the dev login lists their parents. */
  families(): FamilySituation[];
}

export function simulatedRegistries(): SimulatedRegistries {
  const byMother = new Map<string, FamilySituation>();
  const people = new Map<string, FamilySituation['mother']>();
  const marriages = new Map<string, NonNullable<FamilySituation['marriage']>>();

  return {
    get size() {
      return byMother.size;
    },
    families: () => [...byMother.values()].reverse(),
    load(input) {
      const parsed = FamilySituation.safeParse(input, { reportInput: true });
      if (!parsed.success) throw invalidInput(parsed.error, 'situation');
      const s = parsed.data;
      byMother.delete(s.mother.idNumber);
      byMother.set(s.mother.idNumber, s);
      people.set(s.mother.idNumber, s.mother);
      if (s.father) people.set(s.father.idNumber, s.father);
      if (s.marriage) {
        marriages.set(s.marriage.wifeIdNumber, s.marriage);
        marriages.set(s.marriage.husbandIdNumber, s.marriage);
      }
      return s;
    },
    recordIssued(motherIdNumber, issued) {
      const s = byMother.get(motherIdNumber);
      if (!s) return;
      if (issued.certificateNumber)
        s.existing.birthCertificate = { number: issued.certificateNumber, hasCounterfoil: false };
      if (issued.citizenIdNumber) s.existing.babyHukou = { idNumber: issued.citizenIdNumber };
    },
    person: async (id) => people.get(id) ?? null,
    marriageOf: async (id) => marriages.get(id) ?? null,
    async deliveryRecordOf(motherIdNumber) {
      const s = byMother.get(motherIdNumber);
      if (!s?.deliveryRecord) return null;
      const first = {
        birthOrder: s.baby.birthOrder,
        sex: s.baby.sex,
        bornAt: s.baby.bornAt,
        birthPlace: s.baby.birthPlace,
      };
      const record: DeliveryRecord = {
        motherIdNumber: s.deliveryRecord.motherIdNumber,
        institutionName: s.deliveryRecord.institutionName,
        babies: [
          first,
          ...s.siblings.map((b) => ({
            birthOrder: b.birthOrder,
            sex: b.sex,
            bornAt: b.bornAt,
            birthPlace: s.baby.birthPlace,
          })),
        ],
      };
      if (s.deliveryRecord.fatherIdNumber) record.fatherIdNumber = s.deliveryRecord.fatherIdNumber;
      return record;
    },
    eLicensesOf: async (id) => [...(byMother.get(id)?.eLicenses ?? [])],
    maternityInsuranceOf: async (id) => byMother.get(id)?.maternityInsurance ?? null,
    babyRecordsOf: async (id, birthOrder) => {
      const s = byMother.get(id);
      const own =
        birthOrder === s?.baby.birthOrder
          ? s.existing
          : s?.siblings.find((b) => b.birthOrder === birthOrder)?.existing;
      return structuredClone(own ?? { birthCertificate: null, babyHukou: null });
    },
  };
}
