import type { RegionId } from '../../domain/ids.ts';
import { funnelCounts, hoursBirthToApplication, type FunnelRow } from '../../store/proactive-store.ts';
import type { EngineDeps } from '../deps.ts';

/**
 * 免申即办 as supervision sees it: of the mothers invited when the hospital's delivery record
 * arrived, how many opened the invitation, applied and saw the case finished; and how long after
 * the birth the application came.
 */

export interface Funnel extends FunnelRow {
  region: RegionId;
  since: string;
  /** Days from birth to application: median and 90th percentile, and how many applied in each span. */
  birthToApplication: {
    medianDays: number | null;
    p90Days: number | null;
    spans: { fromDays: number; toDays: number | null; applied: number }[];
  };
}

const SPANS: [number, number | null][] = [
  [0, 1],
  [1, 3],
  [3, 7],
  [7, 14],
  [14, 30],
  [30, null],
];

export async function funnel(deps: EngineDeps, region: RegionId, since: Date): Promise<Funnel> {
  const [counts, hours] = await Promise.all([
    funnelCounts(deps.db, region, since),
    hoursBirthToApplication(deps.db, region, since),
  ]);
  const days = hours.map((h) => h / 24);
  const at = (q: number) =>
    days.length
      ? Math.round(days[Math.min(days.length - 1, Math.ceil(q * days.length) - 1)]! * 10) / 10
      : null;
  return {
    region,
    since: since.toISOString(),
    ...counts,
    birthToApplication: {
      medianDays: at(0.5),
      p90Days: at(0.9),
      spans: SPANS.map(([from, to]) => ({
        fromDays: from,
        toDays: to,
        applied: days.filter((d) => d >= from && (to === null || d < to)).length,
      })),
    },
  };
}
