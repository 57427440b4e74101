import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/policies/index.ts';
import { citationText } from '../../src/policy/citation-text.ts';
import { conditionText, policyNames } from '../../src/policy/condition-text.ts';
import { GUIDE_FIELDS, NOT_IN_GUIDE, serviceGuide } from '../../src/policy/guide/index.ts';
import { PolicyInput, type Policy } from '../../src/policy/schema.ts';
import { codeNamesIn, codePattern, conditionsOf, textsOf } from '../support/policy-walk.ts';

describe('the service guide (办事指南) is generated from the rules alone', () => {
  for (const policy of Object.values(POLICIES)) {
    const sut = serviceGuide(policy);
    const names = policyNames(policy);

    it(`${policy.region}: each rule shows its own condition, rendered from the data, with its clause`, () => {
      expect(sut).toContain(policy.name.zh);
      for (const r of policy.rules) {
        expect(sut).toContain(r.requirement.zh);
        for (const c of [r.require, r.appliesWhen]) {
          if (!c) continue;
          const t = conditionText(c, names);
          expect(sut, r.id).toContain(`${t.zh} / ${t.en}`);
        }
        expect(sut).toContain(citationText(policy, r.citation));
      }
    });

    it(`${policy.region}: every condition anywhere in the policy is in the guide`, () => {
      for (const c of conditionsOf(policy)) expect(sut).toContain(conditionText(c, names).zh);
    });

    it(`${policy.region}: no division code, file number or id reaches the reader`, () => {
      const codes = [...codeNamesIn(policy), ...policy.sources.map((s) => s.file)];
      expect(codes).toContain(policy.items[0]!.id);
      // A code that the policy's own prose uses as words (“the form's document-flow section”) may appear.
      const prose = textsOf(policy);
      for (const code of codes)
        if (!prose.some((t) => codePattern(code).test(t))) expect(sut, code).not.toMatch(codePattern(code));
    });

    it(`${policy.region}: names every item, material, notice and hotline`, () => {
      for (const i of policy.items) expect(sut).toContain(i.name.zh);
      for (const m of policy.materials) expect(sut).toContain(m.name.zh);
      for (const n of policy.notices) expect(sut).toContain(n.text.zh);
      for (const h of policy.hotlines) expect(sut).toContain(h.number);
    });
  }

  it('every field of the schema is shown by a section of the guide, or left out with a reason', () => {
    const shown = new Set([...GUIDE_FIELDS, ...Object.keys(NOT_IN_GUIDE)]);
    const fields = schemaFields();
    for (const f of fields)
      expect(
        shown.has(f),
        `the policy schema has '${f}', which the guide does not show: render it in a section of src/policy/guide/ ` +
          `and name it in that section's \`shows\`, or add it to NOT_IN_GUIDE with the reason`,
      ).toBe(true);
    for (const f of shown) expect(fields, `'${f}' is no longer in the schema`).toContain(f);
  });

  it('changing a rule’s data changes the guide: it cannot say one thing while the platform runs another', () => {
    const gansu = POLICIES['gansu-lanzhou'];
    const before = serviceGuide(gansu);
    const copy: Policy = structuredClone(gansu);
    const rule = copy.rules.find((r) => 'is' in r.require && r.require.is === 'baby-age-under-months')!;
    rule.require = { is: 'baby-age-under-months', months: 7 };
    if (copy.insurance.stated) copy.insurance.window = { days: 60, saysInclusive: true };
    copy.items[0]!.sla = { unit: 'working-days', value: 4, citation: copy.items[0]!.citation };
    const after = serviceGuide(copy);
    expect(after).not.toBe(before);
    expect(before).not.toContain('新生儿未满7个月');
    expect(after).toContain('新生儿未满7个月 / the baby is under 7 months old');
    expect(after).toContain('即出生之日起60天（含）内');
    expect(after).toContain('4个工作日 / 4 working days');
  });

  it('a citation is the document’s title, its 文号 where it has one, and the clause', () => {
    expect(serviceGuide(POLICIES.anhui)).toContain(
      '《安徽省高效办成新生儿出生“一件事”实施方案》（皖卫妇幼秘〔2024〕51号）二(三)',
    );
    // The Lanzhou plan has no number of its own.
    expect(serviceGuide(POLICIES['gansu-lanzhou'])).toContain(
      '《兰州市新生儿出生服务“高效办成一件事”工作方案》五(一)',
    );
  });

  it('prints the Gansu efficiency table: 71 → 3 working days, 8 → 1 trips, 10 → 5 materials, 7 → 1 steps', () => {
    const sut = serviceGuide(POLICIES['gansu-lanzhou']);
    for (const row of ['| 71 | 3 |', '| 8 | 1 |', '| 10 | 5 |', '| 7 | 1 |']) expect(sut).toContain(row);
    expect(sut).toContain('0931-12345');
  });

  it('says plainly where a document sets no time limit', () => {
    expect(serviceGuide(POLICIES.anhui)).toContain('文件未规定时限 / no time limit in the documents');
    expect(serviceGuide(POLICIES.anhui)).toContain('**全案办结时限 / The whole case**：文件未规定');
  });

  it('fujian: the scenarios by name, which scenarios a rule applies in, the pauses and the working-hour limits', () => {
    const sut = serviceGuide(POLICIES.fujian);
    expect(sut).toContain('情形二：已有出生医学证明的半流程办理');
    expect(sut).toContain(
      '**适用情形 / Scenarios**：情形一：全流程办理、情形二：已有出生医学证明的半流程办理 / Scenario 1: full process; Scenario 2: half process, certificate already held',
    );
    expect(sut).toContain('补件时间、寄件时间');
    expect(sut).toContain('72小时（仅计工作日）');
  });

  it('places read by name: zibo mails only within 山东省', () => {
    expect(serviceGuide(POLICIES.zibo)).toContain('**仅邮寄至 / Mailed only within**：山东省 / Shandong');
  });
});

/**
 * The schema's fields as the guide names them: a field, or for a field of objects (or a list of
 * them) each of their fields, 'items.kind'. Bilingual texts and unions count as one field.
 */
function schemaFields(): string[] {
  type Def = { type: string; innerType?: Schema; element?: Schema; shape?: Record<string, Schema> };
  type Schema = { _zod: { def: Def } };
  const shapeOf = (schema: Schema): Record<string, Schema> | null => {
    let s = schema;
    for (;;) {
      const def = s._zod.def;
      if (def.innerType && ['optional', 'default', 'prefault', 'nullable'].includes(def.type))
        s = def.innerType;
      else if (def.type === 'array' && def.element) s = def.element;
      else if (def.type === 'object' && def.shape) return def.shape;
      else return null;
    }
  };
  return Object.entries(PolicyInput.shape as unknown as Record<string, Schema>).flatMap(([key, schema]) => {
    const shape = shapeOf(schema);
    const sub = shape ? Object.keys(shape) : [];
    const bilingual = sub.length === 2 && sub.includes('zh') && sub.includes('en');
    return shape && !bilingual ? sub.map((f) => `${key}.${f}`) : [key];
  });
}
