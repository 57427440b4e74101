import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import { makeCitizenId } from '../../src/domain/citizen-id.ts';
import { AppError } from '../../src/domain/error.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { evaluate } from '../../src/policy/evaluate.ts';
import { parseFacts } from '../../src/policy/facts.ts';
import { sampleFacts } from '../../src/policy/sample-facts.ts';
import type { Policy } from '../../src/policy/schema.ts';

const calendar = officialCalendar();
// Divisions in and around the five regions, so that every rule is exercised both ways.
const division = fc.constantFrom(
  '370303',
  '370102',
  '620102',
  '610102',
  '511702',
  '511703',
  '350583',
  '350503',
  '330102',
  '340104',
  '320102',
  '110105',
);
const day = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const undef = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);

const parent = fc.record({
  name: fc.constantFrom('王芳', '李强', '张伟', '刘洋'),
  idNumber: fc
    .tuple(division, day('1960-01-01', '2006-12-31'), fc.integer({ min: 0, max: 999 }))
    .map(([d, b, s]) => makeCitizenId(d, b, s)),
  category: fc.constantFrom(
    'resident',
    'military',
    'student',
    'hk-macau-taiwan',
    'overseas-chinese',
    'foreigner',
  ),
  nationality: fc.constantFrom('CHN', 'CHN', 'CHN', 'SGP'),
  ethnicity: fc.constantFrom('01', '01', '03', '22'),
  hukou: fc.option(
    fc.record({
      divisionCode: division,
      householdType: fc.constantFrom('family', 'collective', 'student-collective'),
      relationToHead: fc.constantFrom(
        'self',
        'spouse',
        'child',
        'child-in-law',
        'parent',
        'grandparent',
        'grandchild',
        'sibling',
        'other',
      ),
    }),
    { nil: null },
  ),
});

function choicesFor(policy: Policy) {
  return fc.record({
    followParent: fc.constantFrom('mother', 'father'),
    packageId: policy.packages.length
      ? undef(fc.constantFrom(...policy.packages.map((p) => p.id)))
      : fc.constant(undefined),
    items: undef(subset(policy.items.map((i) => i.id))),
    scenario: undef(fc.constantFrom('full', 'has-birth-certificate', 'has-hukou-book')),
    insuranceYears: undef(subset(['current', 'next'] as const)),
    insuranceDivisionCode: undef(division),
    paymentDate: undef(day('2024-01-01', '2027-12-31')),
    recipient: policy.recipient
      ? undef(fc.constantFrom(...policy.recipient.allowed))
      : fc.constant(undefined),
    delivery: fc
      .tuple(...policy.delivery.map((d) => undef(fc.constantFrom(...d.methods.map((m) => m.kind)))))
      .map((kinds) =>
        Object.fromEntries(policy.delivery.flatMap((d, i) => (kinds[i] ? [[d.item, kinds[i]]] : []))),
      ),
  });
}

function wildFacts(policy: Policy) {
  return fc
    .record({
      at: fc.date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2026-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      ageDays: fc.integer({ min: 0, max: 500 }),
      mother: parent,
      father: fc.option(parent, { nil: null }),
      role: fc.constantFrom('mother', 'father'),
      authorized: fc.boolean(),
      birthKind: fc.constantFrom('institution', 'institution', 'home', 'en-route'),
      broughtIn: fc.boolean(),
      birthDivision: division,
      named: fc.boolean(),
      marriage: fc.option(
        fc.record({
          registeredOn: day('2010-01-01', '2026-12-31'),
          registeredDivisionCode: division,
          status: fc.constantFrom('in-force', 'in-force', 'divorced'),
          divorcedOn: undef(day('2015-01-01', '2026-12-31')),
          matches: fc.boolean(),
        }),
        { nil: null },
      ),
      delivery: fc.constantFrom('match', 'other', 'none'),
      certificate: fc.option(fc.boolean(), { nil: null }),
      babyHukou: fc.boolean(),
      eLicenses: subset([
        'mother-id-card',
        'father-id-card',
        'marriage-certificate',
        'hukou-book',
        'birth-certificate',
      ] as const),
      priorApplication: fc.boolean(),
      choices: choicesFor(policy),
    })
    .map((g) => {
      const bornAt = new Date(g.at.getTime() - g.ageDays * 86_400_000);
      const otherId = makeCitizenId('110105', '1980-01-01', 7);
      return {
        at: g.at,
        facts: {
          applicant: { role: g.role },
          motherAuthorization: g.authorized ? { grantee: g.role, signedAt: g.at.toISOString() } : null,
          baby: {
            surname: g.named ? '李' : '',
            givenName: g.named ? '安' : '',
            sex: 'male',
            bornAt: bornAt.toISOString(),
            birthPlace: {
              kind: g.birthKind,
              divisionCode: g.birthDivision,
              broughtToInstitution: g.broughtIn,
            },
          },
          mother: g.mother,
          father: g.father,
          marriage: g.marriage && {
            registeredOn: g.marriage.registeredOn,
            registeredDivisionCode: g.marriage.registeredDivisionCode,
            status: g.marriage.status,
            ...(g.marriage.divorcedOn ? { divorcedOn: g.marriage.divorcedOn } : {}),
            wifeIdNumber: g.marriage.matches ? g.mother.idNumber : otherId,
            husbandIdNumber: g.marriage.matches && g.father ? g.father.idNumber : otherId,
          },
          deliveryRecord:
            g.delivery === 'none'
              ? null
              : {
                  motherIdNumber: g.delivery === 'match' ? g.mother.idNumber : otherId,
                  institutionName: '示例助产机构',
                },
          existing: {
            birthCertificate: g.certificate === null ? null : { number: 'X1', hasCounterfoil: g.certificate },
            babyHukou: g.babyHukou ? { idNumber: otherId } : null,
          },
          eLicenses: g.eLicenses,
          priorApplication: g.priorApplication,
          choices: g.choices,
        },
      };
    });
}

/**
 * The region's eligible sample family with a few random changes: most runs stay close to
 * eligibility, so the plan's invariants are exercised, not only the refusals.
 */
const PERTURBATIONS: ((f: ReturnType<typeof sampleFacts>) => void)[] = [
  (f) => {
    f.father!.category = 'military';
  },
  (f) => {
    f.mother.category = 'student';
  },
  (f) => {
    f.father!.hukou!.householdType = 'collective';
  },
  (f) => {
    f.mother.hukou!.householdType = 'student-collective';
  },
  (f) => {
    f.father!.hukou!.divisionCode = '110105';
  },
  (f) => {
    f.father!.ethnicity = '03';
  },
  (f) => {
    f.father!.hukou!.relationToHead = 'sibling';
  },
  (f) => {
    f.baby.givenName = '';
  },
  (f) => {
    f.marriage = null;
  },
  (f) => {
    f.deliveryRecord = null;
  },
  (f) => {
    f.eLicenses = [];
  },
  (f) => {
    f.existing = { birthCertificate: { number: 'X1', hasCounterfoil: true }, babyHukou: null };
  },
  (f) => {
    f.existing = {
      birthCertificate: null,
      babyHukou: { idNumber: makeCitizenId('110105', '2026-01-01', 8) },
    };
  },
  (f) => {
    f.applicant = { role: 'father' };
    f.motherAuthorization = { grantee: 'father', signedAt: '2026-01-01T00:00:00Z' };
  },
];

function nearSample(policy: Policy) {
  return fc
    .record({
      at: fc.date({
        min: new Date('2024-02-01T00:00:00Z'),
        max: new Date('2026-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      // Mostly young babies: Zibo's window is six months.
      ageDays: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 60 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }) },
      ),
      changes: fc.subarray(
        PERTURBATIONS.map((_, i) => i),
        { maxLength: 2 },
      ),
      choices: choicesFor(policy),
      keepInsurancePlace: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    })
    .map(({ at, ageDays, changes, choices, keepInsurancePlace }) => {
      const facts = structuredClone(sampleFacts(policy.region));
      facts.baby.bornAt = new Date(at.getTime() - ageDays * 86_400_000).toISOString();
      for (const i of changes) PERTURBATIONS[i]!(facts);
      facts.choices = {
        ...choices,
        insuranceDivisionCode: keepInsurancePlace ? choices.insuranceDivisionCode : undefined,
      };
      return { at, facts };
    });
}

function factsFor(policy: Policy) {
  return fc.oneof(wildFacts(policy), nearSample(policy), nearSample(policy));
}

describe('the evaluator on arbitrary facts', () => {
  for (const policy of Object.values(POLICIES)) {
    it(`${policy.region}: never throws on facts that pass the schema, and its results hold together`, () => {
      const outcomes = { eligible: 0, refused: 0 };
      fc.assert(
        fc.property(factsFor(policy), ({ facts, at }) => {
          const r = evaluate({ policy, facts: parseFacts(facts), at, calendar });
          outcomes[r.eligible ? 'eligible' : 'refused']++;
          const sources = policy.sources.map((s) => s.file);
          for (const f of r.findings) {
            expect(sources).toContain(f.citation.file);
            if (f.outcome === 'failed') expect(f.reason && f.remedy).toBeTruthy();
          }
          const refused = r.findings.some(
            (f) => f.scope === 'case' && f.effect === 'refuse' && f.outcome === 'failed',
          );
          if (refused) expect(r.eligible).toBe(false);
          if (!r.eligible) expect(r.plan).toEqual([]);
          if (r.eligible) {
            expect(r.plan.length).toBeGreaterThan(0);
            const seen = new Set<string>();
            for (const p of r.plan) {
              for (const d of p.dependsOn) expect(seen.has(d), `${p.id} after ${d}`).toBe(true);
              seen.add(p.id);
            }
            // Every item is planned, offered as a service, or left out with a reason: exactly once.
            const accounted = [...r.plan, ...r.services, ...r.leftOut].map((x) => x.id);
            expect(accounted.sort()).toEqual(policy.items.map((i) => i.id).sort());
            for (const m of policy.mandatory?.items ?? [])
              if (r.scenario.id === 'full') expect(seen.has(m)).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
      // Both ways, or the invariants above say nothing.
      expect(outcomes.eligible).toBeGreaterThanOrEqual(10);
      expect(outcomes.refused).toBeGreaterThan(20);
    });
  }

  it('any input whatsoever is either facts or an INVALID_INPUT error naming a field, nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ applicant: fc.anything(), baby: fc.anything(), choices: fc.anything() }),
        ),
        (input) => {
          try {
            parseFacts(input);
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).code).toBe('INVALID_INPUT');
            expect((e as AppError).details.issues!.length).toBeGreaterThan(0);
            expect((e as AppError).messages.zh.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
