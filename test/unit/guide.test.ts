import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/policies/index.ts';
import { serviceGuide } from '../../src/policy/guide.ts';

describe('the service guide (办事指南) is generated from the policy', () => {
  for (const policy of Object.values(POLICIES)) {
    const guide = serviceGuide(policy);
    it(`${policy.region}: names every condition with its clause, every item, material, notice and hotline`, () => {
      expect(guide).toContain(policy.name.zh);
      for (const r of policy.rules) {
        expect(guide).toContain(r.requirement.zh);
        expect(guide).toContain(r.citation.clause);
      }
      for (const i of policy.items) expect(guide).toContain(i.name.zh);
      for (const m of policy.materials) expect(guide).toContain(m.name.zh);
      for (const n of policy.notices) expect(guide).toContain(n.text.zh);
      for (const h of policy.hotlines) expect(guide).toContain(h.number);
    });
  }

  it('prints the Gansu efficiency table: 71 → 3 working days, 8 → 1 trips, 10 → 5 materials, 7 → 1 steps', () => {
    const guide = serviceGuide(POLICIES['gansu-lanzhou']);
    for (const row of ['| 71 | 3 |', '| 8 | 1 |', '| 10 | 5 |', '| 7 | 1 |']) expect(guide).toContain(row);
    expect(guide).toContain('0931-12345');
  });

  it('says plainly where a document sets no time limit', () => {
    expect(serviceGuide(POLICIES.anhui)).toContain('文件未规定 / not set');
    expect(serviceGuide(POLICIES.anhui)).toContain('文件未规定全案办结时限');
  });

  it('shows the Fujian scenarios, the pauses and the working-hour limits', () => {
    const guide = serviceGuide(POLICIES.fujian);
    expect(guide).toContain('情形二：已有出生医学证明的半流程办理');
    expect(guide).toContain('补件时间 supplement time');
    expect(guide).toContain('72小时（仅计工作日）');
  });
});
