import { describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../../src/departments/index.ts';
import {
  DEFAULT_SIMULATOR_OPTIONS,
  simulateDepartment,
  type DepartmentTask,
} from '../../src/departments/port.ts';

const task: DepartmentTask = {
  taskId: 'A-1:hukou-registration:1',
  caseId: 'A-1',
  item: 'hukou-registration',
  attempt: 1,
  department: 'cross-province-platform',
  region: 'anhui',
  deadline: null,
  fields: {
    baby: { sex: 'female', bornAt: '2026-09-26T08:00:00+08:00' },
    registering: { hukouDivisionCode: '320102' },
    handOff: { province: '32', department: 'police' },
  },
};

describe('the cross-province platform simulator (跨省通办)', () => {
  it('acknowledges under its own case number first, then returns the decision of the department there', async () => {
    const now = new Date('2026-09-29T10:00:00+08:00');
    const sim = simulateDepartment(DEPARTMENTS['cross-province-platform'], {
      ...DEFAULT_SIMULATOR_OPTIONS,
      seed: 7,
      now: () => now,
      rejectionRate: 0,
      supplementRate: 0,
      transientFaultRate: 0,
    });
    await sim.submit(task, task.taskId);
    await sim.submit(task, task.taskId); // a repeated call creates nothing new
    const decisions = await sim.due(new Date('2026-12-31T00:00:00+08:00'));
    expect(decisions.map((d) => d.outcome)).toEqual(['accepted', 'done']);
    expect(decisions[0]!.remoteCaseId).toMatch(/^32\d{8}$/);
    // The police there issue the baby's number in the registering parent's division.
    expect(decisions[1]!.outputs!.citizenIdNumber).toMatch(/^320102/);
  });
});
