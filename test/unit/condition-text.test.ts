import { describe, expect, it } from 'vitest';
import { divisionName, hasEnglishName, placeName } from '../../src/domain/place-names.ts';
import { POLICIES } from '../../src/policies/index.ts';
import { citationText } from '../../src/policy/citation-text.ts';
import {
  conditionText,
  hasPhrase,
  policyNames,
  scenariosWhere,
  type ConditionNames,
} from '../../src/policy/condition-text.ts';
import { PREDICATES } from '../../src/policy/predicates.ts';
import { codeNamesIn, codePattern, conditionsOf, divisionCodesOf } from '../support/policy-walk.ts';

const fujian = POLICIES.fujian;
const names: ConditionNames = policyNames(fujian);

describe('a condition reads as the evaluator runs it, Chinese then English', () => {
  it('every predicate in predicates.ts has a phrase', () => {
    for (const p of PREDICATES)
      expect(
        hasPhrase(p.name),
        `add a phrase for the predicate '${p.name}' (${p.summary}) to PHRASES in src/policy/condition-text.ts: ` +
          `'${p.name}': (a, x) => ({ zh: '…', en: '…' }), reading its arguments; a predicate about parents asks x.who(a.who)`,
      ).toBe(true);
  });

  it('a parent predicate names the parents and the place', () => {
    const sut = conditionText({ is: 'parent-hukou-within', who: 'at-least-one', divisions: ['62'] }, names);
    expect(sut).toEqual({ zh: '父母至少一方户籍在甘肃省', en: "at least one parent's hukou is in Gansu" });
  });

  it('not negates the parents where it can: not (at least one) is neither', () => {
    const sut = conditionText(
      {
        not: { is: 'parent-category-in', who: 'at-least-one', categories: ['hk-macau-taiwan', 'foreigner'] },
      },
      names,
    );
    expect(sut).toEqual({
      zh: '父母双方均不属于港澳台居民或外国人',
      en: 'neither parent is a Hong Kong, Macau or Taiwan resident or a foreigner',
    });
  });

  it('not of one named parent puts 不 before the verb', () => {
    const sut = conditionText(
      { not: { is: 'parent-category-in', who: 'registering', categories: ['military'] } },
      names,
    );
    expect(sut.zh).toBe('新生儿随其落户的一方不属于现役军人');
    expect(sut.en).toBe('the parent the baby registers with is not a serving member of the armed forces');
  });

  it('not of “exactly one”, which has no plain negative, says 并非', () => {
    const sut = conditionText(
      { not: { is: 'parent-hukou-within', who: 'exactly-one', divisions: ['35'] } },
      names,
    );
    expect(sut.zh).toBe('并非父母仅一方户籍在福建省');
    expect(sut.en).toBe("it is not the case that exactly one parent's hukou is in Fujian");
  });

  it('scenarios and items read by the policy’s own names', () => {
    expect(conditionText({ not: { is: 'scenario-in', scenarios: ['has-hukou-book'] } }, names).zh).toBe(
      '办理情形不是“情形三：已有户口簿的半流程办理”',
    );
    expect(
      conditionText({ is: 'delivery-chosen', item: 'social-security-card', method: 'mail' }, names).zh,
    ).toBe('“新生儿社会保障卡办理”选择邮寄');
  });

  it('all and any join their parts, and a nested group is bracketed', () => {
    const sut = conditionText(
      {
        all: [
          { is: 'marriage-on-record' },
          { any: [{ is: 'baby-named' }, { is: 'parents-same-ethnicity' }] },
        ],
      },
      names,
    );
    expect(sut.zh).toBe('婚姻登记信息中有父母双方的结婚登记，且（新生儿已取好姓和名，或父母双方民族相同）');
    expect(sut.en).toBe(
      "the marriage registry holds the parents' marriage; and (the baby has a surname and a given name; or both parents are of the same ethnic group)",
    );
  });

  it('the newborn insurance window reads from the policy’s insurance terms', () => {
    const sut = conditionText({ is: 'within-insurance-window' }, policyNames(POLICIES['gansu-lanzhou']));
    expect(sut.zh).toContain('出生之日起90天（含）内');
  });

  it('fujian 附件2 一(二): the rule on the local parent does not apply in scenario 3', () => {
    const rule = fujian.rules.find((r) => r.id === 'follow-the-local-parent')!;
    expect(scenariosWhere(rule.appliesWhen, fujian.scenarios).map((s) => s.id)).toEqual([
      'full',
      'has-birth-certificate',
    ]);
    expect(scenariosWhere(undefined, fujian.scenarios)).toHaveLength(3);
  });

  for (const policy of Object.values(POLICIES)) {
    it(`${policy.region}: every condition renders without a code: no division, item, scenario or predicate id`, () => {
      const own = policyNames(policy);
      const conditions = conditionsOf(policy);
      expect(conditions.length).toBeGreaterThan(0);
      for (const c of conditions) {
        const t = conditionText(c, own);
        for (const code of codeNamesIn(c))
          for (const text of [t.zh, t.en])
            expect(text, `${code} in ${JSON.stringify(c)}`).not.toMatch(codePattern(code));
        for (const text of [t.zh, t.en])
          expect(text).not.toMatch(/未译条件|without a phrase|未知区划|unknown division/);
      }
    });
  }
});

describe('places read by name, never by code', () => {
  it.each([
    ['62', '甘肃省', 'Gansu'],
    ['3703', '淄博市', 'Zibo'],
    ['350583', '南安市', "Nan'an"],
    ['511702', '达州市通川区', 'Tongchuan District, Dazhou'],
    ['81', '香港特别行政区', 'Hong Kong'],
  ])('%s → %s / %s', (code, zh, en) => {
    expect(divisionName(code)).toEqual({ zh, en });
  });

  it('the PDFs keep their full names: 福建省 泉州市 南安市', () => {
    expect(placeName('350583')).toBe('福建省 泉州市 南安市');
    expect(placeName(null)).toBe('');
  });

  for (const policy of Object.values(POLICIES))
    it(`${policy.region}: every division the policy names has an English name`, () => {
      for (const code of divisionCodesOf(policy))
        expect(
          hasEnglishName(code),
          `add '${code}': '…' (${divisionName(code).zh}) to ENGLISH_NAMES in src/domain/place-names.ts`,
        ).toBe(true);
    });
});

describe('a citation names the document, its number and the clause', () => {
  const policy = {
    sources: [
      {
        file: '001',
        title: '兰州市新生儿出生服务“高效办成一件事”工作方案',
        number: '甘卫法监函〔2024〕183号',
      },
      { file: '002', title: '方案；办事指南' },
    ],
  };
  it('title, 文号, clause', () => {
    expect(citationText(policy, { file: '001', clause: '五(一)' })).toBe(
      '《兰州市新生儿出生服务“高效办成一件事”工作方案》（甘卫法监函〔2024〕183号）五(一)',
    );
  });
  it('without a number, the title and clause; a bundle of documents, each in its own marks', () => {
    expect(citationText(policy, { file: '002', clause: '一' })).toBe('《方案》《办事指南》一');
  });
  it('a file the policy does not declare reads as its clause alone', () => {
    expect(citationText(policy, { file: '003', clause: '二' })).toBe('二');
  });
});
