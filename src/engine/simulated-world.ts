import type { SimulatedEms } from '../departments/ems.ts';
import type { SimulatedDepartment } from '../departments/port.ts';
import type { Engine } from './index.ts';

/**
 * The built-in simulators' answers, brought in: each department's due decisions as one batch, then
 * the post's tracking events. What was delivered is acknowledged; a batch that failed stays queued
 * and is taken again next time (the engine ignores what it already has). Returns the decisions
 * delivered, for a driver that reacts to them (the simulation's parents answer supplements).
 */
export async function deliverSimulated(
  engine: Engine,
  departments: SimulatedDepartment[],
  ems: SimulatedEms,
  now: Date,
) {
  const delivered = [];
  for (const sim of departments) {
    const due = await sim.due(now);
    if (!due.length) continue;
    const results = await engine.department.decideMany(due);
    await sim.ack(due);
    delivered.push(...due.map((decision, i) => ({ decision, result: results[i]! })));
  }
  const parcels = await ems.due(now);
  if (parcels.length) {
    await engine.post.track(parcels);
    await ems.ack(parcels);
  }
  return delivered;
}
