import { describe, expect, it } from 'vitest';
import { RegionId } from '../../src/domain/ids.ts';
import { serves } from '../../src/domain/organisation.ts';
import { demoOrganisations } from '../../src/registries/demo-organisations.ts';
import { sampleSituation } from '../../src/registries/population.ts';

/** Under `npm start` a person plays the sample family's hospital, police and HRSS: each must exist. */
describe('the demo organisations', () => {
  it.each(RegionId.options)(
    '%s: the sample family has a hospital, a police station and an HRSS office',
    (region) => {
      const f = sampleSituation(region);
      const orgs = demoOrganisations(region);
      const birth = {
        county: f.baby.birthPlace!.divisionCode!,
        institution: f.deliveryRecord!.institutionName,
      };
      const home = { county: (f.father ?? f.mother).hukou!.divisionCode, institution: null };
      expect(orgs.filter((o) => serves(o, 'midwifery-institution', birth))).toHaveLength(1);
      expect(orgs.filter((o) => serves(o, 'police', home))).toHaveLength(1);
      expect(orgs.filter((o) => serves(o, 'hrss', home))).toHaveLength(1);
    },
  );
});
