import { restsOnProvisional } from '../../domain/calendar.ts';
import type { RegionId } from '../../domain/ids.ts';
import { overdueItems, regionOverview } from '../../store/report-store.ts';
import type { EngineDeps } from '../deps.ts';

/** 办件监察: what a supervisor of a region sees. Scoping to the supervisor's regions is the caller's. */

export const overview = (deps: EngineDeps, region: RegionId) => regionOverview(deps.db, region);

/** Each overdue item says whether its deadline rests on a provisional calendar year. */
export const overdue = async (deps: EngineDeps, region: RegionId) =>
  (await overdueItems(deps.db, region)).map((i) => ({
    ...i,
    deadlineProvisional:
      !!i.deadline && !!i.dispatchedAt && restsOnProvisional(deps.calendar, i.dispatchedAt, i.deadline),
  }));
