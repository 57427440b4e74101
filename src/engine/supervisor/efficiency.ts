import type { Citation } from '../../domain/citation.ts';
import type { RegionId } from '../../domain/ids.ts';
import { deadlineOf, workingTimeBetween } from '../../domain/sla-clock.ts';
import type { Bilingual } from '../../domain/text.ts';
import { getPolicy } from '../../policies/index.ts';
import type { Sla } from '../../policy/schema.ts';
import { finishedCasesPage } from '../../store/efficiency-store.ts';
import type { EngineDeps } from '../deps.ts';

/**
 * The efficiency table, measured (Gansu 001 附件1 联办效能: 71→3 working days, 8→1 trips, 10→5
 * materials, 7→1 steps): beside each figure a region's policy states, what its finished cases
 * actually cost, and the legal limit and promise they were held to.
 *   working days — submission to the last item done, in working time (the calendar's working days);
 *   trips        — results collected in person, plus items refused to offline handling;
 *   materials    — files the family uploaded (with the application and later for an item); what
 *                  the shared data supplied costs the family nothing and is not counted;
 *   steps        — the application itself plus each later action of the family (answering a
 *                  supplement, uploading, paying, booking the courier, meeting a family deadline).
 */

export type Metric = 'working-days' | 'trips' | 'materials' | 'steps';
const METRICS: Metric[] = ['working-days', 'trips', 'materials', 'steps'];
const PAGE = 2000;
const DAY_MS = 86_400_000;

export interface MeasuredMetric {
  metric: Metric;
  /** The policy's stated figures (separately → jointly) and their clause; null where it states none. */
  stated: { separately: number; jointly: number; citation: Citation } | null;
  /** Over the finished cases: mean, median and 90th percentile per case. */
  achieved: { mean: number; median: number; p90: number } | null;
}

export interface EfficiencyTable {
  region: RegionId;
  name: Bilingual;
  since: string;
  finishedCases: number;
  legal: Sla | null;
  promised: Sla | null;
  /** Finished cases whose last item was done within the promise, where the region makes one. */
  withinPromise: number | null;
  metrics: MeasuredMetric[];
}

export async function efficiency(deps: EngineDeps, region: RegionId, since: Date): Promise<EfficiencyTable> {
  const policy = getPolicy(region);
  const values: Record<Metric, number[]> = { 'working-days': [], trips: [], materials: [], steps: [] };
  const promised = policy.caseSla.promised ?? null;
  let withinPromise = 0;
  let finished = 0;
  for (let after = ''; ;) {
    const page = await finishedCasesPage(deps.db, region, since, after, PAGE);
    for (const c of page) {
      finished++;
      if (c.lastDoneAt) {
        const days = workingTimeBetween(deps.calendar, c.submittedAt, c.lastDoneAt) / DAY_MS;
        values['working-days'].push(days);
        // Held to the promise as the case was: counted from its submission by the same clock.
        if (promised && c.lastDoneAt <= deadlineOf(deps.calendar, c.submittedAt, promised)) withinPromise++;
      }
      values.trips.push(c.pickups + c.offline);
      values.materials.push(c.uploads + c.laterUploads);
      values.steps.push(1 + c.actions);
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.caseId;
  }
  return {
    region,
    name: policy.name,
    since: since.toISOString(),
    finishedCases: finished,
    legal: policy.caseSla.legal ?? null,
    promised,
    withinPromise: promised ? withinPromise : null,
    metrics: METRICS.map((metric) => {
      const s = policy.efficiency.find((e) => e.metric === metric);
      return {
        metric,
        stated: s ? { separately: s.separately, jointly: s.jointly, citation: s.citation } : null,
        achieved: summary(values[metric]),
      };
    }),
  };
}

function summary(xs: number[]): MeasuredMetric['achieved'] {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
    median: round(at(0.5)),
    p90: round(at(0.9)),
  };
}
