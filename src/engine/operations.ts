import { metricCounts, ping } from '../store/report-store.ts';
import type { EngineDeps } from './deps.ts';

/** Readiness and Prometheus metrics for whoever runs the service. */

export const ready = (deps: EngineDeps) => ping(deps.db);

export async function metrics(deps: EngineDeps): Promise<string> {
  const { cases, items, outbox } = await metricCounts(deps.db);
  const lines = [
    '# HELP onething_cases Cases by region and status.',
    '# TYPE onething_cases gauge',
    ...cases.map((r) => `onething_cases{region="${r.region}",status="${r.status}"} ${r.n}`),
    '# HELP onething_items Items by region, status and whether overdue.',
    '# TYPE onething_items gauge',
    ...items.map(
      (r) => `onething_items{region="${r.region}",status="${r.status}",overdue="${r.overdue}"} ${r.n}`,
    ),
    '# HELP onething_outbox Outbox messages by status.',
    '# TYPE onething_outbox gauge',
    ...outbox.map((r) => `onething_outbox{status="${r.status}"} ${r.n}`),
  ];
  return `${lines.join('\n')}\n`;
}
