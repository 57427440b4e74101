import { describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../../src/departments/index.ts';
import {
  DEFAULT_SIMULATOR_OPTIONS,
  simulateDepartment,
  TransientError,
  type DepartmentTask,
  type SimulatorOptions,
} from '../../src/departments/port.ts';

const now = new Date('2026-09-29T10:00:00+08:00');
const task = (n: number): DepartmentTask => ({
  taskId: `C-${n}:hukou-registration:1`,
  caseId: `C-${n}`,
  item: 'hukou-registration',
  attempt: 1,
  department: 'police',
  region: 'fujian',
  deadline: null,
  fields: {
    baby: { sex: 'female', bornAt: '2026-09-26T08:00:00+08:00' },
    registering: { hukouDivisionCode: '350102' },
  },
});
const police = (o: Partial<SimulatorOptions> = {}) => {
  const taken: { taskId: string; ms: number }[] = [];
  const sim = simulateDepartment(DEPARTMENTS.police, {
    ...DEFAULT_SIMULATOR_OPTIONS,
    seed: 3,
    now: () => now,
    rejectionRate: 0,
    supplementRate: 0,
    transientFaultRate: 0,
    ...o,
    onTask: (t, at, due) => taken.push({ taskId: t.taskId, ms: due.getTime() - at.getTime() }),
  });
  return { sim, taken };
};

describe('the department simulator (sustained-load options)', () => {
  it('a timed-out call is carried out once: the retry, even after the answer was delivered, creates nothing', async () => {
    const { sim, taken } = police({ timeoutRate: 1 });
    await expect(sim.submit(task(1), 'k1')).rejects.toBeInstanceOf(TransientError);
    expect(sim.stats).toMatchObject({ calls: 1, tasks: 1, faults: 1 });
    const delivered = await sim.due(new Date('2027-01-01T00:00:00Z'));
    expect(delivered).toHaveLength(1);
    await sim.ack(delivered);
    // The platform retries with the same key: the department has it already and answers at once.
    await sim.submit(task(1), 'k1');
    expect(sim.stats).toMatchObject({ calls: 2, tasks: 1, faults: 1 });
    expect(await sim.due(new Date('2027-01-01T00:00:00Z'))).toEqual([]);
    expect(taken.map((t) => t.taskId)).toEqual(['C-1:hukou-registration:1']);
  });

  it('draws log-normal latencies around the median, with a long tail', async () => {
    const { sim, taken } = police({ latencyLogNormal: { medianMs: 200, sigma: 0.6 } });
    for (let n = 0; n < 2000; n++) await sim.submit(task(n), `k${n}`);
    const ms = taken.map((t) => t.ms).sort((a, b) => a - b);
    const at = (q: number) => ms[Math.floor(q * ms.length)]!;
    expect(at(0.5)).toBeGreaterThan(180);
    expect(at(0.5)).toBeLessThan(220);
    // e^(2.33 × 0.6) ≈ 4: the 99th percentile near 800 ms, far above the median.
    expect(at(0.99)).toBeGreaterThan(600);
    expect(at(0.99)).toBeLessThan(1100);
    expect(ms[0]).toBeGreaterThan(0);
  });
});
